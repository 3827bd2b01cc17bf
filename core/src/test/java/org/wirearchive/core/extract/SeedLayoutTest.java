package org.wirearchive.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.wirearchive.core.article.Article;
import org.wirearchive.core.article.ParseOutcome;
import org.wirearchive.core.format.InputDocument;
import org.wirearchive.core.normalize.TextNormalizer;

/** The seed page's exact layout (crawl-date line with widget, Arabic link, NBSP menu, title, timestamp, wrapper). */
@DisplayName("A page in the exact layout of the seed")
class SeedLayoutTest {

    private static Article article;

    @BeforeAll
    static void parse() throws IOException {
        byte[] bytes;
        try (InputStream in = SeedLayoutTest.class.getResourceAsStream("/fixtures/seed-layout.txt")) {
            bytes = in.readAllBytes();
        }
        ParseOutcome outcome = new ArticleExtractor().extract(InputDocument.of("archive/seed-layout.txt", bytes));
        assertThat(outcome).isInstanceOf(ParseOutcome.Parsed.class);
        article = ((ParseOutcome.Parsed) outcome).article();
    }

    @Test
    void identity() {
        assertThat(article.source()).isEqualTo("archive/seed-layout.txt");
        assertThat(article.url()).isNull();
        assertThat(article.format()).isEqualTo("menafn-text");
        assertThat(article.menafnDocId().canonical()).isEqualTo("MENAFN14112024000071011013ID1108921345");
        assertThat(article.menafnDocId().datePart()).isEqualTo("14112024");
        assertThat(article.menafnDocId().date()).contains(LocalDate.of(2024, 11, 14));
        assertThat(article.menafnProviderCode()).isEqualTo("000071011013");
        assertThat(article.menafnArticleNo()).isEqualTo(1108921345L);
        assertThat(article.kunaId()).isNull();
    }

    @Test
    void providerHeadlineAndDates() {
        assertThat(article.provider()).isEqualTo("Kuwait News Agency (KUNA)");
        assertThat(article.providerKey()).isEqualTo("kuna");
        assertThat(article.headline()).isEqualTo("Kuwait, Finland Sign Memorandum On Fisheries Research");
        assertThat(article.headlineSource()).isEqualTo("title-line");
        assertThat(article.published().date()).isEqualTo(LocalDate.of(2024, 11, 14));
        assertThat(article.published().time()).isEqualTo(LocalTime.of(9, 41, 7));
        assertThat(article.published().source().label()).isEqualTo("TIMESTAMP");
        assertThat(article.published().iso()).isEqualTo("2024-11-14T09:41:07");
        assertThat(article.crawlDate()).isEqualTo(LocalDate.of(2024, 11, 14));
    }

    @Test
    void datelineInitialsLanguage() {
        assertThat(article.datelineCity()).isEqualTo("HELSINKI");
        assertThat(article.byline()).isNull();
        assertThat(article.editorInitials()).isEqualTo("hsa");
        assertThat(article.language()).isEqualTo("en");
        assertThat(article.warnings()).isEmpty();
    }

    @Test
    @DisplayName("body: after the dateline, before (end); paragraphs one per line; nothing of the wrapper or trailer")
    void body() {
        String body = article.body();
        assertThat(body).startsWith("Kuwait and Finland signed on Thursday a memorandum");
        assertThat(body).endsWith("a data exchange programme on fish stocks.");
        assertThat(body.split("\n")).hasSize(5);
        assertThat(body).doesNotContain("MENAFN", "(KUNA)", "(end)", "hsa", "Legal Disclaimer", "\u00A0", "Tuesday",
                "Sport", "\u0639\u0631\u0628\u064A", "HELSINKI", "  ");
        assertThat(body.split("\n")[2]).startsWith("\"The two countries share");
        assertThat(article.bodySha256()).isEqualTo(TextNormalizer.sha256Hex(body)).hasSize(64);
    }

    @Test
    void json() {
        String json = OutcomeJson.render(new ParseOutcome.Parsed(article));
        assertThat(json).doesNotContain("\n")
                .startsWith("{\"source\":\"archive/seed-layout.txt\",\"url\":null,\"status\":\"ok\",\"reason\":null,")
                .contains("\"menafn_article_no\":1108921345,\"menafn_provider_code\":\"000071011013\",\"kuna_id\":null,")
                .contains("\"published\":\"2024-11-14T09:41:07\",\"published_source\":\"TIMESTAMP\",\"crawl_date\":\"2024-11-14\"")
                .endsWith("\"warnings\":[]}");
    }
}
