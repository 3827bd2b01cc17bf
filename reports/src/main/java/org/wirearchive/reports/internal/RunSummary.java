package org.wirearchive.reports.internal;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.wirearchive.store.report.ReportRows;

/**
 * The row of {@code run_summary.csv}: the {@code runs} row plus counts from the inputs the run recorded.
 *
 * @param cells             the cells in {@link org.wirearchive.reports.files.Report#RUN_SUMMARY} header order
 * @param duplicatesByRule  the run's duplicates per dedup rule, by rule name
 * @param rejectsByReason   the run's rejects per reason code, by code
 */
public record RunSummary(List<String> cells, Map<String, Long> duplicatesByRule, Map<String, Long> rejectsByReason) {

    /** The summary of run {@code r} as the store returned it; null for null (the run is not recorded). */
    public static RunSummary of(ReportRows.Run r) {
        if (r == null) {
            return null;
        }
        String duration = null;
        String perSecond = null;
        if (r.started() != null && r.finished() != null) {
            // started and finished are the latest execution's, to the millisecond (as run_summary.csv shows them)
            Duration d = Duration.between(r.started().truncatedTo(ChronoUnit.MILLIS),
                    r.finished().truncatedTo(ChronoUnit.MILLIS));
            duration = Cells.decimal(d.toMillis() / 1000.0, 3);
            if (r.inputsRead() != null && !d.isZero() && !d.isNegative()) {
                long read = r.inputsRead() - (r.inputsBefore() == null ? 0 : r.inputsBefore());
                perSecond = Cells.decimal(Math.max(0, read) * 1000.0 / d.toMillis(), 2);
            }
        }
        List<String> cells = new ArrayList<>();
        cells.add(Long.toString(r.runId()));
        cells.add(Cells.number(r.lastExecutionId()));
        cells.add(Cells.date(r.runDate()));
        cells.add(Cells.number(r.attempt()));
        cells.add(r.status());
        cells.add(Cells.instant(r.started()));
        cells.add(Cells.instant(r.finished()));
        cells.add(duration);
        cells.add(r.input());
        cells.add(Cells.number(r.filesSeen()));
        cells.add(Cells.number(r.inputsRead()));
        cells.add(r.filesNew() == null ? "0" : Long.toString(r.filesNew()));
        cells.add(r.filesChanged() == null ? "0" : Long.toString(r.filesChanged()));
        cells.add(Cells.number(r.articlesNew()));
        cells.add(Cells.number(r.articlesUpdated()));
        cells.add(Cells.number(r.duplicates()));
        cells.add(joinCounts(r.duplicatesByRule()));
        cells.add(Cells.number(r.rejects()));
        cells.add(joinCounts(r.rejectsByReason()));
        cells.add(perSecond);
        cells.add(r.failure());
        return new RunSummary(Collections.unmodifiableList(cells), r.duplicatesByRule(), r.rejectsByReason());
    }

    /** {@code rule=3;other=1}, in key order; empty for none. */
    static String joinCounts(Map<String, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(";"));
    }

    /** The cell of the given header column. */
    public String get(String column) {
        int i = org.wirearchive.reports.files.Report.RUN_SUMMARY.header().indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no run summary column " + column);
        }
        return cells.get(i);
    }
}
