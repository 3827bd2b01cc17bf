package org.wirearchive.store;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.dedup.DedupDecision;
import org.wirearchive.core.dedup.DedupIndex;
import org.wirearchive.core.dedup.Deduplicator;
import org.wirearchive.core.dedup.IndexedCopy;
import org.wirearchive.core.dedup.MinHash;
import org.wirearchive.core.extract.ArticleExtractor;
import org.wirearchive.core.format.InputDocument;
import org.wirearchive.core.generate.ArchiveGenerator;
import org.wirearchive.core.generate.GeneratedPage;
import org.wirearchive.core.generate.GeneratorSpec;

/**
 * Not a test: a standalone measurement of the writer's dedup path ({@link Deduplicator#add} over a
 * {@link ChunkDedupIndex} in chunks of 250, each in its own transaction, H2 in memory) on the first {@code pages}
 * pages, in file order, of a generated archive of {@code archivePages} pages (the density per day of that archive).
 * Prints the thread CPU of the whole loop, of {@code findSimilar} alone, and a digest of the decisions (the same on
 * two revisions: the same decisions), once per round.
 *
 * <pre>mvn -B -q -o -pl store -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
 *     -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx3g -XX:+UseParallelGC -Dharness.cache=/tmp/copies.bin \
 *     -cp store/target/test-classes:store/target/classes:$(cat /tmp/cp.txt) org.wirearchive.store.DedupLookupHarness \
 *     [pages] [archivePages] [rounds]</pre>
 *
 * The parsed copies are kept in the {@code harness.cache} file (default in {@code java.io.tmpdir}) and read from it by
 * later runs: two revisions are compared on the same copies by putting the other revision's store classes first on
 * the class path. Logging: {@code -Dlogback.configurationFile} with a WARN root (the default logs every statement).
 */
public final class DedupLookupHarness {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DedupLookupHarness() {
    }

    public static void main(String[] args) throws IOException {
        int pages = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
        int archivePages = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        // the parsed copies are kept in this file (parsing is most of a run's time); delete it to parse again
        Path cache = Path.of(System.getProperty("harness.cache",
                System.getProperty("java.io.tmpdir") + "/dedup-harness-" + pages + "-" + archivePages + ".bin"));
        List<IndexedCopy> copies = java.nio.file.Files.exists(cache) ? read(cache) : parse(pages, archivePages);
        if (!java.nio.file.Files.exists(cache)) {
            write(cache, copies);
        }
        System.out.printf("%d copies%n", copies.size());
        for (int round = 1; round <= rounds; round++) {
            run(copies, round);
        }
    }

