package org.wirearchive.batch.ingest;

import java.io.PrintStream;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.wirearchive.store.RunInputTable;

/**
 * Progress of the ingest step: a log line every few seconds (files done/total, inputs/s, ETA) and, when attached to a
 * terminal, a progress bar on stderr.
 */
public class ProgressListener implements StepExecutionListener, ItemWriteListener<FileOutcomes> {

    private static final Logger log = LoggerFactory.getLogger(ProgressListener.class);

    private final RunInputTable runInputs;
    private final long logEveryNanos;
    private final PrintStream terminal;

    private long total;
    private long done;
    private long inputs;
    private long startNanos;
    private long lastLog;
    private long lastBar;
    private long doneAtStart;

    public ProgressListener(RunInputTable runInputs, long logEverySeconds, boolean onTerminal) {
        this.runInputs = runInputs;
        this.logEveryNanos = logEverySeconds * 1_000_000_000L;
        this.terminal = onTerminal ? System.err : null;
    }

    @Override
    public void beforeStep(StepExecution stepExecution) {
        long instance = stepExecution.getJobExecution().getJobInstance().getInstanceId();
        total = runInputs.count(instance);
        // on a restart the reader resumes after the files committed before: count them as done
        done = stepExecution.getExecutionContext().getInt(InputFileReader.READ_COUNT, 0);
        doneAtStart = done;
        inputs = 0;
        startNanos = System.nanoTime();
        lastLog = startNanos;
        lastBar = 0;
        if (done > 0) {
            log.info("Restarting after {} of {} files already committed", done, total);
        }
    }

    @Override
    public void afterWrite(Chunk<? extends FileOutcomes> items) {
        done += items.size();
        for (FileOutcomes f : items) {
            inputs += f.outcomes().size();
        }
        long now = System.nanoTime();
        if (terminal != null && now - lastBar > 200_000_000L) {
            lastBar = now;
            terminal.print("\r" + bar(now) + "   ");
            terminal.flush();
        }
        if (now - lastLog >= logEveryNanos) {
            lastLog = now;
            log.info("Progress: {}", line(now));
        }
    }

    @Override
    public ExitStatus afterStep(StepExecution stepExecution) {
        long now = System.nanoTime();
        if (terminal != null && total > 0) {
            terminal.print("\r" + bar(now) + "   \n");
            terminal.flush();
        }
        log.info("Ingest step {}: {}", stepExecution.getStatus(), line(now));
        return null;
    }

    private String line(long now) {
        double secs = Math.max(1e-9, (now - startNanos) / 1e9);
        double filesPerSec = (done - doneAtStart) / secs;
        String eta = filesPerSec > 0 && total > done ? duration((long) ((total - done) / filesPerSec)) : "-";
        return String.format(Locale.ROOT, "%d/%d files (%.0f%%), %d inputs, %.0f inputs/s, elapsed %s, ETA %s",
                done, total, total == 0 ? 100.0 : 100.0 * done / total, inputs, inputs / secs, duration((long) secs), eta);
    }

    private String bar(long now) {
        int width = 30;
        int filled = total == 0 ? width : (int) (width * done / total);
        return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] " + line(now);
    }

    static String duration(long seconds) {
        return seconds >= 3600 ? String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60)
                : String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
    }
}
