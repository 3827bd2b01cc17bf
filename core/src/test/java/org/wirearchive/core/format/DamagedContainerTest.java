package org.wirearchive.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.wirearchive.core.format.Fixtures.entries;
import static org.wirearchive.core.format.Fixtures.utf8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.wirearchive.core.article.RejectReason;

/**
 * Damaged containers: every fixture cut at every offset, random bytes, random byte flips. The reader must return
 * items (documents, or rejections with a container-level reason), never throw, never hang.
 */
class DamagedContainerTest {

    private static final Set<RejectReason> CONTAINER_REASONS = EnumSet.of(RejectReason.CORRUPT,
            RejectReason.UNSUPPORTED_CONTAINER, RejectReason.DECOMPRESSION_LIMIT, RejectReason.TOO_LARGE,
            RejectReason.UNSAFE_ENTRY, RejectReason.EMPTY, RejectReason.NO_ARTICLE);

    private static Path tmp;
    private static Map<String, byte[]> fixtures;

    static Map<String, byte[]> fixtures() throws IOException {
        if (fixtures == null) {
            Map<String, byte[]> m = new LinkedHashMap<>();
            m.put("page.txt.gz", Fixtures.gzip(utf8(Fixtures.PAGE_1)));
            m.put("pages.zip", Fixtures.zip(entries("a.txt", Fixtures.PAGE_1, "b.txt.gz",
                    Fixtures.gzip(utf8(Fixtures.PAGE_2)), "inner.zip", Fixtures.zip(entries("c.txt", "c")))));
            m.put("crawl.warc", WarcReadingTest.sampleWarc(false).bytes());
            m.put("crawl.warc.gz", WarcReadingTest.sampleWarc(true).bytes());
            m.put("nested.zip", Fixtures.zip(entries("in.warc.gz", WarcReadingTest.sampleWarc(true).bytes())));
            fixtures = m;
        }
        return fixtures;
    }

    static List<InputItem> readChecked(Path dir, String name, byte[] data) throws IOException {
        Path f = dir.resolve(name);
        Files.write(f, data);
        List<InputItem> items = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> new ArchiveReader().read(f, name), () -> name + " (" + data.length + " bytes) hung");
        assertThat(items).as("every file yields at least one item").isNotEmpty();
        for (InputItem item : items) {
            assertThat(item.source()).startsWith(name);
            if (item instanceof InputItem.Reject r) {
                assertThat(r.rejection().reason()).isIn(CONTAINER_REASONS);
                assertThat(r.rejection().message()).isNotBlank();
            }
        }
        assertThat(items.stream().map(InputItem::source).distinct().count()).as("source names are unique")
                .isEqualTo(items.size());
        return items;
    }

    // ---------------------------------------------------------------- every offset (plain JUnit)

    @TestFactory
    List<DynamicTest> everyFixtureCutAtEveryOffset() throws IOException {
        Path dir = Files.createTempDirectory("cuts");
        return fixtures().entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            byte[] full = e.getValue();
            int documentsWhole = (int) readChecked(dir, e.getKey(), full).stream()
                    .filter(InputItem.Document.class::isInstance).count();
            int previous = 0;
            for (int cut = 0; cut < full.length; cut++) {
                List<InputItem> items = readChecked(dir, e.getKey(), Arrays.copyOf(full, cut));
                int documents = (int) items.stream().filter(InputItem.Document.class::isInstance).count();
                assertThat(documents).as("a cut file never yields more documents than the whole file")
                        .isLessThanOrEqualTo(documentsWhole);
                previous = Math.max(previous, documents);
            }
            assertThat(previous).as("cuts late in the file keep the records before the damage")
                    .isGreaterThanOrEqualTo(documentsWhole - 1);
        })).toList();
    }

    // ---------------------------------------------------------------- properties (jqwik)

    @BeforeContainer
    static void createTmp() throws IOException {
        tmp = Files.createTempDirectory("damaged");
    }

    @AfterContainer
    static void deleteTmp() throws IOException {
        try (var walk = Files.walk(tmp)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<String> fixtureName() throws IOException {
        return Arbitraries.of(fixtures().keySet());
    }

    @Property(tries = 300)
    void randomlyFlippedBytesNeverThrow(@ForAll("fixtureName") String name,
                                        @ForAll @Size(min = 1, max = 8) List<@net.jqwik.api.constraints.IntRange(
                                                min = 0, max = Integer.MAX_VALUE - 1) Integer> positions,
                                        @ForAll byte value) throws IOException {
        byte[] data = fixtures().get(name).clone();
        for (int p : positions) {
            data[p % data.length] = value;
        }
        readChecked(tmp, name, data);
    }

    @Property(tries = 200)
    void randomBytesUnderAContainerNameNeverThrow(@ForAll("containerNames") String name,
                                                  @ForAll @Size(max = 2000) byte[] data) throws IOException {
        readChecked(tmp, name, data);
    }

    @Property(tries = 200)
    void containerMagicFollowedByRandomBytesNeverThrows(@ForAll("magic") byte[] magic,
                                                        @ForAll @Size(max = 600) byte[] rest) throws IOException {
        byte[] data = Arrays.copyOf(magic, magic.length + rest.length);
        System.arraycopy(rest, 0, data, magic.length, rest.length);
        readChecked(tmp, "random.bin", data);
    }

    @Provide
    Arbitrary<String> containerNames() {
        return Arbitraries.of("x.gz", "x.zip", "x.warc", "x.warc.gz", "x.txt", "x.tgz");
    }

    @Provide
    Arbitrary<byte[]> magic() {
        return Arbitraries.of(new byte[] {0x1f, (byte) 0x8b}, new byte[] {0x1f, (byte) 0x8b, 8, 0},
                new byte[] {'P', 'K', 3, 4}, new byte[] {'P', 'K', 5, 6}, utf8("WARC/1.1\r\n"),
                utf8("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999\r\n\r\n"),
                utf8("WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: -5\r\n\r\n"));
    }

    @org.junit.jupiter.api.Test
    void propertiesOfTheReaderHoldForAWholeFixtureToo() throws IOException {
        Path dir = Files.createTempDirectory("whole");
        for (Map.Entry<String, byte[]> e : fixtures().entrySet()) {
            assertThatCode(() -> readChecked(dir, e.getKey(), e.getValue())).doesNotThrowAnyException();
        }
    }
}
