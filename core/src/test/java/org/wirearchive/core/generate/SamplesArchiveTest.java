package org.wirearchive.core.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled samples/ folder is exactly what the generator writes for the documented spec (see samples/README.md). */
class SamplesArchiveTest {

    static final Path SAMPLES = Path.of("..", "samples");

    @Test
    void samplesAreRegeneratedByteForByte(@TempDir Path tmp) throws IOException {
        GeneratorSpec spec = new GeneratorSpec(30, tmp, 13, 1400, LocalDate.of(2023, 3, 6), 6,
                GeneratorSpec.Mix.MENAFN_TEXT, 30);
        GeneratorSummary s = new ArchiveGenerator().generate(spec);
        assertThat(s.filesWritten()).isEqualTo(30);
        assertThat(s.stories()).isEqualTo(21);
        assertThat(s.duplicates()).isEqualTo(8);
        assertThat(s.badFiles()).isEqualTo(1);
        Map<String, byte[]> generated = ArchiveGeneratorTest.tree(tmp.resolve("archive"));
        Map<String, byte[]> committed = ArchiveGeneratorTest.tree(SAMPLES.resolve("archive"));
        assertThat(committed.keySet()).containsExactlyInAnyOrderElementsOf(generated.keySet());
        generated.forEach((k, v) -> assertThat(committed.get(k)).as(k).isEqualTo(v));
        assertThat(Files.readAllBytes(SAMPLES.resolve("truth.csv"))).isEqualTo(Files.readAllBytes(s.truthFile()));
        assertThat(committed.keySet()).filteredOn(k -> k.endsWith(".gz")).hasSize(1);
        assertThat(committed.values()).filteredOn(v -> v.length == 0).hasSize(1);
    }
}
