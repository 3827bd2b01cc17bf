package org.wirearchive.batch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirearchive.core.format.InputPathException;

/**
 * The walk the {@code ingest} command begins before the application starts: the freeze gets exactly the listing its
 * own walk would make, and only for the same inputs and excluded directories; on real files.
 */
class EarlyWalkTests {

    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        EarlyWalk.discard();
    }

    /** An archive with the run's output and data directories inside it, a hidden file and odd names. */
    private Path archive() throws IOException {
        Path in = dir.resolve("in");
        for (String name : List.of("2023-03-06/a.txt", "2023-03-06/b b.html", "2023-03-07/é.txt", "2023-03-07/z.gz",
                "reports/2023-03-05/articles.csv", "data/wirearchive.mv.db", "2023-03-07/.hidden")) {
            Path f = in.resolve(name);
            Files.createDirectories(f.getParent());
            Files.writeString(f, name);
        }
        return in;
    }

    @Test
    void theFreezeTakesTheListingItsOwnWalkWouldMake() throws IOException {
        Path in = archive();
        Path runOut = in.resolve("reports/2023-03-08");
        Path data = in.resolve("data");
        EarlyWalk.begin(List.of(in), runOut, data);

        String input = EarlyWalk.inputParameter(List.of(in));
        List<Path> excluded = EarlyWalk.excluded(runOut.toString(), data);
        FreezeInputsTasklet.Walked own = FreezeInputsTasklet.walk(input, excluded);
        FreezeInputsTasklet.Walked early = EarlyWalk.take(input, excluded);

        assertThat(early).isNotNull();
        assertThat(early.digest()).isEqualTo(own.digest());
        assertThat(early.inNameOrder()).isEqualTo(own.inNameOrder());
        assertThat(early.skipped()).isEqualTo(own.skipped());
        assertThat(early.inNameOrder()).extracting(FreezeInputsTasklet.Found::name).containsExactly(
                in + "/2023-03-06/a.txt", in + "/2023-03-06/b b.html", in + "/2023-03-07/z.gz",
                in + "/2023-03-07/é.txt");
        assertThat(EarlyWalk.take(input, excluded)).as("taken once").isNull();
    }

    @Test
    void aDirectoryToLeaveOutCreatedInsideTheInputsDuringTheWalkMakesTheFreezeWalkAgain() throws IOException {
        // the first night with --data and --out inside the archive: the application creates both while it starts,
        // before or after the early walk passed their place: the freeze must name them as skipped either way
        Path in = archive();
        Path data = in.resolve("new-data");
        Path runOut = in.resolve("new-reports/2023-03-08");
        String input = EarlyWalk.inputParameter(List.of(in));
        List<Path> excluded = EarlyWalk.excluded(runOut.toString(), data);
        assertThat(EarlyWalk.absentInside(List.of(in), excluded)).containsExactly(in.resolve("new-reports"), data);

        EarlyWalk.begin(List.of(in), runOut, data);
        Files.createDirectories(data);
        assertThat(EarlyWalk.take(input, excluded)).isNull();
        assertThat(FreezeInputsTasklet.walk(input, excluded).skipped()).extracting(s -> s.name())
                .contains(data.toString());

        // still absent, or outside the inputs: the early walk is taken
        Path outside = dir.resolve("outside-data");
        List<Path> excludedOutside = EarlyWalk.excluded(in.resolve("later/2023-03-08").toString(), outside);
        EarlyWalk.begin(List.of(in), in.resolve("later/2023-03-08"), outside);
        Files.createDirectories(outside);
        assertThat(EarlyWalk.take(input, excludedOutside)).isNotNull();
    }

    @Test
    void otherInputsOrExclusionsAreWalkedAgainNotTaken() throws IOException {
        Path in = archive();
        Path runOut = in.resolve("reports/2023-03-08");
        Path data = in.resolve("data");
        String input = EarlyWalk.inputParameter(List.of(in));

        EarlyWalk.begin(List.of(in), runOut, data);
        assertThat(EarlyWalk.take(input, EarlyWalk.excluded(runOut.toString(), dir.resolve("elsewhere")))).isNull();
        assertThat(EarlyWalk.take(input, EarlyWalk.excluded(runOut.toString(), data)))
                .as("a walk that did not match is dropped").isNull();

        EarlyWalk.begin(List.of(in), runOut, data);
        assertThat(EarlyWalk.take(EarlyWalk.inputParameter(List.of(in, dir)),
                EarlyWalk.excluded(runOut.toString(), data))).isNull();

        EarlyWalk.begin(List.of(in), runOut, data);
        EarlyWalk.discard();
        assertThat(EarlyWalk.take(input, EarlyWalk.excluded(runOut.toString(), data))).isNull();
    }

    @Test
    void aWalkThatFailedFailsTheFreezeAsItsOwnWalkWould() {
        Path missing = dir.resolve("not-mounted");
        Path runOut = dir.resolve("out/2023-03-08");
        EarlyWalk.begin(List.of(missing), runOut, dir.resolve("data"));
        String input = EarlyWalk.inputParameter(List.of(missing));
        List<Path> excluded = EarlyWalk.excluded(runOut.toString(), dir.resolve("data"));

        assertThatThrownBy(() -> EarlyWalk.take(input, excluded)).isInstanceOf(InputPathException.class)
                .satisfies(e -> assertThat(((InputPathException) e).problem())
                        .isEqualTo(InputPathException.Problem.MISSING))
                .hasMessage(catchMessage(() -> FreezeInputsTasklet.walk(input, excluded)));
    }

    private static String catchMessage(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("no exception");
    }
}
