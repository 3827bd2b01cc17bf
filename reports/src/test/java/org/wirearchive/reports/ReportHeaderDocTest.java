package org.wirearchive.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirearchive.reports.files.Report;

/** Header stability: every report's header is exactly the column table of its section in docs/reports.md. */
class ReportHeaderDocTest {

    static Path docs() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path doc = dir.resolve("docs/reports.md");
            if (Files.isRegularFile(doc)) {
                return doc;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("docs/reports.md not found above " + Path.of("").toAbsolutePath());
    }

    /** For each {@code ### name.csv} section, the first cells of its first table's rows (after the header). */
    static Map<String, List<String[]>> documentedColumns() throws IOException {
        Map<String, List<String[]>> tables = new LinkedHashMap<>();
        String current = null;
        boolean inTable = false;
        for (String line : Files.readAllLines(docs(), StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                String title = line.replaceFirst("^#+\\s*", "").strip();
                current = line.startsWith("### ") && title.endsWith(".csv") ? title : null;
                inTable = false;
                if (current != null) {
                    tables.put(current, new ArrayList<>());
                }
                continue;
            }
            if (current == null) {
                continue;
            }
            if (line.startsWith("|")) {
                String[] cells = line.substring(1, line.length() - (line.endsWith("|") ? 1 : 0)).split("\\|", -1);
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = cells[i].strip();
                }
                if (!inTable) {
                    inTable = true; // the header row of the table
                    assertThat(cells).as("column table header in %s", current)
                            .containsExactly("column", "type", "meaning", "example");
                    continue;
                }
                if (cells[0].startsWith("---")) {
                    continue;
                }
                tables.get(current).add(cells);
            } else if (inTable) {
                current = null; // only the first table of a section
            }
        }
        return tables;
    }

    @Test
    void everyReportIsDocumentedColumnByColumnInOrder() throws IOException {
        Map<String, List<String[]>> documented = documentedColumns();
        List<String> files = new ArrayList<>();
        for (Report r : Report.values()) {
            files.add(r.fileName());
            List<String> names = new ArrayList<>();
            for (String[] row : documented.getOrDefault(r.fileName(), List.of())) {
                names.add(row[0]);
            }
            assertThat(names).as("columns of %s in docs/reports.md", r.fileName()).isEqualTo(r.header());
        }
        assertThat(documented.keySet()).as("documented CSV reports").containsExactlyInAnyOrderElementsOf(files);
    }

    @Test
    void everyDocumentedColumnHasATypeMeaningAndExample() throws IOException {
        for (Map.Entry<String, List<String[]>> e : documentedColumns().entrySet()) {
            for (String[] row : e.getValue()) {
                assertThat(row).as("%s column %s", e.getKey(), row[0]).hasSize(4);
                assertThat(row[1]).as("type of %s.%s", e.getKey(), row[0])
                        .isIn("text", "integer", "decimal", "date", "timestamp");
                assertThat(row[2]).as("meaning of %s.%s", e.getKey(), row[0]).isNotBlank();
                assertThat(row[3]).as("example of %s.%s", e.getKey(), row[0]).isNotBlank();
            }
        }
    }

    @Test
    void theWrittenHeadersAreTheDocumentedOnes(@TempDir Path out) throws IOException {
        Map<String, List<String[]>> documented = documentedColumns();
        try (TestStore store = SampleStore.create()) {
            ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 2));
        }
        for (Report r : Report.values()) {
            List<String> names = new ArrayList<>();
            documented.get(r.fileName()).forEach(row -> names.add(row[0]));
            assertThat(CsvFiles.records(out.resolve(r.fileName())).get(0)).as(r.fileName()).isEqualTo(names);
        }
    }
}
