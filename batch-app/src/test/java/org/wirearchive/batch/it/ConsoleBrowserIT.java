package org.wirearchive.batch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.wirearchive.core.generate.ArchiveGenerator;
import org.wirearchive.core.generate.GeneratorSpec;

/**
 * The console in a real browser (Debian's chromium through chromedriver): a night killed with -9 shows as crashed
 * with the file it stopped at; the operator recovers and restarts it with the token through the pages' forms, watches
 * it complete, and the store then holds exactly what a clean run of the same archive stores. With
 * {@code -Dwirearchive.screenshots=DIR} it saves the pages' screenshots there (docs/console-*.png).
 */
class ConsoleBrowserIT {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final String TOKEN = "browser-test-token-41d2";

    @TempDir
    static Path shared;

    static Path work;
    static Path edited;
    static Path clean;
    static ConsoleFixture.Console console;
    static WebDriver driver;

    @BeforeAll
    static void crashANightAndServeIt() throws Exception {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String why = "no browser: " + CHROMIUM + " and " + CHROMEDRIVER + " are needed (apt-get install chromium "
                    + "chromium-driver)";
            if ("true".equals(System.getenv("WA_TEST_BROWSER_REQUIRED"))) {
                throw new AssertionError(why + ", and WA_TEST_BROWSER_REQUIRED=true");
            }
            Assumptions.abort(why + "; the console's browser test is skipped");
        }
        new ArchiveGenerator().generate(GeneratorSpec.of(300, shared.resolve("gen"), 11));
        Path archive = shared.resolve("gen/archive");
        edited = editedCopy(shared.resolve("gen"));
        clean = Files.createDirectories(shared.resolve("clean"));
        Launcher.Result r = Launcher.run(clean, Map.of("WIREARCHIVE_JAVA_OPTS",
                "-Xmx384m -XX:TieredStopAtLevel=1 -Dwirearchive.chunk-size=10"), "ingest", "--input",
                archive.toString(), "--run-date", ConsoleFixture.DATE);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        work = Files.createDirectories(shared.resolve("work"));
        Map<String, String> slow = Map.of("WIREARCHIVE_JAVA_OPTS", ConsoleFixture.SLOW_OPTS);
        ConsoleFixture.crashedNight(work, archive, slow, 60);
        console = ConsoleFixture.Console.start(work, Map.of("WIREARCHIVE_JAVA_OPTS", ConsoleFixture.SLOW_OPTS,
                "WIREARCHIVE_CONSOLE_TOKEN", TOKEN));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1400,1000", "--lang=en-US");
        driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1400, 1000));
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (console != null) {
            console.close();
        }
    }

    @Test
    @DisplayName("a night killed with -9: seen crashed, recovered and restarted from the browser, the same articles as a clean run")
    void recoverAndRestartFromTheBrowser() throws Exception {
        driver.get(console.base() + "/");
        WebElement badge = driver.findElement(By.cssSelector("#executions tr[data-id='1'] .badge"));
        assertThat(badge.getText()).isEqualTo("CRASHED");
        assertThat(driver.findElement(By.cssSelector("#executions tr[data-id='1'] .reason")).getText()).contains("crashed");
        assertThat(driver.findElement(By.cssSelector("#grid a.cell.crashed")).getAttribute("href")).endsWith("/executions/1");

        driver.findElement(By.cssSelector("#executions tr[data-id='1'] a")).click();
        assertThat(text("status")).isEqualTo("CRASHED");
        String stopped = text("stopped-at");
        assertThat(stopped).startsWith("Stopped at file ").contains(shared.resolve("gen/archive").toString());
        screenshot("console-night.png");

        // recover: the confirmation says what will happen, the form asks for the token
        driver.findElement(By.id("action-recover")).click();
        assertThat(driver.findElement(By.className("consequence")).getText()).contains("FAILED").contains("no live process");
        driver.findElement(By.id("token")).sendKeys(TOKEN);
        driver.findElement(By.id("confirm")).click();
        awaitActionState("succeeded", 120);
        assertThat(text("action-message")).contains("recovered");

        driver.get(console.base() + "/executions/1");
        assertThat(text("status")).isEqualTo("FAILED");
        driver.findElement(By.id("action-restart")).click();
        assertThat(driver.findElement(By.className("consequence")).getText()).contains("last committed chunk");
        driver.findElement(By.id("token")).sendKeys(TOKEN);
        driver.findElement(By.id("confirm")).click();
        // the form posts, then the browser follows the redirect to the action's page: wait for the navigation
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .withMessage(() -> "no action page; the page says: " + driver.findElement(By.tagName("body")).getText())
                .until(d -> d.getCurrentUrl().contains("/actions/"));
        String actionUrl = driver.getCurrentUrl();

        // the nights page while it runs: live progress (files, inputs/s, ETA), updated by the console's script
        driver.get(console.base() + "/");
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> {
            d.navigate().refresh();
            return !d.findElements(By.cssSelector("section.running [data-field='files']")).isEmpty()
                    || !d.findElements(By.cssSelector("#executions .badge.completed")).isEmpty();
        });
        if (!driver.findElements(By.cssSelector("section.running [data-field='files']")).isEmpty()) {
            assertThat(driver.findElement(By.cssSelector("section.running")).getText()).contains("files")
                    .contains("inputs/s").contains("ETA");
            screenshot("console-nights.png");
        }

        driver.get(actionUrl);
        awaitActionState("succeeded", 240);
        assertThat(driver.findElement(By.id("action-log")).getText()).contains("COMPLETED");

        driver.get(console.base() + "/");
        List<WebElement> rows = driver.findElements(By.cssSelector("#executions tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).findElement(By.className("badge")).getText()).isEqualTo("COMPLETED");
        assertThat(rows.get(1).findElement(By.className("badge")).getText()).isEqualTo("FAILED");
        if (screenshots() != null && !Files.exists(screenshots().resolve("console-nights.png"))) {
            screenshot("console-nights.png");
        }
        rows.get(0).findElement(By.tagName("a")).click();
        assertThat(text("status")).isEqualTo("COMPLETED");
        assertThat(driver.findElements(By.cssSelector("ul.reports a")).stream().map(WebElement::getText).toList())
                .contains("report.html", "articles.csv", "duplicates.csv");
        assertThat(driver.findElement(By.id("log")).getText()).contains("Restarting after");

        // the same store as a clean run of the same archive: every article, source, manifest row and the run's counts
        Map<String, String> cleanDump;
        Map<String, String> workDump;
        int articles;
        String key;
        String copy;
        try (Connection c = CrashRecoveryIT.connect(clean)) {
            cleanDump = CrashRecoveryIT.dump(c);
        }
        try (Connection c = CrashRecoveryIT.connect(work)) {
            workDump = CrashRecoveryIT.dump(c);
            articles = CrashRecoveryIT.count(c, "SELECT COUNT(*) FROM articles");
            List<String> dup = CrashRecoveryIT.query(c, "SELECT article_key, source, reason FROM sources WHERE "
                    + "source = '" + edited + "'");
            assertThat(dup).hasSize(1);
            assertThat(dup.get(0)).endsWith("|same-menafn-id");
            key = dup.get(0).substring(0, dup.get(0).indexOf('|'));
            copy = edited.toString();
        }
        assertThat(workDump).isEqualTo(cleanDump);

        driver.get(console.base() + "/articles");
        assertThat(driver.findElements(By.cssSelector("#articles tbody tr"))).hasSize(Math.min(100, articles));
        driver.get(console.base() + "/articles/" + key);
        String headline = text("headline");
        String word = java.util.Arrays.stream(headline.split("\\s+"))
                .max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        driver.get(console.base() + "/articles");
        driver.findElement(By.name("q")).sendKeys(word);
        driver.findElement(By.cssSelector("form.filter button")).click();
        // the form's GET loads a new page: wait for it (reading at once may catch the page between the two)
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.getCurrentUrl().contains("q=") && !d.findElements(By.id("articles")).isEmpty());
        assertThat(driver.findElement(By.id("articles")).getText()).contains(headline);
        screenshot("console-articles.png");

        driver.findElement(By.linkText(headline)).click();
        WebElement cluster = driver.findElement(By.id("cluster"));
        assertThat(cluster.getText()).contains(copy).contains("canonical");
        WebElement row = cluster.findElements(By.cssSelector("tbody tr")).stream()
                .filter(tr -> tr.getText().contains(copy)).findFirst().orElseThrow();
        row.findElement(By.className("diff-link")).click();
        assertThat(driver.findElement(By.id("diff")).getText()).contains(copy);
        // the copy lacks the last sentence of one paragraph: that row is changed, the words it lacks are marked
        List<WebElement> changed = driver.findElements(By.cssSelector("#diff-table tbody tr.chg"));
        assertThat(changed).hasSize(1);
        assertThat(changed.get(0).findElements(By.cssSelector("td:last-child mark"))).isNotEmpty();
        assertThat(driver.findElements(By.cssSelector("#diff-table tbody tr.same"))).isNotEmpty();
        driver.findElement(By.id("only-changes")).click();
        assertThat(driver.findElements(By.cssSelector("#diff-table tr.same")).stream()
                .noneMatch(WebElement::isDisplayed)).isTrue();
        assertThat(changed.get(0).isDisplayed()).isTrue();
        driver.get(driver.getCurrentUrl().replaceFirst("#.*$", "")); // the page from its top: fields and cluster
        screenshot("console-article.png");
        assertThat(driver.getPageSource()).doesNotContain(TOKEN);
    }

    /**
     * Adds to the archive a copy of a page of a single article with the last sentence of its longest body paragraph
     * removed: the same MENAFN document, so the same article, a less complete copy, and a diff to show.
     */
    static Path editedCopy(Path gen) throws Exception {
        for (String row : Files.readAllLines(gen.resolve("truth.csv"))) {
            String[] f = row.split(",");
            if (f.length > 2 && f[2].equals("single") && f[0].endsWith(".txt")) {
                Path page = gen.resolve("archive").resolve(f[0]);
                List<String> lines = new java.util.ArrayList<>(Files.readAllLines(page));
                int wrapper = -1;
                int longest = -1;
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).startsWith("(MENAFN-")) {
                        wrapper = i;
                    } else if (wrapper >= 0 && !lines.get(i).startsWith("MENAFN")
                            && (longest < 0 || lines.get(i).length() > lines.get(longest).length())) {
                        longest = i;
                    }
                    if (wrapper >= 0 && lines.get(i).startsWith("MENAFN") && lines.get(i).contains("ID")) {
                        break;
                    }
                }
                String para = lines.get(longest);
                int cut = para.substring(0, para.length() - 2).lastIndexOf(". ");
                if (wrapper < 0 || cut < 20) {
                    continue;
                }
                lines.set(longest, para.substring(0, cut + 1));
                Path copy = page.resolveSibling(page.getFileName().toString().replace(".txt", "-edited.txt"));
                Files.write(copy, lines);
                return copy;
            }
        }
        throw new AssertionError("no page of a single article with a paragraph of two sentences in " + gen);
    }

    private static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** Waits until the action page (which follows its action by itself) shows {@code state}. */
    private static void awaitActionState(String state, int seconds) {
        new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(d -> {
            List<WebElement> s = d.findElements(By.id("action-state"));
            try {
                String now = s.isEmpty() ? "" : s.get(0).getText();
                if (!now.equals("running") && !now.isEmpty() && !now.equals(state)) {
                    throw new AssertionError("the action ended " + now + ": " + d.findElement(By.tagName("main")).getText());
                }
                return now.equals(state) && d.findElements(By.cssSelector("#action-state[data-poll]")).isEmpty();
            } catch (org.openqa.selenium.StaleElementReferenceException reloading) {
                return false;
            }
        });
    }

    private static Path screenshots() {
        String dir = System.getProperty("wirearchive.screenshots");
        return dir == null || dir.isBlank() ? null : Launcher.root().resolve(dir);
    }

    private static void screenshot(String name) throws Exception {
        Path dir = screenshots();
        if (dir == null) {
            return;
        }
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.createDirectories(dir);
        Files.copy(shot.toPath(), dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }
}
