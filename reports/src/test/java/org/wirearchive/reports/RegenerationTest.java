package org.wirearchive.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirearchive.reports.files.Report;

/** The same store gives byte-identical files: reruns, range regeneration, other locales and time zones. */
class RegenerationTest {

    @TempDir
    Path tmp;

    TestStore store;

    @BeforeEach
    void setUp() {
        store = SampleStore.create();
    }

    @AfterEach
    void tearDown() {
        store.close();
    }

    void assertSameFiles(Path a, Path b) throws Exception {
        for (String name : AtomicWriteTest.REPORT_FILES) {
            assertThat(Files.readAllBytes(b.resolve(name))).as(name).isEqualTo(Files.readAllBytes(a.resolve(name)));
        }
    }

    @Test
    void rerunningARunsReportsGivesTheSameBytes() throws Exception {
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(tmp.resolve("a"), 2));
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(tmp.resolve("b"), 2));
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(tmp.resolve("a"), 2));
        assertSameFiles(tmp.resolve("a"), tmp.resolve("b"));
    }

    @Test
    void aRangeCoveringTheIngestRegeneratesItsFilesByteForByte() throws Exception {
        for (boolean bom : new boolean[] {false, true}) {
            Path ingest = tmp.resolve("ingest-" + bom);
            Path report = tmp.resolve("report-" + bom);
            ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(ingest, 2).withExcelBom(bom));
            ReportWriter.writeRangeReports(store.dataSource(), RangeReportRequest
                    .of(report, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 6, 30)).withExcelBom(bom));
            assertSameFiles(ingest, report);
        }
    }

    @Test
    void theRunScopeOfTheOnlyRunEqualsTheWholeStore() throws Exception {
        try (TestStore single = new TestStore()) {
            single.run(7, LocalDate.of(2026, 3, 1)).insert();
            single.article("x:1").set("first_seen_run", 7L).set("published_date", LocalDate.of(2025, 5, 5)).insert();
            single.source("in/x1.txt", "accepted").set("article_key", "x:1").set("run_id", 7L).set("first_seen_run", 7L)
                    .insert();
            ReportWriter.writeRunReports(single.dataSource(), RunReportRequest.of(tmp.resolve("store"), 7));
            ReportWriter.writeRunReports(single.dataSource(),
                    new RunReportRequest(tmp.resolve("run"), 7, Scope.RUN, false));
            for (Report r : Report.values()) {
                assertThat(tmp.resolve("run").resolve(r.fileName())).as(r.fileName())
                        .hasSameBinaryContentAs(tmp.resolve("store").resolve(r.fileName()));
            }
        }
    }

    @Test
    void theDefaultLocaleAndTimeZoneChangeNothing() throws Exception {
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(tmp.resolve("a"), 2));
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("ar-EG-u-nu-arab"));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(tmp.resolve("b"), 2));
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
        assertSameFiles(tmp.resolve("a"), tmp.resolve("b"));
    }
}
