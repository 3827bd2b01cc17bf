package org.wirearchive.core.generate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import org.wirearchive.core.generate.PageWriter.Layout;
import org.wirearchive.core.generate.PageWriter.Page;
import org.wirearchive.core.generate.PageWriter.Provider;
import org.wirearchive.core.generate.PageWriter.Variant;

/**
 * Writes a labeled synthetic archive: invented articles in the layouts of the real archive, with every kind of
 * duplicate (re-crawls with another header date, whitespace, CRLF or gzip; a KUNA original and its MENAFN copy; a
 * MENAFN re-post under a new number; a corrected version under the same number; a saved HTML copy) and every
 * distractor (the yearly "Today in Kuwait's History" feature for the same day in other years; daily briefings from one
 * template; the same press release from two providers, reworded, on different days), plus the truth.
 *
 * <p>Deterministic: the same {@link GeneratorSpec} gives byte-identical files. Streams: pages are drawn one story at
 * a time and written at once, so memory does not grow with the number of pages.
 *
 * <p>Every page carries furniture drawn at random from a stream of its own ({@link Furniture}: header date widgets of
 * any date, menus, bylines, captions, blank lines, CRLF), so the story structure (kinds, duplicates, counts) does not
 * depend on it. The generator shares no rule, table or constant with the parser: it writes its own literals.
 *
 * <p>Layout on disk: {@code out/archive/<crawl-date>/<seq>_<hex>.<ext>} (one directory per crawl night) and
 * {@code out/truth.csv} ({@link #TRUTH_HEADER}): the labels {@code file,story_id,kind,role,published,crawl_date}, then
 * every field printed on the page ({@link PageTruth}); {@code file} is relative to {@code out/archive},
 * {@code story_id} and the fields are empty for bad files.
 */
public final class ArchiveGenerator {

    /** The story kinds written to the truth's {@code kind} column. */
    public static final List<StoryKind> KINDS = List.of(StoryKind.values());

    /** The truth CSV's header: six label columns, then the page's fields ({@link PageTruth}). */
    public static final String TRUTH_HEADER = "file,story_id,kind,role,published,crawl_date,layout,headline,provider,"
            + "provider_printed,dateline_city,menafn_doc_id,menafn_article_no,kuna_id,authors,caption,body_chars,"
            + "body_sha256";

    private static final String EMPTY_FIELDS = ",".repeat(12);

    private static final LocalDate NUMBER_EPOCH = LocalDate.of(2017, 1, 1);
    private static final long MENAFN_BASE = 1_095_000_000L;
    private static final long KUNA_BASE = 2_500_000L;
    private static final int SLOTS = 8;

    /** Draws the pages of {@code spec} lazily, without writing anything (the writer of {@link #generate}). */
    public Iterator<GeneratedPage> pages(GeneratorSpec spec) {
        return new PageIterator(spec);
    }

    /** Writes the archive and its truth; returns what was written. */
    public GeneratorSummary generate(GeneratorSpec spec) throws IOException {
        Path archive = spec.archiveDir();
        Files.createDirectories(archive);
        Set<String> nights = new HashSet<>();
        long files = 0;
        long bad = 0;
        long bytes = 0;
        Set<String> storiesSeen = new HashSet<>();
        long stories = 0;
        try (BufferedWriter truth = Files.newBufferedWriter(spec.truthFile(), StandardCharsets.UTF_8)) {
            truth.write(TRUTH_HEADER);
            truth.write('\n');
            Iterator<GeneratedPage> it = pages(spec);
            String lastStoryPrefix = "";
            while (it.hasNext()) {
                GeneratedPage page = it.next();
                String night = page.file().substring(0, page.file().indexOf('/'));
                if (nights.add(night)) {
                    Files.createDirectories(archive.resolve(night));
                }
                Files.write(archive.resolve(page.file()), page.content());
                files++;
                bytes += page.content().length;
                if (page.storyId() == null) {
                    bad++;
                } else {
                    // story ids of one cluster share the numeric prefix; clusters are drawn one after another,
                    // so only the current cluster's ids need remembering (constant memory)
                    String prefix = page.storyId().substring(0, 7);
                    if (!prefix.equals(lastStoryPrefix)) {
                        storiesSeen.clear();
                        lastStoryPrefix = prefix;
                    }
                    if (storiesSeen.add(page.storyId())) {
                        stories++;
                    }
                }
                PageTruth t = page.truth();
                truth.write(String.join(",", page.file(), page.storyId() == null ? "" : page.storyId(), page.kind().label(),
                        page.role(), t == null ? "" : t.publishedIso(),
                        t == null || t.crawlDate() == null ? "" : t.crawlDate().toString()));
                truth.write(t == null ? EMPTY_FIELDS : "," + t.csvFields());
                truth.write('\n');
            }
        }
        return new GeneratorSummary(archive, spec.truthFile(), files, stories, files - stories - bad, bad, bytes);
    }

