package org.wirearchive.core.format;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.function.LongSupplier;

/** Small stream helpers for the container readers: counting, metering against the limits, capped reading. */
final class Streams {

    private Streams() {
    }

    /** Thrown (as an IOException, so it passes through library code) when a decompression limit is exceeded. */
    static final class LimitExceededException extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean wholeFile;

        LimitExceededException(String message, boolean wholeFile) {
            super(message);
            this.wholeFile = wholeFile;
        }

        /** True when the limit is the file's total budget: nothing more may be read from this file. */
        boolean wholeFile() {
            return wholeFile;
        }
    }

    /** The per-file budget of decompressed bytes shared by every layer. */
    static final class Budget {
        private final long max;
        private long used;

        Budget(long max) {
            this.max = max;
        }

        void add(long n) throws LimitExceededException {
            used += n;
            if (used > max) {
                throw new LimitExceededException("decompressing the file produced more than " + max
                        + " bytes in total (limit); the rest was not read", true);
            }
        }

        long used() {
            return used;
        }
    }

    /** Counts the bytes read through it (the compressed side of a layer, or a raw position). */
    static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long s = in.skip(n);
            count += Math.max(0, s);
            return s;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // the owner closes the underlying stream
        }
    }

    /**
     * The decompressed side of a layer: counts what it produces against the file's budget and, when a compressed
     * count is given, against the compression ratio. Never closes the underlying stream.
     */
    static final class MeteredInputStream extends FilterInputStream {
        private final LongSupplier compressed;
        private final Budget budget;
        private final int maxRatio;
        private final String what;
        private long produced;

        MeteredInputStream(InputStream in, LongSupplier compressed, Budget budget, int maxRatio, String what) {
            super(in);
            this.compressed = compressed;
            this.budget = budget;
            this.maxRatio = maxRatio;
            this.what = what;
        }

        private void count(long n) throws LimitExceededException {
            produced += n;
            budget.add(n);
            if (compressed != null && produced > InputLimits.RATIO_GRACE_BYTES) {
                long c = Math.max(1, compressed.getAsLong());
                if (produced / c > maxRatio) {
                    throw new LimitExceededException(what + " expands more than " + maxRatio
                            + " times (" + produced + " bytes from " + c + " compressed bytes so far): a decompression"
                            + " bomb or unusually repetitive data", false);
                }
            }
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // skip by reading, so that skipped bytes are metered too
            byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
            long done = 0;
            while (done < n) {
                int r = read(buf, 0, (int) Math.min(buf.length, n - done));
                if (r < 0) {
                    break;
                }
                done += r;
            }
            return done;
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public void close() {
            // the owner closes the underlying stream
        }
    }

    /**
     * Reads {@code in} to its end, at most {@code max} bytes. Returns null when there is more than {@code max}.
     * {@code sizeHint} (negative when unknown) sizes the first buffer, so a known size costs no copy.
     */
    static byte[] readCapped(InputStream in, long max, long sizeHint) throws IOException {
        return readCapped(null, in, max, sizeHint);
    }

    /** As {@link #readCapped(InputStream, long, long)}, with {@code prefix} (may be null) already read from it. */
    static byte[] readCapped(byte[] prefix, InputStream in, long max, long sizeHint) throws IOException {
        int cap = (int) Math.min(Integer.MAX_VALUE - 16, max);
        int len = prefix == null ? 0 : prefix.length;
        if (len > cap) {
            return null;
        }
        long wanted = sizeHint >= 0 ? sizeHint : 16 * 1024;
        int initial = (int) Math.max(len, Math.min(wanted, Math.min(cap, 4L * 1024 * 1024)));
        byte[] buf = new byte[initial];
        if (len > 0) {
            System.arraycopy(prefix, 0, buf, 0, len);
        }
        while (true) {
            if (len == buf.length) {
                // full: probe one byte before growing, so an exact size hint needs no copy
                int b = in.read();
                if (b < 0) {
                    return buf;
                }
                if (len >= cap) {
                    return null;
                }
                int grown = (int) Math.min(cap, Math.max(16L * 1024, (long) buf.length * 2));
                buf = Arrays.copyOf(buf, grown);
                buf[len++] = (byte) b;
                continue;
            }
            int n = in.read(buf, len, buf.length - len);
            if (n < 0) {
                return len == buf.length ? buf : Arrays.copyOf(buf, len);
            }
            len += n;
        }
    }

    /** Reads up to {@code head.length} bytes without consuming them; {@code in} must support mark. */
    static int peek(InputStream in, byte[] head) throws IOException {
        in.mark(head.length + 1);
        int n = in.readNBytes(head, 0, head.length);
        in.reset();
        return n;
    }
}
