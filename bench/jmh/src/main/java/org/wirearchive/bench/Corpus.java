package org.wirearchive.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.wirearchive.core.article.Article;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.extract.ArticleExtractor;
import org.wirearchive.core.format.InputDocument;
import org.wirearchive.core.generate.ArchiveGenerator;
import org.wirearchive.core.generate.GeneratedPage;
import org.wirearchive.core.generate.GeneratorSpec;

/**
 * Benchmark inputs made by the project's generator (the same pages as {@code wirearchive generate}, about 2 KB of
 * body each, every layout, duplicates and bad files included), so the micro-benchmarks see what the ingest sees.
 */
public final class Corpus {

    /** Pages per corpus: enough to defeat branch prediction on a single page, small enough to stay in cache. */
    public static final int PAGES = 512;
    public static final long SEED = 7;

    private Corpus() {
    }

    /** The generated pages, uncompressed ones only (a {@code .gz} page is tested through {@code FileParser}). */
    public static List<InputDocument> documents(boolean menafnTextOnly) {
        List<InputDocument> docs = new ArrayList<>();
        Iterator<GeneratedPage> pages = new ArchiveGenerator().pages(spec(Path.of("unused")));
        while (pages.hasNext()) {
            GeneratedPage p = pages.next();
            if (p.file().endsWith(".gz") || (menafnTextOnly && !p.file().endsWith(".txt"))) {
                continue;
            }
            docs.add(InputDocument.of(p.file(), p.content()));
        }
        return docs;
    }

    /** The articles the parser extracts from {@link #documents}: the inputs of normalization and fingerprinting. */
    public static List<Article> articles() {
        ArticleExtractor extractor = new ArticleExtractor();
        List<Article> out = new ArrayList<>();
        for (InputDocument d : documents(false)) {
            if (extractor.extract(d) instanceof ParseOutcome.Parsed p) {
                out.add(p.article());
            }
        }
        return out;
    }

    /** Writes the archive to a new temporary directory and lists its files, sorted. */
    public static List<Path> writeArchive(Path dir) {
        try {
            GeneratorSpec spec = spec(dir);
            new ArchiveGenerator().generate(spec);
            try (Stream<Path> s = Files.walk(spec.archiveDir())) {
                return s.filter(Files::isRegularFile).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void delete(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static GeneratorSpec spec(Path out) {
        return GeneratorSpec.of(PAGES, out, SEED);
    }
}
