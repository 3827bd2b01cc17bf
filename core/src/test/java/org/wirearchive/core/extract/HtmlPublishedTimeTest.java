package org.wirearchive.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.wirearchive.core.article.Article;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.format.InputDocument;

/** {@code article:published_time} of an HTML page: its offset, when it has one, is kept as the page gives it. */
class HtmlPublishedTimeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2024-02-12T22:15:00+03:00, 2024-02-12T22:15:00+03:00, 2024-02-12",
        "2024-02-12T22:15:00Z,      2024-02-12T22:15:00Z,      2024-02-12",
        "2024-02-12T22:15:00-05:00, 2024-02-12T22:15:00-05:00, 2024-02-12",
        "2024-02-12T22:15:00.250+03:00, 2024-02-12T22:15:00+03:00, 2024-02-12",
        "2024-02-12T22:15:00,       2024-02-12T22:15:00,       2024-02-12",
        "2024-02-12,                2024-02-12,                2024-02-12"})
    @DisplayName("the meta's time, offset and date")
    void keepsTheOffset(String meta, String published, String date) {
        String html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<title>Port Authority Extends Night Shifts | Kuwait News Agency (KUNA)</title>\n"
                + "<link rel=\"canonical\" href=\"https://www.kuna.net.kw/ArticleDetails.aspx?id=3201201&amp;language=en\">\n"
                + "<meta property=\"article:published_time\" content=\"" + meta + "\">\n</head>\n<body>\n"
                + "<h1>Port Authority Extends Night Shifts</h1>\n<div class=\"article\">\n"
                + "<p>SHUWAIKH, Feb 12 (KUNA) -- The port authority extended its night shifts to clear a backlog of "
                + "containers, an official said on Monday.</p>\n"
                + "<p>The extra shifts will run until the end of the month, he added.</p>\n<p>(end) ab.cd</p>\n"
                + "</div>\n</body>\n</html>\n";
        ParseOutcome outcome = new ArticleExtractor().extract(InputDocument.of("port.html",
                html.getBytes(StandardCharsets.UTF_8)));
        assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
        Article a = ((ParseOutcome.Parsed) outcome).article();
        assertThat(a.published().iso()).isEqualTo(published);
        assertThat(a.published().date()).hasToString(date);
        assertThat(a.published().source()).isEqualTo(ArticleExtractor.HTML_META);
    }
}
