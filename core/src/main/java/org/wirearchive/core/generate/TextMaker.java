package org.wirearchive.core.generate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Builds invented headlines and bodies from {@link Words} and sentence templates. */
final class TextMaker {

    private TextMaker() {
    }

    /** The facts one story is about; rewordings of the same story share them. */
    record Facts(String country, String country2, String role, String minister, String org, String topic,
                 String topic2, String event, String company, String person2, int amount, int percent, int year,
                 String city) {

        static Facts random(Random r, LocalDate day) {
            String c1 = Words.pick(r, Words.COUNTRIES);
            String c2 = Words.pick(r, Words.COUNTRIES);
            while (c2.equals(c1)) {
                c2 = Words.pick(r, Words.COUNTRIES);
            }
            String t1 = Words.pick(r, Words.TOPICS);
            String t2 = Words.pick(r, Words.TOPICS);
            return new Facts(c1, c2, Words.pick(r, Words.ROLES), Words.person(r), Words.pick(r, Words.ORGS), t1, t2,
                    Words.pick(r, Words.EVENTS), Words.company(r), Words.person(r), 5 + r.nextInt(995),
                    2 + r.nextInt(60), day.getYear() + 1 + r.nextInt(8), Words.pick(r, Words.CITIES));
        }
    }

    // Family A: the wording most stories use. {x} slots are filled from the facts and a few random picks.
    private static final String[] FAMILY_A = {
        "{C1}'s {ROLE} {MIN} {SAID} on {WD} that talks with {C2} on {T1} had reached an advanced stage.",
        "The two sides reviewed ways to expand cooperation in {T1} and {T2}, {ORG} {SAID} in a statement.",
        "{MIN} {SAID} the plan would cost about {AMT} million dollars over {N} years.",
        "Officials expect a {ADJ} rise of {PCT} percent in {T2} projects by {YEAR}, according to {ORG}.",
        "The meeting was held on the sidelines of {EVENT} attended by delegations from {N2} countries.",
        "{P2}, an adviser to {ORG}, {SAID} the agreement opened the door for {CO} to bid on new contracts.",
        "He {SAID} that {C1} was keen to strengthen ties with {C2} in all fields, especially {T1}.",
        "A joint working group will meet every {N} months to follow up on the implementation, the statement added.",
        "The {ROLE} also met representatives of {CO} to discuss the progress of {T2} schemes.",
        "Figures released by {ORG} showed a {ADJ} increase of {PCT} percent compared with the previous year.",
        "{MIN} called on the private sector to take a larger role in {T1}, citing {N2} pending applications.",
        "The delegation is scheduled to visit {CITYT} later this week for further talks on {T2}.",
        "Both sides signed {N} memoranda of understanding covering {T1}, {T2} and training.",
        "The first phase is due to start in {YEAR}, with {CO} acting as the main contractor, {P2} {SAID}.",
        "{ORG} {SAID} it had received {N2} proposals and would announce the winners within {N} weeks.",
        "The talks touched on regional developments and the need for {ADJ} coordination between the two countries.",
        "According to the statement, the budget for {T2} will grow by {PCT} percent next year.",
        "{P2} {SAID} that the results so far were {ADJ} and encouraging for investors in {C1}.",
        "The event drew about {N3} participants, including experts in {T1} from {N2} countries.",
        "He thanked {C2} for its support and invited its companies to take part in {EVENT} in {CITYT}.",
    };

    // Family B: a different wording of the same facts (the same press release from another provider).
    private static final String[] FAMILY_B = {
        "Negotiators from {C1} and {C2} are close to a deal on {T1}, according to {MIN}, who holds the {ROLE} post.",
        "In remarks published by {ORG}, officials listed {T1} and {T2} as priority areas for the coming period.",
        "Spending on the programme is estimated at {AMT} million dollars, to be disbursed over {N} years.",
        "By {YEAR}, {T2} projects could grow by {PCT} percent, figures from {ORG} suggest.",
        "Delegations from {N2} nations gathered for {EVENT}, where the talks took place.",
        "{CO} stands to gain from the accord, {P2} told reporters, noting fresh tenders ahead.",
        "Cooperation with {C2} remains a cornerstone of policy for {C1}, the minister told the gathering.",
        "Monitoring of the accord falls to a committee convening at intervals of {N} months.",
        "Executives of {CO} briefed the minister on where {T2} work currently stands.",
        "Year on year, {ORG} recorded growth of {PCT} percent, its newest data indicate.",
        "Private firms were urged to invest more heavily in {T1}, with {N2} requests still awaiting approval.",
        "Further rounds on {T2} are planned in {CITYT} in the days ahead.",
    };

    /** A body of about {@code bytes} characters in family A, as paragraphs (no dateline). */
    static List<String> body(Random r, Facts f, int bytes) {
        return paragraphs(r, f, bytes, FAMILY_A);
    }

    /** The same facts in the other wording (family B). */
    static List<String> rewordedBody(Random r, Facts f, int bytes) {
        return paragraphs(r, f, bytes, FAMILY_B);
    }

