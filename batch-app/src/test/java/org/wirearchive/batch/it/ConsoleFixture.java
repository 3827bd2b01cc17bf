package org.wirearchive.batch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * What the console's tests share: a night killed with SIGKILL in a real child process, a {@code serve} child on a
 * free port over that store, and plain HTTP against it.
 */
final class ConsoleFixture {

    static final String DATE = "2026-11-27";
    /** Small chunks and a pause after each: a night lasts long enough to be killed, and a restart to be refused. */
    static final String SLOW_OPTS = "-Xmx384m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Dwirearchive.chunk-size=10 "
            + "-Dwirearchive.chunk-pause-ms=120";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    private ConsoleFixture() {
    }

    /** Starts an ingest of {@code archive} in {@code work} and kills it with SIGKILL once it stored {@code sources}. */
    static void crashedNight(Path work, Path archive, Map<String, String> env, int sources, String... dbArgs)
            throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("ingest", "--input", archive.toString(), "--run-date",
                DATE));
        args.addAll(List.of(dbArgs));
        Process p = Launcher.builder(work, env, args.toArray(String[]::new))
                .redirectOutput(work.resolve("crashed.out").toFile()).redirectError(work.resolve("crashed.err").toFile())
                .start();
        boolean killed = false;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (!killed && p.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(work.resolve("data/wirearchive.mv.db"))) {
                try (Connection c = connect(work, dbArgs)) {
                    if (CrashRecoveryIT.count(c, "SELECT COUNT(*) FROM sources") >= sources) {
                        p.destroyForcibly(); // SIGKILL: no shutdown hook, the execution stays STARTED
                        killed = true;
                    }
                } catch (SQLException notYet) {
                    // the schema is still being created
                }
            }
            Thread.sleep(20);
        }
        p.waitFor(1, TimeUnit.MINUTES);
        assertThat(killed).as("the night was killed (it ended first: " + read(work.resolve("crashed.out"))
                + read(work.resolve("crashed.err")) + ")").isTrue();
    }

    static Connection connect(Path work, String... dbArgs) throws SQLException {
        String url = "jdbc:h2:file:" + work.resolve("data/wirearchive") + ";AUTO_SERVER=TRUE";
        String user = "sa";
        String password = "";
        for (int i = 0; i + 1 < dbArgs.length; i++) {
            switch (dbArgs[i]) {
                case "--db-url" -> url = dbArgs[i + 1];
                case "--db-user" -> user = dbArgs[i + 1];
                case "--db-password" -> password = dbArgs[i + 1];
                default -> { }
            }
        }
        return DriverManager.getConnection(url, user, password);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** A {@code serve} child on a free loopback port; returns when it answers. */
    record Console(Process process, String base, Path log) implements AutoCloseable {

        static Console start(Path work, Map<String, String> env, String... args) throws Exception {
            int port = freePort();
            List<String> cmd = new java.util.ArrayList<>(List.of("serve", "--listen", "127.0.0.1:" + port));
            cmd.addAll(List.of(args));
            Path log = work.resolve("serve-" + port + ".out");
            ProcessBuilder pb = Launcher.builder(work, env, cmd.toArray(String[]::new)).redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            if (!env.containsKey("WIREARCHIVE_CONSOLE_TOKEN")) {
                pb.environment().remove("WIREARCHIVE_CONSOLE_TOKEN"); // only the token the test gives
            }
            Process p = pb.start();
            Console c = new Console(p, "http://127.0.0.1:" + port, log);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline) {
                if (!p.isAlive()) {
                    throw new IllegalStateException("serve exited " + p.exitValue() + ": " + read(log));
                }
                try {
                    if (c.get("/api/status").statusCode() == 200) {
                        return c;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            p.destroyForcibly();
            throw new IllegalStateException("serve did not answer in 90 s: " + read(log));
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> post(String path, String bearer) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.noBody());
            if (bearer != null) {
                b.header("Authorization", "Bearer " + bearer);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        HttpResponse<String> form(String path, String body, String cookie) throws IOException, InterruptedException {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (cookie != null) {
                b.header("Cookie", cookie);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        /** Polls an action until it is no longer running; returns its last JSON. */
        String awaitAction(String href, int seconds) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            String body = "";
            while (System.nanoTime() < deadline) {
                body = get(href).body();
                if (!body.contains("\"state\":\"running\"")) {
                    return body;
                }
                Thread.sleep(300);
            }
            throw new AssertionError("action " + href + " still running after " + seconds + " s: " + body);
        }

        /** Polls {@code path} until its body satisfies {@code done}. */
        String await(String path, Predicate<String> done, int seconds) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            String body = "";
            while (System.nanoTime() < deadline) {
                body = get(path).body();
                if (done.test(body)) {
                    return body;
                }
                Thread.sleep(300);
            }
            throw new AssertionError(path + " did not reach the expected state in " + seconds + " s: " + body);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static final tools.jackson.databind.ObjectMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    static tools.jackson.databind.JsonNode json(String body) {
        return JSON.readTree(body);
    }

    static String read(Path p) {
        try {
            return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
