package org.wirearchive.core.extract;

import java.util.List;
import java.util.Optional;
import org.wirearchive.core.article.Warning;
import org.wirearchive.core.menafn.MenafnUrl;
import org.wirearchive.core.normalize.Mojibake;
import org.wirearchive.core.normalize.TextNormalizer;

/**
 * Resolves {@code headline}, recording where it came from: the HTML title, else a header title line chosen by
 * {@link Headlines#pick}, else the menafn.com URL slug (warning {@code headline-from-url}).
 */
final class HeadlineResolver {

    /** Where the headline came from; {@link #label()} is the {@code headline_source} printed. */
    enum Source {
        HTML("html"),
        TITLE_LINE("title-line"),
        URL_SLUG("url-slug");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }

    /** The headline and its source, both null when there is none. */
    record Resolved(String headline, Source source) {
        String label() {
            return source == null ? null : source.label();
        }
    }

    private HeadlineResolver() {
    }

    static Resolved resolve(String htmlTitle, List<String> titles, String url, List<String> warnings) {
        if (htmlTitle != null && !htmlTitle.isBlank()) {
            return new Resolved(TextNormalizer.normalizeHeadline(htmlTitle), Source.HTML);
        }
        String t = Headlines.pick(titles, url);
        if (t != null) {
            return new Resolved(TextNormalizer.normalizeHeadline(Mojibake.repairCurlyQuotes(t)), Source.TITLE_LINE);
        }
        Optional<String> slug = MenafnUrl.isMenafn(url) ? MenafnUrl.slugHeadline(url) : Optional.empty();
        if (slug.isPresent()) {
            warnings.add(Warning.HEADLINE_FROM_URL.code());
            return new Resolved(slug.get(), Source.URL_SLUG);
        }
        return new Resolved(null, null);
    }
}
