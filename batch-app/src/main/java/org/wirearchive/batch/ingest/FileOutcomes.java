package org.wirearchive.batch.ingest;

import java.util.ArrayList;
import java.util.List;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.dedup.IndexedCopy;
import org.wirearchive.core.dedup.SignatureMemo;

/**
 * What one input file turned into: one outcome per input inside it, and the SHA-256 of the file's bytes; with the
 * dedup description of each parsed article (in the order of the parsed outcomes), computed where the file was parsed.
 */
public record FileOutcomes(InputFile file, String contentSha256, List<ParseOutcome> outcomes, List<IndexedCopy> copies) {

    public FileOutcomes {
        outcomes = List.copyOf(outcomes);
        copies = List.copyOf(copies);
    }

    public FileOutcomes(InputFile file, String contentSha256, List<ParseOutcome> outcomes) {
        this(file, contentSha256, outcomes, describe(outcomes, null));
    }

    /** The same, with the signatures of bodies described before from {@code memo}. */
    public FileOutcomes(InputFile file, String contentSha256, List<ParseOutcome> outcomes, SignatureMemo memo) {
        this(file, contentSha256, outcomes, describe(outcomes, memo));
    }

    /** The dedup description of every parsed article (the costly part: normalizing, hashing, MinHash). */
    static List<IndexedCopy> describe(List<ParseOutcome> outcomes, SignatureMemo memo) {
        List<IndexedCopy> copies = new ArrayList<>();
        for (ParseOutcome o : outcomes) {
            if (o instanceof ParseOutcome.Parsed p) {
                copies.add(IndexedCopy.of(p.article(), memo));
            }
        }
        return copies;
    }
}
