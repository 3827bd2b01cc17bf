package org.wirearchive.reports;

import java.time.LocalDate;
import java.util.Random;

/** A store that looks like three weeks of real traffic, generated from a fixed seed (invented text only). */
final class DemoStore {

    static final String[][] PROVIDERS = {
        {"kuna", "Kuwait News Agency (KUNA)", "40"}, {"jna", "Jordan News Agency", "14"},
        {"azernews", "AzerNews", "9"}, {"trend", "Trend News Agency", "6"}, {"peninsula", "The Peninsula", "4"},
        {"gulf-times", "Gulf Times", "3"}, {"arab-times", "Arab Times", "2"}, {"spa", "Saudi Press Agency", "2"},
        {"jordan-times", "Jordan Times", "1"}};
    static final String[][] REJECTS = {{"empty", "the file is empty"},
        {"binary", "the file is binary data, not text or HTML"},
        {"no-article-text", "no article body was found in the text"},
        {"corrupt", "the gzip stream ends early: the file is damaged and cannot be read"}};

    private DemoStore() {
    }

    static TestStore create() {
        return fill(new TestStore());
    }

    static TestStore fill(TestStore s) {
        Random rnd = new Random(20260111L);
        LocalDate start = LocalDate.of(2025, 6, 9);
        int days = 21;
        long no = 1109700000L;
        int inputs = 0;
        int dups = 0;
        for (int d = 0; d < days; d++) {
            LocalDate day = start.plusDays(d);
            boolean weekend = day.getDayOfWeek().getValue() >= 5;
            for (String[] p : PROVIDERS) {
                int n = Math.max(0, (int) Math.round(Integer.parseInt(p[2]) * (weekend ? 0.5 : 1.0)
                        * (0.7 + 0.6 * rnd.nextDouble())));
                for (int i = 0; i < n; i++) {
                    no++;
                    String key = "menafn:" + no;
                    String src = "archive/" + day + "/" + p[0] + "-" + no + ".txt";
                    s.article(key).set("menafn_article_no", no).set("provider", p[1]).set("provider_key", p[0])
                            .set("headline", "Invented headline number " + no).set("published_date", day)
                            .set("language", "en").set("canonical_source", src).set("first_seen_run", 1L).insert();
                    s.source(src, "accepted").set("article_key", key).set("run_id", 1L).set("first_seen_run", 1L)
                            .insert();
                    inputs++;
                    if (rnd.nextInt(9) == 0) {
                        String rule = rnd.nextInt(3) == 0 ? "same-body-hash" : rnd.nextInt(4) == 0
                                ? "near-identical-body" : "same-article-no";
                        s.source(src.replace(".txt", "-recrawl.txt"), "duplicate").set("article_key", key)
                                .set("duplicate_of", src).set("reason", rule)
                                .set("similarity", "near-identical-body".equals(rule) ? 0.95 + rnd.nextInt(5) / 100.0
                                        : 1.0).set("run_id", 1L).set("first_seen_run", 1L).insert();
                        inputs++;
                        dups++;
                    }
                }
            }
        }
        for (int i = 0; i < 7; i++) {
            String[] r = REJECTS[i % REJECTS.length];
            s.source("archive/bad/input-" + i + (i == 3 ? ".txt.gz" : ".txt"), "rejected").set("reason", r[0])
                    .set("reason_text", r[1]).set("run_id", 1L).set("first_seen_run", 1L).insert();
            inputs++;
        }
        s.run(1, LocalDate.of(2026, 1, 11)).set("started", utc(2026, 1, 11, 2, 0, 0))
                .set("finished", utc(2026, 1, 11, 2, 0, 41)).set("input", "/srv/archive/incoming")
                .set("files_seen", inputs).set("inputs_read", inputs).set("articles_new", inputs - dups - 7)
                .set("articles_updated", 0).set("duplicates", dups).set("rejects", 7).insert();
        return s;
    }

    /** A run time: an instant (the runs table stores TIMESTAMP WITH TIME ZONE), given in UTC. */
    static java.time.OffsetDateTime utc(int y, int mo, int d, int h, int mi, int sec) {
        return java.time.OffsetDateTime.of(y, mo, d, h, mi, sec, 0, java.time.ZoneOffset.UTC);
    }
}
