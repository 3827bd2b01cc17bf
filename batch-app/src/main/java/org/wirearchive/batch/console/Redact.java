package org.wirearchive.batch.console;

import java.util.regex.Pattern;

/** Masks secrets in text the console shows: a password inside a JDBC URL or a log line. */
final class Redact {

    private static final Pattern PASSWORD = Pattern.compile("(?i)(password=)[^&;\\s'\"]*");

    private Redact() {
    }

    static String secrets(String text) {
        return text == null ? null : PASSWORD.matcher(text).replaceAll("$1***");
    }
}
