package org.wirearchive.core.format;

import java.util.Objects;
import org.wirearchive.core.article.ParseOutcome;

/** What a container yields: a document to extract, or a rejection decided at the container level. */
public sealed interface InputItem permits InputItem.Document, InputItem.Reject {

    /** The input's name: a path, or {@code container#entry-or-offset}. */
    String source();

    /** A readable input. */
    record Document(InputDocument document) implements InputItem {
        public Document {
            Objects.requireNonNull(document, "document");
        }

        @Override
        public String source() {
            return document.source();
        }
    }

    /** An input (or the rest of a container) that could not be read, with the reason. */
    record Reject(ParseOutcome.Rejected rejection) implements InputItem {
        public Reject {
            Objects.requireNonNull(rejection, "rejection");
        }

        @Override
        public String source() {
            return rejection.source();
        }
    }
}
