package org.wirearchive.core.dedup;

import java.util.Arrays;

/**
 * A MinHash signature of a body's word shingles, with banding for candidate lookup.
 *
 * <p>Shingles are runs of {@value #SHINGLE_WORDS} words of the comparison form. Each of {@value #HASHES} hash
 * functions keeps its minimum over the shingles; the share of equal positions of two signatures estimates the Jaccard
 * similarity of the two shingle sets. The signature is cut into {@value #BANDS} bands of {@value #ROWS} rows; two
 * bodies become candidates when any band is equal, which happens with probability {@code 1-(1-J^4)^24}: 0.9986 at
 * J = 0.7, 0.79 at J = 0.5, 0.18 at J = 0.3. Candidates are then verified on the whole signature.
 *
 * <p>All hashing is fixed (FNV-1a and SplitMix64 with constant seeds): signatures and band values are stable across
 * runs, JVMs and machines, so they can be stored.
 */
public final class MinHash {

    /** Words per shingle. */
    public static final int SHINGLE_WORDS = 3;
    /** Signature length. */
    public static final int HASHES = 96;
    /** Bands used for lookup. */
    public static final int BANDS = 24;
    /** Rows (signature positions) per band. */
    public static final int ROWS = HASHES / BANDS;
    /** Bodies with fewer shingles than this get no bands: too short for a meaningful near-duplicate test. */
    public static final int MIN_SHINGLES = 8;

    private static final long[] SEEDS = new long[HASHES];
    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    static {
        long s = 0x2545F4914F6CDD1DL;
        for (int i = 0; i < HASHES; i++) {
            s += 0x9E3779B97F4A7C15L;
            SEEDS[i] = mix(s);
        }
    }

    private final int[] signature;
    private final int shingles;

    private MinHash(int[] signature, int shingles) {
        this.signature = signature;
        this.shingles = shingles;
    }

    /**
     * The signature of a comparison-form text. A shingle's hash is FNV-1a over the characters of its words, each word
     * followed by one {@code ' '}; a text of fewer than {@value #SHINGLE_WORDS} words is one shingle of all its words.
     * The words are walked in place (offsets into the text), never copied out.
     */
    static MinHash ofComparisonForm(String comparisonForm) {
        char[] chars = comparisonForm.toCharArray();
        // word w is chars[start[w], end[w]); words are separated by spaces, so there are at most (length + 1) / 2
        int[] start = new int[chars.length / 2 + 1];
        int[] end = new int[start.length];
        int words = 0;
        for (int i = 0; i < chars.length; i++) {
            if (chars[i] != ' ') {
                start[words] = i;
                while (i < chars.length && chars[i] != ' ') {
                    i++;
                }
                end[words++] = i;
            }
        }
        // the signature keeps the top 32 bits of each minimum, and the top 32 bits of the least value (signed) are
        // the least of the values' top 32 bits (v >> 32, signed): so only those are kept, in a long each, and the
        // minimum is taken without a branch (their differences cannot overflow). One loop without branches, which
        // the JIT vectorises (several hashes per instruction where the CPU multiplies longs in vectors): this is most
        // of the cost of a signature. An empty text keeps Integer.MAX_VALUE, the top of Long.MAX_VALUE.
        long[] min = new long[HASHES];
        Arrays.fill(min, Integer.MAX_VALUE);
        int n = words == 0 ? 0 : Math.max(1, words - SHINGLE_WORDS + 1);
        for (int i = 0; i < n; i++) {
            long h = FNV_OFFSET;
            for (int w = i; w < Math.min(words, i + SHINGLE_WORDS); w++) {
                for (int k = start[w]; k < end[w]; k++) {
                    h = (h ^ chars[k]) * FNV_PRIME;
                }
                h = (h ^ ' ') * FNV_PRIME;
            }
            for (int j = 0; j < HASHES; j++) {
                long top = mix(h ^ SEEDS[j]) >> 32;
                long d = top - min[j];
                min[j] += d & (d >> 63); // top when it is less
            }
        }
        int[] sig = new int[HASHES];
        for (int j = 0; j < HASHES; j++) {
            sig[j] = (int) min[j];
        }
        return new MinHash(sig, n);
    }

    /** Rebuilds a stored signature (e.g. read from a database column written from {@link #toBytes()}). */
    public static MinHash fromBytes(byte[] bytes, int shingles) {
        if (bytes.length != HASHES * 4) {
            throw new IllegalArgumentException("a signature has " + HASHES * 4 + " bytes, not " + bytes.length);
        }
        int[] sig = new int[HASHES];
        for (int i = 0; i < HASHES; i++) {
            sig[i] = ((bytes[4 * i] & 0xFF) << 24) | ((bytes[4 * i + 1] & 0xFF) << 16)
                    | ((bytes[4 * i + 2] & 0xFF) << 8) | (bytes[4 * i + 3] & 0xFF);
        }
        return new MinHash(sig, shingles);
    }

    /** The signature as {@value #HASHES}×4 big-endian bytes, for storage. */
    public byte[] toBytes() {
        byte[] out = new byte[HASHES * 4];
        for (int i = 0; i < HASHES; i++) {
            out[4 * i] = (byte) (signature[i] >>> 24);
            out[4 * i + 1] = (byte) (signature[i] >>> 16);
            out[4 * i + 2] = (byte) (signature[i] >>> 8);
            out[4 * i + 3] = (byte) signature[i];
        }
        return out;
    }

