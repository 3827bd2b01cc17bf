package org.wirearchive.core.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns an input's bytes into text: the declared charset when the container gave one, else detected. Detection:
 * a UTF-8 BOM or valid UTF-8 → UTF-8; UTF-16 BOM → UTF-16; otherwise a single-byte code page, Windows-1256 when the
 * high bytes look like Arabic letters (dense, mostly in the letter range) and Windows-1252 (a superset of Latin-1)
 * otherwise.
 */
final class TextDecoder {

    static final Charset WINDOWS_1256 = Charset.forName("windows-1256");
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The decoded text and the charset used. */
    record Decoded(String text, Charset charset, boolean detected) {
    }

    private TextDecoder() {
    }

    /** True when the bytes look like binary data: any NUL byte, or more than 10% control bytes. */
    static boolean looksBinary(byte[] b) {
        if (b.length >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF))) {
            return false; // UTF-16 with BOM: NULs are expected
        }
        int n = Math.min(b.length, 64 * 1024);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int v = b[i] & 0xFF;
            if (v == 0) {
                return true;
            }
            if (v < 0x20 && v != '\n' && v != '\r' && v != '\t' && v != 0x0C && v != 0x0B && v != 0x1B) {
                control++;
            }
        }
        return n > 0 && control * 10 > n;
    }

    static Decoded decode(byte[] b, Charset declared) {
        if (b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            return new Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, true);
        }
        if (b.length >= 2 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, true);
        }
        if (b.length >= 2 && b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) {
            return new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, true);
        }
        if (declared != null && !declared.equals(StandardCharsets.UTF_8)) {
            return new Decoded(new String(b, declared), declared, false);
        }
        String utf8 = utf8OrNull(b);
        if (utf8 != null) {
            return new Decoded(utf8, declared != null ? declared : StandardCharsets.UTF_8, declared == null);
        }
        // not valid UTF-8, even when declared so (a common lie): a single-byte code page
        Charset cs = looksLikeWindows1256(b) ? WINDOWS_1256 : WINDOWS_1252;
        return new Decoded(new String(b, cs), cs, true);
    }

    /** The text of {@code b} when it is valid UTF-8, else null; decoded once (no separate validation pass). */
    static String utf8OrNull(byte[] b) {
        // the fast lenient decoder replaces every malformed sequence with U+FFFD: without one the bytes were valid
        // and its text is the strict decoder's; with one (malformed, or a U+FFFD in the text) the strict decoder says
        String lenient = new String(b, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /**
     * Arabic in Windows-1256: most letters are high bytes (0xC1-0xFE), so high bytes are a large share of the
     * non-space bytes. French or other Latin text in Windows-1252 has few high bytes among many ASCII letters.
     */
    static boolean looksLikeWindows1256(byte[] b) {
        int high = 0;
        int asciiLetters = 0;
        int n = Math.min(b.length, 64 * 1024);
        for (int i = 0; i < n; i++) {
            int v = b[i] & 0xFF;
            if (v >= 0xC0) {
                high++;
            } else if ((v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z')) {
                asciiLetters++;
            }
        }
        return high > asciiLetters;
    }
}
