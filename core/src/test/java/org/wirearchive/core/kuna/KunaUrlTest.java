package org.wirearchive.core.kuna;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KunaUrlTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "https://www.kuna.net.kw/ArticleDetails.aspx?id=3123456&language=en | 3123456 | en",
        "https://www.kuna.net.kw/ArticleDetails.aspx?language=en&id=3123456 | 3123456 | en",
        "https://www.kuna.net.kw/ArticleDetails.aspx?id=3123456&Language=en%255C | 3123456 | en",
        "http://kuna.net.kw/ArticleDetails.aspx?ID=3123456 | 3123456 | ",
        "https://www.kuna.net.kw/ArticlePrintPage.aspx?id=3123456&language=ar | 3123456 | ar",
        "https://www.kuna.net.kw/ArticleDetails.aspx?id=3123456x&language=fr | 3123456 | fr",
    })
    void idAndLanguage(String url, long id, String language) {
        assertThat(KunaUrl.id(url)).hasValueSatisfying(k -> assertThat(k.value()).isEqualTo(id));
        assertThat(KunaUrl.languageHint(url)).isEqualTo(language);
    }

    @Test
    void notKuna() {
        assertThat(KunaUrl.id("https://example.com/ArticleDetails.aspx?id=3123456")).isEmpty();
        assertThat(KunaUrl.id("https://www.kuna.net.kw/ArticleDetails.aspx?language=en")).isEmpty();
        assertThat(KunaUrl.isPrintPage("https://www.kuna.net.kw/ArticlePrintPage.aspx?id=1")).isTrue();
    }
}
