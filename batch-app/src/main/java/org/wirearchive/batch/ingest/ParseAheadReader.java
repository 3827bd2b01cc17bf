package org.wirearchive.batch.ingest;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.core.task.AsyncTaskExecutor;

/**
 * Reads the frozen input list and parses the files ahead of the step, on the parse threads, so that parsing the next
 * files overlaps with writing (dedup and SQL) the current chunk on the step's thread. Items come out in list order.
 *
 * <p>Restart is unchanged: the saved position ({@link InputFileReader#READ_COUNT}) is the file after the last one
 * <em>returned</em> to the step, so what was parsed ahead but not yet committed is parsed again after a crash. A file
 * that cannot be read fails the step when its turn comes, exactly where a sequential parse would have failed.
 */
public class ParseAheadReader implements ItemStreamReader<FileOutcomes> {

    private final InputFileReader files;
    private final ParseFileProcessor parser;
    private final AsyncTaskExecutor executor;
    private final int window;
    private final Deque<Future<FileOutcomes>> pending = new ArrayDeque<>();
    private int next;
    private boolean exhausted;

    /**
     * @param window how many files may be parsed ahead of the step (memory: that many parsed files)
     */
    public ParseAheadReader(InputFileReader files, ParseFileProcessor parser, AsyncTaskExecutor executor, int window) {
        if (window < 1) {
            throw new IllegalArgumentException("the parse-ahead window must be at least 1: " + window);
        }
        this.files = files;
        this.parser = parser;
        this.executor = executor;
        this.window = window;
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        files.open(context);
        next = context.getInt(InputFileReader.READ_COUNT, 0);
        cancelPending();
        exhausted = false;
    }

    @Override
    public FileOutcomes read() throws Exception {
        while (!exhausted && pending.size() < window) {
            InputFile f = files.read();
            if (f == null) {
                exhausted = true;
            } else {
                pending.add(executor.submit(() -> parser.process(f)));
            }
        }
        Future<FileOutcomes> head = pending.poll();
        if (head == null) {
            return null;
        }
        FileOutcomes out;
        try {
            out = head.get();
        } catch (ExecutionException e) {
            cancelPending();
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            throw (Error) cause;
        } catch (InterruptedException e) {
            cancelPending();
            Thread.currentThread().interrupt();
            throw e;
        }
        next = out.file().seq() + 1;
        return out;
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        // the position of what the step has, not of what was read ahead
        context.putInt(InputFileReader.READ_COUNT, next);
    }

    @Override
    public void close() throws ItemStreamException {
        cancelPending();
        files.close();
    }

    private void cancelPending() {
        for (Future<FileOutcomes> f : pending) {
            f.cancel(true);
        }
        pending.clear();
    }
}
