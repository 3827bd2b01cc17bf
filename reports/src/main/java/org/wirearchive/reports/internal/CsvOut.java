package org.wirearchive.reports.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.wirearchive.reports.files.ReportWriteException;

/**
 * One CSV report file being written: RFC 4180 (comma, double quotes doubled, {@code \r\n} after every record), UTF-8,
 * optionally a byte-order mark, every cell neutralized against formula injection. Synced to disk on close.
 */
public final class CsvOut implements AutoCloseable {

    /** RFC 4180 with quotes only where needed; the header is printed explicitly. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get();

    private final Path file;
    private final FileChannel channel;
    private final CSVPrinter printer;
    private final int width;
    private long rows;

    /** Opens {@code file} (an existing, empty staged file) and writes the BOM (when asked) and the header. */
    public CsvOut(Path file, List<String> header, boolean excelBom) {
        this.file = file;
        this.width = header.size();
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
            OutputStream out = Channels.newOutputStream(channel);
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (excelBom) {
                writer.write('\uFEFF');
            }
            this.printer = new CSVPrinter(writer, FORMAT);
            printer.printRecord(header);
        } catch (IOException e) {
            throw new ReportWriteException(file, e.toString(), e);
        }
    }

    /** Writes one record; {@code cells} must have the header's width; nulls become empty cells. */
    public void row(String[] cells) {
        if (cells.length != width) {
            throw new IllegalArgumentException("row has " + cells.length + " cells, header has " + width);
        }
        try {
            for (String cell : cells) {
                printer.print(Cells.neutralize(cell));
            }
            printer.println();
            rows++;
        } catch (IOException e) {
            throw new ReportWriteException(file, e.toString(), e);
        }
    }

    /** Records written so far, header not counted. */
    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            printer.flush();
            channel.force(true);
            printer.close();
        } catch (IOException e) {
            throw new ReportWriteException(file, e.toString(), e);
        }
    }
}
