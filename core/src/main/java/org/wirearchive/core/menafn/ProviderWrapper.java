package org.wirearchive.core.menafn;

import java.util.Optional;

/**
 * The {@code (MENAFN- Provider)} tag that opens a MENAFN article, in every variant docs/formats.md lists:
 * {@code (MENAFN- X)}, {@code ( MENAFN - X)}, {@code (MENAFN - X)}, {@code MENAFN - X)} (no opening parenthesis,
 * maybe no space after), and {@code (MENAFN)} alone (MENAFN's own editorial). The provider name ends at the
 * parenthesis that closes the wrapper, nested parentheses counted: {@code (MENAFN- Kuwait News Agency (KUNA))}
 * gives {@code Kuwait News Agency (KUNA)}.
 *
 * @param provider  the provider exactly as printed inside the wrapper (spaces at both ends stripped), or
 *                  {@code MENAFN} for the editorial tag
 * @param editorial true for the {@code (MENAFN)} tag alone
 * @param start     offset of the wrapper in the line
 * @param end       offset just after the wrapper's closing parenthesis
 */
public record ProviderWrapper(String provider, boolean editorial, int start, int end) {

    /**
     * Finds a wrapper at the start of {@code line} (after blanks); a wrapper elsewhere in a line is not one.
     */
    public static Optional<ProviderWrapper> find(String line) {
        int n = line.length();
        int i = skipBlanks(line, 0);
        int start = i;
        boolean open = false;
        if (i < n && line.charAt(i) == '(') {
            open = true;
            i = skipBlanks(line, i + 1);
        }
        if (!line.regionMatches(true, i, "MENAFN", 0, 6)) {
            return Optional.empty();
        }
        i += 6;
        i = skipBlanks(line, i);
        if (open && i < n && line.charAt(i) == ')') {
            return Optional.of(new ProviderWrapper("MENAFN", true, start, i + 1));
        }
        if (i >= n || !isDash(line.charAt(i))) {
            return Optional.empty();
        }
        i++;
        int nameStart = i;
        int depth = 1;
        for (; i < n; i++) {
            char c = line.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
                if (depth == 0) {
                    String provider = line.substring(nameStart, i).strip();
                    if (provider.isEmpty() || provider.length() > 120) {
                        return Optional.empty();
                    }
                    return Optional.of(new ProviderWrapper(provider, false, start, i + 1));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isDash(char c) {
        return c == '-' || c == '\u2013' || c == '\u2014';
    }

    private static int skipBlanks(String s, int i) {
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\u00A0')) {
            i++;
        }
        return i;
    }
}
