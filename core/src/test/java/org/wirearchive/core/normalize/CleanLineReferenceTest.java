package org.wirearchive.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link TextNormalizer#cleanLine} and its helpers against their first implementation, kept here as the reference. */
class CleanLineReferenceTest {

    @Test
    void isSpaceLikeOnEveryChar() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            assertThat(TextNormalizer.isSpaceLike((char) c)).as("U+%04X", c).isEqualTo(referenceIsSpaceLike((char) c));
        }
    }

    @Test
    void everyCharAloneAndBetweenLetters() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            String alone = String.valueOf((char) c);
            String between = "a" + (char) c + "b";
            assertThat(TextNormalizer.cleanLine(alone)).as("U+%04X", c).isEqualTo(referenceCleanLine(alone));
            assertThat(TextNormalizer.cleanLine(between)).as("U+%04X", c).isEqualTo(referenceCleanLine(between));
            assertThat(TextNormalizer.cleansToEmpty(alone)).as("U+%04X", c)
                    .isEqualTo(referenceCleanLine(alone).isEmpty());
        }
    }

    @Test
    void randomLines() {
        Random random = new Random(11);
        String alphabet = "ab Z.é  \t\t\n\r\u00A0\u2009\u200B\u200C\u200D\u200E\u00AD\u0000\u0007\u001F\u007F\u0085"
                + "\uFEFF\u3000كونا\u061C\u202A";
        for (int t = 0; t < 20000; t++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(40);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String line = sb.toString();
            assertThat(TextNormalizer.cleanLine(line)).as("[%s]", line).isEqualTo(referenceCleanLine(line));
            assertThat(TextNormalizer.cleansToEmpty(line)).as("[%s]", line)
                    .isEqualTo(referenceCleanLine(line).isEmpty());
        }
    }

    @Test
    void aCleanLineIsReturnedAsIs() {
        String line = "Kuwait City, March 6 (KUNA) -- the minister said.";
        assertThat(TextNormalizer.cleanLine(line)).isSameAs(line);
        assertThat(TextNormalizer.cleanLine("a\tb")).isEqualTo("a b");
        assertThat(TextNormalizer.cleanLine(" a")).isEqualTo("a");
    }

    private static boolean referenceIsSpaceLike(char c) {
        return c == ' ' || c == '\t' || c == '\u00A0' || c == '\u2007' || c == '\u202F' || c == '\u3000'
                || (c >= '\u2000' && c <= '\u200B') || c == '\u205F' || c == '\u1680' || c == '\u000B'
                || c == '\u000C' || c == '\uFEFF';
    }

    private static String referenceCleanLine(String line) {
        int n = line.length();
        StringBuilder sb = new StringBuilder(n);
        boolean pendingSpace = false;
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (referenceIsSpaceLike(c) || c == '\n' || c == '\r') {
                pendingSpace = sb.length() > 0;
            } else if (Character.getType(c) == Character.FORMAT && c != '\u200C' && c != '\u200D') {
                continue;
            } else if (c < ' ' && c != '\t') {
                continue;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
