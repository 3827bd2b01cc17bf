package org.wirearchive.batch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application in a bare environment, as cron and systemd start it: no {@code LANG}, no {@code LC_*}, only
 * {@code PATH}. File names in UTF-8, a name that is not valid UTF-8, hidden and special files: the night completes
 * and every file is accounted for; expected failures are one line on stderr, with no stack trace on the console.
 */
class OddNamesIT {

    @TempDir
    Path work;

    /** {@code ./wirearchive ARGS} with an environment of PATH (and JAVA_HOME) only: no locale at all. */
    Launcher.Result bare(Path dir, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = Launcher.builder(dir, Map.of(), args);
        Map<String, String> env = pb.environment();
        String path = env.get("PATH");
        String javaHome = env.get("JAVA_HOME");
        String jar = env.get("WIREARCHIVE_JAR");
        String opts = env.get("WIREARCHIVE_JAVA_OPTS");
        env.clear();
        env.put("PATH", path);
        if (javaHome != null) {
            env.put("JAVA_HOME", javaHome);
        }
        env.put("WIREARCHIVE_JAR", jar);
        env.put("WIREARCHIVE_JAVA_OPTS", opts);
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("wirearchive did not finish in 3 minutes: " + List.of(args));
        }
        return new Launcher.Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    static void sh(Path dir, String script) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).directory(dir.toFile()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }

    static Path copySamples(Path to) throws IOException {
        Path samples = Launcher.root().resolve("samples/archive");
        try (Stream<Path> files = Files.walk(samples)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(samples.relativize(f).toString());
                Files.createDirectories(target.getParent());
                Files.copy(f, target);
            }
        }
        return to;
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
            return parser.getRecords();
        }
    }

    static void assertNoStackTrace(Launcher.Result r) {
        assertThat(r.out()).as(r.out()).doesNotContain("\tat ").doesNotContain("Caused by");
        assertThat(r.err()).as(r.err()).doesNotContain("\tat ").doesNotContain("Caused by");
    }

    @Test
    void aBareNightWithOddNamesCompletesWithEveryFileAccountedFor() throws Exception {
        Path archive = copySamples(work.resolve("archive"));
        // copies of two pages under odd names (the copies are duplicates of their originals), and what is not a page
        sh(archive.resolve("2023-03-07"), "cp 0000001_8a5bd4e1297c5076.txt \"$(printf 'caf\\351-latin1.txt')\";"
                + " cp 0000002_17fb2056e5ed0bf5.txt \"$(printf 'd\\303\\251p\\303\\252che-\\330\\256\\330\\250\\330\\261.txt')\";"
                + " cp 0000000_865ec4b553b1bfb9.txt .hidden-copy.txt; ln -s nowhere.txt dangling.txt; mkfifo pipe.txt");

        // --out inside the input: the next night must not read the reports
        Launcher.Result night = bare(work, "ingest", "--input", "archive", "--out", "archive/out", "--run-date",
                "2026-11-27");

        assertThat(night.exit()).as(night.out() + night.err()).isZero();
        assertNoStackTrace(night);
        assertThat(night.out()).contains("COMPLETED").contains("32 seen: 32 new")
                .contains("skipped      4 paths").contains("inputs       32 (accepted 21, duplicates 9, rejected 2)");
        Path reports = archive.resolve("out/2026-11-27");
        List<CSVRecord> sources = csv(reports.resolve("sources.csv"));
        assertThat(sources).hasSize(32);
        String prefix = archive.toRealPath() + "/2023-03-07/";
        assertThat(sources).filteredOn(s -> s.get("source").equals(prefix + "caf\\xE9-latin1.txt"))
                .singleElement().satisfies(s -> {
                    assertThat(s.get("status")).isEqualTo("rejected");
                    assertThat(s.get("reason")).isEqualTo("unreadable-name");
                });
        // a UTF-8 name opens in a bare environment: the launcher runs the JVM with a UTF-8 locale
        assertThat(sources).filteredOn(s -> s.get("source").equals(prefix + "dépêche-خبر.txt"))
                .singleElement().satisfies(s -> assertThat(s.get("status")).isEqualTo("duplicate"));
        assertThat(Files.readString(reports.resolve("rejects.csv"), StandardCharsets.UTF_8))
                .contains("caf\\xE9-latin1.txt").contains("unreadable-name");
        assertThat(Files.readString(reports.resolve("summary.json"), StandardCharsets.UTF_8))
                .contains("\"files_skipped\": 4").contains("\"rejected\": 2");
        String log = Files.readString(work.resolve("data/logs/wirearchive.log"), StandardCharsets.UTF_8);
        assertThat(log).contains("caf\\xE9-latin1.txt (unreadable-name)").contains(".hidden-copy.txt (hidden)")
                .contains("dangling.txt (dangling-symlink)").contains("pipe.txt (special-file)")
                .contains("archive/out (output-or-data-directory)");

        // the next night: its own reports are not inputs; the unreadable name is looked at again (not in the manifest)
        Launcher.Result next = bare(work, "ingest", "--input", "archive", "--out", "archive/out", "--run-date",
                "2026-11-28");
        assertThat(next.exit()).as(next.out() + next.err()).isZero();
        assertThat(next.out()).contains("32 seen: 1 new, 0 changed, 31 unchanged; 1 to process");
    }

    @Test
    void aFailedNightInABareEnvironmentIsOneLineWithoutAStackTrace() throws Exception {
        // a file that cannot be read (an I/O error, even for root): the run fails, exit 1, one line on stderr naming
        // the file and the reason, the stack trace only in the log file
        Path archive = Files.createDirectories(work.resolve("broken"));
        Files.copy(Launcher.root().resolve("samples/archive/2023-03-07/0000001_8a5bd4e1297c5076.txt"),
                archive.resolve("a.txt"));
        Files.createSymbolicLink(archive.resolve("b.txt"), Path.of("/proc/self/mem"));
        Launcher.Result failed = bare(work, "ingest", "--input", "broken", "--run-date", "2026-11-27");
        assertThat(failed.exit()).as(failed.out() + failed.err()).isEqualTo(1);
        assertNoStackTrace(failed);
        List<String> errLines = new ArrayList<>(failed.err().strip().lines().toList());
        assertThat(errLines).singleElement().asString().startsWith("wirearchive: run 1 for 2026-11-27 FAILED: cannot "
                + "read input file " + archive.toRealPath().resolve("b.txt") + ": IOException");
        assertThat(Files.readString(work.resolve("data/logs/wirearchive.log"), StandardCharsets.UTF_8))
                .contains("\tat ");
    }
}
