package org.wirearchive.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.wirearchive.core.article.Article;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.dedup.DedupDecision;

/**
 * The article store: articles, sources and their dedup links, in plain SQL that runs on H2 and PostgreSQL. Every
 * write is an upsert keyed on the article key or the source name, so processing the same input again changes nothing.
 * Runs inside the caller's transaction (the chunk's).
 *
 * <p>A chunk's decisions are applied through a {@link Chunk}: the rows they can touch are loaded with a few set-based
 * queries, every decision is applied in order to those rows in memory (exactly as the row-by-row statements of the
 * rules below would change them), and the rows that changed are written back with JDBC batches.
 */
public class ArticleStore {

    private final JdbcTemplate jdbc;

    public ArticleStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts the writes of one chunk of a run. */
    public Chunk chunk(long runId, LocalDate runDate) {
        return new Chunk(runId, runDate);
    }

    static Object date(LocalDate d) {
        return new SqlParameterValue(Types.DATE, d == null ? null : Date.valueOf(d));
    }

    // ---- the tables' columns, with their types (S string, L bigint, I integer, D date, F double)

    private static final String[] A_COLS = {"article_key", "menafn_doc_id", "menafn_article_no", "menafn_provider_code",
            "kuna_id", "provider", "provider_key", "headline", "headline_source", "published", "published_date",
            "published_source", "crawl_date", "dateline_city", "byline", "editor_initials", "language", "url", "format",
            "body", "body_sha256", "body_length", "warnings", "canonical_source", "source_count", "first_seen_run",
            "first_seen_date", "updated_run"};
    private static final String A_TYPES = "SSLSLSSSSSDSDSSSSSSSSISSILDL";
    private static final int A_KEY = 0, A_DOC = 1, A_NO = 2, A_PCODE = 3, A_KUNA = 4, A_PROVIDER = 5, A_PKEY = 6,
            A_HEADLINE = 7, A_HSOURCE = 8, A_PUBLISHED = 9, A_PDATE = 10, A_PSOURCE = 11, A_CRAWL = 12, A_CITY = 13,
            A_BYLINE = 14, A_EDITOR = 15, A_LANG = 16, A_URL = 17, A_FORMAT = 18, A_BODY = 19, A_SHA = 20,
            A_LENGTH = 21, A_WARNINGS = 22, A_CANONICAL = 23, A_COUNT = 24, A_FIRST_RUN = 25, A_FIRST_DATE = 26,
            A_UPDATED = 27;

    private static final String[] S_COLS = {"source", "url", "status", "article_key", "duplicate_of", "reason",
            "reason_text", "similarity", "body_sha256", "published_date", "provider_key", "run_id", "run_date",
            "first_seen_run", "menafn_article_no", "menafn_doc_id", "kuna_id"};
    private static final String S_TYPES = "SSSSSSSFSDSLDLLSL";
    private static final int S_SOURCE = 0, S_URL = 1, S_STATUS = 2, S_KEY = 3, S_DUP_OF = 4, S_REASON = 5,
            S_REASON_TEXT = 6, S_SIM = 7, S_SHA = 8, S_PDATE = 9, S_PKEY = 10, S_RUN = 11, S_RUN_DATE = 12,
            S_FIRST_RUN = 13, S_NO = 14, S_DOC = 15, S_KUNA = 16;

    private static Object[] read(ResultSet rs, String types) throws SQLException {
        Object[] row = new Object[types.length()];
        for (int i = 0; i < row.length; i++) {
            int c = i + 1;
            row[i] = switch (types.charAt(i)) {
                case 'S' -> rs.getString(c);
                case 'L' -> rs.getObject(c, Long.class);
                case 'I' -> rs.getObject(c, Integer.class);
                case 'D' -> rs.getObject(c, LocalDate.class);
                case 'F' -> rs.getObject(c, Double.class);
                default -> throw new IllegalStateException(types);
            };
        }
        return row;
    }

    private static Object param(char type, Object value) {
        return switch (type) {
            case 'S' -> new SqlParameterValue(Types.VARCHAR, value);
            case 'L' -> new SqlParameterValue(Types.BIGINT, value);
            case 'I' -> new SqlParameterValue(Types.INTEGER, value);
            case 'D' -> date((LocalDate) value);
            case 'F' -> new SqlParameterValue(Types.DOUBLE, value);
            default -> throw new IllegalStateException(String.valueOf(type));
        };
    }

