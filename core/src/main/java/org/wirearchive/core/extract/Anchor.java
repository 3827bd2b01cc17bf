package org.wirearchive.core.extract;

import java.util.List;
import java.util.Optional;
import org.wirearchive.core.menafn.ProviderWrapper;
import org.wirearchive.core.menafn.Providers;

/**
 * Anchor phase: where the article starts. The provider wrapper, else a dateline, before any end marker or trailer.
 * After a wrapper the dateline may sit on the wrapper's line, after a byline (on the wrapper's line or its own), after
 * a photo-caption paragraph, or open the next paragraph; the byline and the caption never enter the body.
 *
 * @param index      line of the wrapper or dateline, -1 when the page has neither
 * @param wrapper    the provider wrapper, or null
 * @param dateline   the dateline, or null
 * @param byline     the byline, or null
 * @param bodyLine   line where the body starts (-1: not known yet)
 * @param bodyOffset offset in {@code bodyLine} where the body starts
 */
record Anchor(int index, ProviderWrapper wrapper, Dateline dateline, String byline, int bodyLine, int bodyOffset) {

    /** How many non-blank lines after the wrapper may hold bylines and captions before the dateline. */
    private static final int LOOK_AHEAD = 4;

    static final Anchor NONE = new Anchor(-1, null, null, null, -1, 0);

    /** Finds the anchor in {@code lines} from line {@code first}; may rewrite the anchor line (repeated source). */
    static Anchor find(List<String> lines, int first) {
        int n = lines.size();
        for (int i = first; i < n; i++) {
            String l = lines.get(i);
            if (l.isEmpty()) {
                continue;
            }
            Optional<ProviderWrapper> w = ProviderWrapper.find(l);
            if (w.isPresent()) {
                return afterWrapper(lines, i, w.get());
            }
            if (Headlines.isCaptionParagraph(l) && datelineAfter(lines, i) >= 0) {
                continue; // a photo caption (maybe opening like a dateline) before the dateline paragraph
            }
            if (PageLines.endMarker(l) != null || PageLines.isStopLine(l) && i > first) {
                break;
            }
            if (i - first < 80 && !PageLines.isFurniture(l)) {
                Dateline d = Dateline.find(l);
                if (d != null && (d.agency() != null || i > first || n - i > 1)) {
                    return withTrailingByline(lines, i, null, d, i, d.bodyStart(), d.byline());
                }
            }
        }
        return NONE;
    }

    /** The wrapper at line {@code at}: the text after it, bylines, captions and the dateline. */
    private static Anchor afterWrapper(List<String> lines, int at, ProviderWrapper wrapper) {
        String line = lines.get(at);
        String plain = line.substring(wrapper.end()).strip();
        String rest = stripRepeatedSource(plain, wrapper.provider());
        int restOffset = line.length() - rest.length();
        String byline = null;
        if (!rest.isEmpty()) {
            lines.set(at, line.substring(0, restOffset) + rest);
            Dateline d = Dateline.find(rest);
            if (d == null && !rest.equals(plain)) {
                d = Dateline.cityColon(rest); // "QNA Doha: ..." after an agency tag
            }
            if (d != null) {
                return withTrailingByline(lines, at, wrapper, d, at, restOffset + d.bodyStart(), d.byline());
            }
            byline = PageLines.bylineLine(rest);
            if (byline == null) {
                return new Anchor(at, wrapper, null, null, at, restOffset);
            }
        }
        int bodyLine = PageLines.nextNonBlank(lines, at + 1);
        // bylines and photo captions before the dateline, which may open a later paragraph
        int i = bodyLine;
        for (int k = 0; k < LOOK_AHEAD && i >= 0; k++, i = PageLines.nextNonBlank(lines, i + 1)) {
            String l = lines.get(i);
            String s = stripRepeatedSource(l, wrapper.provider());
            int off = l.length() - s.length();
            if (s.isEmpty()) {
                continue; // the source or an agency tag alone on its line
            }
            Dateline d = Dateline.find(s);
            if (d == null && off > 0) {
                d = Dateline.cityColon(s);
            }
            boolean caption = Headlines.isCaptionParagraph(l) || d == null && isShortLeadBeforeDateline(lines, i);
            if (d != null && !(caption && datelineAfter(lines, i) >= 0)) {
                String by = d.byline() != null ? d.byline() : byline;
                return withTrailingByline(lines, at, wrapper, d, i, off + d.bodyStart(), by);
            }
            if (d == null && (PageLines.endMarker(l) != null || PageLines.isStopLine(l))) {
                break;
            }
            String b = d == null ? PageLines.bylineLine(l) : null;
            if (b != null) {
                byline = byline == null ? b : byline;
            } else if (!caption || datelineAfter(lines, i) < 0) {
                break;
            }
        }
        // no dateline: the text starts at the first line that is not a byline
        int start = bodyLine;
        while (start >= 0 && PageLines.bylineLine(lines.get(start)) != null) {
            start = PageLines.nextNonBlank(lines, start + 1);
        }
        return new Anchor(at, wrapper, null, byline, start, 0);
    }

