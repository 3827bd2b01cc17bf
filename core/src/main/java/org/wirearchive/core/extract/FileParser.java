package org.wirearchive.core.extract;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.article.RejectReason;
import org.wirearchive.core.format.ArchiveReader;
import org.wirearchive.core.format.InputItem;

/** The whole path from one file on disk to its outcomes: containers opened, each input extracted. */
public final class FileParser {

    private final ArchiveReader reader;
    private final ArticleExtractor extractor;

    public FileParser(ArchiveReader reader, ArticleExtractor extractor) {
        this.reader = reader;
        this.extractor = extractor;
    }

    public FileParser() {
        this(new ArchiveReader(), new ArticleExtractor());
    }

    /** One outcome per input in the file (one for a plain file, one per entry for a container); never throws. */
    public List<ParseOutcome> parse(Path file, String sourceName) {
        List<ParseOutcome> out = new ArrayList<>();
        for (InputItem item : reader.read(file, sourceName)) {
            if (item instanceof InputItem.Reject r) {
                out.add(r.rejection());
            } else if (item instanceof InputItem.Document d) {
                try {
                    out.add(extractor.extract(d.document()));
                } catch (RuntimeException e) {
                    out.add(new ParseOutcome.Rejected(d.document().source(), d.document().url(),
                            RejectReason.INTERNAL_ERROR, "the parser failed: " + e));
                }
            }
        }
        return out;
    }
}
