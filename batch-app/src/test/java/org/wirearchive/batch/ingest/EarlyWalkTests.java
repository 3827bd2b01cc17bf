package org.wirearchive.batch.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    void theWalkKeepsEachFilesSizeAndTimeToTheMillisecondBelowItAndCountsNamesThatDoNotOpen() throws Exception {
        Path in = archive();
        // times with a part of a millisecond, and a whole second (stored in seconds); before 1970 only in the test
        // below (file systems may refuse such times: Java then sets 1970)
        long[][] times = {{1_700_000_000L, 123_456_789L}, {1L, 999_999_999L}, {86_400L * 365 * 3, 1L},
            {1_600_000_000L, 0L}};
        List<String> names = List.of("2023-03-06/a.txt", "2023-03-06/b b.html", "2023-03-07/é.txt", "2023-03-07/z.gz");
        for (int i = 0; i < names.size(); i++) {
            Instant t = Instant.ofEpochSecond(times[i][0], times[i][1]);
            Files.setLastModifiedTime(in.resolve(names.get(i)), FileTime.from(t));
        }
        boolean utf8 = "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));
        boolean oddName = false;
        if (utf8) {
            // a name whose bytes are not UTF-8: listed under its escaped name, counted as one that does not open
            Process p = new ProcessBuilder("sh", "-c", "printf x > \"$(printf 'caf\\351.txt')\"")
                    .directory(in.resolve("2023-03-07").toFile()).start();
            oddName = p.waitFor() == 0;
        }
        FreezeInputsTasklet.Walked walked = FreezeInputsTasklet.walk(EarlyWalk.inputParameter(List.of(in)), List.of(
                in.resolve("reports"), in.resolve("data")));

        for (FreezeInputsTasklet.Found f : walked.inNameOrder()) {
            if (f.size() == InputFile.UNREADABLE_NAME) {
                // caf\xE9.txt; or, where names are not UTF-8 (LANG unset), é.txt too: \xC3\xA9.txt
                assertThat(f.name()).matches(".*/2023-03-07/(caf\\\\xE9|\\\\xC3\\\\xA9)\\.txt");
                continue;
            }
            Path path = Path.of(f.name());
            // the reference: the instant's millisecond (at or before it), as the manifest records it
            assertThat(f.modifiedMillis()).as(f.name())
                    .isEqualTo(Files.getLastModifiedTime(path).toInstant().toEpochMilli());
            assertThat(f.size()).isEqualTo(Files.size(path));
        }
        assertThat(walked.inNameOrder()).extracting(FreezeInputsTasklet.Found::modifiedMillis)
                .contains(1_700_000_000_123L, 1_999L, 86_400_000L * 365 * 3, 1_600_000_000_000L);
        assertThat(walked.files()).hasSize(oddName ? 5 : 4);
        long unreadable = walked.files().stream().filter(f -> f.size() == InputFile.UNREADABLE_NAME).count();
        assertThat(walked.badNames()).isEqualTo(unreadable);
        if (utf8) {
            assertThat(unreadable).isEqualTo(oddName ? 1 : 0);
        }
    }

    @Test
    void epochMillisIsTheInstantsMillisecondForEveryFileTime() {
        List<FileTime> times = new ArrayList<>();
        for (long seconds : new long[] {0, 1, -1, 1_700_000_000L, -1_700_000_000L, 9_223_372_036L, -9_223_372_037L,
            31_556_889_864_403_199L, -31_557_014_167_219_200L}) {
            for (long nanos : new long[] {0, 1, 999_999, 1_000_000, 123_456_789, 999_999_999}) {
                times.add(FileTime.from(Instant.ofEpochSecond(seconds, nanos)));
            }
            times.add(FileTime.from(seconds, TimeUnit.SECONDS));
        }
        times.add(FileTime.from(-1_500L, TimeUnit.MICROSECONDS));
        times.add(FileTime.from(-1L, TimeUnit.NANOSECONDS));
        for (FileTime t : times) {
            long expected;
            try {
                expected = t.toInstant().toEpochMilli();
            } catch (ArithmeticException tooFar) {
                continue; // beyond a long of milliseconds: no file has such a time
            }
            assertThat(FreezeInputsTasklet.epochMillis(t)).as(t.toString()).isEqualTo(expected);
        }
        assertThat(FreezeInputsTasklet.epochMillis(FileTime.from(
                Instant.ofEpochSecond(-1, 999_999_999)))).isEqualTo(-1L);
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
