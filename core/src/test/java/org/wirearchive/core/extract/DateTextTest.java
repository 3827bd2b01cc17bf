package org.wirearchive.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class DateTextTest {

    @Test
    void arabicMonthsWithArabicIndicDigitsAndTheRaTimeSeparator() {
        assertThat(DateText.writtenDate("\u0661\u0664 \u0622\u0630\u0627\u0631 \u0662\u0660\u0662\u0662"))
                .isEqualTo(new DateText.Found(LocalDate.of(2022, 3, 14), null));
        // الاحد ٥ تشرين الثاني ٢٠٢٣ ١٢ر٣٠
        assertThat(DateText.writtenDate("الاحد ٥ تشرين الثاني ٢٠٢٣ ١٢ر٣٠"))
                .isEqualTo(new DateText.Found(LocalDate.of(2023, 11, 5), LocalTime.of(12, 30)));
        // Persian letters and hamza-less spellings (الخمیس, کانون الاول)
        assertThat(DateText.writtenDate("الخمیس ٢١ کانون الاول ٢٠٢٣"))
                .isEqualTo(new DateText.Found(LocalDate.of(2023, 12, 21), null));
        assertThat(DateText.numericTimestamp("14/03/2022 12ر30")).isEqualTo(LocalDateTime.of(2022, 3, 14, 12, 30));
    }

    @Test
    void frenchFirstOfTheMonth() {
        assertThat(DateText.writtenDate("vendredi 1er décembre 2023"))
                .isEqualTo(new DateText.Found(LocalDate.of(2023, 12, 1), null));
        Dateline d = Dateline.find("KOWEÏT, 1er Décembre (KUNA) -- Le ministère a lancé une campagne.");
        assertThat(d.city()).isEqualTo("KOWEÏT");
        assertThat(d.month()).isEqualTo(12);
        assertThat(d.day()).isEqualTo(1);
    }

    @Test
    void arabicDatelines() {
        Dateline d = Dateline.find("القاهرة - ٣ تشرين الثاني (كونا) -- افتتح في القاهرة اليوم مؤتمر عربي للطاقة.");
        assertThat(d.city()).isEqualTo("القاهرة");
        assertThat(d.month()).isEqualTo(11);
        assertThat(d.day()).isEqualTo(3);
        assertThat(d.agency()).isEqualTo("كونا");
        Dateline c = Dateline.find("الكويت، ٣١ ديسمبر (كونا) -- شهدت الكويت احتفالات واسعة بمناسبة نهاية العام.");
        assertThat(c.city()).isEqualTo("الكويت");
        assertThat(c.month()).isEqualTo(12);
        assertThat(c.day()).isEqualTo(31);
    }

    @Test
    void paperDatelineWithAColonAfterTheDay() {
        Dateline d = Dateline.find("KUWAIT CITY, April 20: Municipality inspectors towed 140 abandoned cars.");
        assertThat(d.city()).isEqualTo("KUWAIT CITY");
        assertThat(d.month()).isEqualTo(4);
        assertThat(d.day()).isEqualTo(20);
        // a clock time is no dateline separator
        assertThat(Dateline.find("At 10:30 the minister arrived in the city and met officials there.")).isNull();
    }
}
