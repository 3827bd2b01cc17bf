package org.wirearchive.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirearchive.core.article.Article;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.generate.ParsedArchive.ParsedPage;

/**
 * The generator as an independent oracle: thousands of generated pages, with furniture drawn at random (header date
 * widgets of any date, menus, bylines in every position, captions, blank lines, CRLF), written to disk and read back by
 * the real parser; every field compared with what the generator printed, per layout.
 *
 * <p>The comparison is defined here, not by the parser: the body is right when its whitespace-folded text hashes to
 * the truth's {@code body_sha256}; the publication is right when date and time match where the page prints a time,
 * and the date matches with no time invented where it prints only the date.
 */
class GeneratedOracleTest {

    /** Seeds and pages per seed: 4 x 700 pages in every layout, plus 700 in the seed-layout mix. */
    static final long[] SEEDS = {20261206L, 7L, 424242L, 99991L};
    static final int PAGES = 700;

    static final List<String> FIELDS = List.of("published", "headline", "provider", "dateline", "menafn_id",
            "kuna_id", "body", "crawl_date");
    /** Fields that must be right on every page. */
    static final List<String> EXACT = List.of("published", "provider", "menafn_id", "kuna_id");
    /** Fields that must be right on at least {@link #MIN_SHARE} of the pages of every layout. */
    static final List<String> NEAR = List.of("headline", "dateline", "body", "crawl_date");
    static final double MIN_SHARE = 0.99;

    @TempDir
    static Path tmp;

    /** layout -> field -> {right, total} */
    static final Map<String, Map<String, int[]>> table = new TreeMap<>();
    /** field -> first mismatches (seed, file, expected, actual) */
    static final Map<String, List<String>> mismatches = new LinkedHashMap<>();
    /** field -> furniture tag -> mismatches on pages with that furniture */
    static final Map<String, Map<String, Integer>> mismatchFurniture = new TreeMap<>();
    static int pages;
    static int authorsRight;
    static int authorsTotal;

    @BeforeAll
    static void generateParseAndCompare() throws IOException {
        List<GeneratorSpec> specs = new ArrayList<>();
        for (long seed : SEEDS) {
            specs.add(GeneratorSpec.of(PAGES, tmp.resolve("full-" + seed), seed));
        }
        specs.add(GeneratorSpec.of(PAGES, tmp.resolve("text"), 5L).withMix(GeneratorSpec.Mix.MENAFN_TEXT));
        for (GeneratorSpec spec : specs) {
            for (ParsedPage pp : ParsedArchive.generateAndParse(spec)) {
                if (pp.page().truth() != null) {
                    compare(spec.seed(), pp);
                    pages++;
                }
            }
        }
    }

    static void compare(long seed, ParsedPage pp) {
        PageTruth t = pp.page().truth();
        Article a = pp.article();
        List<String> tags = furniture(pp.page());
        String where = "seed " + seed + " " + pp.page().file() + " (" + t.layout() + ", " + String.join(" ", tags)
                + ")";
        Map<String, int[]> row = table.computeIfAbsent(t.layout(), k -> new LinkedHashMap<>());
        if (a == null) {
            String why = ((ParseOutcome.Rejected) pp.outcome()).reason() + ": "
                    + ((ParseOutcome.Rejected) pp.outcome()).message();
            for (String f : FIELDS) {
                count(row, f, false, where, "an article", "rejected, " + why);
            }
            return;
        }
        // publication
        String published;
        if (a.published() == null) {
            published = null;
        } else if (a.published().time() == null) {
            published = a.published().date().toString();
        } else {
            published = a.published().date() + "T" + a.published().time();
        }
        String expectedPublished = t.timePrinted() ? t.published().toLocalDate() + "T" + t.published().toLocalTime()
                : t.published().toLocalDate().toString();
        count(row, "published", Objects.equals(published, expectedPublished), where, expectedPublished, published);
        count(row, "headline", Objects.equals(fold(a.headline()), fold(t.headline())), where, t.headline(),
                a.headline());
        boolean provider = t.providerPrinted() ? t.provider().equals(a.provider())
                : (a.provider() == null || t.provider().equals(a.provider()))
                        && t.providerKey().equals(a.providerKey());
        count(row, "provider", provider, where, t.provider() + " / " + t.providerKey(),
                a.provider() + " / " + a.providerKey());
        count(row, "dateline", Objects.equals(t.datelineCity(), a.datelineCity()), where, t.datelineCity(),
                a.datelineCity());
        String docId = a.menafnDocId() == null ? null : a.menafnDocId().raw();
        boolean menafn = Objects.equals(t.menafnDocId(), docId)
                && Objects.equals(t.menafnArticleNo(), a.menafnArticleNo());
        count(row, "menafn_id", menafn, where, t.menafnDocId() + " / " + t.menafnArticleNo(),
                docId + " / " + a.menafnArticleNo());
        Long kuna = a.kunaId() == null ? null : a.kunaId().value();
        count(row, "kuna_id", Objects.equals(t.kunaId(), kuna), where, String.valueOf(t.kunaId()),
                String.valueOf(kuna));
        String bodyHash = sha256(fold(a.body()));
        count(row, "body", bodyHash.equals(t.bodySha256()), where, excerpt(t.body()), excerpt(a.body()));
        count(row, "crawl_date", t.crawlDate() == null || t.crawlDate().equals(a.crawlDate()), where,
                String.valueOf(t.crawlDate()), String.valueOf(a.crawlDate()));
        if (t.authors() != null) {
            authorsTotal++;
            if (a.byline() != null && a.byline().contains(t.authors())) {
                authorsRight++;
            }
        }
    }

