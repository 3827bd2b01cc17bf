package org.wirearchive.core.format;

/**
 * Safety limits for reading inputs and containers. All limits count per top-level file.
 *
 * @param maxInputBytes        the largest single input (file, entry or WARC record payload) accepted, uncompressed;
 *                             larger inputs are rejected {@code TOO_LARGE}
 * @param maxEntries           the most entries (zip entries and WARC records yielded) read from one file
 * @param maxTotalUncompressed the most bytes all decompression layers of one file may produce together
 * @param maxCompressionRatio  the highest uncompressed/compressed ratio accepted for a compressed stream once it has
 *                             produced more than {@link #RATIO_GRACE_BYTES}
 * @param maxNestingDepth      the most containers nested in each other ({@code a.zip#b.zip#c.gz} is three)
 */
public record InputLimits(long maxInputBytes, int maxEntries, long maxTotalUncompressed, int maxCompressionRatio,
                          int maxNestingDepth) {

    /** The default per-input size limit, 20 MB. */
    public static final long DEFAULT_MAX_INPUT_BYTES = 20L * 1024 * 1024;

    /** The compression ratio is only enforced once a stream has produced more than this many bytes (1 MiB). */
    public static final long RATIO_GRACE_BYTES = 1024L * 1024;

    public InputLimits {
        if (maxInputBytes <= 0 || maxEntries <= 0 || maxTotalUncompressed <= 0 || maxCompressionRatio <= 0
                || maxNestingDepth <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** Limits with the default nesting depth (4). */
    public InputLimits(long maxInputBytes, int maxEntries, long maxTotalUncompressed, int maxCompressionRatio) {
        this(maxInputBytes, maxEntries, maxTotalUncompressed, maxCompressionRatio, 4);
    }

    /** 20 MB per input, 100,000 entries, 2 GiB in total, ratio 200, four nested containers. */
    public static InputLimits defaults() {
        return new InputLimits(DEFAULT_MAX_INPUT_BYTES, 100_000, 2L * 1024 * 1024 * 1024, 200, 4);
    }

    public InputLimits withMaxInputBytes(long bytes) {
        return new InputLimits(bytes, maxEntries, maxTotalUncompressed, maxCompressionRatio, maxNestingDepth);
    }

    public InputLimits withMaxEntries(int entries) {
        return new InputLimits(maxInputBytes, entries, maxTotalUncompressed, maxCompressionRatio, maxNestingDepth);
    }

    public InputLimits withMaxTotalUncompressed(long bytes) {
        return new InputLimits(maxInputBytes, maxEntries, bytes, maxCompressionRatio, maxNestingDepth);
    }

    public InputLimits withMaxCompressionRatio(int ratio) {
        return new InputLimits(maxInputBytes, maxEntries, maxTotalUncompressed, ratio, maxNestingDepth);
    }

    public InputLimits withMaxNestingDepth(int depth) {
        return new InputLimits(maxInputBytes, maxEntries, maxTotalUncompressed, maxCompressionRatio, depth);
    }
}
