package org.wirearchive.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormalizerTest {

    @Test
    void bodyFormFoldsSpacesKeepsParagraphsAndJoinsWrappedLines() {
        String raw = "First\u00A0 paragraph\tends here.\r\n\r\nSecond paragraph is wrapped\nin the middle of a sentence.\rThird.";
        assertThat(TextNormalizer.normalizeBody(raw))
                .isEqualTo("First paragraph ends here.\nSecond paragraph is wrapped in the middle of a sentence.\nThird.");
    }

    @Test
    void nfc() {
        assertThat(TextNormalizer.normalizeBody("Kowei\u0308t est la\u0300.")).isEqualTo("Kowe\u00EFt est l\u00E0.");
    }

    @Test
    void fixedWidthWrapRejoinsCutWords() {
        String text = "Azerbaijan will open a new checkpoint with Georgia next month to ease the flow of lorries on"
                + " the East-West transport corridor, the State Customs Committee said on Thursday in a statement.";
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < text.length(); i += 60) {
            lines.add(text.substring(i, Math.min(text.length(), i + 60)).strip());
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
        assertThat(TextNormalizer.unwrap(lines)).containsExactly(text);
    }

    @ParameterizedTest(name = "[{index}] {0} ~ {1}")
    @CsvSource(delimiter = '|', value = {
        "Kuwait\u2019s \u201CNew\u201D plan \u2013 now | kuwait's \"new\" plan - now",
        "talks.The minister |  talks. the minister",
        "a\u201Cword\u201D | a \"word\"",
        "Line one\tline   two | line one line two",
        "U.S. envoy | u.s. envoy",
    })
    void comparisonForm(String a, String b) {
        assertThat(TextNormalizer.slugKey(a)).isEqualTo(TextNormalizer.slugKey(b.strip()));
    }

    @ParameterizedTest(name = "[{index}] {0} ~ {1}")
    @CsvSource(delimiter = '|', value = {
        "Kuwait's Amir Receives Nat'l Assembly Speaker | Kuwaits Amir Receives Natl Assembly Speaker",
        "S. Korea, NATO To Establish Body | S Korea NATO To Establish Body",
        "Oil prices \u2013 rise | oil prices rise",
    })
    void headlineComparisonFormMatchesSlugs(String printed, String slug) {
        assertThat(TextNormalizer.headlineSlugKey(printed)).isEqualTo(TextNormalizer.headlineSlugKey(slug));
    }

    @Test
    void differentTextsStayDifferent() {
        assertThat(TextNormalizer.slugKey("Kuwait signs deal")).isNotEqualTo(TextNormalizer.slugKey("Kuwait sign deal"));
    }

    @Test
    void sha256() {
        assertThat(TextNormalizer.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void mojibakeRepairs() {
        assertThat(Mojibake.repairCurlyQuotes("Kuwait\u0622\u2019s \u0622\u201Cplan\u0622\u201D")).isEqualTo("Kuwait\u2019s \u201Cplan\u201D");
        String arabic = "\u0622\u0630\u0627\u0631 \u0627\u0644\u0643\u0648\u064A\u062A";
        assertThat(Mojibake.repairCurlyQuotes(arabic)).isSameAs(arabic);
        assertThat(Mojibake.repairArabicAsLatin1("\u00C7\u00E1\u00DF\u00E6\u00ED\u00CA")).isEqualTo("\u0627\u0644\u0643\u0648\u064A\u062A");
        assertThat(Mojibake.repairArabicAsLatin1("Caf\u00E9 au lait")).isEqualTo("Caf\u00E9 au lait");
    }
}
