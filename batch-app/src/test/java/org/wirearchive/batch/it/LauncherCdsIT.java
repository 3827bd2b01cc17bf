package org.wirearchive.batch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive (Java 25's AOT cache) belongs to the JVM options it was made with: a cache made
 * with other options can be refused by the JVM, which then starts without it, silently. Flight recording, for one,
 * adds a module to the module graph. The launcher keeps one archive per option set beside one extraction of the jar;
 * the application's own {@code -D} properties do not make a new one.
 */
class LauncherCdsIT {

    static final String OPTS = "-Xmx512m -XX:TieredStopAtLevel=1";
    static final String JFR = OPTS + " -XX:StartFlightRecording";

    @Test
    void eachOptionSetHasAnArchiveTheJvmAccepts(@TempDir Path work) throws Exception {
        Path cds = work.resolve("cds");
        Launcher.Result first = version(work, cds, OPTS, Map.of());
        assertThat(first.exit()).as(first.err()).isZero();
        List<Path> archives = archives(cds);
        assumeTrue(archives.size() == 1 && archives.get(0).toString().endsWith(".aot"),
                "no AOT cache made here (a java before 25, or no base archive): " + archives);

        // picocli's classes are class-file version 49, which an AOT cache cannot hold as they are: the launcher
        // rewrites them at version 52 before the training, and every one the command loads comes from the cache
        Path loaded = work.resolve("classes.txt");
        Launcher.Result classes = version(work, cds, OPTS,
                Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load=info:file=" + loaded));
        assertThat(classes.exit()).as(classes.err()).isZero();
        assertThat(classes.out()).contains("wirearchive");
        List<String> picocli = Files.readAllLines(loaded).stream().filter(l -> l.contains(" picocli.")).toList();
        assertThat(picocli).hasSizeGreaterThan(20).allMatch(l -> l.contains("source: shared objects file"));

        Launcher.Result recording = version(work, cds, JFR, Map.of());
        assertThat(recording.exit()).as(recording.err()).isZero();
        assertThat(archives(cds)).as("a second archive, for the options with flight recording").hasSize(2);
        try (Stream<Path> dirs = Files.list(cds)) {
            assertThat(dirs.filter(d -> d.getFileName().toString().startsWith("jsa-"))).as("one directory").hasSize(1);
        }

        // -XX:AOTMode=on: the JVM fails to start instead of running without a cache it cannot use
        Map<String, String> strict = Map.of("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on");
        for (String opts : List.of(OPTS, JFR)) {
            Launcher.Result r = version(work, cds, opts, strict);
            assertThat(r.exit()).as("the cache for %s: %s", opts, r.err()).isZero();
            assertThat(r.out()).contains("wirearchive");
        }

        Launcher.Result property = version(work, cds, OPTS + " -Dwirearchive.chunk-size=7", strict);
        assertThat(property.exit()).as(property.err()).isZero();
        assertThat(archives(cds)).as("an application property makes no new archive").hasSize(2);

        // a failed training: the jar runs without an archive for that day, and the training is tried again after it
        Path archive = archives.get(0);
        Path failed = archive.resolveSibling(archive.getFileName() + ".failed");
        Files.delete(archive);
        Files.createFile(failed);
        Launcher.Result sameDay = version(work, cds, OPTS, Map.of());
        assertThat(sameDay.exit()).as(sameDay.err()).isZero();
        assertThat(archive).as("not tried again the same day").doesNotExist();
        assertThat(failed).exists();
        Files.setLastModifiedTime(failed, FileTime.from(Instant.now().minus(Duration.ofHours(25))));
        Launcher.Result nextDay = version(work, cds, OPTS, strict);
        assertThat(nextDay.exit()).as(nextDay.err()).isZero();
        assertThat(archive).as("trained again a day later").exists();
        assertThat(failed).doesNotExist();
    }

    private static Launcher.Result version(Path work, Path cds, String opts, Map<String, String> more)
            throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(more);
        env.put("WIREARCHIVE_CDS_DIR", cds.toString());
        env.put("WIREARCHIVE_JAVA_OPTS", opts);
        return Launcher.run(work, env, "--version");
    }

    /** The archive files made so far (not their training logs or failure marks). */
    private static List<Path> archives(Path cds) throws IOException {
        if (!Files.isDirectory(cds)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(cds, 2)) {
            return files.filter(f -> f.getFileName().toString().matches("app(-[0-9]+)?\\.(aot|jsa)")).toList();
        }
    }
}
