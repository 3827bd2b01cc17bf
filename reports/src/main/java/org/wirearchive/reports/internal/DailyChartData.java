package org.wirearchive.reports.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The numbers behind the articles-per-provider chart of {@code report.html}, without any drawing: the bar's span
 * ({@code day}, {@code month} or {@code year}, chosen by the length of the dated range), the series (the largest
 * providers, then {@code other}) and the articles per bucket and series. {@link HtmlReport} draws them.
 *
 * @param unit        {@code day} up to 62 days, {@code month} up to 72 months, else {@code year}
 * @param series      the series in drawing order: the largest providers, then {@code other} when there are more
 * @param other       whether the last series is {@code other}
 * @param counts      per bucket label (in date order, every bucket of the range), the articles per series
 * @param perProvider articles per provider label, all providers
 * @param top         the providers with a series of their own
 */
record DailyChartData(String unit, List<String> series, boolean other, Map<String, long[]> counts,
        Map<String, Long> perProvider, List<String> top) {

    /** The chart's data, or null when no row has a date and articles. */
    static DailyChartData of(List<ReportData.DailyRow> daily, int topProviders) {
        Map<String, Long> perProvider = new TreeMap<>();
        LocalDate min = null;
        LocalDate max = null;
        for (ReportData.DailyRow r : daily) {
            if (r.date() == null || r.articles() == 0) {
                continue;
            }
            LocalDate day = LocalDate.parse(r.date());
            min = min == null || day.isBefore(min) ? day : min;
            max = max == null || day.isAfter(max) ? day : max;
            perProvider.merge(providerLabel(r), r.articles(), Long::sum);
        }
        if (min == null) {
            return null;
        }
        List<String> ranked = new ArrayList<>(perProvider.keySet());
        ranked.sort(Comparator.comparing((String k) -> -perProvider.get(k)).thenComparing(Comparator.naturalOrder()));
        boolean other = ranked.size() > topProviders;
        List<String> top = other ? List.copyOf(ranked.subList(0, topProviders)) : List.copyOf(ranked);
        List<String> series = new ArrayList<>(top);
        if (other) {
            series.add("other");
        }
        long days = ChronoUnit.DAYS.between(min, max) + 1;
        String unit = days <= 62 ? "day" : ChronoUnit.MONTHS.between(YearMonth.from(min), YearMonth.from(max)) < 72
                ? "month" : "year";
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (String b : buckets(unit, min, max)) {
            counts.put(b, new long[series.size()]);
        }
        for (ReportData.DailyRow r : daily) {
            if (r.date() == null || r.articles() == 0) {
                continue;
            }
            String b = "day".equals(unit) ? r.date() : "month".equals(unit) ? r.date().substring(0, 7)
                    : r.date().substring(0, 4);
            int s = series.indexOf(providerLabel(r));
            counts.get(b)[s < 0 ? series.size() - 1 : s] += r.articles();
        }
        return new DailyChartData(unit, List.copyOf(series), other, counts, perProvider, top);
    }

    private static List<String> buckets(String unit, LocalDate min, LocalDate max) {
        List<String> buckets = new ArrayList<>();
        if ("day".equals(unit)) {
            for (LocalDate x = min; !x.isAfter(max); x = x.plusDays(1)) {
                buckets.add(x.toString());
            }
        } else if ("month".equals(unit)) {
            for (YearMonth m = YearMonth.from(min); !m.isAfter(YearMonth.from(max)); m = m.plusMonths(1)) {
                buckets.add(m.toString());
            }
        } else {
            for (int y = min.getYear(); y <= max.getYear(); y++) {
                buckets.add(Integer.toString(y));
            }
        }
        return buckets;
    }

    /** The tallest bar: the largest sum over the series of one bucket. */
    long peak() {
        long peak = 0;
        for (long[] c : counts.values()) {
            long sum = 0;
            for (long v : c) {
                sum += v;
            }
            peak = Math.max(peak, sum);
        }
        return peak;
    }

    /** All dated articles. */
    long dated() {
        return perProvider.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The articles of series {@code s}: its provider's, or all providers' without a series for {@code other}. */
    long total(int s) {
        return "other".equals(series.get(s)) && other ? perProvider.entrySet().stream()
                .filter(en -> !top.contains(en.getKey())).mapToLong(Map.Entry::getValue).sum()
                : perProvider.get(series.get(s));
    }

    private static String providerLabel(ReportData.DailyRow r) {
        if (r.providerKey() != null) {
            return r.providerKey();
        }
        return r.provider() != null ? r.provider() : "(unknown)";
    }
}
