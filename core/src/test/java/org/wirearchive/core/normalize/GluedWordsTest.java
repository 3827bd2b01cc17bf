package org.wirearchive.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GluedWordsTest {

    @Test
    void findsAFunctionWordGluedToACapitalisedWord() {
        assertThat(GluedWords.count("The Electricity Ministerhas signed an agreement.")).isEqualTo(1);
        assertThat(GluedWords.count("Officials from Kuwaitsaid the plan was approved.")).isEqualTo(1);
    }

    @Test
    void findsASentenceStarterGluedToTheWordBefore() {
        assertThat(GluedWords.count("They will meet again in JuneThe deal runs for five years.")).isEqualTo(1);
        assertThat(GluedWords.count("prices fell last yearsHowever exports rose")).isEqualTo(1);
    }

    @Test
    void leavesCorrectTextBrandsNamesAndMissingSpacesAfterPeriodsAlone() {
        assertThat(GluedWords.count("Kuwait's minister has signed on Tuesday an agreement with Oman.")).isZero();
        assertThat(GluedWords.count("Users of WhatsApp, LinkedIn and ExxonMobil staff in Mashhad and Chad"))
                .isZero();
        assertThat(GluedWords.count("A Goodwill Ambassador visited Thailand and Finland.")).isZero();
        assertThat(GluedWords.count("Jordan and Egypt held talks.The two sides met in a\u201Cstatement\u201D.")).isZero();
        assertThat(GluedWords.count("افتتح وزير الصحة مركزا جديدا")).isZero();
    }
}
