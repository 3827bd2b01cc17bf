package org.wirearchive.core.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UrlsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "https://www.Example.COM/a/b?x=1#f | www.example.com | /a/b?x=1#f   | www.Example.COM/a/b?x=1#f",
        "http://host.example:8080/p       | host.example    | /p          | host.example:8080/p",
        "host.example/p/Q                  | host.example    | /p/Q        | host.example/p/Q",
        "https://host.example?q=1          | host.example    | NULL        | host.example?q=1",
        "https://host.example#frag         | host.example    | NULL        | host.example#frag",
        "https://MENAFN.com                | menafn.com      | NULL        | MENAFN.com",
        "''                                | ''              | NULL        | ''",
    })
    void partsByPosition(String url, String host, String path, String afterScheme) {
        assertThat(Urls.host(url)).isEqualTo(host);
        assertThat(Urls.pathAfterHost(url)).isEqualTo(path);
        assertThat(Urls.afterScheme(url)).isEqualTo(afterScheme);
    }

    @Test
    void nullGivesNull() {
        assertThat(Urls.host(null)).isNull();
        assertThat(Urls.pathAfterHost(null)).isNull();
        assertThat(Urls.afterScheme(null)).isNull();
    }
}
