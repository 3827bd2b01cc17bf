package org.wirearchive.core.format;

/**
 * Safety limits for reading inputs and containers.
 *
 * @param maxInputBytes        the largest single input (file or entry) accepted, uncompressed
 * @param maxEntries           the most entries read from one container
 * @param maxTotalUncompressed the most bytes decompressed from one container in total
 * @param maxCompressionRatio  the highest uncompressed/compressed ratio accepted for a compressed input
 */
public record InputLimits(long maxInputBytes, int maxEntries, long maxTotalUncompressed, int maxCompressionRatio) {

    public static final long DEFAULT_MAX_INPUT_BYTES = 20L * 1024 * 1024;

    public InputLimits {
        if (maxInputBytes <= 0 || maxEntries <= 0 || maxTotalUncompressed <= 0 || maxCompressionRatio <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public static InputLimits defaults() {
        return new InputLimits(DEFAULT_MAX_INPUT_BYTES, 100_000, 2L * 1024 * 1024 * 1024, 200);
    }

    public InputLimits withMaxInputBytes(long bytes) {
        return new InputLimits(bytes, maxEntries, maxTotalUncompressed, maxCompressionRatio);
    }
}
