package org.wirearchive.batch.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.wirearchive.batch.ingest.IngestJobConfiguration;
import org.wirearchive.core.article.ParseOutcome;

/** Article search and one article with its cluster, from the {@code articles} and {@code sources} tables. */
@Service
@ConditionalOnWebApplication
@ConditionalOnProperty(name = ConsoleSettings.ENABLED, havingValue = "true")
public class Articles {

    private static final String FIELDS = "article_key, menafn_doc_id, menafn_article_no, kuna_id, provider, "
            + "provider_key, headline, published, published_date, crawl_date, dateline_city, byline, editor_initials, "
            + "language, url, format, body_length, source_count, canonical_source, first_seen_date, warnings";

    private final JdbcTemplate jdbc;

    public Articles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
        StringBuilder sql = new StringBuilder("SELECT " + FIELDS + " FROM articles WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (query.q() != null) {
            for (String word : query.q().toLowerCase(Locale.ROOT).split("\\s+")) {
                if (!word.isEmpty()) {
                    sql.append(" AND LOWER(headline) LIKE ? ESCAPE '\\'");
                    args.add("%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                }
            }
        }
        if (query.provider() != null) {
            sql.append(" AND (LOWER(provider_key) = ? OR LOWER(provider) LIKE ? ESCAPE '\\')");
            String p = query.provider().toLowerCase(Locale.ROOT);
            args.add(p);
            args.add("%" + p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (query.from() != null) {
            sql.append(" AND published_date >= ?");
            args.add(java.sql.Date.valueOf(query.from()));
        }
        if (query.to() != null) {
            sql.append(" AND published_date <= ?");
            args.add(java.sql.Date.valueOf(query.to()));
        }
        if (query.menafn() != null) {
            sql.append(" AND menafn_article_no = ?");
            args.add(query.menafn());
        }
        if (query.kuna() != null) {
            sql.append(" AND kuna_id = ?");
            args.add(query.kuna());
        }
        sql.append(" ORDER BY published_date DESC, article_key FETCH FIRST ").append(query.limit()).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), (rs, i) -> fields(rs), args.toArray());
    }

    /** One article: its fields, body and every source copy with the rule and similarity that joined it; or null. */
    public Map<String, Object> article(String key) {
        List<Map<String, Object>> found = jdbc.query("SELECT " + FIELDS + ", body FROM articles WHERE article_key = ?",
                (rs, i) -> {
                    Map<String, Object> m = fields(rs);
                    m.put("body", rs.getString("body"));
                    return m;
                }, key);
        if (found.isEmpty()) {
            return null;
        }
        Map<String, Object> a = found.get(0);
        a.put("sources", jdbc.query("SELECT source, url, status, duplicate_of, reason, reason_text, similarity, "
                + "published_date, run_date FROM sources WHERE article_key = ? ORDER BY CASE status WHEN 'accepted' "
                + "THEN 0 ELSE 1 END, source", (rs, i) -> {
                    Map<String, Object> s = new LinkedHashMap<>();
                    s.put("source", rs.getString(1));
                    s.put("url", rs.getString(2));
                    s.put("status", rs.getString(3));
                    s.put("canonical", rs.getString(1).equals(a.get("canonicalSource")));
                    s.put("duplicateOf", rs.getString(4));
                    s.put("rule", rs.getString(5));
                    s.put("reasonText", rs.getString(6));
                    double sim = rs.getDouble(7);
                    s.put("similarity", rs.wasNull() ? null : sim);
                    s.put("publishedDate", str(rs.getDate(8)));
                    s.put("runDate", str(rs.getDate(9)));
                    return s;
                }, key));
        return a;
    }

    /**
     * The body of one stored copy, parsed again from its file (the store keeps only the canonical body); null when the
     * file is gone or is no longer that article.
     */
    public String copyBody(String key, String source) {
        List<String> known = jdbc.queryForList("SELECT source FROM sources WHERE article_key = ? AND source = ?",
                String.class, key, source);
        if (known.isEmpty()) {
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

    private static Map<String, Object> fields(ResultSet rs) throws SQLException {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", rs.getString("article_key"));
        m.put("headline", rs.getString("headline"));
        m.put("provider", rs.getString("provider"));
        m.put("providerKey", rs.getString("provider_key"));
        m.put("published", rs.getString("published"));
        m.put("publishedDate", str(rs.getDate("published_date")));
        m.put("menafnDocId", rs.getString("menafn_doc_id"));
        m.put("menafnArticleNo", (Long) rs.getObject("menafn_article_no", Long.class));
        m.put("kunaId", (Long) rs.getObject("kuna_id", Long.class));
        m.put("crawlDate", str(rs.getDate("crawl_date")));
        m.put("datelineCity", rs.getString("dateline_city"));
        m.put("byline", rs.getString("byline"));
        m.put("editorInitials", rs.getString("editor_initials"));
        m.put("language", rs.getString("language"));
        m.put("url", rs.getString("url"));
        m.put("format", rs.getString("format"));
        m.put("bodyLength", rs.getInt("body_length"));
        m.put("sourceCount", rs.getInt("source_count"));
        m.put("canonicalSource", rs.getString("canonical_source"));
        m.put("firstSeenDate", str(rs.getDate("first_seen_date")));
        m.put("warnings", rs.getString("warnings"));
        return m;
    }

    private static String str(java.sql.Date d) {
        return d == null ? null : d.toLocalDate().toString();
    }
}
