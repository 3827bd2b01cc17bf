package org.wirearchive.core.extract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.article.RejectReason;
import org.wirearchive.core.format.ArchiveReader;
import org.wirearchive.core.format.InputDocument;
import org.wirearchive.core.format.InputItem;

/** The whole path from one file on disk to its outcomes: containers opened, each input extracted. */
public final class FileParser {

    private final ArchiveReader reader;
    private final Function<InputDocument, ParseOutcome> extractor;

    public FileParser(ArchiveReader reader, ArticleExtractor extractor) {
        this(reader, Objects.requireNonNull(extractor, "extractor")::extract);
    }

    /** With any extraction function (for tests, or a differently configured extractor). */
    public FileParser(ArchiveReader reader, Function<InputDocument, ParseOutcome> extractor) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.extractor = Objects.requireNonNull(extractor, "extractor");
    }

    public FileParser() {
        this(new ArchiveReader(), new ArticleExtractor());
    }

    /** One outcome per input in the file (one for a plain file, one per entry for a container); never throws. */
    public List<ParseOutcome> parse(Path file, String sourceName) {
        List<ParseOutcome> out = new ArrayList<>();
        parse(file, sourceName, out::add);
        return out;
    }

    /**
     * Hands each input's outcome to {@code sink} as soon as it is extracted, in file order, so that a large container
     * is never held in memory whole. Exceptions thrown by the sink propagate; bad content never throws.
     */
    public void parse(Path file, String sourceName, Consumer<? super ParseOutcome> sink) {
        Objects.requireNonNull(sink, "sink");
        reader.read(file, sourceName, item -> sink.accept(outcome(item)));
    }

    /**
     * The outcomes of a file whose whole content the caller has read already (at most the reader's
     * {@link org.wirearchive.core.format.InputLimits#maxInputBytes()}), as {@link #parse(Path, String)} would give
     * them for a file with this content.
     */
    public List<ParseOutcome> parse(Path file, String sourceName, byte[] content) {
        List<ParseOutcome> out = new ArrayList<>();
        reader.read(file, sourceName, content, item -> out.add(outcome(item)));
        return out;
    }

    /** The largest file {@link #parse(Path, String, byte[])} takes whole. */
    public long maxWholeFileBytes() {
        return reader.limits().maxInputBytes();
    }

    private ParseOutcome outcome(InputItem item) {
        if (item instanceof InputItem.Reject r) {
            return r.rejection();
        }
        InputDocument document = ((InputItem.Document) item).document();
        try {
            ParseOutcome outcome = extractor.apply(document);
            if (outcome == null) {
                return new ParseOutcome.Rejected(document.source(), document.url(), RejectReason.INTERNAL_ERROR,
                        "the parser returned no result");
            }
            return outcome;
        } catch (RuntimeException | StackOverflowError e) {
            return new ParseOutcome.Rejected(document.source(), document.url(), RejectReason.INTERNAL_ERROR,
                    "the parser failed: " + e);
        }
    }
}
