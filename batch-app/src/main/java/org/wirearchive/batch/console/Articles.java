package org.wirearchive.batch.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Service;
import org.wirearchive.batch.ingest.IngestJobConfiguration;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.store.ArticleSearch;

/** Article search and one article with its cluster, from the {@code articles} and {@code sources} tables ({@link ArticleSearch}). */
@Service
@ConditionalOnWebApplication
@ConditionalOnProperty(name = ConsoleSettings.ENABLED, havingValue = "true")
public class Articles {

    private final ArticleSearch store;

    public Articles(ArticleSearch store) {
        this.store = store;
    }

    /** The query of the search page and of {@code GET /api/articles}. */
    public record Query(String q, String provider, LocalDate from, LocalDate to, Long menafn, Long kuna, int limit) {

        static Query parse(String q, String provider, String from, String to, String menafn, String kuna,
                           String limit) {
            LocalDate f = Nights.date("from", from);
            LocalDate t = Nights.date("to", to);
            if (f != null && t != null && t.isBefore(f)) {
                throw ApiException.badRequest("to (" + t + ") is before from (" + f + ")");
            }
            int n = 50;
            if (limit != null && !limit.isBlank()) {
                n = number("limit", limit).intValue();
                if (n < 1 || n > 1000) {
                    throw ApiException.badRequest("limit must be from 1 to 1000, not " + limit);
                }
            }
            if (q != null && q.length() > 500 || provider != null && provider.length() > 200) {
                throw ApiException.badRequest("q or provider is too long");
            }
            return new Query(blankToNull(q), blankToNull(provider), f, t, number("menafn", menafn),
                    number("kuna", kuna), n);
        }

        boolean empty() {
            return q == null && provider == null && from == null && to == null && menafn == null && kuna == null;
        }
    }

    static Long number(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (!v.matches("\\d{1,18}")) {
            throw ApiException.badRequest(name + " must be a number, not " + value);
        }
        return Long.parseLong(v);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** Articles matching every given criterion, newest publication first. */
    public List<Map<String, Object>> search(Query query) {
        List<String> words = new ArrayList<>();
        if (query.q() != null) {
            for (String word : query.q().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        List<Map<String, Object>> found = new ArrayList<>();
        for (ArticleSearch.Found f : store.search(new ArticleSearch.Criteria(words, query.provider(), query.from(),
                query.to(), query.menafn(), query.kuna(), query.limit()))) {
            found.add(fields(f));
        }
        return found;
    }

    /** One article: its fields, body and every source copy with the rule and similarity that joined it; or null. */
    public Map<String, Object> article(String key) {
        ArticleSearch.WithBody found = store.article(key);
        if (found == null) {
            return null;
        }
        Map<String, Object> a = fields(found.article());
        a.put("body", found.body());
        List<Map<String, Object>> sources = new ArrayList<>();
        for (ArticleSearch.Copy c : store.copies(key)) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("source", c.source());
            s.put("url", c.url());
            s.put("status", c.status());
            s.put("canonical", c.source().equals(a.get("canonicalSource")));
            s.put("duplicateOf", c.duplicateOf());
            s.put("rule", c.rule());
            s.put("reasonText", c.reasonText());
            s.put("similarity", c.similarity());
            s.put("publishedDate", str(c.publishedDate()));
            s.put("runDate", str(c.runDate()));
            sources.add(s);
        }
        a.put("sources", sources);
        return a;
    }

    /**
     * The body of one stored copy, parsed again from its file (the store keeps only the canonical body); null when the
     * file is gone or is no longer that article.
     */
    public String copyBody(String key, String source) {
        if (!store.isCopy(key, source)) {
            return null;
        }
        int hash = source.indexOf('#');
        Path file = Path.of(hash > 0 ? source.substring(0, hash) : source);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        for (ParseOutcome o : IngestJobConfiguration.fileParser(20).parse(file, file.toString())) {
            if (o.source().equals(source) && o instanceof ParseOutcome.Parsed p) {
                return p.article().body();
            }
        }
        return null;
    }

    private static Map<String, Object> fields(ArticleSearch.Found f) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", f.key());
        m.put("headline", f.headline());
        m.put("provider", f.provider());
        m.put("providerKey", f.providerKey());
        m.put("published", f.published());
        m.put("publishedDate", str(f.publishedDate()));
        m.put("menafnDocId", f.menafnDocId());
        m.put("menafnArticleNo", f.menafnArticleNo());
        m.put("kunaId", f.kunaId());
        m.put("crawlDate", str(f.crawlDate()));
        m.put("datelineCity", f.datelineCity());
        m.put("byline", f.byline());
        m.put("editorInitials", f.editorInitials());
        m.put("language", f.language());
        m.put("url", f.url());
        m.put("format", f.format());
        m.put("bodyLength", f.bodyLength());
        m.put("sourceCount", f.sourceCount());
        m.put("canonicalSource", f.canonicalSource());
        m.put("firstSeenDate", str(f.firstSeenDate()));
        m.put("warnings", f.warnings());
        return m;
    }

    private static String str(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
