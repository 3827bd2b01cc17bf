package org.wirearchive.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.article.RejectReason;
import org.wirearchive.core.format.ArchiveReader;
import org.wirearchive.core.format.InputDocument;

class FileParserTest {

    /** Invented text in the MENAFN text layout, without a crawl-date line: the WARC-Date is the only crawl date. */
    static final String PAGE = "Invented Ministry Tests New Archive Readers\n\n"
            + "2024-03-05 09:12:44\n(MENAFN- Kuwait News Agency (KUNA)) KUWAIT, March 5 (KUNA) -- The invented "
            + "Ministry of Examples said on Tuesday that it had tested new archive readers on imaginary files.\n"
            + "The fictional officials added that every reader passed the trial without losing a single page.\n"
            + "(end) xy\n\n\n\nMENAFN05032024000071011013ID1108012345\n\nLegal Disclaimer:\nInvented boilerplate.\n";

    @TempDir
    Path dir;

    private Path zip(String name, String... nameThenText) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bos, StandardCharsets.UTF_8)) {
            for (int i = 0; i < nameThenText.length; i += 2) {
                zip.putNextEntry(new ZipEntry(nameThenText[i]));
                zip.write(nameThenText[i + 1].getBytes(StandardCharsets.UTF_8));
            }
        }
        Path p = dir.resolve(name);
        Files.write(p, bos.toByteArray());
        return p;
    }

    @Test
    void oneOutcomePerInputInContainerOrderWithContainerRejectsPassedThrough() throws IOException {
        Path f = zip("a.zip", "one.txt", "first", "../evil.txt", "x", "two.txt", "second");
        List<String> seen = new ArrayList<>();
        FileParser parser = new FileParser(new ArchiveReader(), d -> {
            String text = new String(d.content(), StandardCharsets.UTF_8);
            seen.add(d.source());
            return new ParseOutcome.Rejected(d.source(), d.url(), RejectReason.NO_ARTICLE, "test saw " + text);
        });

        List<ParseOutcome> outcomes = parser.parse(f, "in/a.zip");

        assertThat(seen).containsExactly("in/a.zip#one.txt", "in/a.zip#two.txt");
        assertThat(outcomes).extracting(ParseOutcome::source).containsExactly("in/a.zip#one.txt",
                "in/a.zip#../evil.txt", "in/a.zip#two.txt");
        assertThat(((ParseOutcome.Rejected) outcomes.get(0)).message()).isEqualTo("test saw first");
        assertThat(((ParseOutcome.Rejected) outcomes.get(1)).reason()).isEqualTo(RejectReason.UNSAFE_ENTRY);
        assertThat(((ParseOutcome.Rejected) outcomes.get(2)).message()).isEqualTo("test saw second");
    }

    @Test
    void aFailingExtractorBecomesAnInternalErrorForThatInputOnly() throws IOException {
        Path f = zip("b.zip", "boom.txt", "boom", "fine.txt", "fine");
        FileParser parser = new FileParser(new ArchiveReader(), (InputDocument d) -> {
            if (d.source().endsWith("boom.txt")) {
                throw new IllegalStateException("invented failure");
            }
            return new ParseOutcome.Rejected(d.source(), null, RejectReason.NO_ARTICLE, "ok");
        });

        List<ParseOutcome> outcomes = parser.parse(f, "b.zip");

        assertThat(outcomes).hasSize(2);
        ParseOutcome.Rejected failed = (ParseOutcome.Rejected) outcomes.get(0);
        assertThat(failed.source()).isEqualTo("b.zip#boom.txt");
        assertThat(failed.reason()).isEqualTo(RejectReason.INTERNAL_ERROR);
        assertThat(failed.message()).contains("invented failure");
        assertThat(((ParseOutcome.Rejected) outcomes.get(1)).message()).isEqualTo("ok");
    }

    @Test
    void theStreamingVariantHandsEachOutcomeOverBeforeTheNextInputIsExtracted() throws IOException {
        Path f = zip("c.zip", "1.txt", "a", "2.txt", "b", "3.txt", "c");
        List<String> events = new ArrayList<>();
        FileParser parser = new FileParser(new ArchiveReader(), d -> {
            events.add("extract " + d.source());
            return new ParseOutcome.Rejected(d.source(), null, RejectReason.NO_ARTICLE, "x");
        });

        parser.parse(f, "c.zip", o -> events.add("sink " + o.source()));

        assertThat(events).containsExactly("extract c.zip#1.txt", "sink c.zip#1.txt", "extract c.zip#2.txt",
                "sink c.zip#2.txt", "extract c.zip#3.txt", "sink c.zip#3.txt");
    }

    @Test
    void aWarcResponseReachesTheRealExtractorWithItsUrlAndCrawlDate() throws IOException {
        String url = "https://menafn.com/1108012345/Invented-Ministry-Tests-New-Archive-Readers";
        byte[] http = ("HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + PAGE)
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        long offset;
        try (WarcWriter w = new WarcWriter(Channels.newChannel(bos), WarcCompression.GZIP)) {
            offset = w.position();
            w.write(new WarcResponse.Builder(url).date(Instant.parse("2024-03-06T01:02:03Z"))
                    .body(MediaType.HTTP_RESPONSE, http).build());
        }
        Path f = dir.resolve("crawl.warc.gz");
        Files.write(f, bos.toByteArray());

        List<ParseOutcome> outcomes = new FileParser().parse(f, "crawl.warc.gz");

        assertThat(outcomes).hasSize(1);
        assertThat(outcomes.get(0).source()).isEqualTo("crawl.warc.gz#" + offset);
        assertThat(outcomes.get(0).url()).isEqualTo(url);
        assertThat(outcomes.get(0)).isInstanceOfSatisfying(ParseOutcome.Parsed.class, p -> {
            assertThat(p.article().crawlDate()).isEqualTo(LocalDate.of(2024, 3, 6));
            assertThat(p.article().body()).contains("tested new archive readers on imaginary files");
        });
    }

    @Test
    void aDamagedFileIsARejectionNotAnException() throws IOException {
        Path f = dir.resolve("bad.gz");
        Files.write(f, new byte[] {0x1f, (byte) 0x8b, 8, 0, 0, 0});
        List<ParseOutcome> outcomes = new FileParser().parse(f, "bad.gz");
        assertThat(outcomes).singleElement().isInstanceOfSatisfying(ParseOutcome.Rejected.class,
                r -> assertThat(r.reason()).isEqualTo(RejectReason.CORRUPT));
    }
}
