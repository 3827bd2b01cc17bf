package org.wirearchive.core.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Text normalization for article bodies and headlines, and the comparison forms the deduplication uses.
 *
 * <p>The stored form ({@link #normalizeBody}) keeps the text as printed except for whitespace and Unicode form: NFC,
 * every space-like character to a plain space, runs of blanks folded, line ends {@code \n}, hard-wrapped lines joined,
 * and paragraphs separated by exactly one {@code \n} (blank lines between paragraphs are dropped). The keys that match a
 * headline with its URL slug ({@link #slugKey}, {@link #headlineSlugKey}) additionally fold case, quotes, dashes and
 * spacing around punctuation; they are never stored, and deduplication does not use them (its one comparison form is
 * {@code dedup.ComparisonForm}).
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** True for the characters folded to a plain space: NBSP, the Unicode space separators, tab, zero-width space. */
    public static boolean isSpaceLike(char c) {
        if (c < 0x80) {
            return c == ' ' || c == '\t' || c == '\u000B' || c == '\u000C';
        }
        return c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u3000'
                || (c >= '\u2000' && c <= '\u200B') || c == '\u205F' || c == '\u1680' || c == '\uFEFF';
    }

    /** Line ends to {@code \n} ({@code \r\n}, lone {@code \r}, U+2028/U+2029, NEL). */
    public static String unifyLineEnds(String text) {
        if (text.indexOf('\r') < 0 && text.indexOf('\u2028') < 0 && text.indexOf('\u2029') < 0
                && text.indexOf('\u0085') < 0) {
            return text; // nothing to change (four vectorised searches are cheaper than one loop)
        }
        StringBuilder sb = null;
        int n = text.length();
        int copied = 0; // text[copied, i) is still to be appended
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                if (sb == null) {
                    sb = new StringBuilder(n);
                }
                sb.append(text, copied, i).append('\n');
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                copied = i + 1;
            }
        }
        return sb == null ? text : sb.append(text, copied, n).toString();
    }

    /**
     * One line: space-like characters to spaces, runs folded to one space, stripped at both ends; invisible format
     * characters and control characters dropped. A line that is already clean is returned as is.
     */
    public static String cleanLine(String line) {
        if (isClean(line)) {
            return line;
        }
        int n = line.length();
        char[] out = new char[n];
        int len = 0;
        boolean pendingSpace = false;
        boolean replaced = false; // a blank other than ' ' was seen (it becomes ' ')
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (isSpaceLike(c) || c == '\n' || c == '\r') {
                pendingSpace = len > 0;
                replaced |= c != ' ';
            } else if (!isDropped(c)) {
                if (pendingSpace) {
                    out[len++] = ' ';
                    pendingSpace = false;
                }
                out[len++] = c;
            }
        }
        // nothing dropped, folded or stripped, and every blank was a plain space: the line is its own clean form
        return len == n && !replaced ? line : new String(out, 0, len);
    }

    /**
     * True when {@link #cleanLine} would return {@code line} itself: no blank at either end, no two blanks in a row,
     * every blank a plain space, nothing it drops. Checked without a copy (most lines are clean).
     */
    private static boolean isClean(String line) {
        int n = line.length();
        boolean space = true; // a space here would be leading or doubled
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == ' ') {
                if (space) {
                    return false;
                }
                space = true;
            } else if (c < ' ' || c >= 0x80 && (isSpaceLike(c) || isDropped(c))) {
                return false; // tab, a line end or a control; another blank; a format character
            } else {
                space = false;
            }
        }
        return n == 0 || !space;
    }

    /** True when {@link #cleanLine} of {@code text} is empty: it holds only blanks, line ends, format and controls. */
    public static boolean cleansToEmpty(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(isSpaceLike(c) || c == '\n' || c == '\r') && !isDropped(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Characters {@link #cleanLine} drops: soft hyphen, direction marks and similar invisible format characters (but
     * not the joiners ZWNJ and ZWJ), and control characters below {@code ' '} other than tab.
     */
    private static boolean isDropped(char c) {
        if (c < ' ') {
            return c != '\t';
        }
        if (c < '\u00AD') {
            return false; // no format character below the soft hyphen
        }
        return Character.getType(c) == Character.FORMAT && c != '\u200C' && c != '\u200D';
    }

    /** Unicode NFC (a no-op for text already in NFC, checked cheaply first). */
    public static String nfc(String text) {
        if (belowCombiningMarks(text)) {
            return text;
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /**
     * True when every character is below U+0300, where the combining marks start: such text is in NFC (no character
     * there decomposes or composes with its neighbour), which is cheaper to see than to ask {@link Normalizer}.
     */
    private static boolean belowCombiningMarks(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= '\u0300') {
                return false;
            }
        }
        return true;
    }

    /** A headline: NFC, one line, spaces folded. */
    public static String normalizeHeadline(String headline) {
        return cleanLine(nfc(headline));
    }

    /**
     * The stored body form of raw article lines: NFC, each line cleaned, hard-wrapped lines joined
     * ({@link #unwrap}), blank lines dropped so paragraphs are separated by a single {@code \n}.
     */
    public static String normalizeBody(List<String> rawLines) {
        List<String> cleaned = new ArrayList<>(rawLines.size());
        for (String l : rawLines) {
            cleaned.add(cleanLine(nfc(l)));
        }
        List<String> paragraphs = unwrap(cleaned);
        return String.join("\n", paragraphs);
    }

    /** {@link #normalizeBody(List)} of a text with line breaks. */
    public static String normalizeBody(String text) {
        return normalizeBody(List.of(unifyLineEnds(text).split("\n", -1)));
    }

    /**
     * Joins hard-wrapped lines into paragraphs. Blank lines end a paragraph. A line is joined to the next non-blank
     * line when it does not end a sentence and is long enough to be a wrapped line, or when the next line starts with
     * a lower-case letter. In a block wrapped at a fixed width (see {@link #fixedWidth}), a full-width line ending with
     * a letter and followed by a lower-case letter, or ending with a hyphen, was cut inside a word and is joined
     * without a space ({@code pro\nject}, {@code East-\nWest}); every other break is joined with one space (a capital
     * after a full-width line ending with a letter starts a new word).
     *
     * @param lines cleaned lines (no surrounding blanks)
     * @return the paragraphs, none empty
     */
    public static List<String> unwrap(List<String> lines) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = lines.size();
        while (i < n) {
            String line = lines.get(i);
            if (line.isEmpty()) {
                i++;
                continue;
            }
            // gather a block of lines that continue one another
            int start = i;
            int end = i; // inclusive
            while (end + 1 < n && !lines.get(end + 1).isEmpty() && continues(lines.get(end), lines.get(end + 1))) {
                end++;
            }
            if (start == end) {
                out.add(line);
            } else {
                int width = fixedWidth(lines, start, end);
                StringBuilder sb = new StringBuilder(lines.get(start));
                for (int k = start + 1; k <= end; k++) {
                    String prev = lines.get(k - 1);
                    String next = lines.get(k);
                    // in a fixed-width wrap a line of full width was cut at a character, not at a (stripped) space
                    boolean cut = width > 0 && prev.length() == width && (endsWithLetter(prev)
                            && startsWithLowerCase(next) || prev.endsWith("-") && startsWithLetter(next));
                    if (!cut) {
                        sb.append(' ');
                    }
                    sb.append(next);
                }
                out.add(sb.toString());
            }
            i = end + 1;
        }
        return out;
    }

    private static boolean continues(String line, String next) {
        if (line.length() < 25) {
            // a short line continues only when it visibly stops mid-sentence: after a lower-case word or a comma
            char last = line.charAt(line.length() - 1);
            return (Character.isLowerCase(last) || last == ',') && startsWithLetter(next) && line.indexOf(' ') > 0;
        }
        if (startsWithLowerCase(next)) {
            return true;
        }
        return !endsSentence(line);
    }

    /**
     * The wrap width when lines {@code start..end} look wrapped at a fixed width (every line but the first and the
     * last within one character of the widest, width 40 or more, and either three or more such lines or two of exactly
     * the widest length), else 0. Two inner lines within a character of each other happen by chance in text wrapped
     * at word boundaries; three, or two of the very same length, rarely do.
     */
    private static int fixedWidth(List<String> lines, int start, int end) {
        if (end - start < 2) {
            return 0;
        }
        int width = 0;
        for (int k = start + 1; k < end; k++) {
            width = Math.max(width, lines.get(k).length());
        }
        if (width < 40) {
            return 0;
        }
        int full = 0;
        for (int k = start + 1; k < end; k++) {
            int len = lines.get(k).length();
            if (len < width - 1) {
                return 0;
            }
            if (len == width) {
                full++;
            }
        }
        int inner = end - start - 1;
        return inner >= 3 && full >= 1 || inner == 2 && full == 2 ? width : 0;
    }

    private static boolean endsSentence(String line) {
        char c = line.charAt(line.length() - 1);
        return switch (c) {
            case '.', '!', '?', ':', ';', '"', '\u201D', '\u2019', '\'', ')', ']', '\u06D4', '\u061F', '\u00BB' -> true;
            default -> false;
        };
    }

    private static boolean startsWithLowerCase(String s) {
        return !s.isEmpty() && Character.isLowerCase(s.charAt(0));
    }

    private static boolean startsWithLetter(String s) {
        return !s.isEmpty() && Character.isLetter(s.charAt(0));
    }

    private static boolean endsWithLetter(CharSequence s) {
        return s.length() > 0 && Character.isLetter(s.charAt(s.length() - 1));
    }

    /**
     * The parser's matching key of a text (not a comparison form of deduplication, which has only
     * {@code dedup.ComparisonForm}): NFC, lower case ({@link Locale#ROOT}), curly quotes and primes to
     * ASCII quotes, every dash to {@code -}, a space inserted after sentence punctuation and before an opening quote
     * glued to a word ({@code talks.The} and {@code talks. The} compare equal), all whitespace (line breaks included)
     * folded to one space, stripped. Never null for non-null input.
     */
    public static String slugKey(String text) {
        if (text == null) {
            return "";
        }
        String s = nfc(text).toLowerCase(Locale.ROOT);
        int n = s.length();
        StringBuilder sb = new StringBuilder(n + 16);
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            char c = foldChar(s.charAt(i));
            if (c == ' ' || c == '\n' || c == '\r' || isSpaceLike(c)) {
                pendingSpace = sb.length() > 0;
                continue;
            }
            if (c == '"' && sb.length() > 0 && Character.isLetterOrDigit(sb.charAt(sb.length() - 1))
                    && i + 1 < n && Character.isLetter(s.charAt(i + 1))) {
                pendingSpace = true; // a"word -> a "word
            }
            if (pendingSpace) {
                sb.append(' ');
                pendingSpace = false;
            }
            sb.append(c);
            if ((c == '.' || c == ',' || c == '!' || c == '?' || c == ';') && i + 1 < n
                    && Character.isLetter(s.charAt(i + 1)) && i > 0 && Character.isLetter(s.charAt(i - 1))
                    && !(c == '.' && isAbbreviationDot(s, i))) {
                pendingSpace = true;
            }
        }
        return sb.toString();
    }

    /** A dot between two single letters ({@code u.s.}) is an abbreviation, not a sentence end. */
    private static boolean isAbbreviationDot(String s, int i) {
        boolean singleBefore = i < 2 || !Character.isLetter(s.charAt(i - 2));
        boolean singleAfter = i + 2 >= s.length() || !Character.isLetter(s.charAt(i + 2));
        return singleBefore && singleAfter;
    }

    /**
     * The key a headline is matched with its URL slug by: {@link #slugKey} with every character that is not a letter or digit
     * removed (apostrophes glue: {@code Kuwait's} = {@code Kuwaits}, as URL slugs print it) or turned into a space.
     * A headline derived from a URL slug and the printed title then compare equal.
     */
    public static String headlineSlugKey(String headline) {
        String s = slugKey(headline);
        StringBuilder sb = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (pendingSpace && sb.length() > 0) {
                    sb.append(' ');
                }
                pendingSpace = false;
                sb.append(c);
            } else if (c == '\'' || c == '.') {
                // glue: nat'l -> natl, u.s. -> us
                continue;
            } else {
                pendingSpace = true;
            }
        }
        return sb.toString();
    }

    private static char foldChar(char c) {
        return switch (c) {
            case '\u2018', '\u2019', '\u201A', '\u201B', '\u2032', '\u00B4', '`' -> '\'';
            case '\u201C', '\u201D', '\u201E', '\u201F', '\u2033', '\u00AB', '\u00BB' -> '"';
            case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212' -> '-';
            case '\u2026' -> '.';
            default -> c;
        };
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code text}: the project's one text digest. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A fresh SHA-256 digest, cloned from one never used (cheaper than looking the algorithm up every time). */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    private static final MessageDigest SHA256 = newSha256();

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
