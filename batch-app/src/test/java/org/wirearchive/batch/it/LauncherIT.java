package org.wirearchive.batch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command, run as a user runs it: {@code ./wirearchive ingest --input samples/archive}. */
class LauncherIT {

    @TempDir
    Path work;

    @Test
    void ingestsTheBundledSampleArchive() throws Exception {
        Path samples = Launcher.root().resolve("samples/archive");
        Launcher.Result r = Launcher.run(work, Map.of(), "ingest", "--input", samples.toString(), "--run-date",
                "2026-11-27");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        // the counts samples/README.md promises
        assertThat(r.out()).contains("COMPLETED").contains("30 seen: 30 new")
                .contains("accepted 21, duplicates 8, rejected 1").contains("21 new, 0 updated");
        assertThat(r.err()).doesNotContain("Exception");

        // defaults: ./data for the database and log, ./out/<run-date> for the reports
        assertThat(work.resolve("data/wirearchive.mv.db")).isRegularFile();
        assertThat(work.resolve("data/logs/wirearchive.log")).isRegularFile();
        Path out = work.resolve("out/2026-11-27");
        for (String f : List.of("articles.csv", "sources.csv", "duplicates.csv", "rejects.csv", "provider_daily.csv",
                "run_summary.csv", "report.html", "summary.json")) {
            assertThat(out.resolve(f)).as(f).isRegularFile();
        }
        assertThat(Files.readAllLines(out.resolve("articles.csv"), StandardCharsets.UTF_8)).hasSizeGreaterThan(21);
        assertThat(Files.readString(out.resolve("summary.json"), StandardCharsets.UTF_8))
                .contains("\"status\": \"COMPLETED\"").contains("\"exit_code\": 0").contains("\"duplicates\": 8");

        // the same date again: one line, exit 5, nothing changed
        Launcher.Result again = Launcher.run(work, Map.of(), "ingest", "--input", samples.toString(), "--run-date",
                "2026-11-27");
        assertThat(again.exit()).isEqualTo(5);
        assertThat(again.err().strip()).contains("already completed").doesNotContain("\n");

        // a later night: nothing new, nothing processed
        Launcher.Result next = Launcher.run(work, Map.of(), "ingest", "--input", samples.toString(), "--run-date",
                "2026-11-28");
        assertThat(next.exit()).as(next.err()).isZero();
        assertThat(next.out()).contains("30 seen: 0 new, 0 changed, 30 unchanged; 0 to process");
    }

    @Test
    void expectedFailuresAreOneLineWithTheirExitCode() throws Exception {
        Launcher.Result missing = Launcher.run(work, Map.of(), "ingest", "--input", "no/such/dir");
        assertThat(missing.exit()).isEqualTo(3);
        assertThat(missing.err().strip()).isEqualTo("wirearchive: input path does not exist: "
                + work.resolve("no/such/dir"));

        Launcher.Result usage = Launcher.run(work, Map.of(), "ingest", "--bogus", "--input", ".");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.err()).contains("Unknown option: '--bogus'").contains("wirearchive ingest --help")
                .doesNotContain("Exception");

        Launcher.Result parse = Launcher.run(work, Map.of(), "parse",
                Launcher.root().resolve("samples/archive/2023-03-07/0000015_8747adbbc5a84baa.txt").toString());
        assertThat(parse.exit()).isZero();
        assertThat(parse.out().strip()).startsWith("{").contains("\"status\":\"rejected\"").contains("\"reason\":\"empty\"");
    }

    /**
     * The launcher's default JVM options, as a run without {@code WIREARCHIVE_JAVA_OPTS} gets them, start every JDK
     * installed here and run whole nights: compact object headers (JEP 519) only for Java 25 and later, which know
     * the option (a Java 17 given it would not start at all); the young generation's initial size on every java.
     */
    @Test
    void defaultJvmOptionsStartEveryInstalledJava() throws Exception {
        Map<Integer, Path> javas = installedJavas();
        Assumptions.assumeTrue(!javas.isEmpty(), "no JDK under /usr/lib/jvm");
        for (Map.Entry<Integer, Path> java : javas.entrySet()) {
            Map<String, String> env = new HashMap<>();
            env.put("JAVA", java.getValue().toString());
            env.put("WIREARCHIVE_JAVA_OPTS", null); // the launcher's defaults
            env.put("WIREARCHIVE_CDS", "off"); // no training: only whether the JVM takes the options
            Launcher.Result opts = Launcher.run(work, env, "--which-java-opts");
            assertThat(opts.exit()).as(opts.err()).isZero();
            assertThat(opts.out()).as("Java " + java.getKey()).contains("-Xmx704m");
            if (java.getKey() >= 25) {
                assertThat(opts.out()).as("Java " + java.getKey()).contains("-XX:+UseCompactObjectHeaders");
            } else {
                assertThat(opts.out()).as("Java " + java.getKey()).doesNotContain("CompactObjectHeaders");
            }
            assertThat(opts.out()).as("Java " + java.getKey()).contains("-XX:NewSize=224m");
            Launcher.Result version = Launcher.run(work, env, "--version");
            assertThat(version.exit()).as("Java " + java.getKey() + ": " + version.err()).isZero();
            assertThat(version.out()).startsWith("wirearchive ");

            // whole nights with them (every other test of the launcher sets its own options): the sample, then a
            // night that finds nothing new
            String samples = Launcher.root().resolve("samples/archive").toString();
            String data = work.resolve("data-" + java.getKey()).toString();
            String out = work.resolve("out-" + java.getKey()).toString();
            Launcher.Result night = Launcher.run(work, env, "ingest", "--input", samples, "--data", data, "--out", out,
                    "--run-date", "2026-11-27");
            assertThat(night.exit()).as("Java " + java.getKey() + ": " + night.err()).isZero();
            assertThat(night.out()).contains("30 seen: 30 new").contains("accepted 21, duplicates 8, rejected 1");
            Launcher.Result next = Launcher.run(work, env, "ingest", "--input", samples, "--data", data, "--out", out,
                    "--run-date", "2026-11-28");
            assertThat(next.exit()).as("Java " + java.getKey() + ": " + next.err()).isZero();
            assertThat(next.out()).contains("30 seen: 0 new, 0 changed, 30 unchanged; 0 to process");
        }
    }

    /** One java executable per feature version installed under /usr/lib/jvm (from each JDK's release file). */
    private static Map<Integer, Path> installedJavas() throws Exception {
        Map<Integer, Path> javas = new TreeMap<>();
        Path jvm = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvm)) {
            return javas;
        }
        Pattern version = Pattern.compile("^JAVA_VERSION=\"(\\d+)", Pattern.MULTILINE);
        try (Stream<Path> jdks = Files.list(jvm)) {
            for (Path jdk : jdks.sorted().toList()) {
                Path release = jdk.resolve("release");
                Path java = jdk.resolve("bin/java");
                if (Files.isRegularFile(release) && Files.isExecutable(java)) {
                    Matcher m = version.matcher(Files.readString(release, StandardCharsets.UTF_8));
                    if (m.find()) {
                        javas.putIfAbsent(Integer.parseInt(m.group(1)), java);
                    }
                }
            }
        }
        return javas;
    }
}
