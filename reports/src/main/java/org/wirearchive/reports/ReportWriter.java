package org.wirearchive.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.wirearchive.reports.files.Report;
import org.wirearchive.reports.files.ReportWriteException;
import org.wirearchive.reports.internal.CsvOut;
import org.wirearchive.reports.internal.DailyTotals;
import org.wirearchive.reports.internal.HtmlReport;
import org.wirearchive.reports.internal.ReportData;
import org.wirearchive.reports.internal.RowCells;
import org.wirearchive.reports.internal.RunSummary;
import org.wirearchive.reports.internal.SideTask;
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
 * or charset: the same store gives byte-identical files. The queries run in read-only, repeatable-read transactions
 * ({@link ReportSession}): {@code articles.csv} and {@code provider_daily.csv} (added up from the same article rows)
 * on a thread and a session of their own, the other files on the caller's; the store's version (raised by every ingest chunk) read before the first and after the last query shows
 * that both saw the same state, else every file is written again in one transaction. Either way the files agree with
 * each other.
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
        // first articles.csv and provider_daily.csv on a session of their own beside the other files; when the store
        // changed meanwhile (a concurrent ingest: the two sessions may show different states) everything again, in
        // one session
        for (boolean concurrent : new boolean[] {true, false}) {
            try (StagedFiles files = new StagedFiles(outDir)) {
                try (ReportSession store = ReportSession.open(ds)) {
                    Long runId = runIdOrNull != null ? runIdOrNull : store.latestRun();
                    ReportRows.StoreVersion version = store.storeVersion();
                    String stamp = stamped ? StoreStamp.current(version, bom) : null;
                    Path reuse = stamp == null ? null : StoreStamp.reusable(store, stamp, outDir, runId);
                    ReportData data = reuse != null ? reuse(store, files, reuse, runId, text, bom)
                            : writeAll(ds, store, files, sel, runId, text, bom, concurrent, version);
                    if (data == null) {
                        continue;
                    }
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
        throw new IllegalStateException("the single-session pass always writes the reports");
    }

    /**
     * With {@code reuse}, a directory of reports of this very store version ({@link StoreStamp}): the row-level CSVs
     * are hard links to its files instead of being written again, the page's aggregates are read back.
     */
    private static ReportData reuse(ReportSession store, StagedFiles files, Path reuse, Long runId, String text,
            boolean bom) {
        // the same store version: the whole-store CSVs and the page's aggregates are exactly the stamped ones
        for (Report r : StoreStamp.REUSED) {
            files.link(r.fileName(), reuse.resolve(r.fileName()));
        }
        RunSummary run = runSummary(store, files.stage(Report.RUN_SUMMARY.fileName()), runId, bom);
        Path aggregates = reuse.resolve(StoreAggregates.FILE);
        try {
            return StoreAggregates.read(aggregates, text, runId, run);
        } catch (IOException e) {
            throw new ReportWriteException(aggregates, "cannot read the stored aggregates (" + e + ")", e);
        }
    }

    /**
     * Writes the CSVs and gathers what the HTML page shows; the page's totals come from the rows the files were
     * written from, not from queries of their own. When {@code concurrent}, {@code articles.csv}, the largest file, and
     * {@code provider_daily.csv}, added up from the same article rows, are written on a thread and a session of their
     * own while this thread writes the others, and null is returned when the store's version is no longer
     * {@code before} (what {@code store} showed first) once they are written: a chunk was committed meanwhile, the two
     * sessions may show different states, and the caller writes the files again in one session. Every ingest chunk
     * raises the version, and nothing else writes articles or inputs.
     */
    private static ReportData writeAll(DataSource ds, ReportSession store, StagedFiles files, Selection sel,
            Long runId, String text, boolean bom, boolean concurrent, ReportRows.StoreVersion before) {
        Map<Report, Path> staged = new EnumMap<>(Report.class);
        for (Report r : Report.values()) {
            staged.put(r, files.stage(r.fileName())); // in Report order, whichever thread finishes first
        }
        SideTask<ArticleSide> side = concurrent ? SideTask.start("reports-articles", task -> {
            try (ReportSession own = ReportSession.open(ds)) {
                return articleSide(own, staged, sel, bom, task);
            }
        }) : null;
        ArticleSide articles;
        long inputs;
        long rejects;
        RunSummary run;
        List<String[]> rules = new ArrayList<>();
        List<String[]> reasons = new ArrayList<>();
        List<String[]> rejectList = new ArrayList<>();
        try {
            articles = concurrent ? null : articleSide(store, staged, sel, bom, null);
            try (CsvOut out = csv(staged, Report.SOURCES, bom)) {
                inputs = store.sources(sel, s -> out.row(RowCells.of(s)));
            }
            try (CsvOut out = csv(staged, Report.DUPLICATES, bom)) {
                store.duplicates(sel, d -> out.row(RowCells.of(d)));
            }
            try (CsvOut out = csv(staged, Report.REJECTS, bom)) {
                rejects = store.rejects(sel, 0, r -> out.row(RowCells.of(r)));
            }
            run = runSummary(store, staged.get(Report.RUN_SUMMARY), runId, bom);
            store.duplicatesByRule(sel).forEach(r -> rules.add(RowCells.of(r)));
            store.rejectsByReason(sel).forEach(r -> reasons.add(RowCells.of(r)));
            store.rejects(sel, HTML_REJECT_LIMIT, r -> rejectList.add(new String[] {r.source(), r.reason(),
                r.reasonText()}));
        } catch (RuntimeException | Error e) {
            if (side != null) {
                side.cancel(); // it stops at its next row: nothing writes the staged files once they are deleted
            }
            throw e;
        }
        if (concurrent) {
            articles = side.join();
            ReportRows.StoreVersion now;
            try (ReportSession after = ReportSession.open(ds)) {
                now = after.storeVersion();
            }
            if (!Objects.equals(before, now)) {
                return null;
            }
        }
        return new ReportData(text, runId, run, articles.count(), inputs,
                articles.first() == null ? null : articles.first().toString(),
                articles.last() == null ? null : articles.last().toString(), articles.daily(), rules, reasons,
                rejectList, rejects);
    }

    /**
     * What the article side of the reports gives the page: how many articles {@code articles.csv} has, with their
     * first and last publication date (null: none dated), and the rows of {@code provider_daily.csv}.
     */
    private record ArticleSide(long count, LocalDate first, LocalDate last, List<ReportData.DailyRow> daily) {
    }

    /**
     * Writes articles.csv and provider_daily.csv from {@code store}, the articles read once for both (the input side
     * of provider_daily is a query of its own); with {@code task}, stops at the next row once it is cancelled.
     */
    private static ArticleSide articleSide(ReportSession store, Map<Report, Path> staged, Selection sel,
            boolean bom, SideTask<?> task) {
        LocalDate[] range = new LocalDate[2];
        DailyTotals totals = new DailyTotals();
        long count;
        try (CsvOut out = csv(staged, Report.ARTICLES, bom)) {
            count = store.articles(sel, a -> {
                if (task != null) {
                    task.checkNotCancelled();
                }
                LocalDate d = a.publishedDate();
                if (d != null) {
                    range[0] = range[0] == null || d.isBefore(range[0]) ? d : range[0];
                    range[1] = range[1] == null || d.isAfter(range[1]) ? d : range[1];
                }
                totals.article(d, a.providerKey(), a.provider());
                out.row(RowCells.of(a));
            });
        }
        store.inputsDaily(sel, totals::inputs);
        List<ReportData.DailyRow> daily = new ArrayList<>();
        try (CsvOut out = csv(staged, Report.PROVIDER_DAILY, bom)) {
            for (ReportRows.Daily d : totals.rows(store::inCollationOrder)) {
                daily.add(dailyRow(d));
                out.row(RowCells.of(d));
            }
        }
        return new ArticleSide(count, range[0], range[1], daily);
    }

    /** Writes run_summary.csv (the run's row, or the header alone) and returns the summary. */
    private static RunSummary runSummary(ReportSession store, Path file, Long runId, boolean bom) {
        RunSummary run = runId == null ? null : RunSummary.of(store.run(runId));
        try (CsvOut out = new CsvOut(file, Report.RUN_SUMMARY.header(), bom)) {
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

    private static CsvOut csv(Map<Report, Path> staged, Report report, boolean bom) {
        return new CsvOut(staged.get(report), report.header(), bom);
    }
}