    private static List<String> paragraphs(Random r, Facts f, int bytes, String[] family) {
        List<String> paragraphs = new ArrayList<>();
        int total = 0;
        int next = r.nextInt(family.length);
        // the first sentence is always the family's lead
        StringBuilder para = new StringBuilder(fill(r, f, family[0]));
        int inPara = 1;
        total += para.length();
        while (total < bytes) {
            next = (next + 1 + r.nextInt(3)) % family.length;
            if (next == 0) {
                next = 1;
            }
            String sentence = fill(r, f, family[next]);
            if (inPara >= 1 + r.nextInt(3)) {
                paragraphs.add(para.toString());
                para = new StringBuilder(sentence);
                inPara = 1;
            } else {
                para.append(' ').append(sentence);
                inPara++;
            }
            total += sentence.length() + 1;
        }
        paragraphs.add(para.toString());
        return paragraphs;
    }

    static String fill(Random r, Facts f, String template) {
        String s = template.replace("{C1}", f.country()).replace("{C2}", f.country2()).replace("{ROLE}", f.role())
                .replace("{MIN}", f.minister()).replace("{ORG}", f.org()).replace("{T1}", f.topic())
                .replace("{T2}", f.topic2()).replace("{EVENT}", f.event()).replace("{CO}", f.company())
                .replace("{P2}", f.person2()).replace("{AMT}", Integer.toString(f.amount()))
                .replace("{PCT}", Integer.toString(f.percent())).replace("{YEAR}", Integer.toString(f.year()))
                .replace("{CITYT}", Words.capital(f.city().toLowerCase(java.util.Locale.ROOT)));
        while (s.contains("{SAID}")) {
            s = s.replaceFirst("\\{SAID}", Words.pick(r, Words.VERBS_SAID));
        }
        s = s.replace("{WD}", Words.pick(r, Words.WEEKDAYS)).replace("{ADJ}", Words.pick(r, Words.ADJECTIVES))
                .replace("{N}", Integer.toString(2 + r.nextInt(9))).replace("{N2}", Integer.toString(11 + r.nextInt(80)))
                .replace("{N3}", Integer.toString(100 + r.nextInt(4900)));
        // the lead sentence starts a paragraph: capitalise "the ..." leads
        return Words.capital(s);
    }

    /** A headline from the facts, Title Case. */
    static String headline(Random r, Facts f) {
        String[] forms = {
            "{C1}, {C2} Discuss Cooperation In {T1}",
            "{C1} {ROLE} Receives {C2} Delegation",
            "{C1} Plans {AMT} Mln Dollar {T1} Programme",
            "{ORG} Reports {PCT} Pct Growth In {T2}",
            "{C1}, {C2} Sign Accords On {T1} And {T2}",
            "{CO} Wins Contract For {T2} Scheme In {C1}",
        };
        return titleCase(fill(r, f, forms[r.nextInt(forms.length)]));
    }

    static String titleCase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(start ? Character.toUpperCase(c) : c);
            start = c == ' ';
        }
        return sb.toString();
    }

    /** Daily briefing items: one sentence each, {@code CITY -- text}; shares only the template with other days. */
    static List<String> briefingItems(Random r, LocalDate day, int bytes) {
        List<String> items = new ArrayList<>();
        int total = 0;
        while (total < bytes) {
            Facts f = Facts.random(r, day);
            String item = f.city() + " -- " + fill(r, f, FAMILY_A[r.nextInt(FAMILY_A.length)]);
            items.add(item);
            total += item.length() + 1;
        }
        return items;
    }

    /**
     * The yearly "Today in Kuwait's History" list for one calendar day: the same events every year (they depend only
     * on the seed, month and day), plus one item per elapsed year after {@code baseYear}.
     */
    static List<String> historyItems(long seed, int month, int day, int year, int baseYear) {
        Random r = new Random(seed * 31L + month * 100L + day);
        List<String> items = new ArrayList<>();
        int n = 9 + r.nextInt(4);
        int y = 1950 + r.nextInt(10);
        for (int i = 0; i < n; i++) {
            y += 1 + r.nextInt(7);
            Facts f = Facts.random(r, LocalDate.of(y, 1, 1));
            items.add(y + " -- " + historyEvent(r, f));
        }
        for (int extra = baseYear; extra < year; extra++) {
            Random e = new Random(seed * 17L + extra * 1000L + month * 40L + day);
            Facts f = Facts.random(e, LocalDate.of(extra, 1, 1));
            items.add(extra + " -- " + historyEvent(e, f));
        }
        return items;
    }

    private static String historyEvent(Random r, Facts f) {
        String[] forms = {
            "Kuwait and {C2} signed an agreement on {T1}.",
            "{ORG} opened its first office for {T2}.",
            "The {ROLE} inaugurated a project for {T1} worth {AMT} million dinars.",
            "Kuwait hosted {EVENT} on {T2} with {N2} countries taking part.",
            "{CO} was founded to work in {T1}.",
            "The national assembly approved a law on {T2}.",
        };
        return fill(r, f, forms[r.nextInt(forms.length)]);
    }
}