    /** Most words a caption paragraph before the dateline holds. */
    private static final int CAPTION_MAX_WORDS = 40;

    /**
     * A caption by position: a short paragraph (at most {@value #CAPTION_MAX_WORDS} words, no end marker, no
     * dateline of its own) whose next non-blank line opens with a dateline carrying an agency tag
     * ({@code X (right) meets Y in Z.} then {@code RIYADH, March 9 (KUNA) -- …}). The article starts at the dateline.
     */
    static boolean isShortLeadBeforeDateline(List<String> lines, int i) {
        String l = lines.get(i);
        if (l.split(" ").length > CAPTION_MAX_WORDS || PageLines.endMarker(l) != null || PageLines.isStopLine(l)
                || PageLines.isFurniture(l) || Dateline.find(l) != null) {
            return false;
        }
        int j = PageLines.nextNonBlank(lines, i + 1);
        Dateline d = j < 0 ? null : Dateline.find(lines.get(j));
        return d != null && d.agency() != null;
    }

    /** The line of a dateline within the next few non-blank lines after {@code i}, bylines skipped; else -1. */
    static int datelineAfter(List<String> lines, int i) {
        int j = PageLines.nextNonBlank(lines, i + 1);
        for (int k = 0; k < LOOK_AHEAD - 1 && j >= 0; k++, j = PageLines.nextNonBlank(lines, j + 1)) {
            String l = lines.get(j);
            Dateline d = Dateline.find(l);
            if (d != null && (d.agency() != null || !Headlines.isCaptionParagraph(l))) {
                return j;
            }
            if (PageLines.bylineLine(l) == null) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * A byline right after the dateline: {@code BAKU, Azerbaijan, February 17. By Name – Trend:} on the line, or
     * {@code By Name} alone on the next line when the dateline ends its line.
     */
    private static Anchor withTrailingByline(List<String> lines, int at, ProviderWrapper wrapper, Dateline d,
                                             int line, int offset, String byline) {
        String l = lines.get(line);
        String after = offset >= l.length() ? "" : l.substring(offset);
        if (byline == null) {
            PageLines.Byline b = PageLines.leadingByline(after);
            if (b != null && b.textNext()) {
                return new Anchor(at, wrapper, d, b.name(), line, offset + b.end());
            }
            if (b != null && b.end() >= after.length()) {
                return nextLine(at, wrapper, d, b.name(), lines, line);
            }
            if (after.isBlank()) {
                int next = PageLines.nextNonBlank(lines, line + 1);
                String nb = next < 0 ? null : PageLines.bylineLine(lines.get(next));
                if (nb != null) {
                    return nextLine(at, wrapper, d, nb, lines, next);
                }
            }
        }
        return new Anchor(at, wrapper, d, byline, line, offset);
    }

    /** The body starts on the non-blank line after {@code line} (the end of the page when there is none). */
    private static Anchor nextLine(int at, ProviderWrapper wrapper, Dateline d, String byline, List<String> lines,
                                   int line) {
        int next = PageLines.nextNonBlank(lines, line + 1);
        return next < 0 ? new Anchor(at, wrapper, d, byline, line, lines.get(line).length())
                : new Anchor(at, wrapper, d, byline, next, 0);
    }

    /**
     * Drops a source name repeated right after the wrapper ({@code (MENAFN- The Peninsula) The Peninsula}) and an
     * agency tag of the provider table before a dateline or alone ({@code QNA Doha: …}).
     */
    static String stripRepeatedSource(String rest, String provider) {
        if (provider.length() > 2 && rest.regionMatches(true, 0, provider, 0, provider.length())
                && (rest.length() == provider.length() || rest.charAt(provider.length()) == ' ')) {
            return rest.substring(provider.length()).strip();
        }
        int sp = rest.indexOf(' ');
        String word = sp < 0 ? rest : rest.substring(0, sp);
        if (!Providers.isAgencyTag(word)) {
            return rest;
        }
        if (sp < 0) {
            return "";
        }
        String after = rest.substring(sp + 1).strip();
        Dateline whole = Dateline.find(rest);
        if ((whole == null || !word.equals(whole.city())) && (Dateline.find(after) != null
                || Dateline.cityColon(after) != null)) {
            return after;
        }
        return rest;
    }
}
