package org.wirearchive.batch.remote;

import org.wirearchive.core.article.DateSource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirearchive.batch.ingest.FileOutcomes;
import org.wirearchive.batch.ingest.IngestJobConfiguration;
import org.wirearchive.batch.ingest.InputFile;
import org.wirearchive.batch.ingest.ParseFileProcessor;
import org.wirearchive.core.article.Article;
import org.wirearchive.core.article.KunaId;
import org.wirearchive.core.article.MenafnDocId;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.article.Published;
import org.wirearchive.core.article.RejectReason;
import org.wirearchive.core.dedup.IndexedCopy;
import org.wirearchive.core.generate.ArchiveGenerator;
import org.wirearchive.core.generate.GeneratorSpec;

@DisplayName("ParsedFileCodec: what a worker stages is what the manager stores")
class ParsedFileCodecTests {

    @Test
    @DisplayName("every file of a generated archive (all layouts, duplicates, bad files) round-trips exactly")
    void generatedArchiveRoundTrips(@TempDir Path dir) throws IOException {
        GeneratorSpec spec = GeneratorSpec.of(400, dir, 7).withBadEvery(25);
        new ArchiveGenerator().generate(spec);
        ParseFileProcessor parser = new ParseFileProcessor(IngestJobConfiguration.fileParser(20));
        List<Path> files;
        try (Stream<Path> s = Files.walk(spec.archiveDir())) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        int parsed = 0;
        int rejected = 0;
        int kuna = 0;
        int menafn = 0;
        for (int i = 0; i < files.size(); i++) {
            Path f = files.get(i);
            FileOutcomes original = parser.process(new InputFile(i, f.toString(), Files.size(f),
                    new Timestamp(Files.getLastModifiedTime(f).toMillis())));
            FileOutcomes copy = ParsedFileCodec.decode(ParsedFileCodec.encode(original));
            assertThat(copy).as(f.toString()).isEqualTo(original);
            assertSameIds(copy, original);
            for (ParseOutcome o : original.outcomes()) {
                if (o instanceof ParseOutcome.Parsed p) {
                    parsed++;
                    kuna += p.article().kunaId() != null ? 1 : 0;
                    menafn += p.article().menafnDocId() != null ? 1 : 0;
                } else {
                    rejected++;
                }
            }
        }
        assertThat(files).hasSizeGreaterThanOrEqualTo(400);
        assertThat(parsed).as("parsed").isGreaterThan(300);
        assertThat(rejected).as("rejected").isGreaterThan(5);
        assertThat(kuna).as("with a KUNA id").isPositive();
        assertThat(menafn).as("with a MENAFN document id").isPositive();
    }

