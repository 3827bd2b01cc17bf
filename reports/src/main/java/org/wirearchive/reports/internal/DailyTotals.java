package org.wirearchive.reports.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.wirearchive.store.report.ReportRows;

/**
 * The rows of {@code provider_daily.csv} added up while {@code articles.csv} is written, so that the articles are
 * read once for both: articles per publication date and provider key from the streamed article rows, duplicates and
 * rejects from the store's input side ({@code ReportSession.inputsDaily}). {@link #rows} gives exactly the rows, in
 * the order, of the SQL the {@code provider_daily} view runs: one per date and key of either side, the least
 * {@code provider} name of the group's articles, zeros where a side has none, dates ascending then keys, nulls last.
 * Keys and names are ordered as the database orders text (its collation), which the caller supplies. Memory grows
 * with days x providers, never with the number of articles.
 */
public final class DailyTotals {

    private record Key(LocalDate date, String providerKey) {
    }

    private static final class Group {
        long articles;
        long duplicates;
        long rejects;
        Set<String> providers; // the distinct names of the group's articles, usually one
    }

    private final Map<Key, Group> groups = new HashMap<>();

    /** Counts one article. */
    public void article(LocalDate date, String providerKey, String provider) {
        Group g = groups.computeIfAbsent(new Key(date, providerKey), k -> new Group());
        g.articles++;
        if (provider != null) {
            if (g.providers == null) {
                g.providers = new HashSet<>(2);
            }
            g.providers.add(provider);
        }
    }

    /** Adds a row of the input side: a date and key with its duplicates and rejects. */
    public void inputs(ReportRows.Daily row) {
        Group g = groups.computeIfAbsent(new Key(row.publishedDate(), row.providerKey()), k -> new Group());
        g.duplicates += row.duplicates() == null ? 0 : row.duplicates();
        g.rejects += row.rejects() == null ? 0 : row.rejects();
    }

    /**
     * The rows in report order. {@code collationOrder} returns the given texts without nulls and repeats, in the
     * database's order of text.
     */
    public List<ReportRows.Daily> rows(Function<Collection<String>, List<String>> collationOrder) {
        Set<String> texts = new TreeSet<>(); // a fixed order of the question, whatever the hash order
        for (Map.Entry<Key, Group> e : groups.entrySet()) {
            if (e.getKey().providerKey() != null) {
                texts.add(e.getKey().providerKey());
            }
            if (e.getValue().providers != null) {
                texts.addAll(e.getValue().providers);
            }
        }
        Map<String, Integer> rank = new HashMap<>();
        for (String t : collationOrder.apply(texts)) {
            rank.put(t, rank.size());
        }
        if (rank.size() != texts.size()) {
            throw new IllegalStateException("the database ordered " + rank.size() + " of " + texts.size() + " texts");
        }
        Comparator<String> byRank = Comparator.comparing(rank::get);
        List<Map.Entry<Key, Group>> sorted = new ArrayList<>(groups.entrySet());
        sorted.sort(Comparator.comparing((Map.Entry<Key, Group> e) -> e.getKey().date(),
                Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(e -> e.getKey().providerKey(), Comparator.nullsLast(byRank)));
        List<ReportRows.Daily> rows = new ArrayList<>(sorted.size());
        for (Map.Entry<Key, Group> e : sorted) {
            Group g = e.getValue();
            String provider = g.providers == null ? null : g.providers.stream().min(byRank).orElseThrow();
            rows.add(new ReportRows.Daily(e.getKey().date(), e.getKey().providerKey(), provider, g.articles,
                    g.duplicates, g.rejects));
        }
        return rows;
    }
}
