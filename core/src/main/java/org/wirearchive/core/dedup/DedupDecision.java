package org.wirearchive.core.dedup;

import java.util.List;
import java.util.Objects;

/**
 * What {@link Deduplicator#add} decided for one incoming copy; a value the writer applies.
 *
 * <p>Every decision names the article {@link #key()} the copy now belongs to. {@link #retiredKeys()} are article keys
 * that no longer exist after this decision: their copies now belong to {@code key()} (two known articles were joined
 * by this copy, or the canonical copy changed and with it the key). The writer moves every source row of a retired key
 * to {@code key()} and drops the retired article rows; no source row is ever deleted.
 */
public sealed interface DedupDecision permits DedupDecision.NewArticle, DedupDecision.Duplicate,
        DedupDecision.ReplacesCanonical, DedupDecision.Unchanged {

    /** The article key the copy belongs to after this decision. */
    String key();

    /** Keys that were merged into {@link #key()} by this decision (empty in the common case). */
    List<String> retiredKeys();

    /** A copy of an article never seen before: it is the canonical copy of a new article. */
    record NewArticle(String key) implements DedupDecision {
        public NewArticle {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public List<String> retiredKeys() {
            return List.of();
        }
    }

    /**
     * A copy of a known article that is not better than its canonical copy.
     *
     * @param canonicalSource the source of the article's canonical copy
     * @param rule            the rule that joined this copy to {@code matchedSource}
     * @param similarity      estimated Jaccard similarity of the bodies' word shingles (1.0 for an identical body)
     * @param matchedSource   the known copy the rule matched (may differ from the canonical copy)
     */
    record Duplicate(String key, String canonicalSource, DedupRule rule, double similarity, String matchedSource,
                     List<String> retiredKeys) implements DedupDecision {
        public Duplicate {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(canonicalSource, "canonicalSource");
            Objects.requireNonNull(rule, "rule");
            retiredKeys = List.copyOf(retiredKeys);
        }
    }

    /**
     * A copy of a known article that is better than its canonical copy: the article row is updated to this copy and
     * the previous canonical copy becomes a duplicate of it.
     *
     * @param previousCanonicalSource the canonical copy until now (of the article {@code matchedSource} belongs to)
     * @param rule                    the rule that joined this copy to {@code matchedSource}
     * @param similarity              estimated Jaccard similarity of the bodies (1.0 for an identical body)
     */
    record ReplacesCanonical(String key, String previousCanonicalSource, DedupRule rule, double similarity,
                             String matchedSource, List<String> retiredKeys) implements DedupDecision {
        public ReplacesCanonical {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(previousCanonicalSource, "previousCanonicalSource");
            Objects.requireNonNull(rule, "rule");
            retiredKeys = List.copyOf(retiredKeys);
        }
    }

    /** The same source with the same content was seen before (a rerun): nothing to write. */
    record Unchanged(String key) implements DedupDecision {
        public Unchanged {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public List<String> retiredKeys() {
            return List.of();
        }
    }
}
