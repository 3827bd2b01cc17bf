package org.wirearchive.core.extract;

import org.wirearchive.core.testing.SeededCases;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.format.InputDocument;

/**
 * The extractor never throws and never hangs: random bytes, random charsets, and every fixture cut at every offset
 * give an article or a typed rejection.
 *
 * <p>The random cases are seeded: each invocation's name is its seed, and {@code -Dwa.seed=N} moves the whole series
 * (a failure names the seed that reproduces it).
 */
class ExtractorRobustnessTest {

    private static final ArticleExtractor EXTRACTOR = new ArticleExtractor();

    private static void assertWellFormed(ParseOutcome outcome) {
        assertThat(outcome).isNotNull();
        if (outcome instanceof ParseOutcome.Parsed p) {
            assertThat(p.article().body()).isNotBlank().doesNotContain("\r", "\u00A0");
            assertThat(p.article().bodySha256()).hasSize(64);
        } else {
            assertThat(((ParseOutcome.Rejected) outcome).message()).isNotBlank();
        }
        String json = OutcomeJson.render(outcome);
        assertThat(MiniJson.parseObject(json)).containsOnlyKeys(OutcomeJson.FIELDS);
    }

    static LongStream seeds300() {
        return SeededCases.seeds(300, 0L);
    }

    static LongStream seeds200() {
        return SeededCases.seeds(200, 0L);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds300")
    void randomBytesGiveAResultOrATypedRejection(long seed) {
        byte[] bytes = SeededCases.randomBytes(new Random(seed), 3000);
        SeededCases.withSeed(seed,
                () -> assertWellFormed(EXTRACTOR.extract(InputDocument.of("random seed " + seed, bytes))));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds200")
    void randomTextInAnyCharset(long seed) {
        Random r = new Random(seed);
        String text = pageLikeText(r);
        Charset charset = CHARSETS.get(r.nextInt(CHARSETS.size()));
        boolean declare = r.nextBoolean();
        byte[] bytes = text.getBytes(charset);
        InputDocument doc = new InputDocument("random-text seed " + seed, null, null, bytes, declare ? charset : null,
                InputDocument.ContentKind.UNKNOWN);
        SeededCases.withSeed(seed, () -> assertWellFormed(EXTRACTOR.extract(doc)));
    }

    private static final List<Charset> CHARSETS = List.of(StandardCharsets.UTF_8, StandardCharsets.ISO_8859_1,
            TextDecoder.WINDOWS_1252, TextDecoder.WINDOWS_1256, StandardCharsets.UTF_16LE);

    /** The tokens that steer the parser: wrappers, datelines, markers, ids, furniture. */
    private static final List<String> TOKENS = List.of("(MENAFN- ", "Kuwait News Agency (KUNA))", "(MENAFN)",
            "MENAFN - ", "KUWAIT, June 26 (KUNA) -- ", "(end)", " ab.cd", "\n", "\n\n", " date 2023-03-09 ", "403",
            "Tuesday, 02 January 2024 12:17 GMT", "\u0639\u0631\u0628\u064a", "\u00A0 \u00A0", "A+ A-",
            "2025-06-26 05:05:38", "MENAFN26062025000071011013ID1109726370", "Legal Disclaimer:",
            "By Someone ", "(\u0643\u0648\u0646\u0627) -- ", "(\u0627\u0644\u0646\u0647\u0627\u064a\u0629)",
            "\u0622\u2019s", "\u00C7\u00E1\u00DF\u00E6\u00ED\u00CA", "word ", "The minister said. ", "(",
            ")", "--", ":", " . ", "<html><body><p>", "</p>", "Dec. 10 (Petra) -", "(Fin) (A.B)", "\r\n");

    /** Up to 60 of the {@link #TOKENS}, drawn with repetition and concatenated. */
    static String pageLikeText(Random r) {
        int n = r.nextInt(61);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(TOKENS.get(r.nextInt(TOKENS.size())));
        }
        return sb.toString();
    }

    static Stream<Path> fixtures() throws IOException {
        Path dir = FixtureCasesTest.dir();
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> inputs = s.filter(p -> {
                String f = p.getFileName().toString();
                return !f.endsWith(".json") && !f.endsWith(".meta") && !f.equals("README.md");
            }).sorted().toList();
            return inputs.stream();
        }
    }

    @Test
    void everyFixtureCutAtEveryOffset() throws IOException {
        long started = System.nanoTime();
        int runs = 0;
        for (Path p : fixtures().toList()) {
            byte[] all = Files.readAllBytes(p);
            for (int cut = 0; cut <= all.length; cut++) {
                assertWellFormed(EXTRACTOR.extract(InputDocument.of(p.getFileName() + "@" + cut,
                        Arrays.copyOf(all, cut))));
                runs++;
            }
        }
        assertThat(runs).isGreaterThan(10_000);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMinutes(2));
    }

    /** A guard against runaway (backtracking, quadratic) work on a 2 MB line, not a speed test: that is bench/'s. */
    @Test
    void aHugeLineWithoutBreaksEnds() {
        String line = "(MENAFN- X) " + "word ".repeat(400_000) + "(end)";
        assertWellFormed(org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofMinutes(1),
                () -> EXTRACTOR.extract(InputDocument.of("huge", line.getBytes(StandardCharsets.UTF_8)))));
    }
}
