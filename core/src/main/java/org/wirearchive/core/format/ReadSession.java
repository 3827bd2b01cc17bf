package org.wirearchive.core.format;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.article.RejectReason;
import org.wirearchive.core.format.InputDocument.ContentKind;
import org.wirearchive.core.format.Streams.Budget;
import org.wirearchive.core.format.Streams.CountingInputStream;
import org.wirearchive.core.format.Streams.LimitExceededException;
import org.wirearchive.core.format.Streams.MeteredInputStream;

/**
 * The state of reading one top-level file: the limits' counters, the sink, and whether reading must stop. Every
 * method turns bad content into rejections; only the sink's own exceptions escape.
 */
final class ReadSession {

    static final int BUFFER = 64 * 1024;

    private final InputLimits limits;
    private final Consumer<? super InputItem> sink;
    private final Budget budget;
    private long emitted;
    private int entries;
    private boolean stopped;
    private InputItem last;
    private RuntimeException sinkFailure;

    ReadSession(InputLimits limits, Consumer<? super InputItem> sink) {
        this.limits = limits;
        this.sink = sink;
        this.budget = new Budget(limits.maxTotalUncompressed());
    }

    InputLimits limits() {
        return limits;
    }

    Budget budget() {
        return budget;
    }

    boolean stopped() {
        return stopped;
    }

    void stop() {
        stopped = true;
    }

    long emitted() {
        return emitted;
    }

    // ---------------------------------------------------------------- top level

