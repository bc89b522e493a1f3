package dev.heroku4j.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.heroku4j.client.ConfigVars;
import dev.heroku4j.client.HerokuClient;
import dev.heroku4j.client.model.FormationUpdateOpts;
import dev.heroku4j.simulator.HerokuSimulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web page in a real browser: headless Chromium (Debian's {@code chromium} and {@code chromium-driver} packages)
 * driven by Selenium, against the application as it runs by default, with no API key, so on the embedded simulator.
 * Skipped when Chromium is not installed. Chromium may resolve no host but 127.0.0.1, so it cannot reach the internet.
 * Leaves a screenshot in {@code target/sample-app-page.png}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        args = { "--heroku.api-key=", "--HEROKU_API_KEY=", "--NETRC=/nonexistent/netrc", "--user.home=/nonexistent" })
class PageBrowserTests {

    private static final Path CHROMIUM = Path.of(System.getProperty("sample.chromium.binary", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("sample.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    static Path profile;

    /** Selenium logs through java.util.logging; its "no CDP for this Chromium version" note is noise here. */
    private static final java.util.logging.Logger CDP_LOG = java.util.logging.Logger
        .getLogger("org.openqa.selenium.devtools.CdpVersionFinder");
    private static final java.util.logging.Logger CHROMIUM_LOG = java.util.logging.Logger
        .getLogger("org.openqa.selenium.chromium.ChromiumDriver");

    private static ChromeDriver browser;

    @LocalServerPort
    int port;

    @Autowired
    HerokuSimulator simulator;

    @Autowired
    HerokuClient client;

    @BeforeAll
    static void startChromium() {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            return; // each test is then reported as skipped, with the reason (see chromiumInstalled)
        }
        CDP_LOG.setLevel(java.util.logging.Level.OFF);
        CHROMIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        // An explicit driver and binary: Selenium Manager never runs, so nothing is downloaded.
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
                "--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1");
        ChromeDriverService service = new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
        browser = new ChromeDriver(service, options);
    }

    @BeforeEach
    void chromiumInstalled() {
        assumeTrue(browser != null, () -> "Skipping the browser test: needs Chromium at " + CHROMIUM
                + " and ChromeDriver at " + CHROMEDRIVER + " (Debian: apt-get install -y chromium chromium-driver)");
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void showsTheAppsAndScalesAProcessType() throws IOException {
        browser.get("http://127.0.0.1:" + port + "/");
        WebDriverWait wait = waiting();
        wait.until(ExpectedConditions.attributeToBe(By.id("apps"), "aria-busy", "false"));

        List<String> apps = browser.findElements(By.cssSelector("section.app h2")).stream().map(WebElement::getText).toList();
        assertThat(apps).containsExactly("demo-inventory-api", "demo-storefront", "demo-storefront-staging");
        WebElement storefront = app("demo-storefront");
        assertThat(storefront.findElement(By.cssSelector("ul.dynos")).getText()).contains("web.1 up", "worker.1 up");
        assertThat(storefront.findElement(By.cssSelector("ul.releases")).getText()).contains("Deploy 9b7e03d");
        assertThat(browser.findElement(By.id("backend")).getText())
            .isEqualTo("Heroku API: " + simulator.baseUrl() + " (built-in simulator with demo data)");

        WebElement form = app("demo-inventory-api").findElement(By.cssSelector("form[data-process='web']"));
        WebElement quantity = form.findElement(By.name("quantity"));
        quantity.clear();
        quantity.sendKeys("3");
        form.findElement(By.tagName("button")).click();

        wait.until(ExpectedConditions.textToBe(By.id("status"), "demo-inventory-api: web scaled to 3"));
        wait.until(driver -> app("demo-inventory-api").findElement(By.cssSelector("td.quantity")).getText().equals("× 3"));
        assertThat(client.formation().formationInfo("demo-inventory-api", "web").getQuantity()).isEqualTo(3);
        assertThat(simulator.journal().invalid()).isEmpty();

        Path screenshot = Path.of("target", "sample-app-page.png");
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshot, StandardCopyOption.REPLACE_EXISTING);
        assertThat(screenshot).isNotEmptyFile();
    }

    @Test
    void showsHerokuEventsLiveNewestFirst() {
        browser.get("http://127.0.0.1:" + port + "/");
        WebDriverWait wait = waiting();
        wait.until(ExpectedConditions.attributeToBe(By.id("apps"), "aria-busy", "false"));

        // two changes made elsewhere (not through the page): each arrives as a signed delivery and shows in the list,
        // newest first (dyno events of the scaling come too, so the list is searched, not its first line)
        client.formation().formationUpdate("demo-storefront-staging", "web", new FormationUpdateOpts().quantity(2));
        wait.until(driver -> eventIndex("api:formation update demo-storefront-staging · web × 2") >= 0);
        client.configVar().configVarUpdate("demo-storefront-staging", ConfigVars.set("FEATURE_X", "on"));
        wait.until(driver -> eventIndex("api:release create demo-storefront-staging · v") >= 0);
        List<String> events = events(); // one reading: more events (dynos) may arrive while the test looks
        int release = indexIn(events, "api:release create demo-storefront-staging · v");
        assertThat(events.get(release)).contains("succeeded: Set FEATURE_X config vars");
        assertThat(release).as("the release came later, so it is listed above the formation")
            .isLessThan(indexIn(events, "api:formation update demo-storefront-staging · web × 2"));
        assertThat(simulator.journal().invalid()).isEmpty();
    }

    private static List<String> events() {
        return browser.findElements(By.cssSelector("#event-list li")).stream().map(WebElement::getText).toList();
    }

    private static int eventIndex(String prefix) {
        return indexIn(events(), prefix);
    }

    private static int indexIn(List<String> events, String prefix) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).startsWith(prefix)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void tailsTheLogsOfAnApp() {
        browser.get("http://127.0.0.1:" + port + "/");
        WebDriverWait wait = waiting();
        wait.until(ExpectedConditions.attributeToBe(By.id("apps"), "aria-busy", "false"));

        app("demo-storefront").findElement(By.xpath(".//button[text()='Tail logs']")).click();

        wait.until(driver -> app("demo-storefront").findElement(By.cssSelector("pre.logs")).getText()
            .contains("State changed from starting to up"));
    }

    /** The page replaces an app's card when it reloads it, so an element found a moment ago may be gone. */
    private static WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    private static WebElement app(String name) {
        return browser.findElement(By.cssSelector("section[data-app='" + name + "']"));
    }

}