    /** One drawn page before rendering. */
    private record Draft(Page page, String storyId, StoryKind kind, String role) {
    }

    private static final class PageIterator implements Iterator<GeneratedPage> {
        private final GeneratorSpec spec;
        private final ArrayDeque<Draft> queue = new ArrayDeque<>();
        private long storyIndex;
        private long emitted;

        PageIterator(GeneratorSpec spec) {
            this.spec = spec;
        }

        @Override
        public boolean hasNext() {
            return emitted < spec.pages();
        }

        @Override
        public GeneratedPage next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            long seq = emitted++;
            String hex = String.format(Locale.ROOT, "%016x", mix(spec.seed() ^ mix(seq + 0x5DEECE66DL)));
            if (spec.badEvery() > 0 && seq % spec.badEvery() == spec.badEvery() / 2) {
                return badPage(seq, hex);
            }
            while (queue.isEmpty()) {
                drawStory(storyIndex++);
            }
            Draft d = queue.poll();
            Page p = d.page();
            String ext = p.layout() == Layout.KUNA_HTML || p.layout() == Layout.MENAFN_HTML ? "html" : "txt";
            if (p.variant() == Variant.GZIP) {
                ext += ".gz";
            }
            String file = p.crawlDate() + "/" + String.format(Locale.ROOT, "%07d_%s.%s", seq, hex, ext);
            // the furniture has a stream of its own: varying it never changes which stories and copies are drawn
            Furniture f = Furniture.draw(new Random(mix(spec.seed() * 0xD1B54A32D192ED03L + seq + 1)), p);
            return new GeneratedPage(file, d.storyId(), d.kind(), d.role(), PageWriter.render(p, f), truth(p, f));
        }

        private GeneratedPage badPage(long seq, String hex) {
            LocalDate night = dayOf(Math.max(0, storyIndex - 1));
            boolean empty = (seq / Math.max(1, spec.badEvery())) % 2 == 0;
            String file = night + "/" + String.format(Locale.ROOT, "%07d_%s.txt", seq, hex);
            return new GeneratedPage(file, null, StoryKind.BAD, empty ? "empty" : "no-article",
                    empty ? new byte[0] : PageWriter.noArticlePage(night), null);
        }

        private LocalDate dayOf(long story) {
            return spec.firstDay().plusDays(story / spec.storiesPerDay());
        }

