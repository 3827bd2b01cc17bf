package org.wirearchive.reports.files;

import java.util.List;

/**
 * The CSV reports, their file names and their headers. File names and headers are the product's interface: they are
 * documented column by column in {@code docs/reports.md}, and a test fails when one changes without the other.
 */
public enum Report {
    /** One row per distinct article (the canonical copy), ordered by {@code article_key}. */
    ARTICLES("articles.csv", List.of("article_key", "menafn_doc_id", "menafn_article_no", "menafn_provider_code",
            "kuna_id", "provider", "provider_key", "headline", "headline_source", "published", "published_date",
            "published_source", "crawl_date", "dateline_city", "byline", "editor_initials", "language", "url",
            "format", "body_sha256", "body_length", "warnings", "canonical_source", "source_count", "first_seen_run",
            "first_seen", "updated_run", "body")),
    /** One row per input (file or container entry), ordered by {@code source}. */
    SOURCES("sources.csv", List.of("source", "status", "article_key", "duplicate_of", "reason", "reason_text",
            "similarity", "url", "body_sha256", "published_date", "provider_key", "run_id", "run_date",
            "first_seen_run")),
    /** One row per duplicate input with its canonical article, ordered by {@code source}. */
    DUPLICATES("duplicates.csv", List.of("source", "article_key", "duplicate_of", "rule", "similarity",
            "published_date", "provider_key", "canonical_source", "canonical_headline", "run_id", "run_date")),
    /** One row per rejected input, ordered by {@code source}. */
    REJECTS("rejects.csv", List.of("source", "reason", "reason_text", "url", "run_id", "run_date",
            "first_seen_run")),
    /** Counts per publication date and provider, ordered by date then provider key (undated last). */
    PROVIDER_DAILY("provider_daily.csv", List.of("published_date", "provider_key", "provider", "articles",
            "duplicates", "rejects")),
    /** One row: the run the reports belong to, from the {@code runs} table and the sources it recorded. */
    RUN_SUMMARY("run_summary.csv", List.of("run_id", "last_execution_id", "run_date", "attempt", "status",
            "started", "finished", "duration_seconds", "input", "files_seen", "inputs_read", "files_new", "files_changed",
            "articles_new", "articles_updated", "duplicates", "duplicates_by_rule", "rejects", "rejects_by_reason",
            "inputs_per_second", "failure"));

    /** The HTML page written next to the CSV reports. */
    public static final String HTML_FILE = "report.html";

    private final String fileName;
    private final List<String> header;

    Report(String fileName, List<String> header) {
        this.fileName = fileName;
        this.header = header;
    }

    /** The file name in the output directory, e.g. {@code articles.csv}. */
    public String fileName() {
        return fileName;
    }

    /** The column names of the header record, in order. */
    public List<String> header() {
        return header;
    }
}
