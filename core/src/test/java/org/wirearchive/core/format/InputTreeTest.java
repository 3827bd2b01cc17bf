package org.wirearchive.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputTreeTest {

    @TempDir
    Path dir;

    private Path file(String relative, String content) throws IOException {
        Path p = dir.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, java.nio.charset.StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void listsEveryRegularFileRecursivelyInPathStringOrder() throws IOException {
        file("b/z.txt", "z");
        file("a.txt", "aa");
        file("B.txt", "bbb");
        file("b/a/deep.txt.gz", "d");
        file("a/x.zip", "x");
        file("é.txt", "e");
        Files.createDirectories(dir.resolve("empty/dir"));

        List<InputFile> files = InputTree.list(dir);

        String root = InputTree.nameOf(dir) + "/";
        assertThat(files).extracting(InputFile::name).containsExactly(root + "B.txt", root + "a.txt",
                root + "a/x.zip", root + "b/a/deep.txt.gz", root + "b/z.txt", root + "é.txt");
        assertThat(files.get(1).size()).isEqualTo(2);
        assertThat(files.get(0).path()).isEqualTo(dir.resolve("B.txt"));
    }

    @Test
    void recordsSizeAndModificationTime() throws IOException {
        Path f = file("p.txt", "12345");
        Instant mtime = Instant.parse("2024-03-03T10:15:30Z");
        Files.setLastModifiedTime(f, FileTime.from(mtime));

        InputFile only = InputTree.list(f).get(0);

        assertThat(only.path()).isEqualTo(f);
        assertThat(only.size()).isEqualTo(5);
        assertThat(only.lastModified()).isEqualTo(mtime);
    }

    @Test
    void filesAndDirectoriesMixAndOverlapsAreListedOnce() throws IOException {
        Path a = file("in/a.txt", "a");
        file("in/b.txt", "b");
        Path c = file("other/c.txt", "c");

        List<InputFile> files = InputTree.list(List.of(c, dir.resolve("in"), a));

        assertThat(files).extracting(f -> f.path().getFileName().toString()).containsExactly("a.txt", "b.txt",
                "c.txt");
    }

    @Test
    void theOrderDoesNotDependOnTheOrderOfTheInputs() throws IOException {
        file("x/1.txt", "1");
        file("y/2.txt", "2");
        assertThat(InputTree.list(dir.resolve("y"), dir.resolve("x")))
                .isEqualTo(InputTree.list(dir.resolve("x"), dir.resolve("y")));
    }

    @Test
    void relativeInputsGiveRelativePaths() throws IOException {
        Path rel = Path.of("").toAbsolutePath().relativize(file("r/page.txt", "p"));
        List<InputFile> files = InputTree.list(rel);
        assertThat(files).hasSize(1);
        assertThat(files.get(0).path().isAbsolute()).isFalse();
        assertThat(files.get(0).name()).endsWith("r/page.txt");
    }

    @Test
    void aMissingPathIsATypedExceptionNamingIt() throws IOException {
        file("ok.txt", "o");
        Path missing = dir.resolve("no/such/dir");

        assertThatThrownBy(() -> InputTree.list(dir, missing))
                .isInstanceOfSatisfying(InputPathException.class, e -> {
                    assertThat(e.path()).isEqualTo(missing);
                    assertThat(e.problem()).isEqualTo(InputPathException.Problem.MISSING);
                    assertThat(e.getMessage()).isEqualTo("input path does not exist: " + missing);
                });
    }

    @Test
    void anEmptyDirectoryListsNothing() throws IOException {
        Files.createDirectories(dir.resolve("e"));
        assertThat(InputTree.list(dir.resolve("e"))).isEmpty();
    }

    @Test
    void symbolicLinkLoopsAreSkipped() throws IOException {
        file("loop/a.txt", "a");
        try {
            Files.createSymbolicLink(dir.resolve("loop/back"), dir.resolve("loop"));
        } catch (UnsupportedOperationException | IOException e) {
            return; // no symlinks here: nothing to test
        }
        assertThat(InputTree.list(dir.resolve("loop"))).extracting(f -> f.path().getFileName().toString())
                .containsExactly("a.txt");
    }

    @Test
    void everySkippedPathIsReturnedWithItsReason() throws Exception {
        file("in/page.txt", "p");
        file("in/.hidden.txt", "h");
        file("in/.git/objects/x.txt", "x");
        file("in/reports/run_summary.csv", "run_id");
        file("in/reports/articles.csv", "article_key");
        file("in/reports/other.txt", "a page beside the reports is read");
        Files.createSymbolicLink(dir.resolve("in/dangling.txt"), dir.resolve("no/such/target"));
        mkfifo(dir.resolve("in/pipe.txt"));
        file("in/out/2026-01-01/summary.json", "{}");
        file("in/data/wirearchive.mv.db", "db");

        InputTree.Listing listing = InputTree.scan(List.of(dir.resolve("in")),
                List.of(dir.resolve("in/out"), dir.resolve("in/data")));

        String in = InputTree.nameOf(dir.resolve("in")) + "/";
        assertThat(listing.files()).extracting(InputFile::name)
                .containsExactly(in + "page.txt", in + "reports/other.txt");
        assertThat(listing.skipped()).extracting(sk -> sk.name().substring(in.length()) + " " + sk.reason().code())
                .containsExactlyInAnyOrder(".hidden.txt hidden", ".git hidden", "reports/run_summary.csv report-file",
                        "reports/articles.csv report-file", "dangling.txt dangling-symlink", "pipe.txt special-file",
                        "out output-or-data-directory", "data output-or-data-directory");
        assertThat(InputTree.hasFiles(List.of(dir.resolve("in")), List.of())).isTrue();
    }

    @Test
    void anInputThatHoldsOnlySkippedPathsHasNoFiles() throws Exception {
        file("share/.snapshot/a.txt", "a");
        file("share/out/2026-01-01/articles.csv", "x");
        assertThat(InputTree.hasFiles(List.of(dir.resolve("share")), List.of(dir.resolve("share/out")))).isFalse();
        assertThat(InputTree.hasFiles(List.of(dir.resolve("share")), List.of())).isTrue();
    }

    @Test
    void aHiddenInputGivenByNameIsRead() throws IOException {
        Path hidden = file(".archive/a.txt", "a");
        assertThat(InputTree.list(dir.resolve(".archive"))).extracting(InputFile::path).containsExactly(hidden);
        assertThat(InputTree.list(hidden)).hasSize(1);
    }

    @Test
    void aNameThatIsNotValidUtf8IsListedEscaped() throws Exception {
        file("bad/ok.txt", "o");
        // a Latin-1 byte (0xE9) in a name: not valid UTF-8, so no Java string names it
        run("printf x > \"$(printf 'caf\\351.txt')\"; printf y > \"$(printf 'gr\\303\\274n.txt')\"", dir.resolve("bad"));

        List<InputFile> files = InputTree.list(dir.resolve("bad"));

        String bad = InputTree.nameOf(dir.resolve("bad")) + "/";
        InputFile latin1 = files.stream().filter(f -> f.name().contains("caf")).findFirst().orElseThrow();
        assertThat(latin1.name()).isEqualTo(bad + "caf\\xE9.txt");
        assertThat(latin1.opensByName()).isFalse();
        assertThat(latin1.size()).isEqualTo(1);
        // a valid UTF-8 name opens by name when the file-name encoding is UTF-8, and is shown as itself either way
        InputFile utf8 = files.stream().filter(f -> f.name().contains("gr")).findFirst().orElseThrow();
        assertThat(utf8.name()).isEqualTo(bad + "gr\u00fcn.txt");
        assertThat(utf8.opensByName()).isEqualTo("UTF-8".equals(System.getProperty("sun.jnu.encoding")));
    }

    @Test
    void escapingKeepsValidUtf8AndControlCharactersVisible() {
        assertThat(PathNames.escape("caf\u00e9".getBytes(java.nio.charset.StandardCharsets.UTF_8))).isEqualTo("caf\u00e9");
        assertThat(PathNames.escape(new byte[] {'a', (byte) 0xE9, 'b', (byte) 0xC3})).isEqualTo("a\\xE9b\\xC3");
        assertThat(PathNames.escape(new byte[] {'a', '\n', 'b'})).isEqualTo("a\\x0Ab");
    }

    private static void mkfifo(Path p) throws Exception {
        run("mkfifo '" + p.getFileName() + "'", p.getParent());
    }

    private static void run(String script, Path in) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).directory(in.toFile()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }

    @Test
    void aFileReachedThroughSymbolicLinksIsListedOnceAndAHardLinkIsItsOwnInput() throws IOException {
        Path a = file("real/a.txt", "a");
        file("real/sub/b.txt", "b");
        try {
            Files.createSymbolicLink(dir.resolve("links"), dir.resolve("real/sub")); // a linked directory
            Files.createSymbolicLink(dir.resolve("real/a-link.txt"), a); // a linked file beside its target
            Files.createLink(dir.resolve("real/a-hard.txt"), a); // a second name of the same file: its own input
        } catch (UnsupportedOperationException | IOException e) {
            return; // no links here: nothing to test
        }

        List<InputFile> files = InputTree.list(dir.resolve("real"), dir.resolve("links"));

        // a.txt and a-link.txt are one file: whichever the walk meets first is listed
        List<String> names = files.stream().map(f -> dir.relativize(f.path()).toString().replace('\\', '/')).toList();
        assertThat(names).hasSize(3).contains("real/a-hard.txt", "real/sub/b.txt");
        assertThat(names.get(1)).isIn("real/a.txt", "real/a-link.txt");
    }
    @Test
    void namesWithCharactersBeforeTheSeparatorAreInPathStringOrder() throws IOException {
        // '-', '.', ' ', '!' sort before '/': "b-c/y" comes before "b/x" in the path strings, though "b" < "b-c"
        String[] names = {"b/x.txt", "b-c/y.txt", "b.d/z.txt", "b c/w.txt", "b!/v.txt", "b/a/deep.txt", "b-/u.txt",
            "b.txt", "b/-.txt", "b/ .txt", "bé/t.txt", "b\u00e9.txt", "b\u0645/s.txt", "b\uD83D\uDE00/r.txt",
            "a b/q.txt", "a/b-/p.txt", "a/b/o.txt", "a/b.x/n.txt", "a/b!x", "A/m.txt", "-/l.txt", "!.txt", "0/k.txt"};
        List<String> listed = listedAgainstSortedNames("t", names);
        String t = InputTree.nameOf(dir.resolve("t")) + "/";
        assertThat(listed.indexOf(t + "b-c/y.txt")).isLessThan(listed.indexOf(t + "b/x.txt"));
        assertThat(listed.indexOf(t + "b.txt")).isLessThan(listed.indexOf(t + "b/-.txt"));
    }

    @Test
    void aListingInAnyOrderHasScansFilesAndSkippedPathsAndSortsToScansOrder() throws Exception {
        // names that sort around the separator, at several depths, and skipped paths among them
        String[] names = {"b/x.txt", "b-c/y.txt", "b.d/z.txt", "b c/w.txt", "b!/v.txt", "b/a/deep.txt", "b-/u.txt",
            "b.txt", "b/-.txt", "b\u00e9.txt", "a/b-/p.txt", "a/b/o.txt", "a/b.x/n.txt", "A/m.txt", "!.txt",
            "b-c/reports/page.txt"};
        for (String n : names) {
            file("t/" + n, n);
        }
        file("t/.hidden.txt", "h");
        file("t/b/.git/objects/x.txt", "x");
        file("t/b-c/reports/run_summary.csv", "run_id");
        file("t/b-c/reports/articles.csv", "article_key");
        file("t/out/2026-01-01/summary.json", "{}");
        file("t/b/out.txt", "a page named like the excluded directory");
        mkfifo(dir.resolve("t/a/b/pipe"));
        List<Path> in = List.of(dir.resolve("t"));
        List<Path> excluded = List.of(dir.resolve("t/out"));

        InputTree.Listing scanned = InputTree.scan(in, excluded);
        InputTree.Listing any = InputTree.scanInAnyOrder(in, excluded);

        assertThat(scanned.ordered()).isTrue();
        assertThat(any.ordered()).isFalse();
        assertThat(scanned.files()).hasSize(names.length + 1);
        assertThat(any.skipped()).hasSize(6).containsExactlyElementsOf(scanned.skipped());
        List<InputFile> sorted = new ArrayList<>(any.files());
        InputTree.sortByName(sorted, InputFile::name);
        assertThat(sorted).containsExactlyElementsOf(scanned.files());
        // the reference: every file under the input but the skipped ones, its name sorted as a string
        String t = InputTree.nameOf(dir.resolve("t")) + "/";
        List<String> expected;
        try (var all = Files.walk(dir.resolve("t"))) {
            expected = all.filter(Files::isRegularFile).map(InputTree::nameOf)
                    .filter(n -> !n.contains("/.") && !n.startsWith(t + "out/") && !n.endsWith(".csv"))
                    .sorted().toList();
        }
        assertThat(sorted).extracting(InputFile::name).containsExactlyElementsOf(expected);
    }

    @Test
    void aListingInAnyOrderIsScanWhenTheOrderDecidesOrThereAreSeveralInputs() throws IOException {
        Path a = file("in/real/a.txt", "a");
        file("in/real/b.txt", "b");
        file("other/c.txt", "c");
        List<Path> one = List.of(dir.resolve("in"));
        assertThat(InputTree.scanInAnyOrder(one, List.of()).ordered()).isFalse();
        List<Path> two = List.of(dir.resolve("other"), dir.resolve("in"));
        assertThat(InputTree.scanInAnyOrder(two, List.of())).isEqualTo(InputTree.scan(two, List.of()));
        try {
            Files.createSymbolicLink(dir.resolve("in/a-link.txt"), a); // which of a.txt and a-link.txt is listed
        } catch (UnsupportedOperationException | IOException e) {
            return; // no links here
        }
        InputTree.Listing any = InputTree.scanInAnyOrder(one, List.of());
        assertThat(any.ordered()).isTrue();
        assertThat(any).isEqualTo(InputTree.scan(one, List.of()));
        assertThat(any.files()).hasSize(2);
    }

    /** A sink that records what it was handed, one line per file. */
    private static final class Recorded implements InputTree.FileSink {
        final List<String> lines = new ArrayList<>();

        @Override
        public void file(Path path, long size, java.nio.file.attribute.FileTime lastModified) {
            lines.add(InputTree.nameOf(path) + " " + size + " " + lastModified.toInstant());
        }
    }

    @Test
    void aSinkGetsEachFileOnceWithItsSizeAndTimeAndAWalkRedoneInNameOrderStartsANewSink() throws IOException {
        Path a = file("s/real/a.txt", "aaa");
        file("s/b.txt", "bb");
        file("s/real/deeper/c.txt", "c");
        Files.setLastModifiedTime(a, java.nio.file.attribute.FileTime.fromMillis(86_400_000L * 365 * 30 + 123));
        List<Path> in = List.of(dir.resolve("s"));
        List<String> expected = new ArrayList<>();
        for (InputFile f : InputTree.scan(in, List.of()).files()) { // the reference: the listing scan returns
            expected.add(f.name() + " " + Files.size(f.path()) + " " + Files.getLastModifiedTime(f.path()).toInstant());
        }
        List<Recorded> supplied = new ArrayList<>();
        InputTree.Scanned<Recorded> any = InputTree.scanInAnyOrder(in, List.of(), () -> {
            supplied.add(new Recorded());
            return supplied.get(supplied.size() - 1);
        });
        assertThat(any.ordered()).isFalse();
        assertThat(supplied).containsExactly(any.files());
        assertThat(any.files().lines).hasSize(3).containsExactlyInAnyOrderElementsOf(expected)
                .anyMatch(l -> l.endsWith("/s/real/a.txt 3 " + java.time.Instant.ofEpochMilli(86_400_000L * 365 * 30 + 123)));
        try {
            // a link met below the input: the walk in any order stops there and is redone in name order
            Files.createSymbolicLink(dir.resolve("s/real/a-link.txt"), a);
        } catch (UnsupportedOperationException | IOException e) {
            return; // no links here
        }
        expected.clear();
        for (InputFile f : InputTree.scan(in, List.of()).files()) {
            expected.add(f.name() + " " + f.size() + " " + f.lastModified());
        }
        supplied.clear();
        InputTree.Scanned<Recorded> redone = InputTree.scanInAnyOrder(in, List.of(), () -> {
            supplied.add(new Recorded());
            return supplied.get(supplied.size() - 1);
        });
        assertThat(redone.ordered()).isTrue();
        assertThat(supplied).hasSize(2).last().isSameAs(redone.files());
        assertThat(redone.files().lines).hasSize(3).containsExactlyElementsOf(expected);
    }

    @Test
    void aListingInAnyOrderWithNamesThatAreNotValidUtf8SortsToScansOrder() throws Exception {
        file("bad/ok.txt", "o");
        file("bad/sub/z.txt", "z");
        run("printf x > \"$(printf 'caf\\351.txt')\"; printf y > \"$(printf 'ca\\303\\251.txt')\"; "
                + "mkdir \"$(printf 'd\\377')\" && printf z > \"$(printf 'd\\377/in.txt')\"", dir.resolve("bad"));
        List<Path> in = List.of(dir.resolve("bad"));
        InputTree.Listing scanned = InputTree.scan(in, List.of());
        List<InputFile> sorted = new ArrayList<>(InputTree.scanInAnyOrder(in, List.of()).files());
        InputTree.sortByName(sorted, InputFile::name);
        assertThat(sorted).hasSize(5).containsExactlyElementsOf(scanned.files());
        assertThat(sorted).extracting(InputFile::name).isSorted();
    }

    @Test
    void comparingAfterASharedPrefixOrdersLikeCompareTo() {
        java.util.Random random = new java.util.Random(5);
        String alphabet = "ab-./ 0\u00e9\u0645\uD83D\uDE00\uFFFF";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder prefix = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                prefix.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String a = prefix + tail(random, alphabet);
            String b = random.nextInt(5) == 0 ? a + tail(random, alphabet) : prefix + tail(random, alphabet);
            String[] pair = random.nextBoolean() ? new String[] {a, b} : new String[] {b, a};
            assertThat(Integer.signum(InputTree.compareFrom(pair[0], pair[1], prefix.length())))
                    .as("%s vs %s from %d", pair[0], pair[1], prefix.length())
                    .isEqualTo(Integer.signum(pair[0].compareTo(pair[1])));
        }
    }

    private static String tail(java.util.Random random, String alphabet) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(4); i > 0; i--) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void namesThatShareMoreThanTheirDirectoryAreInPathStringOrder() throws IOException {
        // the entries' common prefix runs into the names ("report-2023-0"), and one name is a prefix of another
        String[] names = {"report-2023-01.txt", "report-2023-02.txt", "report-2023-01.txt.gz",
            "report-2023-0/x.txt", "report-2023-0-/y.txt", "report-2023-0\u00e9.txt"};
        listedAgainstSortedNames("p", names);
    }

    /**
     * Makes the files under {@code top}, lists them and checks the listing against the reference: every regular file,
     * its name sorted as strings. Returns the listing.
     */
    private List<String> listedAgainstSortedNames(String top, String[] names) throws IOException {
        for (String n : names) {
            file(top + "/" + n, n);
        }
        List<String> listed = InputTree.list(dir.resolve(top)).stream().map(InputFile::name).toList();
        List<String> expected;
        try (var all = Files.walk(dir.resolve(top))) {
            expected = all.filter(Files::isRegularFile).map(InputTree::nameOf).sorted().toList();
        }
        assertThat(expected).hasSize(names.length);
        assertThat(listed).containsExactlyElementsOf(expected);
        return listed;
    }

    @Test
    void aLinkMetAfterItsTargetWasListedDoesNotListItAgain() throws IOException {
        Path real = file("in/real/a.txt", "a");
        file("in/real/sub/b.txt", "b");
        file("in/c.txt", "c");
        try {
            Files.createSymbolicLink(dir.resolve("in/zz-dir"), dir.resolve("in/real/sub")); // after real/ in order
            Files.createSymbolicLink(dir.resolve("in/real/zz-file.txt"), real); // after a.txt in order
            Files.createSymbolicLink(dir.resolve("in-link"), dir.resolve("in")); // the input given through a link
        } catch (UnsupportedOperationException | IOException e) {
            return; // no links here: nothing to test
        }

        Path cwd = Path.of("").toAbsolutePath();
        for (Path input : List.of(dir.resolve("in"), dir.resolve("in-link"), cwd.relativize(dir.resolve("in-link")))) {
            List<String> names = InputTree.list(input).stream()
                    .map(f -> input.relativize(f.path()).toString()).toList();
            assertThat(names).as("under %s", input).containsExactly("c.txt", "real/a.txt", "real/sub/b.txt");
        }
        // the same input twice, and a directory inside it: each file once
        assertThat(InputTree.list(dir.resolve("in-link"), dir.resolve("in/real"), dir.resolve("in"))).hasSize(3);
    }
}