        private void drawStory(long s) {
            Random r = new Random(mix(spec.seed() * 0x9E3779B97F4A7C15L + s));
            LocalDate day = dayOf(s);
            int k = (int) (s % spec.storiesPerDay());
            String id = String.format(Locale.ROOT, "S%06d", s);
            boolean full = spec.mix() == GeneratorSpec.Mix.FULL;
            int roll = r.nextInt(100);
            StoryKind kind;
            if (full) {
                kind = roll < 30 ? StoryKind.SINGLE : roll < 48 ? StoryKind.RECRAWL : roll < 60 ? StoryKind.KUNA_MENAFN
                        : roll < 68 ? StoryKind.REPOST : roll < 76 ? StoryKind.CORRECTION : roll < 83 ? StoryKind.HTML_COPY
                        : roll < 89 ? StoryKind.YEARLY_FEATURE : roll < 95 ? StoryKind.BRIEFING : StoryKind.PRESS_RELEASE;
            } else {
                kind = roll < 35 ? StoryKind.SINGLE : roll < 60 ? StoryKind.RECRAWL : roll < 70 ? StoryKind.REPOST
                        : roll < 80 ? StoryKind.CORRECTION : roll < 87 ? StoryKind.YEARLY_FEATURE
                        : roll < 94 ? StoryKind.BRIEFING : StoryKind.PRESS_RELEASE;
            }
            if (kind == StoryKind.YEARLY_FEATURE && !firstYearlyOfDay(s, full, roll)) {
                kind = StoryKind.SINGLE; // one "Today in Kuwait's History" a day: a second one would be the same text
            }
            LocalDateTime published = LocalDateTime.of(day, LocalTime.of(r.nextInt(24), r.nextInt(60), r.nextInt(60)));
            LocalDate crawl = r.nextInt(10) < 7 ? day : day.plusDays(1);
            TextMaker.Facts facts = TextMaker.Facts.random(r, day);
            Provider provider = r.nextInt(10) < 8 ? Provider.KUNA : r.nextBoolean() ? Provider.JNA : Provider.AZERNEWS;
            String headline = TextMaker.headline(r, facts);
            List<String> body = TextMaker.body(r, facts, spec.bodyBytes());
            Page base = new Page(layout(r, provider, full), provider, crawl, published, menafnNo(day, k, 0), null,
                    headline, facts.city(), body, Words.pick(r, Words.INITIALS), r.nextBoolean(), r.nextInt(3) == 0,
                    Variant.PLAIN);
            switch (kind) {
                case SINGLE:
                    add(base, id, kind, "original");
                    break;
                case RECRAWL: {
                    add(base, id, kind, "original");
                    int copies = 1 + r.nextInt(2);
                    LocalDate night = crawl;
                    for (int i = 0; i < copies; i++) {
                        night = night.plusDays(1 + r.nextInt(3));
                        Variant v = Variant.values()[1 + r.nextInt(3)];
                        add(with(base, night, !base.widget(), v), id, kind, "recrawl-" + v.name().toLowerCase(Locale.ROOT));
                    }
                    break;
                }
                case KUNA_MENAFN: {
                    Page kuna = new Page(Layout.KUNA_HTML, Provider.KUNA, day, published, null, kunaId(day, k, 0),
                            headline, base.city(), body, base.initials(), false, true, Variant.PLAIN);
                    add(kuna, id, kind, "kuna-original");
                    LocalDateTime copyTime = published.plusMinutes(20 + r.nextInt(1800));
                    if (copyTime.toLocalDate().isAfter(day.plusDays(1))) {
                        copyTime = LocalDateTime.of(day.plusDays(1), copyTime.toLocalTime());
                    }
                    LocalDate copyDay = copyTime.toLocalDate();
                    // numbers are given at posting time: a copy posted the next day takes that day's slot 1
                    long copyNo = copyDay.equals(day) ? menafnNo(day, k, 0) : menafnNo(copyDay, k, 1);
                    Page copy = new Page(kunaLayout(r), Provider.KUNA, copyDay.plusDays(r.nextInt(2)),
                            copyTime, copyNo, null, headline, base.city(), body, base.initials(),
                            base.widget(), base.initialsSameLine(), Variant.PLAIN);
                    add(copy, id, kind, "menafn-copy");
                    break;
                }
                case REPOST: {
                    add(base, id, kind, "original");
                    LocalDateTime later = published.plusDays(1).withHour(r.nextInt(24));
                    LocalDate d2 = later.toLocalDate();
                    add(new Page(base.layout(), provider, d2.plusDays(r.nextInt(2)), later, menafnNo(d2, k, 1), null,
                            headline, base.city(), body, base.initials(), r.nextBoolean(), base.initialsSameLine(),
                            Variant.PLAIN), id, kind, "repost");
                    break;
                }
                case CORRECTION: {
                    add(base, id, kind, "original");
                    List<String> corrected = correct(r, facts, body);
                    LocalDate recrawl = crawl.plusDays(1 + r.nextInt(2));
                    LocalDateTime fixedAt = published.plusMinutes(30 + r.nextInt(300));
                    add(new Page(base.layout(), provider, recrawl,
                            fixedAt.toLocalDate().equals(day) ? fixedAt : published,
                            base.menafnNo(), null, headline, base.city(), corrected, base.initials(), base.widget(),
                            base.initialsSameLine(), Variant.PLAIN), id, kind, "corrected");
                    break;
                }
                case HTML_COPY: {
                    add(base, id, kind, "original");
                    add(new Page(Layout.MENAFN_HTML, provider, crawl.plusDays(r.nextInt(4)), published,
                            base.menafnNo(), null, headline, base.city(), body, base.initials(), false, true,
                            Variant.PLAIN), id, kind, "html-copy");
                    break;
                }
                case YEARLY_FEATURE:
                    yearly(r, day, k, id, published, crawl, full);
                    break;
                case BRIEFING:
                    briefings(r, day, k, id, published, crawl, full);
                    break;
                default:
                    pressRelease(r, day, k, id, facts, headline, published, crawl, full);
            }
        }

