package org.wirearchive.core.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.wirearchive.core.article.Article;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.extract.FileParser;

/** A generated archive written to disk and read back by the real parser, page by page, next to the generator's truth. */
public final class ParsedArchive {

    private ParsedArchive() {
    }

    /**
     * One written page, its truth and what the parser read from the file.
     *
     * @param page    the generated page (its truth is null for bad files)
     * @param outcome the parser's outcome for the file on disk
     */
    public record ParsedPage(GeneratedPage page, ParseOutcome outcome) {

        /** The parsed article, or null when the parser rejected the file. */
        public Article article() {
            return outcome instanceof ParseOutcome.Parsed p ? p.article() : null;
        }
    }

    /** Writes {@code spec}'s archive (files and truth.csv) and parses every file with {@link FileParser}. */
    public static List<ParsedPage> generateAndParse(GeneratorSpec spec) throws IOException {
        new ArchiveGenerator().generate(spec);
        FileParser parser = new FileParser();
        List<ParsedPage> out = new ArrayList<>();
        // the same spec draws the same pages: the iterator gives each written file's truth
        Iterator<GeneratedPage> it = new ArchiveGenerator().pages(spec);
        while (it.hasNext()) {
            GeneratedPage p = it.next();
            Path file = spec.archiveDir().resolve(p.file());
            if (Files.size(file) != p.content().length) {
                throw new IllegalStateException("the generator is not deterministic: " + file);
            }
            List<ParseOutcome> outcomes = parser.parse(file, p.file());
            if (outcomes.size() != 1) {
                throw new IllegalStateException(outcomes.size() + " outcomes for the plain page " + file);
            }
            out.add(new ParsedPage(p, outcomes.get(0)));
        }
        return out;
    }
}
