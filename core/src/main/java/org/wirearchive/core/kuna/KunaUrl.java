package org.wirearchive.core.kuna;

import java.util.Locale;
import java.util.Optional;
import org.wirearchive.core.article.KunaId;
import org.wirearchive.core.menafn.Providers;
import org.wirearchive.core.normalize.Urls;

/**
 * What a kuna.net.kw URL tells: the article id ({@code ArticleDetails.aspx?id=N&language=en}, parameters in any
 * order and case, junk after the number tolerated), whether it is a print page, and the {@code language=} hint.
 */
public final class KunaUrl {

    /** The provider key of the site these URLs belong to (its host is in the provider table). */
    public static final String PROVIDER_KEY = "kuna";

    private KunaUrl() {
    }

    /** True when the host is kuna.net.kw (any subdomain). */
    public static boolean isKuna(String url) {
        String lower = url == null ? null : Urls.afterScheme(url).toLowerCase(Locale.ROOT);
        if (lower == null) {
            return false;
        }
        int slash = lower.indexOf('/');
        String host = slash < 0 ? lower : lower.substring(0, slash);
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        return PROVIDER_KEY.equals(Providers.keyByHost(host));
    }

    /** True for {@code ArticlePrintPage.aspx} URLs. */
    public static boolean isPrintPage(String url) {
        return url != null && url.toLowerCase(Locale.ROOT).contains("articleprintpage.aspx");
    }

    /** The {@code id=} number of a kuna.net.kw article URL, or empty. */
    public static Optional<KunaId> id(String url) {
        if (!isKuna(url)) {
            return Optional.empty();
        }
        String v = param(url, "id");
        if (v == null) {
            return Optional.empty();
        }
        int end = 0;
        while (end < v.length() && end < 15 && Character.isDigit(v.charAt(end))) {
            end++;
        }
        return end == 0 ? Optional.empty() : KunaId.tryParse(v.substring(0, end));
    }

    /** The {@code language=} parameter lower-cased to two letters ({@code en}, {@code ar}, {@code fr}), or null. */
    public static String languageHint(String url) {
        String v = param(url, "language");
        if (v == null || v.length() < 2) {
            return null;
        }
        String two = v.substring(0, 2).toLowerCase(Locale.ROOT);
        return Character.isLetter(two.charAt(0)) && Character.isLetter(two.charAt(1)) ? two : null;
    }

    /** The raw value of a query parameter, name matched case-insensitively, or null. */
    static String param(String url, String name) {
        if (url == null) {
            return null;
        }
        int q = url.indexOf('?');
        if (q < 0) {
            return null;
        }
        String query = url.substring(q + 1);
        int hash = query.indexOf('#');
        if (hash >= 0) {
            query = query.substring(0, hash);
        }
        for (String pair : query.split("[&;]")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).strip().equalsIgnoreCase(name)) {
                return pair.substring(eq + 1).strip();
            }
        }
        return null;
    }
}
