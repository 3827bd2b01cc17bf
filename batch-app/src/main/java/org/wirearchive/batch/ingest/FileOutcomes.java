package org.wirearchive.batch.ingest;

import java.util.List;
import org.wirearchive.core.article.ParseOutcome;

/** What one input file turned into: one outcome per input inside it. */
public record FileOutcomes(InputFile file, List<ParseOutcome> outcomes) {

    public FileOutcomes {
        outcomes = List.copyOf(outcomes);
    }
}
