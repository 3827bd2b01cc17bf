package org.wirearchive.core.dedup;

import org.wirearchive.core.article.DateSource;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.wirearchive.core.article.Article;
import org.wirearchive.core.article.KunaId;
import org.wirearchive.core.article.Published;

/** Each rule on hand-written pairs, with the near-misses just outside the window and the threshold. */
class DeduplicatorRulesTest {

    // invented text
    static final String BODY = "The port authority said on Monday that work on the northern quay had reached its final"
            + " stage and that the first container ships would dock there before the end of the summer.\n"
            + "The project, which cost about 240 million dollars, adds four berths and a rail siding linking the quay"
            + " to the free trade zone, the authority said in a statement.\n"
            + "Officials expect cargo volumes at the port to grow by 18 percent next year as a result of the new"
            + " capacity and the shorter waiting times for vessels.";

    static final LocalDate DAY = LocalDate.of(2023, 5, 10);

    static Article article(String source, Long menafnNo, Long kunaId, String providerKey, String format,
                           String headline, LocalDate published, String body) {
        return new Article(source, null, format, null, menafnNo, kunaId == null ? null : KunaId.of(kunaId.toString()),
                null, providerKey, headline, headline == null ? null : "title-line",
                published == null ? null : Published.on(published, DateSource.TIMESTAMP), published, null, null, null,
                "en", body, sha(body), List.of());
    }

    static Article menafn(String source, long no, LocalDate day, String body) {
        return article(source, no, null, "kuna", "menafn-text", "Port Opens Northern Quay", day, body);
    }

