package org.wirearchive.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wirearchive.core.format.Fixtures.entries;
import static org.wirearchive.core.format.Fixtures.utf8;
import static org.wirearchive.core.format.Fixtures.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ArchiveReader#read(Path, String, byte[], java.util.function.Consumer)}, the ingest's path (the file read once,
 * fingerprinted and parsed from the same bytes), yields exactly what reading the file by its path yields, for every
 * layout the reader knows, damaged ones included.
 */
class ContentReadTest {

    @TempDir
    Path dir;

    private final ArchiveReader reader = new ArchiveReader();

    @ParameterizedTest
    @ValueSource(strings = {"page.txt", "page.html", "empty.txt", "page.txt.gz", "named-txt-but-gzip.txt",
            "truncated.txt.gz", "pages.zip", "nested.zip", "pages.warc", "pages.warc.gz", "pages.tar", "lying.zip",
            "page.bin"})
    void theContentGivesWhatThePathGives(String name) throws IOException {
        Path f = write(dir, name, bytesOf(name));
        List<String> byPath = describe(reader.read(f, "src/" + name));
        List<String> byContent = new ArrayList<>();
        List<InputItem> items = new ArrayList<>();
        reader.read(f, "src/" + name, Files.readAllBytes(f), items::add);
        byContent.addAll(describe(items));
        assertThat(byContent).isEqualTo(byPath).isNotEmpty();
    }

    @Test
    void theContentIsWhatIsReadNotTheFileOnDisk() throws IOException {
        // the bytes given are the ones parsed (and fingerprinted by the caller), whatever the file holds by then
        Path f = write(dir, "page.txt", utf8(Fixtures.PAGE_1));
        List<InputItem> items = new ArrayList<>();
        reader.read(f, "page.txt", utf8(Fixtures.PAGE_2), items::add);
        assertThat(items).hasSize(1);
        assertThat(Fixtures.text(((InputItem.Document) items.get(0)).document())).isEqualTo(Fixtures.PAGE_2);
    }

    @Test
    void contentOverTheLimitIsTheCallersMistake() {
        ArchiveReader small = new ArchiveReader(InputLimits.defaults().withMaxInputBytes(10));
        assertThatThrownBy(() -> small.read(dir.resolve("p.txt"), "p.txt", new byte[11], i -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytesOf(String name) throws IOException {
        return switch (name) {
            case "page.txt", "page.bin" -> utf8(Fixtures.PAGE_1);
            case "page.html" -> utf8("<html><head><title>T</title></head><body><p>" + Fixtures.PAGE_2 + "</p></body></html>");
            case "empty.txt" -> new byte[0];
            case "page.txt.gz", "named-txt-but-gzip.txt" -> Fixtures.gzip(utf8(Fixtures.PAGE_2));
            case "truncated.txt.gz" -> {
                byte[] gz = Fixtures.gzip(utf8(Fixtures.PAGE_1.repeat(20)));
                yield Arrays.copyOf(gz, gz.length / 2);
            }
            case "pages.zip" -> Fixtures.zip(entries("one.txt", Fixtures.PAGE_1, "dir/", new byte[0],
                    "dir/two.html", "<html>x</html>", "three.txt.gz", Fixtures.gzip(utf8(Fixtures.PAGE_2))));
            case "nested.zip" -> Fixtures.zip(entries("inner.zip", Fixtures.zip(entries("a.txt", Fixtures.ARABIC)),
                    "b.txt", Fixtures.PAGE_1));
            case "pages.warc", "pages.warc.gz" -> new Fixtures.Warc(name.endsWith(".gz")).warcinfo()
                    .request("https://example.invalid/a")
                    .response("https://example.invalid/a", "2024-03-05T10:00:00Z", Fixtures.http(200, "OK",
                            Fixtures.headers("Content-Type", "text/html; charset=utf-8"),
                            utf8("<html><body>" + Fixtures.PAGE_1 + "</body></html>")))
                    .bytes();
            case "pages.tar" -> {
                byte[] tar = new byte[1024];
                byte[] magic = "ustar".getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(magic, 0, tar, 257, magic.length);
                yield tar;
            }
            case "lying.zip" -> utf8("this is not a zip at all, only named like one");
            default -> throw new IllegalArgumentException(name);
        };
    }

    /** Every item as text: documents with their names, urls, dates, kinds, charsets and exact bytes; rejections. */
    private static List<String> describe(List<InputItem> items) {
        List<String> out = new ArrayList<>();
        for (InputItem item : items) {
            if (item instanceof InputItem.Document d) {
                InputDocument doc = d.document();
                out.add("doc " + doc.source() + " " + doc.url() + " " + doc.crawlDate() + " " + doc.charset() + " "
                        + doc.kind() + " " + Arrays.toString(doc.content()));
            } else {
                var r = ((InputItem.Reject) item).rejection();
                out.add("reject " + r.source() + " " + r.url() + " " + r.reason() + " " + r.message());
            }
        }
        return out;
    }
}