    @Test
    @DisplayName("hand-made outcomes: every optional field null and set, ids with their raw text, keyed copies")
    void edgeCases() {
        Article full = new Article("/a/b#entry 1", "https://www.kuna.net.kw/ArticleDetails.aspx?id=3212345",
                "menafn-text", MenafnDocId.of("menafn26062025000071011013id1109726370"), null, KunaId.of(" 3212345 "),
                "Kuwait News Agency (KUNA)", "kuna", "\u0627\u0644\u0643\u0648\u064a\u062a headline",
                "title-line", new Published(LocalDate.of(2025, 6, 26), LocalTime.of(5, 5, 38, 120), DateSource.TIMESTAMP),
                LocalDate.of(2025, 6, 27), "KUWAIT", "By someone", "gb", "ar", "body \u00e9\n" + "x".repeat(70_000),
                "0".repeat(64), List.of("no-end-marker", "mojibake-repaired"));
        Article bare = new Article("/c", null, null, null, null, null, null, null, null, null,
                Published.on(LocalDate.of(2024, 2, 29), DateSource.DOC_ID), null, null, null, null, null, "", "f".repeat(64),
                null);
        Article withOffset = new Article("/d.html", null, "html-kuna", null, null, null, null, null, null, null,
                Published.at(java.time.OffsetDateTime.parse("2024-02-12T22:15:00+03:00"), DateSource.HTML_META), null, null,
                null, null, null, "", "e".repeat(64), null);
        List<ParseOutcome> outcomes = List.of(new ParseOutcome.Parsed(full), new ParseOutcome.Parsed(bare),
                new ParseOutcome.Parsed(withOffset),
                new ParseOutcome.Rejected("/a/b#bad", null, RejectReason.DECOMPRESSION_LIMIT, null),
                new ParseOutcome.Rejected("/a/b#worse", "http://x", RejectReason.INTERNAL_ERROR, "a message: \u2013 \u0000"));
        List<IndexedCopy> copies = new ArrayList<>();
        copies.add(IndexedCopy.of(full).withKey("M1109726370"));
        copies.add(IndexedCopy.of(bare));
        Timestamp modified = Timestamp.valueOf(LocalDateTime.of(2026, 11, 27, 2, 30, 0, 123_456_789));
        FileOutcomes original = new FileOutcomes(new InputFile(41, "/a/b", 1234L, modified), "ab".repeat(32), outcomes,
                copies);

        FileOutcomes copy = ParsedFileCodec.decode(ParsedFileCodec.encode(original));

        assertThat(copy).isEqualTo(original);
        assertThat(copy.file().modified().getNanos()).isEqualTo(123_456_789);
        assertSameIds(copy, original);
        Article a = ((ParseOutcome.Parsed) copy.outcomes().get(0)).article();
        assertThat(a.menafnArticleNo()).isEqualTo(1109726370L);
        assertThat(a.menafnProviderCode()).isEqualTo("000071011013");
        assertThat(copy.copies().get(0).articleKey()).isEqualTo("M1109726370");
        assertThat(copy.copies().get(0).minHash().bands()).isEqualTo(original.copies().get(0).minHash().bands());
        assertThat(copy.copies().get(1).date()).isEqualTo(LocalDate.of(2024, 2, 29));
        // a file without outcomes or modification time, and no hash (never produced today, but representable)
        FileOutcomes empty = new FileOutcomes(new InputFile(0, "/e", 0, null), null, List.of(), List.of());
        assertThat(ParsedFileCodec.decode(ParsedFileCodec.encode(empty))).isEqualTo(empty);
    }

    @Test
    @DisplayName("a truncated, padded or foreign payload fails loudly, never decodes to something else")
    void damagedPayloadsFail() {
        Article bare = new Article("/c", null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, "some body text", "f".repeat(64), null);
        byte[] good = ParsedFileCodec.encode(new FileOutcomes(new InputFile(3, "/c", 10, new Timestamp(0)), "ab",
                List.of(new ParseOutcome.Parsed(bare))));
        for (int cut = 0; cut < good.length; cut++) {
            byte[] truncated = Arrays.copyOf(good, cut);
            assertThatThrownBy(() -> ParsedFileCodec.decode(truncated)).isInstanceOf(IllegalStateException.class);
        }
        assertThatThrownBy(() -> ParsedFileCodec.decode(Arrays.copyOf(good, good.length + 1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("trailing");
        byte[] other = good.clone();
        other[0] = 99;
        assertThatThrownBy(() -> ParsedFileCodec.decode(other)).hasMessageContaining("version 99");
    }

    /** Records compare ids on their canonical value: the raw text the page printed must survive too. */
    private static void assertSameIds(FileOutcomes copy, FileOutcomes original) {
        for (int i = 0; i < original.outcomes().size(); i++) {
            if (original.outcomes().get(i) instanceof ParseOutcome.Parsed p) {
                Article a = ((ParseOutcome.Parsed) copy.outcomes().get(i)).article();
                assertThat(a.menafnDocId() == null ? null : a.menafnDocId().raw())
                        .isEqualTo(p.article().menafnDocId() == null ? null : p.article().menafnDocId().raw());
                assertThat(a.kunaId() == null ? null : a.kunaId().raw())
                        .isEqualTo(p.article().kunaId() == null ? null : p.article().kunaId().raw());
            }
        }
    }
}
