package org.wirearchive.batch.ingest;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * First step of a run: lists every regular file under the input paths, in a fixed (sorted) order, and freezes the
 * list in {@code run_inputs} for the job instance. A restart skips this step and reads the same list.
 */
public class FreezeInputsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(FreezeInputsTasklet.class);

    private final JdbcTemplate jdbc;

    public FreezeInputsTasklet(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobExecution = contribution.getStepExecution().getJobExecution();
        long instanceId = jobExecution.getJobInstance().getInstanceId();
        String input = jobExecution.getJobParameters().getString(IngestParameters.INPUT);
        jdbc.update("DELETE FROM run_inputs WHERE job_instance_id = ?", instanceId);
        List<Object[]> rows = new ArrayList<>();
        int seq = 0;
        for (Path file : listFiles(input)) {
            try {
                rows.add(new Object[] {instanceId, seq++, file.toString(), Files.size(file),
                        new Timestamp(Files.getLastModifiedTime(file).toMillis())});
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the attributes of " + file, e);
            }
            if (rows.size() == 1000) {
                flush(rows);
            }
        }
        flush(rows);
        contribution.incrementWriteCount(seq);
        log.info("Input frozen: {} files under {}", seq, input.replace(File.pathSeparator, ", "));
        return RepeatStatus.FINISHED;
    }

    private void flush(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO run_inputs (job_instance_id, seq, path, size_bytes, modified) VALUES (?, ?, ?, ?, ?)", rows);
            rows.clear();
        }
    }

    /** Every regular file under the input paths, absolute and normalized, sorted by path. */
    static List<Path> listFiles(String input) {
        List<Path> files = new ArrayList<>();
        for (String part : input.split(File.pathSeparator)) {
            Path root = Path.of(part).toAbsolutePath().normalize();
            if (!Files.exists(root)) {
                throw new IllegalStateException("input path does not exist: " + root);
            }
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root, e);
            }
        }
        return files.stream().map(Path::toString).sorted().distinct().map(Path::of).toList();
    }
}
