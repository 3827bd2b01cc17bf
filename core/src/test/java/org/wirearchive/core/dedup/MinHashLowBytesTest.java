package org.wirearchive.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The low-byte sketch of a signature bounds the equal positions of two signatures from above, and the required count
 * turns a similarity threshold into a count without changing any decision: together they may rule a candidate out,
 * never in. The equal positions are counted here from the stored bytes ({@link MinHash#toBytes}), not by the code under
 * test.
 */
class MinHashLowBytesTest {

    @ParameterizedTest(name = "threshold {0}")
    @ValueSource(doubles = {-1, 0, 1e-9, 0.4, 0.7, 0.70000001, 0.6979166666666666, 0.7083333333333334, 0.999, 1,
        1.0000001, 2, Double.NaN})
    void theRequiredCountDecidesAsTheSimilarityDoes(double threshold) {
        int required = MinHash.requiredEqual(threshold);
        for (int equal = 0; equal <= MinHash.HASHES; equal++) {
            assertThat(equal >= required).as("%d equal positions", equal)
                    .isEqualTo(equal / (double) MinHash.HASHES >= threshold);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void theSketchBoundsTheEqualPositionsFromAbove(long seed) {
        Random random = new Random(seed);
        long[] sketches = new long[5 + 2 * MinHash.LOW_BYTE_WORDS];
        for (int pair = 0; pair < 500; pair++) {
            int[] a = new int[MinHash.HASHES];
            int[] b = new int[MinHash.HASHES];
            int sameLowByteOnly = 0;
            for (int i = 0; i < MinHash.HASHES; i++) {
                a[i] = random.nextInt();
                switch (random.nextInt(4)) {
                    case 0 -> b[i] = a[i]; // equal
                    case 1 -> { // differs only above the low byte: the sketch cannot tell
                        b[i] = a[i] ^ ((1 + random.nextInt(0xFFFFFF)) << 8);
                        sameLowByteOnly++;
                    }
                    case 2 -> b[i] = a[i] ^ (1 + random.nextInt(0xFF)); // differs in the low byte only
                    default -> b[i] = random.nextInt();
                }
            }
            MinHash sa = of(a);
            MinHash sb = of(b);
            sa.copyLowBytesInto(sketches, 5);
            sb.copyLowBytesInto(sketches, 5 + MinHash.LOW_BYTE_WORDS);
            int bound = MinHash.equalBound(sketches, 5, sketches, 5 + MinHash.LOW_BYTE_WORDS);
            int equal = equalPositions(sa, sb);
            int lowEqual = equalLowBytes(a, b);
            assertThat(bound).isGreaterThanOrEqualTo(equal).isGreaterThanOrEqualTo(equal + sameLowByteOnly)
                    .isEqualTo(lowEqual);
            assertThat(MinHash.equalBound(sketches, 5, sketches, 5)).isEqualTo(MinHash.HASHES);
        }
    }

    @Test
    void aSketchIsWrittenWhereItIsAskedAndOverwritesWhatWasThere() {
        MinHash sig = of(new int[MinHash.HASHES]);
        long[] into = new long[MinHash.LOW_BYTE_WORDS + 2];
        java.util.Arrays.fill(into, -1L);
        sig.copyLowBytesInto(into, 1);
        assertThat(into[0]).isEqualTo(-1L);
        assertThat(into[into.length - 1]).isEqualTo(-1L);
        for (int k = 1; k <= MinHash.LOW_BYTE_WORDS; k++) {
            assertThat(into[k]).isZero();
        }
    }

    @Test
    void realSignaturesOfRelatedBodiesAreNeverRuledOutWhenSimilarEnough() {
        Random random = new Random(3);
        String[] words = {"kuwait", "amir", "oil", "market", "said", "on", "the", "a", "council", "prices", "gulf",
            "minister", "meeting", "sunday", "national", "assembly"};
        StringBuilder base = new StringBuilder();
        for (int w = 0; w < 120; w++) {
            base.append(words[random.nextInt(words.length)]).append(' ');
        }
        MinHash original = MinHash.ofComparisonForm(base.toString().trim());
        long[] sketches = new long[2 * MinHash.LOW_BYTE_WORDS];
        original.copyLowBytesInto(sketches, 0);
        int ruledOut = 0;
        int kept = 0;
        for (int variant = 0; variant < 200; variant++) {
            String[] tokens = base.toString().trim().split(" ");
            int edits = random.nextInt(tokens.length);
            for (int e = 0; e < edits; e++) {
                tokens[random.nextInt(tokens.length)] = words[random.nextInt(words.length)];
            }
            MinHash other = MinHash.ofComparisonForm(String.join(" ", tokens));
            other.copyLowBytesInto(sketches, MinHash.LOW_BYTE_WORDS);
            for (double threshold : new double[] {0.4, 0.7, 0.9}) {
                boolean similar = other.similarity(original) >= threshold;
                boolean possible = MinHash.equalBound(sketches, 0, sketches, MinHash.LOW_BYTE_WORDS)
                        >= MinHash.requiredEqual(threshold);
                assertThat(possible || !similar).as("a similar pair is never ruled out").isTrue();
                if (possible) {
                    kept++;
                } else {
                    ruledOut++;
                }
            }
        }
        assertThat(ruledOut).as("pairs ruled out by the sketch").isPositive();
        assertThat(kept).as("pairs left to the full comparison").isPositive();
    }

    private static MinHash of(int[] hashes) {
        byte[] bytes = new byte[MinHash.HASHES * 4];
        for (int i = 0; i < MinHash.HASHES; i++) {
            bytes[4 * i] = (byte) (hashes[i] >>> 24);
            bytes[4 * i + 1] = (byte) (hashes[i] >>> 16);
            bytes[4 * i + 2] = (byte) (hashes[i] >>> 8);
            bytes[4 * i + 3] = (byte) hashes[i];
        }
        return MinHash.fromBytes(bytes, MinHash.MIN_SHINGLES);
    }

    /** Equal positions, from the stored form: four bytes a position. */
    private static int equalPositions(MinHash a, MinHash b) {
        byte[] x = a.toBytes();
        byte[] y = b.toBytes();
        int equal = 0;
        for (int i = 0; i < MinHash.HASHES; i++) {
            boolean same = true;
            for (int k = 0; k < 4; k++) {
                same &= x[4 * i + k] == y[4 * i + k];
            }
            equal += same ? 1 : 0;
        }
        return equal;
    }

    private static int equalLowBytes(int[] a, int[] b) {
        int equal = 0;
        for (int i = 0; i < a.length; i++) {
            equal += (a[i] & 0xFF) == (b[i] & 0xFF) ? 1 : 0;
        }
        return equal;
    }
}
