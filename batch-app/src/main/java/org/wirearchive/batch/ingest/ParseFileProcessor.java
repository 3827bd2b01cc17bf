package org.wirearchive.batch.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.article.RejectReason;
import org.wirearchive.core.dedup.SignatureMemo;
import org.wirearchive.core.extract.FileParser;

/** Adapter: one input file to its outcomes, by the core parser; also fingerprints the file for the manifest. */
public class ParseFileProcessor implements ItemProcessor<InputFile, FileOutcomes> {

    private static final Logger log = LoggerFactory.getLogger(ParseFileProcessor.class);

    private final FileParser parser;
    /** Shared by the parse threads: a body met again (a re-crawl, another layout) reuses its signature. */
    private final SignatureMemo signatures = new SignatureMemo(SignatureMemo.DEFAULT_CAPACITY);

    public ParseFileProcessor(FileParser parser) {
        this.parser = parser;
    }

    /**
     * The file's outcomes. Two cases are rejected without failing the run and without a manifest entry (so the file
     * is looked at again the next night): a name that does not open the file ({@code unreadable-name}), and a listed
     * file that is gone ({@code vanished}, e.g. renamed before a restart).
     */
    @Override
    public FileOutcomes process(InputFile file) {
        if (file.unreadableName()) {
            String encoding = System.getProperty("sun.jnu.encoding");
            return rejected(file, RejectReason.UNREADABLE_NAME, "UTF-8".equalsIgnoreCase(encoding)
                    ? "the file name is not valid UTF-8, so it cannot be opened: rename the file"
                    : "the file name is not valid in the file-name encoding " + encoding + " (from the locale), so it "
                            + "cannot be opened: run with a UTF-8 locale (LC_ALL=C.UTF-8, as the wirearchive launcher "
                            + "does) or rename the file");
        }
        try {
            // the common case: the file read once, whole; its fingerprint and its inputs come from the same bytes
            byte[] content = readWhole(file, parser.maxWholeFileBytes());
            if (content != null) {
                return new FileOutcomes(file, sha256(content), parser.parse(file.toPath(), file.path(), content),
                        signatures);
            }
            String sha = sha256(file);
            return new FileOutcomes(file, sha, parser.parse(file.toPath(), file.path()), signatures);
        } catch (InputReadException e) {
            if (e.getCause() instanceof NoSuchFileException) {
                return rejected(file, RejectReason.VANISHED, "the file was listed for this run but is gone (moved, "
                        + "renamed or deleted) before it was read");
            }
            throw e;
        }
    }

    /** The whole content of the file when it has at most {@code max} bytes; null when it is larger (then streamed). */
    private static byte[] readWhole(InputFile file, long max) {
        try (SeekableByteChannel ch = Files.newByteChannel(file.toPath())) {
            long size = ch.size();
            if (size > max) {
                return null;
            }
            ByteBuffer buf = ByteBuffer.allocate((int) size);
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // reads on until the listed size (or the end, if the file shrank meanwhile)
            }
            if (!buf.hasRemaining() && ch.read(ByteBuffer.allocate(1)) > 0) {
                return null; // it grew while being read: the streaming path reads it as it is then
            }
            return buf.position() == buf.capacity() ? buf.array() : Arrays.copyOf(buf.array(), buf.position());
        } catch (IOException e) {
            // A listed file that cannot be read is an environment problem (storage, permissions), not bad content:
            // fail the run so nothing is lost; fix it and rerun the date to restart from the last commit.
            throw new InputReadException(file.path(), e);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FileOutcomes rejected(InputFile file, RejectReason reason, String message) {
        log.warn("Rejected {} ({}): {}", file.path(), reason.code(), message);
        return new FileOutcomes(file, null, List.of(new ParseOutcome.Rejected(file.path(), null, reason, message)));
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
