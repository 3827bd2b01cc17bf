package org.wirearchive.batch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes test pages in the MENAFN text-dump layout of the archive (invented text, the real layout). */
public final class Pages {

    private static final String NB = "\u00a0";

    private Pages() {
    }

    /** A page in the seed's layout: crawl-date line with a widget (its date varies), Arabic link, menu, headline... */
    public static String menafn(String crawlDate, String headline, String timestamp, String city, String monthDay,
                                String body, String initials, String docId) {
        String menu = NB + "  " + NB + "  " + NB + " " + NB + " US " + NB + "  " + NB + " Europe " + NB + "  Arab " + NB
                + "  Asia " + NB + "  Africa " + NB + " \n| " + NB + " Politics " + NB + "  Economy " + NB
                + "  Oil&Energy " + NB + " \n" + NB + "  " + NB + " Entertainment " + NB + "  Sport\n";
        String[] paragraphs = body.split("\n");
        StringBuilder sb = new StringBuilder();
        int h = headline.hashCode(); // the header widget shows whatever date the site's header had: vary it
        sb.append(" date ").append(crawlDate).append(' ').append(java.time.LocalDate.of(2014 + Math.floorMod(h, 18),
                1 + Math.floorMod(h >> 5, 12), 1 + Math.floorMod(h >> 9, 28)).format(java.time.format.DateTimeFormatter
                .ofPattern("EEEE, dd MMMM uuuu", java.util.Locale.ENGLISH))).append(" 12:17 GMT\n")
                .append("\u0639\u0631\u0628\u064a\n\n\n")
                .append(menu).append('\n')
                .append(headline).append("\n\n\n")
                .append(timestamp).append('\n')
                .append("(MENAFN- Kuwait News Agency (KUNA)) ").append(city).append(", ").append(monthDay)
                .append(" (KUNA) -- ").append(paragraphs[0]).append('\n');
        for (int i = 1; i < paragraphs.length; i++) {
            sb.append(paragraphs[i]);
            sb.append(i == paragraphs.length - 1 ? " (end)\n" : "\n");
        }
        if (paragraphs.length == 1) {
            sb.setLength(sb.length() - 1);
            sb.append(" (end)\n");
        }
        sb.append(initials).append("\n\n\n").append(docId).append("\n\nLegal Disclaimer:\n")
                .append("MENAFN provides the information \u201cas is\u201d without warranty of any kind.\n\n")
                .append("Tags\n\nLabel\n\nComments\n\nNo comment\n\nCategory\n\nDate\n\nSearch\n");
        return sb.toString();
    }

    public static Path write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    public static Path writeGzip(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** A small archive: 3 distinct stories, a re-crawl of one (other header date), a gzip copy, an empty file. */
    public static void smallArchive(Path dir) throws IOException {
        String b1 = "Officials of the two ministries met on Wednesday to review a plan for new coastal parks.\n"
                + "The plan covers four sites and a cycling path, the ministry said in a statement.";
        String b2 = "The central bank kept its benchmark rate unchanged at its monthly meeting, citing stable prices.\n"
                + "Analysts had expected the decision, a spokesman said.";
        String b3 = "A delegation of engineers visited the new desalination plant north of the city on Monday.\n"
                + "The plant will supply water to twenty thousand homes by the end of the year.";
        write(dir.resolve("2025-06-26/a1.txt"), menafn("2025-06-26", "Ministries Review Coastal Parks Plan",
                "2025-06-26 05:05:38", "KUWAIT", "June 26", b1, "mk", "MENAFN26062025000071011013ID1109726370"));
        write(dir.resolve("2025-06-26/a2.txt"), menafn("2025-06-26", "Central Bank Holds Rate Steady",
                "2025-06-26 08:10:00", "KUWAIT", "June 26", b2, "ab.cd", "MENAFN26062025000071011013ID1109726371"));
        write(dir.resolve("2025-06-27/a3.txt"), menafn("2025-06-27", "Engineers Visit Desalination Plant",
                "2025-06-27 09:00:00", "JAHRA", "June 27", b3, "xyz", "MENAFN27062025000071011013ID1109726400"));
        // the same story as a1, re-crawled a night later
        write(dir.resolve("2025-06-27/a1-recrawl.txt"), menafn("2025-06-27", "Ministries Review Coastal Parks Plan",
                "2025-06-26 05:05:38", "KUWAIT", "June 26", b1, "mk", "MENAFN26062025000071011013ID1109726370"));
        // the same story as a2, compressed
        writeGzip(dir.resolve("2025-06-28/a2-copy.txt.gz"), menafn("2025-06-28", "Central Bank Holds Rate Steady",
                "2025-06-26 08:10:00", "KUWAIT", "June 26", b2, "ab.cd", "MENAFN26062025000071011013ID1109726371"));
        write(dir.resolve("2025-06-28/empty.txt"), "");
    }
}
