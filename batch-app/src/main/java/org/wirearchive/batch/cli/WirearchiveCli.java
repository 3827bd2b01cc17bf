package org.wirearchive.batch.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.batch.OperatorZone;
import org.wirearchive.batch.Refusal;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code wirearchive} command line: parses the arguments, runs the command, maps every outcome to an exit code. */
@Command(name = "wirearchive", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        versionProvider = VersionProvider.class,
        description = "Batch processor for news-wire archives (MENAFN, KUNA): read archived pages, extract and "
                + "normalize articles, deduplicate them, write reports.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success (for ingest: the job completed)",
            "1:the job FAILED or was STOPPED (rerun the same date to restart it), or an operator action failed",
            "2:usage error (unknown option, bad value)",
            "3:environment error (missing input, unwritable output or data directory, database unreachable)",
            "4:another ingest is running, or a crashed one is still marked running (see `jobs recover`)",
            "5:the run for that date already completed (use --force)",
            "6:a run of that date was left running by a crashed process (`jobs recover ID`, or ingest --recover)",
            "70:internal error (a bug; see the log file)"})
public class WirearchiveCli {

    /** The subcommands, in the order of the help (added by {@link #commandLine}, not by the annotation). */
    static final List<Class<?>> SUBCOMMANDS = List.of(IngestCommand.class, ParseCommand.class, ReportCommand.class,
            GenerateCommand.class, JobsCommand.class, ScheduleCommand.class, WorkerCommand.class, BrokerCommand.class,
            ServeCommand.class, CommandLine.HelpCommand.class);

    /** The entry point (the jar's main class). */
    public static void main(String[] args) {
        OperatorZone.captureThenUseUtc(); // before anything reads the default zone: see OperatorZone
        System.exit(run(args));
    }

    /** Runs the command line and returns the process exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = commandLine(args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        // an unknown option (--bogus) after a multi-value option such as --input is a usage error, not a value
        cli.setUnmatchedOptionsAllowedAsOptionParameters(false);
        cli.registerConverter(LocalDate.class, WirearchiveCli::date);
        cli.setParameterExceptionHandler((ex, args2) -> {
            CommandLine cmd = ex.getCommandLine();
            if (cmd.getCommand() instanceof IngestCommand ingest) {
                ingest.usageError(); // the metrics file, if --metrics-file was parsed before the error
            }
            cmd.getErr().println("wirearchive: " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for the options.");
            return ExitCodes.USAGE;
        });
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof UserError u) {
                commandLine.getErr().println("wirearchive: " + u.getMessage());
                return u.exitCode();
            }
            if (ex instanceof Refusal r) { // a service's refusal: its kind says the exit code
                commandLine.getErr().println("wirearchive: " + r.getMessage());
                return ExitCodes.of(r.kind());
            }
            commandLine.getErr().println("wirearchive: internal error: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return ExitCodes.INTERNAL;
        });
        int code = cli.execute(args);
        SignalStop.commandEnded(code); // SIGTERM and SIGINT get their usual meaning back
        return code;
    }

    /**
     * The command line with its subcommands. picocli reflects over a subcommand's options when it is added (for all
     * of them about 0.3 s of a start-up): when the first argument names a subcommand, picocli runs that one whatever
     * the others are, so only it is added; otherwise (no argument, an option first, {@code help}, a typo) all are.
     */
    static CommandLine commandLine(String... args) {
        CommandLine cli = new CommandLine(new WirearchiveCli());
        String first = args.length > 0 ? args[0] : null;
        Class<?> named = SUBCOMMANDS.stream().filter(c -> c != CommandLine.HelpCommand.class) // help names others
                .filter(c -> c.getAnnotation(Command.class).name().equals(first)).findFirst().orElse(null);
        for (Class<?> subcommand : SUBCOMMANDS) {
            if (named == null || subcommand == named) {
                cli.addSubcommand(subcommand);
            }
        }
        return cli;
    }

    /** A date option's value: a plain message for a bad one, without the java.time exception. */
    static LocalDate date(String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a date of the form YYYY-MM-DD "
                    + "(for example 2026-11-27)");
        }
    }
}
