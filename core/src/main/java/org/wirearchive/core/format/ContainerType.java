package org.wirearchive.core.format;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What a file or entry is, decided from its first bytes, then from its name. */
enum ContainerType {
    PLAIN, GZIP, ZIP, WARC, UNSUPPORTED, MISNAMED;

    /** How many leading bytes {@link #detect} wants to see (tar's magic sits at offset 257). */
    static final int HEAD_BYTES = 512;

    /** A detection result; {@code label} names the format for messages (e.g. "7z", "tar"). */
    record Detection(ContainerType type, String label) {
    }

    static Detection detect(byte[] head, int len, String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (len == 0) {
            return new Detection(PLAIN, "empty");
        }
        if (starts(head, len, 0x1f, 0x8b)) {
            return new Detection(GZIP, "gzip");
        }
        if (starts(head, len, 'P', 'K', 3, 4) || starts(head, len, 'P', 'K', 5, 6)
                || starts(head, len, 'P', 'K', 7, 8)) {
            return new Detection(ZIP, "zip");
        }
        if (startsText(head, len, "WARC/")) {
            return new Detection(WARC, "WARC");
        }
        String magic = unsupportedMagic(head, len);
        if (magic != null) {
            return new Detection(UNSUPPORTED, magic);
        }
        // no container magic: the name decides between plain, unsupported and misnamed
        for (String ext : new String[] {".tar", ".tgz", ".taz", ".7z", ".rar", ".bz2", ".tbz", ".tbz2", ".xz",
                ".txz", ".zst", ".lz4", ".lzma", ".z", ".cab", ".arc", ".arc.gz", ".cpio", ".iso"}) {
            if (name.endsWith(ext)) {
                return new Detection(UNSUPPORTED, ext.substring(1));
            }
        }
        if (name.endsWith(".gz") || name.endsWith(".gzip")) {
            return new Detection(MISNAMED, "gzip");
        }
        if (name.endsWith(".zip")) {
            return new Detection(MISNAMED, "zip");
        }
        if (name.endsWith(".warc")) {
            return new Detection(MISNAMED, "WARC");
        }
        return new Detection(PLAIN, "plain");
    }

    private static String unsupportedMagic(byte[] h, int len) {
        if (starts(h, len, '7', 'z', 0xbc, 0xaf, 0x27, 0x1c)) {
            return "7z";
        }
        if (starts(h, len, 'R', 'a', 'r', '!', 0x1a, 0x07)) {
            return "rar";
        }
        if (len >= 262 && h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r') {
            return "tar";
        }
        if (starts(h, len, 'B', 'Z', 'h') && len >= 10 && h[3] >= '1' && h[3] <= '9'
                && starts(slice(h, 4, len), len - 4, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59)) {
            return "bzip2";
        }
        if (starts(h, len, 0xfd, '7', 'z', 'X', 'Z', 0)) {
            return "xz";
        }
        if (starts(h, len, 0x28, 0xb5, 0x2f, 0xfd)) {
            return "zstd";
        }
        if (starts(h, len, 0x04, 0x22, 0x4d, 0x18)) {
            return "lz4";
        }
        if (starts(h, len, 0x1f, 0x9d) || starts(h, len, 0x1f, 0xa0)) {
            return "compress (.Z)";
        }
        if (starts(h, len, 'M', 'S', 'C', 'F', 0, 0, 0, 0)) {
            return "cab";
        }
        if (startsText(h, len, "filedesc://")) {
            return "ARC (the old Internet Archive format)";
        }
        return null;
    }

    private static byte[] slice(byte[] h, int from, int len) {
        byte[] out = new byte[Math.max(0, len - from)];
        System.arraycopy(h, from, out, 0, out.length);
        return out;
    }

    private static boolean starts(byte[] h, int len, int... magic) {
        if (len < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((h[i] & 0xff) != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsText(byte[] h, int len, String text) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        if (len < t.length) {
            return false;
        }
        for (int i = 0; i < t.length; i++) {
            if (h[i] != t[i]) {
                return false;
            }
        }
        return true;
    }
}
