package org.wirearchive.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EntryNamesTest {

    @ParameterizedTest(name = "\"{0}\" safe={1}")
    @CsvSource(delimiter = '|', value = {
            "page.txt | true",
            "dir/page.txt | true",
            "./page.txt | true",
            "name..txt | true",
            "..hidden | true",
            "a/b/../c.txt | false",
            "../evil | false",
            "a/../../evil | false",
            "..\\evil | false",
            "dir\\..\\..\\evil | false",
            "/etc/passwd | false",
            "\\\\server\\share | false",
            "C:\\Windows\\x | false",
            "c:relative | false",
            "dir/.. | false",
    })
    void unsafeNamesAreAbsoluteOrClimbOut(String name, boolean safe) {
        assertThat(EntryNames.isSafe(name)).isEqualTo(safe);
    }

    @org.junit.jupiter.api.Test
    void emptyNamesAndControlCharactersAreUnsafe() {
        assertThat(EntryNames.isSafe("")).isFalse();
        assertThat(EntryNames.isSafe("a\u0000.txt")).isFalse();
        assertThat(EntryNames.printable("a\u0000b")).isEqualTo("a\\u0000b");
    }

    @org.junit.jupiter.api.Test
    void lastSegmentTakesEitherSeparator() {
        assertThat(EntryNames.lastSegment("a/b\\c.warc.gz")).isEqualTo("c.warc.gz");
        assertThat(EntryNames.lastSegment("plain.txt")).isEqualTo("plain.txt");
    }
}
