package org.wirearchive.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk on several threads lists what the sequential walk lists, in the same order, and fails where it fails. */
class ParallelWalkTest {

    @TempDir
    Path dir;

    private Path file(String relative, String content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        return p;
    }

    private static void sh(String script, Path in) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).directory(in.toFile()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }

    /** Both walks on 1 (sequential), 2 and 5 threads: equal listings, skipped paths in the same order. */
    private static InputTree.Listing sameOnEveryThreadCount(List<Path> inputs, List<Path> excluded) {
        InputTree.Listing sequential = InputTree.scan(inputs, excluded, 1);
        for (int threads : new int[] {2, 5}) {
            InputTree.Listing parallel = InputTree.scan(inputs, excluded, threads);
            assertThat(parallel.files()).as("files on %d threads", threads).isEqualTo(sequential.files());
            assertThat(parallel.files()).extracting(InputFile::name)
                    .isEqualTo(sequential.files().stream().map(InputFile::name).toList());
            assertThat(parallel.skipped()).as("skipped on %d threads", threads).isEqualTo(sequential.skipped());
        }
        return sequential;
    }

    @Test
    void aTreeWithOddNamesHiddenFilesLinksAndSpecialFilesGivesTheSameListing() throws Exception {
        // a directory of more entries than one task takes, with subdirectories among them
        for (int i = 0; i < ParallelWalk.SLICE * 2 + 37; i++) {
            file(String.format(java.util.Locale.ROOT, "in/big/%05d.txt", i), "p" + i);
            if (i % 97 == 0) {
                file(String.format(java.util.Locale.ROOT, "in/big/%05d.d/inner.txt", i), "q" + i);
            }
        }
        file("in/page.txt", "p");
        file("in/.hidden.txt", "h");
        file("in/.git/objects/x.txt", "x");
        file("in/reports/run_summary.csv", "run_id");
        file("in/reports/articles.csv", "article_key");
        file("in/reports/other.txt", "read");
        file("in/a b/ç é ü.txt", "u");
        file("in/العربية/خبر.txt", "ar");
        file("in/a-/x.txt", "1");
        file("in/a/x.txt", "2");
        file("in/a.txt", "3");
        file("in/out/2026-01-01/summary.json", "{}");
        file("in/data/wirearchive.mv.db", "db");
        Path odd = Files.createDirectories(dir.resolve("in/odd"));
        // Latin-1 bytes, a control character, a literal backslash-x name that escapes to the same text as a byte
        sh("printf x > \"$(printf 'caf\\351.txt')\"; printf y > \"$(printf 'tab\\there.txt')\"; "
                + "printf z > 'caf\\xE9.txt'; mkdir \"$(printf 'd\\377ir')\"; printf w > \"$(printf 'd\\377ir/in.txt')\"; "
                + "mkfifo pipe.txt", odd);
        Path real = file("in/links/real/a.txt", "a");
        Files.createSymbolicLink(dir.resolve("in/links/real/a-link.txt"), real);
        Files.createSymbolicLink(dir.resolve("in/links/dir-link"), dir.resolve("in/links/real"));
        Files.createSymbolicLink(dir.resolve("in/links/dangling.txt"), dir.resolve("no/such/file"));
        Files.createSymbolicLink(dir.resolve("in/links/real/loop"), dir.resolve("in/links"));
        Files.createSymbolicLink(dir.resolve("in/links/outside"), Files.createDirectories(dir.resolve("else")));
        file("else/e.txt", "e");
        Files.createLink(dir.resolve("in/links/real/a-hard.txt"), real);

        InputTree.Listing listing = sameOnEveryThreadCount(
                List.of(dir.resolve("in"), dir.resolve("else"), dir.resolve("in/a")),
                List.of(dir.resolve("in/out"), dir.resolve("in/data")));

        assertThat(listing.files()).extracting(InputFile::name).contains(
                InputTree.nameOf(dir) + "/in/odd/caf\\xE9.txt", InputTree.nameOf(dir) + "/in/odd/tab\there.txt",
                InputTree.nameOf(dir) + "/in/odd/d\\xFFir/in.txt", InputTree.nameOf(dir) + "/in/big/00097.d/inner.txt");
        assertThat(listing.files()).hasSize(2 * ParallelWalk.SLICE + 37 + 6 + 14); // big/, its 6 subdirectories, 14 others
        assertThat(listing.skipped()).extracting(s -> s.reason().code()).contains("hidden", "report-file",
                "dangling-symlink", "special-file", "symlink-loop", "output-or-data-directory");
        // sorted by name, as String.compareTo
        List<String> names = listing.files().stream().map(InputFile::name).toList();
        assertThat(names).isSortedAccordingTo(String::compareTo);
    }

    @Test
    void aFileInputAHiddenInputAndOverlappingInputsGiveTheSameListing() throws Exception {
        Path single = file("one/p.txt", "p");
        file(".hidden-input/q.txt", "q");
        file("two/sub/r.txt", "r");
        sameOnEveryThreadCount(List.of(single, dir.resolve(".hidden-input"), dir.resolve("two"),
                dir.resolve("two/sub"), single), List.of());
    }

    @Test
    void anUnreadableDirectoryFailsBothWalksNamingIt() throws Exception {
        file("in/a.txt", "a");
        for (int i = 0; i < 40; i++) {
            file("in/m" + i + "/f.txt", "f");
        }
        Path locked = file("in/m7/locked/inner.txt", "x").getParent();
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            assumeThat(Files.isReadable(locked)).as("not as root: root reads every directory").isFalse();
            for (int threads : new int[] {1, 2, 5}) {
                assertThatThrownBy(() -> InputTree.scan(List.of(dir.resolve("in")), List.of(), threads))
                        .isInstanceOfSatisfying(InputPathException.class, e -> {
                            assertThat(e.path()).isEqualTo(locked);
                            assertThat(e.problem()).isEqualTo(InputPathException.Problem.UNREADABLE);
                        });
            }
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
