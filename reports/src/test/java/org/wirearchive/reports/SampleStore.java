package org.wirearchive.reports;

import java.time.LocalDate;

/** The store most tests share: two runs, four articles, two duplicates, two rejects. Invented data. */
final class SampleStore {

    static final LocalDate RUN1 = LocalDate.of(2026, 1, 10);
    static final LocalDate RUN2 = LocalDate.of(2026, 1, 11);

    private SampleStore() {
    }

    static TestStore create() {
        return fill(new TestStore());
    }

    static TestStore fill(TestStore s) {
        s.run(1, RUN1).set("started", utc(2026, 1, 10, 1, 0, 0))
                .set("finished", utc(2026, 1, 10, 1, 0, 20)).set("input", "samples/archive")
                .set("files_seen", 6).set("files_new", 6).set("files_changed", 0).set("inputs_read", 6).set("articles_new", 3).set("articles_updated", 0)
                .set("duplicates", 2).set("rejects", 1).insert();
        s.run(2, RUN2).set("status", "COMPLETED").set("started", utc(2026, 1, 11, 1, 0, 0))
                .set("finished", utc(2026, 1, 11, 1, 0, 4)).set("input", "samples/archive")
                .set("files_seen", 8).set("files_new", 2).set("files_changed", 1).set("inputs_read", 3).set("articles_new", 1).set("articles_updated", 1)
                .set("duplicates", 0).set("rejects", 1).insert();

        s.article("menafn:1109726370").set("menafn_doc_id", "MENAFN26062025000071011013ID1109726370")
                .set("menafn_article_no", 1109726370L).set("menafn_provider_code", "000071011013")
                .set("provider", "Kuwait News Agency (KUNA)").set("provider_key", "kuna")
                .set("headline", "Kuwait hosts regional water forum").set("headline_source", "title-line")
                .set("published", "2025-06-26T05:05:38").set("published_date", LocalDate.of(2025, 6, 26))
                .set("published_source", "TIMESTAMP").set("crawl_date", LocalDate.of(2025, 6, 27))
                .set("dateline_city", "KUWAIT").set("editor_initials", "ab.cd").set("language", "en")
                .set("url", "https://menafn.com/1109726370/Kuwait-Hosts-Regional-Water-Forum")
                .set("format", "menafn-text").set("body", "The forum opened on Thursday.\nDelegates from six countries.")
                .set("body_length", 58).set("canonical_source", "archive/a.txt").set("source_count", 2)
                .set("first_seen_run", 1L).set("first_seen_date", RUN1).set("updated_run", 2L).insert();
        s.article("menafn:1109726371").set("menafn_article_no", 1109726371L)
                .set("provider", "Jordan News Agency").set("provider_key", "jna")
                .set("headline", "Amman trade fair draws exhibitors").set("published", "2025-06-26")
                .set("published_date", LocalDate.of(2025, 6, 26)).set("published_source", "DOC_ID")
                .set("language", "en").set("canonical_source", "archive/b.txt").set("first_seen_run", 1L)
                .set("first_seen_date", RUN1).insert();
        s.article("menafn:1109726400").set("menafn_article_no", 1109726400L).set("provider", "AzerNews")
                .set("provider_key", "azernews").set("headline", "Baku port expands capacity")
                .set("published_date", LocalDate.of(2025, 6, 27)).set("language", "en")
                .set("canonical_source", "archive/c.txt").set("source_count", 2).set("first_seen_run", 1L)
                .set("first_seen_date", RUN1).insert();
        s.article("kuna:3123456").set("kuna_id", 3123456L).set("provider", "Kuwait News Agency (KUNA)")
                .set("provider_key", "kuna").set("headline", "الكويت تستضيف منتدى المياه")
                .set("published_date", LocalDate.of(2025, 6, 28)).set("language", "ar")
                .set("body", "افتتح المنتدى يوم الخميس.").set("canonical_source", "archive/k.html")
                .set("first_seen_run", 2L).set("first_seen_date", RUN2).insert();

        s.source("archive/a.txt", "accepted").set("article_key", "menafn:1109726370").set("run_id", 2L)
                .set("run_date", RUN2).set("first_seen_run", 1L).set("published_date", LocalDate.of(2025, 6, 26))
                .set("provider_key", "kuna").insert();
        s.source("archive/b.txt", "accepted").set("article_key", "menafn:1109726371").set("run_id", 1L)
                .set("run_date", RUN1).set("first_seen_run", 1L).insert();
        s.source("archive/c.txt", "accepted").set("article_key", "menafn:1109726400").set("run_id", 1L)
                .set("run_date", RUN1).set("first_seen_run", 1L).insert();
        s.source("archive/a-recrawl.txt", "duplicate").set("article_key", "menafn:1109726370")
                .set("duplicate_of", "archive/a.txt").set("reason", "same-article-no")
                .set("reason_text", "same MENAFN article number as archive/a.txt").set("similarity", 0.97)
                .set("run_id", 1L).set("run_date", RUN1).set("first_seen_run", 1L).insert();
        s.source("archive/c-copy.txt", "duplicate").set("article_key", "menafn:1109726400")
                .set("duplicate_of", "archive/c.txt").set("reason", "same-body-hash").set("similarity", 1.0)
                .set("run_id", 1L).set("run_date", RUN1).set("first_seen_run", 1L).insert();
        s.source("archive/empty.txt", "rejected").set("reason", "empty").set("reason_text", "the file is empty")
                .set("run_id", 1L).set("run_date", RUN1).set("first_seen_run", 1L).insert();
        s.source("archive/k.html", "accepted").set("article_key", "kuna:3123456").set("run_id", 2L)
                .set("run_date", RUN2).set("first_seen_run", 2L).insert();
        s.source("archive/zz.bin", "rejected").set("reason", "binary")
                .set("reason_text", "the file is binary data, not text or HTML").set("run_id", 2L)
                .set("run_date", RUN2).set("first_seen_run", 2L).insert();
        return s;
    }

    /** A run time: an instant (the runs table stores TIMESTAMP WITH TIME ZONE), given in UTC. */
    static java.time.OffsetDateTime utc(int y, int mo, int d, int h, int mi, int sec) {
        return java.time.OffsetDateTime.of(y, mo, d, h, mi, sec, 0, java.time.ZoneOffset.UTC);
    }
}
