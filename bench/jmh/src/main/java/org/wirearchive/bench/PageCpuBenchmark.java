package org.wirearchive.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.wirearchive.core.article.Article;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.dedup.IndexedCopy;
import org.wirearchive.core.extract.ArticleExtractor;
import org.wirearchive.core.format.InputDocument;

/**
 * CPU per page of what the ingest's parse threads do to a page, in two separate parts, on the generated corpus
 * ({@link Corpus}: every layout, round robin):
 * <ul>
 *   <li>{@code parse}: the page's bytes to an {@link Article} ({@link ArticleExtractor#extract});</li>
 *   <li>{@code fingerprint}: an extracted article to what the dedup index stores ({@link IndexedCopy#of}: comparison
 *       forms, body and headline SHA-256, MinHash of the 3-word shingles).</li>
 * </ul>
 * Besides JMH's wall time per operation ({@code avgt}), each benchmark prints the benchmark thread's own CPU time per
 * page ({@code cpu per page: X µs}, from {@link ThreadMXBean#getCurrentThreadCpuTime}), which a busy machine does not
 * inflate as much: that is the number the target (parse + fingerprint ≤ 150 µs of CPU per page) is read against.
 * {@code fingerprint} runs over the pages the parser accepts (the rejected ones have nothing to fingerprint).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseParallelGC"})
@State(Scope.Thread)
public class PageCpuBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ArticleExtractor extractor = new ArticleExtractor();
    private List<InputDocument> pages;
    private List<Article> articles;
    private int i;

    /**
     * The benchmark thread's CPU time over the measurement iterations (warm-up excluded), divided by the pages of
     * those iterations; printed at the end of the trial as {@code cpu per page: X µs}.
     */
    @State(Scope.Thread)
    public static class CpuPerPage {
        long pages;
        private boolean measuring;
        private long startNanos;
        private long cpuNanos;
        private long measuredPages;

        @Setup(Level.Iteration)
        public void start(IterationParams params) {
            measuring = params.getType() == IterationType.MEASUREMENT;
            pages = 0;
            startNanos = THREADS.getCurrentThreadCpuTime();
        }

        @TearDown(Level.Iteration)
        public void stop() {
            if (measuring) {
                cpuNanos += THREADS.getCurrentThreadCpuTime() - startNanos;
                measuredPages += pages;
            }
        }

        @TearDown(Level.Trial)
        public void report(BenchmarkParams params) {
            System.out.printf("%ncpu per page: %.1f µs (%s: %d pages, the benchmark thread's CPU time over the"
                    + " measurement iterations)%n", cpuNanos / 1000.0 / Math.max(1, measuredPages),
                    params.getBenchmark(), measuredPages);
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        pages = Corpus.documents(false);
        articles = Corpus.articles();
    }

    @Benchmark
    public ParseOutcome parse(CpuPerPage cpu) {
        cpu.pages++;
        return extractor.extract(pages.get(Math.floorMod(i++, pages.size())));
    }

    @Benchmark
    public IndexedCopy fingerprint(CpuPerPage cpu) {
        cpu.pages++;
        return IndexedCopy.of(articles.get(Math.floorMod(i++, articles.size())));
    }
}