    private static List<IndexedCopy> parse(int pages, int archivePages) throws IOException {
        List<GeneratedPage> taken = new ArrayList<>();
        Iterator<GeneratedPage> it = new ArchiveGenerator()
                .pages(GeneratorSpec.of(archivePages, Path.of("unused"), 42L));
        while (it.hasNext() && taken.size() < pages) {
            taken.add(it.next());
        }
        taken.sort(Comparator.comparing(GeneratedPage::file));
        ArticleExtractor extractor = new ArticleExtractor();
        List<IndexedCopy> copies = new ArrayList<>();
        for (GeneratedPage p : taken) {
            byte[] bytes = p.content();
            if (p.file().endsWith(".gz")) {
                try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
                    bytes = in.readAllBytes();
                }
            }
            if (extractor.extract(InputDocument.of(p.file(), bytes)) instanceof ParseOutcome.Parsed parsed) {
                copies.add(IndexedCopy.of(parsed.article()));
            }
        }
        return copies;
    }

    private static void write(Path file, List<IndexedCopy> copies) throws IOException {
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(
                new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file)))) {
            out.writeInt(copies.size());
            for (IndexedCopy c : copies) {
                out.writeUTF(c.source());
                out.writeLong(c.menafnArticleNo() == null ? Long.MIN_VALUE : c.menafnArticleNo());
                out.writeLong(c.kunaId() == null ? Long.MIN_VALUE : c.kunaId());
                out.writeBoolean(c.providerKuna());
                out.writeInt(c.origin().ordinal());
                out.writeLong(c.date() == null ? Long.MIN_VALUE : c.date().toEpochDay());
                out.writeLong(c.crawlDate() == null ? Long.MIN_VALUE : c.crawlDate().toEpochDay());
                out.writeUTF(c.contentHash());
                out.writeUTF(c.headlineHash() == null ? "\0" : c.headlineHash());
                out.writeInt(c.bodyLength());
                out.writeBoolean(c.complete());
                out.writeInt(c.minHash().shingles());
                out.write(c.minHash().toBytes());
            }
        }
    }

    private static List<IndexedCopy> read(Path file) throws IOException {
        try (java.io.DataInputStream in = new java.io.DataInputStream(
                new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(file)))) {
            int n = in.readInt();
            List<IndexedCopy> out = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String source = in.readUTF();
                long menafn = in.readLong();
                long kuna = in.readLong();
                boolean providerKuna = in.readBoolean();
                IndexedCopy.Origin origin = IndexedCopy.Origin.values()[in.readInt()];
                long date = in.readLong();
                long crawl = in.readLong();
                String content = in.readUTF();
                String headline = in.readUTF();
                int bodyLength = in.readInt();
                boolean complete = in.readBoolean();
                int shingles = in.readInt();
                byte[] sig = new byte[MinHash.HASHES * 4];
                in.readFully(sig);
                out.add(new IndexedCopy(source, null, menafn == Long.MIN_VALUE ? null : menafn,
                        kuna == Long.MIN_VALUE ? null : kuna, providerKuna, origin,
                        date == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(date),
                        crawl == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(crawl), content,
                        headline.equals("\0") ? null : headline, bodyLength, complete,
                        MinHash.fromBytes(sig, shingles)));
            }
            return out;
        }
    }

    private static void run(List<IndexedCopy> copies, int round) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:mem:harness" + round + ";DB_CLOSE_DELAY=-1");
        ds.setUser("sa");
        Flyway.configure().dataSource(ds).load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        ChunkDedupIndex index = new ChunkDedupIndex(jdbc);
        Timed timed = new Timed(index);
        Deduplicator dedup = new Deduplicator(timed);
        long digest = 17;
        long start = THREADS.getCurrentThreadCpuTime();
        long addNanos = 0;
        for (int at = 0; at < copies.size(); at += 250) {
            List<IndexedCopy> chunk = copies.subList(at, Math.min(copies.size(), at + 250));
            long[] out = new long[2];
            tx.executeWithoutResult(status -> {
                index.begin(chunk);
                long h = 0;
                long t0 = THREADS.getCurrentThreadCpuTime();
                for (IndexedCopy c : chunk) {
                    DedupDecision d = dedup.add(c);
                    h = h * 31 + d.toString().hashCode();
                }
                out[1] = THREADS.getCurrentThreadCpuTime() - t0;
                index.flush();
                out[0] = h;
            });
            digest = digest * 1_000_003 + out[0];
            addNanos += out[1];
        }
        long total = THREADS.getCurrentThreadCpuTime() - start;
        System.out.printf("round %d: loop %d ms cpu, Deduplicator.add %d ms, findSimilar %d ms (%d calls, %.1f us"
                + " each),"
                + " decisions digest %x%n", round, total / 1_000_000, addNanos / 1_000_000, timed.nanos / 1_000_000,
                timed.calls, timed.nanos / 1000.0 / Math.max(1, timed.calls), digest);
        try {
            jdbc.execute("SHUTDOWN");
        } catch (RuntimeException closed) {
            // the connection closed under the statement: the database is gone, as wanted
        }
    }

    /** The index, with the thread CPU of {@code findSimilar} added up. */
    private static final class Timed implements DedupIndex {
        final DedupIndex d;
        long nanos;
        long calls;

        Timed(DedupIndex d) {
            this.d = d;
        }

        @Override
        public List<IndexedCopy> findSimilar(MinHash signature, LocalDate from, LocalDate to, double minSimilarity) {
            long t0 = THREADS.getCurrentThreadCpuTime();
            List<IndexedCopy> out = d.findSimilar(signature, from, to, minSimilarity);
            nanos += THREADS.getCurrentThreadCpuTime() - t0;
            calls++;
            return out;
        }

        @Override
        public List<IndexedCopy> findByMenafnNo(long articleNo) {
            return d.findByMenafnNo(articleNo);
        }

        @Override
        public List<IndexedCopy> findByKunaId(long kunaId) {
            return d.findByKunaId(kunaId);
        }

        @Override
        public List<IndexedCopy> findByContentHash(String contentHash, LocalDate from, LocalDate to) {
            return d.findByContentHash(contentHash, from, to);
        }

        @Override
        public List<IndexedCopy> findByHeadlineHash(String headlineHash, LocalDate from, LocalDate to) {
            return d.findByHeadlineHash(headlineHash, from, to);
        }

        @Override
        public List<IndexedCopy> findByBands(long[] bands, LocalDate from, LocalDate to) {
            return d.findByBands(bands, from, to);
        }

        @Override
        public Optional<IndexedCopy> canonical(String articleKey) {
            return d.canonical(articleKey);
        }

        @Override
        public Optional<IndexedCopy> findBySource(String source) {
            return d.findBySource(source);
        }

        @Override
        public void add(IndexedCopy copy) {
            d.add(copy);
        }

        @Override
        public void setCanonical(String articleKey, String source) {
            d.setCanonical(articleKey, source);
        }

        @Override
        public void rekey(String oldKey, String newKey) {
            d.rekey(oldKey, newKey);
        }
    }
}
