package org.wirearchive.batch.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ConsoleHtmlTests {

    @Test
    @DisplayName("escaping: markup, quotes and ampersands in stored text never become HTML")
    void escapes() {
        assertThat(Html.esc("<script>alert('x')</script> & \"q\"")).isEqualTo(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
        assertThat(Html.esc(null)).isEmpty();
        assertThat(Html.json("a\"b\\c\n</script>")).isEqualTo("a\\\"b\\\\c\\n\\u003c/script\\u003e");
    }

    @Test
    @DisplayName("the side-by-side diff pairs equal paragraphs and marks changed, removed and added ones")
    void diff() {
        String copy = "Same first.\nThe minister said on Monday.\nOnly in the copy.\nSame last.";
        String canonical = "Same first.\nThe minister said on Tuesday.\nSame last.\nOnly in the canonical.";
        List<Html.DiffRow> rows = Html.diff(copy, canonical);
        assertThat(rows).extracting(Html.DiffRow::kind).containsExactly(' ', '~', '-', ' ', '+');
        assertThat(rows.get(1).left()).isEqualTo("The minister said on Monday.");
        assertThat(rows.get(1).right()).isEqualTo("The minister said on Tuesday.");
        assertThat(rows.get(4).right()).isEqualTo("Only in the canonical.");
        assertThat(Html.words(rows.get(1).left(), rows.get(1).right())).isEqualTo(
                "The minister said on <mark>Monday.</mark>");
        assertThat(Html.words("<b> x", "x")).isEqualTo("<mark>&lt;b&gt;</mark> x");
    }

    @Test
    @DisplayName("identical bodies: every row the same")
    void identical() {
        assertThat(Html.diff("a\nb", "a\nb")).extracting(Html.DiffRow::kind).containsExactly(' ', ' ');
    }

    @Test
    @DisplayName("a password in a JDBC URL or a log line is masked")
    void redacts() {
        assertThat(Redact.secrets("jdbc:postgresql://h/db?user=u&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&ssl=true");
        assertThat(Redact.secrets("url jdbc:h2:file:x;PASSWORD=abc;AUTO_SERVER=TRUE")).doesNotContain("abc");
    }
}
