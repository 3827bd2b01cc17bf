package org.wirearchive.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wirearchive.core.generate.StoryKind;
import org.wirearchive.core.generate.GeneratorSpec;
import org.wirearchive.core.generate.ParsedArchive;
import org.wirearchive.core.generate.ParsedArchive.ParsedPage;

/**
 * Dedup on a generated archive (every kind of duplicate and distractor, furniture drawn at random), against the
 * generator's truth. The articles are the ones the real parser reads from the written files: a page the parser
 * rejects or misreads costs recall or precision here, as it would in a nightly run.
 */
class GeneratedArchiveDedupTest {

    static final long SEED = 20250626L;

    @TempDir
    static Path tmp;

    /** The pages that hold a story (bad files left out), with the parser's outcome. */
    static List<ParsedPage> pages;

    @BeforeAll
    static void generate() throws IOException {
        pages = new ArrayList<>();
        for (ParsedPage p : ParsedArchive.generateAndParse(GeneratorSpec.of(3000, tmp.resolve("gen"), SEED))) {
            if (p.page().storyId() != null) {
                pages.add(p);
            }
        }
    }

    /** source -> article key after feeding {@code input} in order; a page the parser rejected gets no key. */
    static Map<String, String> run(List<List<ParsedPage>> nights, InMemoryDedupIndex index) {
        Deduplicator dedup = new Deduplicator(index);
        for (List<ParsedPage> night : nights) {
            for (ParsedPage p : night) {
                if (p.article() != null) {
                    dedup.add(p.article());
                }
            }
        }
        Map<String, String> keyOf = new TreeMap<>();
        index.groups().forEach((key, sources) -> sources.forEach(s -> keyOf.put(s, key)));
        return keyOf;
    }

