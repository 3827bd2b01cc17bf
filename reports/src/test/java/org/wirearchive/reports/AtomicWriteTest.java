package org.wirearchive.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirearchive.reports.files.ReportWriteException;

class AtomicWriteTest {

    static final Set<String> REPORT_FILES = Set.of("articles.csv", "sources.csv", "duplicates.csv", "rejects.csv",
            "provider_daily.csv", "run_summary.csv", "report.html");

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

    static Set<String> names(Path dir) throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            Set<String> names = new TreeSet<>();
            s.forEach(p -> names.add(p.getFileName().toString()));
            return names;
        }
    }

    @Test
    void createsMissingDirectoriesAndLeavesNoTemporaryFiles() throws Exception {
        Path out = tmp.resolve("out/2026-01-11");
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 2));
        assertThat(names(out)).isEqualTo(new TreeSet<>(REPORT_FILES));
    }

    @Test
    void reportsAreReadableByOthersLikeAnyFileTheUserCreates() throws Exception {
        Path probe = Files.createFile(tmp.resolve("probe"));
        Set<java.nio.file.attribute.PosixFilePermission> usual = Files.getPosixFilePermissions(probe);
        Path out = tmp.resolve("out");
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 2));
        for (String name : REPORT_FILES) {
            assertThat(Files.getPosixFilePermissions(out.resolve(name))).as(name).isEqualTo(usual);
        }
    }

    @Test
    void anExistingReportIsReplacedWhole() throws Exception {
        Path fresh = tmp.resolve("fresh");
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(fresh, 2));
        Path out = tmp.resolve("out");
        Files.createDirectories(out);
        Files.writeString(out.resolve("articles.csv"), "stale,".repeat(100_000), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("report.html"), "<p>stale</p>".repeat(10_000), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("notes.txt"), "an analyst's file", StandardCharsets.UTF_8);
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 2));
        for (String name : REPORT_FILES) {
            assertThat(Files.readAllBytes(out.resolve(name))).as(name).isEqualTo(Files.readAllBytes(fresh.resolve(name)));
        }
        assertThat(out.resolve("notes.txt")).hasContent("an analyst's file");
        Set<String> expected = new TreeSet<>(REPORT_FILES);
        expected.add("notes.txt");
        assertThat(names(out)).isEqualTo(expected);
    }

    @Test
    void anOutputPathThatIsAFileIsATypedErrorNamingIt() throws Exception {
        Path file = tmp.resolve("not-a-dir");
        Files.writeString(file, "x", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(file, 2)))
                .isInstanceOf(ReportWriteException.class).hasMessageContaining(file.toString())
                .satisfies(e -> assertThat(((ReportWriteException) e).path()).isEqualTo(file));
        Path below = file.resolve("sub");
        assertThatThrownBy(() -> ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(below, 2)))
                .isInstanceOf(ReportWriteException.class).hasMessageContaining(below.toString());
    }

    @Test
    void aReadOnlyDirectoryIsATypedErrorNamingIt() throws Exception {
        Path out = tmp.resolve("ro");
        Files.createDirectories(out);
        Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Assumptions.assumeFalse(Files.isWritable(out), "running as root: permissions are not enforced");
            assertThatThrownBy(() -> ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 2)))
                    .isInstanceOf(ReportWriteException.class).hasMessageContaining(out.toString());
        } finally {
            Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    @Test
    void aFailureHalfWayKeepsTheOldFilesAndLeavesNoTemporaries() throws Exception {
        Path out = tmp.resolve("out");
        ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 2));
        byte[] before = Files.readAllBytes(out.resolve("articles.csv"));
        store.article("menafn:1").insert();
        // articles.csv is written first and succeeds; sources.csv then fails
        store.execute("DROP VIEW provider_daily");
        store.execute("DROP VIEW run_history");
        store.execute("DROP VIEW duplicates_by_rule");
        store.execute("DROP VIEW rejects_by_reason");
        store.execute("ALTER TABLE sources RENAME TO sources_gone");
        assertThatThrownBy(() -> ReportWriter.writeRunReports(store.dataSource(), RunReportRequest.of(out, 2)))
                .isInstanceOf(ReportQueryException.class);
        assertThat(names(out)).isEqualTo(new TreeSet<>(REPORT_FILES));
        assertThat(Files.readAllBytes(out.resolve("articles.csv"))).isEqualTo(before);
        assertThat(CsvFiles.rows(out.resolve("articles.csv"))).hasSize(4);
        assertThat(List.copyOf(names(out))).noneMatch(n -> n.endsWith(".tmp"));
    }
}
