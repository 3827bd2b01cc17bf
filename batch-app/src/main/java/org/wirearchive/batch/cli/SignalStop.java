package org.wirearchive.batch.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.wirearchive.batch.ExitCodes;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * A graceful stop on SIGTERM or SIGINT ({@code systemctl stop}, {@code kill}, Ctrl-C) for the commands that run a
 * night. By default the JVM answers these signals by running its shutdown hooks, and H2's hook closes the database
 * under the running night (a stack trace, the execution left STARTED, exit 143; H2 refuses
 * {@code DB_CLOSE_ON_EXIT=FALSE} together with {@code AUTO_SERVER=TRUE}). While a command runs, this class handles the
 * two signals itself instead: it asks the command to stop (again every half second, so that a night that had not
 * started yet is stopped as soon as it has: it ends STOPPED at its next chunk boundary), the command returns normally
 * and reports (summary, metrics file, exit 1), and the process exits as usual. A second signal ends the process at
 * once (128 + the signal's number), leaving the run as a crash leaves it. If the command has not returned
 * {@code wirearchive.stop-wait-seconds} (default 900) after the signal, the process ends with 1.
 */
final class SignalStop {

    private static final Logger log = LoggerFactory.getLogger(SignalStop.class);
    private static final List<String> SIGNALS = List.of("TERM", "INT");
    private static volatile SignalStop installed;

    private final String what;
    private final Map<Signal, SignalHandler> previous = new LinkedHashMap<>();
    private final CountDownLatch returned = new CountDownLatch(1);
    private final AtomicInteger received = new AtomicInteger();
    private volatile Runnable askStop = () -> { };

    private SignalStop(String what) {
        this.what = what;
    }

    /** Handles SIGTERM and SIGINT until {@link #commandEnded}; {@link #onStop} says what to do on them. */
    static SignalStop install(String what) {
        SignalStop s = new SignalStop(what);
        for (String name : SIGNALS) {
            try {
                Signal signal = new Signal(name);
                s.previous.put(signal, Signal.handle(signal, s::handle));
            } catch (IllegalArgumentException | UnsupportedOperationException e) {
                // e.g. the JVM runs with -Xrs: the signal keeps its default meaning
                log.debug("Cannot handle SIG{}: {}", name, e.getMessage());
            }
        }
        installed = s;
        return s;
    }

    /** What a signal asks for: called from another thread, repeatedly, so it must be cheap and safe to repeat. */
    void onStop(Runnable askStop) {
        this.askStop = askStop;
    }

    /** Whether a signal has asked this command to stop. */
    boolean signalled() {
        return received.get() > 0;
    }

    /** Called once the command has returned: the signals get back their previous handlers. */
    static void commandEnded(int exitCode) {
        SignalStop s = installed;
        installed = null;
        if (s == null) {
            return;
        }
        s.previous.forEach(Signal::handle);
        s.returned.countDown();
        if (s.signalled()) {
            log.warn("Stopped on the signal: {} ended with exit code {}", s.what, exitCode);
        }
    }

    private void handle(Signal signal) {
        if (received.incrementAndGet() > 1) {
            log.warn("Second SIG{}: ending {} at once (its run is left as a crash leaves it)", signal.getName(), what);
            Runtime.getRuntime().halt(128 + signal.getNumber());
        }
        log.warn("Stop requested (SIG{}): {} stops at its next chunk boundary", signal.getName(), what);
        Thread asker = new Thread(this::keepAsking, "wirearchive-stop");
        asker.setDaemon(true);
        asker.start();
    }

    private void keepAsking() {
        long waitSeconds = Long.getLong("wirearchive.stop-wait-seconds", 900);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
        try {
            do {
                try {
                    askStop.run();
                } catch (RuntimeException e) {
                    log.debug("Could not ask {} to stop: {}", what, e.toString());
                }
                if (System.nanoTime() > deadline) {
                    log.error("{} did not stop within {} s of the signal; exiting with {}", what, waitSeconds,
                            ExitCodes.JOB_FAILED);
                    Runtime.getRuntime().halt(ExitCodes.JOB_FAILED);
                }
            } while (!returned.await(500, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
