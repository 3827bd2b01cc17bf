package org.wirearchive.core.extract;

import org.wirearchive.core.article.Warning;
import org.wirearchive.core.article.DateSource;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.wirearchive.core.article.MenafnDocId;
import org.wirearchive.core.article.Published;

/**
 * Resolves {@code published}, recording where it came from. First that applies: the header date line nearest above
 * the anchor (a numeric timestamp wins over a written date; an impossible one is passed over for the next), the doc id's date, a briefing title's date, the
 * dateline (its year, or the crawl date's year), a footer time stamp. A candidate later than the crawl date is
 * impossible: it is skipped with the warning {@code published-after-crawl} and the next source is tried.
 */
final class PublishedResolver {

    /** Which rule chose a publication date; {@link #dateSource()} is the source the article records. */
    enum Source {
        TIMESTAMP(DateSource.TIMESTAMP),
        DOC_ID(DateSource.DOC_ID),
        TITLE(DateSource.TITLE),
        DATELINE(DateSource.DATELINE),
        DATELINE_CRAWL_YEAR(DateSource.DATELINE_CRAWL_YEAR),
        FOOTER_TIMESTAMP(DateSource.TIMESTAMP);

        private final DateSource dateSource;

        Source(DateSource dateSource) {
            this.dateSource = dateSource;
        }

        DateSource dateSource() {
            return dateSource;
        }
    }

    /** A resolved date and its source (null value when nothing applies). */
    record Resolved(Published value, Source source) {
    }

    private PublishedResolver() {
    }

    static Resolved resolve(List<HeaderScan.DateLine> header, MenafnDocId docId, String headline, Dateline dateline,
                            Published footer, LocalDate crawlDate, List<String> warnings) {
        Check check = new Check(crawlDate, warnings);
        Published p = nearest(header, true, check);
        if (p == null) {
            p = nearest(header, false, check);
        }
        if (p != null) {
            return new Resolved(p, Source.TIMESTAMP);
        }
        if (docId != null && docId.date().isPresent()) {
            p = check.ok(Published.on(docId.date().get(), Source.DOC_ID.dateSource()));
            if (p != null) {
                return new Resolved(p, Source.DOC_ID);
            }
        }
        if (headline != null && headline.toLowerCase(Locale.ROOT).contains("main news for")) {
            DateText.Found f = DateText.writtenDate(headline);
            p = f == null ? null : check.ok(Published.on(f.date(), Source.TITLE.dateSource()));
            if (p != null) {
                return new Resolved(p, Source.TITLE);
            }
        }
        if (dateline != null && dateline.month() > 0) {
            Resolved r = fromDateline(dateline, crawlDate, warnings);
            if (r != null) {
                return r;
            }
        }
        p = check.ok(footer);
        return p == null ? new Resolved(null, null) : new Resolved(p, Source.FOOTER_TIMESTAMP);
    }

    /** The date line nearest above the anchor, numeric or written, that is not after the crawl date. */
    private static Published nearest(List<HeaderScan.DateLine> header, boolean numeric, Check check) {
        for (int i = header.size() - 1; i >= 0; i--) {
            if (header.get(i).numeric() == numeric) {
                Published p = check.ok(header.get(i).value());
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    /**
     * Dateline month/day with the year of the crawl date; a date more than two days after the crawl date takes the
     * year before (year boundaries). A year printed in the dateline is used as is, unless it is after the crawl.
     */
    static Resolved fromDateline(Dateline d, LocalDate crawlDate, List<String> warnings) {
        try {
            if (d.year() >= 1990 && d.year() <= 2100) {
                Published p = new Check(crawlDate, warnings)
                        .ok(Published.on(LocalDate.of(d.year(), d.month(), d.day()), Source.DATELINE.dateSource()));
                return p == null ? null : new Resolved(p, Source.DATELINE);
            }
            if (crawlDate == null) {
                return null;
            }
            LocalDate date = LocalDate.of(crawlDate.getYear(), d.month(), Math.min(d.day(), 28))
                    .withDayOfMonth(d.day());
            if (date.isAfter(crawlDate.plusDays(2))) {
                date = LocalDate.of(crawlDate.getYear() - 1, d.month(), 1).withDayOfMonth(d.day());
                warnings.add(Warning.DATELINE_YEAR_BEFORE_CRAWL.code());
            }
            return new Resolved(Published.on(date, Source.DATELINE_CRAWL_YEAR.dateSource()), Source.DATELINE_CRAWL_YEAR);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Drops candidates after the crawl date, warning once. */
    private static final class Check {
        private final LocalDate crawlDate;
        private final List<String> warnings;

        Check(LocalDate crawlDate, List<String> warnings) {
            this.crawlDate = crawlDate;
            this.warnings = warnings;
        }

        Published ok(Published p) {
            if (p == null || crawlDate == null || !p.date().isAfter(crawlDate)) {
                return p;
            }
            if (!warnings.contains("published-after-crawl")) {
                warnings.add(Warning.PUBLISHED_AFTER_CRAWL.code());
            }
            return null;
        }
    }
}
