package org.wirearchive.reports.internal;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole-store aggregates that {@code report.html} shows (totals, the provider_daily rows, duplicates per rule,
 * rejects per reason, the first rejects), kept beside stamped whole-store reports as the hidden file {@value #FILE}.
 * They depend only on the store version the stamp names, so a night that changed nothing reads them back instead of
 * aggregating the whole store again. A small binary file (length-prefixed UTF-8, nulls kept), read back exactly.
 */
public final class StoreAggregates {

    public static final String FILE = ".store-aggregates";

    private static final String MAGIC = "wirearchive store aggregates 1";

    private StoreAggregates() {
    }

    /** Writes the store-wide parts of {@code d} (not the run: that is read anew every night). */
    public static void write(Path file, ReportData d) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            string(out, MAGIC);
            out.writeLong(d.articles());
            out.writeLong(d.inputs());
            string(out, d.firstDate());
            string(out, d.lastDate());
            out.writeInt(d.daily().size());
            for (ReportData.DailyRow r : d.daily()) {
                string(out, r.date());
                string(out, r.providerKey());
                string(out, r.provider());
                out.writeLong(r.articles());
                out.writeLong(r.duplicates());
                out.writeLong(r.rejects());
            }
            rows(out, d.duplicateRules());
            rows(out, d.rejectReasons());
            rows(out, d.rejectList());
            out.writeLong(d.rejectsTotal());
        }
    }

    /**
     * The aggregates of {@code file} with this run's selection text, id and summary; throws when the file is not one
     * this version wrote.
     */
    public static ReportData read(Path file, String selection, Long runId, RunSummary run) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (!MAGIC.equals(string(in))) {
                throw new IOException("not a store aggregates file of this version: " + file);
            }
            long articles = in.readLong();
            long inputs = in.readLong();
            String first = string(in);
            String last = string(in);
            int n = in.readInt();
            List<ReportData.DailyRow> daily = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                daily.add(new ReportData.DailyRow(string(in), string(in), string(in), in.readLong(), in.readLong(),
                        in.readLong()));
            }
            List<String[]> rules = rows(in);
            List<String[]> reasons = rows(in);
            List<String[]> rejects = rows(in);
            long rejectsTotal = in.readLong();
            return new ReportData(selection, runId, run, articles, inputs, first, last, daily, rules, reasons, rejects,
                    rejectsTotal);
        }
    }

    private static void rows(DataOutputStream out, List<String[]> rows) throws IOException {
        out.writeInt(rows.size());
        for (String[] row : rows) {
            out.writeInt(row.length);
            for (String cell : row) {
                string(out, cell);
            }
        }
    }

    private static List<String[]> rows(DataInputStream in) throws IOException {
        int n = in.readInt();
        List<String[]> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String[] row = new String[in.readInt()];
            for (int k = 0; k < row.length; k++) {
                row[k] = string(in);
            }
            rows.add(row);
        }
        return rows;
    }

    private static void string(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String string(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = new byte[n];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
