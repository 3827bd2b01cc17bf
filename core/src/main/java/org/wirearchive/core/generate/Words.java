package org.wirearchive.core.generate;

import java.util.List;
import java.util.Random;

/** Invented vocabulary: every sentence the generator writes is assembled from these lists. */
final class Words {

    private Words() {
    }

    static final List<String> CITIES = List.of("KUWAIT", "AMMAN", "BAKU", "DOHA", "RIYADH", "CAIRO", "TOKYO",
            "GENEVA", "BEIRUT", "MUSCAT", "MANAMA", "NEW YORK", "PARIS", "LONDON", "ANKARA", "TUNIS", "RABAT",
            "ABU DHABI", "BRUSSELS", "VIENNA", "SEOUL", "BEIJING", "NEW DELHI", "JAKARTA", "NAIROBI", "ROME");

    static final List<String> COUNTRIES = List.of("Kuwait", "Jordan", "Azerbaijan", "Qatar", "Saudi Arabia",
            "Egypt", "Japan", "Switzerland", "Lebanon", "Oman", "Bahrain", "the United States", "France",
            "the United Kingdom", "Turkiye", "Tunisia", "Morocco", "the UAE", "Belgium", "Austria", "South Korea",
            "China", "India", "Indonesia", "Kenya", "Italy");

    static final List<String> ROLES = List.of("Minister of Finance", "Minister of Health", "Foreign Minister",
            "Minister of Oil", "Minister of Education", "Minister of Commerce and Industry", "Interior Minister",
            "Minister of Public Works", "Minister of Social Affairs", "Minister of Information", "Defense Minister",
            "Minister of Electricity and Water", "Minister of Justice", "Minister of Youth");

    static final List<String> ORGS = List.of("the central bank", "the chamber of commerce", "the planning council",
            "the national assembly", "the port authority", "the public investment fund", "the statistics bureau",
            "the environment agency", "the civil aviation directorate", "the water authority", "the housing board",
            "the red crescent society", "the stock exchange", "the customs administration", "the energy regulator",
            "the university council", "the fisheries commission", "the cultural heritage office");

    static final List<String> TOPICS = List.of("renewable energy", "water desalination", "food security",
            "digital services", "port logistics", "public health", "vocational training", "housing loans",
            "fisheries", "air transport", "cyber security", "heritage restoration", "small enterprises",
            "border trade", "rail links", "refugee relief", "tourism promotion", "desert farming", "coastal protection",
            "tax reform", "pension funds", "climate adaptation", "sports facilities", "student exchanges");

    static final List<String> EVENTS = List.of("a joint committee meeting", "a ministerial forum",
            "an investment conference", "a regional workshop", "a donor round", "a trade exhibition",
            "a technical symposium", "a coordination session", "a bilateral summit", "an expert panel");

    static final List<String> ADJECTIVES = List.of("significant", "steady", "modest", "remarkable", "gradual",
            "notable", "sharp", "limited", "broad", "measured", "swift", "cautious");

    static final List<String> VERBS_SAID = List.of("said", "stated", "noted", "stressed", "affirmed", "explained",
            "pointed out", "added", "underlined", "announced");

    static final List<String> WEEKDAYS = List.of("Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
            "Saturday", "Sunday");

    static final List<String> SYLLABLES = List.of("al", "ba", "da", "fa", "ha", "ja", "ka", "la", "ma", "na", "ra",
            "sa", "ta", "wa", "za", "mir", "sul", "har", "nad", "rash", "kha", "zim", "qar", "tel", "bin", "dor",
            "fer", "gul", "hem", "ib", "jor", "kem", "lut", "mun", "nor", "os", "pel", "rud", "sif", "tam", "ul",
            "ver", "yas");

    static final List<String> INITIALS = List.of("mk", "ibi", "xy.ab", "ah.gb", "kt", "mm.ha", "sd", "rk.ms",
            "aa", "bs", "hm.ys", "nz", "fa.ta", "gd", "jy");

    /** Month names, January first (no locale involved). */
    static final List<String> MONTHS = List.of("January", "February", "March", "April", "May", "June", "July",
            "August", "September", "October", "November", "December");

    /** KUNA dateline month forms. */
    static final List<String> KUNA_MONTHS = List.of("Jan", "Feb", "March", "April", "May", "June", "July", "Aug",
            "Sept", "Oct", "Nov", "Dec");

    /** Jordan News Agency dateline month forms. */
    static final List<String> PETRA_MONTHS = List.of("Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.",
            "Sep.", "Oct.", "Nov.", "Dec.");

    static <T> T pick(Random r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    /** An invented person name, e.g. {@code Sulmar Al-Kemdor}. */
    static String person(Random r) {
        return capital(syllables(r, 2)) + " Al-" + capital(syllables(r, 2 + r.nextInt(2)));
    }

    /** An invented company or project name. */
    static String company(Random r) {
        return capital(syllables(r, 2 + r.nextInt(2))) + " " + pick(r, List.of("Holding", "Group", "Logistics",
                "Energy", "Development Company", "Industries", "Partners"));
    }

    private static String syllables(Random r, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(pick(r, SYLLABLES));
        }
        return sb.toString();
    }

    static String capital(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1);
    }
}
