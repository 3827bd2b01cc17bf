package org.wirearchive.batch.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.wirearchive.batch.ExitCodes;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.batch.ingest.IngestJobConfiguration;
import org.wirearchive.core.extract.FileParser;
import org.wirearchive.core.extract.OutcomeJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code parse FILE...}: prints one JSON object per input, so an operator sees what was extracted or why not. */
@Command(name = "parse", mixinStandardHelpOptions = true, addMethodSubcommands = false,
        description = "Parse files without storing anything: one JSON object per input (per entry for containers), "
                + "with every extracted field, or status \"rejected\" and the reason.")
public class ParseCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to parse (text, HTML, .gz, zip, WARC).")
    List<Path> files;

    @Option(names = "--max-input-mb", defaultValue = "20", paramLabel = "MB",
            description = "Reject an input larger than this, uncompressed, as too-large (default: ${DEFAULT-VALUE}).")
    long maxInputMb;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (maxInputMb <= 0) {
            throw new UserError(ExitCodes.USAGE, "--max-input-mb must be positive: " + maxInputMb);
        }
        FileParser parser = IngestJobConfiguration.fileParser(maxInputMb);
        int missing = 0;
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                spec.commandLine().getErr().println("wirearchive: not a readable file: " + file);
                missing++;
                continue;
            }
            for (ParseOutcome outcome : parser.parse(file, file.toString())) {
                out.println(OutcomeJson.render(outcome));
            }
        }
        out.flush();
        return missing == 0 ? ExitCodes.OK : ExitCodes.ENVIRONMENT;
    }
}