        /** True when no earlier story of the same day rolled the yearly feature (and the day is not Feb 29). */
        private boolean firstYearlyOfDay(long s, boolean full, int roll) {
            LocalDate day = dayOf(s);
            if (day.getMonth() == Month.FEBRUARY && day.getDayOfMonth() == 29) {
                return false;
            }
            for (long earlier = s - s % spec.storiesPerDay(); earlier < s; earlier++) {
                int r = new Random(mix(spec.seed() * 0x9E3779B97F4A7C15L + earlier)).nextInt(100);
                if (isYearlyRoll(r, full)) {
                    return false;
                }
            }
            return true;
        }

        private static boolean isYearlyRoll(int roll, boolean full) {
            return full ? roll >= 83 && roll < 89 : roll >= 80 && roll < 87;
        }

        private void yearly(Random r, LocalDate day, int k, String id, LocalDateTime published, LocalDate crawl,
                            boolean full) {
            String headline = "Today in Kuwait's History";
            String initials = Words.pick(r, Words.INITIALS);
            int baseYear = day.getYear() - 2;
            for (int back = 2; back >= 0; back--) {
                LocalDate d = day.minusYears(back);
                if (back > 0 && !d.isBefore(spec.firstDay())) {
                    continue; // that year's edition is the yearly story of that day, drawn there
                }
                List<String> items = new ArrayList<>();
                items.add("The following are the main events in Kuwait's records for "
                        + Words.MONTHS.get(d.getMonthValue() - 1) + " " + d.getDayOfMonth() + ":");
                items.addAll(TextMaker.historyItems(spec.seed(), d.getMonthValue(), d.getDayOfMonth(), d.getYear(),
                        baseYear));
                int variant = back == 0 ? 0 : back + 1;
                Page p = new Page(full ? layout(r, Provider.KUNA, true) : Layout.MENAFN_SEED, Provider.KUNA,
                        crawl, published.withYear(d.getYear()).withDayOfMonth(d.getDayOfMonth()),
                        menafnNo(d, k, variant), null, headline, "KUWAIT", items, initials, r.nextBoolean(),
                        r.nextInt(3) == 0, Variant.PLAIN);
                add(p, id + (char) ('a' + 2 - back), StoryKind.YEARLY_FEATURE, "distractor");
            }
        }

        private void briefings(Random r, LocalDate day, int k, String id, LocalDateTime published, LocalDate crawl,
                               boolean full) {
            for (int i = 0; i < 2; i++) {
                LocalDate d = day.plusDays(i);
                String weekday = Words.capital(d.getDayOfWeek().name().toLowerCase(Locale.ROOT));
                List<String> items = new ArrayList<>();
                items.add("Following are the highlights of KUNA main news for " + weekday + ", "
                        + Words.MONTHS.get(d.getMonthValue() - 1) + " " + d.getDayOfMonth() + ", " + d.getYear() + ":");
                items.addAll(TextMaker.briefingItems(r, d, spec.bodyBytes()));
                Page p = new Page(full ? kunaLayout(r) : Layout.MENAFN_SEED, Provider.KUNA, crawl.plusDays(i),
                        published.plusDays(i).withHour(0).withMinute(5 + r.nextInt(50)),
                        menafnNo(d, k, i == 0 ? 0 : 4), null,
                        "Briefing Of KUNA Main News For " + weekday + " Until 00:00 GMT", "KUWAIT", items,
                        Words.pick(r, Words.INITIALS), r.nextBoolean(), r.nextInt(3) == 0, Variant.PLAIN);
                add(p, id + (char) ('a' + i), StoryKind.BRIEFING, "distractor");
            }
        }

        private void pressRelease(Random r, LocalDate day, int k, String id, TextMaker.Facts facts, String headline,
                                  LocalDateTime published, LocalDate crawl, boolean full) {
            Layout layout = full ? Layout.MENAFN_WRAPPER_LINE : Layout.MENAFN_SEED;
            Page jna = new Page(full ? Layout.MENAFN_SEED : layout, Provider.JNA, crawl, published, menafnNo(day, k, 0),
                    null, headline, "Amman", TextMaker.body(r, facts, spec.bodyBytes()), Words.pick(r, Words.INITIALS),
                    r.nextBoolean(), r.nextInt(3) == 0, Variant.PLAIN);
            add(jna, id + "a", StoryKind.PRESS_RELEASE, "distractor");
            int j = 1 + r.nextInt(3);
            LocalDate d2 = day.plusDays(j);
            Page azer = new Page(layout, Provider.AZERNEWS, crawl.plusDays(j),
                    published.plusDays(j).withHour(r.nextInt(24)), menafnNo(d2, k, 4 + j), null, headline, null,
                    TextMaker.rewordedBody(r, facts, spec.bodyBytes()), Words.pick(r, Words.INITIALS),
                    r.nextBoolean(), r.nextInt(3) == 0, Variant.PLAIN);
            add(azer, id + "b", StoryKind.PRESS_RELEASE, "distractor");
        }

