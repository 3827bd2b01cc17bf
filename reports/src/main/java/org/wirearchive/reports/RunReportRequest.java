package org.wirearchive.reports;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@link ReportWriter#writeRunReports} writes.
 *
 * @param outDir   the directory the reports go to; created when missing; existing report files are replaced whole
 * @param runId    {@code runs.run_id} of the run: its row is the run summary, and with {@link Scope#RUN} it selects
 *                 the rows; the {@code runs} row should be written (with status and times) before the call
 * @param scope    which rows the reports contain ({@link Scope#STORE}: whole store; {@link Scope#RUN}: what the run
 *                 touched)
 * @param excelBom when true every CSV starts with a UTF-8 byte-order mark, so Excel opens Arabic text correctly
 */
public record RunReportRequest(Path outDir, long runId, Scope scope, boolean excelBom) {

    public RunReportRequest {
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(scope, "scope");
    }

    /** The default: whole store, no byte-order mark. */
    public static RunReportRequest of(Path outDir, long runId) {
        return new RunReportRequest(outDir, runId, Scope.STORE, false);
    }

    /** The same request with the Excel byte-order mark switched on or off. */
    public RunReportRequest withExcelBom(boolean bom) {
        return new RunReportRequest(outDir, runId, scope, bom);
    }
}
