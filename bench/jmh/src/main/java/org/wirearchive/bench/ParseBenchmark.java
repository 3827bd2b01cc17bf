package org.wirearchive.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.extract.ArticleExtractor;
import org.wirearchive.core.extract.FileParser;
import org.wirearchive.core.format.InputDocument;

/** Parsing one page: bytes to an article ({@link ArticleExtractor}), and file to outcomes ({@link FileParser}). */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g", "-XX:+UseParallelGC"})
@State(Scope.Thread)
public class ParseBenchmark {

    private final ArticleExtractor extractor = new ArticleExtractor();
    private final FileParser fileParser = new FileParser();
    private List<InputDocument> all;
    private List<InputDocument> menafnText;
    private List<Path> files;
    private Path dir;
    private int i;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        all = Corpus.documents(false);
        menafnText = Corpus.documents(true);
        dir = Files.createTempDirectory("wirearchive-jmh");
        files = Corpus.writeArchive(dir);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Corpus.delete(dir);
    }

    /** One page of any layout (MENAFN text, KUNA, saved HTML, bad files), round robin over the corpus. */
    @Benchmark
    public ParseOutcome extractAnyLayout() {
        return extractor.extract(all.get(Math.floorMod(i++, all.size())));
    }

    /** One MENAFN plain-text page (the bulk of the archive). */
    @Benchmark
    public ParseOutcome extractMenafnText() {
        return extractor.extract(menafnText.get(Math.floorMod(i++, menafnText.size())));
    }

    /** One file from a warm page cache: open, read, gunzip if needed, extract (what the ingest's processor calls). */
    @Benchmark
    public List<ParseOutcome> fileParser() {
        Path f = files.get(Math.floorMod(i++, files.size()));
        return fileParser.parse(f, f.toString());
    }
}
