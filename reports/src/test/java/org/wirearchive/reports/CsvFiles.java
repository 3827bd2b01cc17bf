package org.wirearchive.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads report files back with two parsers (Commons CSV and {@link StrictCsv}) and insists they agree. */
final class CsvFiles {

    private CsvFiles() {
    }

    /** All records, header first. */
    static List<List<String>> records(Path file) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<List<String>> strict = StrictCsv.parse(text);
        List<List<String>> commons = new ArrayList<>();
        try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            for (CSVRecord r : p) {
                commons.add(r.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(commons).as("Commons CSV and the strict reader agree on %s", file).isEqualTo(strict);
        return strict;
    }

    /** The data rows as maps from column name to cell. */
    static List<Map<String, String>> rows(Path file) {
        List<List<String>> all = records(file);
        List<String> header = all.get(0);
        List<Map<String, String>> rows = new ArrayList<>();
        for (List<String> r : all.subList(1, all.size())) {
            Map<String, String> m = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                m.put(header.get(i), r.get(i));
            }
            rows.add(m);
        }
        return rows;
    }

    /** One column of the data rows. */
    static List<String> column(Path file, String name) {
        List<String> values = new ArrayList<>();
        for (Map<String, String> r : rows(file)) {
            values.add(r.get(name));
        }
        return values;
    }
}
