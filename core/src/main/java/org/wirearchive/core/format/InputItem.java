package org.wirearchive.core.format;

import org.wirearchive.core.article.ParseOutcome;

/** What a container yields: a document to extract, or a rejection decided at the container level. */
public sealed interface InputItem permits InputItem.Document, InputItem.Reject {

    record Document(InputDocument document) implements InputItem {
    }

    record Reject(ParseOutcome.Rejected rejection) implements InputItem {
    }
}