    static void count(Map<String, int[]> row, String field, boolean right, String where, String expected,
                      String actual) {
        int[] c = row.computeIfAbsent(field, k -> new int[2]);
        c[1]++;
        if (right) {
            c[0]++;
        } else {
            String tags = where.substring(where.indexOf(", ") + 2, where.length() - 1);
            Map<String, Integer> byTag = mismatchFurniture.computeIfAbsent(field, k -> new TreeMap<>());
            for (String tag : tags.isEmpty() ? List.of("no-furniture") : List.of(tags.split(" "))) {
                byTag.merge(tag, 1, Integer::sum);
            }
            List<String> list = mismatches.computeIfAbsent(field, k -> new ArrayList<>());
            if (list.size() < 5) {
                list.add(where + ": expected [" + expected + "] got [" + actual + "]");
            }
        }
    }

    static final java.util.regex.Pattern WIDGET = java.util.regex.Pattern.compile(
            "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d\\d \\w+ \\d{4}");

    /** The furniture a page shows, as short tags (read from the page and the truth), for the mismatch report. */
    static List<String> furniture(GeneratedPage p) {
        List<String> tags = new ArrayList<>();
        byte[] bytes = p.content();
        if (p.file().endsWith(".gz")) {
            try (java.io.InputStream in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(bytes))) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        java.util.regex.Matcher m = WIDGET.matcher(text);
        if (m.find()) {
            tags.add(text.startsWith(" date " + p.truth().crawlDate() + " " + m.group().substring(0, 3))
                    ? "widget-on-crawl-line" : "widget-own-line");
        }
        if (text.contains(" | ") && !p.file().endsWith(".html")) {
            tags.add("menu-bars");
        } else if (text.contains("\n| ") || text.contains("\u00A0 \u00A0")) {
            tags.add("menu-nbsp");
        }
        if (p.truth().authors() != null) {
            tags.add(text.contains(") By") || text.contains(") News report by") || text.contains(") Report by")
                    ? "byline-on-wrapper" : "byline-own-line");
        }
        if (p.truth().caption() != null) {
            tags.add("caption");
        }
        if (text.contains("\r\n")) {
            tags.add("crlf");
        }
        return tags;
    }