    void readFile(Path file, String name) {
        String fileName = file.getFileName() == null ? "" : file.getFileName().toString();
        long size;
        try {
            size = Files.size(file);
            if (Files.isDirectory(file)) {
                reject(name, null, RejectReason.UNREADABLE, "it is a directory, not a file");
                return;
            }
        } catch (IOException e) {
            reject(name, null, RejectReason.UNREADABLE, "the file could not be read: " + describe(e));
            return;
        }
        try {
            if (size <= limits.maxInputBytes()) {
                // the common case: small files are read once, whole, and only streamed if they are containers
                readWhole(Files.readAllBytes(file), fileName, name);
                return;
            }
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER)) {
                byte[] head = new byte[ContainerType.HEAD_BYTES];
                int n = Streams.peek(in, head);
                ContainerType.Detection d = ContainerType.detect(head, n, fileName);
                if (d.type() == ContainerType.PLAIN) {
                    reject(name, null, RejectReason.TOO_LARGE, "the file is " + size
                            + " bytes, over the limit of " + limits.maxInputBytes() + " bytes");
                } else {
                    dispatch(in, d, name, fileName, 0, -1);
                }
            }
        } catch (IOException e) {
            reject(name, null, RejectReason.UNREADABLE, "the file could not be read: " + describe(e));
        } catch (RuntimeException e) {
            // a library failing on damaged data: the inputs read so far stand
            reject(name, null, RejectReason.CORRUPT, "the file is damaged and could not be read further: "
                    + describe(e));
        }
    }

    /**
     * A file whose whole content the caller has read already ({@code content}, at most
     * {@link InputLimits#maxInputBytes()} bytes): read as {@link #readFile} reads a small file, without opening it.
     */
    void readContent(byte[] content, Path file, String name) {
        String fileName = file.getFileName() == null ? "" : file.getFileName().toString();
        if (content.length > limits.maxInputBytes()) {
            throw new IllegalArgumentException("content over the input limit: " + content.length + " bytes");
        }
        try {
            readWhole(content, fileName, name);
        } catch (RuntimeException e) {
            // a library failing on damaged data: the inputs read so far stand
            reject(name, null, RejectReason.CORRUPT, "the file is damaged and could not be read further: "
                    + describe(e));
        }
    }

    private void readWhole(byte[] bytes, String fileName, String name) {
        ContainerType.Detection d = ContainerType.detect(bytes, Math.min(bytes.length, ContainerType.HEAD_BYTES),
                fileName);
        if (d.type() == ContainerType.PLAIN) {
            emit(new InputItem.Document(new InputDocument(name, null, null, bytes, null, kindFromName(fileName))));
        } else {
            dispatch(new ByteArrayInputStream(bytes), d, name, fileName, 0, bytes.length);
        }
    }

    // ---------------------------------------------------------------- dispatch

    /**
     * Detects what {@code in} holds and reads it. {@code in} need not support mark: the first bytes are read once, and
     * a plain input is read on from there without any extra buffering.
     */
    void dispatchStream(InputStream in, String name, String fileName, int depth, long sizeHint) {
        byte[] head;
        try {
            head = in.readNBytes(ContainerType.HEAD_BYTES);
        } catch (LimitExceededException e) {
            limitReject(name, null, e);
            return;
        } catch (IOException | RuntimeException e) {
            reject(name, null, RejectReason.CORRUPT, "the data is damaged: " + describe(e));
            return;
        }
        ContainerType.Detection d = ContainerType.detect(head, head.length, fileName);
        if (d.type() == ContainerType.PLAIN) {
            readDocument(head, in, name, null, null, null, kindFromName(fileName), sizeHint);
            return;
        }
        InputStream whole = new java.io.SequenceInputStream(new ByteArrayInputStream(head), in);
        dispatch(new BufferedInputStream(whole, BUFFER), d, name, fileName, depth, sizeHint);
    }

    /** Reads {@code in} (which supports mark) as the detected type. */
    private void dispatch(InputStream in, ContainerType.Detection d, String name, String fileName, int depth,
                          long sizeHint) {
        ContainerType type = d.type();
        if (type == ContainerType.PLAIN) {
            readDocument(in, name, null, null, null, kindFromName(fileName), sizeHint);
            return;
        }
        if (type == ContainerType.UNSUPPORTED) {
            reject(name, null, RejectReason.UNSUPPORTED_CONTAINER, "it is a " + d.label()
                    + " archive; only zip, gzip and WARC containers are read");
            return;
        }
        if (type == ContainerType.MISNAMED) {
            reject(name, null, RejectReason.CORRUPT, "its name says " + d.label()
                    + " but its first bytes are not " + d.label() + " data");
            return;
        }
        if (depth >= limits.maxNestingDepth()) {
            reject(name, null, RejectReason.DECOMPRESSION_LIMIT, "containers are nested more than "
                    + limits.maxNestingDepth() + " deep here (limit)");
            return;
        }
        long before = emitted;
        try {
            switch (type) {
                case GZIP -> gzip(in, name, fileName, depth);
                case ZIP -> zip(in, name, depth);
                case WARC -> new WarcInputs(this, name).read(in);
                default -> throw new IllegalStateException("unexpected " + type);
            }
        } catch (RuntimeException e) {
            // a library failing on damaged data: the inputs read so far stand
            reject(name, null, RejectReason.CORRUPT, "the " + d.label() + " data is damaged and could not be read"
                    + " further: " + describe(e));
            return;
        }
        if (emitted == before && !stopped) {
            if (type == ContainerType.WARC) {
                reject(name, null, RejectReason.NO_ARTICLE,
                        "the WARC file holds no response, resource or conversion records");
            } else {
                reject(name, null, RejectReason.EMPTY, "the archive holds no files");
            }
        }
    }

    // ---------------------------------------------------------------- gzip

    private void gzip(InputStream in, String name, String fileName, int depth) {
        String innerName = stripGzipSuffix(fileName);
        byte[] head = new byte[ContainerType.HEAD_BYTES];
        int n = 0;
        in.mark(1024 * 1024);
        try {
            GZIPInputStream peek = new GZIPInputStream(new NonClosing(in), 8192);
            n = peek.readNBytes(head, 0, head.length);
        } catch (IOException | RuntimeException e) {
            // damaged early: read on below, which reports the damage
        }
        try {
            in.reset();
        } catch (IOException e) {
            reject(name, null, RejectReason.CORRUPT, "the gzip header could not be read: " + describe(e));
            return;
        }
        ContainerType.Detection inner = ContainerType.detect(head, n, innerName);
        if (inner.type() == ContainerType.WARC) {
            // jwarc reads gzip itself and so knows each gzip member's (record's) offset
            new WarcInputs(this, name).read(in);
            return;
        }
        CountingInputStream raw = new CountingInputStream(in);
        GZIPInputStream gz;
        try {
            gz = new GZIPInputStream(raw, BUFFER);
        } catch (IOException e) {
            reject(name, null, RejectReason.CORRUPT, "the gzip data is damaged: " + describe(e));
            return;
        }
        MeteredInputStream out = new MeteredInputStream(gz, raw::count, budget, limits.maxCompressionRatio(),
                "the gzip data");
        if (inner.type() == ContainerType.PLAIN) {
            readDocument(out, name, null, null, null, kindFromName(innerName), -1);
        } else {
            dispatch(new BufferedInputStream(out, BUFFER), inner, name, innerName, depth + 1, -1);
        }
    }

    private static String stripGzipSuffix(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".tgz")) {
            return fileName.substring(0, fileName.length() - 4) + ".tar";
        }
        if (lower.endsWith(".gz")) {
            return fileName.substring(0, fileName.length() - 3);
        }
        if (lower.endsWith(".gzip")) {
            return fileName.substring(0, fileName.length() - 5);
        }
        return fileName;
    }

    // ---------------------------------------------------------------- zip

    private void zip(InputStream in, String name, int depth) {
        CountingInputStream raw = new CountingInputStream(in);
        // stored entries with a data descriptor would be buffered whole in memory: refuse them instead
        ZipArchiveInputStream zip = new ZipArchiveInputStream(raw, "UTF-8", true, false);
        boolean lastEntryDamaged = false;
        while (!stopped) {
            ZipArchiveEntry entry;
            try {
                entry = zip.getNextEntry();
            } catch (IOException | RuntimeException e) {
                if (!lastEntryDamaged) {
                    reject(name, null, RejectReason.CORRUPT, "the zip archive is damaged near byte " + raw.count()
                            + " (" + describe(e) + "); the entries before it were read");
                }
                return;
            }
            if (entry == null) {
                return;
            }
            if (entry.isDirectory()) {
                continue;
            }
            if (!countEntry(name)) {
                return;
            }
            String entryName = entry.getName();
            String child = name + "#" + entryName;
            if (!EntryNames.isSafe(entryName)) {
                reject(child, null, RejectReason.UNSAFE_ENTRY, "the zip entry name \"" + EntryNames.printable(entryName)
                        + "\" is absolute or climbs out of the archive (..); it was not read");
                if (!finishEntry(zip, entry, null, name)) {
                    return;
                }
                continue;
            }
            if (!canRead(zip, entry)) {
                reject(child, null, RejectReason.UNSUPPORTED_CONTAINER,
                        "the zip entry is encrypted or uses an unsupported compression method");
                continue;
            }
            MeteredInputStream data = new MeteredInputStream(new NonClosing(zip), zip::getCompressedCount, budget,
                    limits.maxCompressionRatio(), "the zip entry");
            dispatchStream(data, child, EntryNames.lastSegment(entryName), depth + 1,
                    entry.getSize() >= 0 ? entry.getSize() : -1);
            lastEntryDamaged = last instanceof InputItem.Reject r && r.source().equals(child)
                    && r.rejection().reason() == RejectReason.CORRUPT;
            if (!stopped && !finishEntry(zip, entry, data, name)) {
                return;
            }
        }
    }

    private static boolean canRead(ZipArchiveInputStream zip, ZipArchiveEntry entry) {
        try {
            return zip.canReadEntryData(entry);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /**
     * Leaves the current entry so that the next can be read. Entries with a known compressed size are skipped without
     * decompressing them; others are drained through the meter. Returns false when the rest of the zip cannot be
     * read safely.
     */
    private boolean finishEntry(ZipArchiveInputStream zip, ZipArchiveEntry entry, MeteredInputStream data,
                                String name) {
        boolean cheapSkip = entry.getCompressedSize() >= 0 && !entry.getGeneralPurposeBit().usesDataDescriptor();
        if (cheapSkip) {
            return true;
        }
        InputStream drain = data != null ? data : new MeteredInputStream(new NonClosing(zip),
                zip::getCompressedCount, budget, limits.maxCompressionRatio(), "the zip entry");
        try {
            byte[] buf = new byte[8192];
            while (drain.read(buf) >= 0) {
                // discard
            }
            return true;
        } catch (LimitExceededException e) {
            if (e.wholeFile()) {
                limitReject(name, null, e);
            } else {
                reject(name, null, RejectReason.DECOMPRESSION_LIMIT, "an entry could not be skipped without"
                        + " decompressing it past the limits (" + e.getMessage() + "); the rest of the archive was"
                        + " not read");
            }
            stopped = true;
            return false;
        } catch (IOException | RuntimeException e) {
            // the next getNextEntry reports the damage
            return true;
        }
    }

    // ---------------------------------------------------------------- documents and rejections

    /** Reads one input whole (capped), and emits it as a document or a rejection. */
    void readDocument(InputStream in, String name, String url, java.time.LocalDate crawlDate,
                      java.nio.charset.Charset charset, ContentKind kind, long sizeHint) {
        readDocument(null, in, name, url, crawlDate, charset, kind, sizeHint);
    }

    /** As above, with {@code prefix} (may be null) already read from the front of {@code in}. */
    private void readDocument(byte[] prefix, InputStream in, String name, String url, java.time.LocalDate crawlDate,
                              java.nio.charset.Charset charset, ContentKind kind, long sizeHint) {
        try {
            byte[] bytes = Streams.readCapped(prefix, in, limits.maxInputBytes(), sizeHint);
            if (bytes == null) {
                reject(name, url, RejectReason.TOO_LARGE, "it is larger than the limit of "
                        + limits.maxInputBytes() + " bytes");
                return;
            }
            emit(new InputItem.Document(new InputDocument(name, url, crawlDate, bytes, charset, kind)));
        } catch (LimitExceededException e) {
            limitReject(name, url, e);
        } catch (IOException | RuntimeException e) {
            reject(name, url, RejectReason.CORRUPT, "the data is damaged: " + describe(e));
        }
    }

    /** Counts one entry or record; false (with a rejection, and reading stopped) when over the limit. */
    boolean countEntry(String containerName) {
        entries++;
        if (entries > limits.maxEntries()) {
            reject(containerName, null, RejectReason.DECOMPRESSION_LIMIT, "the file holds more than "
                    + limits.maxEntries() + " entries (limit); the rest was not read");
            stopped = true;
            return false;
        }
        return true;
    }

    void limitReject(String name, String url, LimitExceededException e) {
        if (e.wholeFile()) {
            stopped = true;
        }
        reject(name, url, RejectReason.DECOMPRESSION_LIMIT, e.getMessage());
    }

    void reject(String source, String url, RejectReason reason, String message) {
        emit(new InputItem.Reject(new ParseOutcome.Rejected(source, url, reason, message)));
    }

    void emit(InputItem item) {
        if (sinkFailure != null) {
            return;
        }
        emitted++;
        last = item;
        try {
            sink.accept(item);
        } catch (RuntimeException e) {
            // kept apart from content errors: reading stops, and ArchiveReader rethrows it
            sinkFailure = e;
            stopped = true;
        }
    }

    /** The exception the sink threw, or null. */
    RuntimeException sinkFailure() {
        return sinkFailure;
    }

    static ContentKind kindFromName(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".html") || lower.endsWith(".htm") || lower.endsWith(".xhtml")) {
            return ContentKind.HTML;
        }
        return ContentKind.UNKNOWN;
    }

    /** A short description of an exception for a rejection message. */
    static String describe(Throwable e) {
        String m = e.getMessage();
        String type = e.getClass().getSimpleName();
        return m == null || m.isBlank() ? type : type + ": " + m;
    }

    /** Keeps an inner reader from closing the container's stream. */
    static final class NonClosing extends java.io.FilterInputStream {
        NonClosing(InputStream in) {
            super(in);
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in.read(b, off, len);
        }

        @Override
        public void close() {
            // the container's owner closes it
        }
    }
}
