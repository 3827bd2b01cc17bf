package org.wirearchive.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wirearchive.core.format.InputDocument;

/**
 * Metamorphic tests: every fixture of {@code fixtures/extract/} and the seed page, perturbed in ways a real crawl
 * varies, must give the same fields (invariant perturbations) or change exactly one field in a known way (a byline
 * added, another timestamp line, another doc id). Each perturbation runs {@link #SEEDS_PER_PAGE} seeded draws per page.
 * The base seed is printed and can be set with {@code -Dmetamorphic.seed=N}; a failure prints fixture, seed,
 * perturbation, field, expected and actual value. A perturbation that cannot apply to a page is skipped for it with a
 * reason, and the skips are counted; every perturbation must apply to a minimum number of pages.
 *
 * <p>The perturbations build their own values (widget dates, menus, names, captions) and import nothing from the
 * parser: they know the page layout only as a reader of real pages would.
 */
@DisplayName("Metamorphic: layout-preserving variants keep the extracted fields")
class MetamorphicTest {

    static final int SEEDS_PER_PAGE = 3;
    static final long BASE_SEED = Long.getLong("metamorphic.seed", 20261206L);

    /** Fields never compared: the input name. Warnings are compared separately. */
    private static final Set<String> NOT_COMPARED = Set.of("source", "warnings");

    private static final List<Page> PAGES = new ArrayList<>();

    /** A page: its name, text, container facts, and what the parser reads from it unperturbed. */
    record Page(String name, String text, String url, LocalDate crawlDate, Map<String, Object> base) {
        boolean ok() {
            return "ok".equals(base.get("status"));
        }

        Object field(String f) {
            return base.get(f);
        }
    }

    /**
     * What a perturbation did: the new text and a description, the fields it changes with their new values,
     * fields it may change (ignored), and warnings it may add or remove.
     */
    record Variant(String text, String description, Map<String, Object> changes, Set<String> mayChange,
                   Set<String> warningsMayDiffer) {
        static Variant same(String text, String description) {
            return new Variant(text, description, Map.of(), Set.of(), Set.of());
        }
    }

    /** A perturbation: a variant of the page, or a skip with its reason. */
    interface Perturbation {
        Object apply(Page page, Random rnd); // Variant, or String: the reason it does not apply
    }

    @BeforeAll
    static void load() throws IOException {
        if (!PAGES.isEmpty()) {
            return;
        }
        for (String name : FixtureCasesTest.cases().toList()) {
            InputDocument doc = FixtureCasesTest.document(name);
            String text = utf8(doc.content());
            if (name.endsWith(".html") || name.endsWith(".bin") || text == null || doc.charset() != null) {
                PAGES.add(new Page(name, null, doc.url(), doc.crawlDate(), parse(doc)));
                continue;
            }
            PAGES.add(new Page(name, text, doc.url(), doc.crawlDate(), parse(doc)));
        }
        try (InputStream in = MetamorphicTest.class.getResourceAsStream("/fixtures/seed-layout.txt")) {
            String seed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            PAGES.add(new Page("seed-layout.txt", seed, null, null,
                    parse(new InputDocument("seed-layout.txt", null, null, seed.getBytes(StandardCharsets.UTF_8),
                            null, InputDocument.ContentKind.UNKNOWN))));
        }
        System.out.println("MetamorphicTest: base seed " + BASE_SEED + " (-Dmetamorphic.seed=N), " + PAGES.size()
                + " pages, " + SEEDS_PER_PAGE + " draws per page and perturbation");
    }

    static Stream<String> perturbations() {
        return Perturbations.ALL.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("perturbations")
    void keepsOrChangesFieldsAsDeclared(String perturbation) {
        Perturbation p = Perturbations.ALL.get(perturbation);
        List<String> failures = new ArrayList<>();
        Map<String, Integer> skips = new TreeMap<>();
        int applied = 0;
        for (Page page : PAGES) {
            if (page.text() == null) {
                skips.merge("not a UTF-8 text page (HTML, binary or declared charset)", 1, Integer::sum);
                continue;
            }
            for (int i = 0; i < SEEDS_PER_PAGE; i++) {
                long seed = Objects.hash(BASE_SEED, page.name(), perturbation, i);
                Object r = p.apply(page, new Random(seed));
                if (r instanceof String reason) {
                    skips.merge(reason, 1, Integer::sum);
                    break; // does not apply to this page whatever the seed
                }
                applied++;
                Variant v = (Variant) r;
                compare(page, v, seed, perturbation, failures);
            }
        }
        System.out.println("MetamorphicTest " + perturbation + ": " + applied + " variants checked, skipped " + skips);
        assertThat(failures).as(perturbation + " (base seed " + BASE_SEED + "): " + failures.size() + " failures")
                .isEmpty();
        assertThat(applied).as(perturbation + " applied to enough pages (skips " + skips + ")")
                .isGreaterThanOrEqualTo(Perturbations.MIN_APPLIED.getOrDefault(perturbation, 30));
    }

    private static void compare(Page page, Variant v, long seed, String perturbation, List<String> failures) {
        InputDocument doc = new InputDocument("fixtures/" + page.name(), page.url(), page.crawlDate(),
                v.text().getBytes(StandardCharsets.UTF_8), null, InputDocument.ContentKind.UNKNOWN);
        Map<String, Object> actual = parse(doc);
        for (Map.Entry<String, Object> e : page.base().entrySet()) {
            String f = e.getKey();
            if (NOT_COMPARED.contains(f) || v.mayChange().contains(f) || f.startsWith("+")
                    || f.equals("reason_text") && !page.ok()) {
                continue; // a reject's text counts bytes, which a perturbation changes; its reason must not change
            }
            Object want = v.changes().containsKey(f) ? v.changes().get(f) : e.getValue();
            if (!Objects.equals(want, actual.get(f))) {
                failures.add("fixture " + page.name() + ", seed " + seed + ", perturbation " + perturbation + " ("
                        + v.description() + "), field " + f + ": expected " + want + " but was " + actual.get(f));
            }
        }
        Object required = v.changes().get("+warning");
        if (required != null && !((List<?>) actual.get("warnings")).contains(required)) {
            failures.add("fixture " + page.name() + ", seed " + seed + ", perturbation " + perturbation + " ("
                    + v.description() + "), field warnings: expected to contain " + required + " but was "
                    + actual.get("warnings"));
        }
        Set<String> ignored = new HashSet<>(v.warningsMayDiffer());
        if (required != null) {
            ignored.add((String) required);
        }
        Set<String> wantW = warnings(page.base().get("warnings"), ignored);
        Set<String> gotW = warnings(actual.get("warnings"), ignored);
        if (!v.mayChange().contains("warnings") && !wantW.equals(gotW)) {
            failures.add("fixture " + page.name() + ", seed " + seed + ", perturbation " + perturbation + " ("
                    + v.description() + "), field warnings: expected " + wantW + " but was " + gotW);
        }
    }

    private static Set<String> warnings(Object list, Set<String> ignored) {
        Set<String> s = new HashSet<>();
        if (list instanceof List<?> l) {
            for (Object o : l) {
                String w = String.valueOf(o);
                if (ignored.stream().noneMatch(w::startsWith)) {
                    s.add(w);
                }
            }
        }
        return s;
    }

    static Map<String, Object> parse(InputDocument doc) {
        return new LinkedHashMap<>(MiniJson.parseObject(OutcomeJson.render(new ArticleExtractor().extract(doc))));
    }

    private static String utf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
