package org.wirearchive.store.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Which store rows a set of reports covers, as SQL predicates over {@code articles a} and over {@code sources s}
 * (an input's article is reached through a subquery), with their parameters.
 *
 * @param runId          restrict to rows this run touched, or null for the whole store
 * @param from           first publication date (inclusive), or null for no range
 * @param to             last publication date (inclusive), or null for no range
 * @param includeUndated with a range: also rows without a publication date
 */
public record Selection(Long runId, LocalDate from, LocalDate to, boolean includeUndated) {

    /**
     * An input's publication date: its own, else its article's. The article is read only when the input has no date
     * (COALESCE stops at its first non-null argument), and no report query needs a join for it.
     */
    static final String SOURCE_DATE = "COALESCE(s.published_date,"
            + " (SELECT x.published_date FROM articles x WHERE x.article_key = s.article_key))";

    /** An input's provider key: its own, else its article's (read only when the input has none). */
    static final String SOURCE_PROVIDER = "COALESCE(s.provider_key,"
            + " (SELECT x.provider_key FROM articles x WHERE x.article_key = s.article_key))";

    /** Everything in the store. */
    public static Selection wholeStore() {
        return new Selection(null, null, null, true);
    }

    /** A predicate on {@code articles a} ({@code 1 = 1} when unrestricted). */
    String articleWhere() {
        List<String> parts = new ArrayList<>();
        if (runId != null) {
            parts.add("(a.first_seen_run = ? OR a.updated_run = ?)");
        }
        if (from != null) {
            parts.add(range("a.published_date"));
        }
        return parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts);
    }

    /** The parameters of {@link #articleWhere()}, in order. */
    List<Object> articleParams() {
        List<Object> params = new ArrayList<>();
        if (runId != null) {
            params.add(runId);
            params.add(runId);
        }
        if (from != null) {
            params.add(from);
            params.add(to);
        }
        return params;
    }

    /** A predicate on {@code sources s} ({@code 1 = 1} when unrestricted); it names no other table alias. */
    String sourceWhere() {
        List<String> parts = new ArrayList<>();
        if (runId != null) {
            parts.add("s.run_id = ?");
        }
        if (from != null) {
            parts.add(range(SOURCE_DATE));
        }
        return parts.isEmpty() ? "1 = 1" : String.join(" AND ", parts);
    }

    /** The parameters of {@link #sourceWhere()}, in order. */
    List<Object> sourceParams() {
        List<Object> params = new ArrayList<>();
        if (runId != null) {
            params.add(runId);
        }
        if (from != null) {
            params.add(from);
            params.add(to);
        }
        return params;
    }

    private String range(String column) {
        String between = column + " BETWEEN ? AND ?";
        return includeUndated ? "(" + between + " OR " + column + " IS NULL)" : between;
    }
}
