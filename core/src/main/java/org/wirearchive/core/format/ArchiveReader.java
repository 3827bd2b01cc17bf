package org.wirearchive.core.format;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.article.RejectReason;

/**
 * Opens one archived file and yields its inputs: the file itself, or each entry of a container. Never throws for bad
 * content: an unreadable or unsafe input becomes a {@link InputItem.Reject} naming the file and the reason.
 */
public final class ArchiveReader {

    private final InputLimits limits;

    public ArchiveReader(InputLimits limits) {
        this.limits = limits;
    }

    public ArchiveReader() {
        this(InputLimits.defaults());
    }

    public InputLimits limits() {
        return limits;
    }

    /**
     * Reads {@code file}, naming its inputs after {@code sourceName} (usually the path as given by the user).
     */
    public List<InputItem> read(Path file, String sourceName) {
        List<InputItem> items = new ArrayList<>();
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            long size = Files.size(file);
            if (size > limits.maxInputBytes() && !lower.endsWith(".gz")) {
                items.add(reject(sourceName, RejectReason.TOO_LARGE,
                        "the file is " + size + " bytes, over the limit of " + limits.maxInputBytes() + " bytes"));
                return items;
            }
            if (lower.endsWith(".gz")) {
                byte[] bytes = gunzip(file, size, sourceName, items);
                if (bytes != null) {
                    items.add(new InputItem.Document(InputDocument.of(sourceName, bytes)));
                }
                return items;
            }
            items.add(new InputItem.Document(InputDocument.of(sourceName, Files.readAllBytes(file))));
        } catch (IOException e) {
            items.add(reject(sourceName, RejectReason.UNREADABLE, "the file could not be read: " + e.getMessage()));
        }
        return items;
    }

    private byte[] gunzip(Path file, long compressedSize, String sourceName, List<InputItem> items) {
        long cap = Math.min(limits.maxInputBytes(), Math.max(compressedSize, 1) * limits.maxCompressionRatio());
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file), 64 * 1024)) {
            byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, cap + 1));
            if (data.length > cap) {
                items.add(reject(sourceName, RejectReason.DECOMPRESSION_LIMIT,
                        "decompressing it produced more than " + cap + " bytes (limit)"));
                return null;
            }
            return data;
        } catch (IOException e) {
            items.add(reject(sourceName, RejectReason.CORRUPT, "the gzip data is damaged: " + e.getMessage()));
            return null;
        }
    }

    static InputItem reject(String source, RejectReason reason, String message) {
        return new InputItem.Reject(new ParseOutcome.Rejected(source, null, reason, message));
    }
}
