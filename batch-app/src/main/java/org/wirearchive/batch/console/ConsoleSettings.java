package org.wirearchive.batch.console;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How {@code serve} was started: registered as a bean in the console's context by the CLI.
 *
 * @param token        the bearer token operator actions need, or null: the console is then read-only
 * @param outDir       where the nights' reports are ({@code out/<run-date>/})
 * @param dataDir      the data directory (log file, and the action logs under {@code console-actions/})
 * @param databaseShown the database as it may be shown: a password in the URL is masked
 * @param childCommand the command line that starts this application again (java, JVM options, jar or class path)
 * @param childArgs    the database options an action's child process gets ({@code --data}, {@code --db-url} ...)
 * @param childEnv     environment entries for the child (the database password travels here, never on a page)
 */
public record ConsoleSettings(String token, Path outDir, Path dataDir, String databaseShown, List<String> childCommand,
                              List<String> childArgs, Map<String, String> childEnv) {

    /** The property {@code serve} sets: the console's beans exist only in its context, never in another web one. */
    public static final String ENABLED = "wirearchive.console.enabled";

    public ConsoleSettings {
        if (token != null && token.isBlank()) {
            token = null;
        }
        Objects.requireNonNull(outDir, "outDir");
        Objects.requireNonNull(dataDir, "dataDir");
        childCommand = List.copyOf(childCommand);
        childArgs = List.copyOf(childArgs);
        childEnv = Map.copyOf(childEnv);
    }

    public boolean readOnly() {
        return token == null;
    }

    @Override
    public String toString() {
        return "ConsoleSettings[out=" + outDir + ", data=" + dataDir + ", database=" + databaseShown + ", token="
                + (token == null ? "none" : "***") + "]";
    }
}
