package org.wirearchive.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many rows stream through in key order (rows are never collected in memory: see Query.stream). */
class VolumeTest {

    static final int ARTICLES = 30_000;

    @Test
    void thirtyThousandArticlesInKeyOrder(@TempDir Path out) throws Exception {
        try (TestStore store = new TestStore()) {
            store.run(1, LocalDate.of(2026, 1, 1)).insert();
            store.bulkArticles(ARTICLES, "CASEWHEN(MOD(X, 2) = 0, 'kuna', 'jna')",
                    "DATEADD(DAY, MOD(X, 89), DATE '2025-01-01')", "'Body ' || X || '\n\"quoted\", line'", 20);
            ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 1));
        }
        long rows = 0;
        String previous = "";
        try (BufferedReader r = Files.newBufferedReader(out.resolve("articles.csv"), StandardCharsets.UTF_8)) {
            r.readLine();
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("menafn:")) {
                    String key = line.substring(0, line.indexOf(','));
                    assertThat(key).isGreaterThan(previous);
                    previous = key;
                    rows++;
                }
            }
        }
        assertThat(rows).isEqualTo(ARTICLES);
        assertThat(CsvFiles.rows(out.resolve("sources.csv"))).hasSize(ARTICLES);
        assertThat(CsvFiles.rows(out.resolve("provider_daily.csv"))).hasSize(178);
        assertThat(Files.readString(out.resolve("report.html"), StandardCharsets.UTF_8))
                .contains("One bar per month").contains("30,000");
    }
}
