package org.wirearchive.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wirearchive.core.menafn.Providers;

/**
 * The provider table is the one place of provider knowledge: every rule reads it (each row kind is checked through
 * the rule that uses it), and no extraction, dedup or URL class spells a provider value as a string literal (the
 * aggregator's own format tokens excepted: {@code (MENAFN- …)}, the {@code MENAFN…ID…} doc id, menafn.com URLs).
 */
class ProviderTableTest {

    private static final List<String[]> ROWS = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        try (InputStream in = Providers.class.getResourceAsStream(Providers.TABLE)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    ROWS.add(line.split("\t", -1));
                }
            }
        }
    }

    private static Stream<String[]> rows(String kind) {
        return ROWS.stream().filter(r -> r[0].equals(kind));
    }

    @Test
    void everyTagIsADatelineAgencyAndNamesItsProviderWhenTheTableDoes() {
        rows("tag").forEach(r -> {
            Dateline d = Dateline.find("SOMEWHERE, Jan 5 (" + r[2] + ") -- The text of the story runs on for a while.");
            assertThat(d).as(r[2]).isNotNull();
            assertThat(d.agency()).isEqualTo(r[2]);
            boolean named = rows("provider").anyMatch(p -> p[1].equals(r[1]));
            assertThat(Providers.byTag(r[2]).map(Providers.Known::key)).as(r[2])
                    .isEqualTo(named ? java.util.Optional.of(r[1]) : java.util.Optional.empty());
        });
    }

    @Test
    void namesCodesSitesAndHostsAreRead() {
        rows("name").forEach(r -> assertThat(Providers.key(r[2])).as(r[2]).isEqualTo(r[1]));
        rows("provider").forEach(r -> assertThat(Providers.key(r[2])).as(r[2]).isEqualTo(r[1]));
        rows("code").forEach(r -> assertThat(Providers.byCode(r[2]).orElseThrow().key()).isEqualTo(r[1]));
        rows("site").forEach(r -> assertThat(Headlines.isSiteName(r[2], null)).as(r[2]).isTrue());
        rows("host").forEach(r -> assertThat(Providers.keyByHost("www." + r[2])).isEqualTo(r[1]));
        rows("credit-prefix").forEach(r -> assertThat(Headlines.isPhotoCredit(r[2] + "X Y")).as(r[2]).isTrue());
    }

    @Test
    void everyStopLineEndsTheBody() {
        Stream.concat(rows("stop-line").map(r -> r[2]), rows("stop-prefix").map(r -> r[2] + "x")).forEach(stop -> {
            BodyScan b = BodyScan.read(new ArrayList<>(List.of("Text of the story.", stop, "More")), 0, 0, null);
            assertThat(b.lines()).as(stop).containsExactly("Text of the story.");
        });
    }

    @Test
    void titleSuffixWordsCutAnHtmlTitle() {
        rows("title-suffix").forEach(r -> assertThat(HtmlPage.cutSiteSuffix("Kuwait Opens A Road - The " + r[2]))
                .as(r[2]).isEqualTo("Kuwait Opens A Road"));
    }

    @Test
    void noRuleSpellsAProviderValue() throws IOException {
        // the aggregator's own format tokens (the (MENAFN- …) wrapper, the MENAFN doc id, menafn.com URLs) are syntax
        // the format classes parse, not provider knowledge: the key "menafn" is left out
        List<String> values = ROWS.stream().filter(r -> Stream.of("provider", "name", "tag", "code", "site", "host")
                .anyMatch(r[0]::equals) && !r[1].equals(Providers.MENAFN)).map(r -> "\"" + r[2] + "\"").toList();
        List<String> found = new ArrayList<>();
        for (String pkg : List.of("extract", "dedup", "kuna", "menafn", "normalize", "article", "format")) {
            Path dir = Path.of("src/main/java/org/wirearchive/core", pkg);
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String src = Files.readString(f, StandardCharsets.UTF_8);
                    for (String v : values) {
                        if (src.contains(v)) {
                            found.add(f.getFileName() + " " + v);
                        }
                    }
                }
            }
        }
        assertThat(found).as("provider values spelled outside " + Providers.TABLE.toLowerCase(Locale.ROOT)).isEmpty();
    }
}
