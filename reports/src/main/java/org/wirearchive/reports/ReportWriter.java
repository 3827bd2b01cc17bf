package org.wirearchive.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.wirearchive.reports.files.Report;
import org.wirearchive.reports.files.ReportWriteException;
import org.wirearchive.reports.internal.CsvOut;
import org.wirearchive.reports.internal.HtmlReport;
import org.wirearchive.reports.internal.Query;
import org.wirearchive.reports.internal.ReportData;
import org.wirearchive.reports.internal.RunSummary;
import org.wirearchive.reports.internal.Selection;
import org.wirearchive.reports.internal.StagedFiles;
import org.wirearchive.reports.internal.StoreAggregates;
import org.wirearchive.reports.internal.StoreSql;

/**
 * Writes the reports of the article store into a directory: {@code articles.csv}, {@code sources.csv},
 * {@code duplicates.csv}, {@code rejects.csv}, {@code provider_daily.csv}, {@code run_summary.csv} (see {@link Report})
 * and {@code report.html}. Plain JDBC over the V1 store tables; rows are streamed, never held in memory.
 *
 * <p>Every file is written to a temporary file in the output directory and renamed into place once all are complete,
 * so a crash leaves whole files only, and a rerun replaces them. Nothing depends on the wall clock, the default locale
 * or charset: the same store gives byte-identical files. All queries run in one read-only, repeatable-read
 * transaction, so the files agree with each other.
 */
public final class ReportWriter {

    /** How many rejects {@code report.html} lists (all of them are in {@code rejects.csv}). */
    public static final int HTML_REJECT_LIMIT = 200;

    private ReportWriter() {
    }

    /**
     * The reports of one run, e.g. after an ingest.
     *
     * @return the files written, in a fixed order (the CSVs in {@link Report} order, then {@code report.html})
     * @throws ReportWriteException when the output directory or a file cannot be written (names the path)
     * @throws ReportQueryException when the store cannot be read
     */
    public static List<Path> writeRunReports(DataSource ds, RunReportRequest req) {
        Objects.requireNonNull(ds, "ds");
        Objects.requireNonNull(req, "req");
        Selection sel = req.scope() == Scope.RUN ? new Selection(req.runId(), null, null, true)
                : Selection.wholeStore();
        String text = req.scope() == Scope.RUN ? "The rows run " + req.runId() + " added or changed."
                : "The whole article store.";
        return write(ds, req.outDir(), sel, req.runId(), text, req.excelBom(), req.scope() == Scope.STORE);
    }

    /**
     * The reports of a range of publication dates, regenerated from the store without ingesting anything.
     *
     * @return the files written, in a fixed order (the CSVs in {@link Report} order, then {@code report.html})
     * @throws ReportWriteException when the output directory or a file cannot be written (names the path)
     * @throws ReportQueryException when the store cannot be read
     */
    public static List<Path> writeRangeReports(DataSource ds, RangeReportRequest req) {
        Objects.requireNonNull(ds, "ds");
        Objects.requireNonNull(req, "req");
        Selection sel = new Selection(null, req.from(), req.to(), req.includeUndated());
        return write(ds, req.outDir(), sel, req.runId(), "The whole article store.", req.excelBom(), false);
    }

    private static List<Path> write(DataSource ds, Path outDir, Selection sel, Long runIdOrNull, String text,
            boolean bom, boolean stamped) {
        try (StagedFiles files = new StagedFiles(outDir)) {
            try (Connection c = ds.getConnection()) {
                Session session = new Session(c);
                try {
                    Long runId = runIdOrNull != null ? runIdOrNull : latestRun(c);
                    String stamp = stamped ? StoreStamp.current(c, bom) : null;
                    Path reuse = stamp == null ? null : StoreStamp.reusable(c, stamp, outDir, runId);
                    ReportData data = writeAll(c, files, sel, runId, text, bom, reuse);
                    Path html = files.stage(Report.HTML_FILE);
                    try {
                        Files.writeString(html, HtmlReport.render(data), StandardCharsets.UTF_8);
                    } catch (IOException e) {
                        throw new ReportWriteException(html, e.toString(), e);
                    }
                    // the old stamp goes first and the new one is renamed into place last: a stamp always describes
                    // every file beside it
                    Path stampFile = outDir.resolve(StoreStamp.FILE);
                    try {
                        Files.deleteIfExists(stampFile);
                        if (stamp != null) {
                            StoreAggregates.write(files.stage(StoreAggregates.FILE), data);
                            Files.writeString(files.stage(StoreStamp.FILE), stamp, StandardCharsets.UTF_8);
                        }
                    } catch (IOException e) {
                        throw new ReportWriteException(stampFile, e.toString(), e);
                    }
                } finally {
                    session.restore();
                }
            } catch (SQLException e) {
                throw new ReportQueryException("the reports", e);
            }
            List<Path> written = new ArrayList<>(files.commit());
            written.removeIf(p -> p.getFileName().toString().equals(StoreStamp.FILE)
                    || p.getFileName().toString().equals(StoreAggregates.FILE));
            return written;
        }
    }

