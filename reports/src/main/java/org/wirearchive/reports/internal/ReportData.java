package org.wirearchive.reports.internal;

import java.util.List;

/**
 * Everything {@code report.html} shows, already read from the store. Aggregates only: its size grows with days x
 * providers and the capped reject list, never with the number of articles.
 *
 * @param selection     a sentence saying which rows the reports cover
 * @param runId         the run the summary is about, or null when there is none
 * @param run           the run summary, or null when the run is not recorded
 * @param articles      articles in the selection
 * @param inputs        inputs (sources) in the selection
 * @param firstDate     earliest publication date in the selection (ISO), or null
 * @param lastDate      latest publication date in the selection (ISO), or null
 * @param daily         the provider_daily rows of the selection
 * @param duplicateRules duplicates per rule: rule, count, average similarity
 * @param rejectReasons rejects per reason: reason, count
 * @param rejectList    the first rejects by source: source, reason, reason text
 * @param rejectsTotal  all rejects in the selection
 */
public record ReportData(String selection, Long runId, RunSummary run, long articles, long inputs, String firstDate,
        String lastDate, List<DailyRow> daily, List<String[]> duplicateRules, List<String[]> rejectReasons,
        List<String[]> rejectList, long rejectsTotal) {

    /** One provider_daily row. */
    public record DailyRow(String date, String providerKey, String provider, long articles, long duplicates,
            long rejects) {

        static DailyRow of(String[] c) {
            return new DailyRow(c[0], c[1], c[2], num(c[3]), num(c[4]), num(c[5]));
        }

        String[] cells() {
            return new String[] {date, providerKey, provider, Long.toString(articles), Long.toString(duplicates),
                Long.toString(rejects)};
        }

        private static long num(String s) {
            return s == null ? 0 : Long.parseLong(s);
        }
    }
}
