package org.wirearchive.batch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import org.wirearchive.core.generate.ArchiveGenerator;
import org.wirearchive.core.generate.GeneratorSpec;

/**
 * The console's JSON API over real HTTP: a {@code serve} child over a password-protected store whose night was killed
 * with SIGKILL; actions run as child processes of the console. The tests run in order: the night is crashed for the
 * refusals, then recovered and restarted through the API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleApiIT {

    static final String TOKEN = "console-test-token-5f0c1e";
    static final String PASSWORD = "db-pass-93e1b7";
    static final List<String> ACTIONS = List.of("restart", "stop", "abandon", "recover");

    @TempDir
    static Path work;

    static String[] db;
    static ConsoleFixture.Console console;
    static ConsoleFixture.Console readOnly;
    static final List<String> seen = new ArrayList<>();

    @BeforeAll
    static void crashANightAndServeIt() throws Exception {
        new ArchiveGenerator().generate(GeneratorSpec.of(300, work.resolve("gen"), 7));
        db = new String[] {"--db-url", "jdbc:h2:file:" + work.resolve("data/wirearchive") + ";AUTO_SERVER=TRUE",
            "--db-user", "sa", "--db-password", PASSWORD};
        // every child in Kuwait's zone (+03:00, no daylight saving): the API gives the times with that offset
        Map<String, String> slow = Map.of("WIREARCHIVE_JAVA_OPTS", ConsoleFixture.SLOW_OPTS, "TZ", "Asia/Kuwait");
        ConsoleFixture.crashedNight(work, work.resolve("gen/archive"), slow, 40, db);
        List<String> args = new ArrayList<>(List.of(db));
        args.addAll(List.of("--out", "out"));
        // a second console on the same store, started at the same time, without a token: read-only
        var second = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return ConsoleFixture.Console.start(work, Map.of(), db);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // the console's actions inherit its JVM options: a restart pauses 250 ms after each chunk, so that it holds
        // the lock long enough for the refusals checked while it runs
        console = ConsoleFixture.Console.start(work, Map.of("WIREARCHIVE_JAVA_OPTS", ConsoleFixture.SLOW_OPTS
                + " -Dwirearchive.chunk-pause-ms=250", "WIREARCHIVE_CONSOLE_TOKEN", TOKEN, "TZ", "Asia/Kuwait"),
                args.toArray(String[]::new));
        readOnly = second.get(3, java.util.concurrent.TimeUnit.MINUTES);
    }

    @AfterAll
    static void stop() throws Exception {
        if (console != null) {
            console.close();
        }
        if (readOnly != null) {
            readOnly.close();
        }
    }

    static HttpResponse<String> get(String path) throws Exception {
        return remember(console.get(path));
    }

    static HttpResponse<String> post(String path, String bearer) throws Exception {
        return remember(console.post(path, bearer));
    }

    static HttpResponse<String> remember(HttpResponse<String> r) {
        seen.add(r.headers().map() + "\n" + r.body());
        return r;
    }

    static JsonNode json(HttpResponse<String> r) {
        return ConsoleFixture.json(r.body());
    }

    @Test
    @Order(1)
    @DisplayName("the night killed with -9 is listed as crashed, with ISO times and the file it stopped at")
    void crashedNightIsListed() throws Exception {
        HttpResponse<String> r = get("/api/executions");
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode list = json(r);
        assertThat(list.size()).isEqualTo(1);
        JsonNode e = list.get(0);
        assertThat(e.path("id").asLong()).isEqualTo(1);
        assertThat(e.path("runDate").asString()).isEqualTo(ConsoleFixture.DATE);
        assertThat(e.path("status").asString()).isEqualTo("STARTED");
        assertThat(e.path("crashed").asBoolean()).isTrue();
        String start = e.path("startTime").asString();
        assertThat(start).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?\\+03:00");
        assertThat(java.time.Duration.between(java.time.OffsetDateTime.parse(start).toInstant(), java.time.Instant.now()))
                .as("the start, read back with its offset, is the real instant").isBetween(java.time.Duration.ZERO,
                        java.time.Duration.ofMinutes(10));
        assertThat(e.path("reason").asString()).contains("crashed");

        JsonNode d = json(get("/api/executions/1"));
        // where a restart resumes: after the last read position the job repository saved (1 if none was saved yet)
        assertThat(d.path("stoppedAt").path("number").asInt()).isBetween(1, 300);
        assertThat(d.path("stoppedAt").path("path").asString()).startsWith(work.resolve("gen/archive").toString());
        assertThat(d.path("steps").size()).isGreaterThanOrEqualTo(2);
        assertThat(d.path("steps").get(1).path("name").asString()).isEqualTo("ingestFiles");
    }

    @Test
    @Order(2)
    @DisplayName("every action without a token, with a wrong one or with a prefix of it: 401, logged, nothing done")
    void actionsNeedTheToken() throws Exception {
        for (String action : ACTIONS) {
            for (String bearer : new String[] {null, "wrong", TOKEN.substring(0, TOKEN.length() - 1), TOKEN + "x"}) {
                HttpResponse<String> r = post("/api/executions/1/" + action, bearer);
                assertThat(r.statusCode()).as(action + " with " + bearer).isEqualTo(401);
                assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
                assertThat(json(r).path("error").asString()).contains("Bearer");
            }
        }
        assertThat(json(get("/api/executions/1")).path("status").asString()).isEqualTo("STARTED");
        assertThat(json(get("/api/actions")).size()).isZero();
        assertThat(ConsoleFixture.read(console.log())).contains("Refused POST /api/executions/1/recover")
                .contains("missing bearer token").contains("wrong bearer token");
    }

    @Test
    @Order(3)
    @DisplayName("a form post without the CSRF value bound to its cookie is refused (403), even with the token")
    void formsNeedCsrf() throws Exception {
        HttpResponse<String> noCookie = remember(console.form("/executions/1/recover", "token=" + TOKEN, null));
        assertThat(noCookie.statusCode()).isEqualTo(403);
        HttpResponse<String> page = get("/executions/1/recover");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Mark execution 1").contains("FAILED");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Strict");
        String pair = cookie.substring(0, cookie.indexOf(';'));
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.body());
        assertThat(m.find()).isTrue();
        String csrf = m.group(1);
        assertThat(remember(console.form("/executions/1/recover", "csrf=" + csrf + "&token=" + TOKEN, null))
                .statusCode()).as("the value without its cookie").isEqualTo(403);
        assertThat(remember(console.form("/executions/1/recover", "csrf=x" + csrf + "&token=" + TOKEN, pair))
                .statusCode()).as("a wrong value with the cookie").isEqualTo(403);
        assertThat(remember(console.form("/executions/1/recover", "csrf=" + csrf + "&token=wrong", pair))
                .statusCode()).as("the right CSRF value, a wrong token").isEqualTo(401);
        assertThat(json(get("/api/executions/1")).path("status").asString()).isEqualTo("STARTED");
    }

    @Test
    @Order(4)
    @DisplayName("unknown executions, actions and articles: 404 with a JSON error")
    void unknownIds() throws Exception {
        for (String path : List.of("/api/executions/999", "/api/actions/999", "/api/articles/no-such-key",
                "/api/executions/999/log", "/api/no-such-endpoint")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(json(r).path("error").asString()).as(path).isNotEmpty();
        }
        assertThat(post("/api/executions/999/recover", TOKEN).statusCode()).isEqualTo(404);
        assertThat(post("/api/executions/1/explode", TOKEN).statusCode()).isEqualTo(404);
        assertThat(get("/executions/999").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(5)
    @DisplayName("bad query parameters and ids: 400 with a JSON error naming the parameter")
    void badParameters() throws Exception {
        Map<String, String> bad = Map.of(
                "/api/executions?status=EXPLODED", "status",
                "/api/executions?from=2026-13-01", "from",
                "/api/executions?last=0", "last",
                "/api/executions?from=2026-11-28&to=2026-11-01", "before",
                "/api/executions/abc", "execution id",
                "/api/articles?menafn=12a", "menafn",
                "/api/articles?kuna=-4", "kuna",
                "/api/articles?to=yesterday", "to",
                "/api/articles?limit=100000", "limit",
                "/api/actions/x1", "action id");
        for (var e : bad.entrySet()) {
            HttpResponse<String> r = get(e.getKey());
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(400);
            assertThat(json(r).path("error").asString()).as(e.getKey()).contains(e.getValue());
        }
        assertThat(post("/api/executions/abc/restart", TOKEN).statusCode()).isEqualTo(400);
    }

    @Test
    @Order(6)
    @DisplayName("recover then restart with the token; a second restart while one runs is refused (409) like jobs")
    void recoverRestartAndRefuseTheSecond() throws Exception {
        HttpResponse<String> early = post("/api/executions/1/restart", TOKEN);
        assertThat(early.statusCode()).as(early.body()).isEqualTo(409);
        assertThat(json(early).path("error").asString()).contains("crashed").contains("ecover");

        HttpResponse<String> rec = post("/api/executions/1/recover", TOKEN);
        assertThat(rec.statusCode()).as(rec.body()).isEqualTo(202);
        String href = rec.headers().firstValue("Location").orElseThrow();
        assertThat(href).isEqualTo("/api/actions/" + json(rec).path("id").asLong());
        JsonNode done = ConsoleFixture.json(console.awaitAction(href, 120));
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("succeeded");
        assertThat(done.path("exitCode").asInt()).isZero();
        assertThat(done.path("message").asString()).contains("recovered");
        assertThat(json(get("/api/executions/1")).path("status").asString()).isEqualTo("FAILED");
        HttpResponse<String> again = post("/api/executions/1/recover", TOKEN);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("error").asString()).contains("FAILED");

        HttpResponse<String> restart = post("/api/executions/1/restart", TOKEN);
        assertThat(restart.statusCode()).as(restart.body()).isEqualTo(202);
        String restartHref = restart.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> second = post("/api/executions/1/restart", TOKEN);
        assertThat(second.statusCode()).as("a second restart at once").isEqualTo(409);
        assertThat(json(second).path("error").asString()).contains("still running");

        // once the child holds the lock, its run is refused by its state too (what `jobs restart` says)
        console.await("/api/executions", b -> b.contains("\"status\":\"STARTED\",\"crashed\":false"), 120);
        JsonNode running = json(get("/api/executions")).get(0);
        long restarted = running.path("id").asLong(); // H2 may skip sequence values after a crash: not always 2
        assertThat(restarted).isGreaterThan(1);
        assertThat(running.path("runId").asLong()).isEqualTo(1);
        assertThat(post("/api/executions/1/restart", TOKEN).statusCode()).isEqualTo(409);
        HttpResponse<String> recoverLive = post("/api/executions/" + restarted + "/recover", TOKEN);
        assertThat(recoverLive.statusCode()).isEqualTo(409);
        assertThat(json(recoverLive).path("error").asString()).contains("not a crash");
        JsonNode live = json(get("/api/executions/" + restarted));
        assertThat(live.path("progress").path("filesTotal").asInt()).isGreaterThanOrEqualTo(300);

        JsonNode ended = ConsoleFixture.json(console.awaitAction(restartHref, 240));
        assertThat(ended.path("state").asString()).as(ended.toString()).isEqualTo("succeeded");
        assertThat(ended.path("logTail").toString()).contains("COMPLETED");
        JsonNode list = json(get("/api/executions"));
        assertThat(list.get(0).path("id").asLong()).isEqualTo(restarted);
        assertThat(list.get(0).path("status").asString()).isEqualTo("COMPLETED");
        assertThat(list.get(1).path("status").asString()).isEqualTo("FAILED");
        assertThat(console.process().isAlive()).isTrue();

        int stored;
        try (Connection c = ConsoleFixture.connect(work, db)) {
            stored = CrashRecoveryIT.count(c, "SELECT COUNT(*) FROM articles");
        }
        assertThat(json(get("/api/articles?limit=1000")).size()).isEqualTo(stored);
        JsonNode reports = json(get("/api/executions/" + restarted)).path("reports");
        assertThat(reports.toString()).contains("report.html").contains("articles.csv");
        assertThat(get("/reports/" + ConsoleFixture.DATE + "/articles.csv").body()).startsWith("article_key");
    }

    @Test
    @Order(7)
    @DisplayName("articles: search by MENAFN number and headline word, one article with every copy")
    void articles() throws Exception {
        JsonNode some = json(get("/api/articles?limit=5"));
        assertThat(some.size()).isEqualTo(5);
        JsonNode first = some.get(0);
        String word = first.path("headline").asString().split("\\s+")[0];
        assertThat(json(get("/api/articles?q=" + java.net.URLEncoder.encode(word, "UTF-8") + "&limit=1000")).toString())
                .contains(first.path("key").asString());
        JsonNode withMenafn = json(get("/api/articles?limit=1000"));
        for (JsonNode a : withMenafn) {
            if (!a.path("menafnArticleNo").isNull()) {
                JsonNode byNo = json(get("/api/articles?menafn=" + a.path("menafnArticleNo").asLong()));
                assertThat(byNo.size()).isEqualTo(1);
                assertThat(byNo.get(0).path("key").asString()).isEqualTo(a.path("key").asString());
                break;
            }
        }
        JsonNode one = json(get("/api/articles/" + first.path("key").asString()));
        assertThat(one.path("body").asString()).isNotEmpty();
        assertThat(one.path("sources").size()).isEqualTo(one.path("sourceCount").asInt());
    }

    @Test
    @Order(8)
    @DisplayName("without a token the console is read-only: every page says so, every action answers 403")
    void readOnlyWithoutAToken() throws Exception {
        for (String page : List.of("/", "/executions/1", "/articles", "/executions/1/restart")) {
            HttpResponse<String> r = remember(readOnly.get(page));
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            assertThat(r.body()).as(page).contains("id=\"read-only\"").contains("Read-only console")
                    .doesNotContain("<form method=\"post\"");
        }
        assertThat(json(remember(readOnly.get("/api/status"))).path("readOnly").asBoolean()).isTrue();
        for (String action : ACTIONS) {
            for (String bearer : new String[] {null, TOKEN, ""}) {
                HttpResponse<String> r = remember(readOnly.post("/api/executions/1/" + action, bearer));
                assertThat(r.statusCode()).as(action).isEqualTo(403);
                assertThat(json(r).path("error").asString()).contains("read-only");
            }
        }
        assertThat(json(remember(console.get("/api/status"))).path("readOnly").asBoolean()).isFalse();
    }

    @Test
    @Order(99)
    @DisplayName("no response ever held the database password or the token; a non-loopback console needs a token")
    void noSecrets() throws Exception {
        assertThat(seen).hasSizeGreaterThan(50);
        for (String r : seen) {
            assertThat(r).doesNotContain(PASSWORD).doesNotContain(TOKEN);
        }
        for (String page : List.of("/", "/executions/1", "/articles", "/api/status",
                "/api/executions/1/log", "/api/actions")) {
            assertThat(get(page).body()).as(page).doesNotContain(PASSWORD).doesNotContain(TOKEN);
        }
        ProcessBuilder open = Launcher.builder(work, Map.of(), "serve", "--listen", "0.0.0.0:" + ConsoleFixture.freePort())
                .redirectOutput(work.resolve("open.out").toFile()).redirectError(work.resolve("open.err").toFile());
        open.environment().remove("WIREARCHIVE_CONSOLE_TOKEN");
        Process p = open.start();
        assertThat(p.waitFor(2, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        String err = ConsoleFixture.read(work.resolve("open.err"));
        assertThat(p.exitValue()).as(err).isEqualTo(2);
        assertThat(err.strip().lines().count()).as(err).isEqualTo(1);
        assertThat(err).contains("without a token").doesNotContain("Exception");
    }
}
