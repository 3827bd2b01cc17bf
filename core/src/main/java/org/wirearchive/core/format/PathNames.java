package org.wirearchive.core.format;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * File names that the process cannot name. Java decodes a file name's bytes with the file-name encoding of the
 * process ({@code sun.jnu.encoding}, from the locale: ASCII when {@code LANG} is unset); bytes it cannot decode become
 * U+FFFD, and the resulting string no longer names the file. A frozen input list keeps names as strings, so such a
 * file cannot be opened by its listed name: it is found here and shown escaped instead.
 */
public final class PathNames {

    private PathNames() {
    }

    /** Whether the file-name encoding is UTF-8: then a name decodes without U+FFFD exactly when it is valid UTF-8. */
    private static final boolean UTF8_NAMES = "UTF-8".equals(System.getProperty("sun.jnu.encoding"));

    /** Whether the path's string names the same file again (false for bytes the file-name encoding cannot decode). */
    public static boolean opensByName(Path path) {
        if (UTF8_NAMES && path.getFileSystem() == FileSystems.getDefault() && path.toString().indexOf('\uFFFD') < 0) {
            // the default file system decodes a name's bytes as UTF-8, an invalid sequence as U+FFFD; valid UTF-8
            // encodes back to the same bytes, so the string names the file
            return true;
        }
        try {
            return path.getFileSystem().getPath(path.toString()).equals(path);
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * The name to show and record: the path string (with {@code /} separators) when it names the file; else the
     * name rebuilt from its bytes, read as UTF-8, with every byte that is not valid UTF-8 (or a control character)
     * written as {@code \xNN}, e.g. {@code /archive/caf\xE9.txt}.
     */
    public static String display(Path path) {
        if (opensByName(path)) {
            return InputTree.nameOf(path);
        }
        StringBuilder sb = new StringBuilder();
        if (path.getRoot() != null) {
            sb.append('/');
        }
        boolean first = true;
        for (Path element : path) {
            if (!first) {
                sb.append('/');
            }
            first = false;
            sb.append(escape(rawBytes(element)));
        }
        return sb.toString();
    }

    /** The bytes of one name element, from its URI (which percent-encodes the raw bytes, whatever the encoding). */
    private static byte[] rawBytes(Path element) {
        String raw = element.toAbsolutePath().toUri().getRawPath();
        if (raw.length() > 1 && raw.endsWith("/")) {
            raw = raw.substring(0, raw.length() - 1); // a directory's URI ends with a slash
        }
        raw = raw.substring(raw.lastIndexOf('/') + 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%' && i + 2 < raw.length()) {
                bytes.write(Integer.parseInt(raw.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    /** The bytes as UTF-8 where they are valid; every other byte, and control characters, as {@code \xNN}. */
    static String escape(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length * 4 + 4);
        StringBuilder sb = new StringBuilder(bytes.length + 8);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            out.flip();
            appendEscapingControls(sb, out);
            out.clear();
            if (r.isError()) {
                for (int i = 0; i < r.length(); i++) {
                    sb.append(String.format(Locale.ROOT, "\\x%02X", in.get() & 0xFF));
                }
                continue;
            }
            if (r.isUnderflow()) {
                break;
            }
        }
        decoder.flush(out);
        out.flip();
        appendEscapingControls(sb, out);
        return sb.toString();
    }

    private static void appendEscapingControls(StringBuilder sb, CharBuffer chars) {
        while (chars.hasRemaining()) {
            char c = chars.get();
            if (c < 0x20 || c == 0x7F) {
                sb.append(String.format(Locale.ROOT, "\\x%02X", (int) c));
            } else {
                sb.append(c);
            }
        }
    }
}
