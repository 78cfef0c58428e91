package com.taggraph.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

import com.taggraph.ApiClient;
import com.taggraph.ApiTest;
import com.taggraph.TagGraphTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The /lineage page as a reviewer uses it, in Debian's headless Chromium: the drawn graph
 * is read back from Cytoscape, and Chrome's network log shows that no request left the
 * machine. Skipped where chromium or chromedriver is not installed ({@code .ci/run}
 * installs them). Screenshots go to target/screenshots/.
 */
@TagGraphTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "browserInstalled", disabledReason = "needs Debian's chromium and chromium-driver")
class LineagePageTest extends ApiTest {

	/**
	 * Debian's packages; another system's browser and driver can be named with
	 * -Dchromium=… -Dchromedriver=….
	 */
	static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
	static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));
	static final Path SCREENSHOTS = Path.of("target/screenshots");

	ChromeDriver browser;

	boolean signedIn;

	Path profile;

	final JsonMapper json = JsonMapper.builder().build();

	/** Checked before the app starts, so the class is reported as skipped at no cost. */
	static boolean browserInstalled() {
		return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
	}

	@BeforeAll
	void startBrowser() throws IOException {
		profile = Files.createTempDirectory("lineage-page-chromium");
		ChromeOptions options = new ChromeOptions();
		// an explicit browser and driver: Selenium Manager has nothing to look up or
		// download
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-default-apps", "--window-size=1600,1000", "--user-data-dir=" + profile,
				// only localhost resolves: even a request the log missed could not leave
				// the machine
				"--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.PERFORMANCE, Level.ALL);
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		// the browser's own start page is not the page under test
		browser.get("about:blank");
		browser.manage().logs().get(LogType.PERFORMANCE);
	}

	/**
	 * Signs in once through the app's own login form (served offline, like every page);
	 * the session cookie does the rest.
	 */
	@BeforeEach
	void signIn() {
		if (signedIn) {
			return;
		}
		browser.get(base() + "/lineage");
		assertThat(URI.create(browser.getCurrentUrl()).getPath()).as("an anonymous visit is sent to the login form")
			.isEqualTo("/login");
		browser.findElement(By.name("username")).sendKeys(ApiClient.TESTER);
		browser.findElement(By.name("password")).sendKeys(ApiClient.PASSWORD);
		browser.findElement(By.cssSelector("button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(d -> URI.create(d.getCurrentUrl()).getPath().equals("/lineage"));
		signedIn = true;
	}

	@AfterAll
	void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
		if (profile != null) {
			FileSystemUtils.deleteRecursively(profile.toFile());
		}
	}

	/**
	 * After every use of the page: nothing but this app was asked for anything, and no
	 * script failed.
	 */
	@AfterEach
	void everyRequestStayedOnThisMachineAndNoScriptFailed() {
		List<String> requested = new ArrayList<>();
		for (LogEntry entry : browser.manage().logs().get(LogType.PERFORMANCE)) {
			JsonNode message = json.readTree(entry.getMessage()).path("message");
			if (message.path("method").asString().equals("Network.requestWillBeSent")) {
				requested.add(message.path("params").path("request").path("url").asString());
			}
		}
		assertThat(requested).as("requests the page made")
			.isNotEmpty()
			.allSatisfy(url -> assertThat(url).matches("(http://localhost:" + port + "/|data:).*"));
		assertThat(script("return performance.getEntriesByType('resource').map(e => e.name)"))
			.asInstanceOf(InstanceOfAssertFactories.LIST)
			.allSatisfy(url -> assertThat((String) url).startsWith("http://localhost:" + port + "/"));
		assertThat(browser.manage().logs().get(LogType.BROWSER).getAll())
			.filteredOn(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
			.as("errors in the browser console")
			.isEmpty();
	}

	@Test
	void theLinkOfT0315DrawsItsLineageFromTheSourceSystemsLeftToRight() throws IOException {
		open("?code=T0315", "T0315");

		// the credit rule reads the billing month and the payment and arrears tags
		assertThat(drawnNodes()).contains("S1", "S1.A_RCVBL_FLOW", "S1.A_RCVBL_FLOW.RCVBL_YM", "T0308", "T0309",
				"T0310", "T0311", "T0315", "C03.06");
		assertThat(script("return cy.$id('S1').data('name')")).isEqualTo("营销业务应用系统");
		assertThat(script("return cy.$id('T0315').data('label')")).asString().contains("T0315").contains("customers");
		assertThat(text("summary")).contains("S1 营销业务应用系统");
		// the rule computing it, as its lineage edges carry it
		Object sql = read(
				"MATCH (:Tag {code: 'T0315'})-[d:DERIVED_FROM {origin: 'RULE'}]->() RETURN d.transform AS sql")
			.get(0)
			.get("sql");
		assertThat(script("return document.getElementById('rule-sql').textContent")).isEqualTo(sql);
		assertThat(script("return document.getElementById('rule').hidden")).isEqualTo(false);
		// systems → tables → fields → tags → classes, and a derived tag right of the tags
		// it comes from
		assertThat(List.of("S1", "S1.A_RCVBL_FLOW", "S1.A_RCVBL_FLOW.RCVBL_YM", "T0309", "T0315", "C03.06"))
			.extracting(this::x)
			.isSorted()
			.doesNotHaveDuplicates();
		screenshot("lineage-T0315.png");
	}

	@Test
	void typingACodeAndSubmittingShowsItAndMakesTheLinkOfIt() {
		browser.get(base() + "/lineage");
		WebElement box = browser.findElement(By.id("code"));
		box.sendKeys("T0315");
		waitUntil("the pick list offers T0315", () -> Boolean.TRUE
			.equals(script("return [...document.querySelectorAll('#codes option')].some(o => o.value === 'T0315')")));
		browser.findElement(By.cssSelector("#ask button[type=submit]")).click();

		waitForGraph("T0315");
		assertThat(drawnNodes()).contains("S1", "T0308", "T0309", "T0310", "T0311");
		assertThat(URI.create(browser.getCurrentUrl()).getQuery()).isEqualTo("code=T0315");
	}

	@Test
	void clickingANodeRecentresTheGraphOnIt() {
		open("?code=T0315", "T0315");

		click("T0309");
		waitForGraph("T0309");
		assertThat(URI.create(browser.getCurrentUrl()).getQuery()).isEqualTo("code=T0309");
		assertThat(drawnNodes()).contains("T0309", "S1").doesNotContain("T0315", "T0307");

		click("S1.A_RCVBL_FLOW");
		waitForGraph("S1.A_RCVBL_FLOW");
		assertThat(drawnNodes()).contains("S1.A_RCVBL_FLOW", "T0309", "T0315");
		assertThat(text("summary")).contains("distinct customer");

		browser.navigate().back();
		waitForGraph("T0309");
		browser.navigate().back();
		waitForGraph("T0315");
	}

	@Test
	void aSourceFieldShowsItsImpactDownstream() throws IOException {
		open("?code=S1.A_RCVBL_FLOW.RCVBL_YM", "S1.A_RCVBL_FLOW.RCVBL_YM");

		assertThat(drawnNodes()).contains("S1", "S1.A_RCVBL_FLOW", "S1.A_RCVBL_FLOW.RCVBL_YM", "T0309", "T0315",
				"C03.06");
		assertThat(text("summary"))
			.matches(".*affects \\d+ tag\\(s\\) in \\d+ class\\(es\\), [\\d,]+ distinct customer.*");
		assertThat(x("S1.A_RCVBL_FLOW.RCVBL_YM")).isLessThan(x("T0309"));
		screenshot("impact-S1.A_RCVBL_FLOW.RCVBL_YM.png");
	}

	@Test
	void downstreamOfATagShowsTheTagsDerivedFromIt() {
		open("?code=T0309&direction=DOWNSTREAM", "T0309");

		assertThat(drawnNodes()).contains("T0309", "T0315", "T0604").doesNotContain("S1");
		assertThat(x("T0309")).isLessThan(x("T0315"));
		assertThat(x("T0315")).isLessThan(x("T0604"));
	}

	@Test
	void anUnknownCodeIsSaidPlainly() {
		browser.get(base() + "/lineage?code=T9999");
		waitUntil("the page gives up on T9999", () -> "error".equals(script("return document.body.dataset.state")));

		assertThat(text("error")).contains("T9999");
		assertThat(drawnNodes()).isEmpty();
	}

	private void open(String query, String code) {
		browser.get(base() + "/lineage" + query);
		waitForGraph(code);
	}

	private void waitForGraph(String code) {
		waitUntil("the graph of " + code,
				() -> Boolean.TRUE.equals(script(
						"return document.body.dataset.state === 'ready' && document.body.dataset.code === arguments[0]",
						code)));
	}

	private void waitUntil(String what, Supplier<Boolean> condition) {
		new WebDriverWait(browser, Duration.ofSeconds(20))
			.withMessage(() -> what + "; page says: " + text("summary") + " / " + text("error"))
			.until(b -> condition.get());
	}

	/** A real mouse click where Cytoscape drew the node. */
	private void click(String code) {
		@SuppressWarnings("unchecked")
		Map<String, Number> at = (Map<String, Number>) script(
				"const p = cy.$id(arguments[0]).renderedPosition(); return { x: p.x, y: p.y }", code);
		WebElement graph = browser.findElement(By.id("graph"));
		var size = graph.getSize();
		new Actions(browser)
			.moveToElement(graph, at.get("x").intValue() - size.getWidth() / 2,
					at.get("y").intValue() - size.getHeight() / 2)
			.click()
			.perform();
	}

	@SuppressWarnings("unchecked")
	private List<String> drawnNodes() {
		return (List<String>) script("return cy.nodes().map(n => n.id())");
	}

	private double x(String code) {
		return ((Number) script("return cy.$id(arguments[0]).position('x')", code)).doubleValue();
	}

	private String text(String id) {
		return browser.findElement(By.id(id)).getText();
	}

	private Object script(String script, Object... args) {
		return ((JavascriptExecutor) browser).executeScript(script, args);
	}

	private void screenshot(String name) throws IOException {
		Files.createDirectories(SCREENSHOTS);
		Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
	}

	private String base() {
		return "http://localhost:" + port;
	}

}
