package org.wirearchive.core.extract;

import org.wirearchive.core.article.DateSource;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wirearchive.core.article.Article;
import org.wirearchive.core.article.MenafnDocId;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.article.Published;
import org.wirearchive.core.format.InputDocument;
import org.wirearchive.core.menafn.ProviderWrapper;
import org.wirearchive.core.menafn.Providers;

/** The parser's phases and resolvers one by one, on inline pages. */
class PhasesTest {

    private static List<String> lines(String... l) {
        return new ArrayList<>(Arrays.asList(l));
    }

    @Nested
    @DisplayName("Widget: by shape, any date")
    class WidgetShape {

        @ParameterizedTest
        @ValueSource(strings = {"Tuesday, 02 January 2024", "Friday, 14 March 2025 09:41 GMT", "Sunday, 7 June 2031 23:05",
            "Mon, 01 December 2014 00:00 GMT", "Thursday, March 13, 2025 10:00 GMT"})
        void widgets(String w) {
            assertThat(Widget.end(w)).isEqualTo(w.length());
            assertThat(Widget.strip(w + " Some Title")).isEqualTo("Some Title");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Sunday, October 6, 2019", "October 6, 2019 Sunday", "MENAFN.com Sunday, 06 October 2019 ()",
            "02 January 2024", "Tuesday talks end"})
        void notWidgets(String l) {
            assertThat(Widget.end(l)).isEqualTo(-1);
        }
    }

    @Nested
    @DisplayName("PageStart: crawl date, 403, widget on the crawl-date line or the next")
    class Start {

        @Test
        void widgetOnCrawlLineWithTitleAfterIt() {
            List<String> l = lines("date 2023-04-02 Saturday, 19 July 2031 08:00 GMT Kuwait Opens A Road", "x");
            PageStart s = PageStart.read(l, null);
            assertThat(s.crawlDate()).isEqualTo(LocalDate.of(2023, 4, 2));
            assertThat(s.crawlLine()).isTrue();
            assertThat(l.get(0)).isEqualTo("Kuwait Opens A Road");
        }

        @Test
        void widgetOnTheLineAfterMenus() {
            List<String> l = lines("date 2023-04-02 403", "", "US Europe Arab Asia", "Monday, 03 April 2023", "Title");
            PageStart.read(l, null);
            assertThat(l).containsExactly("", "", "US Europe Arab Asia", "", "Title");
        }

        @Test
        void withoutCrawlLineTheFirstLineWidgetGoesAndTheContainerDateStays() {
            List<String> l = lines("Wednesday, 05 May 2027 10:10 GMT", "(MENAFN- X) text");
            PageStart s = PageStart.read(l, LocalDate.of(2023, 1, 1));
            assertThat(l.get(0)).isEmpty();
            assertThat(s.crawlDate()).isEqualTo(LocalDate.of(2023, 1, 1));
            assertThat(s.crawlLine()).isFalse();
        }

        @Test
        void aDateLineFurtherDownIsNotTheWidget() {
            List<String> l = lines("date 2019-10-06", "Title", "Sunday, 06 October 2019", "Monday, 07 October 2019");
            PageStart.read(l, null);
            assertThat(l).containsExactly("", "Title", "Sunday, 06 October 2019", "Monday, 07 October 2019");
        }
    }

    @Nested
    @DisplayName("Anchor: wrapper, bylines, captions, dateline")
    class Anchors {

        private Anchor find(String... l) {
            return Anchor.find(lines(l), 0);
        }

        @Test
        void bylineOnTheWrapperLineDatelineInTheNextParagraph() {
            Anchor a = find("(MENAFN- Kuwait News Agency (KUNA)) By Ali Saad and Mona Fahad", "",
                    "KUWAIT, Oct 5 (KUNA) -- The text of the story starts here and goes on for a while.");
            assertThat(a.byline()).isEqualTo("Ali Saad and Mona Fahad");
            assertThat(a.dateline().city()).isEqualTo("KUWAIT");
            assertThat(a.bodyLine()).isEqualTo(2);
        }

        @ParameterizedTest
        @ValueSource(strings = {"By: Ali Saad", "By Ali Saad", "News report by Ali Saad", "Report by Ali Saad"})
        void bylineOnItsOwnLine(String by) {
            Anchor a = find("(MENAFN- Kuwait News Agency (KUNA))", by,
                    "DOHA, Feb 20 (KUNA) -- The text of the story starts here and goes on for a while.");
            assertThat(a.byline()).isEqualTo("Ali Saad");
            assertThat(a.dateline().city()).isEqualTo("DOHA");
        }

        @Test
        void captionParagraphBeforeTheDateline() {
            Anchor a = find("(MENAFN- Arab Times)", "A handout photo shows the minister at the opening on Monday.", "",
                    "KUWAIT CITY, April 20: The text of the story starts here and goes on for a while.");
            assertThat(a.dateline().city()).isEqualTo("KUWAIT CITY");
            assertThat(a.bodyLine()).isEqualTo(3);
        }

        @ParameterizedTest
        @CsvSource({
            "Nadia Qarsh (left) greets the delegation in Basra., 1",
            "Nadia Qarsh (left) greets the delegation in Basra., 2",
            "Officials tour the new terminal on Sunday, 1",
            "The cabinet in session (file), 2"})
        void shortParagraphRightBeforeAnAgencyDatelineIsACaption(String caption, int lineEnds) {
            String page = "(MENAFN- Kuwait News Agency (KUNA))\n" + caption + "\n".repeat(lineEnds)
                    + "AMMAN, June 3 (KUNA) -- The text of the story starts here and goes on for a while.";
            List<String> l = lines(page.split("\n", -1));
            Anchor a = Anchor.find(l, 0);
            assertThat(a.dateline()).isNotNull();
            assertThat(a.dateline().city()).isEqualTo("AMMAN");
            assertThat(l.get(a.bodyLine()).substring(a.bodyOffset())).startsWith("The text of the story");
        }

        @Test
        void aFirstParagraphBeforeATextWithoutAgencyDatelineStaysText() {
            Anchor a = find("(MENAFN- Arab Times)", "The minister opened the new road on Monday.", "",
                    "KUWAIT CITY, April 20: More text follows here and goes on for a while.");
            assertThat(a.bodyLine()).isEqualTo(1);
        }

        @Test
        void agencyTagThenCityColon() {
            Anchor a = find("(MENAFN- Gulf Times) QNA Doha: The text of the story starts here and goes on for a while.");
            assertThat(a.dateline().city()).isEqualTo("Doha");
        }

        @Test
        void trendDatelineWithPeriodAndByline() {
            Anchor a = find("(MENAFN- Trend News Agency) BAKU, Azerbaijan, February 17. By Aysel Guliyeva - Trend: "
                    + "The text of the story starts here and goes on for a while.");
            assertThat(a.dateline().city()).isEqualTo("BAKU");
            assertThat(a.dateline().month()).isEqualTo(2);
            assertThat(a.byline()).isEqualTo("Aysel Guliyeva");
        }

        @Test
        void capitalsInParenthesesAreNoAgency() {
            Anchor a = find("Gulf Cooperation Council (GCC) Secretary General said on Monday the states agreed.");
            assertThat(a.index()).isEqualTo(-1);
        }

        @Test
        void aTitleWithTheAgencyTagIsNoDateline() {
            assertThat(Dateline.find("\u0645\u0648\u062C\u0632 \u0623\u0646\u0628\u0627\u0621 (\u0643\u0648\u0646\u0627)"
                    + " \u0644\u064A\u0648\u0645 \u0627\u0644\u062B\u0644\u0627\u062B\u0627\u0621")).isNull();
        }

        @Test
        void wrapperTextWithoutDateline() {
            Anchor a = find("(MENAFN- The Peninsula) The Peninsula", "", "The text starts here.");
            assertThat(a.wrapper()).isNotNull();
            assertThat(a.dateline()).isNull();
            assertThat(a.bodyLine()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("HeaderScan: titles, date lines, furniture")
    class Header {

        @Test
        void datesInPageOrderFontSizeAndCaption() {
            List<String> l = lines("A+ A-", "Title Of The Story", "2023-03-09 14:02:51", "3/10/2023 2:02:51 PM",
                    "A handout photo shows the minister at the opening on Monday.",
                    "KUWAIT, March 10 (KUNA) -- Text text text text text text text text.");
            HeaderScan h = HeaderScan.scan(l, 0, 5, true, null);
            assertThat(h.fontSizeControl()).isTrue();
            assertThat(h.titles()).containsExactly("Title Of The Story");
            assertThat(h.dates()).extracting(d -> d.value().iso())
                    .containsExactly("2023-03-09T14:02:51", "2023-03-10T14:02:51");
        }
    }

    @Nested
    @DisplayName("HtmlPage: a date block above the article element")
    class HtmlDateBlock {

        private Article read(String dateBlock, LocalDate crawl) {
            String html = "<!DOCTYPE html>\n<html><head><title>Two Ports Sign A Pact</title>"
                    + "<link rel=\"canonical\" href=\"https://menafn.com/1106000001/Two-Ports-Sign-A-Pact\"></head>"
                    + "<body><h1>Two Ports Sign A Pact</h1><div class=\"stamp\"><span>" + dateBlock + "</span></div>"
                    + "<div class=\"article\"><p>(MENAFN- Kuwait News Agency (KUNA)) KUWAIT, March 6 (KUNA) -- The "
                    + "text of the story starts here and goes on for a while. (end) ab</p>"
                    + "<p>MENAFN06032023000071011013ID1106000001</p></div></body></html>";
            ParseOutcome o = new ArticleExtractor().extract(new InputDocument("p.html", null, crawl,
                    html.getBytes(StandardCharsets.UTF_8), null, InputDocument.ContentKind.UNKNOWN));
            return ((ParseOutcome.Parsed) o).article();
        }

        @Test
        void aDateTimeBlockBeforeTheArticleIsTheTimestamp() {
            Article a = read("2023-03-06 17:36:54", LocalDate.of(2023, 3, 7));
            assertThat(a.published().iso()).isEqualTo("2023-03-06T17:36:54");
            assertThat(a.published().source()).isEqualTo(DateSource.TIMESTAMP);
        }

        @Test
        void aDateBlockAfterTheCrawlIsPassedOverForTheDocId() {
            Article a = read("2031-01-02 10:00:00", LocalDate.of(2023, 3, 7));
            assertThat(a.published().iso()).isEqualTo("2023-03-06");
            assertThat(a.warnings()).contains("published-after-crawl");
        }

        @Test
        void aBlockWithMoreThanADateIsNoTimestamp() {
            Article a = read("Updated 2023-03-06 17:36:54", LocalDate.of(2023, 3, 7));
            assertThat(a.published().iso()).isEqualTo("2023-03-06");
        }
    }

    @Nested
    @DisplayName("Menus by shape, whatever their words")
    class Menus {

        @ParameterizedTest
        @ValueSource(strings = {"Harbour | Falcon | Lantern | Orchard", "Blue Coast | Amber Hill | Red Sea",
            "Quill | Marble", "\u00A0 \u00A0 \u00A0 \u00A0 Quill \u00A0 \u00A0\u00A0\u00A0\u00A0 Deep Fields"
                + " \u00A0 \u00A0\u00A0\u00A0\u00A0 Stone Bay \u00A0 \u00A0",
            "Quill \u00A0\u00A0 Marble", "Tern   Heron   Gannet", "| Quill \u00A0\u00A0 Marble \u00A0\u00A0 "})
        void menuRows(String raw) {
            assertThat(PageLines.isSeparatedMenu(raw)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"S. Korea, NATO To Establish Defense Industry Consultative Body",
            "Oil Prices Climb Again | Gulf Times", "Amir Receives Envoy | Arab Times | Network", "Kuwait  Wins",
            "Tern Heron Gannet", "Prices  rose  sharply", "Brent   75.3   +0.2", "Quill | Marble | 2023"})
        void notMenuRows(String raw) {
            assertThat(PageLines.isSeparatedMenu(raw)).isFalse();
        }

        @Test
        void menuRowsInTheHeaderAreNoTitle() {
            String text = " date 2023-03-06\n\u00A0 \u00A0 Tern \u00A0 \u00A0\u00A0\u00A0 Blue Heron \u00A0 "
                    + "\u00A0\u00A0\u00A0 Gannet \u00A0\nQuill | Marble\n\nTwo Ports Sign A Pact\n\n"
                    + "2023-03-06 10:11:12\n(MENAFN- Kuwait News Agency (KUNA)) KUWAIT, March 6 (KUNA) -- The text of "
                    + "the story starts here and goes on for a while. (end) ab\n";
            ParseOutcome o = TextArticleParser.parse(text, new TextArticleParser.Context(
                    "x.txt", null, null, null, false, List.of()));
            assertThat(o).isInstanceOf(ParseOutcome.Parsed.class);
            assertThat(((ParseOutcome.Parsed) o).article().headline())
                    .isEqualTo("Two Ports Sign A Pact");
        }
    }

    @Nested
    @DisplayName("BodyScan: end marker, stop lines, agency tails")
    class Body {

        @Test
        void everyAgencyTagOfTheTableEndsAParagraphAsATail() {
            for (String tag : Providers.agencyTags()) {
                for (String dash : List.of(" - ", " -- ", " \u2013 ", " \u2014 ")) {
                    String[] t = BodyScan.agencyTail("The minister said so on Monday." + dash + tag);
                    assertThat(t).as(dash + tag).containsExactly("The minister said so on Monday.", tag);
                }
            }
            assertThat(BodyScan.agencyTail("It rained in the Gulf on Monday - GCC")).isNull();
            assertThat(BodyScan.agencyTail("A town called Trend")).isNull();
        }

        @ParameterizedTest
        @ValueSource(strings = {"Page 1 of 1", "Page 1 Of 2", "PAGE 3 OF 12", "page 2 of 2"})
        void pageCountersStop(String counter) {
            BodyScan b = BodyScan.read(lines("Text one.", "Text two.", counter, "Footer"), 0, 0, null);
            assertThat(b.lines()).containsExactly("Text one.", "Text two.");
            assertThat(b.endSeen()).isFalse();
            assertThat(b.trailerStart()).isEqualTo(2);
        }

        @Test
        void endMarkerWithInitialsOnTheNextLine() {
            BodyScan b = BodyScan.read(lines("Text one. (end)", "", "ab.cd", "", "MENAFN01012023000071011013ID1"), 0, 0,
                    null);
            assertThat(b.initials()).isEqualTo("ab.cd");
            assertThat(b.trailerStart()).isEqualTo(3);
        }
    }

    @Nested
    @DisplayName("Trailer: doc id and footer time")
    class Trail {
        @Test
        void docIdAndFooter() {
            Trailer t = Trailer.read(lines("", "MENAFN02042023000071011013ID1105964420", "09/03/2023 14:02:51"), 0);
            assertThat(t.docId().articleNo()).isEqualTo(1105964420L);
            assertThat(t.footerTime().iso()).isEqualTo("2023-03-09T14:02:51");
        }
    }

    @Nested
    @DisplayName("Resolvers record where a value came from")
    class Resolvers {

        private final MenafnDocId docId = MenafnDocId.tryParse("MENAFN02042023000071011013ID1105964420").orElseThrow();

        @Test
        void theTimestampNearestAboveTheAnchorWins() {
            List<HeaderScan.DateLine> d = List.of(
                    new HeaderScan.DateLine(1, Published.on(LocalDate.of(2023, 3, 1), DateSource.TIMESTAMP), true),
                    new HeaderScan.DateLine(2, Published.on(LocalDate.of(2023, 3, 2), DateSource.TIMESTAMP), true));
            PublishedResolver.Resolved r = PublishedResolver.resolve(d, docId, null, null, null,
                    LocalDate.of(2023, 4, 2), new ArrayList<>());
            assertThat(r.value().iso()).isEqualTo("2023-03-02");
            assertThat(r.source()).isEqualTo(PublishedResolver.Source.TIMESTAMP);
        }

        @Test
        void aDateAfterTheCrawlIsImpossibleAndTheNextSourceIsUsed() {
            List<String> warnings = new ArrayList<>();
            List<HeaderScan.DateLine> d = List.of(
                    new HeaderScan.DateLine(1, Published.on(LocalDate.of(2025, 3, 14), DateSource.TIMESTAMP), true));
            PublishedResolver.Resolved r = PublishedResolver.resolve(d, docId, null, null, null,
                    LocalDate.of(2023, 4, 2), warnings);
            assertThat(r.source()).isEqualTo(PublishedResolver.Source.DOC_ID);
            assertThat(r.value().iso()).isEqualTo("2023-04-02");
            assertThat(warnings).containsExactly("published-after-crawl");
        }

        @Test
        void datelineWithTheCrawlYear() {
            Dateline dl = Dateline.find("KUWAIT, Dec 30 (KUNA) -- Text text text text text text text text text.");
            PublishedResolver.Resolved r = PublishedResolver.resolve(List.of(), null, null, dl, null,
                    LocalDate.of(2024, 1, 2), new ArrayList<>());
            assertThat(r.value().iso()).isEqualTo("2023-12-30");
            assertThat(r.source().dateSource().label()).isEqualTo("DATELINE+CRAWL_YEAR");
        }

        @Test
        void providerSourcesInOrder() {
            List<String> w = new ArrayList<>();
            ProviderWrapper wrapper = ProviderWrapper.find("(MENAFN- Gulf Times) x").orElseThrow();
            assertThat(ProviderResolver.resolve(wrapper, docId, null, null, true, w).source())
                    .isEqualTo(ProviderResolver.Source.WRAPPER);
            assertThat(ProviderResolver.resolve(null, docId, null, null, true, w).key()).isEqualTo("kuna");
            Dateline petra = Dateline.find("Amman, Mar.3 (Petra) - Text text text text text text text text text.");
            ProviderResolver.Resolved r = ProviderResolver.resolve(null, null, petra, null, false, w);
            assertThat(r.key()).isEqualTo("jna");
            assertThat(r.source()).isEqualTo(ProviderResolver.Source.DATELINE);
            assertThat(ProviderResolver.resolve(null, null, null, "QNA", false, w).key()).isEqualTo("qna");
            assertThat(ProviderResolver.resolve(null, null, null, null, false, w).provider()).isNull();
            assertThat(w).containsExactly("provider-from-doc-id", "provider-from-dateline",
                    "provider-from-source-line");
        }

        @Test
        void headlineSources() {
            List<String> w = new ArrayList<>();
            assertThat(HeadlineResolver.resolve("Html Title", List.of("Line"), null, w).source())
                    .isEqualTo(HeadlineResolver.Source.HTML);
            assertThat(HeadlineResolver.resolve(null, List.of("Line Title"), null, w).label()).isEqualTo("title-line");
            HeadlineResolver.Resolved slug = HeadlineResolver.resolve(null, List.of(),
                    "https://menafn.com/1105964420/Kuwait-Opens-New-Road", w);
            assertThat(slug.headline()).isEqualTo("Kuwait Opens New Road");
            assertThat(w).containsExactly("headline-from-url");
        }
    }

    @Nested
    @DisplayName("Lines by shape")
    class Shapes {

        @ParameterizedTest
        @ValueSource(strings = {"A+ A-", "A+A-", "A- A A+", "+ \u21BA \u2212 16 px", "A A+"})
        void fontSizeControls(String l) {
            assertThat(PageLines.isFontSizeControl(l)).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"A", "A+ Grade Schools Open", "Page 1"})
        void notFontSizeControls(String l) {
            assertThat(PageLines.isFontSizeControl(l)).isFalse();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
            "By Ali Saad|Ali Saad",
            "By: Ali Saad|Ali Saad",
            "News report by Ali Saad and Mona Fahad|Ali Saad and Mona Fahad",
            "By Ali Saad, Mona Fahad and Sara Al-Ali|Ali Saad, Mona Fahad and Sara Al-Ali",
            "By JT - Mar 9,2023 - Last updated at Mar 9,2023|JT",
            "By Aysel Guliyeva - Trend|Aysel Guliyeva",
        })
        void bylines(String line, String name) {
            assertThat(PageLines.bylineLine(line)).isEqualTo(name);
        }

        @ParameterizedTest
        @ValueSource(strings = {"By the end of the year the plant will open.", "By 2030 the plan ends",
            "By Aysel Guliyeva - Trend: Azerbaijan signed a deal."})
        void notBylineLines(String l) {
            assertThat(PageLines.bylineLine(l)).isNull();
        }

        @Test
        void englishWithManyArticlesIsEnglish() {
            assertThat(Language.detect("A man saw a dog in a park near a lake on a Monday, a witness said.", null))
                    .isEqualTo("en");
            assertThat(Language.detect("Le ministre a dit que la ville est prête pour les jeux.", null)).isEqualTo("fr");
        }
    }
}
