package org.wirearchive.batch.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.core.generate.ArchiveGenerator;
import org.wirearchive.core.generate.GeneratorSpec;
import org.wirearchive.core.generate.GeneratorSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code generate}: writes a labeled archive of invented articles, for demos, tests and benchmarks. */
@Command(name = "generate", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "Write an archive of invented articles in the real page layouts, with every kind of duplicate "
                + "and look-alike and page furniture drawn at random, and the truth: which files are the same story "
                + "and every field printed on each page (DIR/archive/, DIR/truth.csv).")
public class GenerateCommand implements Callable<Integer> {

    @Option(names = "--articles", required = true, paramLabel = "N", description = "How many files to write.")
    int articles;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed: the same seed gives the same archive (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--body-bytes", defaultValue = "2048", description = "Approximate body size (default: ${DEFAULT-VALUE}).")
    int bodyBytes;

    @Option(names = "--mix", defaultValue = "FULL", description = "FULL (every layout) or MENAFN_TEXT (seed layout only); default: ${DEFAULT-VALUE}.")
    GeneratorSpec.Mix mix;

    @Option(names = "--first-day", paramLabel = "YYYY-MM-DD", description = "Publication date of the first story (default: 2023-03-06).")
    LocalDate firstDay;

    @Option(names = "--bad-every", defaultValue = "250", description = "One bad file every N files, 0 for none (default: ${DEFAULT-VALUE}).")
    int badEvery;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GeneratorSpec gs;
        try {
            gs = GeneratorSpec.of(articles, out, seed).withBodyBytes(bodyBytes).withMix(mix).withBadEvery(badEvery);
            if (firstDay != null) {
                gs = gs.withFirstDay(firstDay);
            }
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage());
        }
        IngestCommand.requireWritableDirectory(out.toAbsolutePath().normalize());
        GeneratorSummary s;
        try {
            s = new ArchiveGenerator().generate(gs);
        } catch (IOException e) {
            throw new UserError(ExitCodes.ENVIRONMENT, "cannot write the archive under " + out + ": " + e.getMessage());
        }
        PrintWriter o = spec.commandLine().getOut();
        o.printf("Wrote %d files (%d stories, %d duplicates, %d bad files, %d bytes) to %s; truth in %s%n",
                s.filesWritten(), s.stories(), s.duplicates(), s.badFiles(), s.bytesWritten(), s.archiveDir(),
                s.truthFile());
        o.flush();
        return ExitCodes.OK;
    }
}
