package org.wirearchive.batch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.batch.Pages;

/**
 * What an input tree holds besides pages, and operator mistakes: names the process cannot open, files that vanish
 * before a restart, hidden and special files, the application's own output inside an input, an empty input, and
 * read-only commands pointed at a database that does not exist.
 */
class InputEnvironmentTests extends OpsFixture {

    Run ingest(String runDate, String... extra) {
        var args = new java.util.ArrayList<>(List.of("ingest", "--input", archive.toString(), "--data",
                data.toString(), "--out", out.toString(), "--run-date", runDate));
        args.addAll(List.of(extra));
        return cli(args.toArray(String[]::new));
    }

    static void sh(Path dir, String script) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).directory(dir.toFile()).inheritIO().start();
        assertThat(p.waitFor()).isZero();
    }

    String prefix() {
        return archive.toAbsolutePath().normalize() + "/";
    }

    @Nested
    @DisplayName("file names")
    class Names {

        @Test
        @DisplayName("a name that is not valid UTF-8 is rejected as unreadable-name, shown escaped; the night completes")
        void unreadableName() throws Exception {
            // a copy of a page under a Latin-1 name (byte 0xE9): no Java string opens it
            sh(archive.resolve("2025-06-27"), "cp a3.txt \"$(printf 'caf\\351.txt')\"");

            Run run = ingest("2025-06-28");

            assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("7 seen: 7 new").contains("inputs       7 (accepted 3, duplicates 2, "
                    + "rejected 2)");
            assertThat(rows("SELECT source, status, reason FROM sources WHERE reason = 'unreadable-name'"))
                    .containsExactly(prefix() + "2025-06-27/caf\\xE9.txt|rejected|unreadable-name");
            assertThat(Files.readString(out.resolve("2025-06-28/rejects.csv"), StandardCharsets.UTF_8))
                    .contains("2025-06-27/caf\\xE9.txt").contains("unreadable-name");
            // not in the manifest: the next night looks at it again (until it is renamed), though it lists the same
            // files, sizes and times as this one (the run did not record that listing as known: FreezeInputsTasklet)
            assertThat(rows("SELECT path FROM manifest WHERE path LIKE '%caf%'")).isEmpty();
            assertThat(rows("SELECT COUNT(*) FROM known_listing")).containsExactly("0");
            Run sameNight = ingest("2025-06-29");
            assertThat(sameNight.exit()).as(sameNight.toString()).isEqualTo(ExitCodes.OK);
            assertThat(sameNight.out()).contains("7 seen: 1 new, 0 changed, 6 unchanged");
            Run renamedNight = cliAfterRename();
            assertThat(renamedNight.exit()).as(renamedNight.toString()).isEqualTo(ExitCodes.OK);
            assertThat(renamedNight.out()).contains("7 seen: 1 new, 0 changed, 6 unchanged");
        }

        private Run cliAfterRename() throws Exception {
            sh(archive.resolve("2025-06-27"), "mv \"$(printf 'caf\\351.txt')\" cafe.txt");
            return ingest("2025-06-30");
        }

        @Test
        @DisplayName("a listed file that is gone before the restart is rejected as vanished; the rerun completes")
        void vanishedBeforeRestart() throws Exception {
            // sorts after the other pages: reading /proc/self/mem fails with an I/O error, so the run fails there
            Path broken = archive.resolve("2025-06-28/zz-broken.txt");
            Files.createSymbolicLink(broken, Path.of("/proc/self/mem"));
            Path later = Files.copy(archive.resolve("2025-06-27/a3.txt"), archive.resolve("2025-06-28/zzz-later.txt"));

            Run failed = ingest("2025-06-28");
            assertThat(failed.exit()).as(failed.toString()).isEqualTo(ExitCodes.JOB_FAILED);
            // the expected failure: one line on stderr naming the file and the reason, no stack trace
            assertThat(failed.err().strip()).startsWith("wirearchive: run 1 for 2025-06-28 FAILED: cannot read input "
                    + "file " + broken.toAbsolutePath()).doesNotContain("\n").doesNotContain("\tat ");

            // the operator fixes the broken file and renames the other: the frozen list still names it
            Files.delete(broken);
            Files.copy(archive.resolve("2025-06-26/a2.txt"), broken);
            Files.move(later, archive.resolve("2025-06-28/zzz-renamed.txt"));
            Run rerun = ingest("2025-06-28");

            assertThat(rerun.exit()).as(rerun.toString()).isEqualTo(ExitCodes.OK);
            assertThat(rerun.out()).contains("COMPLETED (restarted)");
            assertThat(rows("SELECT source, status, reason FROM sources WHERE status = 'rejected' ORDER BY source"))
                    .containsExactly(prefix() + "2025-06-28/empty.txt|rejected|empty",
                            prefix() + "2025-06-28/zzz-later.txt|rejected|vanished");
            assertThat(rows("SELECT path FROM manifest WHERE path LIKE '%zzz%'")).isEmpty();
            // the renamed file is a new file of the next night
            Run next = ingest("2025-06-29");
            assertThat(next.out()).as(next.toString()).contains("8 seen: 1 new");
            assertThat(rows("SELECT status FROM sources WHERE source LIKE '%zzz-renamed.txt'")).containsExactly("duplicate");
        }
    }

    @Nested
    @DisplayName("what is not an input")
    class Skipped {

        @Test
        @DisplayName("hidden files, dangling links, FIFOs, report files and the out and data directories inside the "
                + "input are skipped, counted and named in the log; the next night finds nothing new")
        void skippedAndCounted() throws Exception {
            out = archive.resolve("out");
            data = archive.resolve("data");
            Files.copy(archive.resolve("2025-06-27/a3.txt"), archive.resolve("2025-06-27/.a3.txt.swp"));
            Files.createDirectories(archive.resolve(".cache"));
            Files.copy(archive.resolve("2025-06-26/a1.txt"), archive.resolve(".cache/a1.txt"));
            Files.createSymbolicLink(archive.resolve("2025-06-26/gone.txt"), archive.resolve("no/such/page.txt"));
            sh(archive.resolve("2025-06-26"), "mkfifo pipe.txt");
            Files.createDirectories(archive.resolve("old-reports"));
            Files.writeString(archive.resolve("old-reports/run_summary.csv"), "run_id\n");
            Files.writeString(archive.resolve("old-reports/articles.csv"), "article_key\n");

            Run first = ingest("2025-06-28");

            assertThat(first.exit()).as(first.toString()).isEqualTo(ExitCodes.OK);
            assertThat(first.out()).contains("6 seen: 6 new").contains("skipped      8 paths");
            assertThat(Files.readString(out.resolve("2025-06-28/summary.json"))).contains("\"files_skipped\": 8");
            assertThat(rows("SELECT COUNT(*) FROM sources")).containsExactly("6");
            String log = Files.readString(data.resolve("logs/wirearchive.log"), StandardCharsets.UTF_8);
            assertThat(log).contains("Skipped " + prefix() + "2025-06-27/.a3.txt.swp (hidden)")
                    .contains("Skipped " + prefix() + ".cache (hidden)")
                    .contains("Skipped " + prefix() + "2025-06-26/gone.txt (dangling-symlink)")
                    .contains("Skipped " + prefix() + "2025-06-26/pipe.txt (special-file)")
                    .contains("Skipped " + prefix() + "old-reports/articles.csv (report-file)")
                    .contains("Skipped " + prefix() + "old-reports/run_summary.csv (report-file)")
                    .contains("Skipped " + prefix() + "out (output-or-data-directory)")
                    .contains("Skipped " + prefix() + "data (output-or-data-directory)");

            // the reports and the database of the first night are not read as articles by the next
            Run next = ingest("2025-06-29");
            assertThat(next.exit()).as(next.toString()).isEqualTo(ExitCodes.OK);
            assertThat(next.out()).contains("6 seen: 0 new, 0 changed, 6 unchanged; 0 to process");
            assertThat(rows("SELECT COUNT(*) FROM sources")).containsExactly("6");
        }

        @Test
        @DisplayName("an input with no file to read (an unmounted share) is refused, exit 3, one line, nothing "
                + "created; --allow-empty runs it")
        void emptyInput() throws Exception {
            archive = tmp.resolve("share");
            Files.createDirectories(archive.resolve(".snapshot"));
            Files.writeString(archive.resolve(".snapshot/old.txt"), "hidden");

            Run refused = ingest("2025-06-28");
            assertThat(refused.exit()).as(refused.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
            assertThat(refused.err().strip()).isEqualTo("wirearchive: no input file under " + archive.toAbsolutePath()
                    + " (an unmounted share?); nothing was done. Use --allow-empty to run anyway.");
            assertThat(data).doesNotExist();
            assertThat(out).doesNotExist();

            Run allowed = ingest("2025-06-28", "--allow-empty");
            assertThat(allowed.exit()).as(allowed.toString()).isEqualTo(ExitCodes.OK);
            assertThat(allowed.out()).contains("0 seen").contains("skipped      1 paths");
        }

        @Test
        @DisplayName("schedule checks its inputs when it starts: a missing input is exit 3 at once, no schedule")
        void scheduleChecksAtStart() {
            Run run = cli("schedule", "--cron", "0 30 2 * * *", "--input", tmp.resolve("missing").toString(),
                    "--data", data.toString(), "--out", out.toString(), "--max-runs", "1");
            assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
            assertThat(run.out()).doesNotContain("Schedule");
            assertThat(run.err().strip()).isEqualTo("wirearchive: input path does not exist: "
                    + tmp.resolve("missing").toAbsolutePath());
        }
    }

    @Nested
    @DisplayName("read-only commands")
    class ReadOnly {

        @Test
        @DisplayName("jobs list and show on a missing database: exit 3 naming it, nothing created")
        void jobsOnAMissingDatabase() {
            Path typo = tmp.resolve("typo");
            for (Run run : List.of(cli("jobs", "list", "--data", typo.toString()),
                    cli("jobs", "show", "1", "--data", typo.toString()))) {
                assertThat(run.exit()).as(run.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
                assertThat(run.err().strip()).isEqualTo("wirearchive: no database at "
                        + typo.toAbsolutePath().resolve("wirearchive.mv.db") + " (is --data right?); nothing was created");
                assertThat(run.out()).isEmpty();
            }
            assertThat(typo).doesNotExist();
        }

        @Test
        @DisplayName("report on a missing database is exit 3; on an empty range it leaves the reports as they are "
                + "unless --allow-empty")
        void reportNeverReplacesAReportWithAnEmptyOne() throws Exception {
            assertThat(ingest("2025-06-28").exit()).isEqualTo(ExitCodes.OK);
            Path reports = tmp.resolve("reports");
            Run good = cli("report", "--from", "2025-06-01", "--to", "2025-06-30", "--out", reports.toString(),
                    "--data", data.toString());
            assertThat(good.exit()).as(good.toString()).isEqualTo(ExitCodes.OK);
            String articles = Files.readString(reports.resolve("articles.csv"));
            assertThat(articles).contains("M1109726400").contains("M1109726370");

            Run wrongData = cli("report", "--from", "2025-06-01", "--to", "2025-06-30", "--out", reports.toString(),
                    "--data", tmp.resolve("wrong").toString());
            assertThat(wrongData.exit()).as(wrongData.toString()).isEqualTo(ExitCodes.ENVIRONMENT);
            assertThat(wrongData.err().strip()).startsWith("wirearchive: no database at ").doesNotContain("\n");
            assertThat(tmp.resolve("wrong")).doesNotExist();

            Run emptyRange = cli("report", "--from", "2020-01-01", "--to", "2020-01-31", "--out", reports.toString(),
                    "--data", data.toString());
            assertThat(emptyRange.exit()).as(emptyRange.toString()).isEqualTo(ExitCodes.JOB_FAILED);
            assertThat(emptyRange.err().strip()).startsWith("wirearchive: no article published from 2020-01-01 to "
                    + "2020-01-31 in the database ").endsWith("nothing was written (use --allow-empty to write "
                    + "header-only reports)");
            assertThat(Files.readString(reports.resolve("articles.csv"))).isEqualTo(articles);

            Run allowed = cli("report", "--from", "2020-01-01", "--to", "2020-01-31", "--out", reports.toString(),
                    "--data", data.toString(), "--allow-empty", "--dated-only");
            assertThat(allowed.exit()).as(allowed.toString()).isEqualTo(ExitCodes.OK);
            assertThat(Files.readString(reports.resolve("articles.csv"))).startsWith("article_key,")
                    .doesNotContain("M1109726400");
        }
    }
}
