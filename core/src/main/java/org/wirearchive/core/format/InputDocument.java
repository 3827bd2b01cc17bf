package org.wirearchive.core.format;

import java.nio.charset.Charset;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One readable input out of a file or a container, before extraction: raw bytes and what the container said about
 * them.
 *
 * @param source    the input's name: the file path, or {@code container-path#entry-or-offset}
 * @param url       the page URL when the container knows it (WARC-Target-URI), else null
 * @param crawlDate the crawl date when the container knows it (WARC-Date), else null
 * @param content   the bytes (already decompressed)
 * @param charset   the charset the container declared (HTTP Content-Type), or null to detect
 * @param kind      what the container says the bytes are
 */
public record InputDocument(String source, String url, LocalDate crawlDate, byte[] content, Charset charset,
                            ContentKind kind) {

    public InputDocument {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(content, "content");
        kind = kind == null ? ContentKind.UNKNOWN : kind;
    }

    public static InputDocument of(String source, byte[] content) {
        return new InputDocument(source, null, null, content, null, ContentKind.UNKNOWN);
    }

    /** What the bytes are, as far as the container tells; {@code UNKNOWN} means sniff the content. */
    public enum ContentKind { TEXT, HTML, UNKNOWN }
}
