package org.wirearchive.core.menafn;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Provider knowledge, read once from the table {@code org/wirearchive/core/providers.tsv}: provider names and their
 * canonical keys (so that {@code Kuwait News Agency (KUNA)}, {@code KUNA} and {@code Kuwait News Agency} group
 * together as {@code kuna}), agency tags, MENAFN doc-id provider codes, site and paper names, host names, title
 * suffix words, stop lines and photo-credit prefixes. Every extraction rule that needs a provider literal asks this
 * class; adding a provider touches only the table. Unknown providers get a key made from their name (lower case,
 * letters and digits, words joined by {@code -}).
 */
public final class Providers {

    /** The key for MENAFN's own editorial copy ({@code (MENAFN)} wrapper). */
    public static final String MENAFN = "menafn";

    /** The resource the table is read from. */
    public static final String TABLE = "/org/wirearchive/core/providers.tsv";

    /** A known provider: the name as MENAFN prints it and its key. */
    public record Known(String name, String key) {
    }

    private static final Table T = Table.load();

    private Providers() {
    }

    /** The canonical key of a provider name as printed; null for null or blank input. */
    public static String key(String provider) {
        if (provider == null) {
            return null;
        }
        String words = words(provider);
        if (words.isEmpty()) {
            return null;
        }
        String known = T.keyByName.get(words);
        return known != null ? known : words.replace(' ', '-');
    }

    /** The provider for a known doc-id provider code, or empty (unknown codes are never guessed). */
    public static Optional<Known> byCode(String providerCode) {
        return providerCode == null ? Optional.empty() : Optional.ofNullable(known(T.keyByCode.get(providerCode)));
    }

    /** The provider of a key, or empty when the table names none (agencies known only by their tag). */
    public static Optional<Known> byKey(String key) {
        return Optional.ofNullable(known(key));
    }

    /** True for an agency tag of the table ({@code KUNA}, {@code Petra}, {@code كونا}, {@code QNA}, …), any case. */
    public static boolean isAgencyTag(String word) {
        return word != null && T.keyByTag.containsKey(word.toLowerCase(Locale.ROOT));
    }

    /** The provider behind an agency tag, or empty (unknown tag, or an agency without a provider row). */
    public static Optional<Known> byTag(String tag) {
        return tag == null ? Optional.empty() : Optional.ofNullable(known(T.keyByTag.get(tag.toLowerCase(Locale.ROOT))));
    }

    /** The agency tags as printed in the table, longest first. */
    public static List<String> agencyTags() {
        return T.tags;
    }

    /** True for a site's or paper's own name (lower-case comparison after stripping). */
    public static boolean isSiteName(String line) {
        return line != null && T.sites.contains(line.strip().toLowerCase(Locale.ROOT));
    }

    /** The length of the longest site name ({@link #isSiteName}): a longer stripped line is none. */
    public static int longestSiteName() {
        return T.longestSite;
    }

    /** The provider key whose own site is {@code host} or one of its sub-domains, or null. */
    public static String keyByHost(String host) {
        if (host == null) {
            return null;
        }
        String h = host.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : T.keyByHost.entrySet()) {
            if (h.equals(e.getKey()) || h.endsWith("." + e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Words that mark a short {@code " - Site"} suffix of an HTML title (lower case). */
    public static List<String> titleSuffixWords() {
        return T.titleSuffixes;
    }

    /** Lines that end the article body when they are all the line (lower case). */
    public static Set<String> stopLines() {
        return T.stopLines;
    }

    /** Prefixes of lines that end the article body (lower case). */
    public static List<String> stopPrefixes() {
        return T.stopPrefixes;
    }

    /** Prefixes of photo credits and marked captions (lower case). */
    public static List<String> creditPrefixes() {
        return T.creditPrefixes;
    }

    private static Known known(String key) {
        if (key == null) {
            return null;
        }
        String name = T.nameByKey.get(key);
        return name == null ? null : new Known(name, key);
    }

    /** Lower case, letters and digits only, words separated by one space. */
    private static String words(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                if (space && sb.length() > 0) {
                    sb.append(' ');
                }
                space = false;
                sb.append(Character.toLowerCase(c));
            } else if (c != '\'' && c != '\u2019') {
                space = true;
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** The parsed table. */
    private static final class Table {
        final Map<String, String> nameByKey = new HashMap<>();
        final Map<String, String> keyByName = new HashMap<>();
        final Map<String, String> keyByTag = new HashMap<>();
        final Map<String, String> keyByCode = new HashMap<>();
        final Map<String, String> keyByHost = new LinkedHashMap<>();
        final Set<String> sites = new LinkedHashSet<>();
        final List<String> titleSuffixes = new ArrayList<>();
        final Set<String> stopLines = new LinkedHashSet<>();
        final List<String> stopPrefixes = new ArrayList<>();
        final List<String> creditPrefixes = new ArrayList<>();
        List<String> tags = new ArrayList<>();
        int longestSite;

        static Table load() {
            Table t = new Table();
            try (InputStream in = Providers.class.getResourceAsStream(TABLE)) {
                if (in == null) {
                    throw new IllegalStateException("the provider table " + TABLE + " is missing from the class path");
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                String line;
                int no = 0;
                while ((line = r.readLine()) != null) {
                    no++;
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] c = line.split("\t", -1);
                    if (c.length != 3 || c[1].isEmpty() || c[2].isEmpty()) {
                        throw new IllegalStateException(TABLE + " line " + no + ": expected kind, key, value: " + line);
                    }
                    t.add(c[0], c[1], c[2], no);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            t.tags.sort((a, b) -> b.length() - a.length());
            t.tags = List.copyOf(t.tags);
            t.longestSite = t.sites.stream().mapToInt(String::length).max().orElse(0);
            return t;
        }

        void add(String kind, String key, String value, int no) {
            String lower = value.toLowerCase(Locale.ROOT);
            switch (kind) {
                case "provider" -> {
                    nameByKey.putIfAbsent(key, value);
                    keyByName.put(words(value), key);
                    keyByName.putIfAbsent(key.replace('-', ' '), key);
                }
                case "name" -> keyByName.put(words(value), key);
                case "tag" -> {
                    keyByTag.put(lower, key);
                    tags.add(value);
                }
                case "code" -> keyByCode.put(value, key);
                case "site" -> sites.add(lower);
                case "host" -> keyByHost.put(lower, key);
                case "title-suffix" -> titleSuffixes.add(lower);
                case "stop-line" -> stopLines.add(lower);
                case "stop-prefix" -> stopPrefixes.add(lower);
                case "credit-prefix" -> creditPrefixes.add(lower);
                default -> throw new IllegalStateException(TABLE + " line " + no + ": unknown kind " + kind);
            }
        }
    }

    static {
        // the table must name every key it refers to in a code row: a code never maps to a nameless provider
        for (Map.Entry<String, String> e : Collections.unmodifiableMap(T.keyByCode).entrySet()) {
            if (!T.nameByKey.containsKey(e.getValue())) {
                throw new IllegalStateException(TABLE + ": code " + e.getKey() + " refers to key " + e.getValue()
                        + " without a provider row");
            }
        }
    }
}
