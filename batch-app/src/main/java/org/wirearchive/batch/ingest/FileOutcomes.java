package org.wirearchive.batch.ingest;

import java.util.List;
import org.wirearchive.core.article.ParseOutcome;

/** What one input file turned into: one outcome per input inside it, and the SHA-256 of the file's bytes. */
public record FileOutcomes(InputFile file, String contentSha256, List<ParseOutcome> outcomes) {

    public FileOutcomes {
        outcomes = List.copyOf(outcomes);
    }
}
