package org.wirearchive.batch.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wirearchive.batch.remote.SeqRangePartitioner.Range;

@DisplayName("SeqRangePartitioner.ranges: every file of a run in exactly one partition")
class SeqRangePartitionerTests {

    @ParameterizedTest(name = "{0} files, {1} partitions")
    @CsvSource({"0,1", "0,8", "1,1", "1,8", "3,8", "7,8", "8,8", "9,8", "16,8", "3000,8", "3001,8", "2999,7",
            "100000,64", "5,1"})
    void coversEverySeqOnceInOrder(int files, int partitions) {
        List<Range> ranges = SeqRangePartitioner.ranges(files, partitions);

        assertThat(ranges).hasSize(Math.min(files, partitions));
        int next = 0;
        for (Range r : ranges) {
            assertThat(r.from()).as("contiguous, in order").isEqualTo(next);
            assertThat(r.size()).as("never empty").isPositive();
            next = r.to();
        }
        assertThat(next).as("up to the last file").isEqualTo(files);
        if (!ranges.isEmpty()) {
            int min = ranges.stream().mapToInt(Range::size).min().getAsInt();
            int max = ranges.stream().mapToInt(Range::size).max().getAsInt();
            assertThat(max - min).as("balanced").isLessThanOrEqualTo(1);
        }
    }

    @Test
    @DisplayName("an empty run has no partitions; fewer files than partitions gives one file each")
    void smallRuns() {
        assertThat(SeqRangePartitioner.ranges(0, 8)).isEmpty();
        assertThat(SeqRangePartitioner.ranges(3, 8)).containsExactly(new Range(0, 1), new Range(1, 2), new Range(2, 3));
        assertThat(SeqRangePartitioner.ranges(10, 4)).containsExactly(new Range(0, 3), new Range(3, 6),
                new Range(6, 8), new Range(8, 10));
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> SeqRangePartitioner.ranges(-1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeqRangePartitioner.ranges(5, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
