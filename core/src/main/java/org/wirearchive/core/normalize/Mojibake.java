package org.wirearchive.core.normalize;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Repairs the two mis-decodings common in the archive (docs/formats.md, "Decoding"). Both repairs are conservative: text
 * that does not show the pattern is returned unchanged (the same instance).
 */
public final class Mojibake {

    private static final Charset WINDOWS_1256 = Charset.forName("windows-1256");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private Mojibake() {
    }

    /**
     * Drops the stray {@code آ} (U+0622) that precedes a quote or apostrophe in Latin text ({@code Kuwaitآ's} →
     * {@code Kuwait's}). Only applied when the text is mostly Latin: Arabic text keeps every {@code آ}.
     */
    public static String repairCurlyQuotes(String text) {
        if (text.indexOf('\u0622') < 0 || !mostlyLatin(text)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == '\u0622' && i + 1 < n && isQuote(text.charAt(i + 1))) {
                continue;
            }
            sb.append(c);
        }
        return sb.length() == n ? text : sb.toString();
    }

    private static boolean isQuote(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '\u201C' || c == '\u201D' || c == '"';
    }

    private static boolean mostlyLatin(String text) {
        int latin = 0;
        int arabic = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80 ? Character.isLetter(c) : false) {
                latin++;
            } else if (c >= '\u0600' && c <= '\u06FF') {
                arabic++;
            }
        }
        return latin > arabic * 3;
    }

    /**
     * Repairs one line of Windows-1256 Arabic that was decoded as Latin-1/Windows-1252 ({@code ÇáßæíÊ} →
     * {@code الكويت}): when most of the line's letters are Latin-1 accented letters and the line re-encodes to
     * Windows-1252 bytes that decode to mostly Arabic letters. Returns the line unchanged otherwise.
     */
    public static String repairArabicAsLatin1(String line) {
        int high = 0;
        int asciiLetters = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c >= '\u00C0' && c <= '\u00FF') {
                high++;
            } else if (c < 0x80 && Character.isLetter(c)) {
                asciiLetters++;
            } else if (c > '\u00FF' && !isCp1252Special(c)) {
                return line; // holds characters Latin-1 decoding cannot produce
            }
        }
        if (high < 3 || high < asciiLetters * 2) {
            return line;
        }
        byte[] bytes;
        try {
            CharsetEncoder enc = WINDOWS_1252.newEncoder().onUnmappableCharacter(CodingErrorAction.REPORT)
                    .onMalformedInput(CodingErrorAction.REPORT);
            ByteBuffer bb = enc.encode(CharBuffer.wrap(line));
            bytes = new byte[bb.remaining()];
            bb.get(bytes);
        } catch (CharacterCodingException e) {
            bytes = line.getBytes(StandardCharsets.ISO_8859_1);
        }
        String arabic = new String(bytes, WINDOWS_1256);
        int arabicLetters = 0;
        for (int i = 0; i < arabic.length(); i++) {
            char c = arabic.charAt(i);
            if (c >= '\u0600' && c <= '\u06FF') {
                arabicLetters++;
            }
        }
        return arabicLetters >= high * 3 / 4 ? arabic : line;
    }

    private static boolean isCp1252Special(char c) {
        // characters Windows-1252 maps into 0x80-0x9F
        return "\u20AC\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D\u2018\u2019\u201C"
                .indexOf(c) >= 0
                || "\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178".indexOf(c) >= 0;
    }
}
