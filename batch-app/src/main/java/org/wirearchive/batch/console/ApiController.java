package org.wirearchive.batch.console;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The console's JSON API (docs/console.md): executions, operator actions, articles. */
@RestController
@RequestMapping("/api")
@ConditionalOnWebApplication
@ConditionalOnProperty(name = ConsoleSettings.ENABLED, havingValue = "true")
public class ApiController {

    private final Nights nights;
    private final Actions actions;
    private final Articles articles;
    private final ConsoleSettings settings;

    public ApiController(Nights nights, Actions actions, Articles articles, ConsoleSettings settings) {
        this.nights = nights;
        this.actions = actions;
        this.articles = articles;
        this.settings = settings;
    }

    @GetMapping("/status")
    public Map<String, Object> status() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("readOnly", settings.readOnly());
        m.put("database", settings.databaseShown());
        m.put("reports", settings.outDir().toString());
        var h = nights.lockHolder();
        m.put("ingestRunning", h != null);
        m.put("lockHolder", h == null ? null : Map.of("host", h.host(), "pid", h.pid(),
                "executionId", h.executionId() == null ? "" : h.executionId()));
        return m;
    }

    @GetMapping("/executions")
    public List<Map<String, Object>> executions(@RequestParam(required = false) String status,
                                                @RequestParam(required = false) String from,
                                                @RequestParam(required = false) String to,
                                                @RequestParam(required = false) String last) {
        return nights.list(Nights.Filter.parse(status, from, to, last));
    }

    @GetMapping("/executions/{id}")
    public Map<String, Object> execution(@PathVariable String id) {
        long n = id(id, "execution");
        Map<String, Object> d = nights.detail(n);
        d.put("rejects", nights.rejects((Long) d.get("runId"), 500));
        d.put("logHref", "/api/executions/" + n + "/log");
        return d;
    }

    @GetMapping("/executions/{id}/log")
    public Map<String, Object> log(@PathVariable String id) {
        long n = id(id, "execution");
        nights.detail(n);
        return Map.of("executionId", n, "lines", nights.logLines(n));
    }

    @PostMapping("/executions/{id}/{action}")
    public ResponseEntity<Map<String, Object>> act(@PathVariable String id, @PathVariable String action) {
        Actions.Action a = actions.start(action, id(id, "execution"));
        return ResponseEntity.accepted().location(URI.create("/api/actions/" + a.id)).body(actions.json(a));
    }

    @GetMapping("/actions")
    public List<Map<String, Object>> actionList() {
        List<Map<String, Object>> out = new java.util.ArrayList<>(actions.snapshot().stream().map(actions::json).toList());
        java.util.Collections.reverse(out);
        return out;
    }

    @GetMapping("/actions/{id}")
    public Map<String, Object> action(@PathVariable String id) {
        return actions.json(actions.get(id(id, "action")));
    }

    @GetMapping("/articles")
    public List<Map<String, Object>> search(@RequestParam(required = false) String q,
                                            @RequestParam(required = false) String provider,
                                            @RequestParam(required = false) String from,
                                            @RequestParam(required = false) String to,
                                            @RequestParam(required = false) String menafn,
                                            @RequestParam(required = false) String kuna,
                                            @RequestParam(required = false) String limit) {
        return articles.search(Articles.Query.parse(q, provider, from, to, menafn, kuna, limit));
    }

    @GetMapping("/articles/{key}")
    public Map<String, Object> article(@PathVariable String key) {
        Map<String, Object> a = articles.article(key);
        if (a == null) {
            throw ApiException.notFound("no article with key " + key);
        }
        return a;
    }

    static long id(String text, String what) {
        if (text == null || !text.matches("\\d{1,18}")) {
            throw ApiException.badRequest(what + " id must be a number, not " + text);
        }
        return Long.parseLong(text);
    }
}