    @Test
    void pairwisePrecisionAndRecallAgainstTheTruth() {
        Map<String, String> keyOf = run(List.of(pages), new InMemoryDedupIndex());
        long tp = 0;
        long fp = 0;
        long fn = 0;
        Map<String, String> storyOf = new HashMap<>();
        pages.forEach(p -> storyOf.put(p.page().file(), p.page().storyId()));
        // a page the parser rejected is an article of its own: its pairs are missed, never merged
        pages.stream().filter(p -> p.article() == null)
                .forEach(p -> keyOf.put(p.page().file(), "rejected:" + p.page().file()));
        long rejected = pages.stream().filter(p -> p.article() == null).count();
        List<String> files = new ArrayList<>(storyOf.keySet());
        Collections.sort(files);
        // pairs only within a story or an article (everything else is a true negative): group by both
        Map<String, List<String>> byStory = new HashMap<>();
        Map<String, List<String>> byKey = new HashMap<>();
        for (String f : files) {
            byStory.computeIfAbsent(storyOf.get(f), k -> new ArrayList<>()).add(f);
            byKey.computeIfAbsent(keyOf.get(f), k -> new ArrayList<>()).add(f);
        }
        for (List<String> group : byKey.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    if (storyOf.get(group.get(i)).equals(storyOf.get(group.get(j)))) {
                        tp++;
                    } else {
                        fp++;
                    }
                }
            }
        }
        Map<String, ParsedPage> pageOf = new HashMap<>();
        pages.forEach(p -> pageOf.put(p.page().file(), p));
        // missed pairs by the story's kind and the two pages' layouts (truth), for the report
        Map<String, Integer> missedBy = new TreeMap<>();
        for (List<String> group : byStory.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    if (!keyOf.get(group.get(i)).equals(keyOf.get(group.get(j)))) {
                        fn++;
                        ParsedPage a = pageOf.get(group.get(i));
                        ParsedPage b = pageOf.get(group.get(j));
                        missedBy.merge(a.page().kind() + " " + a.page().truth().layout() + " + "
                                + b.page().truth().layout(), 1, Integer::sum);
                    }
                }
            }
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        System.out.printf(Locale.ROOT, "Dedup on the parser's reading of %d generated pages (seed %d): %d stories, "
                + "%d articles found, %d pages rejected; true pairs found %d, false merges %d, missed pairs %d; "
                + "precision %.4f, recall %.4f%n", pages.size(), SEED, byStory.size(), byKey.size(), rejected, tp, fp,
                fn, precision, recall);
        missedBy.forEach((k, n) -> System.out.printf(Locale.ROOT, "  missed pairs, %s: %d%n", k, n));
        assertThat(tp).isGreaterThan(800);
        assertThat(precision).as("precision (false merges %d)", fp).isGreaterThanOrEqualTo(0.999);
        assertThat(recall).as("recall (missed pairs %d)", fn).isGreaterThanOrEqualTo(0.99);
    }

    @Test
    void theYearlyFeatureIsNeverMerged() {
        Map<String, String> keyOf = run(List.of(pages), new InMemoryDedupIndex());
        Map<String, Integer> perKey = new HashMap<>();
        long yearly = pages.stream().filter(p -> p.page().kind() == StoryKind.YEARLY_FEATURE).count();
        pages.stream().filter(p -> p.page().kind() == StoryKind.YEARLY_FEATURE && p.article() != null)
                .forEach(p -> perKey.merge(keyOf.get(p.page().file()), 1, Integer::sum));
        assertThat(yearly).isGreaterThan(20);
        assertThat(perKey.values()).allMatch(n -> n == 1);
        // and the other distractors neither
        for (StoryKind kind : List.of(StoryKind.BRIEFING, StoryKind.PRESS_RELEASE)) {
            Map<String, Integer> counts = new HashMap<>();
            pages.stream().filter(p -> p.page().kind() == kind && p.article() != null)
                    .forEach(p -> counts.merge(keyOf.get(p.page().file()), 1, Integer::sum));
            assertThat(counts).as(kind.label()).isNotEmpty();
            assertThat(counts.values()).as(kind.label()).allMatch(n -> n == 1);
        }
    }

    @Test
    void shuffledInputGivesTheSameGroupsKeysAndCanonicalCopies() {
        InMemoryDedupIndex inOrder = new InMemoryDedupIndex();
        Map<String, String> expected = run(List.of(pages), inOrder);
        for (long seed : new long[] {1, 2, 3}) {
            List<ParsedPage> shuffled = new ArrayList<>(pages);
            Collections.shuffle(shuffled, new Random(seed));
            InMemoryDedupIndex index = new InMemoryDedupIndex();
            assertThat(run(List.of(shuffled), index)).isEqualTo(expected);
            assertThat(index.canonicalSources()).isEqualTo(inOrder.canonicalSources());
        }
    }

    @Test
    void threeNightlyRunsThroughOnePersistentIndexEqualOneRun() {
        InMemoryDedupIndex once = new InMemoryDedupIndex();
        Map<String, String> expected = run(List.of(pages), once);
        // split by crawl night (the directory), in night order, as the nightly job would see it
        TreeMap<String, List<ParsedPage>> byNight = new TreeMap<>();
        pages.forEach(p -> byNight.computeIfAbsent(p.page().file().substring(0, 10), k -> new ArrayList<>()).add(p));
        List<String> nights = new ArrayList<>(byNight.keySet());
        List<List<ParsedPage>> three = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < nights.size(); i++) {
            three.get(i * 3 / nights.size()).addAll(byNight.get(nights.get(i)));
        }
        assertThat(three).allMatch(n -> !n.isEmpty());
        InMemoryDedupIndex persistent = new InMemoryDedupIndex();
        assertThat(run(three, persistent)).isEqualTo(expected);
        assertThat(persistent.canonicalSources()).isEqualTo(once.canonicalSources());
    }

    @Test
    void eachDuplicateKindIsFoundByTheExpectedRule() {
        InMemoryDedupIndex index = new InMemoryDedupIndex();
        Deduplicator dedup = new Deduplicator(index);
        Map<String, Set<DedupRule>> rulesByRole = new TreeMap<>();
        for (ParsedPage p : pages) {
            if (p.article() == null) {
                continue;
            }
            DedupDecision d = dedup.add(p.article());
            DedupRule rule = d instanceof DedupDecision.Duplicate dup ? dup.rule()
                    : d instanceof DedupDecision.ReplacesCanonical r ? r.rule() : null;
            if (rule != null) {
                rulesByRole.computeIfAbsent(p.page().role(), k -> new TreeSet<>()).add(rule);
            }
        }
        assertThat(rulesByRole.get("recrawl-crlf")).containsOnly(DedupRule.SAME_MENAFN_ID);
        assertThat(rulesByRole.get("recrawl-gzip")).containsOnly(DedupRule.SAME_MENAFN_ID);
        assertThat(rulesByRole.get("corrected")).containsOnly(DedupRule.SAME_MENAFN_ID);
        assertThat(rulesByRole.get("html-copy")).containsOnly(DedupRule.SAME_MENAFN_ID);
        assertThat(rulesByRole.get("repost")).containsOnly(DedupRule.SAME_BODY);
        assertThat(rulesByRole.get("menafn-copy")).containsOnly(DedupRule.KUNA_MENAFN_LINK);
        assertThat(rulesByRole).doesNotContainKey("distractor");
    }
}
