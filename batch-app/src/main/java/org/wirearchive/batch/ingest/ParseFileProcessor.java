package org.wirearchive.batch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.wirearchive.core.extract.FileParser;

/** Adapter: one input file to its outcomes, by the core parser; also fingerprints the file for the manifest. */
public class ParseFileProcessor implements ItemProcessor<InputFile, FileOutcomes> {

    private final FileParser parser;

    public ParseFileProcessor(FileParser parser) {
        this.parser = parser;
    }

    @Override
    public FileOutcomes process(InputFile file) {
        return new FileOutcomes(file, sha256(file), parser.parse(file.toPath(), file.path()));
    }

    private static String sha256(InputFile file) {
        try (InputStream in = Files.newInputStream(file.toPath())) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            // most files are a few KB: a buffer of the listed size (the file may have changed since, the loop reads on)
            // instead of 64 KB zeroed for every file
            byte[] buf = new byte[(int) Math.min(64 * 1024, Math.max(8 * 1024, file.sizeBytes()))];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            // A listed file that cannot be read is an environment problem (storage, permissions), not bad content:
            // fail the run so nothing is lost; fix it and rerun the date to restart from the last commit.
            throw new InputReadException(file.path(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
