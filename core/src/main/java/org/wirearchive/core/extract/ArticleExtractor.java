package org.wirearchive.core.extract;

import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.format.InputDocument;

/**
 * Turns one input document into an article or a typed rejection. Decodes the bytes (declared or detected charset),
 * recognises the layout (MENAFN text, KUNA text, HTML) and delegates to the matching parser. Never throws for bad
 * content.
 */
public final class ArticleExtractor {

    public ParseOutcome extract(InputDocument document) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
