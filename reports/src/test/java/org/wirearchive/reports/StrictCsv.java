package org.wirearchive.reports;

import java.util.ArrayList;
import java.util.List;

/**
 * An independent, strict RFC 4180 reader for the tests: fields separated by commas, every record ended by CRLF
 * (including the last), quoted fields with doubled quotes, no bare CR or LF outside quotes, no quote inside an unquoted
 * field, nothing between a closing quote and the next separator, and the same number of fields in every record.
 * Fails with {@link IllegalArgumentException} naming the offset.
 */
final class StrictCsv {

    private StrictCsv() {
    }

    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = text.length();
        if (n == 0) {
            return records;
        }
        while (true) {
            if (i < n && text.charAt(i) == '"') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw new IllegalArgumentException("unterminated quoted field at " + i);
                    }
                    char c = text.charAt(i);
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                        } else {
                            i++;
                            break;
                        }
                    } else {
                        field.append(c);
                        i++;
                    }
                }
            } else {
                while (i < n) {
                    char c = text.charAt(i);
                    if (c == ',' || c == '\r') {
                        break;
                    }
                    if (c == '"' || c == '\n') {
                        throw new IllegalArgumentException("bare " + (c == '"' ? "quote" : "LF") + " at " + i);
                    }
                    field.append(c);
                    i++;
                }
            }
            record.add(field.toString());
            field.setLength(0);
            if (i >= n) {
                throw new IllegalArgumentException("last record is not ended by CRLF at " + i);
            }
            char c = text.charAt(i);
            if (c == ',') {
                i++;
                continue;
            }
            if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                i += 2;
                if (!records.isEmpty() && records.get(0).size() != record.size()) {
                    throw new IllegalArgumentException("record " + records.size() + " has " + record.size()
                            + " fields, the header " + records.get(0).size());
                }
                records.add(record);
                record = new ArrayList<>();
                if (i == n) {
                    return records;
                }
                continue;
            }
            throw new IllegalArgumentException("unexpected character after field at " + i);
        }
    }
}
