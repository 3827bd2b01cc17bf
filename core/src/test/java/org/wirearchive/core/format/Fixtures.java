package org.wirearchive.core.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;

/** Builds container fixtures in code. All article text here is invented. */
final class Fixtures {

    static final String PAGE_1 = " date 2024-03-03 \n(MENAFN- Kuwait News Agency (KUNA)) KUWAIT, March 3 (KUNA) -- "
            + "The invented Ministry of Examples said on Sunday it would test new archive readers.\n(end) xy\n";
    static final String PAGE_2 = "(MENAFN- Jordan News Agency) Amman, Mar. 4 (Petra) -- A fictional committee met "
            + "to review imaginary figures for the season.\n(end) ab.cd\n";
    static final String ARABIC = "الكويت - (كونا) -- قالت وزارة الأمثلة المتخيلة إنها ستختبر القارئ الجديد.";

    private Fixtures() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String text(InputDocument d) {
        return new String(d.content(), d.charset() == null ? StandardCharsets.UTF_8 : d.charset());
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bos)) {
            gz.write(data);
        }
        return bos.toByteArray();
    }

    /** A zip of the given entries (name to bytes), deflated. */
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bos, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bos.toByteArray();
    }

    /** A zip with one STORED entry (sizes in the local header, no data descriptor). */
    static byte[] storedZip(String name, byte[] data) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bos, StandardCharsets.UTF_8)) {
            ZipEntry e = new ZipEntry(name);
            e.setMethod(ZipEntry.STORED);
            e.setSize(data.length);
            e.setCompressedSize(data.length);
            CRC32 crc = new CRC32();
            crc.update(data);
            e.setCrc(crc.getValue());
            zip.putNextEntry(e);
            zip.write(data);
            zip.closeEntry();
        }
        return bos.toByteArray();
    }

    static Map<String, byte[]> entries(Object... nameThenBytes) {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            Object v = nameThenBytes[i + 1];
            m.put((String) nameThenBytes[i], v instanceof String s ? utf8(s) : (byte[]) v);
        }
        return m;
    }

    /** The HTTP/1.1 response bytes: status line, headers, blank line, body. */
    static byte[] http(int status, String reason, Map<String, String> headers, byte[] body) {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason).append("\r\n");
        headers.forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        sb.append("\r\n");
        byte[] head = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        byte[] out = new byte[head.length + body.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(body, 0, out, head.length, body.length);
        return out;
    }

    /** {@code body} in chunked transfer coding, in chunks of {@code size} bytes. */
    static byte[] chunked(byte[] body, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < body.length; i += size) {
            int n = Math.min(size, body.length - i);
            out.writeBytes((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, i, n);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    static Map<String, String> headers(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Writes records to a WARC (gzip: one member per record) and returns each record's offset. */
    static final class Warc {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final WarcWriter writer;
        private final java.util.List<Long> offsets = new java.util.ArrayList<>();

        Warc(boolean gzip) throws IOException {
            writer = new WarcWriter(java.nio.channels.Channels.newChannel(bytes),
                    gzip ? WarcCompression.GZIP : WarcCompression.NONE);
        }

        Warc write(WarcRecord record) throws IOException {
            offsets.add(writer.position());
            writer.write(record);
            return this;
        }

        Warc warcinfo() throws IOException {
            return write(new Warcinfo.Builder().date(Instant.parse("2024-03-05T10:00:00Z")).filename("test.warc")
                    .fields(Map.of("software", java.util.List.of("wirearchive tests"))).build());
        }

        Warc request(String url) throws IOException {
            byte[] req = ("GET / HTTP/1.1\r\nHost: example.invalid\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            return write(new WarcRequest.Builder(url).date(Instant.parse("2024-03-05T10:00:00Z"))
                    .body(MediaType.HTTP_REQUEST, req).build());
        }

        Warc response(String url, String date, byte[] httpBytes) throws IOException {
            return write(new WarcResponse.Builder(url).date(Instant.parse(date))
                    .body(MediaType.HTTP_RESPONSE, httpBytes).build());
        }

        Warc resource(String url, String date, String contentType, byte[] body) throws IOException {
            return write(new WarcResource.Builder(java.net.URI.create(url)).date(Instant.parse(date))
                    .body(MediaType.parse(contentType), body).build());
        }

        Warc conversion(String url, String date, String contentType, byte[] body) throws IOException {
            return write(new WarcConversion.Builder().setHeader("WARC-Target-URI", url).date(Instant.parse(date))
                    .body(MediaType.parse(contentType), body).build());
        }

        java.util.List<Long> offsets() {
            return offsets;
        }

        byte[] bytes() throws IOException {
            writer.close();
            return bytes.toByteArray();
        }
    }

    static Path write(Path dir, String name, byte[] data) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.write(p, data);
        return p;
    }

    static byte[] encode(String s, Charset cs) {
        return s.getBytes(cs);
    }

    /** Writes {@code n} zero bytes through {@code out} without holding them in memory. */
    static void zeros(OutputStream out, long n) throws IOException {
        byte[] buf = new byte[64 * 1024];
        for (long done = 0; done < n; done += buf.length) {
            out.write(buf, 0, (int) Math.min(buf.length, n - done));
        }
    }
}
