package org.wirearchive.core.article;

import java.util.Objects;

/** What one input (a file, or one entry of a container) turned into: an article, or a rejection with its reason. */
public sealed interface ParseOutcome permits ParseOutcome.Parsed, ParseOutcome.Rejected {

    /** The input's name: a path, or {@code container#entry}. */
    String source();

    /** The input's URL when known, else null. */
    String url();

    record Parsed(Article article) implements ParseOutcome {
        public Parsed {
            Objects.requireNonNull(article, "article");
        }

        @Override
        public String source() {
            return article.source();
        }

        @Override
        public String url() {
            return article.url();
        }
    }

    /**
     * @param message a sentence a person understands, naming what was wrong (defaults to the reason's sentence)
     */
    record Rejected(String source, String url, RejectReason reason, String message) implements ParseOutcome {
        public Rejected {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(reason, "reason");
            if (message == null || message.isBlank()) {
                message = reason.sentence();
            }
        }
    }

    static ParseOutcome rejected(String source, String url, RejectReason reason, String message) {
        return new Rejected(source, url, reason, message);
    }
}
