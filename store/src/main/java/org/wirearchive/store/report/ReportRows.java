package org.wirearchive.store.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The typed rows the report queries return, one record per report row. A null component is SQL NULL. Numbers are
 * {@code Long} whatever their column's width, dates {@link LocalDate}, instants ({@code TIMESTAMP WITH TIME ZONE})
 * {@link Instant}.
 */
public final class ReportRows {

    private ReportRows() {
    }

    /** One row of {@code articles}: every column, the body last. */
    public record Article(String articleKey, String menafnDocId, Long menafnArticleNo, String menafnProviderCode,
            Long kunaId, String provider, String providerKey, String headline, String headlineSource,
            String published, LocalDate publishedDate, String publishedSource, LocalDate crawlDate,
            String datelineCity, String byline, String editorInitials, String language, String url, String format,
            String bodySha256, Long bodyLength, String warnings, String canonicalSource, Long sourceCount,
            Long firstSeenRun, LocalDate firstSeenDate, Long updatedRun, String body) {
    }

    /** One row of {@code sources}: an input, accepted, duplicate or rejected. */
    public record Source(String source, String status, String articleKey, String duplicateOf, String reason,
            String reasonText, Double similarity, String url, String bodySha256, LocalDate publishedDate,
            String providerKey, Long runId, LocalDate runDate, Long firstSeenRun) {
    }

    /**
     * A duplicate input with its canonical copy: its own publication date and provider, else its article's; the
     * article's canonical source and headline.
     */
    public record Duplicate(String source, String articleKey, String duplicateOf, String reason, Double similarity,
            LocalDate publishedDate, String providerKey, String canonicalSource, String headline, Long runId,
            LocalDate runDate) {
    }

    /** A rejected input. */
    public record Reject(String source, String reason, String reasonText, String url, Long runId, LocalDate runDate,
            Long firstSeenRun) {
    }

    /** Articles, duplicates and rejects of one publication date and provider (the {@code provider_daily} shape). */
    public record Daily(LocalDate publishedDate, String providerKey, String provider, Long articles, Long duplicates,
            Long rejects) {
    }

    /** Duplicates of one rule: how many, and their mean similarity. */
    public record RuleCount(String rule, long count, Double meanSimilarity) {
    }

    /** Rejects of one reason code. */
    public record ReasonCount(String reason, long count) {
    }

    /**
     * The size of a selection: its articles with their first and last publication date (null without a dated
     * article), and its inputs.
     */
    public record Totals(long articles, LocalDate firstDate, LocalDate lastDate, long inputs) {
    }

    /**
     * One {@code runs} row with the run's inputs counted per rule and reason.
     *
     * @param started          when the latest execution started
     * @param finished         when it finished, or null
     * @param inputsBefore     what earlier executions of a restarted run read
     * @param filesNew         new files, as the run's start classified them against the manifest
     * @param filesChanged     changed files, likewise
     * @param duplicatesByRule the run's duplicates per dedup rule ("" for none), in rule order
     * @param rejectsByReason  the run's rejects per reason code ("" for none), in reason order
     */
    public record Run(long runId, Long lastExecutionId, LocalDate runDate, Long attempt, String status,
            Instant started, Instant finished, String input, Long filesSeen, Long inputsRead, Long articlesNew,
            Long articlesUpdated, Long duplicates, Long rejects, String failure, Long inputsBefore, Long filesNew,
            Long filesChanged, Map<String, Long> duplicatesByRule, Map<String, Long> rejectsByReason) {
    }

    /** Which state of the store the reports show: its id and the version every ingest chunk raises. */
    public record StoreVersion(String storeId, long version) {
    }
}
