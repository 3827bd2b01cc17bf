package org.wirearchive.core.format;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Opens one archived file and yields its inputs: the file itself, or each entry of a container.
 *
 * <p>The container is detected by its first bytes, then by its name: plain files; gzip (of anything below); zip
 * (entries of any supported kind, nested up to {@link InputLimits#maxNestingDepth()}); WARC, plain or gzip with one
 * member per record. Inputs inside a container are named {@code container#entry-name} (zip) or
 * {@code container#offset} (the WARC record's byte offset), nested as in {@code a.zip#inner.warc.gz#1234}; a gzip
 * layer keeps its file's name.
 *
 * <p>Never throws for bad content: an unreadable, unsafe, oversized or damaged input becomes an
 * {@link InputItem.Reject} naming the input and the reason; a damaged container yields the inputs read before the
 * damage, then one {@code CORRUPT} rejection naming the byte offset. Every file yields at least one item. Thread-safe:
 * each call keeps its own state.
 */
public final class ArchiveReader {

    private final InputLimits limits;

    public ArchiveReader(InputLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public ArchiveReader() {
        this(InputLimits.defaults());
    }

    public InputLimits limits() {
        return limits;
    }

    /**
     * Reads {@code file}, naming its inputs after {@code sourceName} (usually the path as given by the user), and
     * returns them all. For large containers prefer {@link #read(Path, String, Consumer)}.
     */
    public List<InputItem> read(Path file, String sourceName) {
        List<InputItem> items = new ArrayList<>();
        read(file, sourceName, items::add);
        return items;
    }

    /**
     * Reads {@code file} and hands each input to {@code sink} as soon as it is read, in file order, so that only one
     * input is in memory at a time. Exceptions thrown by the sink propagate.
     */
    /**
     * Reads a file whose whole content the caller has read already (at most {@link InputLimits#maxInputBytes()}
     * bytes; a larger file goes through {@link #read(Path, String, Consumer)}), exactly as that method would read a
     * file with this content: the file is not opened again, so the inputs come from the very bytes the caller has (and
     * may have fingerprinted). {@code file} gives the name (containers are also detected by it).
     */
    public void read(Path file, String sourceName, byte[] content, Consumer<? super InputItem> sink) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(sink, "sink");
        ReadSession session = new ReadSession(limits, sink);
        session.readContent(content, file, sourceName);
        if (session.sinkFailure() != null) {
            throw session.sinkFailure();
        }
    }

    public void read(Path file, String sourceName, Consumer<? super InputItem> sink) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(sink, "sink");
        ReadSession session = new ReadSession(limits, sink);
        session.readFile(file, sourceName);
        if (session.sinkFailure() != null) {
            throw session.sinkFailure();
        }
    }
}
