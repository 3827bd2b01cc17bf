package org.wirearchive.core.testing;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.LongStream;

/**
 * Seeded random cases for parameterized tests: a series of seeds from {@code -Dwa.seed} (a fixed default), a failure
 * that names its seed, and random byte inputs.
 */
public final class SeededCases {

    private SeededCases() {
    }

    /** The seeds of one series: {@code count} seeds from {@code -Dwa.seed} mixed with {@code salt}, one per case. */
    public static LongStream seeds(int count, long salt) {
        long base = Long.getLong("wa.seed", 20261206L);
        Random r = new Random(base ^ salt);
        return LongStream.generate(r::nextLong).limit(count);
    }

    /** Runs one seeded case; a failure names the seed (rerun one case with that seed to reproduce it). */
    public static void withSeed(long seed, Case body) {
        try {
            body.run();
        } catch (Throwable e) {
            throw new AssertionError("failed for seed " + seed + " (reproduce: new Random(" + seed + "L)): " + e, e);
        }
    }

    /** One case's body. */
    public interface Case {
        void run() throws Exception;
    }

    /** Random bytes: often empty or tiny, sometimes up to {@code max}, sometimes one repeated value. */
    public static byte[] randomBytes(Random r, int max) {
        int roll = r.nextInt(10);
        int length = roll == 0 ? 0 : roll < 3 ? r.nextInt(8) : r.nextInt(max + 1);
        byte[] bytes = new byte[length];
        if (r.nextInt(8) == 0) {
            Arrays.fill(bytes, (byte) r.nextInt(256));
        } else {
            r.nextBytes(bytes);
        }
        return bytes;
    }
}
