package org.wirearchive.batch.ops;

import java.util.ArrayList;
import java.util.List;

/** Left- or right-aligned text columns, for listings a person reads at 2 a.m. */
public final class TextTable {

    private final List<String> headers;
    private final boolean[] rightAligned;
    private final List<List<String>> rows = new ArrayList<>();

    /** Column headers; a header starting with {@code >} is right-aligned (numbers), the marker is not printed. */
    public TextTable(String... headers) {
        this.headers = new ArrayList<>();
        this.rightAligned = new boolean[headers.length];
        for (int i = 0; i < headers.length; i++) {
            rightAligned[i] = headers[i].startsWith(">");
            this.headers.add(rightAligned[i] ? headers[i].substring(1) : headers[i]);
        }
    }

    public TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("expected " + headers.size() + " cells, got " + cells.length);
        }
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(c == null ? "-" : c.toString());
        }
        rows.add(row);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table, one line per row (header first), columns separated by two spaces, no trailing blanks. */
    public List<String> lines() {
        int[] width = new int[headers.size()];
        for (int i = 0; i < width.length; i++) {
            width[i] = headers.get(i).length();
            for (List<String> row : rows) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(format(headers, width));
        for (List<String> row : rows) {
            lines.add(format(row, width));
        }
        return lines;
    }

    private String format(List<String> cells, int[] width) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            String c = cells.get(i);
            if (i > 0) {
                sb.append("  ");
            }
            boolean last = i == cells.size() - 1;
            if (rightAligned[i]) {
                sb.append(" ".repeat(width[i] - c.length())).append(c);
            } else {
                sb.append(c);
                if (!last) {
                    sb.append(" ".repeat(width[i] - c.length()));
                }
            }
        }
        return sb.toString().stripTrailing();
    }
}
