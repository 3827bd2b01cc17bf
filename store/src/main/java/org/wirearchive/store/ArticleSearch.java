package org.wirearchive.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.JdbcTemplate;

/** Reads articles and their copies for people: the console's search and article pages, the report command's check. */
public class ArticleSearch {

    private static final String FIELDS = "article_key, menafn_doc_id, menafn_article_no, kuna_id, provider, "
            + "provider_key, headline, published, published_date, crawl_date, dateline_city, byline, editor_initials, "
            + "language, url, format, body_length, source_count, canonical_source, first_seen_date, warnings";

    /** What a search finds: the criteria that are not null must all hold. */
    public record Criteria(List<String> headlineWords, String provider, LocalDate from, LocalDate to, Long menafn,
                           Long kuna, int limit) {
    }

    /** An article's fields, without its body. */
    public record Found(String key, String headline, String provider, String providerKey, String published,
                        LocalDate publishedDate, String menafnDocId, Long menafnArticleNo, Long kunaId,
                        LocalDate crawlDate, String datelineCity, String byline, String editorInitials, String language,
                        String url, String format, int bodyLength, int sourceCount, String canonicalSource,
                        LocalDate firstSeenDate, String warnings) {
    }

    /** An article's fields and its body. */
    public record WithBody(Found article, String body) {
    }

    /** One stored copy of an article: the canonical one ({@code accepted}) or a duplicate with its rule. */
    public record Copy(String source, String url, String status, String duplicateOf, String rule, String reasonText,
                       Double similarity, LocalDate publishedDate, LocalDate runDate) {
    }

    private final JdbcTemplate jdbc;

    public ArticleSearch(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Articles matching every given criterion, newest publication first: each headline word (case-insensitive, a
     * substring), the provider (its key, or a substring of its name), the publication date range, the ids.
     */
    public List<Found> search(Criteria c) {
        StringBuilder sql = new StringBuilder("SELECT " + FIELDS + " FROM articles WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        for (String word : c.headlineWords()) {
            sql.append(" AND LOWER(headline) LIKE ? ESCAPE '\\'");
            args.add("%" + escapeLike(word.toLowerCase(Locale.ROOT)) + "%");
        }
        if (c.provider() != null) {
            sql.append(" AND (LOWER(provider_key) = ? OR LOWER(provider) LIKE ? ESCAPE '\\')");
            String p = c.provider().toLowerCase(Locale.ROOT);
            args.add(p);
            args.add("%" + escapeLike(p) + "%");
        }
        if (c.from() != null) {
            sql.append(" AND published_date >= ?");
            args.add(Date.valueOf(c.from()));
        }
        if (c.to() != null) {
            sql.append(" AND published_date <= ?");
            args.add(Date.valueOf(c.to()));
        }
        if (c.menafn() != null) {
            sql.append(" AND menafn_article_no = ?");
            args.add(c.menafn());
        }
        if (c.kuna() != null) {
            sql.append(" AND kuna_id = ?");
            args.add(c.kuna());
        }
        sql.append(" ORDER BY published_date DESC, article_key FETCH FIRST ").append(c.limit()).append(" ROWS ONLY");
        return jdbc.query(sql.toString(), (rs, i) -> found(rs), args.toArray());
    }

    /** The article of {@code key} with its body, or null. */
    public WithBody article(String key) {
        List<WithBody> found = jdbc.query("SELECT " + FIELDS + ", body FROM articles WHERE article_key = ?",
                (rs, i) -> new WithBody(found(rs), rs.getString("body")), key);
        return found.isEmpty() ? null : found.get(0);
    }

    /** Every stored copy of the article {@code key}: the accepted one first, then by source. */
    public List<Copy> copies(String key) {
        return jdbc.query("SELECT source, url, status, duplicate_of, reason, reason_text, similarity, "
                + "published_date, run_date FROM sources WHERE article_key = ? ORDER BY CASE status WHEN 'accepted' "
                + "THEN 0 ELSE 1 END, source", (rs, i) -> {
                    double sim = rs.getDouble(7);
                    Double similarity = rs.wasNull() ? null : sim;
                    return new Copy(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), similarity, date(rs.getDate(8)), date(rs.getDate(9)));
                }, key);
    }

    /** Whether {@code source} is a stored copy of the article {@code key}. */
    public boolean isCopy(String key, String source) {
        return !jdbc.queryForList("SELECT source FROM sources WHERE article_key = ? AND source = ?", String.class,
                key, source).isEmpty();
    }

    /** How many articles were published from {@code from} to {@code to} (inclusive). */
    public int publishedBetween(LocalDate from, LocalDate to) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM articles WHERE published_date BETWEEN ? AND ?",
                Integer.class, Date.valueOf(from), Date.valueOf(to));
        return n == null ? 0 : n;
    }

    private static Found found(ResultSet rs) throws SQLException {
        return new Found(rs.getString("article_key"), rs.getString("headline"), rs.getString("provider"),
                rs.getString("provider_key"), rs.getString("published"), date(rs.getDate("published_date")),
                rs.getString("menafn_doc_id"), rs.getObject("menafn_article_no", Long.class),
                rs.getObject("kuna_id", Long.class), date(rs.getDate("crawl_date")), rs.getString("dateline_city"),
                rs.getString("byline"), rs.getString("editor_initials"), rs.getString("language"),
                rs.getString("url"), rs.getString("format"), rs.getInt("body_length"), rs.getInt("source_count"),
                rs.getString("canonical_source"), date(rs.getDate("first_seen_date")), rs.getString("warnings"));
    }

    private static LocalDate date(Date d) {
        return d == null ? null : d.toLocalDate();
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
