package org.wirearchive.batch.ops;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.support.CronExpression;

/**
 * The {@code schedule} mode's loop: waits for the next time of a Spring cron expression, runs that night (run date =
 * the trigger's date in the schedule's zone), reports it, and goes on, also after a failed night. One thread, so
 * nights never overlap here (the ingest lock keeps them apart from other processes); a firing missed while a night
 * runs is skipped, not caught up. {@link #requestStop()} ends the wait at once, or the loop after the running night.
 */
public final class NightlySchedule {

    private static final Logger log = LoggerFactory.getLogger(NightlySchedule.class);

    /** One night's outcome: the run date, the exit code {@code ingest} would have had, and one line. */
    public record Night(LocalDate runDate, int exitCode, String line) {
    }

    /** Runs one night. */
    @FunctionalInterface
    public interface NightRunner {
        Night run(LocalDate runDate);
    }

    private final CronExpression cron;
    private final ZoneId zone;
    private final Clock clock;
    private final Object monitor = new Object();
    private volatile boolean stopRequested;

    public NightlySchedule(CronExpression cron, ZoneId zone, Clock clock) {
        this.cron = cron;
        this.zone = zone;
        this.clock = clock;
    }

    /** The first firing after {@code after}. */
    public ZonedDateTime next(ZonedDateTime after) {
        ZonedDateTime next = cron.next(after.withZoneSameInstant(zone));
        if (next == null) {
            throw new IllegalStateException("the cron expression " + cron + " never fires");
        }
        return next;
    }

    /**
     * Runs nights until a stop is requested or {@code maxRuns} nights ran (0: no limit).
     *
     * @return the exit code of the last night, or 0 if none ran
     */
    public int run(NightRunner runner, int maxRuns, Consumer<Night> onNight, Consumer<ZonedDateTime> onWait) {
        int runs = 0;
        int lastExit = 0;
        ZonedDateTime after = ZonedDateTime.now(clock.withZone(zone));
        while (!stopRequested) {
            ZonedDateTime fire = next(after);
            onWait.accept(fire);
            if (!sleepUntil(fire)) {
                break;
            }
            Night night;
            try {
                night = runner.run(fire.toLocalDate());
            } catch (RuntimeException e) {
                log.error("The night of {} failed unexpectedly", fire.toLocalDate(), e);
                night = new Night(fire.toLocalDate(), 70, "internal error: " + e);
            }
            lastExit = night.exitCode();
            log.info("Scheduled night {}: exit {}: {}", night.runDate(), night.exitCode(), night.line());
            onNight.accept(night);
            runs++;
            if (maxRuns > 0 && runs >= maxRuns) {
                break;
            }
            ZonedDateTime now = ZonedDateTime.now(clock.withZone(zone));
            after = now.isAfter(fire) ? now : fire;
        }
        return lastExit;
    }

    /** Ends the wait for the next firing at once; a running night finishes (or is stopped by the caller). */
    public void requestStop() {
        stopRequested = true;
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    /** Waits until {@code fire}; false if a stop was requested meanwhile. */
    private boolean sleepUntil(ZonedDateTime fire) {
        synchronized (monitor) {
            while (!stopRequested) {
                long ms = Duration.between(clock.instant(), fire.toInstant()).toMillis();
                if (ms <= 0) {
                    return true;
                }
                try {
                    monitor.wait(Math.min(ms, 60_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    stopRequested = true;
                }
            }
        }
        return false;
    }
}
