package org.wirearchive.core.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link HtmlPage#absoluteHref} gives what jsoup's own {@code absUrl("href")} gives (the oracle here), for links of
 * every kind, with and without a base URI, and with a {@code <base href>} in the page.
 */
class CanonicalHrefTest {

    private static final List<String> LINKS = List.of(
            "https://www.example.net/en/news/2024/02/12/port-authority",
            "HTTPS://WWW.EXAMPLE.NET/Path?q=1&x=y#frag",
            "http://example.org",
            "http://exa mple.org/a b",
            "  https://example.org/leading-space",
            "https://example.org/trailing-space  ",
            "https://exa\tmple.org/with\ncontrol\u0001chars",
            "/relative/path?id=42",
            "relative.html",
            "../up/one",
            "?id=3",
            "#only-fragment",
            "//example.org/scheme-relative",
            "tel:+96522272222",
            "mailto:desk@example.org",
            "urn:isbn:0451450523",
            "ftp://files.example.org/a.txt",
            "javascript:void(0)",
            "a:b/relative-with-colon",
            "/path:with:colons",
            "1http://digit-first.example",
            "h,t+t.p-x:odd-scheme",
            ":no-scheme",
            "");

    @Test
    @DisplayName("without a base URI: the same as jsoup for every kind of link")
    void withoutBase() {
        LINKS.forEach(link -> sameAsJsoup(link("", "", link)));
    }

    @Test
    @DisplayName("with the reader's base URL or a <base href> in the page: jsoup resolves against it")
    void withBase() {
        for (String link : LINKS) {
            sameAsJsoup(link("https://www.example.net/en/news/", "", link));
            sameAsJsoup(link("", "<base href=\"https://mirror.example.org/archive/\">", link));
        }
        assertThat(HtmlPage.absoluteHref(link("", "<base href=\"https://mirror.example.org/archive/\">", "a.html")))
                .isEqualTo("https://mirror.example.org/archive/a.html");
    }

    @Test
    @DisplayName("a page's canonical link: absolute as written, a relative one kept as written without a base")
    void pageUrl() {
        String page = "<html><head><title>Port Authority Extends Night Shifts</title>"
                + "<link rel=\"canonical\" href=\"%s\"></head><body><h1>Port Authority Extends Night Shifts</h1>"
                + "<p>Body text of the page.</p></body></html>";
        assertThat(HtmlPage.parse(page.formatted("HTTPS://Example.NET/a?id=1"), null).url())
                .isEqualTo("https://Example.NET/a?id=1");
        assertThat(HtmlPage.parse(page.formatted("/en/a?id=1"), null).url()).isEqualTo("/en/a?id=1");
        assertThat(HtmlPage.parse(page.formatted("/en/a?id=1"), "https://example.net/x/y").url())
                .isEqualTo("https://example.net/en/a?id=1");
    }

    private static void sameAsJsoup(Element e) {
        assertThat(HtmlPage.absoluteHref(e)).as(e.attr("href") + " against " + e.baseUri()).isEqualTo(e.absUrl("href"));
    }

    private static Element link(String baseUri, String head, String href) {
        Document doc = Jsoup.parse("<html><head>" + head + "<link rel=\"canonical\"></head><body></body></html>",
                baseUri);
        Element e = doc.selectFirst("link[rel=canonical]");
        e.attr("href", href);
        return e;
    }
}
