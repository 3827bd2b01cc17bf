package org.wirearchive.store;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
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

    /**
     * The writes of one chunk. Call {@link #reject} and {@link #accept} in input order
     * (they are only recorded), then {@link #flush()} once, inside the chunk's transaction.
     */
    public final class Chunk {

        private final long runId;
        private final LocalDate runDate;
        private final List<Object> ops = new ArrayList<>();

        private record Accept(Article a, DedupDecision decision) {
        }

        // the rows as loaded (null: known to be absent) and as they are now
        private final Map<String, ArticleRow> articlesLoaded = new HashMap<>();
        private final Map<String, ArticleRow> articles = new LinkedHashMap<>();
        private final Map<String, SourceRow> sourcesLoaded = new HashMap<>();
        private final Map<String, SourceRow> sources = new LinkedHashMap<>();
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

        /** Loads the rows the chunk touches, applies every recorded write to them in order, writes the changes. */
        public void flush() {
            // a new version of the store: reports stamped with an older one are not reused (V6__store_state.sql)
            jdbc.update("UPDATE store_state SET version = version + 1, store_id = COALESCE(store_id, ?) WHERE id = 1",
                    java.util.UUID.randomUUID().toString());
            load();
            for (Object op : ops) {
                if (op instanceof ParseOutcome.Rejected r) {
                    upsertSource(r.source(), r.url(), SourceStatus.REJECTED, null, null, r.reason().code(), r.message(),
                            null, null);
                } else {
                    Accept acc = (Accept) op;
                    apply(acc.a(), acc.decision());
                }
            }
            writeArticles();
            writeSources();
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
            select(ArticleRow.TABLE, " WHERE article_key IN ", keys, row -> articlesLoaded.put(row.articleKey(), row));
            for (Map.Entry<String, ArticleRow> e : articlesLoaded.entrySet()) {
                if (e.getValue() != null) {
                    articles.put(e.getKey(), e.getValue());
                    names.add(e.getValue().canonicalSource()); // a retired article's canonical copy changes
                }
            }
            keysLoaded.addAll(keys);
            for (String n : names) {
                sourcesLoaded.put(n, null);
            }
            select(SourceRow.TABLE, " WHERE source IN ", names, row -> sourcesLoaded.put(row.source(), row));
            select(SourceRow.TABLE, " WHERE article_key IN ", keys, row -> sourcesLoaded.put(row.source(), row));
            for (Map.Entry<String, SourceRow> e : sourcesLoaded.entrySet()) {
                if (e.getValue() != null) {
                    sources.put(e.getKey(), e.getValue());
                }
            }
        }

        private <R extends Record> void select(TableBinding<R> table, String whereUpToIn, Collection<String> values,
                Consumer<R> handler) {
            RowMapper<R> mapper = table.mapper();
            for (List<String> slice : InLists.slices(values)) {
                jdbc.query(table.select() + whereUpToIn + "(" + InLists.marks(slice.size()) + ")", rs -> {
                    handler.accept(mapper.mapRow(rs, 0));
                }, slice.toArray());
            }
        }

        private ArticleRow article(String key) {
            if (!articlesLoaded.containsKey(key)) {
                throw new IllegalStateException("article outside of what the chunk loaded: " + key);
            }
            return articles.get(key);
        }

        private SourceRow source(String name) {
            if (!sourcesLoaded.containsKey(name) && !sources.containsKey(name)) {
                throw new IllegalStateException("source outside of what the chunk loaded: " + name);
            }
            return sources.get(name);
        }

        /** The sources of an article key now (the key's rows were all loaded). */
        private List<SourceRow> sourcesOf(String key) {
            checkKeyLoaded(key);
            List<SourceRow> out = new ArrayList<>();
            for (SourceRow s : sources.values()) {
                if (key.equals(s.articleKey())) {
                    out.add(s);
                }
            }
            return out;
        }

        /** Replaces every source of an article key (the key's rows were all loaded) by what {@code change} makes of it. */
        private void changeSourcesOf(String key, UnaryOperator<SourceRow> change) {
            checkKeyLoaded(key);
            sources.replaceAll((name, s) -> key.equals(s.articleKey()) ? change.apply(s) : s);
        }

        private void checkKeyLoaded(String key) {
            if (!keysLoaded.contains(key)) {
                throw new IllegalStateException("article key outside of what the chunk loaded: " + key);
            }
        }

        // ---- the rules, applied to the rows in memory (each step mirrors one SQL statement)

        private void apply(Article a, DedupDecision decision) {
            if (decision instanceof DedupDecision.Unchanged) {
                // the same input with the same content again (a rerun): it was processed, nothing else changes
                SourceRow s = source(a.source());
                if (s != null) {
                    sources.put(s.source(), s.withRun(runId, runDate));
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
                upsertSource(a.source(), a.url(), SourceStatus.ACCEPTED, key, null, null, null, null, a);
            } else if (decision instanceof DedupDecision.Duplicate d) {
                upsertSource(a.source(), a.url(), SourceStatus.DUPLICATE, key, d.canonicalSource(), d.rule().code(),
                        null, d.similarity(), a);
                markRetiredCanonicals(first, key, d.canonicalSource(), d.rule().code(), d.similarity());
            } else {
                DedupDecision.ReplacesCanonical r = (DedupDecision.ReplacesCanonical) decision;
                if (article(key) != null) {
                    updateArticle(key, a);
                } else {
                    insertArticle(key, a, first);
                    articles.put(key, article(key).withUpdatedRun(runId));
                }
                upsertSource(a.source(), a.url(), SourceStatus.ACCEPTED, key, null, null, null, null, a);
                // the earlier canonical copy (and every other copy) now points at this one; nothing is deleted
                if (!r.previousCanonicalSource().equals(a.source())) {
                    SourceRow prev = source(r.previousCanonicalSource());
                    if (prev != null) {
                        markDuplicate(prev, a.source(), r.rule().code(), r.similarity());
                    }
                }
                markRetiredCanonicals(first, key, a.source(), r.rule().code(), r.similarity());
                changeSourcesOf(key, s -> s.isDuplicate() ? s.withDuplicateOf(a.source()) : s);
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
                ArticleRow row = article(retired);
                if (row != null) {
                    Long r = row.firstSeenRun();
                    if (r != null && r < run) {
                        run = r;
                        day = row.firstSeenDate() != null ? row.firstSeenDate() : day;
                    }
                    canonicals.add(row.canonicalSource());
                }
                changeSourcesOf(retired, s -> s.withArticleKey(key));
                keysLoaded.add(key);
                articles.remove(retired);
            }
            ArticleRow row = article(key);
            if (row != null) {
                Long r = row.firstSeenRun();
                if (r != null && r < run) {
                    run = r;
                    day = row.firstSeenDate() != null ? row.firstSeenDate() : day;
                }
            }
            return new FirstSeen(run, day, canonicals);
        }

        private void markDuplicate(SourceRow s, String duplicateOf, String rule, double similarity) {
            sources.put(s.source(), s.asDuplicate(duplicateOf, rule, similarity));
        }

        private void markRetiredCanonicals(FirstSeen first, String key, String canonicalSource, String rule,
                                           double similarity) {
            for (String name : first.retiredCanonicals()) {
                if (!name.equals(canonicalSource)) {
                    SourceRow s = source(name);
                    if (s != null) {
                        markDuplicate(s, canonicalSource, rule, similarity);
                    }
                }
            }
            if (!first.retiredCanonicals().isEmpty()) {
                ArticleRow row = article(key);
                if (row != null) {
                    articles.put(key, row.withFirstSeen(first.run(), first.date()));
                }
            }
        }

        private void insertArticle(String key, Article a, FirstSeen first) {
            articles.put(key, ArticleRow.of(key, a, first.run(), first.date()));
            articlesLoaded.putIfAbsent(key, null);
        }

        /** Rewrites a stored article from its canonical copy, only when something in it changed. */
        private void updateArticle(String key, Article a) {
            ArticleRow row = article(key);
            if (row.signature().equals(ArticleRow.signature(a))) {
                return;
            }
            articles.put(key, row.withCanonical(a).withUpdatedRun(runId));
        }

        private void upsertSource(String name, String url, SourceStatus status, String articleKey, String duplicateOf,
                                  String reason, String reasonText, Double similarity, Article a) {
            SourceRow s = source(name);
            sources.put(name, SourceRow.of(name, url, status, articleKey, duplicateOf, reason, reasonText, similarity,
                    a, runId, runDate, s == null ? runId : s.firstSeenRun()));
        }

        /**
         * Recomputes what an article takes from all its copies: the source count, and the ids. Every copy lends its ids
         * (a MENAFN copy of a KUNA page gives it a MENAFN number, the KUNA page gives the copy's article its KUNA id);
         * where copies differ, the smallest (earliest) number wins, so the result does not depend on the order they
         * came in.
         */
        private void recount(String key) {
            ArticleRow row = article(key);
            if (row == null) {
                return;
            }
            List<SourceRow> copies = sourcesOf(key);
            Long no = null;
            Long kuna = null;
            for (SourceRow s : copies) {
                no = min(no, s.menafnArticleNo());
                kuna = min(kuna, s.kunaId());
            }
            String doc = null;
            if (no != null) {
                for (SourceRow s : copies) {
                    String d = s.menafnDocId();
                    if (no.equals(s.menafnArticleNo()) && d != null && (doc == null || d.compareTo(doc) < 0)) {
                        doc = d;
                    }
                }
            }
            // SUBSTRING(menafn_doc_id FROM 15 FOR 12)
            String code = doc == null ? row.menafnProviderCode()
                    : doc.length() <= 14 ? "" : doc.substring(14, Math.min(doc.length(), 26));
            articles.put(key, row.withCopies(copies.size(), no, kuna, doc, code));
        }

        // ---- writing

        private void writeArticles() {
            List<String> deletes = new ArrayList<>();
            List<ArticleRow> updates = new ArrayList<>();
            List<ArticleRow> inserts = new ArrayList<>();
            for (Map.Entry<String, ArticleRow> e : articlesLoaded.entrySet()) {
                if (e.getValue() != null && !articles.containsKey(e.getKey())) {
                    deletes.add(e.getKey());
                }
            }
            for (Map.Entry<String, ArticleRow> e : articles.entrySet()) {
                ArticleRow was = articlesLoaded.get(e.getKey());
                if (was == null) {
                    inserts.add(e.getValue());
                } else if (!was.equals(e.getValue())) {
                    updates.add(e.getValue());
                }
            }
            if (!deletes.isEmpty()) {
                jdbc.batchUpdate("DELETE FROM articles WHERE article_key = ?", deletes, deletes.size(),
                        (ps, key) -> ps.setString(1, key));
            }
            ArticleRow.TABLE.update(jdbc, updates);
            ArticleRow.TABLE.insert(jdbc, inserts);
        }

        private void writeSources() {
            List<SourceRow> updates = new ArrayList<>();
            List<SourceRow> inserts = new ArrayList<>();
            for (Map.Entry<String, SourceRow> e : sources.entrySet()) {
                SourceRow was = sourcesLoaded.get(e.getKey());
                if (was == null) {
                    inserts.add(e.getValue());
                } else if (!was.equals(e.getValue())) {
                    updates.add(e.getValue());
                }
            }
            SourceRow.TABLE.update(jdbc, updates);
            SourceRow.TABLE.insert(jdbc, inserts);
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
}
