package org.wirearchive.core.generate;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Objects;

/**
 * What {@link ArchiveGenerator} writes.
 *
 * @param pages          how many input files to write (articles, duplicates, distractors and bad files together)
 * @param out            the output directory: pages go to {@code out/archive/<crawl-date>/}, the truth to
 *                       {@code out/truth.csv}
 * @param seed           the same seed and settings always give byte-identical output
 * @param bodyBytes      the approximate size of each article body in characters
 * @param firstDay       the publication date of the first story
 * @param storiesPerDay  how many stories are published per day (spreads the archive over days and nights)
 * @param mix            which layouts and kinds of duplicates to use
 * @param badEvery       one bad file (empty, or a page without an article body) every this many pages; 0 for none
 */
public record GeneratorSpec(int pages, Path out, long seed, int bodyBytes, LocalDate firstDay, int storiesPerDay,
                            Mix mix, int badEvery) {

    /** The default first publication day. */
    public static final LocalDate DEFAULT_FIRST_DAY = LocalDate.of(2023, 3, 6);

    /** Which page layouts and duplicate kinds the generator uses. */
    public enum Mix {
        /** Every layout and every kind of duplicate and distractor: MENAFN text variants, KUNA and saved HTML pages. */
        FULL,
        /**
         * Only MENAFN text pages in the seed page's layout, furniture varying (re-crawls, re-posts, corrections,
         * distractors).
         */
        MENAFN_TEXT
    }

    public GeneratorSpec {
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(firstDay, "firstDay");
        Objects.requireNonNull(mix, "mix");
        if (pages < 0) {
            throw new IllegalArgumentException("pages must not be negative: " + pages);
        }
        if (bodyBytes < 200 || bodyBytes > 1_000_000) {
            throw new IllegalArgumentException("bodyBytes must be between 200 and 1000000: " + bodyBytes);
        }
        if (storiesPerDay < 1 || storiesPerDay > 100_000) {
            throw new IllegalArgumentException("storiesPerDay must be between 1 and 100000: " + storiesPerDay);
        }
        if (badEvery < 0) {
            throw new IllegalArgumentException("badEvery must not be negative: " + badEvery);
        }
    }

    /**
     * The defaults: ~2 KB bodies, all layouts, one bad file in 250, stories spread so that the archive covers about
     * {@code pages / 60} days (at least 20 stories a day).
     */
    public static GeneratorSpec of(int pages, Path out, long seed) {
        return new GeneratorSpec(pages, out, seed, 2048, DEFAULT_FIRST_DAY, Math.max(20, pages / 60), Mix.FULL, 250);
    }

    public GeneratorSpec withMix(Mix newMix) {
        return new GeneratorSpec(pages, out, seed, bodyBytes, firstDay, storiesPerDay, newMix, badEvery);
    }

    public GeneratorSpec withBodyBytes(int newBodyBytes) {
        return new GeneratorSpec(pages, out, seed, newBodyBytes, firstDay, storiesPerDay, mix, badEvery);
    }

    public GeneratorSpec withStoriesPerDay(int perDay) {
        return new GeneratorSpec(pages, out, seed, bodyBytes, firstDay, perDay, mix, badEvery);
    }

    public GeneratorSpec withBadEvery(int every) {
        return new GeneratorSpec(pages, out, seed, bodyBytes, firstDay, storiesPerDay, mix, every);
    }

    public GeneratorSpec withFirstDay(LocalDate day) {
        return new GeneratorSpec(pages, out, seed, bodyBytes, day, storiesPerDay, mix, badEvery);
    }

    /** The directory the pages are written to. */
    public Path archiveDir() {
        return out.resolve("archive");
    }

    /** The truth CSV. */
    public Path truthFile() {
        return out.resolve("truth.csv");
    }
}
