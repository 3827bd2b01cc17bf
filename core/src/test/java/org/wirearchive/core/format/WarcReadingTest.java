package org.wirearchive.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirearchive.core.format.ArchiveReaderTest.doc;
import static org.wirearchive.core.format.ArchiveReaderTest.rej;
import static org.wirearchive.core.format.ArchiveReaderTest.summary;
import static org.wirearchive.core.format.Fixtures.headers;
import static org.wirearchive.core.format.Fixtures.http;
import static org.wirearchive.core.format.Fixtures.utf8;
import static org.wirearchive.core.format.Fixtures.write;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirearchive.core.article.RejectReason;
import org.wirearchive.core.format.InputDocument.ContentKind;

@DisplayName("WARC records")
class WarcReadingTest {

    static final String URL_1 = "https://menafn.com/1108012345/Invented-Ministry-Tests-Archive-Readers";
    static final String URL_2 = "https://www.kuna.net.kw/ArticleDetails.aspx?id=3123456&language=en";
    static final Charset CP1256 = Charset.forName("windows-1256");

    @TempDir
    Path dir;

    private final ArchiveReader reader = new ArchiveReader();

    /** warcinfo, request, response (chunked + gzip), response (windows-1256), resource, conversion, metadata-less. */
    static Fixtures.Warc sampleWarc(boolean gzip) throws IOException {
        byte[] html = utf8("<html><head><title>Invented</title></head><body><p>" + Fixtures.PAGE_1
                + "</p></body></html>");
        byte[] chunkedGzip = Fixtures.chunked(Fixtures.gzip(html), 50);
        return new Fixtures.Warc(gzip)
                .warcinfo()
                .request(URL_1)
                .response(URL_1, "2024-03-05T23:59:58Z", http(200, "OK", headers(
                        "Content-Type", "text/html; charset=UTF-8", "Content-Encoding", "gzip",
                        "Transfer-Encoding", "chunked"), chunkedGzip))
                .response(URL_2, "2024-03-06T00:00:01Z", http(200, "OK", headers(
                        "Content-Type", "text/plain; charset=\"windows-1256\""), Fixtures.ARABIC.getBytes(CP1256)))
                .resource("https://example.invalid/dump/page.txt", "2023-03-09T08:00:00Z",
                        "text/plain; charset=utf-8", utf8(Fixtures.PAGE_2))
                .conversion("https://example.invalid/page.pdf", "2023-03-10T08:00:00Z", "text/plain",
                        utf8(Fixtures.PAGE_1));
    }

    @Test
    void responseResourceAndConversionRecordsAreInputsNamedByOffset() throws IOException {
        Fixtures.Warc warc = sampleWarc(false);
        byte[] bytes = warc.bytes();
        List<Long> offsets = warc.offsets();
        Path f = write(dir, "crawl.warc", bytes);

        List<InputItem> items = reader.read(f, "in/crawl.warc");

        assertThat(items).extracting(InputItem::source).containsExactly(
                "in/crawl.warc#" + offsets.get(2), "in/crawl.warc#" + offsets.get(3),
                "in/crawl.warc#" + offsets.get(4), "in/crawl.warc#" + offsets.get(5));
        // offsets are real: each names the start of a WARC record
        for (int i = 2; i < 6; i++) {
            assertThat(new String(bytes, offsets.get(i).intValue(), 5, StandardCharsets.US_ASCII)).isEqualTo("WARC/");
        }

        InputDocument page = doc(items.get(0));
        assertThat(page.url()).isEqualTo(URL_1);
        assertThat(page.crawlDate()).isEqualTo(LocalDate.of(2024, 3, 5));
        assertThat(page.kind()).isEqualTo(ContentKind.HTML);
        assertThat(page.charset()).isEqualTo(StandardCharsets.UTF_8);
        // de-chunked and gunzipped: exactly the page, no chunk sizes, no HTTP headers
        assertThat(Fixtures.text(page)).startsWith("<html><head><title>Invented</title>")
                .contains("The invented Ministry of Examples").endsWith("</html>")
                .doesNotContain("HTTP/1.1").doesNotContain("\r\n32\r\n");

        InputDocument arabic = doc(items.get(1));
        assertThat(arabic.url()).isEqualTo(URL_2);
        assertThat(arabic.crawlDate()).isEqualTo(LocalDate.of(2024, 3, 6));
        assertThat(arabic.charset()).isEqualTo(CP1256);
        assertThat(arabic.kind()).isEqualTo(ContentKind.TEXT);
        assertThat(arabic.content()).isEqualTo(Fixtures.ARABIC.getBytes(CP1256));
        assertThat(Fixtures.text(arabic)).isEqualTo(Fixtures.ARABIC);

        InputDocument resource = doc(items.get(2));
        assertThat(resource.url()).isEqualTo("https://example.invalid/dump/page.txt");
        assertThat(resource.crawlDate()).isEqualTo(LocalDate.of(2023, 3, 9));
        assertThat(Fixtures.text(resource)).isEqualTo(Fixtures.PAGE_2);

        InputDocument conversion = doc(items.get(3));
        assertThat(conversion.url()).isEqualTo("https://example.invalid/page.pdf");
        assertThat(conversion.kind()).isEqualTo(ContentKind.TEXT);
        assertThat(conversion.charset()).isNull();
        assertThat(Fixtures.text(conversion)).isEqualTo(Fixtures.PAGE_1);
    }

