package org.wirearchive.core.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.charset.Charset;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.wirearchive.core.article.RejectReason;
import org.wirearchive.core.format.InputDocument.ContentKind;
import org.wirearchive.core.format.Streams.CountingInputStream;
import org.wirearchive.core.format.Streams.LimitExceededException;
import org.wirearchive.core.format.Streams.MeteredInputStream;

/**
 * Reads the records of one WARC stream (plain, or gzip with one member per record) with jwarc. {@code response}
 * records yield their HTTP payload (de-chunked, Content-Encoding decoded, charset from Content-Type); {@code resource}
 * and {@code conversion} records yield their block; other record types are skipped. Each input is named
 * {@code container#offset}, the record's byte offset in the (compressed) stream.
 */
final class WarcInputs {

    private final ReadSession session;
    private final String name;
    private final ByteBuffer drainBuffer = ByteBuffer.allocate(16 * 1024);

    WarcInputs(ReadSession session, String name) {
        this.session = session;
        this.name = name;
    }

    void read(InputStream in) {
        CountingInputStream raw = new CountingInputStream(in);
        WarcReader reader;
        try {
            reader = new WarcReader(Channels.newChannel(raw));
        } catch (IOException | RuntimeException e) {
            session.reject(name, null, RejectReason.CORRUPT, "the WARC data is damaged at its start: "
                    + ReadSession.describe(e));
            return;
        }
        boolean compressed = reader.compression() == WarcCompression.GZIP;
        long produced = 0;
        long lastOffset = -1;
        int sameOffset = 0;
        while (!session.stopped()) {
            WarcRecord record;
            try {
                Optional<WarcRecord> next = reader.next();
                if (next.isEmpty()) {
                    return;
                }
                record = next.get();
            } catch (IOException | RuntimeException e) {
                session.reject(name, null, RejectReason.CORRUPT, "the WARC data is damaged in or after the record"
                        + " at byte " + reader.position() + " (" + ReadSession.describe(e)
                        + "); the records before it were read");
                return;
            }
            long offset = reader.position();
            if (offset == lastOffset) {
                // only when a whole WARC is one gzip member: offsets do not tell records apart
                sameOffset++;
            } else {
                sameOffset = 0;
                lastOffset = offset;
            }
            String child = name + "#" + offset + (sameOffset == 0 ? "" : "+" + sameOffset);
            long length;
            try {
                length = record.body().size();
            } catch (IOException | RuntimeException e) {
                length = -1;
            }
            if (length < 0) {
                session.reject(name, null, RejectReason.CORRUPT, "the WARC record at byte " + offset
                        + " has no valid Content-Length; the records before it were read");
                return;
            }
            String type = record.type() == null ? "" : record.type().toLowerCase(Locale.ROOT);
            boolean wanted = type.equals("response") || type.equals("resource") || type.equals("conversion");
            if (wanted) {
                if (!session.countEntry(name)) {
                    return;
                }
                if (length > session.limits().maxInputBytes()) {
                    session.reject(child, target(record), RejectReason.TOO_LARGE, "the WARC record is " + length
                            + " bytes, over the limit of " + session.limits().maxInputBytes() + " bytes");
                } else if (type.equals("response")) {
                    readResponse(record, child);
                } else {
                    readBlock(record, child, record.contentType());
                }
            }
            // account for (and skip) what is left of the record, metered: jwarc would decompress it anyway
            try {
                long read = record.body().position();
                produced += read;
                session.budget().add(read);
                checkRatio(compressed, produced, raw);
                produced += drain(record.body(), compressed, produced, raw);
            } catch (LimitExceededException e) {
                session.limitReject(name, null, e);
                session.stop();
                return;
            } catch (IOException | RuntimeException e) {
                // the next record read reports the damage
            }
        }
    }

    private long drain(MessageBody body, boolean compressed, long producedBefore, CountingInputStream raw)
            throws IOException {
        long n = 0;
        while (true) {
            drainBuffer.clear();
            int r = body.read(drainBuffer);
            if (r < 0) {
                return n;
            }
            n += r;
            session.budget().add(r);
            checkRatio(compressed, producedBefore + n, raw);
        }
    }

    private void checkRatio(boolean compressed, long produced, CountingInputStream raw)
            throws LimitExceededException {
        if (!compressed || produced <= InputLimits.RATIO_GRACE_BYTES) {
            return;
        }
        int max = session.limits().maxCompressionRatio();
        if (produced / Math.max(1, raw.count()) > max) {
            throw new LimitExceededException("the WARC data expands more than " + max + " times (" + produced
                    + " bytes from " + raw.count() + " compressed bytes); the rest was not read", false);
        }
    }