    /** How many shingles the body had. */
    public int shingles() {
        return shingles;
    }

    /** True when the body is long enough for the near-duplicate rule. */
    public boolean banded() {
        return shingles >= MIN_SHINGLES;
    }

    /**
     * The {@value #BANDS} band values (each one also encodes its band number, so a single indexed column or one band
     * table serves every band); empty when the body is too short ({@link #banded()}).
     */
    public long[] bands() {
        if (!banded()) {
            return new long[0];
        }
        long[] bands = new long[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = mix(0x5BD1E995L + b);
            for (int r = 0; r < ROWS; r++) {
                h = mix(h ^ (signature[b * ROWS + r] & 0xFFFFFFFFL));
            }
            bands[b] = h;
        }
        return bands;
    }

    /** The estimated Jaccard similarity of the two bodies' shingle sets, in [0, 1]. */
    public double similarity(MinHash other) {
        int equal = 0;
        for (int i = 0; i < HASHES; i++) {
            if (signature[i] == other.signature[i]) {
                equal++;
            }
        }
        return equal / (double) HASHES;
    }

    /** Longs of a signature's low-byte sketch ({@link #copyLowBytesInto}): eight hashes' low bytes a long. */
    public static final int LOW_BYTE_WORDS = (HASHES + 7) / 8;

    private static final long LOW_SEVEN_BITS = 0x7F7F7F7F7F7F7F7FL;
    private static final long HIGH_BITS = 0x8080808080808080L;

    /**
     * The fewest equal positions with which {@link #similarity} reaches {@code minSimilarity}: for every count
     * {@code e} of equal positions, {@code e / HASHES >= minSimilarity} exactly when {@code e >= requiredEqual};
     * {@value #HASHES} + 1 when no count does.
     */
    public static int requiredEqual(double minSimilarity) {
        for (int e = 0; e <= HASHES; e++) {
            if (e / (double) HASHES >= minSimilarity) {
                return e;
            }
        }
        return HASHES + 1;
    }

    /**
     * Writes the signature's low-byte sketch, {@value #LOW_BYTE_WORDS} longs, into {@code into} at {@code offset}: the
     * low byte of each hash, eight to a long. Two equal hashes have equal low bytes, so the equal bytes of two
     * sketches bound the equal positions of the two signatures from above ({@link #equalBound}): a quarter of the
     * memory to read, and most of a look-up's band candidates are ruled out by it alone.
     */
    public void copyLowBytesInto(long[] into, int offset) {
        Arrays.fill(into, offset, offset + LOW_BYTE_WORDS, 0L);
        for (int i = 0; i < HASHES; i++) {
            into[offset + (i >>> 3)] |= (signature[i] & 0xFFL) << ((i & 7) << 3);
        }
    }

    /**
     * An upper bound of the equal positions of two signatures, from their low-byte sketches ({@link #copyLowBytesInto})
     * at {@code aOffset} of {@code a} and {@code bOffset} of {@code b}: {@value #HASHES} less the bytes that differ.
     */
    public static int equalBound(long[] a, int aOffset, long[] b, int bOffset) {
        int differing = 0;
        for (int k = 0; k < LOW_BYTE_WORDS; k++) {
            long x = a[aOffset + k] ^ b[bOffset + k];
            // per byte: the high bit is set when any of the low seven is (no carry leaves a byte), or its own is
            differing += Long.bitCount((((x & LOW_SEVEN_BITS) + LOW_SEVEN_BITS) | x) & HIGH_BITS);
        }
        return HASHES - differing;
    }

    /**
     * The same as {@link #similarity(MinHash)} against a signature stored as {@value #HASHES} ints at {@code offset}
     * of {@code signatures} ({@link #copyInto}): for indexes that keep many signatures in one array.
     */
    public double similarity(int[] signatures, int offset) {
        int equal = 0;
        for (int i = 0; i < HASHES; i++) {
            if (signature[i] == signatures[offset + i]) {
                equal++;
            }
        }
        return equal / (double) HASHES;
    }

    /**
     * The signature stored as {@value #HASHES} ints at {@code offset} of {@code signatures} ({@link #copyInto}), with
     * its shingle count: the inverse of {@link #copyInto} (the ints are copied).
     */
    public static MinHash copyOf(int[] signatures, int offset, int shingles) {
        return new MinHash(Arrays.copyOfRange(signatures, offset, offset + HASHES), shingles);
    }

    /** True when the signature stored at {@code offset} of {@code signatures} is this one's ({@link #copyInto}). */
    public boolean sameSignature(int[] signatures, int offset) {
        return Arrays.equals(signature, 0, HASHES, signatures, offset, offset + HASHES);
    }

    /** Copies the signature, {@value #HASHES} ints, into {@code signatures} at {@code offset}. */
    public void copyInto(int[] signatures, int offset) {
        System.arraycopy(signature, 0, signatures, offset, HASHES);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MinHash other && shingles == other.shingles && Arrays.equals(signature, other.signature);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(signature) * 31 + shingles;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
