package org.wirearchive.core.menafn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MenafnTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', value = {
        "(MENAFN- Kuwait News Agency (KUNA)) TOKYO | Kuwait News Agency (KUNA) | false",
        "( MENAFN - Kuwait News Agency (KUNA)) X | Kuwait News Agency (KUNA) | false",
        "(MENAFN - AzerNews) Baku | AzerNews | false",
        "MENAFN - Kuwait News Agency (KUNA))Baku | Kuwait News Agency (KUNA) | false",
        "(MENAFN) Oil prices | MENAFN | true",
        "(MENAFN- The Peninsula) The Peninsula | The Peninsula | false",
    })
    void wrapperVariants(String line, String provider, boolean editorial) {
        ProviderWrapper w = ProviderWrapper.find(line).orElseThrow();
        assertThat(w.provider()).isEqualTo(provider);
        assertThat(w.editorial()).isEqualTo(editorial);
    }

    @Test
    void notAWrapper() {
        assertThat(ProviderWrapper.find("MENAFN provides the information")).isEmpty();
        assertThat(ProviderWrapper.find("(MENAFN- unclosed (KUNA)")).isEmpty();
        assertThat(ProviderWrapper.find("The (MENAFN- X) tag")).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "Kuwait News Agency (KUNA) | kuna", "KUNA | kuna", "Jordan News Agency | jna", "AzerNews | azernews",
        "The Peninsula | the-peninsula", "Saudi Press Agency | spa", "Some New Paper | some-new-paper",
    })
    void providerKeys(String name, String key) {
        assertThat(Providers.key(name)).isEqualTo(key);
    }

    @Test
    void providerCodesKnownOnly() {
        assertThat(Providers.byCode("000071011013")).map(Providers.Known::key).contains("kuna");
        assertThat(Providers.byCode("000117011021")).map(Providers.Known::key).contains("jna");
        assertThat(Providers.byCode("000195011045")).map(Providers.Known::key).contains("azernews");
        assertThat(Providers.byCode("000999011999")).isEmpty();
    }

    @Test
    void urls() {
        assertThat(MenafnUrl.articleNo("https://menafn.com/1109726370/S-Korea-NATO")).contains(1109726370L);
        assertThat(MenafnUrl.articleNo("https://www.menafn.com/1095112233/oil-prices?src=RSS")).contains(1095112233L);
        assertThat(MenafnUrl.articleNo("https://example.com/1109726370/S-Korea")).isEmpty();
        assertThat(MenafnUrl.slugHeadline("https://menafn.com/1/Kuwaits-Amir-Receives-Natl-Assembly-Speaker?src=RSS"))
                .contains("Kuwaits Amir Receives Natl Assembly Speaker");
        assertThat(MenafnUrl.slugHeadline("https://menafn.com/1/Kuwait%D8%A7%D9%93s-Amir")).contains("Kuwaits Amir");
        assertThat(MenafnUrl.slugHeadline("https://menafn.com/1109726370")).isEmpty();
    }
}