    /** INSERT of every column; UPDATE of every column but the first, WHERE the first. */
    private static String insertSql(String table, String[] cols) {
        return "INSERT INTO " + table + " (" + String.join(", ", cols) + ") VALUES (" + InLists.marks(cols.length) + ")";
    }

    private static String updateSql(String table, String[] cols) {
        StringBuilder sb = new StringBuilder("UPDATE " + table + " SET ");
        for (int i = 1; i < cols.length; i++) {
            sb.append(i > 1 ? ", " : "").append(cols[i]).append(" = ?");
        }
        return sb.append(" WHERE ").append(cols[0]).append(" = ?").toString();
    }

    private static Object[] insertArgs(Object[] row, String types) {
        Object[] args = new Object[row.length];
        for (int i = 0; i < row.length; i++) {
            args[i] = param(types.charAt(i), row[i]);
        }
        return args;
    }

    private static Object[] updateArgs(Object[] row, String types) {
        Object[] args = new Object[row.length];
        for (int i = 1; i < row.length; i++) {
            args[i - 1] = param(types.charAt(i), row[i]);
        }
        args[row.length - 1] = param(types.charAt(0), row[0]);
        return args;
    }

    /**
     * The writes of one chunk. Call {@link #reject}, {@link #accept} and {@link #recordInManifest} in input order
     * (they are only recorded), then {@link #flush()} once, inside the chunk's transaction.
     */
    public final class Chunk {

        private final long runId;
        private final LocalDate runDate;
        private final List<Object> ops = new ArrayList<>();

        private record Accept(Article a, DedupDecision decision) {
        }

        private record Manifest(String path, long size, Timestamp modified, String sha256, int outcomes) {
        }

        // the rows as loaded (null: known to be absent) and as they are now
        private final Map<String, Object[]> articlesLoaded = new HashMap<>();
        private final Map<String, Object[]> articles = new LinkedHashMap<>();
        private final Map<String, Object[]> sourcesLoaded = new HashMap<>();
        private final Map<String, Object[]> sources = new LinkedHashMap<>();
        private final Set<String> keysLoaded = new HashSet<>();

        private Chunk(long runId, LocalDate runDate) {
            this.runId = runId;
            this.runDate = runDate;
        }

        /** Records a rejected input. */
        public void reject(ParseOutcome.Rejected r) {
            ops.add(r);
        }

        /** Records an accepted article with the decision dedup took for it. */
        public void accept(Article a, DedupDecision decision) {
            ops.add(new Accept(a, decision));
        }

        /** Remembers a processed file as it was (size, modification time, content hash), so later nights skip it. */
        public void recordInManifest(String path, long size, Timestamp modified, String sha256, int outcomes) {
            ops.add(new Manifest(path, size, modified, sha256, outcomes));
        }

        /** Loads the rows the chunk touches, applies every recorded write to them in order, writes the changes. */
        public void flush() {
            // a new version of the store: reports stamped with an older one are not reused (V6__store_state.sql)
            jdbc.update("UPDATE store_state SET version = version + 1, store_id = COALESCE(store_id, ?) WHERE id = 1",
                    java.util.UUID.randomUUID().toString());
            load();
            List<Manifest> manifests = new ArrayList<>();
            for (Object op : ops) {
                if (op instanceof ParseOutcome.Rejected r) {
                    upsertSource(r.source(), r.url(), "rejected", null, null, r.reason().code(), r.message(), null,
                            null);
                } else if (op instanceof Accept acc) {
                    apply(acc.a(), acc.decision());
                } else {
                    manifests.add((Manifest) op);
                }
            }
            writeArticles();
            writeSources();
            writeManifest(manifests);
        }

        // ---- loading

