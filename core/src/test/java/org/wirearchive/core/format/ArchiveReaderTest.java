package org.wirearchive.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirearchive.core.format.Fixtures.entries;
import static org.wirearchive.core.format.Fixtures.utf8;
import static org.wirearchive.core.format.Fixtures.write;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wirearchive.core.article.RejectReason;
import org.wirearchive.core.format.InputDocument.ContentKind;

class ArchiveReaderTest {

    @TempDir
    Path dir;

    private final ArchiveReader reader = new ArchiveReader();

    static InputDocument doc(InputItem item) {
        assertThat(item).isInstanceOf(InputItem.Document.class);
        return ((InputItem.Document) item).document();
    }

    static InputItem.Reject rej(InputItem item) {
        assertThat(item).isInstanceOf(InputItem.Reject.class);
        return (InputItem.Reject) item;
    }

    static String summary(List<InputItem> items) {
        return items.stream().map(i -> i instanceof InputItem.Reject r
                ? r.source() + " REJECT " + r.rejection().reason() + ": " + r.rejection().message()
                : i.source() + " DOC").collect(Collectors.joining("\n"));
    }

    @Nested
    @DisplayName("plain files")
    class Plain {

        @Test
        void aTextFileIsOneDocumentWithItsExactBytes() throws IOException {
            Path f = write(dir, "page.txt", utf8(Fixtures.PAGE_1));

            List<InputItem> items = reader.read(f, "archive/page.txt");

            assertThat(items).hasSize(1);
            InputDocument d = doc(items.get(0));
            assertThat(d.source()).isEqualTo("archive/page.txt");
            assertThat(d.content()).isEqualTo(utf8(Fixtures.PAGE_1));
            assertThat(d.url()).isNull();
            assertThat(d.crawlDate()).isNull();
            assertThat(d.charset()).isNull();
            assertThat(d.kind()).isEqualTo(ContentKind.UNKNOWN);
        }

        @Test
        void anHtmlFileIsMarkedHtml() throws IOException {
            Path f = write(dir, "Page.HTML", utf8("<html><body><p>x</p></body></html>"));
            assertThat(doc(reader.read(f, "Page.HTML").get(0)).kind()).isEqualTo(ContentKind.HTML);
        }

        @Test
        void anEmptyFileIsAnEmptyDocumentForTheExtractorToReject() throws IOException {
            Path f = write(dir, "empty.txt", new byte[0]);
            assertThat(doc(reader.read(f, "empty.txt").get(0)).content()).isEmpty();
        }

        @Test
        void aFileOverTheLimitIsTooLargeAndNotRead() throws IOException {
            Path f = write(dir, "big.txt", new byte[2048]);
            List<InputItem> items = new ArchiveReader(InputLimits.defaults().withMaxInputBytes(1000))
                    .read(f, "big.txt");
            assertThat(items).hasSize(1);
            assertThat(rej(items.get(0)).rejection().reason()).isEqualTo(RejectReason.TOO_LARGE);
            assertThat(rej(items.get(0)).rejection().message()).contains("2048").contains("1000");
        }

        @Test
        void aMissingFileIsUnreadableNamingIt() {
            List<InputItem> items = reader.read(dir.resolve("nope.txt"), "in/nope.txt");
            assertThat(items).hasSize(1);
            assertThat(rej(items.get(0)).source()).isEqualTo("in/nope.txt");
            assertThat(rej(items.get(0)).rejection().reason()).isEqualTo(RejectReason.UNREADABLE);
        }
    }

    @Nested
    @DisplayName("gzip")
    class Gzip {

        @Test
        void aGzippedPageKeepsItsFileNameAndIsDecompressed() throws IOException {
            Path f = write(dir, "page.txt.gz", Fixtures.gzip(utf8(Fixtures.PAGE_2)));
            List<InputItem> items = reader.read(f, "a/page.txt.gz");
            assertThat(items).hasSize(1);
            assertThat(doc(items.get(0)).source()).isEqualTo("a/page.txt.gz");
            assertThat(Fixtures.text(doc(items.get(0)))).isEqualTo(Fixtures.PAGE_2);
        }

