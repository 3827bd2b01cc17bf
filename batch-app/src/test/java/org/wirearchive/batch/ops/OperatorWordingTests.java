package org.wirearchive.batch.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.core.dedup.DedupRule;

/** What an operator reads: console lines, error messages, file modes, and the SQL of docs/reports.md. */
class OperatorWordingTests extends OpsFixture {

    @Test
    @DisplayName("--force --full: the console, summary.json and run_summary.csv give the same honest file counts")
    void forceFullCountsAgree() throws Exception {
        assertThat(ingest("2025-06-28").exit()).isZero();
        Run again = cli("ingest", "--input", archive.toString(), "--data", data.toString(), "--out", out.toString(),
                "--run-date", "2025-06-28", "--force", "--full");
        assertThat(again.exit()).as(again.toString()).isZero();
        int files = Integer.parseInt(one("SELECT files_seen FROM runs WHERE run_id = 2"));
        // nothing changed since run 1: the files are unchanged, and --full processes them all the same
        assertThat(again.out()).contains("files        " + files + " seen: 0 new, 0 changed, " + files
                + " unchanged; " + files + " to process");
        Path runOut = out.resolve("2025-06-28");
        assertThat(Files.readString(runOut.resolve("summary.json"), StandardCharsets.UTF_8))
                .contains("\"new\": 0, \"changed\": 0, \"unchanged\": " + files + ", \"processed\": " + files);
        Map<String, String> run2 = csvRows(runOut.resolve("run_summary.csv")).stream()
                .filter(r -> r.get("run_id").equals("2")).findFirst().orElseThrow();
        assertThat(run2).containsEntry("files_new", "0").containsEntry("files_changed", "0");
    }

    @Test
    @DisplayName("summary.json has the same file mode as the other reports (not 0600)")
    void summaryJsonIsReadableLikeTheReports() throws Exception {
        assertThat(ingest("2025-06-28").exit()).isZero();
        Path runOut = out.resolve("2025-06-28");
        String csvMode = PosixFilePermissions.toString(Files.getPosixFilePermissions(runOut.resolve("articles.csv")));
        assertThat(csvMode).as("the reports follow the umask").contains("r--");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(runOut.resolve("summary.json"))))
                .isEqualTo(csvMode);
    }

    @Test
    @DisplayName("an unknown option is a usage error (exit 2), even after --input's values")
    void unknownOptionIsAUsageError() {
        Run r = cli("ingest", "--input", archive.toString(), "--bogus", "--data", data.toString(), "--out",
                out.toString());
        assertThat(r.exit()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("--bogus").doesNotContain("does not exist");
        assertThat(cli("ingest", "--bogus", "--input", archive.toString()).exit()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    @DisplayName("a bad --run-date: one plain line, no java.time class names")
    void badRunDate() {
        Run r = cli("ingest", "--input", archive.toString(), "--data", data.toString(), "--run-date", "2026-13-45");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        String first = r.err().lines().findFirst().orElseThrow();
        assertThat(first).contains("--run-date").contains("2026-13-45").contains("YYYY-MM-DD");
        assertThat(r.err()).doesNotContain("java.time").doesNotContain("Exception");
        Run report = cli("report", "--from", "yesterday", "--to", "2026-01-01", "--data", data.toString());
        assertThat(report.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(report.err()).contains("'yesterday' is not a date").doesNotContain("java.time");
    }

    @Test
    @DisplayName("worker --help says what the worker does: it needs the shared database, --data only holds its log")
    void workerHelpMatchesTheWorker() {
        Run help = cli("worker", "--help");
        assertThat(help.exit()).isZero();
        String text = help.out().replaceAll("\\s+", " ");
        assertThat(text).doesNotContain("embedded H2").doesNotContain("else jdbc:h2:file")
                .contains("--db-url=URL The managers' shared database, required");
        assertThat(text).containsPattern("--data=DIR Directory of the worker's log file");
        Run without = cli("worker", "--broker", "tcp://127.0.0.1:1", "--data", data.toString());
        if (System.getenv("WIREARCHIVE_DB_URL") == null) {
            assertThat(without.exit()).isEqualTo(ExitCodes.USAGE);
            assertThat(without.err()).contains("--db-url");
        }
    }

    @Test
    @DisplayName("a database other than H2 or PostgreSQL: the message says which ones are supported")
    void unsupportedDatabase() {
        Run r = cli("jobs", "list", "--data", data.toString(), "--db-url", "jdbc:mysql://db.example/wa?password=s3cret");
        assertThat(r.exit()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).contains("jdbc:mysql://db.example/wa").contains("H2").contains("PostgreSQL")
                .doesNotContain("s3cret").doesNotContain("Driver").doesNotContain("\n");
    }

    @Test
    @DisplayName("docs/reports.md: every SQL example runs on a real store, and its keys and rule names are real ones")
    void reportsDocSqlRunsOnARealStore() throws Exception {
        Path samples = Path.of("..", "samples", "archive").toAbsolutePath().normalize();
        Run r = cli("ingest", "--input", samples.toString(), "--data", data.toString(), "--out", out.toString(),
                "--run-date", "2026-11-27");
        assertThat(r.exit()).as(r.toString()).isZero();
        String doc = Files.readString(Path.of("..", "docs", "reports.md"), StandardCharsets.UTF_8);

        List<String> statements = new ArrayList<>();
        Matcher block = Pattern.compile("```sql\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        while (block.find()) {
            String code = block.group(1).lines().filter(l -> !l.strip().startsWith("--"))
                    .reduce("", (a, b) -> a + b + "\n");
            Arrays.stream(code.split(";")).map(String::strip).filter(s -> !s.isEmpty()).forEach(statements::add);
        }
        assertThat(statements).hasSizeGreaterThanOrEqualTo(7);
        try (Connection c = connect(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                try {
                    st.executeQuery(sql).close();
                } catch (SQLException e) {
                    throw new AssertionError("docs/reports.md: " + sql + "\n  fails: " + e.getMessage(), e);
                }
            }
        }
        // the article key in the examples exists in the sample store, and has the documented form
        Matcher key = Pattern.compile("article_key = '([^']+)'").matcher(doc);
        assertThat(key.find()).isTrue();
        List<String> rowsOfTheKeyExample = rows("SELECT source FROM sources WHERE article_key = '" + key.group(1) + "'");
        assertThat(rowsOfTheKeyExample).as("copies of " + key.group(1) + " in the sample store").hasSizeGreaterThan(1);
        assertThat(doc).doesNotContain("menafn:<").doesNotContain("`menafn:1");
        // every rule name the doc shows is one the code writes
        List<String> codes = Arrays.stream(DedupRule.values()).map(DedupRule::code).toList();
        Matcher rule = Pattern.compile("`(same-[a-z-]+|near-[a-z-]+|kuna-[a-z-]+)").matcher(doc);
        while (rule.find()) {
            assertThat(codes).as("rule name in docs/reports.md").contains(rule.group(1));
        }
        assertThat(rows("SELECT DISTINCT reason FROM sources WHERE status = 'duplicate'")).isSubsetOf(codes);
    }

    static List<Map<String, String>> csvRows(Path csv) throws Exception {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord rec : p) {
                rows.add(rec.toMap());
            }
            return rows;
        }
    }
}
