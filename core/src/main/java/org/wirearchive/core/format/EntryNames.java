package org.wirearchive.core.format;

/** Rules for names inside archives. Entry names are only ever used as labels, never as paths to write to. */
final class EntryNames {

    private EntryNames() {
    }

    /**
     * False for names that would escape a directory if someone extracted them: empty, absolute ({@code /x},
     * {@code \x}), drive letters ({@code C:}), any {@code ..} segment, or control characters.
     */
    static boolean isSafe(String name) {
        if (name == null || name.isEmpty()) {
            return false;
        }
        char first = name.charAt(0);
        if (first == '/' || first == '\\') {
            return false;
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && isAsciiLetter(first)) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return false;
            }
        }
        for (String segment : name.split("[/\\\\]", -1)) {
            if (segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** The part after the last slash or backslash (for the extension check). */
    static String lastSegment(String name) {
        int i = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        return i < 0 ? name : name.substring(i + 1);
    }

    /** The name with control characters shown as {@code \\uXXXX}, for messages. */
    static String printable(String name) {
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }
}
