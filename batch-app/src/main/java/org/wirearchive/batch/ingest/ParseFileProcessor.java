package org.wirearchive.batch.ingest;

import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.wirearchive.core.extract.FileParser;

/** Adapter: one input file to its outcomes, by the core parser. */
public class ParseFileProcessor implements ItemProcessor<InputFile, FileOutcomes> {

    private final FileParser parser;

    public ParseFileProcessor(FileParser parser) {
        this.parser = parser;
    }

    @Override
    public FileOutcomes process(InputFile file) {
        return new FileOutcomes(file, parser.parse(file.toPath(), file.path()));
    }
}