        private void load() {
            Set<String> keys = new LinkedHashSet<>();
            Set<String> names = new LinkedHashSet<>();
            for (Object op : ops) {
                if (op instanceof ParseOutcome.Rejected r) {
                    names.add(r.source());
                } else if (op instanceof Accept acc) {
                    names.add(acc.a().source());
                    DedupDecision d = acc.decision();
                    if (!(d instanceof DedupDecision.Unchanged)) {
                        keys.add(key(d));
                        keys.addAll(d.retiredKeys());
                    }
                    if (d instanceof DedupDecision.ReplacesCanonical r) {
                        names.add(r.previousCanonicalSource());
                    }
                }
            }
            for (String k : keys) {
                articlesLoaded.put(k, null);
            }
            select("SELECT " + String.join(", ", A_COLS) + " FROM articles WHERE article_key IN ", keys, rs -> {
                Object[] row = read(rs, A_TYPES);
                articlesLoaded.put((String) row[A_KEY], row);
            });
            for (Map.Entry<String, Object[]> e : articlesLoaded.entrySet()) {
                if (e.getValue() != null) {
                    articles.put(e.getKey(), e.getValue().clone());
                    names.add((String) e.getValue()[A_CANONICAL]); // a retired article's canonical copy changes
                }
            }
            keysLoaded.addAll(keys);
            for (String n : names) {
                sourcesLoaded.put(n, null);
            }
            String sel = "SELECT " + String.join(", ", S_COLS) + " FROM sources WHERE ";
            select(sel + "source IN ", names, rs -> {
                Object[] row = read(rs, S_TYPES);
                sourcesLoaded.put((String) row[S_SOURCE], row);
            });
            select(sel + "article_key IN ", keys, rs -> {
                Object[] row = read(rs, S_TYPES);
                sourcesLoaded.put((String) row[S_SOURCE], row);
            });
            for (Map.Entry<String, Object[]> e : sourcesLoaded.entrySet()) {
                if (e.getValue() != null) {
                    sources.put(e.getKey(), e.getValue().clone());
                }
            }
        }

        private interface RowHandler {
            void row(ResultSet rs) throws SQLException;
        }

        private void select(String sqlUpToIn, Collection<String> values, RowHandler handler) {
            for (List<String> slice : InLists.slices(values)) {
                jdbc.query(sqlUpToIn + "(" + InLists.marks(slice.size()) + ")", rs -> {
                    handler.row(rs);
                }, slice.toArray());
            }
        }

        private Object[] article(String key) {
            if (!articlesLoaded.containsKey(key)) {
                throw new IllegalStateException("article outside of what the chunk loaded: " + key);
            }
            return articles.get(key);
        }

        private Object[] source(String name) {
            if (!sourcesLoaded.containsKey(name) && !sources.containsKey(name)) {
                throw new IllegalStateException("source outside of what the chunk loaded: " + name);
            }
            return sources.get(name);
        }

        /** The sources of an article key now (the key's rows were all loaded). */
        private List<Object[]> sourcesOf(String key) {
            if (!keysLoaded.contains(key)) {
                throw new IllegalStateException("article key outside of what the chunk loaded: " + key);
            }
            List<Object[]> out = new ArrayList<>();
            for (Object[] s : sources.values()) {
                if (key.equals(s[S_KEY])) {
                    out.add(s);
                }
            }
            return out;
        }

        // ---- the rules, applied to the rows in memory (each step mirrors one SQL statement)

        private void apply(Article a, DedupDecision decision) {
            if (decision instanceof DedupDecision.Unchanged) {
                // the same input with the same content again (a rerun): it was processed, nothing else changes
                Object[] s = source(a.source());
                if (s != null) {
                    s[S_RUN] = runId;
                    s[S_RUN_DATE] = runDate;
                }
                return;
            }
            String key = key(decision);
            FirstSeen first = retire(decision.retiredKeys(), key);
            if (decision instanceof DedupDecision.NewArticle) {
                if (article(key) != null) {
                    // the same input came back changed (same ids, other content): it is still the article's copy
                    updateArticle(key, a);
                } else {
                    insertArticle(key, a, first);
                }
                upsertSource(a.source(), a.url(), "accepted", key, null, null, null, null, a);
            } else if (decision instanceof DedupDecision.Duplicate d) {
                upsertSource(a.source(), a.url(), "duplicate", key, d.canonicalSource(), d.rule().code(), null,
                        d.similarity(), a);
                markRetiredCanonicals(first, key, d.canonicalSource(), d.rule().code(), d.similarity());
            } else {
                DedupDecision.ReplacesCanonical r = (DedupDecision.ReplacesCanonical) decision;
                if (article(key) != null) {
                    updateArticle(key, a);
                } else {
                    insertArticle(key, a, first);
                    article(key)[A_UPDATED] = runId;
                }
                upsertSource(a.source(), a.url(), "accepted", key, null, null, null, null, a);
                // the earlier canonical copy (and every other copy) now points at this one; nothing is deleted
                if (!r.previousCanonicalSource().equals(a.source())) {
                    Object[] prev = source(r.previousCanonicalSource());
                    if (prev != null) {
                        markDuplicate(prev, a.source(), r.rule().code(), r.similarity());
                    }
                }
                markRetiredCanonicals(first, key, a.source(), r.rule().code(), r.similarity());
                for (Object[] s : sourcesOf(key)) {
                    if ("duplicate".equals(s[S_STATUS])) {
                        s[S_DUP_OF] = a.source();
                    }
                }
            }
            recount(key);
        }