    @Test
    void aGzipPerRecordWarcGivesTheSameInputsNamedByCompressedOffset() throws IOException {
        Fixtures.Warc warc = sampleWarc(true);
        byte[] bytes = warc.bytes();
        Path f = write(dir, "crawl.warc.gz", bytes);

        List<InputItem> items = reader.read(f, "crawl.warc.gz");

        List<Long> offsets = warc.offsets();
        assertThat(items).extracting(InputItem::source).containsExactly("crawl.warc.gz#" + offsets.get(2),
                "crawl.warc.gz#" + offsets.get(3), "crawl.warc.gz#" + offsets.get(4),
                "crawl.warc.gz#" + offsets.get(5));
        for (int i = 2; i < 6; i++) {
            // each offset is the start of a gzip member
            assertThat(bytes[offsets.get(i).intValue()] & 0xff).isEqualTo(0x1f);
            assertThat(bytes[offsets.get(i).intValue() + 1] & 0xff).isEqualTo(0x8b);
        }
        List<InputItem> plain = reader.read(write(dir, "crawl.warc", sampleWarc(false).bytes()), "crawl.warc");
        for (int i = 0; i < 4; i++) {
            assertThat(doc(items.get(i)).content()).isEqualTo(doc(plain.get(i)).content());
            assertThat(doc(items.get(i)).url()).isEqualTo(doc(plain.get(i)).url());
        }
    }

    @Test
    void aWarcInsideAZipIsNamedWithBothLevels() throws IOException {
        Fixtures.Warc warc = sampleWarc(true);
        byte[] bytes = warc.bytes();
        Path f = write(dir, "a.zip", Fixtures.zip(Fixtures.entries("x/inner.warc.gz", bytes)));

        List<InputItem> items = reader.read(f, "a.zip");

        assertThat(items).hasSize(4);
        assertThat(items.get(0).source()).isEqualTo("a.zip#x/inner.warc.gz#" + warc.offsets().get(2));
        assertThat(doc(items.get(0)).url()).isEqualTo(URL_1);
    }

    @Test
    void nonPageResponsesAreRejectedWithTheirStatusAndOthersKept() throws IOException {
        Fixtures.Warc warc = new Fixtures.Warc(false)
                .response("https://menafn.com/1/x", "2024-01-01T00:00:00Z", http(404, "Not Found",
                        headers("Content-Type", "text/html"), utf8("<html>gone</html>")))
                .response("https://menafn.com/2/y", "2024-01-01T00:00:00Z", http(200, "OK",
                        headers("Content-Type", "text/html", "Content-Encoding", "br"), new byte[] {1, 2, 3}))
                .response(URL_1, "2024-01-01T00:00:00Z", http(200, "OK", headers("Content-Type", "text/plain"),
                        utf8(Fixtures.PAGE_1)));
        Path f = write(dir, "w.warc", warc.bytes());

        List<InputItem> items = reader.read(f, "w.warc");

        assertThat(items).hasSize(3);
        assertThat(rej(items.get(0)).rejection().reason()).isEqualTo(RejectReason.NO_ARTICLE);
        assertThat(rej(items.get(0)).rejection().message()).contains("404");
        assertThat(rej(items.get(0)).rejection().url()).isEqualTo("https://menafn.com/1/x");
        assertThat(rej(items.get(1)).rejection().reason()).isEqualTo(RejectReason.UNSUPPORTED_CONTAINER);
        assertThat(rej(items.get(1)).rejection().message()).contains("br");
        assertThat(Fixtures.text(doc(items.get(2)))).isEqualTo(Fixtures.PAGE_1);
    }

