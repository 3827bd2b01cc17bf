package org.wirearchive.core.normalize;

import java.util.Locale;

/**
 * The parts of a page's URL the parsers read, by position and without {@link java.net.URI} (archived URLs are often
 * not valid URIs: spaces, Arabic slugs, stray percent signs). A URL without a scheme is read as starting with its host.
 */
public final class Urls {

    private Urls() {
    }

    /** Everything after {@code scheme://} (the whole text without a scheme) as written, or null for null. */
    public static String afterScheme(String url) {
        if (url == null) {
            return null;
        }
        int s = url.indexOf("://");
        return url.substring(s < 0 ? 0 : s + 3);
    }

    /**
     * The host in lower case ({@link Locale#ROOT}), without a port: the text after the scheme up to the first
     * {@code /}, {@code ?}, {@code #} or {@code :}; null for null.
     */
    public static String host(String url) {
        String rest = afterScheme(url);
        if (rest == null) {
            return null;
        }
        int end = 0;
        while (end < rest.length() && "/?#:".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        return rest.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /** The path from the first {@code /} after the host, query and fragment included, as written; or null. */
    public static String pathAfterHost(String url) {
        String rest = afterScheme(url);
        if (rest == null) {
            return null;
        }
        int slash = rest.indexOf('/');
        return slash < 0 ? null : rest.substring(slash);
    }
}
