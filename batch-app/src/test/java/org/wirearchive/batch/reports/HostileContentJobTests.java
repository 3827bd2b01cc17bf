package org.wirearchive.batch.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirearchive.batch.Pages;
import org.wirearchive.batch.cli.WirearchiveCli;

/**
 * Hostile headlines and bodies through the whole job: spreadsheet formulas are neutralized in every report, quotes,
 * newlines and Arabic text round-trip, and --excel adds the byte-order mark.
 */
class HostileContentJobTests {

    @TempDir
    Path tmp;

    static final Map<String, String> HEADLINES = Map.of(
            "MENAFN01022024000071011013ID1108000001", "=HYPERLINK(\"http://example.invalid\",\"Click\")",
            "MENAFN01022024000071011013ID1108000002", "+Ministry Adds Twelve Buses To Night Routes",
            "MENAFN01022024000071011013ID1108000003", "-5 Percent Drop In Winter Rainfall Recorded",
            "MENAFN01022024000071011013ID1108000004", "@Council Meets On Water Tariffs",
            "MENAFN01022024000071011013ID1108000005", "\u0627\u0644\u0643\u0648\u064a\u062a \u062a\u0641\u062a\u062a\u062d \u0645\u0631\u0643\u0632\u0627 \u062c\u062f\u064a\u062f\u0627");

    @Test
    void formulasAreNeutralizedAndTextRoundTrips() throws IOException {
        Path archive = tmp.resolve("archive");
        String[] topics = {"night buses and their twelve new routes across the capital",
            "the winter rainfall figures kept by the meteorology department since records began",
            "water tariffs for farms in the southern districts and the subsidy that ends in May",
            "a new community centre with a library, a clinic and two sports halls",
            "the council's plan to plant four thousand trees along the coastal road"};
        int i = 0;
        for (Map.Entry<String, String> e : HEADLINES.entrySet()) {
            String topic = topics[i++];
            String body = "The \"committee\" met on Thursday to discuss " + topic + ", quoting its chair: \"=SUM(A1:A9) "
                    + "is not a plan\".\n=2+3 was written on the board while members debated " + topic
                    + " for three hours, the statement said.";
            Pages.write(archive.resolve("p" + i + ".txt"), Pages.menafn("2024-02-01", e.getValue(), "2024-02-01 1" + i
                    + ":00:00", "KUWAIT", "Feb 1", body, "ab", e.getKey()));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = WirearchiveCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "ingest", "--input",
                archive.toString(), "--data", tmp.resolve("data").toString(), "--out", tmp.resolve("out").toString(),
                "--run-date", "2024-02-02", "--excel");
        assertThat(code).as(out + "\n" + err).isZero();
        Path reports = tmp.resolve("out/2024-02-02");

        byte[] raw = Files.readAllBytes(reports.resolve("articles.csv"));
        assertThat(raw).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);

        List<CSVRecord> articles = read(reports.resolve("articles.csv"));
        assertThat(articles).hasSize(HEADLINES.size());
        Map<String, String> headlineByDocId = articles.stream()
                .collect(Collectors.toMap(r -> r.get("menafn_doc_id"), r -> r.get("headline")));
        for (Map.Entry<String, String> e : HEADLINES.entrySet()) {
            String expected = "=+-@".indexOf(e.getValue().charAt(0)) >= 0 ? "'" + e.getValue() : e.getValue();
            assertThat(headlineByDocId.get(e.getKey())).isEqualTo(expected);
        }
        for (CSVRecord r : articles) {
            assertThat(r.get("body")).contains("\"committee\"").contains("\n=2+3 was written").doesNotStartWith("=");
        }
        // no cell of any report starts with a formula character
        for (String report : List.of("articles.csv", "sources.csv", "duplicates.csv", "rejects.csv",
                "provider_daily.csv", "run_summary.csv")) {
            for (CSVRecord r : read(reports.resolve(report))) {
                for (String cell : r) {
                    assertThat(cell).as(report).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("@")
                            .doesNotStartWith("\t").doesNotStartWith("\r");
                    if (cell.startsWith("-")) {
                        assertThat(cell).as(report + ": a leading minus only on a plain number").matches("-[0-9.]+");
                    }
                }
            }
        }
    }

    static List<CSVRecord> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(
                new java.io.StringReader(text))) {
            return p.getRecords();
        }
    }
}