    private void readResponse(WarcRecord record, String child) {
        String url = target(record);
        MediaType blockType = safeContentType(record);
        if (!(record instanceof WarcResponse response) || !MediaType.HTTP.equals(blockType.base())) {
            // not an HTTP capture (e.g. a response record with a plain block): the block is the page
            readBlock(record, child, blockType);
            return;
        }
        HttpResponse http;
        try {
            http = response.http();
        } catch (IOException | RuntimeException e) {
            session.reject(child, url, RejectReason.CORRUPT, "the HTTP response stored in the WARC record is"
                    + " damaged: " + ReadSession.describe(e));
            return;
        }
        int status = http.status();
        if (status < 200 || status >= 300) {
            session.reject(child, url, RejectReason.NO_ARTICLE, "the archived HTTP response has status " + status
                    + ", not a page");
            return;
        }
        String encoding = http.headers().all("Content-Encoding").stream()
                .map(s -> s.trim().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty())
                .reduce((a, b) -> a + ", " + b).orElse("");
        boolean decode;
        if (encoding.isEmpty() || encoding.equals("identity") || encoding.equals("none")) {
            decode = false;
        } else if (encoding.equals("gzip") || encoding.equals("x-gzip") || encoding.equals("deflate")) {
            decode = true;
        } else {
            session.reject(child, url, RejectReason.UNSUPPORTED_CONTAINER, "the page is stored compressed with"
                    + " Content-Encoding " + encoding + ", which is not supported");
            return;
        }
        MediaType payloadType;
        try {
            payloadType = http.contentType();
        } catch (RuntimeException e) {
            payloadType = MediaType.OCTET_STREAM;
        }
        InputStream body;
        try {
            body = decode ? http.bodyDecoded().stream() : http.body().stream();
        } catch (IOException | RuntimeException e) {
            session.reject(child, url, RejectReason.CORRUPT, "the HTTP payload is damaged: "
                    + ReadSession.describe(e));
            return;
        }
        if (decode) {
            MessageBody recordBody = record.body();
            body = new MeteredInputStream(body, () -> position(recordBody), session.budget(),
                    session.limits().maxCompressionRatio(), "the page's Content-Encoding " + encoding);
        }
        long hint;
        try {
            hint = decode ? -1 : record.body().size();
        } catch (IOException e) {
            hint = -1;
        }
        session.readDocument(body, child, url, crawlDate(record), charset(payloadType), kind(payloadType), hint);
    }

    private void readBlock(WarcRecord record, String child, MediaType type) {
        InputStream body;
        try {
            body = record.body().stream();
        } catch (IOException | RuntimeException e) {
            session.reject(child, target(record), RejectReason.CORRUPT, "the WARC record is damaged: "
                    + ReadSession.describe(e));
            return;
        }
        long hint;
        try {
            hint = record.body().size();
        } catch (IOException e) {
            hint = -1;
        }
        session.readDocument(body, child, target(record), crawlDate(record), charset(type), kind(type), hint);
    }

    private static long position(MessageBody body) {
        try {
            return body.position();
        } catch (IOException e) {
            return 0;
        }
    }

    private static MediaType safeContentType(WarcRecord record) {
        try {
            return record.contentType();
        } catch (RuntimeException e) {
            return MediaType.OCTET_STREAM;
        }
    }

    private static String target(WarcRecord record) {
        if (record instanceof WarcTargetRecord t) {
            try {
                String s = t.target();
                return s == null || s.isBlank() ? null : s.trim();
            } catch (RuntimeException e) {
                return null;
            }
        }
        return null;
    }

    private static LocalDate crawlDate(WarcRecord record) {
        try {
            return record.date() == null ? null : record.date().atZone(ZoneOffset.UTC).toLocalDate();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** HTML or TEXT from a media type; UNKNOWN for anything else (the extractor sniffs). */
    static ContentKind kind(MediaType type) {
        if (type == null) {
            return ContentKind.UNKNOWN;
        }
        String base = (type.type() + "/" + type.subtype()).toLowerCase(Locale.ROOT);
        return switch (base) {
            case "text/html", "application/xhtml+xml" -> ContentKind.HTML;
            case "text/plain" -> ContentKind.TEXT;
            default -> ContentKind.UNKNOWN;
        };
    }

    /** The declared charset, or null when absent, unknown or unsupported (the extractor then detects). */
    static Charset charset(MediaType type) {
        if (type == null) {
            return null;
        }
        for (Map.Entry<String, String> p : type.parameters().entrySet()) {
            if (p.getKey().equalsIgnoreCase("charset") && p.getValue() != null) {
                String value = p.getValue().trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1).trim();
                }
                try {
                    return Charset.isSupported(value) ? Charset.forName(value) : null;
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }
}
