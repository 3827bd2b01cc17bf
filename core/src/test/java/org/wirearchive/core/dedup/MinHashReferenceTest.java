package org.wirearchive.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Signatures are stored, so {@link MinHash#ofComparisonForm} must give exactly what the first implementation gave.
 * That implementation (a list of word substrings, FNV-1a over each shingle's words with a {@code ' '} after each word,
 * SplitMix64 per seed) is kept here as the reference.
 */
class MinHashReferenceTest {

    private static final String[] LATIN = {"the", "minister", "said", "kuwait", "oil", "prices", "rose", "on",
        "tuesday", "a", "1", "2023", "kuna", "émir", "déjà", "naïve", "x"};
    private static final String[] ARABIC = {"الكويت", "وزير", "النفط", "قال", "في", "من", "٢٠٢٣", "على", "الأمير",
        "كونا"};

    @Test
    void sameSignatureAsTheReferenceOnRandomTexts() {
        Random random = new Random(20261127);
        for (int t = 0; t < 2000; t++) {
            int words = t < 50 ? t % 5 : random.nextInt(400);
            String text = comparisonFormOf(random, words);
            assertSameAsReference(text);
            // the comparison form of it, as IndexedCopy computes it
            assertSameAsReference(ComparisonForm.of(text));
        }
    }

    @Test
    void edgeCases() {
        for (String text : List.of("", " ", "  ", "a", "ab", "a b", "a b c", "a b c d", " a", "a ", " a  b ",
                "a  b   c    d", "الكويت", "الكويت قال", "كونا الكويت وزير", "\uD83D\uDE00 x", "x\u0000y z")) {
            assertSameAsReference(text);
        }
    }

    @Test
    void comparisonFormOfOddTexts() {
        Random random = new Random(7);
        String alphabet = "aZ é'’‘`\"“”آ\u0622-—,.\n\t\u00A0٢كونا1İß\u0301e\u0065\u0301";
        for (int t = 0; t < 2000; t++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(60);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            assertThat(ComparisonForm.of(text)).as("comparison form of %s", text).isEqualTo(referenceForm(text));
            assertSameAsReference(ComparisonForm.of(text));
        }
        assertThat(ComparisonForm.of(null)).isEmpty();
    }

    private static void assertSameAsReference(String text) {
        MinHash actual = MinHash.ofComparisonForm(text);
        Reference expected = reference(text);
        assertThat(actual.shingles()).as("shingles of [%s]", text).isEqualTo(expected.shingles);
        assertThat(actual.toBytes()).as("signature of [%s]", text).isEqualTo(expected.bytes());
    }

    private static String comparisonFormOf(Random random, int words) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            String[] pool = random.nextInt(3) == 0 ? ARABIC : LATIN;
            sb.append(pool[random.nextInt(pool.length)]);
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- the reference (first implementation)

    private record Reference(int[] signature, int shingles) {
        byte[] bytes() {
            ByteBuffer b = ByteBuffer.allocate(signature.length * 4);
            for (int v : signature) {
                b.putInt(v);
            }
            return b.array();
        }
    }

    private static Reference reference(String comparisonForm) {
        long[] seeds = new long[MinHash.HASHES];
        long s = 0x2545F4914F6CDD1DL;
        for (int i = 0; i < MinHash.HASHES; i++) {
            s += 0x9E3779B97F4A7C15L;
            seeds[i] = splitMix(s);
        }
        List<String> words = words(comparisonForm);
        long[] min = new long[MinHash.HASHES];
        Arrays.fill(min, Long.MAX_VALUE);
        int n = words.isEmpty() ? 0 : Math.max(1, words.size() - 3 + 1);
        for (int i = 0; i < n; i++) {
            long h = 0xcbf29ce484222325L;
            for (int w = i; w < Math.min(words.size(), i + 3); w++) {
                String word = words.get(w);
                for (int k = 0; k < word.length(); k++) {
                    h = (h ^ word.charAt(k)) * 0x100000001b3L;
                }
                h = (h ^ ' ') * 0x100000001b3L;
            }
            for (int j = 0; j < MinHash.HASHES; j++) {
                long v = splitMix(h ^ seeds[j]);
                if (v < min[j]) {
                    min[j] = v;
                }
            }
        }
        int[] sig = new int[MinHash.HASHES];
        for (int j = 0; j < MinHash.HASHES; j++) {
            sig[j] = (int) (min[j] >>> 32);
        }
        return new Reference(sig, n);
    }

    private static List<String> words(String comparisonForm) {
        List<String> words = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= comparisonForm.length(); i++) {
            if (i == comparisonForm.length() || comparisonForm.charAt(i) == ' ') {
                if (i > start) {
                    words.add(comparisonForm.substring(start, i));
                }
                start = i + 1;
            }
        }
        return words;
    }

    private static long splitMix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The first implementation of {@link ComparisonForm#of}. */
    private static String referenceForm(String text) {
        String s = java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC).toLowerCase(java.util.Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '\u2019' || c == '\u2018' || c == '`') {
                continue;
            }
            if (c == '\u0622' && i + 1 < s.length() && isQuote(s.charAt(i + 1))) {
                continue;
            }
            if (Character.isLetterOrDigit(c)) {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(c);
            } else {
                space = true;
            }
        }
        return sb.toString();
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '"' || c == '\u2019' || c == '\u2018' || c == '\u201C' || c == '\u201D';
    }
}
