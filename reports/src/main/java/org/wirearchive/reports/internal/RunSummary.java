package org.wirearchive.reports.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The row of {@code run_summary.csv}: the {@code runs} row plus counts from the inputs the run recorded.
 *
 * @param cells             the cells in {@link org.wirearchive.reports.files.Report#RUN_SUMMARY} header order
 * @param duplicatesByRule  the run's duplicates per dedup rule, by rule name
 * @param rejectsByReason   the run's rejects per reason code, by code
 */
public record RunSummary(List<String> cells, Map<String, Long> duplicatesByRule, Map<String, Long> rejectsByReason) {

    /** Reads run {@code runId}; null when the {@code runs} table has no such row. */
    public static RunSummary read(Connection c, long runId) throws SQLException {
        String[] run = Query.one(c, StoreSql.RUN, List.of(runId));
        if (run == null) {
            return null;
        }
        String[] files = Query.one(c, StoreSql.RUN_FILES, List.of(runId));
        Map<String, Long> dups = new LinkedHashMap<>();
        Map<String, Long> rejects = new LinkedHashMap<>();
        Query.stream(c, StoreSql.RUN_REASONS, List.of(runId), 0, r -> {
            String reason = r[1] == null ? "" : r[1];
            ("duplicate".equals(r[0]) ? dups : rejects).put(reason, Long.parseLong(r[2]));
        });
        // 0 run_id, 1 last_execution_id, 2 run_date, 3 attempt, 4 status, 5 started, 6 finished, 7 input,
        // 8 files_seen, 9 inputs_read, 10 articles_new, 11 articles_updated, 12 duplicates, 13 rejects, 14 failure,
        // 15 inputs_before (what earlier executions of a restarted run read)
        String duration = null;
        String perSecond = null;
        if (run[5] != null && run[6] != null) {
            // started and finished are the latest execution's, to the millisecond (Cells.INSTANT)
            Duration d = Duration.between(Instant.parse(run[5]), Instant.parse(run[6]));
            duration = Cells.decimal(d.toMillis() / 1000.0, 3);
            if (run[9] != null && !d.isZero() && !d.isNegative()) {
                long read = Long.parseLong(run[9]) - (run[15] == null ? 0 : Long.parseLong(run[15]));
                perSecond = Cells.decimal(Math.max(0, read) * 1000.0 / d.toMillis(), 2);
            }
        }
        List<String> cells = new ArrayList<>();
        for (int i = 0; i <= 6; i++) {
            cells.add(run[i]);
        }
        cells.add(duration);
        cells.add(run[7]);
        cells.add(run[8]);
        cells.add(run[9]);
        cells.add(files == null || files[0] == null ? "0" : files[0]);
        cells.add(files == null || files[1] == null ? "0" : files[1]);
        cells.add(run[10]);
        cells.add(run[11]);
        cells.add(run[12]);
        cells.add(joinCounts(dups));
        cells.add(run[13]);
        cells.add(joinCounts(rejects));
        cells.add(perSecond);
        cells.add(run[14]);
        return new RunSummary(Collections.unmodifiableList(cells), Collections.unmodifiableMap(dups),
                Collections.unmodifiableMap(rejects));
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
