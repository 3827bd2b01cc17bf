package org.wirearchive.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The extraction figures docs/formats.md restates: for every fixture, each of the 24 compared fields (all but
 * {@code source}) against the hand-checked expected file, counted per layout ({@code format}; {@code rejected} for
 * rejects). Prints the table; every field must be right.
 */
class ExtractionFiguresTest {

    @Test
    void fieldsRightPerLayout() throws IOException {
        Map<String, int[]> perLayout = new TreeMap<>(); // fixtures, fields, right
        Map<String, int[]> perField = new TreeMap<>();
        for (String name : FixtureCasesTest.cases().toList()) {
            Map<String, Object> actual = MiniJson.parseObject(OutcomeJson.render(
                    new ArticleExtractor().extract(FixtureCasesTest.document(name))));
            Map<String, Object> expected = MiniJson.parseObject(Files.readString(
                    FixtureCasesTest.dir().resolve(FixtureCasesTest.stem(name) + ".json"), StandardCharsets.UTF_8));
            String layout = "ok".equals(expected.get("status")) ? String.valueOf(expected.get("format")) : "rejected";
            int[] c = perLayout.computeIfAbsent(layout, k -> new int[3]);
            c[0]++;
            for (String f : OutcomeJson.FIELDS) {
                if (f.equals("source")) {
                    continue;
                }
                boolean right = Objects.equals(expected.get(f), actual.get(f));
                c[1]++;
                c[2] += right ? 1 : 0;
                int[] pf = perField.computeIfAbsent(f, k -> new int[2]);
                pf[0]++;
                pf[1] += right ? 1 : 0;
            }
        }
        StringBuilder table = new StringBuilder("| layout | fixtures | fields compared | fields right |\n|---|---|---|---|\n");
        int[] total = new int[3];
        perLayout.forEach((k, v) -> {
            table.append("| ").append(k).append(" | ").append(v[0]).append(" | ").append(v[1]).append(" | ")
                    .append(v[2]).append(" |\n");
            for (int i = 0; i < 3; i++) {
                total[i] += v[i];
            }
        });
        table.append("| all | ").append(total[0]).append(" | ").append(total[1]).append(" | ").append(total[2])
                .append(" |\n");
        System.out.println("ExtractionFiguresTest\n" + table);
        perField.forEach((f, v) -> assertThat(v[1]).as("field " + f + " right on every fixture").isEqualTo(v[0]));
        assertThat(total[2]).isEqualTo(total[1]);
    }
}