        /** When the first copies of the articles merged into {@code key} were seen, and their canonical sources. */
        private record FirstSeen(Long run, LocalDate date, List<String> retiredCanonicals) {
        }

        private FirstSeen retire(List<String> retiredKeys, String key) {
            Long run = runId;
            LocalDate day = runDate;
            List<String> canonicals = new ArrayList<>();
            for (String retired : retiredKeys) {
                if (retired.equals(key)) {
                    continue;
                }
                Object[] row = article(retired);
                if (row != null) {
                    Long r = (Long) row[A_FIRST_RUN];
                    if (r != null && r < run) {
                        run = r;
                        day = row[A_FIRST_DATE] != null ? (LocalDate) row[A_FIRST_DATE] : day;
                    }
                    canonicals.add((String) row[A_CANONICAL]);
                }
                for (Object[] s : sourcesOf(retired)) {
                    s[S_KEY] = key;
                }
                keysLoaded.add(key);
                articles.remove(retired);
            }
            Object[] row = article(key);
            if (row != null) {
                Long r = (Long) row[A_FIRST_RUN];
                if (r != null && r < run) {
                    run = r;
                    day = row[A_FIRST_DATE] != null ? (LocalDate) row[A_FIRST_DATE] : day;
                }
            }
            return new FirstSeen(run, day, canonicals);
        }

        private void markDuplicate(Object[] s, String duplicateOf, String rule, double similarity) {
            s[S_STATUS] = "duplicate";
            s[S_DUP_OF] = duplicateOf;
            s[S_REASON] = rule;
            s[S_SIM] = similarity;
        }

        private void markRetiredCanonicals(FirstSeen first, String key, String canonicalSource, String rule,
                                           double similarity) {
            for (String name : first.retiredCanonicals()) {
                if (!name.equals(canonicalSource)) {
                    Object[] s = source(name);
                    if (s != null) {
                        markDuplicate(s, canonicalSource, rule, similarity);
                    }
                }
            }
            if (!first.retiredCanonicals().isEmpty()) {
                Object[] row = article(key);
                if (row != null) {
                    row[A_FIRST_RUN] = first.run();
                    row[A_FIRST_DATE] = first.date();
                }
            }
        }

        private void insertArticle(String key, Article a, FirstSeen first) {
            Object[] row = new Object[A_COLS.length];
            row[A_KEY] = key;
            fill(row, a);
            row[A_COUNT] = 0;
            row[A_FIRST_RUN] = first.run();
            row[A_FIRST_DATE] = first.date();
            row[A_UPDATED] = first.run();
            articles.put(key, row);
            articlesLoaded.putIfAbsent(key, null);
        }

