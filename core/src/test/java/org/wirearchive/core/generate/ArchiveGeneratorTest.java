package org.wirearchive.core.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveGeneratorTest {

    static final Pattern DOC_ID = Pattern.compile("MENAFN(\\d{2})(\\d{2})(\\d{4})(\\d{12})ID(\\d+)");

    static Map<String, byte[]> tree(Path dir) throws IOException {
        Map<String, byte[]> out = new HashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).collect(Collectors.toList())) {
                out.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
            }
        }
        return out;
    }

    /** One RFC 4180 line split into its fields (quoted fields may hold commas and doubled quotes). */
    static String[] csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out.toArray(String[]::new);
    }

    static String text(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (file.toString().endsWith(".gz")) {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                bytes = in.readAllBytes();
            }
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void theSameSpecWritesByteIdenticalArchives(@TempDir Path tmp) throws IOException {
        GeneratorSummary a = new ArchiveGenerator().generate(GeneratorSpec.of(400, tmp.resolve("a"), 5));
        GeneratorSummary b = new ArchiveGenerator().generate(GeneratorSpec.of(400, tmp.resolve("b"), 5));
        Map<String, byte[]> ta = tree(tmp.resolve("a"));
        Map<String, byte[]> tb = tree(tmp.resolve("b"));
        assertThat(ta.keySet()).isEqualTo(tb.keySet()).hasSize(401);
        ta.forEach((k, v) -> assertThat(tb.get(k)).as(k).isEqualTo(v));
        assertThat(a).isEqualTo(new GeneratorSummary(tmp.resolve("a/archive"), tmp.resolve("a/truth.csv"),
                b.filesWritten(), b.stories(), b.duplicates(), b.badFiles(), b.bytesWritten()));
        Map<String, byte[]> other = new HashMap<>();
        new ArchiveGenerator().generate(GeneratorSpec.of(400, tmp.resolve("c"), 6));
        other.putAll(tree(tmp.resolve("c")));
        assertThat(other.get("truth.csv")).isNotEqualTo(ta.get("truth.csv"));
    }

    @Test
    void theTruthListsEveryFileWithItsStoryAndEveryKindOccurs(@TempDir Path tmp) throws IOException {
        GeneratorSummary s = new ArchiveGenerator().generate(GeneratorSpec.of(1500, tmp, 11));
        List<String> lines = Files.readAllLines(s.truthFile(), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo(ArchiveGenerator.TRUTH_HEADER);
        assertThat(lines).hasSize(1501);
        Set<String> kinds = new HashSet<>();
        Set<String> roles = new HashSet<>();
        Set<String> stories = new HashSet<>();
        long bad = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = csv(line);
            assertThat(f).hasSize(ArchiveGenerator.TRUTH_HEADER.split(",").length);
            if (!f[1].isEmpty()) {
                // the page's fields: a layout, a provider, a 64-hex body hash; ids as the layout prints them
                assertThat(f[6]).startsWith(f[6].startsWith("kuna") ? "kuna-" : "menafn-");
                assertThat(f[8]).isNotBlank();
                assertThat(f[17]).matches("[0-9a-f]{64}");
                assertThat(f[11].isEmpty()).isEqualTo(f[6].equals("kuna-html"));
                assertThat(f[13].isEmpty()).isEqualTo(!f[6].equals("kuna-html"));
            }
            assertThat(Files.isRegularFile(s.archiveDir().resolve(f[0]))).as(f[0]).isTrue();
            kinds.add(f[2]);
            roles.add(f[3]);
            if (f[1].isEmpty()) {
                bad++;
            } else {
                stories.add(f[1]);
            }
        }
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(ArchiveGenerator.KINDS.stream().map(StoryKind::label).toList());
        assertThat(roles).contains("recrawl-whitespace", "recrawl-crlf", "recrawl-gzip", "kuna-original",
                "menafn-copy", "repost", "corrected", "html-copy", "distractor", "empty", "no-article");
        assertThat(s.filesWritten()).isEqualTo(1500);
        assertThat(s.badFiles()).isEqualTo(bad).isEqualTo(6);
        assertThat(s.stories()).isEqualTo(stories.size());
        assertThat(s.duplicates()).isEqualTo(1500 - stories.size() - bad);
        try (Stream<Path> files = Files.walk(s.archiveDir())) {
            assertThat(files.filter(Files::isRegularFile).count()).isEqualTo(1500);
        }
    }

    @Test
    void pagesHaveTheRealLayoutsAndConsistentIds(@TempDir Path tmp) throws IOException {
        GeneratorSummary s = new ArchiveGenerator().generate(GeneratorSpec.of(600, tmp, 3));
        int seedLayout = 0;
        int crlf = 0;
        int gz = 0;
        int kunaHtml = 0;
        for (String line : Files.readAllLines(s.truthFile(), StandardCharsets.UTF_8).subList(1, 601)) {
            String[] f = csv(line);
            Path file = s.archiveDir().resolve(f[0]);
            String page = text(file);
            if (f[2].equals("bad")) {
                assertThat(page).doesNotContain("(end)");
                continue;
            }
            if (f[0].endsWith(".gz")) {
                gz++;
            }
            if (page.contains("\r\n")) {
                crlf++;
                assertThat(page.replace("\r\n", "")).doesNotContain("\n");
            }
            if (f[3].equals("kuna-original")) {
                kunaHtml++;
                assertThat(page).contains("A+ A-")
                        .containsPattern("<link rel=\"canonical\" href=\"https://www.kuna.net.kw/ArticleDetails"
                                + "\\.aspx\\?id=\\d{7}&amp;language=en\">");
                continue;
            }
            Matcher m = DOC_ID.matcher(page);
            assertThat(m.find()).as(f[0]).isTrue();
            LocalDate idDate = LocalDate.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(1)));
            assertThat(idDate.toString()).isEqualTo(f[4].substring(0, 10));
            assertThat(m.group(4)).isIn("000071011013", "000117011021", "000195011045");
            long no = Long.parseLong(m.group(5));
            // article numbers grow with time: ~1.095e9 in 2017, ~1.104e9 mid-2022
            long days = idDate.toEpochDay() - LocalDate.of(2017, 1, 1).toEpochDay();
            assertThat(no).isBetween(1_095_000_000L + days * 4500, 1_095_000_000L + (days + 1) * 4500);
            if (page.contains("(MENAFN- Kuwait News Agency (KUNA))") || page.contains("(KUNA) --")) {
                assertThat(m.group(4)).isEqualTo("000071011013");
            }
            if (f[6].equals("menafn-seed")) {
                seedLayout++;
                String lf = page.replace("\r\n", "\n");
                assertThat(lf).startsWith(" date " + f[5]);
                assertThat(lf).contains("Legal Disclaimer:", "\nNo comment\n", f[7]);
                assertThat(lf).containsPattern("\n\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\n\\(MENAFN- ");
                assertThat(lf).containsPattern("\\(end\\)[ \n][a-z.]{1,8}\n\n\n+MENAFN\\d{20}ID\\d+\n");
            }
        }
        assertThat(seedLayout).isGreaterThan(100);
        assertThat(crlf).isPositive();
        assertThat(gz).isPositive();
        assertThat(kunaHtml).isPositive();
    }

    @Test
    void theExpectedArticleBodyIsPrintedInThePage(@TempDir Path tmp) {
        var it = new ArchiveGenerator().pages(GeneratorSpec.of(200, tmp, 9).withBodyBytes(600));
        int checked = 0;
        while (it.hasNext()) {
            GeneratedPage p = it.next();
            if (p.truth() == null || p.file().endsWith(".gz") || p.file().endsWith(".html")) {
                continue;
            }
            String page = new String(p.content(), StandardCharsets.UTF_8).replace("\r\n", "\n");
            for (String para : p.truth().body().split("\n")) {
                assertThat(page).as(p.file()).contains(para);
            }
            assertThat(p.truth().body().length()).isBetween(500, 1400);
            checked++;
        }
        assertThat(checked).isGreaterThan(100);
    }

    @Test
    void streamsLargeArchivesWithoutHoldingThem(@TempDir Path tmp) throws IOException {
        GeneratorSpec spec = GeneratorSpec.of(8_000, tmp, 1).withBodyBytes(200);
        GeneratorSummary s = new ArchiveGenerator().generate(spec);
        assertThat(s.filesWritten()).isEqualTo(8_000);
        assertThat(Files.readAllLines(s.truthFile(), StandardCharsets.UTF_8)).hasSize(8_001);
        List<String> nights;
        try (Stream<Path> dirs = Files.list(s.archiveDir())) {
            nights = dirs.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toCollection(ArrayList::new));
        }
        assertThat(nights.size()).isGreaterThan(15);
        assertThat(nights).allMatch(n -> n.matches("\\d{4}-\\d\\d-\\d\\d"));
    }

    @Test
    void rejectsImpossibleSpecs(@TempDir Path tmp) {
        assertThatThrownBy(() -> GeneratorSpec.of(-1, tmp, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeneratorSpec.of(10, tmp, 1).withBodyBytes(10))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> GeneratorSpec.of(10, tmp, 1).withStoriesPerDay(0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
