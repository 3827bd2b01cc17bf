package org.wirearchive.batch.remote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.wirearchive.store.RunInputTable;

/**
 * Splits a run's frozen input list ({@code run_inputs}, {@code seq} 0..n-1) into contiguous key ranges, one per
 * partition, of nearly equal size. Each partition's execution context carries everything a worker needs: the run
 * (job instance), its range and the parser's size limit, so that a worker on another host parses exactly as the
 * manager would.
 */
public class SeqRangePartitioner implements Partitioner {

    /** Execution-context keys of a partition. */
    public static final String RUN_ID = "remote.runId";
    public static final String SEQ_FROM = "remote.seqFrom";
    public static final String SEQ_TO = "remote.seqTo";
    public static final String MAX_INPUT_MB = "remote.maxInputMb";

    /** A half-open range of {@code seq} values, {@code [from, to)}. */
    public record Range(int from, int to) {
        public Range {
            if (from < 0 || to < from) {
                throw new IllegalArgumentException("not a range: [" + from + ", " + to + ")");
            }
        }

        public int size() {
            return to - from;
        }
    }

    private final RunInputTable inputs;
    private final long runId;
    private final int partitions;
    private final long maxInputMb;

    public SeqRangePartitioner(RunInputTable inputs, long runId, int partitions, long maxInputMb) {
        this.inputs = inputs;
        this.runId = runId;
        this.partitions = partitions;
        this.maxInputMb = maxInputMb;
    }

    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        List<Range> ranges = ranges(inputs.end(runId), partitions);
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        int width = String.valueOf(Math.max(0, ranges.size() - 1)).length();
        for (int i = 0; i < ranges.size(); i++) {
            ExecutionContext ctx = new ExecutionContext();
            ctx.putLong(RUN_ID, runId);
            ctx.putInt(SEQ_FROM, ranges.get(i).from());
            ctx.putInt(SEQ_TO, ranges.get(i).to());
            ctx.putLong(MAX_INPUT_MB, maxInputMb);
            contexts.put("partition" + String.format(java.util.Locale.ROOT, "%0" + width + "d", i), ctx);
        }
        return contexts;
    }

    /**
     * {@code [0, files)} cut into at most {@code partitions} contiguous, non-empty ranges whose sizes differ by at most
     * one, in order: every seq is in exactly one range. No files, no ranges.
     */
    public static List<Range> ranges(int files, int partitions) {
        if (files < 0 || partitions < 1) {
            throw new IllegalArgumentException("files " + files + ", partitions " + partitions);
        }
        int n = Math.min(files, partitions);
        List<Range> ranges = new ArrayList<>(n);
        int from = 0;
        for (int i = 0; i < n; i++) {
            int size = files / n + (i < files % n ? 1 : 0);
            ranges.add(new Range(from, from + size));
            from += size;
        }
        return ranges;
    }
}