        /** The columns an article takes from its canonical copy. */
        private void fill(Object[] row, Article a) {
            row[A_DOC] = str(a.menafnDocId());
            row[A_NO] = a.menafnArticleNo();
            row[A_PCODE] = a.menafnProviderCode();
            row[A_KUNA] = a.kunaId() == null ? null : a.kunaId().value();
            row[A_PROVIDER] = a.provider();
            row[A_PKEY] = a.providerKey();
            row[A_HEADLINE] = a.headline();
            row[A_HSOURCE] = a.headlineSource();
            row[A_PUBLISHED] = a.published() == null ? null : a.published().iso();
            row[A_PDATE] = a.publishedDate();
            row[A_PSOURCE] = a.published() == null ? null : a.published().source();
            row[A_CRAWL] = a.crawlDate();
            row[A_CITY] = a.datelineCity();
            row[A_BYLINE] = a.byline();
            row[A_EDITOR] = a.editorInitials();
            row[A_LANG] = a.language();
            row[A_URL] = a.url();
            row[A_FORMAT] = a.format();
            row[A_BODY] = a.body();
            row[A_SHA] = a.bodySha256();
            row[A_LENGTH] = a.body().length();
            row[A_WARNINGS] = warnings(a);
            row[A_CANONICAL] = a.source();
        }

        /** Rewrites a stored article from its canonical copy, only when something in it changed. */
        private void updateArticle(String key, Article a) {
            Object[] row = article(key);
            Object[] stored = {row[A_SHA], row[A_HEADLINE], row[A_PUBLISHED], row[A_PROVIDER], row[A_CANONICAL],
                    row[A_DOC], row[A_KUNA], row[A_URL], row[A_FORMAT], row[A_LANG], row[A_CITY], row[A_EDITOR],
                    row[A_BYLINE], row[A_WARNINGS]};
            if (signature(stored).equals(signature(a))) {
                return;
            }
            fill(row, a);
            row[A_UPDATED] = runId;
        }

        private void upsertSource(String name, String url, String status, String articleKey, String duplicateOf,
                                  String reason, String reasonText, Double similarity, Article a) {
            Object[] s = source(name);
            if (s == null) {
                s = new Object[S_COLS.length];
                s[S_SOURCE] = name;
                s[S_FIRST_RUN] = runId;
                sources.put(name, s);
            }
            s[S_URL] = url;
            s[S_STATUS] = status;
            s[S_KEY] = articleKey;
            s[S_DUP_OF] = duplicateOf;
            s[S_REASON] = reason;
            s[S_REASON_TEXT] = reasonText;
            s[S_SIM] = similarity;
            s[S_SHA] = a == null ? null : a.bodySha256();
            s[S_PDATE] = a == null ? null : a.publishedDate();
            s[S_PKEY] = a == null ? null : a.providerKey();
            s[S_RUN] = runId;
            s[S_RUN_DATE] = runDate;
            s[S_NO] = a == null ? null : a.menafnArticleNo();
            s[S_DOC] = a == null ? null : str(a.menafnDocId());
            s[S_KUNA] = a == null || a.kunaId() == null ? null : a.kunaId().value();
        }

        /**
         * Recomputes what an article takes from all its copies: the source count, and the ids. Every copy lends its ids
         * (a MENAFN copy of a KUNA page gives it a MENAFN number, the KUNA page gives the copy's article its KUNA id);
         * where copies differ, the smallest (earliest) number wins, so the result does not depend on the order they
         * came in.
         */
        private void recount(String key) {
            Object[] row = article(key);
            if (row == null) {
                return;
            }
            List<Object[]> copies = sourcesOf(key);
            Long no = null;
            Long kuna = null;
            for (Object[] s : copies) {
                no = min(no, (Long) s[S_NO]);
                kuna = min(kuna, (Long) s[S_KUNA]);
            }
            String doc = null;
            if (no != null) {
                for (Object[] s : copies) {
                    String d = (String) s[S_DOC];
                    if (no.equals(s[S_NO]) && d != null && (doc == null || d.compareTo(doc) < 0)) {
                        doc = d;
                    }
                }
            }
            row[A_COUNT] = copies.size();
            row[A_NO] = no;
            row[A_KUNA] = kuna;
            row[A_DOC] = doc;
            if (doc != null) {
                // SUBSTRING(menafn_doc_id FROM 15 FOR 12)
                row[A_PCODE] = doc.length() <= 14 ? "" : doc.substring(14, Math.min(doc.length(), 26));
            }
        }

        // ---- writing

