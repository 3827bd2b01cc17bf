package org.wirearchive.core.format;

import org.wirearchive.core.testing.SeededCases;
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
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirearchive.core.article.RejectReason;

/**
 * Damaged containers: every fixture cut at every offset, random bytes, random byte flips. The reader must return
 * items (documents, or rejections with a container-level reason), never throw, never hang.
 *
 * <p>The random cases are seeded: each invocation's name is its seed, and {@code -Dwa.seed=N} moves the whole series
 * (a failure names the seed that reproduces it).
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

    // ---------------------------------------------------------------- properties (seeded random cases)

    @BeforeAll
    static void createTmp() throws IOException {
        tmp = Files.createTempDirectory("damaged");
    }

    @AfterAll
    static void deleteTmp() throws IOException {
        try (var walk = Files.walk(tmp)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    static LongStream seeds300() {
        return SeededCases.seeds(300, 0x5DEECE66DL);
    }

    static LongStream seeds200() {
        return SeededCases.seeds(200, 0x5DEECE66DL);
    }

    private static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds300")
    void randomlyFlippedBytesNeverThrow(long seed) throws IOException {
        Random r = new Random(seed);
        String name = pick(r, List.copyOf(fixtures().keySet()));
        byte[] data = fixtures().get(name).clone();
        // 1 to 8 positions anywhere in the file, all set to one random value
        int flips = 1 + r.nextInt(8);
        byte value = (byte) r.nextInt(256);
        for (int i = 0; i < flips; i++) {
            data[r.nextInt(Integer.MAX_VALUE) % data.length] = value;
        }
        SeededCases.withSeed(seed, () -> readChecked(tmp, name, data));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds200")
    void randomBytesUnderAContainerNameNeverThrow(long seed) throws IOException {
        Random r = new Random(seed);
        String name = pick(r, CONTAINER_NAMES);
        byte[] data = SeededCases.randomBytes(r, 2000);
        SeededCases.withSeed(seed, () -> readChecked(tmp, name, data));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds200")
    void containerMagicFollowedByRandomBytesNeverThrows(long seed) throws IOException {
        Random r = new Random(seed);
        byte[] magic = pick(r, MAGIC);
        byte[] rest = SeededCases.randomBytes(r, 600);
        byte[] data = Arrays.copyOf(magic, magic.length + rest.length);
        System.arraycopy(rest, 0, data, magic.length, rest.length);
        SeededCases.withSeed(seed, () -> readChecked(tmp, "random.bin", data));
    }

    private static final List<String> CONTAINER_NAMES = List.of("x.gz", "x.zip", "x.warc", "x.warc.gz", "x.txt",
            "x.tgz");

    private static final List<byte[]> MAGIC = List.of(new byte[] {0x1f, (byte) 0x8b}, new byte[] {0x1f, (byte) 0x8b, 8, 0},
            new byte[] {'P', 'K', 3, 4}, new byte[] {'P', 'K', 5, 6}, utf8("WARC/1.1\r\n"),
            utf8("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 99999999\r\n\r\n"),
            utf8("WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: -5\r\n\r\n"));

    @org.junit.jupiter.api.Test
    void propertiesOfTheReaderHoldForAWholeFixtureToo() throws IOException {
        Path dir = Files.createTempDirectory("whole");
        for (Map.Entry<String, byte[]> e : fixtures().entrySet()) {
            assertThatCode(() -> readChecked(dir, e.getKey(), e.getValue())).doesNotThrowAnyException();
        }
    }
}