    static String sha(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the {@code n}-th word (0-based, counting spaces) of the text. */
    static String replaceWords(String text, String with, int... positions) {
        String[] words = text.split(" ");
        for (int p : positions) {
            words[p] = with;
        }
        return String.join(" ", words);
    }

    final InMemoryDedupIndex index = new InMemoryDedupIndex();
    final Deduplicator dedup = new Deduplicator(index);

    @Nested
    @DisplayName("same-menafn-id")
    class SameMenafnId {
        @Test
        void sameNumberIsOneArticleWhateverTheBodyAndDate() {
            assertThat(dedup.add(menafn("a.txt", 1105000001L, DAY, BODY)))
                    .isEqualTo(new DedupDecision.NewArticle("M1105000001"));
            String other = "An entirely different text about the weather in the capital on a cloudy afternoon.";
            DedupDecision d = dedup.add(menafn("b.txt", 1105000001L, DAY.plusDays(30), other));
            assertThat(d).isInstanceOf(DedupDecision.Duplicate.class);
            DedupDecision.Duplicate dup = (DedupDecision.Duplicate) d;
            assertThat(dup.key()).isEqualTo("M1105000001");
            assertThat(dup.rule()).isEqualTo(DedupRule.SAME_MENAFN_ID);
            assertThat(dup.canonicalSource()).isEqualTo("a.txt");
            assertThat(dup.similarity()).isLessThan(0.2);
        }

        @Test
        void otherNumberSameDayDifferentBodyIsAnotherArticle() {
            dedup.add(menafn("a.txt", 1105000001L, DAY, BODY));
            String other = "An entirely different text about the weather in the capital on a cloudy afternoon, "
                    + "with rain expected in the north and strong winds along the coast until Thursday evening.";
            assertThat(dedup.add(menafn("b.txt", 1105000002L, DAY, other)))
                    .isEqualTo(new DedupDecision.NewArticle("M1105000002"));
        }
    }

    @Nested
    @DisplayName("same-kuna-id")
    class SameKunaId {
        @Test
        void sameKunaIdIsOneArticle() {
            Article k1 = article("k1.html", null, 3100200L, "kuna", "html", "Port Opens Northern Quay", DAY, BODY);
            Article k2 = article("k2.html", null, 3100200L, "kuna", "html", "Port Opens Northern Quay",
                    DAY.plusDays(9), BODY + "\nA later paragraph added to the page.");
            assertThat(dedup.add(k1)).isEqualTo(new DedupDecision.NewArticle("K3100200"));
            DedupDecision d = dedup.add(k2);
            // the longer body is the better copy: the article row is updated to it, same key
            assertThat(d).isInstanceOf(DedupDecision.ReplacesCanonical.class);
            DedupDecision.ReplacesCanonical r = (DedupDecision.ReplacesCanonical) d;
            assertThat(r.key()).isEqualTo("K3100200");
            assertThat(r.rule()).isEqualTo(DedupRule.SAME_KUNA_ID);
            assertThat(r.previousCanonicalSource()).isEqualTo("k1.html");
            assertThat(index.canonicalSources()).containsEntry("K3100200", "k2.html");
        }
    }

    @Nested
    @DisplayName("kuna-menafn-link")
    class KunaMenafnLink {
        Article kuna(LocalDate day, String headline, String body) {
            return article("kuna.html", null, 3100200L, "kuna", "html", headline, day, body);
        }

        @Test
        void sameBodyWithinWindowLinksAndTheKunaOriginalIsCanonical() {
            assertThat(dedup.add(menafn("m.txt", 1105000001L, DAY.plusDays(1), BODY)))
                    .isEqualTo(new DedupDecision.NewArticle("M1105000001"));
            DedupDecision d = dedup.add(kuna(DAY, "Port Opens Northern Quay", BODY));
            assertThat(d).isEqualTo(new DedupDecision.ReplacesCanonical("K3100200", "m.txt",
                    DedupRule.KUNA_MENAFN_LINK, 1.0, "m.txt", List.of("M1105000001")));
            assertThat(index.groups()).containsOnlyKeys("K3100200");
        }

        @Test
        void sameHeadlineAndSimilarBodyLinksEvenBelowTheNearDuplicateThreshold() {
            String copy = BODY.substring(0, BODY.indexOf("Officials")) + "The quay was designed by a consortium"
                    + " of three engineering firms and employs about 600 workers on two shifts every day.";
            IndexedCopy a = IndexedCopy.of(kuna(DAY, "Port Opens Northern Quay", BODY));
            IndexedCopy b = IndexedCopy.of(menafn("m.txt", 1105000001L, DAY, copy));
            double sim = a.minHash().similarity(b.minHash());
            assertThat(sim).isBetween(Deduplicator.HEADLINE_LINK_MIN_SIMILARITY, Deduplicator.DEFAULT_THRESHOLD);
            dedup.add(b);
            DedupDecision d = dedup.add(a);
            // the KUNA body is the longer one here: it becomes canonical and the article is re-keyed to it
            assertThat(a.bodyLength()).isGreaterThan(b.bodyLength());
            assertThat(d).isEqualTo(new DedupDecision.ReplacesCanonical("K3100200", "m.txt",
                    DedupRule.KUNA_MENAFN_LINK, sim, "m.txt", List.of("M1105000001")));
        }

        @Test
        void sameHeadlineButUnrelatedBodyIsNotLinked() {
            dedup.add(menafn("m.txt", 1105000001L, DAY, BODY));
            String routine = "The stock exchange closed higher on Wednesday as the main index gained 32 points led by"
                    + " banks and telecommunication shares, while trading volume fell to 180 million shares.";
            assertThat(dedup.add(kuna(DAY, "Port Opens Northern Quay", routine)))
                    .isEqualTo(new DedupDecision.NewArticle("K3100200"));
        }

        @Test
        void threeDaysApartIsOutsideTheWindow() {
            dedup.add(menafn("m.txt", 1105000001L, DAY.plusDays(3), BODY));
            assertThat(dedup.add(kuna(DAY, "Port Opens Northern Quay", BODY)))
                    .isEqualTo(new DedupDecision.NewArticle("K3100200"));
        }

        @Test
        void aMenafnCopyFromAnotherProviderIsNotLinkedByHeadline() {
            String copy = BODY.substring(0, BODY.indexOf("Officials")) + "The quay was designed by a consortium"
                    + " of three engineering firms and employs about 600 workers on two shifts every day.";
            dedup.add(article("j.txt", 1105000001L, null, "jna", "menafn-text", "Port Opens Northern Quay", DAY, copy));
            assertThat(dedup.add(kuna(DAY, "Port Opens Northern Quay", BODY)))
                    .isEqualTo(new DedupDecision.NewArticle("K3100200"));
        }
    }

    @Nested
    @DisplayName("same-body")
    class SameBody {
        @Test
        void sameComparisonFormTwoDaysApartIsOneArticle() {
            dedup.add(menafn("a.txt", 1105000001L, DAY, BODY));
            // other quotes, spaces, line ends and wrapping only
            String respaced = BODY.replace("\n", "\r\n\r\n").replace(" the ", "  the ").replace("said", "said ");
            DedupDecision d = dedup.add(menafn("b.txt", 1105000009L, DAY.plusDays(2), respaced));
            assertThat(d).isEqualTo(new DedupDecision.Duplicate("M1105000001", "a.txt", DedupRule.SAME_BODY, 1.0,
                    "a.txt", List.of()));
        }

        @Test
        void threeDaysApartIsAnotherArticle() {
            dedup.add(menafn("a.txt", 1105000001L, DAY, BODY));
            assertThat(dedup.add(menafn("b.txt", 1105000009L, DAY.plusDays(3), BODY)))
                    .isEqualTo(new DedupDecision.NewArticle("M1105000009"));
        }

        @Test
        void withoutAnyIdTheKeyIsTheDateAndHash() {
            Article a = article("mirror.txt", null, null, null, "other", null, DAY, BODY);
            DedupDecision d = dedup.add(a);
            assertThat(d.key()).matches("H20230510-[0-9a-f]{16}");
            // a MENAFN copy of the same text the next day is better (original origin): it takes over, re-keyed
            DedupDecision m = dedup.add(menafn("m.txt", 1105000001L, DAY.plusDays(1), BODY));
            assertThat(m).isEqualTo(new DedupDecision.ReplacesCanonical("M1105000001", "mirror.txt",
                    DedupRule.SAME_BODY, 1.0, "mirror.txt", List.of(d.key())));
            assertThat(index.groups().get("M1105000001")).containsExactlyInAnyOrder("mirror.txt", "m.txt");
        }
    }

    @Nested
    @DisplayName("near-duplicate")
    class NearDuplicate {
        @Test
        void aFewWordsChangedWithinTheWindowIsOneArticle() {
            // same length, so the canonical rule falls through to the smaller MENAFN number
            String edited = BODY.replace("Monday", "Sunday").replace("240", "245");
            IndexedCopy a = IndexedCopy.of(menafn("a.txt", 1105000001L, DAY, BODY));
            IndexedCopy b = IndexedCopy.of(menafn("b.txt", 1105000002L, DAY.plusDays(2), edited));
            double sim = a.minHash().similarity(b.minHash());
            assertThat(sim).isGreaterThanOrEqualTo(Deduplicator.DEFAULT_THRESHOLD).isLessThan(1.0);
            dedup.add(a);
            DedupDecision d = dedup.add(b);
            assertThat(d).isEqualTo(new DedupDecision.Duplicate("M1105000001", "a.txt", DedupRule.NEAR_DUPLICATE, sim,
                    "a.txt", List.of()));
        }

        @Test
        void justBelowTheThresholdIsAnotherArticle() {
            // every fifth word changed: shares most words but few three-word shingles
            int[] positions = java.util.stream.IntStream.range(0, BODY.split(" ").length).filter(i -> i % 5 == 2)
                    .toArray();
            String rewritten = replaceWords(BODY, "also", positions);
            IndexedCopy a = IndexedCopy.of(menafn("a.txt", 1105000001L, DAY, BODY));
            IndexedCopy b = IndexedCopy.of(menafn("b.txt", 1105000002L, DAY, rewritten));
            double sim = a.minHash().similarity(b.minHash());
            assertThat(sim).isLessThan(Deduplicator.DEFAULT_THRESHOLD);
            dedup.add(a);
            assertThat(dedup.add(b)).isEqualTo(new DedupDecision.NewArticle("M1105000002"));
            // the same pair joins under a threshold below its similarity
            InMemoryDedupIndex lenient = new InMemoryDedupIndex();
            Deduplicator low = new Deduplicator(lenient, Math.max(0.01, sim - 0.01));
            low.add(a);
            assertThat(low.add(b)).isInstanceOf(DedupDecision.Duplicate.class);
        }

        @Test
        void aFewWordsChangedThreeDaysApartIsAnotherArticle() {
            dedup.add(menafn("a.txt", 1105000001L, DAY, BODY));
            String edited = replaceWords(BODY, "Tuesday", 6);
            assertThat(dedup.add(menafn("b.txt", 1105000002L, DAY.minusDays(3), edited)))
                    .isEqualTo(new DedupDecision.NewArticle("M1105000002"));
        }

        @Test
        void undatedCopiesAreNeverJoinedOnContent() {
            dedup.add(article("x.txt", null, null, null, "other", null, null, BODY));
            DedupDecision d = dedup.add(article("y.txt", null, null, null, "other", null, null, BODY));
            assertThat(d).isInstanceOf(DedupDecision.NewArticle.class);
            assertThat(index.groups()).hasSize(2);
        }
    }

    @Nested
    @DisplayName("joins, reruns and canonical choice")
    class Joins {
        @Test
        void aCopyMatchingTwoArticlesJoinsThem() {
            // the KUNA original (K) and a MENAFN re-post under another number 3 days later (M2) are unrelated until
            // the MENAFN original (M1, one day after K, two before M2) arrives and matches both
            dedup.add(article("k.html", null, 3100200L, "kuna", "html", "Port Opens Northern Quay", DAY, BODY));
            dedup.add(menafn("m2.txt", 1105000050L, DAY.plusDays(3), BODY));
            assertThat(index.groups()).hasSize(2);
            DedupDecision d = dedup.add(menafn("m1.txt", 1105000001L, DAY.plusDays(1), BODY));
            assertThat(d.key()).isEqualTo("K3100200");
            assertThat(d.retiredKeys()).containsExactly("M1105000050");
            assertThat(index.groups()).containsOnlyKeys("K3100200");
            assertThat(index.groups().get("K3100200")).containsExactlyInAnyOrder("k.html", "m1.txt", "m2.txt");
            assertThat(index.canonicalSources()).containsEntry("K3100200", "k.html");
        }

        @Test
        void theSameSourceAgainIsUnchanged() {
            dedup.add(menafn("a.txt", 1105000001L, DAY, BODY));
            dedup.add(menafn("b.txt", 1105000001L, DAY, BODY));
            assertThat(dedup.add(menafn("b.txt", 1105000001L, DAY, BODY)))
                    .isEqualTo(new DedupDecision.Unchanged("M1105000001"));
            assertThat(index.size()).isEqualTo(2);
        }

        @Test
        void aRepostKeepsTheSmallerNumberAsCanonicalInEitherOrder() {
            Article first = menafn("z-first.txt", 1105000001L, DAY, BODY);
            Article repost = menafn("a-repost.txt", 1105004501L, DAY.plusDays(1), BODY);
            dedup.add(repost);
            DedupDecision d = dedup.add(first);
            assertThat(d).isEqualTo(new DedupDecision.ReplacesCanonical("M1105000001", "a-repost.txt",
                    DedupRule.SAME_BODY, 1.0, "a-repost.txt", List.of("M1105004501")));
        }
    }
}