        private void add(Page p, String storyId, StoryKind kind, String role) {
            queue.add(new Draft(p, storyId, kind, role));
        }

        private Layout layout(Random r, Provider provider, boolean full) {
            if (!full) {
                return Layout.MENAFN_SEED;
            }
            int roll = r.nextInt(100);
            if (roll < 50) {
                return Layout.MENAFN_SEED;
            } else if (roll < 65) {
                return Layout.MENAFN_PLAIN;
            } else if (roll < 80 || provider != Provider.KUNA) {
                return Layout.MENAFN_WRAPPER_LINE;
            } else if (roll < 90) {
                return Layout.MENAFN_SPACED_WRAPPER;
            }
            return Layout.MENAFN_NO_WRAPPER;
        }

        private Layout kunaLayout(Random r) {
            return layout(r, Provider.KUNA, true);
        }

        private long menafnNo(LocalDate day, int k, int variant) {
            long perDay = Math.max(4500L, (long) spec.storiesPerDay() * SLOTS + SLOTS);
            return MENAFN_BASE + ChronoUnit.DAYS.between(NUMBER_EPOCH, day) * perDay + (long) k * SLOTS + variant;
        }

        private long kunaId(LocalDate day, int k, int variant) {
            long perDay = Math.max(300L, (long) spec.storiesPerDay() * SLOTS + SLOTS);
            return KUNA_BASE + ChronoUnit.DAYS.between(NUMBER_EPOCH, day) * perDay + (long) k * SLOTS + variant;
        }
    }

    private static Page with(Page p, LocalDate crawl, boolean widget, Variant v) {
        return new Page(p.layout(), p.provider(), crawl, p.published(), p.menafnNo(), p.kunaId(), p.headline(), p.city(),
                p.paragraphs(), p.initials(), widget, p.initialsSameLine(), v);
    }

    /** A corrected version: one number changed and a sentence added at the end. */
    private static List<String> correct(Random r, TextMaker.Facts facts, List<String> body) {
        List<String> out = new ArrayList<>(body);
        String first = out.get(0);
        String amount = Integer.toString(facts.amount());
        out.set(0, first.replaceFirst("\\b\\d+\\b", Integer.toString(facts.amount() + 1 + r.nextInt(9))));
        out.add(TextMaker.fill(r, facts, "The figures were revised on {WD} after {ORG} " + "updated its estimate of "
                + amount + " million dollars for {T1}."));
        return out;
    }

    /** What page {@code p} prints with furniture {@code f}: the fields a correct reader extracts. */
    static PageTruth truth(Page p, Furniture f) {
        Layout l = p.layout();
        boolean html = l == Layout.KUNA_HTML || l == Layout.MENAFN_HTML;
        boolean kunaSite = l == Layout.KUNA_HTML;
        boolean timePrinted = html || l == Layout.MENAFN_SEED || l == Layout.MENAFN_WRAPPER_LINE
                || l == Layout.MENAFN_SPACED_WRAPPER;
        String url = kunaSite ? "https://www.kuna.net.kw/ArticleDetails.aspx?id=" + p.kunaId() + "&language=en"
                : l == Layout.MENAFN_HTML ? "https://menafn.com/" + p.menafnNo() + "/" + PageWriter.slug(p.headline())
                : null;
        return new PageTruth(l.name().toLowerCase(Locale.ROOT).replace('_', '-'), p.published(), timePrinted,
                html || l == Layout.MENAFN_PLAIN ? null : p.crawlDate(), l == Layout.MENAFN_PLAIN ? null : p.headline(),
                p.provider().printed, p.provider().key, l != Layout.MENAFN_NO_WRAPPER, p.datelineCity(),
                kunaSite ? null : p.menafnDocId(), kunaSite ? null : p.menafnNo(), p.kunaId(), url, f.authors(),
                f.caption(), p.initials(), String.join("\n", p.paragraphs()));
    }

    /** SplitMix64's finaliser: a fixed, well-mixed 64-bit hash. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
