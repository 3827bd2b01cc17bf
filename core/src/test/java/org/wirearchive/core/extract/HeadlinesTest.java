package org.wirearchive.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HeadlinesTest {

    @Test
    void skipsPhotoCreditsAndSiteNames() {
        assertThat(Headlines.pick(List.of("(Photo: KUNA)", "Divers Clean Coral Reef"), null))
                .isEqualTo("Divers Clean Coral Reef");
        assertThat(Headlines.pick(List.of("Gulf Wire Today", "Qatar Hosts Rally"),
                "https://www.gulfwiretoday.example/x")).isEqualTo("Qatar Hosts Rally");
        assertThat(Headlines.pick(List.of("Arab Times", "Kuwait Tows Cars"), null)).isEqualTo("Kuwait Tows Cars");
    }

    @Test
    void prefersTheTitleOverASentenceCaption() {
        assertThat(Headlines.pick(List.of("Workers fit solar panels on the roof of the new school on Sunday.",
                "Kuwait Opens Solar School"), null)).isEqualTo("Kuwait Opens Solar School");
        // headlines ending in an abbreviation are not sentences
        assertThat(Headlines.isSentenceCaption("Kuwait and Oman sign a trade pact with the U.S.")).isFalse();
    }

    @Test
    void aCaptionPrintedTwiceBeforeATitleCaseTitleLoses() {
        assertThat(Headlines.pick(List.of("The minister cuts the ribbon at the clinic",
                "The minister cuts the ribbon at the clinic", "Minister Opens Diabetes Clinic"), null))
                .isEqualTo("Minister Opens Diabetes Clinic");
        // the title printed twice, then the caption twice (kuna.net.kw): the title stays
        assertThat(Headlines.pick(List.of("Red Crescent Sends Aid", "Red Crescent Sends Aid",
                "Volunteers load boxes", "Volunteers load boxes"), null)).isEqualTo("Red Crescent Sends Aid");
    }

    @Test
    void theLineMatchingTheMenafnSlugWins() {
        assertThat(Headlines.pick(List.of("Officials meet in the capital", "Kuwait's Amir Receives Speaker"),
                "https://menafn.com/1104123456/Kuwaits-Amir-Receives-Speaker")).isEqualTo("Kuwait's Amir Receives Speaker");
    }

    @Test
    void cutsATitleTagSuffix() {
        assertThat(Headlines.cutTitleSuffix("Kuwait Plans Grain Reserve | Gulf Wire | Gulf Media Network"))
                .isEqualTo("Kuwait Plans Grain Reserve");
        assertThat(Headlines.cutTitleSuffix("Kuwait Times, Monday | a long second part that is no site name at all"))
                .isEqualTo("Kuwait Times, Monday | a long second part that is no site name at all");
    }
}
