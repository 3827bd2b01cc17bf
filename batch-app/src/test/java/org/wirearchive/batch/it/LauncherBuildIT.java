package org.wirearchive.batch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's first build, as on a fresh clone: a copy of the sources without a jar, {@code ./wirearchive --version}
 * with its output going to files (as cron and systemd take it). Maven's output must hold no terminal escape codes.
 */
class LauncherBuildIT {

    @Test
    @DisplayName("the first build writes no raw colour codes to a file")
    void firstBuildPrintsNoEscapeCodes(@TempDir Path clone) throws Exception {
        Path root = Launcher.root();
        for (String f : List.of("pom.xml", "wirearchive", "core/pom.xml", "store/pom.xml", "reports/pom.xml",
                "batch-app/pom.xml")) {
            Files.createDirectories(clone.resolve(f).getParent());
            Files.copy(root.resolve(f), clone.resolve(f), StandardCopyOption.COPY_ATTRIBUTES);
        }
        for (String dir : List.of("core/src/main", "store/src/main", "reports/src/main", "batch-app/src/main")) {
            try (Stream<Path> files = Files.walk(root.resolve(dir))) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path target = clone.resolve(root.relativize(f).toString());
                    Files.createDirectories(target.getParent());
                    Files.copy(f, target);
                }
            }
        }
        Path out = clone.resolve("build.out");
        Path err = clone.resolve("build.err");
        ProcessBuilder pb = new ProcessBuilder(clone.resolve("wirearchive").toString(), "--version")
                .directory(clone.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
        pb.environment().remove("WIREARCHIVE_JAR");
        pb.environment().remove("MAVEN_OPTS");
        Process p = pb.start();
        assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("the build ended").isTrue();
        String stdout = Files.readString(out, StandardCharsets.UTF_8);
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(stdout + stderr).isZero();
        assertThat(stderr).contains("building the application");
        assertThat(stdout + stderr).as("escape codes in the launcher's output").doesNotContain("\u001b");
        assertThat(clone.resolve("batch-app/target/wirearchive.jar")).exists();
    }
}