    @Test
    void aWarcWithoutPageRecordsSaysSo() throws IOException {
        Path f = write(dir, "info.warc", new Fixtures.Warc(false).warcinfo().request(URL_1).bytes());
        List<InputItem> items = reader.read(f, "info.warc");
        assertThat(items).hasSize(1);
        assertThat(rej(items.get(0)).source()).isEqualTo("info.warc");
        assertThat(rej(items.get(0)).rejection().reason()).isEqualTo(RejectReason.NO_ARTICLE);
    }

    @Test
    void aRecordOverTheLimitIsTooLargeAndTheNextIsRead() throws IOException {
        Fixtures.Warc warc = new Fixtures.Warc(true)
                .resource("https://example.invalid/big", "2024-01-01T00:00:00Z", "text/plain",
                        utf8("x".repeat(5000)))
                .resource("https://example.invalid/small", "2024-01-01T00:00:00Z", "text/plain",
                        utf8(Fixtures.PAGE_2));
        Path f = write(dir, "w.warc.gz", warc.bytes());

        List<InputItem> items = new ArchiveReader(InputLimits.defaults().withMaxInputBytes(1000)).read(f, "w.warc.gz");

        assertThat(summary(items)).contains("REJECT TOO_LARGE");
        assertThat(rej(items.get(0)).rejection().url()).isEqualTo("https://example.invalid/big");
        assertThat(Fixtures.text(doc(items.get(1)))).isEqualTo(Fixtures.PAGE_2);
    }

    @Test
    void aContentEncodingBombIsADecompressionLimit() throws IOException {
        byte[] bomb = ArchiveReaderTest.gzipZeros(60L * 1024 * 1024);
        Fixtures.Warc warc = new Fixtures.Warc(false)
                .response(URL_1, "2024-01-01T00:00:00Z", http(200, "OK", headers("Content-Type", "text/html",
                        "Content-Encoding", "gzip"), bomb))
                .response(URL_2, "2024-01-01T00:00:00Z", http(200, "OK", headers("Content-Type", "text/plain"),
                        utf8(Fixtures.PAGE_2)));
        Path f = write(dir, "w.warc", warc.bytes());

        List<InputItem> items = reader.read(f, "w.warc");

        assertThat(items).hasSize(2);
        assertThat(rej(items.get(0)).rejection().reason()).isEqualTo(RejectReason.DECOMPRESSION_LIMIT);
        assertThat(Fixtures.text(doc(items.get(1)))).isEqualTo(Fixtures.PAGE_2);
    }

    @Test
    void aTruncatedWarcYieldsTheRecordsBeforeTheDamageAndOneCorruptNamingTheOffset() throws IOException {
        Fixtures.Warc warc = sampleWarc(false);
        byte[] bytes = warc.bytes();
        long fourth = warc.offsets().get(4); // the resource record
        Path f = write(dir, "cut.warc", Arrays.copyOf(bytes, (int) fourth + 40));

        List<InputItem> items = reader.read(f, "cut.warc");

        assertThat(items).hasSize(3);
        assertThat(doc(items.get(0)).url()).isEqualTo(URL_1);
        assertThat(doc(items.get(1)).url()).isEqualTo(URL_2);
        assertThat(rej(items.get(2)).source()).isEqualTo("cut.warc");
        assertThat(rej(items.get(2)).rejection().reason()).isEqualTo(RejectReason.CORRUPT);
        assertThat(rej(items.get(2)).rejection().message()).contains("byte " + fourth);
    }

    @Test
    void aTruncatedWarcGzYieldsTheRecordsBeforeTheDamage() throws IOException {
        Fixtures.Warc warc = sampleWarc(true);
        byte[] bytes = warc.bytes();
        long fifth = warc.offsets().get(5); // the conversion record
        Path f = write(dir, "cut.warc.gz", Arrays.copyOf(bytes, (int) fifth + 30));

        List<InputItem> items = reader.read(f, "cut.warc.gz");

        assertThat(items).filteredOn(InputItem.Document.class::isInstance).hasSize(3);
        assertThat(rej(items.get(items.size() - 1)).rejection().reason()).isEqualTo(RejectReason.CORRUPT);
    }
}
