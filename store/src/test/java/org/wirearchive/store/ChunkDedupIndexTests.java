package org.wirearchive.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wirearchive.core.article.Article;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.dedup.DedupDecision;
import org.wirearchive.core.dedup.Deduplicator;
import org.wirearchive.core.dedup.InMemoryDedupIndex;
import org.wirearchive.core.dedup.IndexedCopy;
import org.wirearchive.core.extract.ArticleExtractor;
import org.wirearchive.core.format.InputDocument;
import org.wirearchive.core.generate.ArchiveGenerator;
import org.wirearchive.core.generate.GeneratedPage;
import org.wirearchive.core.generate.GeneratorSpec;

/**
 * The database-backed index with its cross-chunk day cache decides exactly as the in-memory reference index: the same
 * decision for every copy and the same articles and canonical copies at the end, whatever the chunk boundaries, with a
 * cache so small that days are evicted and reloaded all the time, and with chunks that roll back after writing (the
 * cache must not keep what the database did not).
 */
class ChunkDedupIndexTests {

    static List<Article> articles;

    @TempDir
    Path dir;

    /** The articles the parser reads from a generated archive's pages (the rejected bad files left out). */
    @BeforeAll
    static void generate() throws IOException {
        articles = new ArrayList<>();
        ArticleExtractor extractor = new ArticleExtractor();
        Iterator<GeneratedPage> it = new ArchiveGenerator().pages(GeneratorSpec.of(1200, Path.of("unused"), 4242L));
        while (it.hasNext()) {
            GeneratedPage p = it.next();
            byte[] bytes = p.content();
            if (p.file().endsWith(".gz")) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    bytes = in.readAllBytes();
                }
            }
            if (extractor.extract(InputDocument.of(p.file(), bytes)) instanceof ParseOutcome.Parsed parsed) {
                articles.add(parsed.article());
            }
        }
        assertThat(articles).hasSizeGreaterThan(1150);
    }

    @ParameterizedTest(name = "seed {0}, cache of {1} copies, {2}")
    @CsvSource({"1, 50000, archive order", "2, 40, archive order", "3, 1, shuffled", "4, 200, newest first",
            "5, 25, shuffled", "6, 50000, boilerplate", "7, 30, boilerplate"})
    void decidesLikeTheInMemoryIndex(long seed, int cacheCopies, String order) {
        Random random = new Random(seed);
        List<Article> input = new ArrayList<>(articles);
        if (order.equals("boilerplate")) {
            // more copies than Deduplicator.MAX_BAND_COPIES in one window sharing a long stock text: its bands are
            // ignored as boilerplate, the same way by both indexes
            input.addAll(random.nextInt(input.size()), boilerplate(input.get(0), Deduplicator.MAX_BAND_COPIES + 60));
        }
        if (order.equals("shuffled")) {
            Collections.shuffle(input, random);
        } else if (order.equals("newest first")) {
            Collections.reverse(input);
        }
        // every tenth article comes again later with another body: a rerun of a changed input (a replacement)
        List<Article> feed = new ArrayList<>(input);
        for (int i = 0; i < input.size(); i += 10) {
            Article a = input.get(i);
            feed.add(random.nextInt(feed.size()), recrawled(a, "\n\nA paragraph added on a later crawl, number " + i + "."));
        }

        InMemoryDedupIndex reference = new InMemoryDedupIndex();
        Deduplicator referenceDedup = new Deduplicator(reference);
        List<DedupDecision> expected = new ArrayList<>();
        for (Article a : feed) {
            expected.add(referenceDedup.add(a));
        }

        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("db") + ";MODE=REGULAR");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        ChunkDedupIndex index = new ChunkDedupIndex(jdbc, cacheCopies);
        Deduplicator dedup = new Deduplicator(index);
        List<DedupDecision> actual = new ArrayList<>();
        int rollbacks = 0;
        for (int at = 0; at < feed.size(); ) {
            List<Article> chunk = feed.subList(at, Math.min(feed.size(), at + 1 + random.nextInt(60)));
            if (random.nextInt(8) == 0) {
                // a chunk that writes everything and then fails: nothing of it may survive, in the tables or the cache
                assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    decide(index, dedup, chunk, new ArrayList<>());
                    throw new IllegalStateException("the chunk failed after writing");
                })).hasMessage("the chunk failed after writing");
                rollbacks++;
            }
            tx.executeWithoutResult(status -> decide(index, dedup, chunk, actual));
            at += chunk.size();
        }
        assertThat(rollbacks).isPositive();
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i)).as("decision for input %d, %s", i, feed.get(i).source()).isEqualTo(expected.get(i));
        }

        Map<String, String> keyOf = new TreeMap<>();
        reference.groups().forEach((key, sources) -> sources.forEach(s -> keyOf.put(s, key)));
        Map<String, String> storedKeyOf = new TreeMap<>();
        Map<String, String> storedCanonical = new TreeMap<>();
        jdbc.query("SELECT source, article_key, is_canonical FROM dedup_copies", rs -> {
            storedKeyOf.put(rs.getString(1), rs.getString(2));
            if (rs.getBoolean(3)) {
                assertThat(storedCanonical.put(rs.getString(2), rs.getString(1))).as("one canonical copy").isNull();
            }
        });
        assertThat(storedKeyOf).isEqualTo(keyOf);
        assertThat(storedCanonical).isEqualTo(new TreeMap<>(reference.canonicalSources()));

        // and the band look-ups themselves return the same copies (boilerplate bands left out the same way)
        List<IndexedCopy> probes = new ArrayList<>();
        for (int i = 0; i < feed.size(); i += Math.max(1, feed.size() / 80)) {
            probes.add(IndexedCopy.of(feed.get(i)));
        }
        tx.executeWithoutResult(status -> {
            index.begin(probes);
            try {
                for (IndexedCopy p : probes) {
                    if (p.date() == null || !p.minHash().banded()) {
                        continue;
                    }
                    LocalDate from = p.date().minusDays(Deduplicator.WINDOW_DAYS);
                    LocalDate to = p.date().plusDays(Deduplicator.WINDOW_DAYS);
                    assertThat(sources(index.findByBands(p.minHash().bands(), from, to)))
                            .as("band candidates of " + p.source())
                            .isEqualTo(sources(reference.findByBands(p.minHash().bands(), from, to)));
                }
            } finally {
                index.discard();
            }
        });
        if (order.equals("boilerplate")) {
            IndexedCopy p = IndexedCopy.of(feed.stream().filter(a -> a.source().startsWith("boilerplate/")).findFirst()
                    .orElseThrow());
            LocalDate d = p.date();
            int uncapped = 0;
            for (long b : p.minHash().bands()) {
                uncapped = Math.max(uncapped, reference.findByBands(new long[] {b}, d.minusDays(2), d.plusDays(2)).size());
            }
            assertThat(uncapped).as("some band of the stock text is below the cap, others above: the cap was tested")
                    .isPositive();
            assertThat(reference.findByBands(p.minHash().bands(), d.minusDays(2), d.plusDays(2)).size())
                    .isLessThan(Deduplicator.MAX_BAND_COPIES + 60);
        }
    }

    /**
     * A chunk that holds a committed copy whose day was not cached when the chunk started (it comes into the cache by
     * a look-up within the chunk) answers the band look-up with its own row, not with the committed copy as well.
     */
    @org.junit.jupiter.api.Test
    void aCopyTheChunkHoldsOnADayLoadedWithinTheChunkIsFoundOnce() {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("db") + ";MODE=REGULAR");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        IndexedCopy stored = articles.stream().map(IndexedCopy::of)
                .filter(c -> c.date() != null && c.minHash().banded()).findFirst().orElseThrow();
        ChunkDedupIndex first = new ChunkDedupIndex(jdbc);
        first.begin(List.of(stored));
        new Deduplicator(first).add(stored);
        first.flush();

        // a new step (an empty day cache): the same source again, undated, so that no window day is loaded at start
        IndexedCopy again = new IndexedCopy(stored.source(), null, stored.menafnArticleNo(), stored.kunaId(),
                stored.providerKuna(), stored.origin(), null, null, stored.contentHash(), stored.headlineHash(),
                stored.bodyLength(), stored.complete(), stored.minHash());
        ChunkDedupIndex next = new ChunkDedupIndex(jdbc);
        next.begin(List.of(again));
        try {
            LocalDate from = stored.date().minusDays(Deduplicator.WINDOW_DAYS);
            LocalDate to = stored.date().plusDays(Deduplicator.WINDOW_DAYS);
            assertThat(keysBySource(next.findByBands(stored.minHash().bands(), from, to)))
                    .isEqualTo(Map.of(stored.source(), stored.ownKey()));
            assertThat(keysBySource(next.findSimilar(stored.minHash(), from, to, Deduplicator.DEFAULT_THRESHOLD)))
                    .isEqualTo(Map.of(stored.source(), stored.ownKey()));
            assertThat(next.cacheStatistics()).startsWith("5 day loads");
        } finally {
            next.discard();
        }
    }

    private static Map<String, String> keysBySource(List<IndexedCopy> copies) {
        Map<String, String> out = new TreeMap<>();
        copies.forEach(c -> assertThat(out.put(c.source(), c.articleKey())).as("one copy per source").isNull());
        return out;
    }

    private static java.util.Set<String> sources(List<IndexedCopy> copies) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        copies.forEach(c -> out.add(c.source()));
        return out;
    }

    /** Pages of one date that share a long stock text and differ in a sentence or two. */
    private static List<Article> boilerplate(Article model, int n) {
        StringBuilder stock = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            stock.append("The agency said in a statement that the committee met on schedule and reviewed item ")
                    .append(i).append(". ");
        }
        List<Article> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String body = "Report number " + i + " opens with its own line about district " + (i * 7919 % 1000)
                    + " and market " + (i * 104729 % 977) + ".\n\n" + stock;
            out.add(new Article("boilerplate/page-" + i + ".txt", null, model.format(), null, null, null,
                    model.provider(), model.providerKey(), "Committee statement " + i, model.headlineSource(),
                    model.published(), model.crawlDate(), null, null, null, model.language(), body,
                    model.bodySha256(), List.of()));
        }
        return out;
    }

    /** The same input crawled again with more text. */
    private static Article recrawled(Article a, String more) {
        return new Article(a.source(), a.url(), a.format(), a.menafnDocId(), a.menafnArticleNo(), a.kunaId(),
                a.provider(), a.providerKey(), a.headline(), a.headlineSource(), a.published(), a.crawlDate(),
                a.datelineCity(), a.byline(), a.editorInitials(), a.language(), a.body() + more, a.bodySha256(),
                a.warnings());
    }

    private static void decide(ChunkDedupIndex index, Deduplicator dedup, List<Article> chunk, List<DedupDecision> out) {
        List<org.wirearchive.core.dedup.IndexedCopy> copies = new ArrayList<>();
        for (Article a : chunk) {
            copies.add(org.wirearchive.core.dedup.IndexedCopy.of(a));
        }
        try {
            index.begin(copies);
            for (org.wirearchive.core.dedup.IndexedCopy c : copies) {
                if (c.date() != null && c.minHash().banded()) {
                    // the fast near-duplicate look-up gives exactly what the band look-up and the similarity test
                    // give, in every state of the chunk (its own rows rewritten, re-keyed, cached copies it holds)
                    LocalDate from = c.date().minusDays(Deduplicator.WINDOW_DAYS);
                    LocalDate to = c.date().plusDays(Deduplicator.WINDOW_DAYS);
                    for (double t : new double[] {Deduplicator.DEFAULT_THRESHOLD, 0.3}) {
                        assertThat(keysBySource(index.findSimilar(c.minHash(), from, to, t)))
                                .as("similar copies of %s at %s", c.source(), t)
                                .isEqualTo(keysBySource(index.findByBands(c.minHash().bands(), from, to).stream()
                                        .filter(f -> f.minHash().banded() && c.minHash().similarity(f.minHash()) >= t)
                                        .toList()));
                    }
                }
                out.add(dedup.add(c));
            }
            index.flush();
        } finally {
            index.discard();
        }
    }
}
