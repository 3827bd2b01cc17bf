package org.wirearchive.core.menafn;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.wirearchive.core.normalize.Urls;

/** What a menafn.com article URL tells: {@code https://menafn.com/<article number>/<Title-Slug>}. */
public final class MenafnUrl {

    /** The UTF-8 percent-encoding of {@code آ} as it leaks into slugs from mis-decoded curly quotes. */
    private static final String MOJIBAKE_PAIR = "%D8%A7%D9%93";

    private MenafnUrl() {
    }

    /** True when the URL's host is menafn.com (any subdomain). */
    public static boolean isMenafn(String url) {
        String host = Urls.host(url);
        return host != null && (host.equals("menafn.com") || host.endsWith(".menafn.com"));
    }

    /** The article number from {@code menafn.com/<number>/...}, or empty. */
    public static Optional<Long> articleNo(String url) {
        String path = Urls.pathAfterHost(url);
        if (path == null || !isMenafn(url)) {
            return Optional.empty();
        }
        int i = 0;
        while (i < path.length() && path.charAt(i) == '/') {
            i++;
        }
        int start = i;
        while (i < path.length() && i - start < 16 && Character.isDigit(path.charAt(i))) {
            i++;
        }
        if (i == start || i - start > 15 || (i < path.length() && path.charAt(i) != '/' && path.charAt(i) != '?')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(path.substring(start, i)));
    }

    /**
     * The headline spelled by the slug after the article number: query dropped, percent-decoded, the mojibake pair
     * dropped, hyphens to spaces. Empty when the URL has no slug.
     */
    public static Optional<String> slugHeadline(String url) {
        String path = Urls.pathAfterHost(url);
        if (path == null) {
            return Optional.empty();
        }
        int q = indexOfAny(path, "?#");
        if (q >= 0) {
            path = path.substring(0, q);
        }
        String[] parts = path.split("/");
        String slug = null;
        for (int k = parts.length - 1; k >= 0; k--) {
            if (!parts[k].isEmpty()) {
                slug = parts[k];
                break;
            }
        }
        if (slug == null || slug.chars().allMatch(Character::isDigit) || slug.contains(".")) {
            return Optional.empty();
        }
        slug = slug.replace(MOJIBAKE_PAIR, "").replace(MOJIBAKE_PAIR.toLowerCase(Locale.ROOT), "");
        try {
            slug = URLDecoder.decode(slug.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // keep the raw slug when its escapes are broken
        }
        slug = slug.replace('\u0622', ' ');
        StringBuilder sb = new StringBuilder(slug.length());
        for (int i = 0; i < slug.length(); i++) {
            char c = slug.charAt(i);
            if (c == '-' || c == '_' || Character.isWhitespace(c)) {
                if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ' ') {
                    sb.append(' ');
                }
            } else {
                sb.append(c);
            }
        }
        String h = sb.toString().strip();
        return h.isEmpty() ? Optional.empty() : Optional.of(h);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
