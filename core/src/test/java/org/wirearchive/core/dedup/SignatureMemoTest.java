package org.wirearchive.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirearchive.core.article.Article;
import org.wirearchive.core.generate.GeneratorSpec;
import org.wirearchive.core.generate.ParsedArchive;

/**
 * The memo of signatures changes no description: on the articles the real parser reads from a generated archive
 * (whose bodies repeat, as an archive's do), every copy described with a memo, small or large, shared by two threads
 * or not, equals the copy described without one.
 */
class SignatureMemoTest {

    @TempDir
    static Path tmp;

    static List<Article> articles;

    @BeforeAll
    static void parse() throws IOException {
        articles = new ArrayList<>();
        for (ParsedArchive.ParsedPage p : ParsedArchive.generateAndParse(GeneratorSpec.of(800, tmp.resolve("gen"), 11))) {
            if (p.article() != null) {
                articles.add(p.article());
            }
        }
    }

    @Test
    @DisplayName("the archive's bodies repeat: the memo answers them, with the signature a computation gives")
    void repeatsAreRemembered() {
        Set<String> forms = new HashSet<>();
        SignatureMemo memo = new SignatureMemo(10_000);
        int repeats = 0;
        for (Article a : articles) {
            String form = ComparisonForm.of(a.body());
            IndexedCopy plain = IndexedCopy.of(a);
            MinHash first = memo.signature(plain.contentHash(), form);
            assertThat(first).isEqualTo(plain.minHash());
            if (!forms.add(form)) {
                repeats++;
            }
            assertThat(memo.signature(plain.contentHash(), form)).as("remembered").isSameAs(first);
        }
        assertThat(repeats).as("bodies met again").isGreaterThan(articles.size() / 10);
        assertThat(memo.size()).isEqualTo(forms.size());
    }

    @Test
    @DisplayName("with a memo of any size every copy is described as without one")
    void sameDescriptions() {
        for (int capacity : new int[] {1, 7, 64, 100_000}) {
            SignatureMemo memo = new SignatureMemo(capacity);
            for (Article a : articles) {
                assertThat(IndexedCopy.of(a, memo)).isEqualTo(IndexedCopy.of(a));
            }
            assertThat(memo.size()).isLessThanOrEqualTo(capacity);
        }
        assertThatThrownBy(() -> new SignatureMemo(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("least recently used out first")
    void leastRecentlyUsedOut() {
        SignatureMemo memo = new SignatureMemo(2);
        MinHash a = memo.signature("a", "one two three four");
        memo.signature("b", "five six seven eight");
        assertThat(memo.signature("a", "one two three four")).isSameAs(a); // a used again: b is now the eldest
        memo.signature("c", "nine ten eleven twelve");
        assertThat(memo.signature("a", "one two three four")).isSameAs(a);
        assertThat(memo.size()).isEqualTo(2);
        MinHash b = memo.signature("b", "five six seven eight");
        assertThat(b).isEqualTo(MinHash.ofComparisonForm("five six seven eight")); // computed again
    }

    @Test
    @DisplayName("two threads sharing one memo describe every copy as one thread without a memo")
    void sharedByTwoThreads() throws Exception {
        List<IndexedCopy> expected = articles.stream().map(IndexedCopy::of).toList();
        SignatureMemo memo = new SignatureMemo(50);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<IndexedCopy>>> runs = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                runs.add(pool.submit(() -> articles.stream().map(a -> IndexedCopy.of(a, memo)).toList()));
            }
            for (Future<List<IndexedCopy>> run : runs) {
                assertThat(run.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
