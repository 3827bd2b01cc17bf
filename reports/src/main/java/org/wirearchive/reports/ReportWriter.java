package org.wirearchive.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.wirearchive.reports.files.Report;
import org.wirearchive.reports.files.ReportWriteException;
import org.wirearchive.reports.internal.CsvOut;
import org.wirearchive.reports.internal.HtmlReport;
import org.wirearchive.reports.internal.ReportData;
import org.wirearchive.reports.internal.RowCells;
import org.wirearchive.reports.internal.RunSummary;
import org.wirearchive.reports.internal.StagedFiles;
import org.wirearchive.reports.internal.StoreAggregates;
import org.wirearchive.store.report.ReportRows;
import org.wirearchive.store.report.ReportSession;
import org.wirearchive.store.report.Selection;
import org.wirearchive.store.report.StoreReadException;

/**
 * Writes the reports of the article store into a directory: {@code articles.csv}, {@code sources.csv},
 * {@code duplicates.csv}, {@code rejects.csv}, {@code provider_daily.csv}, {@code run_summary.csv} (see {@link Report})
 * and {@code report.html}, from the rows the store's {@link ReportSession} returns; rows are streamed, never held in
 * memory.
 *
 * <p>Every file is written to a temporary file in the output directory and renamed into place once all are complete,
 * so a crash leaves whole files only, and a rerun replaces them. Nothing depends on the wall clock, the default locale
 * or charset: the same store gives byte-identical files. All queries run in one read-only, repeatable-read
 * transaction (one {@link ReportSession}), so the files agree with each other.
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
            try (ReportSession store = ReportSession.open(ds)) {
                Long runId = runIdOrNull != null ? runIdOrNull : store.latestRun();
                String stamp = stamped ? StoreStamp.current(store, bom) : null;
                Path reuse = stamp == null ? null : StoreStamp.reusable(store, stamp, outDir, runId);
                ReportData data = writeAll(store, files, sel, runId, text, bom, reuse);
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
            } catch (StoreReadException e) {
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
    private static ReportData writeAll(ReportSession store, StagedFiles files, Selection sel, Long runId,
            String text, boolean bom, Path reuse) {
        if (reuse != null) {
            // the same store version: the whole-store CSVs and the page's aggregates are exactly the stamped ones
            for (Report r : StoreStamp.REUSED) {
                files.link(r.fileName(), reuse.resolve(r.fileName()));
            }
            RunSummary run = runSummary(store, files, runId, bom);
            Path aggregates = reuse.resolve(StoreAggregates.FILE);
            try {
                return StoreAggregates.read(aggregates, text, runId, run);
            } catch (IOException e) {
                throw new ReportWriteException(aggregates, "cannot read the stored aggregates (" + e + ")", e);
            }
        }
        try (CsvOut out = csv(files, Report.ARTICLES, bom)) {
            store.articles(sel, a -> out.row(RowCells.of(a)));
        }
        try (CsvOut out = csv(files, Report.SOURCES, bom)) {
            store.sources(sel, s -> out.row(RowCells.of(s)));
        }
        try (CsvOut out = csv(files, Report.DUPLICATES, bom)) {
            store.duplicates(sel, d -> out.row(RowCells.of(d)));
        }
        long rejects;
        try (CsvOut out = csv(files, Report.REJECTS, bom)) {
            rejects = store.rejects(sel, 0, r -> out.row(RowCells.of(r)));
        }
        List<ReportData.DailyRow> daily = new ArrayList<>();
        try (CsvOut out = csv(files, Report.PROVIDER_DAILY, bom)) {
            store.providerDaily(sel, d -> {
                daily.add(dailyRow(d));
                out.row(RowCells.of(d));
            });
        }

        RunSummary run = runSummary(store, files, runId, bom);

        ReportRows.Totals totals = store.totals(sel);
        List<String[]> rules = new ArrayList<>();
        store.duplicatesByRule(sel).forEach(r -> rules.add(RowCells.of(r)));
        List<String[]> reasons = new ArrayList<>();
        store.rejectsByReason(sel).forEach(r -> reasons.add(RowCells.of(r)));
        List<String[]> rejectList = new ArrayList<>();
        store.rejects(sel, HTML_REJECT_LIMIT, r -> rejectList.add(new String[] {r.source(), r.reason(),
            r.reasonText()}));
        return new ReportData(text, runId, run, totals.articles(), totals.inputs(),
                totals.firstDate() == null ? null : totals.firstDate().toString(),
                totals.lastDate() == null ? null : totals.lastDate().toString(), daily, rules, reasons, rejectList,
                rejects);
    }

    /** Writes run_summary.csv (the run's row, or the header alone) and returns the summary. */
    private static RunSummary runSummary(ReportSession store, StagedFiles files, Long runId, boolean bom) {
        RunSummary run = runId == null ? null : RunSummary.of(store.run(runId));
        try (CsvOut out = csv(files, Report.RUN_SUMMARY, bom)) {
            if (run != null) {
                out.row(run.cells().toArray(new String[0]));
            }
        }
        return run;
    }

    private static ReportData.DailyRow dailyRow(ReportRows.Daily d) {
        return new ReportData.DailyRow(d.publishedDate() == null ? null : d.publishedDate().toString(),
                d.providerKey(), d.provider(), d.articles() == null ? 0 : d.articles(),
                d.duplicates() == null ? 0 : d.duplicates(), d.rejects() == null ? 0 : d.rejects());
    }

    private static CsvOut csv(StagedFiles files, Report report, boolean bom) {
        return new CsvOut(files.stage(report.fileName()), report.header(), bom);
    }
}