    /**
     * Writes the CSVs and gathers what the HTML page shows. With {@code reuse} (a directory of reports of this very
     * store version, {@link StoreStamp}), the four row-level CSVs are hard links to its files instead of being written
     * again.
     */
    private static ReportData writeAll(Connection c, StagedFiles files, Selection sel, Long runId, String text,
            boolean bom, Path reuse) throws SQLException {
        if (reuse != null) {
            // the same store version: the whole-store CSVs and the page's aggregates are exactly the stamped ones
            for (Report r : StoreStamp.REUSED) {
                files.link(r.fileName(), reuse.resolve(r.fileName()));
            }
            RunSummary run = runSummary(c, files, runId, bom);
            Path aggregates = reuse.resolve(StoreAggregates.FILE);
            try {
                return StoreAggregates.read(aggregates, text, runId, run);
            } catch (IOException e) {
                throw new ReportWriteException(aggregates, "cannot read the stored aggregates (" + e + ")", e);
            }
        }
        csv(c, files, Report.ARTICLES, StoreSql.articles(sel), sel.articleParams(), bom);
        csv(c, files, Report.SOURCES, StoreSql.sources(sel), sel.sourceParams(), bom);
        csv(c, files, Report.DUPLICATES, StoreSql.duplicates(sel), sel.sourceParams(), bom);
        long rejects = csv(c, files, Report.REJECTS, StoreSql.rejects(sel), sel.sourceParams(), bom);

        List<Object> dailyParams = new ArrayList<>(sel.articleParams());
        dailyParams.addAll(sel.sourceParams());
        List<ReportData.DailyRow> daily = new ArrayList<>();
        try (CsvOut out = new CsvOut(files.stage(Report.PROVIDER_DAILY.fileName()), Report.PROVIDER_DAILY.header(),
                bom)) {
            Query.stream(c, StoreSql.providerDaily(sel), dailyParams, 0, row -> {
                ReportData.DailyRow r = dailyRow(row);
                daily.add(r);
                out.row(row);
            });
        }

        RunSummary run = runSummary(c, files, runId, bom);

        List<Object> totalsParams = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            totalsParams.addAll(sel.articleParams());
        }
        String[] articleTotals = Query.one(c, StoreSql.articleTotals(sel), totalsParams);
        String[] sourceTotals = Query.one(c, StoreSql.sourceTotals(sel), sel.sourceParams());
        List<String[]> rules = new ArrayList<>();
        Query.stream(c, StoreSql.duplicatesByRule(sel), sel.sourceParams(), 0, rules::add);
        List<String[]> reasons = new ArrayList<>();
        Query.stream(c, StoreSql.rejectsByReason(sel), sel.sourceParams(), 0, reasons::add);
        List<String[]> rejectList = new ArrayList<>();
        Query.stream(c, StoreSql.rejects(sel), sel.sourceParams(), HTML_REJECT_LIMIT,
                r -> rejectList.add(new String[] {r[0], r[1], r[2]}));
        return new ReportData(text, runId, run, Long.parseLong(articleTotals[0]), Long.parseLong(sourceTotals[0]),
                articleTotals[1], articleTotals[2], daily, rules, reasons, rejectList, rejects);
    }

    /** Writes run_summary.csv (the run's row, or the header alone) and returns the summary. */
    private static RunSummary runSummary(Connection c, StagedFiles files, Long runId, boolean bom) throws SQLException {
        RunSummary run = runId == null ? null : RunSummary.read(c, runId);
        try (CsvOut out = new CsvOut(files.stage(Report.RUN_SUMMARY.fileName()), Report.RUN_SUMMARY.header(), bom)) {
            if (run != null) {
                out.row(run.cells().toArray(new String[0]));
            }
        }
        return run;
    }

    private static ReportData.DailyRow dailyRow(String[] c) {
        return new ReportData.DailyRow(c[0], c[1], c[2], c[3] == null ? 0 : Long.parseLong(c[3]),
                c[4] == null ? 0 : Long.parseLong(c[4]), c[5] == null ? 0 : Long.parseLong(c[5]));
    }

    private static long csv(Connection c, StagedFiles files, Report report, String sql, List<Object> params,
            boolean bom) throws SQLException {
        try (CsvOut out = new CsvOut(files.stage(report.fileName()), report.header(), bom)) {
            Query.stream(c, sql, params, 0, out::row);
            return out.rows();
        }
    }

    private static Long latestRun(Connection c) throws SQLException {
        String[] row = Query.one(c, StoreSql.LATEST_RUN, List.of());
        return row == null || row[0] == null ? null : Long.valueOf(row[0]);
    }

    /** One read-only, repeatable-read transaction (PostgreSQL streams result sets only without auto-commit). */
    private static final class Session {
        private final Connection c;
        private final boolean autoCommit;
        private final boolean readOnly;
        private final int isolation;

        Session(Connection c) throws SQLException {
            this.c = c;
            this.autoCommit = c.getAutoCommit();
            this.readOnly = c.isReadOnly();
            this.isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
        }

        void restore() throws SQLException {
            try {
                c.rollback();
            } finally {
                c.setReadOnly(readOnly);
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        }
    }
}
