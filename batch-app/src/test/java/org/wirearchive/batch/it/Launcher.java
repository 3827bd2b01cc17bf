package org.wirearchive.batch.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code ./wirearchive} as a user does: a child process, with its exit code, stdout and stderr. */
final class Launcher {

    record Result(int exit, String out, String err) {
    }

    static Path root() {
        return Path.of(System.getProperty("wirearchive.root", "..")).toAbsolutePath().normalize();
    }

    static Path jar() {
        return Path.of(System.getProperty("wirearchive.jar", "target/wirearchive.jar")).toAbsolutePath().normalize();
    }

    /**
     * The child's environment as the world varies it: its time zone ({@code TZ}) and its locale ({@code LANG}; null:
     * unset, with {@code LC_ALL} too, as under a bare cron).
     */
    record ChildEnv(String tz, String lang) {

        /** The variables to set (a null value: remove it), plus {@code more}. */
        Map<String, String> with(Map<String, String> more) {
            Map<String, String> env = new java.util.HashMap<>();
            env.put("TZ", tz);
            env.put("LANG", lang);
            env.put("LC_ALL", null);
            env.putAll(more);
            return env;
        }

        @Override
        public String toString() {
            return "TZ=" + tz + " LANG=" + (lang == null ? "(unset)" : lang);
        }
    }

    /** {@code env}: variables to set; a null value removes the variable from the child's environment. */
    static ProcessBuilder builder(Path workDir, Map<String, String> env, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(root().resolve("wirearchive").toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
        pb.environment().put("WIREARCHIVE_JAR", jar().toString());
        pb.environment().put("WIREARCHIVE_JAVA_OPTS", "-Xmx512m -XX:TieredStopAtLevel=1");
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k); // e.g. LANG unset, as under a bare cron
            } else {
                pb.environment().put(k, v);
            }
        });
        return pb;
    }

    static Result run(Path workDir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        Path out = Files.createTempFile("wa-out", ".txt");
        Path err = Files.createTempFile("wa-err", ".txt");
        try {
            Process p = builder(workDir, env, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("wirearchive did not finish in 5 minutes: " + List.of(args));
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private Launcher() {
    }
}