        @Test
        void gzipIsDetectedByMagicWhateverTheName() throws IOException {
            Path f = write(dir, "page.txt", Fixtures.gzip(utf8(Fixtures.PAGE_2)));
            assertThat(Fixtures.text(doc(reader.read(f, "page.txt").get(0)))).isEqualTo(Fixtures.PAGE_2);
        }

        @Test
        void aGzippedHtmlPageIsMarkedHtml() throws IOException {
            Path f = write(dir, "page.html.gz", Fixtures.gzip(utf8("<html><title>t</title></html>")));
            assertThat(doc(reader.read(f, "page.html.gz").get(0)).kind()).isEqualTo(ContentKind.HTML);
        }

        @Test
        void aTruncatedGzipIsCorrupt() throws IOException {
            byte[] gz = Fixtures.gzip(utf8(Fixtures.PAGE_1.repeat(20)));
            Path f = write(dir, "cut.gz", java.util.Arrays.copyOf(gz, gz.length / 2));
            List<InputItem> items = reader.read(f, "cut.gz");
            assertThat(items).hasSize(1);
            assertThat(rej(items.get(0)).rejection().reason()).isEqualTo(RejectReason.CORRUPT);
        }

        @Test
        void aGzipBombIsADecompressionLimitNotAnOutOfMemory() throws IOException {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
                Fixtures.zeros(gz, 200L * 1024 * 1024);
            }
            Path f = write(dir, "bomb.txt.gz", bos.toByteArray());
            assertThat(bos.size()).isLessThan(300_000);

            List<InputItem> items = reader.read(f, "bomb.txt.gz");

            assertThat(items).hasSize(1);
            assertThat(rej(items.get(0)).rejection().reason()).isEqualTo(RejectReason.DECOMPRESSION_LIMIT);
            assertThat(rej(items.get(0)).rejection().message()).contains("expands more than 200 times");
        }

