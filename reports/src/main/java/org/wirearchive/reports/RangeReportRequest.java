package org.wirearchive.reports;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@link ReportWriter#writeRangeReports} writes: the store's rows for a range of publication dates, as for
 * {@code ./wirearchive report --from DATE --to DATE --out DIR}. A row's publication date is the article's
 * {@code published_date}; for an input, its own {@code published_date}, else its article's.
 *
 * @param outDir         the directory the reports go to; created when missing; existing report files are replaced whole
 * @param from           first publication date, inclusive
 * @param to             last publication date, inclusive; not before {@code from}
 * @param runId          the run whose row is the run summary; null means the latest run ({@code MAX(run_id)})
 * @param includeUndated when true, rows without a publication date (rejected inputs, undated articles) are included,
 *                       since no range can place them; with a range covering every dated article, the files are then
 *                       byte-identical to the {@link Scope#STORE} reports of the latest run
 * @param excelBom       when true every CSV starts with a UTF-8 byte-order mark
 */
public record RangeReportRequest(Path outDir, LocalDate from, LocalDate to, Long runId, boolean includeUndated,
        boolean excelBom) {

    public RangeReportRequest {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("report range ends before it starts: " + from + " to " + to);
        }
    }

    /** The default: latest run's summary, undated rows included, no byte-order mark. */
    public static RangeReportRequest of(Path outDir, LocalDate from, LocalDate to) {
        return new RangeReportRequest(outDir, from, to, null, true, false);
    }

    /** The same request with the Excel byte-order mark switched on or off. */
    public RangeReportRequest withExcelBom(boolean bom) {
        return new RangeReportRequest(outDir, from, to, runId, includeUndated, bom);
    }
}
