package org.wirearchive.core.dedup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wirearchive.core.generate.ArchiveGenerator;
import org.wirearchive.core.generate.GeneratedPage;
import org.wirearchive.core.generate.GeneratorSpec;

/**
 * Dedup on a generated archive (every kind of duplicate and distractor), against the generator's truth. The articles
 * are the ones the generator says a correct parser extracts ({@link GeneratedPage#expected()}).
 */
class GeneratedArchiveDedupTest {

    static List<GeneratedPage> pages;

    @BeforeAll
    static void generate() {
        pages = new ArrayList<>();
        Iterator<GeneratedPage> it = new ArchiveGenerator().pages(GeneratorSpec.of(3000, Path.of("unused"), 20250626L));
        while (it.hasNext()) {
            GeneratedPage p = it.next();
            if (p.expected() != null) {
                pages.add(p);
            }
        }
    }

    /** source -> article key after feeding {@code input} in order. */
    static Map<String, String> run(List<List<GeneratedPage>> nights, InMemoryDedupIndex index) {
        Deduplicator dedup = new Deduplicator(index);
        for (List<GeneratedPage> night : nights) {
            for (GeneratedPage p : night) {
                dedup.add(p.expected());
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
        pages.forEach(p -> storyOf.put(p.file(), p.storyId()));
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
        for (List<String> group : byStory.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    if (!keyOf.get(group.get(i)).equals(keyOf.get(group.get(j)))) {
                        fn++;
                    }
                }
            }
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        assertThat(tp).isGreaterThan(800);
        assertThat(fp).as("false merges").isZero();
        assertThat(precision).isEqualTo(1.0);
        assertThat(recall).isGreaterThanOrEqualTo(0.99);
        assertThat(byKey).hasSameSizeAs(byStory);
    }

    @Test
    void theYearlyFeatureIsNeverMerged() {
        Map<String, String> keyOf = run(List.of(pages), new InMemoryDedupIndex());
        Map<String, Integer> perKey = new HashMap<>();
        long yearly = pages.stream().filter(p -> p.kind().equals("yearly-feature")).count();
        pages.stream().filter(p -> p.kind().equals("yearly-feature"))
                .forEach(p -> perKey.merge(keyOf.get(p.file()), 1, Integer::sum));
        assertThat(yearly).isGreaterThan(20);
        assertThat(perKey.values()).allMatch(n -> n == 1);
        // and the other distractors neither
        for (String kind : List.of("briefing", "press-release")) {
            Map<String, Integer> counts = new HashMap<>();
            pages.stream().filter(p -> p.kind().equals(kind))
                    .forEach(p -> counts.merge(keyOf.get(p.file()), 1, Integer::sum));
            assertThat(counts).as(kind).isNotEmpty();
            assertThat(counts.values()).as(kind).allMatch(n -> n == 1);
        }
    }

    @Test
    void shuffledInputGivesTheSameGroupsKeysAndCanonicalCopies() {
        InMemoryDedupIndex inOrder = new InMemoryDedupIndex();
        Map<String, String> expected = run(List.of(pages), inOrder);
        for (long seed : new long[] {1, 2, 3}) {
            List<GeneratedPage> shuffled = new ArrayList<>(pages);
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
        TreeMap<String, List<GeneratedPage>> byNight = new TreeMap<>();
        pages.forEach(p -> byNight.computeIfAbsent(p.file().substring(0, 10), k -> new ArrayList<>()).add(p));
        List<String> nights = new ArrayList<>(byNight.keySet());
        List<List<GeneratedPage>> three = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
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
        for (GeneratedPage p : pages) {
            DedupDecision d = dedup.add(p.expected());
            DedupRule rule = d instanceof DedupDecision.Duplicate dup ? dup.rule()
                    : d instanceof DedupDecision.ReplacesCanonical r ? r.rule() : null;
            if (rule != null) {
                rulesByRole.computeIfAbsent(p.role(), k -> new TreeSet<>()).add(rule);
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