        @Test
        void aGzippedPageOverThePerInputLimitIsTooLarge() throws IOException {
            // random-looking text: compresses little, so the ratio is fine and only the size limit applies
            StringBuilder sb = new StringBuilder();
            java.util.Random random = new java.util.Random(7);
            while (sb.length() < 5000) {
                sb.append(Integer.toString(random.nextInt(), 36)).append(' ');
            }
            Path f = write(dir, "p.txt.gz", Fixtures.gzip(utf8(sb.toString())));
            List<InputItem> items = new ArchiveReader(InputLimits.defaults().withMaxInputBytes(4000))
                    .read(f, "p.txt.gz");
            assertThat(rej(items.get(0)).rejection().reason()).isEqualTo(RejectReason.TOO_LARGE);
        }
    }

    @Nested
    @DisplayName("container detection")
    class Detection {

        @ParameterizedTest(name = "{0}")
        @CsvSource({
                "x.7z, 377abcaf271c0004, 7z",
                "x.rar, 526172211a0700, rar",
                "x.xz, fd377a585a000004, xz",
                "x.zst, 28b52ffd00, zstd",
                "x.bin, 425a683931415926535900, bzip2",
                "x.dat, 4d5343460000000000, cab",
        })
        void unsupportedArchivesAreRejectedByMagic(String name, String hex, String label) throws IOException {
            Path f = write(dir, name, java.util.HexFormat.of().parseHex(hex));
            List<InputItem> items = reader.read(f, name);
            assertThat(items).hasSize(1);
            assertThat(rej(items.get(0)).rejection().reason()).isEqualTo(RejectReason.UNSUPPORTED_CONTAINER);
            assertThat(rej(items.get(0)).rejection().message()).contains(label);
        }

        @Test
        void aTarIsRejectedByItsUstarMagic() throws IOException {
            byte[] tar = new byte[1024];
            byte[] name = "page.txt".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, tar, 0, name.length);
            System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, tar, 257, 5);
            Path f = write(dir, "pages.data", tar);
            assertThat(rej(reader.read(f, "pages.data").get(0)).rejection().reason())
                    .isEqualTo(RejectReason.UNSUPPORTED_CONTAINER);
        }

        @Test
        void aTarGzIsDecompressedThenRejectedAsTar() throws IOException {
            Path f = write(dir, "pages.tgz", Fixtures.gzip(utf8("not really a tar, but named so")));
            InputItem.Reject r = rej(reader.read(f, "pages.tgz").get(0));
            assertThat(r.rejection().reason()).isEqualTo(RejectReason.UNSUPPORTED_CONTAINER);
            assertThat(r.rejection().message()).contains("tar");
        }

        @ParameterizedTest
        @CsvSource({"page.gz", "pages.zip", "crawl.warc"})
        void aNameThatLiesAboutTheContainerIsCorrupt(String name) throws IOException {
            Path f = write(dir, name, utf8("plain text, not a container"));
            assertThat(rej(reader.read(f, name).get(0)).rejection().reason()).isEqualTo(RejectReason.CORRUPT);
        }
    }

    @Nested
    @DisplayName("zip")
    class Zip {

        @Test
        void eachEntryIsAnInputNamedContainerHashEntry() throws IOException {
            Path f = write(dir, "pages.zip", Fixtures.zip(entries(
                    "one.txt", Fixtures.PAGE_1, "dir/", new byte[0], "dir/two.html", "<html>x</html>",
                    "three.txt.gz", Fixtures.gzip(utf8(Fixtures.PAGE_2)))));

            List<InputItem> items = reader.read(f, "in/pages.zip");

            assertThat(items).extracting(InputItem::source)
                    .containsExactly("in/pages.zip#one.txt", "in/pages.zip#dir/two.html", "in/pages.zip#three.txt.gz");
            assertThat(Fixtures.text(doc(items.get(0)))).isEqualTo(Fixtures.PAGE_1);
            assertThat(doc(items.get(1)).kind()).isEqualTo(ContentKind.HTML);
            assertThat(Fixtures.text(doc(items.get(2)))).isEqualTo(Fixtures.PAGE_2);
        }

        @Test
        void nestedZipsAreReadWithNestedNames() throws IOException {
            byte[] inner = Fixtures.zip(entries("b.txt", Fixtures.PAGE_2));
            Path f = write(dir, "outer.zip", Fixtures.zip(entries("a.txt", Fixtures.PAGE_1, "inner.zip", inner)));

            List<InputItem> items = reader.read(f, "outer.zip");

            assertThat(items).extracting(InputItem::source).containsExactly("outer.zip#a.txt",
                    "outer.zip#inner.zip#b.txt");
            assertThat(Fixtures.text(doc(items.get(1)))).isEqualTo(Fixtures.PAGE_2);
        }

        @Test
        void unsafeEntryNamesAreRejectedAndTheOtherEntriesKept() throws IOException {
            Path f = write(dir, "evil.zip", Fixtures.zip(entries(
                    "../evil.txt", Fixtures.PAGE_1, "ok.txt", Fixtures.PAGE_2, "/etc/passwd.txt", "x",
                    "C:/win.txt", "y", "D:relative.txt", "w", "a/../../up.txt", "z", "fine/name..txt", Fixtures.PAGE_1)));

            List<InputItem> items = reader.read(f, "evil.zip");

            assertThat(summary(items)).contains("evil.zip#../evil.txt REJECT UNSAFE_ENTRY",
                    "evil.zip#/etc/passwd.txt REJECT UNSAFE_ENTRY", "evil.zip#C:/win.txt REJECT UNSAFE_ENTRY", "evil.zip#D:relative.txt REJECT UNSAFE_ENTRY",
                    "evil.zip#a/../../up.txt REJECT UNSAFE_ENTRY");
            assertThat(items).filteredOn(InputItem.Document.class::isInstance).extracting(InputItem::source)
                    .containsExactly("evil.zip#ok.txt", "evil.zip#fine/name..txt");
            assertThat(dir.resolve("../evil.txt").normalize()).doesNotExist();
        }

        @Test
        void aZipBombEntryWithADataDescriptorIsADecompressionLimitAndReadingStopsSafely() throws IOException {
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bos)) {
                zip.putNextEntry(new java.util.zip.ZipEntry("before.txt"));
                zip.write(utf8(Fixtures.PAGE_1));
                zip.putNextEntry(new java.util.zip.ZipEntry("bomb.txt"));
                Fixtures.zeros(zip, 300L * 1024 * 1024);
                zip.putNextEntry(new java.util.zip.ZipEntry("after.txt"));
                zip.write(utf8(Fixtures.PAGE_2));
            }
            Path f = write(dir, "bomb.zip", bos.toByteArray());

            List<InputItem> items = reader.read(f, "bomb.zip");

            assertThat(summary(items)).contains("bomb.zip#bomb.txt REJECT DECOMPRESSION_LIMIT");
            assertThat(Fixtures.text(doc(items.get(0)))).isEqualTo(Fixtures.PAGE_1);
            // java.util.zip writes data descriptors: the bomb cannot be skipped without inflating it, so the
            // reader stops there rather than decompress 300 MB; with sizes known (next test) it reads on
            assertThat(items).extracting(InputItem::source).first().isEqualTo("bomb.zip#before.txt");
        }

        @Test
        void aBombWithKnownSizesIsSkippedAndTheNextEntryRead() throws IOException {
            byte[] bomb = Fixtures.storedZip("bomb.txt.gz", gzipZeros(100L * 1024 * 1024));
            byte[] outer = Fixtures.zip(entries("inner.zip", bomb, "after.txt", Fixtures.PAGE_2));
            Path f = write(dir, "outer.zip", outer);

            List<InputItem> items = reader.read(f, "outer.zip");

            assertThat(summary(items)).contains("outer.zip#inner.zip#bomb.txt.gz REJECT DECOMPRESSION_LIMIT");
            assertThat(items).filteredOn(InputItem.Document.class::isInstance).extracting(InputItem::source)
                    .containsExactly("outer.zip#after.txt");
        }

        @Test
        void theTotalUncompressedBudgetStopsTheFile() throws IOException {
            Path f = write(dir, "many.zip", Fixtures.zip(entries("a.txt", "a".repeat(3000), "b.txt",
                    "b".repeat(3000), "c.txt", "c".repeat(3000))));
            List<InputItem> items = new ArchiveReader(InputLimits.defaults().withMaxTotalUncompressed(5000))
                    .read(f, "many.zip");
            assertThat(summary(items)).contains("REJECT DECOMPRESSION_LIMIT");
            assertThat(items).filteredOn(InputItem.Document.class::isInstance).extracting(InputItem::source)
                    .containsExactly("many.zip#a.txt");
            assertThat(items).hasSize(2);
        }

        @Test
        void theEntryCountIsCapped() throws IOException {
            Path f = write(dir, "many.zip", Fixtures.zip(entries("a.txt", "a", "b.txt", "b", "c.txt", "c")));
            List<InputItem> items = new ArchiveReader(InputLimits.defaults().withMaxEntries(2)).read(f, "many.zip");
            assertThat(items).extracting(InputItem::source).containsExactly("many.zip#a.txt", "many.zip#b.txt",
                    "many.zip");
            assertThat(rej(items.get(2)).rejection().reason()).isEqualTo(RejectReason.DECOMPRESSION_LIMIT);
            assertThat(rej(items.get(2)).rejection().message()).contains("more than 2 entries");
        }

        @Test
        void nestingDeeperThanTheLimitIsRejected() throws IOException {
            byte[] data = Fixtures.zip(entries("page.txt", Fixtures.PAGE_1));
            for (int i = 0; i < 3; i++) {
                data = Fixtures.zip(entries("z" + i + ".zip", data));
            }
            Path f = write(dir, "deep.zip", data);
            List<InputItem> items = new ArchiveReader(InputLimits.defaults().withMaxNestingDepth(3))
                    .read(f, "deep.zip");
            assertThat(items).hasSize(1);
            assertThat(items.get(0).source()).isEqualTo("deep.zip#z2.zip#z1.zip#z0.zip");
            assertThat(rej(items.get(0)).rejection().reason()).isEqualTo(RejectReason.DECOMPRESSION_LIMIT);

            List<InputItem> deepEnough = reader.read(f, "deep.zip");
            assertThat(deepEnough).extracting(InputItem::source)
                    .containsExactly("deep.zip#z2.zip#z1.zip#z0.zip#page.txt");
        }

        @Test
        void aTruncatedZipYieldsTheEntriesBeforeTheDamageAndOneCorrupt() throws IOException {
            byte[] zip = Fixtures.zip(entries("a.txt", Fixtures.PAGE_1, "b.txt", Fixtures.PAGE_2,
                    "c.txt", Fixtures.PAGE_1 + Fixtures.PAGE_2));
            int cut = indexOf(zip, utf8("c.txt")) + 20; // inside the third entry's data
            Path f = write(dir, "cut.zip", java.util.Arrays.copyOf(zip, cut));

            List<InputItem> items = reader.read(f, "cut.zip");

            assertThat(items).hasSize(3);
            assertThat(Fixtures.text(doc(items.get(0)))).isEqualTo(Fixtures.PAGE_1);
            assertThat(Fixtures.text(doc(items.get(1)))).isEqualTo(Fixtures.PAGE_2);
            assertThat(rej(items.get(2)).rejection().reason()).isEqualTo(RejectReason.CORRUPT);
        }

        @Test
        void garbageAfterTheLocalHeaderSignatureIsCorruptNamingTheOffset() throws IOException {
            byte[] zip = Fixtures.zip(entries("a.txt", Fixtures.PAGE_1, "b.txt", Fixtures.PAGE_2));
            int second = indexOf(zip, utf8("b.txt")) - 30;
            for (int i = second + 4; i < second + 30; i++) {
                zip[i] = (byte) 0xff;
            }
            Path f = write(dir, "bad.zip", zip);

            List<InputItem> items = reader.read(f, "bad.zip");

            assertThat(items).hasSizeGreaterThanOrEqualTo(2);
            assertThat(Fixtures.text(doc(items.get(0)))).isEqualTo(Fixtures.PAGE_1);
            InputItem.Reject last = rej(items.get(items.size() - 1));
            assertThat(last.rejection().reason()).isEqualTo(RejectReason.CORRUPT);
            assertThat(last.rejection().message()).containsPattern("byte \\d+");
        }

        @Test
        void regressionAnUnknownCompressionMethodIsARejectionNotALibraryException() throws IOException {
            // found by DamagedContainerTest: method 20 in the first local header made commons-compress throw an NPE
            byte[] zip = Fixtures.zip(entries("a.txt", Fixtures.PAGE_1, "b.txt", Fixtures.PAGE_2));
            zip[8] = 20;
            Path f = write(dir, "method.zip", zip);

            List<InputItem> items = reader.read(f, "method.zip");

            assertThat(items).isNotEmpty();
            assertThat(rej(items.get(0)).rejection().reason())
                    .isIn(RejectReason.UNSUPPORTED_CONTAINER, RejectReason.CORRUPT);
            assertThat(items.get(0).source()).startsWith("method.zip");
        }

        @Test
        void anEmptyZipIsRejectedEmpty() throws IOException {
            Path f = write(dir, "empty.zip", Fixtures.zip(entries()));
            List<InputItem> items = reader.read(f, "empty.zip");
            assertThat(items).hasSize(1);
            assertThat(rej(items.get(0)).rejection().reason()).isEqualTo(RejectReason.EMPTY);
        }
    }

    @Test
    void anExceptionFromTheSinkPropagatesAndStopsReading() throws IOException {
        Path f = write(dir, "s.zip", Fixtures.zip(entries("a.txt", "a", "b.txt", "b", "c.txt", "c")));
        List<String> seen = new java.util.ArrayList<>();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> reader.read(f, "s.zip", item -> {
            seen.add(item.source());
            if (seen.size() == 2) {
                throw new IllegalStateException("sink full");
            }
        })).isInstanceOf(IllegalStateException.class).hasMessage("sink full");
        assertThat(seen).containsExactly("s.zip#a.txt", "s.zip#b.txt");
    }

    static byte[] gzipZeros(long n) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            Fixtures.zeros(gz, n);
        }
        return bos.toByteArray();
    }

    static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
