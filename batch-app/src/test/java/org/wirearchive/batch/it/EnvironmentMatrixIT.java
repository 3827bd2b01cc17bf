package org.wirearchive.batch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirearchive.batch.it.Launcher.ChildEnv;
import org.wirearchive.core.generate.ArchiveGenerator;
import org.wirearchive.core.generate.GeneratorSpec;

/**
 * The lock, the night and the metrics with real child processes whose time zone ({@code TZ}: UTC, Asia/Kuwait,
 * America/Los_Angeles) and locale ({@code LANG} unset, as under cron, or C.UTF-8) differ, sharing one database.
 * A small archive; a run is kept alive with {@code wirearchive.chunk-pause-ms}, not with a big input.
 */
class EnvironmentMatrixIT {

    static final String DATE = "2026-11-27";
    static final String SMALL_CHUNKS = "-Xmx512m -XX:TieredStopAtLevel=1 -Dwirearchive.chunk-size=2";
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx");

    @TempDir
    static Path shared;

    static Path archive;

    @BeforeAll
    static void generate() throws Exception {
        new ArchiveGenerator().generate(GeneratorSpec.of(40, shared.resolve("gen"), 7));
        archive = shared.resolve("gen/archive");
    }

    static Stream<Arguments> lockPairs() {
        // the second process's zone is ahead of the first's: it saw the first's zone-less heartbeat as hours old
        return Stream.of(
                Arguments.of(new ChildEnv("UTC", null), new ChildEnv("Asia/Kuwait", "C.UTF-8")),
                Arguments.of(new ChildEnv("America/Los_Angeles", "C.UTF-8"), new ChildEnv("Asia/Kuwait", null)));
    }

