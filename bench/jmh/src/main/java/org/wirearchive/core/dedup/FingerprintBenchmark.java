package org.wirearchive.core.dedup;

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
import org.wirearchive.bench.Corpus;
import org.wirearchive.core.article.Article;

/**
 * Fingerprinting one article for dedup. In core's package (on the class path, not a module) to reach the
 * package-private pieces {@link ComparisonForm} and {@link MinHash#ofComparisonForm}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseParallelGC"})
@State(Scope.Thread)
public class FingerprintBenchmark {

    private List<Article> articles;
    private List<String> comparisonForms;
    private List<MinHash> signatures;
    private int i;

    @Setup(Level.Trial)
    public void setUp() {
        articles = Corpus.articles();
        comparisonForms = articles.stream().map(a -> ComparisonForm.of(a.body())).toList();
        signatures = comparisonForms.stream().map(MinHash::ofComparisonForm).toList();
    }

    /** Everything the index stores about a copy: comparison forms, two SHA-256, the MinHash. */
    @Benchmark
    public IndexedCopy indexedCopyOf() {
        return IndexedCopy.of(articles.get(Math.floorMod(i++, articles.size())));
    }

    @Benchmark
    public String comparisonForm() {
        return ComparisonForm.of(articles.get(Math.floorMod(i++, articles.size())).body());
    }

    /** 96 hashes over the 3-word shingles of a comparison form. */
    @Benchmark
    public MinHash minHash() {
        return MinHash.ofComparisonForm(comparisonForms.get(Math.floorMod(i++, comparisonForms.size())));
    }

    @Benchmark
    public long[] bands() {
        return signatures.get(Math.floorMod(i++, signatures.size())).bands();
    }

    /** Verifying one candidate: the share of equal signature positions. */
    @Benchmark
    public double similarity() {
        int k = i++;
        MinHash a = signatures.get(Math.floorMod(k, signatures.size()));
        return a.similarity(signatures.get(Math.floorMod(k + 1, signatures.size())));
    }

    /** Round trip through the stored form (what a database-backed index does per candidate). */
    @Benchmark
    public MinHash toBytesFromBytes() {
        MinHash m = signatures.get(Math.floorMod(i++, signatures.size()));
        return MinHash.fromBytes(m.toBytes(), m.shingles());
    }
}