        private void writeArticles() {
            List<Object[]> deletes = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            List<Object[]> inserts = new ArrayList<>();
            for (Map.Entry<String, Object[]> e : articlesLoaded.entrySet()) {
                if (e.getValue() != null && !articles.containsKey(e.getKey())) {
                    deletes.add(new Object[] {e.getKey()});
                }
            }
            for (Map.Entry<String, Object[]> e : articles.entrySet()) {
                Object[] was = articlesLoaded.get(e.getKey());
                if (was == null) {
                    inserts.add(insertArgs(e.getValue(), A_TYPES));
                } else if (!Arrays.equals(was, e.getValue())) {
                    updates.add(updateArgs(e.getValue(), A_TYPES));
                }
            }
            if (!deletes.isEmpty()) {
                jdbc.batchUpdate("DELETE FROM articles WHERE article_key = ?", deletes);
            }
            if (!updates.isEmpty()) {
                jdbc.batchUpdate(updateSql("articles", A_COLS), updates);
            }
            if (!inserts.isEmpty()) {
                jdbc.batchUpdate(insertSql("articles", A_COLS), inserts);
            }
        }

        private void writeSources() {
            List<Object[]> updates = new ArrayList<>();
            List<Object[]> inserts = new ArrayList<>();
            for (Map.Entry<String, Object[]> e : sources.entrySet()) {
                Object[] was = sourcesLoaded.get(e.getKey());
                if (was == null) {
                    inserts.add(insertArgs(e.getValue(), S_TYPES));
                } else if (!Arrays.equals(was, e.getValue())) {
                    updates.add(updateArgs(e.getValue(), S_TYPES));
                }
            }
            if (!updates.isEmpty()) {
                jdbc.batchUpdate(updateSql("sources", S_COLS), updates);
            }
            if (!inserts.isEmpty()) {
                jdbc.batchUpdate(insertSql("sources", S_COLS), inserts);
            }
        }

        private void writeManifest(List<Manifest> manifests) {
            if (manifests.isEmpty()) {
                return;
            }
            Map<String, Manifest> last = new LinkedHashMap<>();
            for (Manifest m : manifests) {
                last.put(m.path(), m);
            }
            Set<String> known = new HashSet<>();
            select("SELECT path FROM manifest WHERE path IN ", last.keySet(), rs -> {
                known.add(rs.getString(1));
            });
            List<Object[]> updates = new ArrayList<>();
            List<Object[]> inserts = new ArrayList<>();
            for (Manifest m : last.values()) {
                if (known.contains(m.path())) {
                    updates.add(new Object[] {m.size(), m.modified(), m.sha256(), runId, m.outcomes(), m.path()});
                } else {
                    inserts.add(new Object[] {m.path(), m.size(), m.modified(), m.sha256(), runId, m.outcomes()});
                }
            }
            if (!updates.isEmpty()) {
                jdbc.batchUpdate("UPDATE manifest SET size_bytes = ?, modified = ?, content_sha256 = ?, run_id = ?, "
                        + "outcomes = ? WHERE path = ?", updates);
            }
            if (!inserts.isEmpty()) {
                jdbc.batchUpdate("INSERT INTO manifest (path, size_bytes, modified, content_sha256, run_id, outcomes) "
                        + "VALUES (?, ?, ?, ?, ?, ?)", inserts);
            }
        }
    }

    private static String key(DedupDecision d) {
        if (d instanceof DedupDecision.NewArticle n) {
            return n.key();
        }
        if (d instanceof DedupDecision.Duplicate dup) {
            return dup.key();
        }
        if (d instanceof DedupDecision.ReplacesCanonical r) {
            return r.key();
        }
        return ((DedupDecision.Unchanged) d).key();
    }

    private static Long min(Long a, Long b) {
        return a == null ? b : b == null ? a : a <= b ? a : b;
    }

    private static String signature(Object[] stored) {
        StringBuilder sb = new StringBuilder();
        for (Object v : stored) {
            sb.append(v == null ? null : v.toString()).append('\u0001');
        }
        return sb.toString();
    }

    private static String signature(Article a) {
        Object[] values = {a.bodySha256(), a.headline(), a.published() == null ? null : a.published().iso(), a.provider(),
                a.source(), str(a.menafnDocId()), a.kunaId() == null ? null : Long.toString(a.kunaId().value()), a.url(),
                a.format(), a.language(), a.datelineCity(), a.editorInitials(), a.byline(), warnings(a)};
        return signature(values);
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static String warnings(Article a) {
        return a.warnings().isEmpty() ? null : String.join("; ", a.warnings());
    }
}