    @ParameterizedTest(name = "first {0}, second {1}")
    @MethodSource("lockPairs")
    @DisplayName("while an ingest runs, a second one in another zone exits 4, --recover and jobs recover from there "
            + "refuse to take the live run; the first completes and jobs list shows its end after its start")
    void lockHoldsAcrossZones(ChildEnv first, ChildEnv second, @TempDir Path work) throws Exception {
        // 20 chunks, 2 s after each: about 40 s alive however fast the machine
        Process a = Launcher.builder(work, first.with(Map.of("WIREARCHIVE_JAVA_OPTS",
                        SMALL_CHUNKS + " -Dwirearchive.chunk-pause-ms=2000")),
                        "ingest", "--input", archive.toString(), "--run-date", DATE)
                .redirectOutput(work.resolve("a.out").toFile()).redirectError(work.resolve("a.err").toFile()).start();
        try {
            assertThat(CrashRecoveryIT.awaitStored(work, a, 2)).as("the first ingest is running").isTrue();

            Map<String, String> env = second.with(Map.of("WIREARCHIVE_JAVA_OPTS", SMALL_CHUNKS));
            // the two ingests together (cron and an operator), then the operator's jobs recover
            List<CompletableFuture<Launcher.Result>> tries = Stream.of(
                            new String[] {"ingest", "--input", archive.toString(), "--run-date", DATE},
                            new String[] {"ingest", "--input", archive.toString(), "--run-date", DATE, "--recover"})
                    .map(args -> CompletableFuture.supplyAsync(() -> {
                        try {
                            return Launcher.run(work, env, args);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })).toList();
            Launcher.Result plain = tries.get(0).get(3, TimeUnit.MINUTES);
            Launcher.Result recover = tries.get(1).get(3, TimeUnit.MINUTES);
            Launcher.Result jobsRecover = Launcher.run(work, env, "jobs", "recover", "1");
            for (Launcher.Result r : List.of(plain, recover)) {
                assertThat(r.exit()).as(r.out() + r.err()).isEqualTo(4);
                assertThat(r.err()).contains("Another ingest is running").contains("pid " + a.pid())
                        .contains("Nothing was touched").doesNotContain("Exception");
            }
            assertThat(jobsRecover.exit()).as(jobsRecover.out() + jobsRecover.err()).isEqualTo(1);
            assertThat(jobsRecover.err()).contains("is running").contains("pid " + a.pid());
            assertThat(a.isAlive()).as("the first ingest was still running").isTrue();
            assertThat(a.waitFor(3, TimeUnit.MINUTES)).isTrue();
            assertThat(a.exitValue()).as(read(work.resolve("a.out")) + read(work.resolve("a.err"))).isZero();
            String log = read(work.resolve("data/logs/wirearchive.log"));
            assertThat(log).doesNotContain("Took over the ingest lock");

            try (Connection c = CrashRecoveryIT.connect(work)) {
                assertThat(CrashRecoveryIT.query(c, "SELECT JOB_EXECUTION_ID, STATUS FROM BATCH_JOB_EXECUTION"))
                        .containsExactly("1|COMPLETED");
                assertThat(CrashRecoveryIT.query(c, "SELECT COUNT(*) FROM BATCH_JOB_EXECUTION WHERE END_TIME < START_TIME"))
                        .containsExactly("0");
            }
            // jobs list from the second zone: times with the second zone's offset, the end not before the start
            Launcher.Result list = Launcher.run(work, env, "jobs", "list");
            assertThat(list.exit()).as(list.out() + list.err()).isZero();
            Matcher m = Pattern.compile("(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d\\d:\\d\\d) +"
                    + "(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d [+-]\\d\\d:\\d\\d)").matcher(list.out());
            assertThat(m.find()).as(list.out()).isTrue();
            OffsetDateTime start = OffsetDateTime.parse(m.group(1), SHOWN);
            OffsetDateTime end = OffsetDateTime.parse(m.group(2), SHOWN);
            assertThat(end).as(list.out()).isAfterOrEqualTo(start);
            assertThat(start.getOffset()).isEqualTo(ZoneId.of(second.tz()).getRules().getOffset(start.toInstant()));
        } finally {
            a.destroyForcibly();
        }
    }

    static Stream<Arguments> nights() {
        // (CrashRecoveryIT and the lock pairs above cover the other zone and locale combinations)
        return Stream.of(
                Arguments.of(new ChildEnv("UTC", "C.UTF-8"), new ChildEnv("America/Los_Angeles", null)),
                Arguments.of(new ChildEnv("Asia/Kuwait", null), new ChildEnv("UTC", "C.UTF-8")));
    }

    @ParameterizedTest(name = "first night {0}, next {1}")
    @MethodSource("nights")
    @DisplayName("the next night in another zone sees 0 changed files; its run date is today there and the summary "
            + "says so; a refused night rewrites the metrics file")
    void unchangedNightInAnotherZone(ChildEnv first, ChildEnv next, @TempDir Path work) throws Exception {
        Path metrics = work.resolve("textfile/wirearchive.prom");
        Launcher.Result one = Launcher.run(work, first.with(Map.of()), "ingest", "--input", archive.toString(),
                "--run-date", DATE, "--metrics-file", metrics.toString());
        assertThat(one.exit()).as(one.out() + one.err()).isZero();
        Matcher seen = Pattern.compile("(\\d+) seen: \\1 new, 0 changed, 0 unchanged").matcher(one.out());
        assertThat(seen.find()).as(one.out()).isTrue();
        String files = seen.group(1);
        assertThat(read(metrics)).containsPattern("wirearchive_last_run_status\\{status=\"COMPLETED\"} 1(\\.0)?\n");

        LocalDate before = LocalDate.now(ZoneId.of(next.tz()));
        Launcher.Result two = Launcher.run(work, next.with(Map.of()), "ingest", "--input", archive.toString(),
                "--metrics-file", metrics.toString());
        LocalDate after = LocalDate.now(ZoneId.of(next.tz()));
        assertThat(two.exit()).as(two.out() + two.err()).isZero();
        assertThat(two.out()).contains(files + " seen: 0 new, 0 changed, " + files + " unchanged; 0 to process")
                .contains("today in " + next.tz());
        Matcher date = Pattern.compile("Run \\d+ for (\\d{4}-\\d\\d-\\d\\d) COMPLETED").matcher(two.out());
        assertThat(date.find()).as(two.out()).isTrue();
        assertThat(LocalDate.parse(date.group(1))).isIn(before, after);
        assertThat(read(work.resolve("out/" + date.group(1) + "/summary.json")))
                .contains("\"run_date_zone\": \"" + next.tz() + "\"")
                .contains("\"changed\": 0");
        // night two listed what night one left in the manifest: it took them as unchanged without comparing; with
        // that record gone, a third night in the other zone compares every file by its instant: still 0 changed
        assertThat(read(work.resolve("data/logs/wirearchive.log"))).contains("not compared one by one");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("data/wirearchive")
                .toAbsolutePath(), "sa", ""); Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM known_listing");
        }
        Launcher.Result three = Launcher.run(work, next.with(Map.of()), "ingest", "--input", archive.toString(),
                "--run-date", "2031-01-01");
        assertThat(three.exit()).as(three.out() + three.err()).isZero();
        assertThat(three.out()).contains(files + " seen: 0 new, 0 changed, " + files + " unchanged; 0 to process");
        assertThat(read(work.resolve("data/logs/wirearchive.log")).lines()
                .filter(l -> l.contains("Input: ")).toList()).hasSize(3).last().asString()
                .doesNotContain("not compared");

        // the same date again from the first zone: refused (exit 5), and the metrics file says so
        Launcher.Result refused = Launcher.run(work, first.with(Map.of()), "ingest", "--input", archive.toString(),
                "--run-date", DATE, "--metrics-file", metrics.toString());
        assertThat(refused.exit()).as(refused.out() + refused.err()).isEqualTo(5);
        String text = read(metrics);
        assertThat(text).contains("wirearchive_last_run_status{status=\"COMPLETED\"} 0.0")
                .contains("wirearchive_last_run_status{status=\"REFUSED\"} 1.0")
                .contains("wirearchive_last_run_exit_code 5.0")
                .doesNotContain("wirearchive_last_success_timestamp_seconds 0.0");
        assertThat(read(work.resolve("data/logs/wirearchive.log"))).contains("INGEST REFUSED exit=5 date=" + DATE);
    }

    static String read(Path p) throws java.io.IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }
}
