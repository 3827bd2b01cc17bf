package org.wirearchive.reports.internal;

import static org.wirearchive.reports.internal.Cells.date;
import static org.wirearchive.reports.internal.Cells.decimal;
import static org.wirearchive.reports.internal.Cells.number;

import org.wirearchive.store.report.ReportRows;

/** The store's report rows as the cells of their report, in its header's order (null for an empty cell). */
public final class RowCells {

    private RowCells() {
    }

    /** A row of {@code articles.csv}. */
    public static String[] of(ReportRows.Article a) {
        return new String[] {a.articleKey(), a.menafnDocId(), number(a.menafnArticleNo()), a.menafnProviderCode(),
            number(a.kunaId()), a.provider(), a.providerKey(), a.headline(), a.headlineSource(), a.published(),
            date(a.publishedDate()), a.publishedSource(), date(a.crawlDate()), a.datelineCity(), a.byline(),
            a.editorInitials(), a.language(), a.url(), a.format(), a.bodySha256(), number(a.bodyLength()),
            a.warnings(), a.canonicalSource(), number(a.sourceCount()), number(a.firstSeenRun()),
            date(a.firstSeenDate()), number(a.updatedRun()), a.body()};
    }

    /** A row of {@code sources.csv}. */
    public static String[] of(ReportRows.Source s) {
        return new String[] {s.source(), s.status(), s.articleKey(), s.duplicateOf(), s.reason(), s.reasonText(),
            decimal(s.similarity()), s.url(), s.bodySha256(), date(s.publishedDate()), s.providerKey(),
            number(s.runId()), date(s.runDate()), number(s.firstSeenRun())};
    }

    /** A row of {@code duplicates.csv}. */
    public static String[] of(ReportRows.Duplicate d) {
        return new String[] {d.source(), d.articleKey(), d.duplicateOf(), d.reason(), decimal(d.similarity()),
            date(d.publishedDate()), d.providerKey(), d.canonicalSource(), d.headline(), number(d.runId()),
            date(d.runDate())};
    }

    /** A row of {@code rejects.csv}. */
    public static String[] of(ReportRows.Reject r) {
        return new String[] {r.source(), r.reason(), r.reasonText(), r.url(), number(r.runId()), date(r.runDate()),
            number(r.firstSeenRun())};
    }

    /** A row of {@code provider_daily.csv}. */
    public static String[] of(ReportRows.Daily d) {
        return new String[] {date(d.publishedDate()), d.providerKey(), d.provider(), number(d.articles()),
            number(d.duplicates()), number(d.rejects())};
    }

    /** Duplicates of a rule as {@code report.html} lists them: rule, count, mean similarity. */
    public static String[] of(ReportRows.RuleCount r) {
        return new String[] {r.rule(), Long.toString(r.count()), decimal(r.meanSimilarity())};
    }

    /** Rejects of a reason as {@code report.html} lists them: reason, count. */
    public static String[] of(ReportRows.ReasonCount r) {
        return new String[] {r.reason(), Long.toString(r.count())};
    }
}
