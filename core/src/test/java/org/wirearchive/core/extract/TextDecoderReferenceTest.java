package org.wirearchive.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link TextDecoder#decode} decodes UTF-8 once; the first implementation (validate, then decode) is the reference. */
class TextDecoderReferenceTest {

    @Test
    void sameAsTheReferenceOnRandomBytes() {
        Random random = new Random(3);
        byte[][] pieces = {"Kuwait ".getBytes(StandardCharsets.UTF_8), "الكويت ".getBytes(StandardCharsets.UTF_8),
            "déjà ".getBytes(StandardCharsets.UTF_8), "\uD83D\uDE00".getBytes(StandardCharsets.UTF_8),
            "déjà".getBytes(Charset.forName("windows-1252")), "الكويت".getBytes(Charset.forName("windows-1256")),
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            {(byte) 0xFF, (byte) 0xFE}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82},
            "\uFFFD".getBytes(StandardCharsets.UTF_8)};
        Charset[] declared = {null, StandardCharsets.UTF_8, Charset.forName("windows-1256"), StandardCharsets.ISO_8859_1};
        for (int t = 0; t < 20000; t++) {
            ByteBuffer buf = ByteBuffer.allocate(400);
            int n = random.nextInt(12);
            for (int i = 0; i < n; i++) {
                buf.put(pieces[random.nextInt(pieces.length)]);
            }
            byte[] b = Arrays.copyOf(buf.array(), buf.position());
            Charset cs = declared[random.nextInt(declared.length)];
            TextDecoder.Decoded actual = TextDecoder.decode(b, cs);
            TextDecoder.Decoded expected = reference(b, cs);
            assertThat(actual).as("%s as %s", Arrays.toString(b), cs).isEqualTo(expected);
        }
    }

    private static TextDecoder.Decoded reference(byte[] b, Charset declared) {
        if (b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            return new TextDecoder.Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), StandardCharsets.UTF_8, true);
        }
        if (b.length >= 2 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) {
            return new TextDecoder.Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE, true);
        }
        if (b.length >= 2 && b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) {
            return new TextDecoder.Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE, true);
        }
        if (declared != null) {
            if (!declared.equals(StandardCharsets.UTF_8) || isValidUtf8(b)) {
                return new TextDecoder.Decoded(new String(b, declared), declared, false);
            }
        }
        if (isValidUtf8(b)) {
            return new TextDecoder.Decoded(new String(b, StandardCharsets.UTF_8), StandardCharsets.UTF_8, true);
        }
        Charset cs = TextDecoder.looksLikeWindows1256(b) ? TextDecoder.WINDOWS_1256 : TextDecoder.WINDOWS_1252;
        return new TextDecoder.Decoded(new String(b, cs), cs, true);
    }

    private static boolean isValidUtf8(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
