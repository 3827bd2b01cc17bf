package org.wirearchive.batch.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.reports.RangeReportRequest;
import org.wirearchive.reports.files.ReportWriteException;
import org.wirearchive.reports.ReportWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.wirearchive.store.ArticleSearch;

/** {@code report}: regenerates the reports for a range of publication dates from the database. */
@Command(name = "report", mixinStandardHelpOptions = true, addMethodSubcommands = false,
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

    @Option(names = "--allow-empty", description = "Write the reports even when the store has no article published "
            + "in the range (header-only files); by default that is refused, and existing reports are left as they are.")
    boolean allowEmpty;

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
        Map<String, Object> database = db.existingDatabaseProperties(); // a wrong --data: exit 3, nothing created
        try (ConfigurableApplicationContext ctx = SpringContexts.startExisting(db, Map.of())) {
            int articles = ctx.getBean(ArticleSearch.class).publishedBetween(from, to);
            if (!allowEmpty && articles == 0) {
                throw new UserError(ExitCodes.JOB_FAILED, "no article published from " + from + " to " + to
                        + " in the database " + SpringContexts.withoutPassword(String.valueOf(
                                database.get("spring.datasource.url"))) + "; nothing was written (use --allow-empty "
                        + "to write header-only reports)");
            }
            IngestCommand.requireWritableDirectory(dir);
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
