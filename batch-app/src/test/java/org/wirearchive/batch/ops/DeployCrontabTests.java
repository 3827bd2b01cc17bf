package org.wirearchive.batch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The line of {@code deploy/crontab}, run as cron runs it (bash, from its SHELL= line) with a stand-in
 * {@code wirearchive} that exits with a given code: the log's last line must name that code.
 */
class DeployCrontabTests {

    @ParameterizedTest(name = "exit {0}")
    @ValueSource(ints = {0, 1, 3, 4})
    @DisplayName("the crontab line logs the exit code of the ingest")
    void logsTheIngestExitCode(int code, @TempDir Path tmp) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("..", "deploy", "crontab"), StandardCharsets.UTF_8);
        String shell = lines.stream().filter(l -> l.startsWith("SHELL=")).map(l -> l.substring(6)).findFirst()
                .orElse("/bin/sh");
        String entry = lines.stream().filter(l -> l.matches("^[0-9*/,-]+( [0-9*/,-]+){4} .*")).findFirst().orElseThrow();
        String command = entry.split(" ", 6)[5];
        assertThat(command.replace("\\%", "")).as("cron turns a bare %% into a newline").doesNotContain("%");

        Path app = Files.createDirectories(tmp.resolve("app"));
        Path logDir = Files.createDirectories(tmp.resolve("log"));
        Path fake = app.resolve("wirearchive");
        Files.writeString(fake, "#!/bin/sh\necho \"fake wirearchive $1\"\nexit " + code + "\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        command = command.replace("/opt/wirearchive", app.toString()).replace("/var/log/wirearchive", logDir.toString());

        Process p = new ProcessBuilder(shell, "-c", command).redirectErrorStream(true).start();
        assertThat(p.waitFor(1, TimeUnit.MINUTES)).isTrue();
        List<String> log = Files.readAllLines(logDir.resolve("nightly.log"), StandardCharsets.UTF_8);
        assertThat(log.get(0)).isEqualTo("fake wirearchive ingest");
        assertThat(log.get(log.size() - 1)).matches("\\d{4}-\\d\\d-\\d\\dT\\S+ ingest exit " + code);
    }
}
