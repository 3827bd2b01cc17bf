package org.wirearchive.core.extract;

import java.util.ArrayList;
import java.util.List;
import org.wirearchive.core.menafn.Providers;

/**
 * Body phase: the article text from the body start to the end marker ({@code (end)}, …), a stop line (trailer,
 * page counter, comment form, the site's own name, a time-stamp line) or a paragraph ending with an agency tail
 * ({@code – KUNA}, {@code – QNA}, any tag of the provider table). Finds the editor initials after the end marker.
 *
 * @param lines        the body lines as printed (blank lines kept)
 * @param initials     the editor initials, or null
 * @param endSeen      true when an end marker or an agency tail ended the body
 * @param sourceLine   the provider named by a {@code Source:} line or an agency tail, or null
 * @param trailerStart the first line after the body
 */
record BodyScan(List<String> lines, String initials, boolean endSeen, String sourceLine, int trailerStart) {

    /** Reads the body of {@code lines} from line {@code bodyLine}, offset {@code bodyOffset}. */
    static BodyScan read(List<String> lines, int bodyLine, int bodyOffset, String siteKey) {
        int n = lines.size();
        List<String> body = new ArrayList<>();
        String firstPart = lines.get(bodyLine).substring(Math.min(bodyOffset, lines.get(bodyLine).length()));
        for (int i = bodyLine; i < n; i++) {
            String l = i == bodyLine ? firstPart : lines.get(i);
            if (i == bodyLine + 1 && body.size() == 1 && body.get(0).isEmpty() && (l.equals("--") || l.equals("-"))) {
                continue; // lone "--" line after a dateline with no dash
            }
            PageLines.EndMarker em = PageLines.endMarker(l);
            if (em != null) {
                body.add(l.substring(0, em.start()).strip());
                return endMarker(lines, body, i, l.substring(em.end()).strip());
            }
            if ((i > bodyLine || bodyOffset == 0) && isStop(l, i > bodyLine, siteKey)) {
                return stopLine(body, l, i);
            }
            String[] tail = agencyTail(l);
            if (tail != null) {
                body.add(tail[0]);
                return new BodyScan(body, null, true, tail[1], i + 1);
            }
            body.add(l);
        }
        return new BodyScan(body, null, false, null, n);
    }

    private static boolean isStop(String l, boolean notFirst, String siteKey) {
        return PageLines.isStopLine(l) || l.length() <= 32 && DateText.numericTimestamp(l) != null
                || notFirst && Headlines.isSiteName(l, siteKey);
    }

    /** The body ended by an end marker on line {@code i}; initials after it, or alone on a following line. */
    private static BodyScan endMarker(List<String> lines, List<String> body, int i, String after) {
        String initials = PageLines.initials(after);
        int trailerStart = i + 1;
        if (initials == null && after.replace(".", "").isBlank()) {
            int j = PageLines.nextNonBlank(lines, i + 1);
            if (j >= 0 && j - i <= 4) {
                String cand = PageLines.initials(lines.get(j));
                if (cand != null && cand.length() == lines.get(j).length()) {
                    initials = cand;
                    trailerStart = j + 1;
                }
            }
        }
        return new BodyScan(body, initials, true, null, trailerStart);
    }

    /** The body ended by a stop line: a {@code Source:} line names the provider; {@code //Petra// AB} initials. */
    private static BodyScan stopLine(List<String> body, String l, int i) {
        String sourceLine = null;
        String initials = null;
        if (l.regionMatches(true, 0, "Source:", 0, 7) && l.length() < 80) {
            sourceLine = l.substring(7).strip();
        }
        if (l.startsWith("//") && l.indexOf("//", 2) > 2 && Providers.isAgencyTag(l.substring(2, l.indexOf("//", 2)))) {
            String rest = l.substring(l.indexOf("//", 2) + 2).strip();
            if (!rest.isEmpty() && rest.length() <= 5 && rest.chars().allMatch(Character::isLetter)) {
                initials = rest;
            }
        }
        return new BodyScan(body, initials, false, sourceLine, i);
    }

    /**
     * A paragraph ending with a dash and an agency tag of the provider table ({@code … said. – KUNA},
     * {@code - QNA}, {@code -- WAM}, {@code — Petra}): the paragraph without it and the tag, or null.
     */
    static String[] agencyTail(String l) {
        for (String tag : Providers.agencyTags()) {
            // the tag must stand alone after a blank (checked first: cheaper than the case-blind comparison)
            if (l.length() <= tag.length() + 3 || !Character.isWhitespace(l.charAt(l.length() - tag.length() - 1))
                    || !l.regionMatches(true, l.length() - tag.length(), tag, 0, tag.length())) {
                continue;
            }
            String head = l.substring(0, l.length() - tag.length());
            String trimmed = head.stripTrailing();
            if (trimmed.length() == head.length()) {
                continue; // the tag must stand alone after a blank
            }
            int k = trimmed.length();
            while (k > 0 && "-\u2013\u2014".indexOf(trimmed.charAt(k - 1)) >= 0) {
                k--;
            }
            if (k == trimmed.length() || k == 0 || trimmed.charAt(k - 1) != ' ') {
                continue;
            }
            String text = trimmed.substring(0, k).strip();
            if (!text.isEmpty()) {
                return new String[] {text, l.substring(l.length() - tag.length())};
            }
        }
        return null;
    }
}
