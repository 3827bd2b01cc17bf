package org.wirearchive.core.extract;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A minimal JSON reader/writer for the fixture tests: one flat object of strings, numbers, null and string lists. */
final class MiniJson {

    private final String s;
    private int i;

    private MiniJson(String s) {
        this.s = s;
    }

    static Map<String, Object> parseObject(String json) {
        MiniJson p = new MiniJson(json);
        p.ws();
        Map<String, Object> m = p.object();
        p.ws();
        if (p.i != p.s.length()) {
            throw new IllegalArgumentException("trailing text at " + p.i);
        }
        return m;
    }

    private Map<String, Object> object() {
        expect('{');
        Map<String, Object> m = new LinkedHashMap<>();
        ws();
        if (peek() == '}') {
            i++;
            return m;
        }
        while (true) {
            ws();
            String k = string();
            ws();
            expect(':');
            ws();
            if (m.put(k, value()) != null) {
                throw new IllegalArgumentException("duplicate key " + k);
            }
            ws();
            char c = s.charAt(i++);
            if (c == '}') {
                return m;
            }
            if (c != ',') {
                throw new IllegalArgumentException("expected , or } at " + (i - 1));
            }
        }
    }

    private Object value() {
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '[') {
            i++;
            List<Object> l = new ArrayList<>();
            ws();
            if (peek() == ']') {
                i++;
                return l;
            }
            while (true) {
                ws();
                l.add(value());
                ws();
                char d = s.charAt(i++);
                if (d == ']') {
                    return l;
                }
                if (d != ',') {
                    throw new IllegalArgumentException("expected , or ] at " + (i - 1));
                }
            }
        }
        if (s.startsWith("null", i)) {
            i += 4;
            return null;
        }
        int st = i;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '-')) {
            i++;
        }
        if (st == i) {
            throw new IllegalArgumentException("unexpected " + c + " at " + i);
        }
        return Long.parseLong(s.substring(st, i));
    }

    private String string() {
        expect('"');
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = s.charAt(i++);
            if (c == '"') {
                return sb.toString();
            }
            if (c == '\\') {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> sb.append('\n');
                    case 'r' -> sb.append('\r');
                    case 't' -> sb.append('\t');
                    case 'u' -> {
                        sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> sb.append(e);
                }
            } else {
                sb.append(c);
            }
        }
    }

    private void expect(char c) {
        if (peek() != c) {
            throw new IllegalArgumentException("expected " + c + " at " + i);
        }
        i++;
    }

    private char peek() {
        return s.charAt(i);
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    /** One field per line, for readable expected files; the body string is kept as one JSON string. */
    static String pretty(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder("{\n");
        int k = 0;
        for (Map.Entry<String, Object> e : m.entrySet()) {
            sb.append("  ");
            OutcomeJson.quote(sb, e.getKey());
            sb.append(": ");
            Object v = e.getValue();
            if (v == null) {
                sb.append("null");
            } else if (v instanceof String str) {
                OutcomeJson.quote(sb, str);
            } else if (v instanceof List<?> l) {
                sb.append('[');
                for (int j = 0; j < l.size(); j++) {
                    if (j > 0) {
                        sb.append(", ");
                    }
                    OutcomeJson.quote(sb, String.valueOf(l.get(j)));
                }
                sb.append(']');
            } else {
                sb.append(v);
            }
            sb.append(++k < m.size() ? ",\n" : "\n");
        }
        return sb.append("}\n").toString();
    }
}
