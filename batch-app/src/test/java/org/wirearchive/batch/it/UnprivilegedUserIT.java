package org.wirearchive.batch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wirearchive.core.generate.ArchiveGenerator;
import org.wirearchive.core.generate.GeneratorSpec;

/**
 * The night as an unprivileged user, as a service account runs it: {@code runuser -u nobody}, with no locale and the
 * Kuwait time zone, on an archive that holds a file name which is not valid UTF-8. While that night runs, root's
 * ingest of the same date in UTC exits 4 (the lock sees the other user's live process); the night then completes
 * with every file accounted for. Runs where the machine allows it: as root with {@code runuser} (CI); skipped
 * elsewhere, with the reason.
 */
class UnprivilegedUserIT {

    static final String USER = "nobody";
    static final String DATE = "2026-11-27";
    static final String RUNUSER = "/usr/sbin/runuser";

    Path work;

    @BeforeEach
    void setUp() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of(RUNUSER)),
                "needs root and " + RUNUSER + " to switch to " + USER);
        assumeTrue(sh("runuser -u " + USER + " -- /bin/true") == 0, "runuser -u " + USER + " is not allowed here");
        // a directory the unprivileged user owns, on a path it can reach (JUnit's temporary directories are 0700)
        work = Files.createTempDirectory(Path.of("/tmp"), "wa-unprivileged");
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwxr-xr-x"));
        new ArchiveGenerator().generate(GeneratorSpec.of(30, work.resolve("gen"), 11));
        Path archive = work.resolve("gen/archive");
        Path some;
        try (var files = Files.walk(archive)) {
            some = files.filter(p -> p.toString().endsWith(".txt")).sorted().findFirst().orElseThrow();
        }
        // a Latin-1 name: not valid UTF-8
        assertThat(sh("cp '" + some + "' '" + archive + "'/$(printf 'd\\351p\\352che.txt')")).isZero();
        assertThat(sh("chown -R " + USER + " '" + work + "'")).isZero();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (work != null) {
            sh("rm -rf '" + work + "'");
        }
    }

    @Test
    void aNightAsAnotherUserHoldsTheLockAgainstRootAndCompletes() throws Exception {
        long files;
        try (var walk = Files.walk(work.resolve("gen/archive"))) {
            files = walk.filter(Files::isRegularFile).count();
        }
        // 15 chunks of 2 files, 2 s after each: about 30 s alive however fast the machine
        Process night = asUser(work.resolve("night.out"), work.resolve("night.err"),
                "WIREARCHIVE_JAVA_OPTS=-Xmx512m -XX:TieredStopAtLevel=1 -Dwirearchive.chunk-size=2 "
                        + "-Dwirearchive.chunk-pause-ms=2000",
                "ingest", "--input", work.resolve("gen/archive").toString(), "--run-date", DATE);
        try {
            assertThat(CrashRecoveryIT.awaitStored(work, night, 2))
                    .as("the unprivileged night is running: " + read("night.out") + read("night.err")).isTrue();

            Launcher.Result root = Launcher.run(work, Map.of("TZ", "UTC", "LANG", "C.UTF-8"),
                    "ingest", "--input", work.resolve("gen/archive").toString(), "--run-date", DATE);
            assertThat(root.exit()).as(root.out() + root.err()).isEqualTo(4);
            assertThat(root.err()).contains("Another ingest is running").doesNotContain("\tat ");

            assertThat(night.waitFor(4, TimeUnit.MINUTES)).as("the night ends").isTrue();
            assertThat(night.exitValue()).as(read("night.out") + read("night.err")).isZero();
            assertThat(read("night.err")).doesNotContain("\tat ");
            assertThat(read("night.out")).contains("COMPLETED");
        } finally {
            night.destroyForcibly();
        }
        try (Connection c = CrashRecoveryIT.connect(work)) {
            // every file accounted for: one source row each, the bad name rejected with its reason
            assertThat(CrashRecoveryIT.count(c, "SELECT COUNT(*) FROM sources")).isEqualTo((int) files);
            assertThat(CrashRecoveryIT.query(c, "SELECT reason FROM sources WHERE LOCATE('p\\xEAche', source) > 0"))
                    .containsExactly("unreadable-name");
            assertThat(CrashRecoveryIT.query(c, "SELECT STATUS FROM BATCH_JOB_EXECUTION")).containsExactly("COMPLETED");
        }
        // the reports and the database belong to the user who ran the night
        assertThat(Files.getOwner(work.resolve("data/wirearchive.mv.db")).getName()).isEqualTo(USER);
        assertThat(Files.getOwner(work.resolve("out/" + DATE + "/articles.csv")).getName()).isEqualTo(USER);
    }

    /** {@code ./wirearchive ARGS} as {@link #USER}, with TZ=Asia/Kuwait, PATH and JAVA_HOME only: no locale. */
    Process asUser(Path out, Path err, String javaOpts, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(RUNUSER, "-u", USER, "--", "env", "-i",
                "PATH=" + System.getenv("PATH"), "TZ=Asia/Kuwait", "HOME=/nonexistent",
                "WIREARCHIVE_JAR=" + Launcher.jar(), javaOpts));
        if (System.getenv("JAVA_HOME") != null) {
            cmd.add("JAVA_HOME=" + System.getenv("JAVA_HOME"));
        }
        cmd.add(Launcher.root().resolve("wirearchive").toString());
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(work.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
    }

    String read(String name) throws IOException {
        Path p = work.resolve(name);
        return Files.exists(p) ? Files.readString(p, StandardCharsets.ISO_8859_1) : "";
    }

    static int sh(String script) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", script).inheritIO().start();
        return p.waitFor();
    }
}
