package org.wirearchive.batch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wirearchive.batch.it.CrashRecoveryIT.count;
import static org.wirearchive.batch.it.CrashRecoveryIT.query;
import static org.wirearchive.batch.it.CrashRecoveryIT.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirearchive.core.generate.ArchiveGenerator;
import org.wirearchive.core.generate.GeneratorSpec;

/**
 * An analyst's connection to the H2 store, held open by this JVM (another process than the night's), with the URL,
 * user and password that docs/reports.md gives: the night runs beside it, and the analyst reads while it writes.
 */
class AnalystConnectionIT {

    static final Map<String, String> OPTS = Map.of("WIREARCHIVE_JAVA_OPTS",
            "-Xmx512m -XX:TieredStopAtLevel=1 -Dwirearchive.chunk-size=10 -Dwirearchive.chunk-pause-ms=100");

    @Test
    @DisplayName("an analyst who connects as docs/reports.md says does not block the night, and sees it progress")
    void documentedConnectionSharesTheStore(@TempDir Path work) throws Exception {
        new ArchiveGenerator().generate(GeneratorSpec.of(200, work.resolve("gen"), 11));
        Path archive = work.resolve("gen/archive");
        Path samples = Launcher.root().resolve("samples/archive");
        Launcher.Result first = Launcher.run(work, OPTS, "ingest", "--input", samples.toString(), "--run-date",
                "2026-11-26");
        assertThat(first.exit()).as(first.out() + first.err()).isZero();

        // the URL of docs/reports.md, with <data> replaced by the data directory
        String doc = Files.readString(Launcher.root().resolve("docs/reports.md"));
        Matcher m = Pattern.compile("`(jdbc:h2:file:<data>/wirearchive[^`]*)`").matcher(doc);
        assertThat(m.find()).as("docs/reports.md gives the analyst's JDBC URL").isTrue();
        String url = m.group(1).replace("<data>", work.resolve("data").toString());
        assertThat(doc).contains("user `sa`").contains("empty password");

        try (Connection analyst = DriverManager.getConnection(url, "sa", "")) {
            int before = count(analyst, "SELECT COUNT(*) FROM sources");
            Process night = Launcher.builder(work, OPTS, "ingest", "--input", archive.toString(), "--run-date",
                            "2026-11-27")
                    .redirectOutput(work.resolve("night.out").toFile())
                    .redirectError(work.resolve("night.err").toFile()).start();
            int seenDuring = before;
            while (night.isAlive()) {
                seenDuring = Math.max(seenDuring, count(analyst, "SELECT COUNT(*) FROM sources"));
                Thread.sleep(200);
            }
            assertThat(night.waitFor(5, TimeUnit.MINUTES)).isTrue();
            String out = read(work.resolve("night.out")) + read(work.resolve("night.err"));
            assertThat(night.exitValue()).as(out).isZero();
            assertThat(out).contains("COMPLETED").doesNotContain("locked");
            int after = count(analyst, "SELECT COUNT(*) FROM sources");
            assertThat(after).isGreaterThanOrEqualTo(before + 200);
            assertThat(seenDuring).as("the analyst saw the night's commits while it ran").isGreaterThan(before);
            assertThat(query(analyst, "SELECT status FROM runs ORDER BY run_id")).containsExactly("COMPLETED",
                    "COMPLETED");
        }
    }

    @Test
    @DisplayName("an analyst's tool that opened the store first and closes in the middle of a night: the night goes on")
    void analystLeavesDuringTheNight(@TempDir Path work) throws Exception {
        new ArchiveGenerator().generate(GeneratorSpec.of(200, work.resolve("gen"), 12));
        Path samples = Launcher.root().resolve("samples/archive");
        Launcher.Result first = Launcher.run(work, OPTS, "ingest", "--input", samples.toString(), "--run-date",
                "2026-11-26");
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        String url = "jdbc:h2:file:" + work.resolve("data/wirearchive") + ";AUTO_SERVER=TRUE";
        Process night;
        try (Connection analyst = DriverManager.getConnection(url, "sa", "")) {
            int before = count(analyst, "SELECT COUNT(*) FROM sources");
            night = Launcher.builder(work, OPTS, "ingest", "--input", work.resolve("gen/archive").toString(),
                            "--run-date", "2026-11-27")
                    .redirectOutput(work.resolve("night.out").toFile())
                    .redirectError(work.resolve("night.err").toFile()).start();
            while (night.isAlive() && count(analyst, "SELECT COUNT(*) FROM sources") < before + 50) {
                Thread.sleep(100);
            }
            assertThat(night.isAlive()).as("the night is still running when the analyst leaves").isTrue();
        }
        assertThat(night.waitFor(5, TimeUnit.MINUTES)).isTrue();
        String out = read(work.resolve("night.out")) + read(work.resolve("night.err"));
        if (night.exitValue() != 0) {
            // a statement in flight when the server went away failed the night (docs/reports.md): a rerun resumes it
            assertThat(night.exitValue()).as(out).isEqualTo(1);
            Launcher.Result rerun = Launcher.run(work, OPTS, "ingest", "--input", work.resolve("gen/archive").toString(),
                    "--run-date", "2026-11-27");
            assertThat(rerun.exit()).as(rerun.out() + rerun.err()).isZero();
            out = rerun.out();
        }
        assertThat(out).contains("COMPLETED");
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            assertThat(count(c, "SELECT COUNT(*) FROM sources WHERE run_id = 2")).isGreaterThanOrEqualTo(200);
        }
    }

    @Test
    @DisplayName("a tool that opened the file without AUTO_SERVER: the night exits 3 and says how to connect instead")
    void exclusiveConnectionIsExplained(@TempDir Path work) throws Exception {
        Path samples = Launcher.root().resolve("samples/archive");
        Launcher.Result first = Launcher.run(work, OPTS, "ingest", "--input", samples.toString(), "--run-date",
                "2026-11-26");
        assertThat(first.exit()).as(first.out() + first.err()).isZero();
        try (Connection exclusive = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("data/wirearchive"),
                "sa", "")) {
            Launcher.Result night = Launcher.run(work, OPTS, "ingest", "--input", samples.toString(), "--run-date",
                    "2026-11-27");
            assertThat(night.exit()).as(night.out() + night.err()).isEqualTo(3);
            assertThat(night.err().strip()).contains("AUTO_SERVER=TRUE").contains("docs/reports.md")
                    .doesNotContain("\tat ").doesNotContain("\n");
        }
    }
}
