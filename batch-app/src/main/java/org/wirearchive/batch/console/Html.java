package org.wirearchive.batch.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** HTML and JSON text helpers of the console's server-rendered pages: escaping, the page frame, a line diff. */
final class Html {

    private Html() {
    }

    /** Escapes text for an HTML element or a quoted attribute. */
    static String esc(Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Escapes text for a JSON string literal (without the quotes). */
    static String json(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>') {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** Encodes a value for a URL query or path segment. */
    static String url(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * A whole page: the console's stylesheet and script (served by the console itself), the navigation, the
     * read-only banner when {@code banner} is not null, then {@code body}.
     */
    static String page(String title, String body, String banner) {
        return page(title, body, banner, null);
    }

    static String page(String title, String body, String banner, String footer) {
        return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>" + esc(title) + " · wirearchive</title>"
                + "<link rel=\"stylesheet\" href=\"/console/console.css\">"
                + "<script src=\"/console/console.js\" defer></script></head><body>"
                + "<header><a class=\"brand\" href=\"/\">wirearchive</a> <nav><a href=\"/\">Nights</a> "
                + "<a href=\"/articles\">Articles</a> <a href=\"/api/executions\">API</a></nav></header>"
                + (banner == null ? "" : "<p class=\"banner\" id=\"read-only\">" + esc(banner) + "</p>")
                + "<main>" + body + "</main>"
                + (footer == null ? "" : "<footer>" + esc(footer) + "</footer>")
                + "</body></html>\n";
    }

    /** One row of a side-by-side diff: the left line (or null), the right line (or null), and the kind. */
    record DiffRow(String left, String right, char kind) {
    }

    /**
     * A line diff of {@code left} against {@code right} (longest common subsequence of lines; inputs longer than 2,000
     * lines are compared as they are, row by row): rows of kind ' ' (same), '-' (only left), '+' (only right),
     * '~' (changed).
     */
    static List<DiffRow> diff(String left, String right) {
        String[] a = left.split("\n", -1);
        String[] b = right.split("\n", -1);
        List<DiffRow> rows = new ArrayList<>();
        if (a.length > 2000 || b.length > 2000) {
            for (int i = 0; i < Math.max(a.length, b.length); i++) {
                String l = i < a.length ? a[i] : null;
                String r = i < b.length ? b[i] : null;
                rows.add(new DiffRow(l, r, l == null ? '+' : r == null ? '-' : l.equals(r) ? ' ' : '~'));
            }
            return rows;
        }
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        List<String> dels = new ArrayList<>();
        List<String> adds = new ArrayList<>();
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                flush(rows, dels, adds);
                rows.add(new DiffRow(a[i], b[j], ' '));
                i++;
                j++;
            } else if (j < b.length && (i == a.length || lcs[i][j + 1] >= lcs[i + 1][j])) {
                adds.add(b[j++]);
            } else {
                dels.add(a[i++]);
            }
        }
        flush(rows, dels, adds);
        return rows;
    }

    private static void flush(List<DiffRow> rows, List<String> dels, List<String> adds) {
        int n = Math.max(dels.size(), adds.size());
        for (int k = 0; k < n; k++) {
            String l = k < dels.size() ? dels.get(k) : null;
            String r = k < adds.size() ? adds.get(k) : null;
            rows.add(new DiffRow(l, r, l == null ? '+' : r == null ? '-' : '~'));
        }
        dels.clear();
        adds.clear();
    }

    /** Marks the words of {@code line} that {@code other} lacks with {@code <mark>}, escaped. */
    static String words(String line, String other) {
        if (line == null) {
            return "";
        }
        if (other == null) {
            return esc(line);
        }
        java.util.Set<String> theirs = new java.util.HashSet<>(List.of(other.split("\\s+")));
        StringBuilder b = new StringBuilder();
        for (String w : line.split("(?<=\\s)|(?=\\s)")) {
            if (!w.isBlank() && !theirs.contains(w)) {
                b.append("<mark>").append(esc(w)).append("</mark>");
            } else {
                b.append(esc(w));
            }
        }
        return b.toString();
    }
}
