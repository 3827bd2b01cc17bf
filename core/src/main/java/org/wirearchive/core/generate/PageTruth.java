package org.wirearchive.core.generate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * What the generator printed on one page: the fields a correct reader of the page extracts. Written by the generator
 * from its own drawing, never from the parser's rules or constants, so that comparing the two is a real check.
 *
 * @param layout            the page layout ({@code menafn-seed}, {@code menafn-plain}, {@code menafn-wrapper-line},
 *                          {@code menafn-spaced-wrapper}, {@code menafn-no-wrapper}, {@code kuna-html},
 *                          {@code menafn-html})
 * @param published         the publication time the story was drawn with
 * @param timePrinted       the page prints the time (a timestamp line or HTML date); else only the date is on the page
 *                          (in the MENAFN document id)
 * @param crawlDate         the crawl date printed on the page's ` date ` line, or null when the page has none
 * @param headline          the title as printed, or null when the page prints none
 * @param provider          the provider's name ({@code Kuwait News Agency (KUNA)})
 * @param providerKey       a short lower-case key for the provider ({@code kuna}, {@code jna}, {@code azernews})
 * @param providerPrinted   the page names the provider (a wrapper, or the KUNA site's title suffix)
 * @param datelineCity      the city the dateline prints, or null when the page has no dateline
 * @param menafnDocId       the {@code MENAFN…ID…} document id printed in the footer, or null
 * @param menafnArticleNo   the MENAFN article number (in the document id and the URL), or null
 * @param kunaId            the KUNA id (in the kuna.net.kw URL), or null
 * @param url               the canonical URL printed in an HTML page, or null
 * @param authors           the byline's names ({@code A and B}), or null when the page has no byline
 * @param caption           the photo caption printed before the dateline, or null
 * @param initials          the editor's initials after {@code (end)}
 * @param body              the article text: the paragraphs after the dateline, joined by {@code \n}; no dateline,
 *                          byline, caption, {@code (end)} or initials
 */
public record PageTruth(String layout, LocalDateTime published, boolean timePrinted, LocalDate crawlDate,
                        String headline, String provider, String providerKey, boolean providerPrinted,
                        String datelineCity, String menafnDocId, Long menafnArticleNo, Long kunaId, String url,
                        String authors, String caption, String initials, String body) {

    public PageTruth {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(published, "published");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(body, "body");
    }

    /** The publication as far as the page tells it: {@code 2023-03-06T17:36:54}, or {@code 2023-03-06}. */
    public String publishedIso() {
        return timePrinted ? String.format(Locale.ROOT, "%sT%s", published.toLocalDate(),
                PageWriter.timestamp(published).substring(11)) : published.toLocalDate().toString();
    }

    /**
     * The body with every run of whitespace (spaces, tabs, line ends, no-break spaces) folded to one space, trimmed:
     * what two correct readings of the same page agree on whatever their paragraph and line-end conventions.
     */
    public static String fold(String text) {
        return text.replaceAll("[\\s\\u00A0]+", " ").trim();
    }

    /** Lower-case hex SHA-256 of the UTF-8 {@link #fold folded} body. */
    public String bodySha256() {
        return sha256(fold(body));
    }

    // its own digest, not TextNormalizer.sha256Hex: the generator is an oracle and shares no code with the parser
    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The CSV columns after the six label columns, in {@link ArchiveGenerator#TRUTH_HEADER}'s order, quoted where needed. */
    String csvFields() {
        return String.join(",", layout, csv(headline), csv(provider), Boolean.toString(providerPrinted),
                csv(datelineCity), csv(menafnDocId), menafnArticleNo == null ? "" : menafnArticleNo.toString(),
                kunaId == null ? "" : kunaId.toString(), csv(authors), csv(caption),
                Integer.toString(fold(body).length()), bodySha256());
    }

    /** An RFC 4180 field: quoted when it holds a comma, quote or line end; empty for null. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
