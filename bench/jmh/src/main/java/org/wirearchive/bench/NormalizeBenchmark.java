package org.wirearchive.bench;

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
import org.wirearchive.core.article.Article;
import org.wirearchive.core.normalize.Mojibake;
import org.wirearchive.core.normalize.TextNormalizer;

/** The normalizer on one extracted article body (about 2 KB) or headline. */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseParallelGC"})
@State(Scope.Thread)
public class NormalizeBenchmark {

    private List<String> bodies;
    private List<String> headlines;
    private int i;

    @Setup(Level.Trial)
    public void setUp() {
        List<Article> articles = Corpus.articles();
        bodies = articles.stream().map(Article::body).toList();
        headlines = articles.stream().map(a -> a.headline() == null ? "" : a.headline()).toList();
    }

    /** The stored body form: NFC, lines cleaned, hard wraps joined. */
    @Benchmark
    public String normalizeBody() {
        return TextNormalizer.normalizeBody(bodies.get(Math.floorMod(i++, bodies.size())));
    }

    /** The comparison form of a body (the input of the content hash and the MinHash). */
    @Benchmark
    public String slugKey() {
        return TextNormalizer.slugKey(bodies.get(Math.floorMod(i++, bodies.size())));
    }

    @Benchmark
    public String headlineSlugKey() {
        return TextNormalizer.headlineSlugKey(headlines.get(Math.floorMod(i++, headlines.size())));
    }

    @Benchmark
    public String repairCurlyQuotes() {
        return Mojibake.repairCurlyQuotes(bodies.get(Math.floorMod(i++, bodies.size())));
    }

    /** SHA-256 hex of a body (the content hash). */
    @Benchmark
    public String sha256Hex() {
        return TextNormalizer.sha256Hex(bodies.get(Math.floorMod(i++, bodies.size())));
    }
}
