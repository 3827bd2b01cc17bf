package org.wirearchive.batch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.wirearchive.reports.RangeReportRequest;
import org.wirearchive.reports.ReportWriteException;
import org.wirearchive.reports.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code report}: regenerates the reports for a range of publication dates from the database. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Regenerate the reports for a range of publication dates from the database, without ingesting "
                + "anything.")
public class ReportCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "YYYY-MM-DD", description = "First publication date (inclusive).")
    LocalDate from;

    @Option(names = "--to", required = true, paramLabel = "YYYY-MM-DD", description = "Last publication date (inclusive).")
    LocalDate to;

    @Option(names = "--out", paramLabel = "DIR", description = "Output directory (default: out/report-FROM_TO).")
    Path out;

    @Option(names = "--excel", description = "CSVs with a UTF-8 byte-order mark, for Excel.")
    boolean excel;

    @Option(names = "--dated-only", description = "Leave out rows without a publication date (rejected inputs, undated articles).")
    boolean datedOnly;

    @Mixin
    DatabaseOptions db = new DatabaseOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (to.isBefore(from)) {
            throw new UserError(ExitCodes.USAGE, "--to " + to + " is before --from " + from);
        }
        Path dir = (out != null ? out : Path.of("out", "report-" + from + "_" + to)).toAbsolutePath().normalize();
        IngestCommand.requireWritableDirectory(dir);
        try (ConfigurableApplicationContext ctx = SpringContexts.start(db, Map.of())) {
            List<Path> files;
            try {
                files = ReportWriter.writeRangeReports(ctx.getBean(DataSource.class),
                        new RangeReportRequest(dir, from, to, null, !datedOnly, excel));
            } catch (ReportWriteException e) {
                throw new UserError(ExitCodes.ENVIRONMENT, e.getMessage());
            }
            PrintWriter o = spec.commandLine().getOut();
            o.printf("Wrote %d reports for %s to %s into %s%n", files.size(), from, to, dir);
            o.flush();
            return ExitCodes.OK;
        }
    }
}