    /** Every run of whitespace (no-break spaces too) folded to one space, trimmed; null stays null. */
    static String fold(String s) {
        return s == null ? null : s.replaceAll("[\\s\\u00A0]+", " ").trim();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String excerpt(String body) {
        String f = fold(body);
        return f == null || f.length() < 140 ? f : f.substring(0, 100) + " … " + f.substring(f.length() - 30);
    }

    /** The table, layout x field, as {@code right/total}; a last row over all layouts. */
    static String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-22s", "layout \\ field"));
        FIELDS.forEach(f -> sb.append(String.format(Locale.ROOT, " %13s", f)));
        sb.append('\n');
        Map<String, int[]> all = new LinkedHashMap<>();
        table.forEach((layout, row) -> {
            sb.append(String.format(Locale.ROOT, "%-22s", layout));
            for (String f : FIELDS) {
                int[] c = row.getOrDefault(f, new int[2]);
                sb.append(String.format(Locale.ROOT, " %13s", c[0] + "/" + c[1]));
                int[] sum = all.computeIfAbsent(f, k -> new int[2]);
                sum[0] += c[0];
                sum[1] += c[1];
            }
            sb.append('\n');
        });
        sb.append(String.format(Locale.ROOT, "%-22s", "all layouts"));
        for (String f : FIELDS) {
            int[] c = all.getOrDefault(f, new int[2]);
            sb.append(String.format(Locale.ROOT, " %13s", c[0] + "/" + c[1]));
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "bylines with every author in the parsed byline: %d/%d (not gated)%n",
                authorsRight, authorsTotal));
        return sb.toString();
    }

    static String report() {
        StringBuilder sb = new StringBuilder(render());
        mismatchFurniture.forEach((f, byTag) -> sb.append("mismatches of ").append(f)
                .append(" by the page's furniture: ").append(byTag).append('\n'));
        mismatches.forEach((f, list) -> {
            sb.append("first mismatches of ").append(f).append(":\n");
            list.forEach(m -> sb.append("  ").append(m).append('\n'));
        });
        return sb.toString();
    }

    @Test
    void everyFieldOfEveryLayoutMatchesTheGeneratorsTruth() {
        System.out.println("Generated pages read by the parser, " + pages + " pages, seeds "
                + java.util.Arrays.toString(SEEDS) + " (full mix) and 5 (seed-layout mix):\n" + report());
        assertThat(pages).isGreaterThan(3000);
        assertThat(table.keySet()).contains("menafn-seed", "menafn-plain", "menafn-wrapper-line",
                "menafn-spaced-wrapper", "menafn-no-wrapper", "kuna-html", "menafn-html");
        List<String> failures = new ArrayList<>();
        long right = 0;
        long total = 0;
        for (Map.Entry<String, Map<String, int[]>> e : table.entrySet()) {
            for (String f : FIELDS) {
                int[] c = e.getValue().get(f);
                right += c[0];
                total += c[1];
                double share = c[0] / (double) c[1];
                if (EXACT.contains(f) && c[0] != c[1] || NEAR.contains(f) && share < MIN_SHARE) {
                    failures.add(String.format(Locale.ROOT, "%s %s %d/%d", e.getKey(), f, c[0], c[1]));
                }
            }
        }
        assertThat(failures).as("layout/field below target (published, provider and ids 100%%; headline, dateline,"
                + " body, crawl date >= 99%%):%n%s", report()).isEmpty();
        assertThat(right / (double) total).as("all fields of all pages").isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void theFurnitureReallyVaries() {
        // the oracle is only as good as its variety: every furniture kind occurs in the pages compared above
        Map<String, Integer> seen = new TreeMap<>();
        java.util.Iterator<GeneratedPage> it = new ArchiveGenerator().pages(GeneratorSpec.of(PAGES, tmp, SEEDS[0]));
        java.util.Set<String> widgets = new java.util.HashSet<>();
        while (it.hasNext()) {
            GeneratedPage p = it.next();
            if (p.truth() == null || !p.file().endsWith(".txt")) {
                continue;
            }
            String text = new String(p.content(), StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \\d\\d \\w+ \\d{4}")
                    .matcher(text);
            if (m.find()) {
                widgets.add(m.group());
                seen.merge(text.startsWith(" date " + p.truth().crawlDate() + " " + m.group().substring(0, 3))
                        ? "widget on the crawl-date line" : "widget on its own line", 1, Integer::sum);
            }
            if (text.contains("\r\n")) {
                seen.merge("crlf", 1, Integer::sum);
            }
            if (p.truth().authors() != null) {
                seen.merge(text.contains(") By") || text.contains(") News report by") || text.contains(") Report by")
                        ? "byline on the wrapper line" : "byline on its own line", 1, Integer::sum);
            }
            if (p.truth().caption() != null) {
                seen.merge("caption", 1, Integer::sum);
            }
            if (text.contains(" | ")) {
                seen.merge("menu with bars", 1, Integer::sum);
            }
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrder("widget on the crawl-date line",
                "widget on its own line", "crlf", "byline on the wrapper line", "byline on its own line", "caption",
                "menu with bars");
        assertThat(widgets).as("widget dates").hasSizeGreaterThan(50);
    }
}
