package org.wirearchive.batch;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The operator's time zone, and the UTC the process runs in.
 *
 * <p>{@link #captureThenUseUtc()} runs first thing in {@code main}: it remembers the zone the process was started in
 * (the operator's: {@code TZ}, the machine's setting) and then makes UTC the JVM's default zone, so that every
 * zone-less timestamp the application or Spring Batch writes ({@code BATCH_*} start and end times) is UTC, whichever
 * zone each process sharing the database runs in. The operator's zone is used only to show instants (with their
 * offset) and for the default run date ("today").
 */
public final class OperatorZone {

    /** An instant as shown to people: local time in the operator's zone, with its offset. */
    public static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss xxx", Locale.ROOT);

    private static volatile ZoneId zone;

    private OperatorZone() {
    }

    /** Remembers the process's zone as the operator's, then sets the JVM's default zone to UTC. */
    public static synchronized void captureThenUseUtc() {
        if (zone == null) {
            zone = ZoneId.systemDefault();
        }
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
    }

    /** The operator's zone: the one captured at start, else (in-process callers such as tests) the JVM's default. */
    public static ZoneId get() {
        ZoneId z = zone;
        return z != null ? z : ZoneId.systemDefault();
    }

    /** An instant in the operator's zone with its offset, e.g. {@code 2026-11-27 05:30:12 +03:00}; "-" for null. */
    public static String show(Instant t) {
        return t == null ? "-" : SHOWN.format(t.atZone(get()));
    }

    /**
     * A zone-less time written by this application or Spring Batch, shown as {@link #show}: it is in the JVM's default
     * zone, which is UTC once {@link #captureThenUseUtc()} ran.
     */
    public static String showStored(LocalDateTime stored) {
        return stored == null ? "-" : show(stored.atZone(ZoneId.systemDefault()).toInstant());
    }
}
