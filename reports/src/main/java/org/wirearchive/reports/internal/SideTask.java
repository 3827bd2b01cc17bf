package org.wirearchive.reports.internal;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * One part of a set of reports written on a thread of its own while the calling thread writes the others. Its
 * failure reaches the caller unchanged ({@link #join()} rethrows the very exception); {@link #cancel()} asks the part
 * to stop at its next row ({@link #checkNotCancelled()}) and waits until it has, so that nothing writes a staged file
 * after the caller gave up on it.
 *
 * @param <T> what the part returns
 */
public final class SideTask<T> {

    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final Thread thread;
    private volatile boolean cancelled;

    private SideTask(String name, Function<SideTask<T>, T> body) {
        thread = new Thread(() -> {
            try {
                result.complete(body.apply(this));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, name);
        // never keeps the JVM alive: the caller waits for it, or has already failed and is leaving
        thread.setDaemon(true);
    }

    /** Starts {@code body} on a new thread called {@code name}; it is given its task, to check for cancellation. */
    public static <T> SideTask<T> start(String name, Function<SideTask<T>, T> body) {
        SideTask<T> task = new SideTask<>(name, body);
        task.thread.start();
        return task;
    }

    /** Called by the part for every row it writes: throws {@link CancellationException} once it was cancelled. */
    public void checkNotCancelled() {
        if (cancelled) {
            throw new CancellationException("the other reports failed");
        }
    }

    /** Waits for the part and returns its result; rethrows its exception as it was thrown. */
    public T join() {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return result.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the part holds a staged file and a connection: wait for it all the same
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof RuntimeException r) {
                        throw r;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(cause);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Asks the part to stop and waits until it has ended, whatever it ended with. */
    public void cancel() {
        cancelled = true;
        try {
            join();
        } catch (RuntimeException | Error ignored) {
            // the caller is already failing with its own exception; the part's end is of no interest any more
        }
    }
}
