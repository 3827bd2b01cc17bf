package org.wirearchive.batch.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The console's HTML pages, rendered on the server so that they read without JavaScript: the nights (a grid of run
 * dates by step status), one night, an action's progress, article search and one article with its cluster and diff.
 */
@Controller
@ConditionalOnWebApplication
@ConditionalOnProperty(name = ConsoleSettings.ENABLED, havingValue = "true")
public class Pages {

    static final String READ_ONLY = "Read-only console: no token was configured (--token-file or "
            + "WIREARCHIVE_CONSOLE_TOKEN), so restart, recover, stop and abandon are disabled.";
    private static final MediaType HTML = new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8);
    private static final List<String> STEP_ROWS = List.of("freezeInputs", "ingestFiles", "parseFiles", "storeParsed",
            "writeReports");

    private final Nights nights;
    private final Actions actions;
    private final Articles articles;
    private final ConsoleSettings settings;
    private final Guard guard;

    public Pages(Nights nights, Actions actions, Articles articles, ConsoleSettings settings, Guard guard) {
        this.nights = nights;
        this.actions = actions;
        this.articles = articles;
        this.settings = settings;
        this.guard = guard;
    }

    private ResponseEntity<String> html(String title, String body) {
        return ResponseEntity.ok().contentType(HTML).body(Html.page(title, body,
                settings.readOnly() ? READ_ONLY : null, "database " + settings.databaseShown() + " · reports "
                        + settings.outDir()));
    }

    // ---------------------------------------------------------------- nights

    @GetMapping("/")
    public ResponseEntity<String> nightsPage(@RequestParam(required = false) String status,
                                             @RequestParam(required = false) String from,
                                             @RequestParam(required = false) String to,
                                             @RequestParam(required = false) String last) {
        Nights.Filter filter = Nights.Filter.parse(status, from, to, last == null ? "60" : last);
        List<Map<String, Object>> rows = nights.list(filter);
        StringBuilder b = new StringBuilder("<h1>Nights</h1>");
        b.append("<form class=\"filter\" method=\"get\" action=\"/\"><label>Status <select name=\"status\">")
                .append("<option value=\"\">any</option>");
        for (String s : List.of("COMPLETED", "FAILED", "STARTED", "STOPPED", "STOPPING", "ABANDONED", "UNKNOWN")) {
            b.append("<option").append(s.equals(filter.status() == null ? null : filter.status().name())
                    ? " selected" : "").append(">").append(s).append("</option>");
        }
        b.append("</select></label> <label>From <input type=\"date\" name=\"from\" value=\"")
                .append(Html.esc(filter.from())).append("\"></label> <label>To <input type=\"date\" name=\"to\" value=\"")
                .append(Html.esc(filter.to())).append("\"></label> <button>Filter</button></form>");
        if (rows.isEmpty()) {
            b.append("<p>No ingest executions").append(filter.status() == null && filter.from() == null
                    && filter.to() == null ? " yet" : " match the filter").append(".</p>");
            return html("Nights", b.toString());
        }
        for (Map<String, Object> r : rows) {
            if ("STARTED".equals(r.get("status")) && !(Boolean) r.get("crashed")) {
                b.append(runningBox(r));
            }
        }
        // the grid: one column per execution, oldest left (as Airflow's), one row per step
        List<Map<String, Object>> cols = new ArrayList<>(rows);
        java.util.Collections.reverse(cols);
        Map<Long, Map<String, String>> stepStatus = new LinkedHashMap<>();
        java.util.Set<String> usedSteps = new java.util.LinkedHashSet<>();
        for (Map<String, Object> c : cols.subList(Math.max(0, cols.size() - 40), cols.size())) {
            long id = (Long) c.get("id");
            Map<String, String> st = new TreeMap<>();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> steps = (List<Map<String, Object>>) nights.detail(id).get("steps");
            for (Map<String, Object> s : steps) {
                st.put((String) s.get("name"), (String) s.get("status"));
                usedSteps.add((String) s.get("name"));
            }
            stepStatus.put(id, st);
        }
        b.append("<div class=\"grid-wrap\"><table class=\"grid\" id=\"grid\"><thead><tr><th></th>");
        for (Map<String, Object> c : cols) {
            if (stepStatus.containsKey((Long) c.get("id"))) {
                b.append("<th class=\"date\"><a href=\"/executions/").append(c.get("id")).append("\">")
                        .append(Html.esc(c.get("runDate"))).append("</a></th>");
            }
        }
        b.append("</tr></thead><tbody><tr><th>night</th>");
        for (Map<String, Object> c : cols) {
            if (stepStatus.containsKey((Long) c.get("id"))) {
                String st = state(c);
                b.append("<td><a class=\"cell ").append(st.toLowerCase(Locale.ROOT)).append("\" href=\"/executions/")
                        .append(c.get("id")).append("\" title=\"execution ").append(c.get("id")).append(": ")
                        .append(st).append(c.get("reason") == null ? "" : " - " + Html.esc(c.get("reason")))
                        .append("\">").append(st.charAt(0)).append("</a></td>");
            }
        }
        b.append("</tr>");
        for (String step : STEP_ROWS) {
            if (!usedSteps.contains(step)) {
                continue;
            }
            b.append("<tr><th>").append(step).append("</th>");
            for (Map<String, Object> c : cols) {
                Map<String, String> st = stepStatus.get((Long) c.get("id"));
                if (st != null) {
                    String s = st.getOrDefault(step, "none");
                    b.append("<td><span class=\"cell ").append(s.toLowerCase(Locale.ROOT)).append("\" title=\"")
                            .append(step).append(": ").append(s).append("\"></span></td>");
                }
            }
            b.append("</tr>");
        }
        b.append("</tbody></table></div>");
        b.append("<table class=\"list\" id=\"executions\"><thead><tr><th>Execution</th><th>Run</th><th>Run date</th>"
                + "<th>Status</th><th>Started</th><th>Ended</th><th>Files</th><th>New</th><th>Dups</th>"
                + "<th>Rejects</th><th>Reason</th></tr></thead><tbody>");
        for (Map<String, Object> r : rows) {
            String st = state(r);
            @SuppressWarnings("unchecked")
            Map<String, Object> counts = (Map<String, Object>) r.get("counts");
            b.append("<tr class=\"").append(st.toLowerCase(Locale.ROOT)).append("\" data-id=\"").append(r.get("id"))
                    .append("\"><td><a href=\"/executions/").append(r.get("id")).append("\">").append(r.get("id"))
                    .append("</a></td><td>").append(r.get("runId")).append("</td><td>").append(Html.esc(r.get("runDate")))
                    .append("</td><td class=\"status\"><span class=\"badge ").append(st.toLowerCase(Locale.ROOT))
                    .append("\">").append(st).append("</span></td><td>").append(Html.esc(short_(r.get("startTime"))))
                    .append("</td><td>").append(Html.esc(short_(r.get("endTime")))).append("</td><td>")
                    .append(n(counts.get("files"))).append("</td><td>").append(n(counts.get("articlesNew")))
                    .append("</td><td>").append(n(counts.get("duplicates"))).append("</td><td>")
                    .append(n(counts.get("rejects"))).append("</td><td class=\"reason\">")
                    .append(Html.esc(r.get("reason"))).append("</td></tr>");
        }
        b.append("</tbody></table>");
        return html("Nights", b.toString());
    }

    private String runningBox(Map<String, Object> r) {
        Map<String, Object> d = nights.detail((Long) r.get("id"));
        @SuppressWarnings("unchecked")
        Map<String, Object> p = (Map<String, Object>) d.get("progress");
        StringBuilder b = new StringBuilder("<section class=\"running\" data-execution=\"").append(r.get("id"))
                .append("\"><h2>Running: <a href=\"/executions/").append(r.get("id")).append("\">")
                .append(Html.esc(r.get("runDate"))).append(" (execution ").append(r.get("id")).append(")</a></h2>");
        b.append(progressHtml(p));
        return b.append("</section>").toString();
    }

    static String progressHtml(Map<String, Object> p) {
        if (p == null) {
            return "<p class=\"progress\">Listing the input files…</p>";
        }
        Object eta = p.get("etaSeconds");
        return "<p class=\"progress\"><progress max=\"100\" value=\"" + p.get("percent") + "\"></progress> "
                + "<span data-field=\"files\">" + p.get("filesDone") + " of " + p.get("filesTotal") + " files ("
                + p.get("percent") + "%)</span> · <span data-field=\"rate\">" + p.get("inputsPerSecond")
                + " inputs/s</span> · ETA <span data-field=\"eta\">" + (eta == null ? "-" : duration((Long) eta))
                + "</span></p>";
    }

    static String duration(long s) {
        return s >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", s / 3600, s / 60 % 60)
                : String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }

    /** The status as the operator should read it: a STARTED execution no process runs is CRASHED. */
    static String state(Map<String, Object> r) {
        return Boolean.TRUE.equals(r.get("crashed")) ? "CRASHED" : (String) r.get("status");
    }

    private static String short_(Object isoTime) {
        if (isoTime == null) {
            return "-";
        }
        String s = isoTime.toString();
        return s.length() >= 19 ? s.substring(0, 10) + " " + s.substring(11, 19) : s;
    }

    private static String n(Object o) {
        return o == null ? "-" : o.toString();
    }

    // ---------------------------------------------------------------- one night

    @GetMapping("/executions/{id}")
    public ResponseEntity<String> nightPage(@PathVariable String id) {
        long n = ApiController.id(id, "execution");
        Map<String, Object> d = nights.detail(n);
        String st = state(d);
        StringBuilder b = new StringBuilder();
        b.append("<h1>Night ").append(Html.esc(d.get("runDate"))).append(" <small>execution ").append(n)
                .append(", run ").append(d.get("runId")).append(((Long) d.get("attempt")) > 0 ? ", attempt "
                        + d.get("attempt") : "").append("</small></h1>");
        b.append("<p><span class=\"badge ").append(st.toLowerCase(Locale.ROOT)).append("\" id=\"status\">").append(st)
                .append("</span> started ").append(Html.esc(short_(d.get("startTime")))).append(", ended ")
                .append(Html.esc(short_(d.get("endTime")))).append("</p>");
        if (d.get("reason") != null) {
            b.append("<p class=\"reason").append(st.equals("COMPLETED") ? "" : " err").append("\" id=\"reason\">")
                    .append(Html.esc(d.get("reason"))).append("</p>");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> stopped = (Map<String, Object>) d.get("stoppedAt");
        if (stopped != null) {
            b.append("<p class=\"stopped\" id=\"stopped-at\">Stopped at file ").append(stopped.get("number"))
                    .append(" of ").append(stopped.get("total")).append(": <code>").append(Html.esc(stopped.get("path")))
                    .append("</code> <small>(not committed: the failing item is in the chunk of up to ")
                    .append(stopped.get("chunkSize")).append(" files from there; a restart reads on from it)</small></p>");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> progress = (Map<String, Object>) d.get("progress");
        if (progress != null && Boolean.TRUE.equals(progress.get("running"))) {
            b.append("<section class=\"running\" data-execution=\"").append(n).append("\">")
                    .append(progressHtml(progress)).append("</section>");
        } else if (progress != null && !"COMPLETED".equals(st)) {
            b.append("<p class=\"progress\">Done: ").append(progress.get("filesDone")).append(" of ")
                    .append(progress.get("filesTotal")).append(" files (").append(progress.get("percent"))
                    .append("%) committed.</p>");
        }
        b.append(buttons(n, st));
        stepsTable(b, d);
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) d.get("counts");
        if (Boolean.TRUE.equals(d.get("latest")) && counts.get("files") != null) {
            b.append("<p>The run: ").append(n(counts.get("files"))).append(" files, ")
                    .append(n(counts.get("articlesNew"))).append(" new and ").append(n(counts.get("articlesUpdated")))
                    .append(" updated articles, ").append(n(counts.get("duplicates"))).append(" duplicates, ")
                    .append(n(counts.get("rejects"))).append(" rejects.</p>");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> failure = (Map<String, Object>) d.get("failure");
        if (failure != null) {
            b.append("<h2>Failure</h2><p class=\"err\">").append(Html.esc(failure.get("message")))
                    .append("</p><details><summary>Stack trace</summary><pre class=\"trace\">")
                    .append(Html.esc(failure.get("stackTrace"))).append("</pre></details>");
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> reports = (List<Map<String, Object>>) d.get("reports");
        b.append("<h2>Reports</h2>");
        if (reports.isEmpty()) {
            b.append("<p>No reports in ").append(Html.esc(settings.outDir().resolve(String.valueOf(d.get("runDate")))))
                    .append(".</p>");
        } else {
            b.append("<ul class=\"reports\">");
            for (Map<String, Object> r : reports) {
                b.append("<li><a href=\"").append(Html.esc(r.get("href"))).append("\">").append(Html.esc(r.get("name")))
                        .append("</a></li>");
            }
            b.append("</ul>");
        }
        rejectsTable(b, (Long) d.get("runId"));
        List<String> log = nights.logLines(n);
        b.append("<h2>Log</h2>");
        b.append(log.isEmpty() ? "<p>No log lines for this execution in "
                + Html.esc(settings.dataDir().resolve("logs").resolve("wirearchive.log")) + ".</p>"
                : "<pre class=\"log\" id=\"log\">" + Html.esc(String.join("\n", log)) + "</pre>");
        return html("Night " + d.get("runDate"), b.toString());
    }

    /** The night's steps, then the partitions of a remote run, one row each. */
    private static void stepsTable(StringBuilder b, Map<String, Object> d) {
        b.append("<h2>Steps</h2><table class=\"list\" id=\"steps\"><thead><tr><th>Step</th><th>Status</th><th>Read</th>"
                + "<th>Write</th><th>Filter</th><th>Skip</th><th>Commit</th><th>Rollback</th><th>Started</th>"
                + "<th>Ended</th><th>Exit</th></tr></thead><tbody>");
        for (String kind : List.of("steps", "partitions")) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> steps = (List<Map<String, Object>>) d.get(kind);
            if (kind.equals("partitions") && !steps.isEmpty()) {
                b.append("<tr><th colspan=\"11\">Partitions of the remote run</th></tr>");
            }
            for (Map<String, Object> s : steps) {
                b.append("<tr class=\"").append(Html.esc(s.get("status")).toLowerCase(Locale.ROOT)).append("\"><td>")
                        .append(Html.esc(s.get("name"))).append("</td><td>").append(s.get("status")).append("</td><td>")
                        .append(s.get("readCount")).append("</td><td>").append(s.get("writeCount")).append("</td><td>")
                        .append(s.get("filterCount")).append("</td><td>").append(s.get("skipCount")).append("</td><td>")
                        .append(s.get("commitCount")).append("</td><td>").append(s.get("rollbackCount"))
                        .append("</td><td>").append(Html.esc(short_(s.get("startTime")))).append("</td><td>")
                        .append(Html.esc(short_(s.get("endTime")))).append("</td><td>").append(Html.esc(s.get("exitCode")))
                        .append("</td></tr>");
            }
        }
        b.append("</tbody></table>");
    }

    /** The first 200 rejects of run {@code runId}. */
    private void rejectsTable(StringBuilder b, Long runId) {
        List<Map<String, Object>> rejects = nights.rejects(runId, 200);
        b.append("<h2>Rejects of this run</h2>");
        if (rejects.isEmpty()) {
            b.append("<p>None.</p>");
        } else {
            b.append("<table class=\"list\" id=\"rejects\"><thead><tr><th>Input</th><th>Reason</th><th></th></tr>"
                    + "</thead><tbody>");
            for (Map<String, Object> r : rejects) {
                b.append("<tr><td><code>").append(Html.esc(r.get("source"))).append("</code></td><td>")
                        .append(Html.esc(r.get("reason"))).append("</td><td>").append(Html.esc(r.get("reasonText")))
                        .append("</td></tr>");
            }
            b.append("</tbody></table>");
        }
    }

    private String buttons(long id, String state) {
        StringBuilder b = new StringBuilder("<p class=\"actions\">");
        for (String a : Actions.NAMES) {
            boolean likely = switch (a) {
                case "restart" -> state.equals("FAILED") || state.equals("STOPPED");
                case "recover" -> state.equals("CRASHED") || state.equals("STOPPING");
                case "stop" -> state.equals("STARTED");
                default -> state.equals("FAILED") || state.equals("STOPPED") || state.equals("STOPPING");
            };
            if (settings.readOnly()) {
                b.append("<span class=\"button disabled\" title=\"read-only console\">").append(label(a)).append("</span> ");
            } else {
                b.append("<a class=\"button").append(likely ? " primary" : "").append("\" id=\"action-").append(a)
                        .append("\" href=\"/executions/").append(id).append('/').append(a).append("\">").append(label(a))
                        .append("</a> ");
            }
        }
        return b.append("</p>").toString();
    }

    private static String label(String a) {
        return Character.toUpperCase(a.charAt(0)) + a.substring(1);
    }

    static String consequence(String action, long id, String runDate) {
        return switch (action) {
            case "restart" -> "Restart the run of " + runDate + " (execution " + id + ") from its last committed chunk, "
                    + "with the same input files and options, under the ingest lock: files already stored are neither "
                    + "read nor counted again. It runs as a child process of the console until the night ends.";
            case "recover" -> "Mark execution " + id + " (" + runDate + ") FAILED because no live process runs it "
                    + "(a crash: kill -9, power loss), so that it can restart. Refused if an ingest still runs it.";
            case "stop" -> "Ask execution " + id + " (" + runDate + ") to stop: the running ingest commits the chunk it "
                    + "is in, then ends STOPPED. A restart later resumes from there.";
            default -> "Mark execution " + id + " (" + runDate + ") ABANDONED: its run will never restart. A new run of "
                    + runDate + " then needs ingest --force.";
        };
    }

    @GetMapping("/executions/{id}/{action}")
    public ResponseEntity<String> confirm(@PathVariable String id, @PathVariable String action,
                                          HttpServletRequest request, HttpServletResponse response) {
        long n = ApiController.id(id, "execution");
        if (!Actions.NAMES.contains(action)) {
            throw ApiException.notFound("no action " + action);
        }
        Map<String, Object> d = nights.detail(n);
        StringBuilder b = new StringBuilder("<h1>").append(label(action)).append(" execution ").append(n)
                .append("?</h1><p class=\"consequence\">").append(Html.esc(consequence(action, n,
                        String.valueOf(d.get("runDate"))))).append("</p><p>It is now <span class=\"badge ")
                .append(state(d).toLowerCase(Locale.ROOT)).append("\">").append(state(d)).append("</span>.</p>");
        if (settings.readOnly()) {
            b.append("<p class=\"err\">This console is read-only: it was started without a token.</p>");
        } else {
            b.append("<form method=\"post\" action=\"/executions/").append(n).append('/').append(action)
                    .append("\" class=\"confirm\"><input type=\"hidden\" name=\"").append(Guard.CSRF_FIELD)
                    .append("\" value=\"").append(Html.esc(guard.csrfField(request, response))).append("\">")
                    .append("<label>Operator token <input type=\"password\" name=\"").append(Guard.TOKEN_FIELD)
                    .append("\" id=\"token\" autocomplete=\"current-password\" required></label> ")
                    .append("<button type=\"submit\" id=\"confirm\">").append(label(action)).append("</button> ")
                    .append("<a href=\"/executions/").append(n).append("\">Cancel</a></form>");
        }
        return html(label(action) + " " + n, b.toString());
    }

    @PostMapping("/executions/{id}/{action}")
    public ResponseEntity<String> act(@PathVariable String id, @PathVariable String action) {
        Actions.Action a = actions.start(action, ApiController.id(id, "execution"));
        return ResponseEntity.status(303).header(HttpHeaders.LOCATION, "/actions/" + a.id).build();
    }

    @GetMapping("/actions/{id}")
    public ResponseEntity<String> actionPage(@PathVariable String id) {
        Actions.Action a = actions.get(ApiController.id(id, "action"));
        Map<String, Object> j = actions.json(a);
        String state = (String) j.get("state");
        StringBuilder b = new StringBuilder();
        b.append("<h1>").append(label(a.name)).append(" execution <a href=\"/executions/").append(a.executionId)
                .append("\">").append(a.executionId).append("</a></h1>");
        b.append("<p>Action ").append(a.id).append(": <span class=\"badge ").append(state).append("\" id=\"action-state\"")
                .append(a.running() ? " data-poll=\"/api/actions/" + a.id + "\"" : "").append(">").append(state)
                .append("</span>").append(j.get("exitCode") == null ? "" : " (exit code " + j.get("exitCode") + ")")
                .append("</p>");
        if (j.get("message") != null) {
            b.append("<p id=\"action-message\">").append(Html.esc(j.get("message"))).append("</p>");
        }
        @SuppressWarnings("unchecked")
        List<String> tail = (List<String>) j.get("logTail");
        b.append("<pre class=\"log\" id=\"action-log\">").append(Html.esc(String.join("\n", tail))).append("</pre>");
        b.append("<p><a href=\"/executions/").append(a.executionId).append("\">Back to the night</a> · "
                + "<a href=\"/\">Nights</a></p>");
        if (a.running()) {
            b.append("<noscript><p>This page does not refresh without JavaScript: reload it to follow the action."
                    + "</p></noscript>");
        }
        return html("Action " + a.id, b.toString());
    }

    // ---------------------------------------------------------------- articles

    @GetMapping("/articles")
    public ResponseEntity<String> articlesPage(@RequestParam(required = false) String q,
                                               @RequestParam(required = false) String provider,
                                               @RequestParam(required = false) String from,
                                               @RequestParam(required = false) String to,
                                               @RequestParam(required = false) String menafn,
                                               @RequestParam(required = false) String kuna) {
        Articles.Query query = Articles.Query.parse(q, provider, from, to, menafn, kuna, "100");
        StringBuilder b = new StringBuilder("<h1>Articles</h1><form class=\"filter\" method=\"get\" action=\"/articles\">");
        b.append(field("Headline words", "q", query.q(), "search")).append(field("Provider", "provider",
                query.provider(), "text")).append(field("From", "from", query.from(), "date"))
                .append(field("To", "to", query.to(), "date")).append(field("MENAFN no.", "menafn", query.menafn(), "text"))
                .append(field("KUNA id", "kuna", query.kuna(), "text")).append("<button>Search</button></form>");
        List<Map<String, Object>> found = articles.search(query);
        b.append("<p>").append(found.size()).append(found.size() == query.limit() ? "+" : "")
                .append(" article").append(found.size() == 1 ? "" : "s").append(query.empty() ? " (the latest)" : "")
                .append(".</p>");
        b.append("<table class=\"list\" id=\"articles\"><thead><tr><th>Published</th><th>Provider</th><th>Headline</th>"
                + "<th>MENAFN</th><th>KUNA</th><th>Copies</th></tr></thead><tbody>");
        for (Map<String, Object> a : found) {
            b.append("<tr><td>").append(Html.esc(a.get("publishedDate"))).append("</td><td>")
                    .append(Html.esc(a.get("provider"))).append("</td><td><a href=\"/articles/")
                    .append(Html.esc(Html.url((String) a.get("key")))).append("\">")
                    .append(Html.esc(a.get("headline") == null ? a.get("key") : a.get("headline"))).append("</a></td><td>")
                    .append(n(a.get("menafnArticleNo"))).append("</td><td>").append(n(a.get("kunaId")))
                    .append("</td><td>").append(a.get("sourceCount")).append("</td></tr>");
        }
        b.append("</tbody></table>");
        return html("Articles", b.toString());
    }

    private static String field(String label, String name, Object value, String type) {
        return "<label>" + label + " <input type=\"" + type + "\" name=\"" + name + "\" value=\"" + Html.esc(value)
                + "\"></label> ";
    }

    @GetMapping("/articles/{key}")
    public ResponseEntity<String> articlePage(@PathVariable String key,
                                              @RequestParam(required = false) String diff) {
        Map<String, Object> a = articles.article(key);
        if (a == null) {
            throw ApiException.notFound("no article with key " + key);
        }
        StringBuilder b = new StringBuilder("<h1 id=\"headline\">").append(Html.esc(a.get("headline"))).append("</h1>");
        b.append("<table class=\"fields\" id=\"fields\"><tbody>");
        for (String f : List.of("key", "provider", "published", "publishedDate", "menafnDocId", "menafnArticleNo",
                "kunaId", "datelineCity", "byline", "editorInitials", "language", "url", "format", "crawlDate",
                "firstSeenDate", "sourceCount", "canonicalSource", "warnings")) {
            if (a.get(f) != null && !"".equals(a.get(f))) {
                b.append("<tr><th>").append(f).append("</th><td>").append(Html.esc(a.get(f))).append("</td></tr>");
            }
        }
        b.append("</tbody></table>");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sources = (List<Map<String, Object>>) a.get("sources");
        b.append("<h2>Cluster: ").append(sources.size()).append(" cop").append(sources.size() == 1 ? "y" : "ies")
                .append("</h2><table class=\"list\" id=\"cluster\"><thead><tr><th>Copy</th><th>Status</th><th>Rule</th>"
                        + "<th>Similarity</th><th>Run date</th><th></th></tr></thead><tbody>");
        String enc = Html.esc(Html.url(key));
        for (Map<String, Object> s : sources) {
            boolean canonical = Boolean.TRUE.equals(s.get("canonical"));
            b.append("<tr").append(canonical ? " class=\"canonical\"" : "").append("><td><code>")
                    .append(Html.esc(s.get("source"))).append("</code></td><td>")
                    .append(canonical ? "canonical" : Html.esc(s.get("status"))).append("</td><td>")
                    .append(Html.esc(s.get("rule"))).append("</td><td>")
                    .append(s.get("similarity") == null ? "" : String.format(Locale.ROOT, "%.3f", (Double) s.get("similarity")))
                    .append("</td><td>").append(Html.esc(s.get("runDate"))).append("</td><td>")
                    .append(canonical ? "" : "<a class=\"diff-link\" href=\"/articles/" + enc + "?diff="
                            + Html.esc(Html.url((String) s.get("source"))) + "#diff\">diff</a>").append("</td></tr>");
        }
        b.append("</tbody></table>");
        String body = (String) a.get("body");
        if (diff != null && !diff.isBlank()) {
            String copy = articles.copyBody(key, diff);
            b.append("<h2 id=\"diff\">Diff: <code>").append(Html.esc(diff)).append("</code> against the canonical copy</h2>");
            if (copy == null) {
                b.append("<p class=\"err\">The copy's file is gone or no longer holds this article, so it cannot be "
                        + "compared (the store keeps only the canonical body).</p>");
            } else if (copy.equals(body)) {
                b.append("<p>The bodies are identical.</p>");
            } else {
                b.append("<p class=\"legend\"><label><input type=\"checkbox\" id=\"only-changes\"> only changes</label></p>"
                        + "<table class=\"diff\" id=\"diff-table\"><thead><tr><th>this copy</th><th>canonical</th></tr>"
                        + "</thead><tbody>");
                for (Html.DiffRow r : Html.diff(copy, body)) {
                    String cls = switch (r.kind()) {
                        case '-' -> "del";
                        case '+' -> "add";
                        case '~' -> "chg";
                        default -> "same";
                    };
                    b.append("<tr class=\"").append(cls).append("\"><td>").append(Html.words(r.left(), r.right()))
                            .append("</td><td>").append(Html.words(r.right(), r.left())).append("</td></tr>");
                }
                b.append("</tbody></table>");
            }
        }
        b.append("<h2>Body</h2><div class=\"body\" id=\"body\">");
        for (String para : body.split("\n")) {
            b.append("<p>").append(Html.esc(para)).append("</p>");
        }
        b.append("</div>");
        return html(String.valueOf(a.get("headline")), b.toString());
    }

    // ---------------------------------------------------------------- reports

    @GetMapping("/reports/{runDate}/{name}")
    @ResponseBody
    public ResponseEntity<Resource> report(@PathVariable String runDate, @PathVariable String name) throws IOException {
        Path file = nights.report(runDate, name);
        if (file == null) {
            throw ApiException.notFound("no report " + name + " for " + runDate);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        MediaType type = lower.endsWith(".html") ? HTML
                : lower.endsWith(".csv") ? new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)
                : lower.endsWith(".json") ? MediaType.APPLICATION_JSON : MediaType.TEXT_PLAIN;
        return ResponseEntity.ok().contentType(type).contentLength(Files.size(file)).body(new FileSystemResource(file));
    }
}
