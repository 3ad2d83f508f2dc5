package dev.charter.deploy;

import dev.charter.client.disputes.DisputesApi;
import dev.charter.client.disputes.model.AnswerRequest;
import dev.charter.client.disputes.model.DecisionInput;
import dev.charter.client.disputes.model.DisputeRequest;
import dev.charter.client.voting.BallotsApi;
import dev.charter.client.voting.invoker.ApiClient;
import dev.charter.client.voting.model.Ballot;
import dev.charter.client.voting.model.MotionBody;
import dev.charter.client.voting.model.BallotStatus;
import dev.charter.client.voting.model.Choice;
import dev.charter.client.voting.model.DecisionMethod;
import dev.charter.client.voting.model.DecisionRule;
import dev.charter.client.voting.model.MotionRequest;
import dev.charter.client.voting.model.VoteRequest;
import dev.charter.platform.security.DevTokenIssuer;
import dev.charter.testsupport.TcpForwarder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The console in a real browser (Debian's Chromium, headless, driven by Selenium through Debian's chromedriver;
 * nothing is downloaded) against the local stack started here: the demo roster, time travel, signing in and
 * voting, a ranked-choice ballot's rounds, a refused vote, a dispute and its answer. Screenshots of each page go to
 * {@code target/console-screenshots}, and the time each page takes to render, measured in the browser once the
 * stack is warm, to {@code target/console-screenshots/render-times.txt} (reported, not asserted). Skipped when no
 * Chromium is installed ({@code .ci/run} installs it).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIT {

    private static final Path SHOTS = Path.of("target", "console-screenshots");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private LocalStack stack;
    private WebDriver browser;
    private Path home;
    private String console;
    private final Map<String, Double> renderTimes = new LinkedHashMap<>();

    @BeforeAll
    void start() throws IOException {
        Optional<Path> chromium = executable("CHARTER_CHROMIUM", "chromium", "chromium-browser");
        Optional<Path> driver = executable("CHARTER_CHROMEDRIVER", "chromedriver");
        assumeTrue(chromium.isPresent() && driver.isPresent(),
                "No Chromium and chromedriver installed (apt-get install chromium chromium-driver): browser tests skipped");
        home = Files.createTempDirectory("charter-console-it");
        stack = new LocalStack(home.resolve("local"), TcpForwarder.freePort(), service -> 0, 0);
        console = stack.consoleUri();

        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-default-apps", "--disable-extensions", "--password-store=basic",
                "--user-data-dir=" + Files.createTempDirectory(home, "chromium"), "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
        Files.createDirectories(SHOTS);
        // the registry's roster projection and the other services' roster copies follow the import
        await().atMost(WAIT).ignoreExceptions()
                .until(() -> motion(ada(), "Adopt the code of conduct, version 2?", List.of()) != null);
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (stack != null) {
            stack.close();
        }
        if (!renderTimes.isEmpty()) {
            StringBuilder report = new StringBuilder("Render time per page, warm, in Chromium (ms from request to load):\n");
            renderTimes.forEach((page, ms) -> report.append(String.format("%-28s %6.0f%n", page, ms)));
            Files.writeString(SHOTS.resolve("render-times.txt"), report, StandardCharsets.UTF_8);
            System.out.print(report);
        }
    }

    @BeforeEach
    void signedOut() {
        browser.get(console + "/sign-in");
        browser.manage().deleteAllCookies();
    }

    @Test
    @DisplayName("the home page lists the demo roster, also without JavaScript")
    void homeListsDemoRoster() throws Exception {
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            browser.get(console + "/");
            return text("[data-test=lead]").contains("Ada Quill");
        });
        assertThat(text("[data-test=core-maintainers]")).contains("Ada Quill", "Grace Compiler", "Linus Kernel",
                "Margaret Orbit");
        assertThat(text("[data-test=modules]")).contains("Neural networks", "Functional", "Compiler", "Vision",
                "Frances Fortran", "Radia Spanning");
        assertThat(browser.findElement(By.cssSelector("[data-test=reflects]")).getAttribute("datetime")).isNotBlank();
        shoot("home");
        browser.manage().window().setSize(new Dimension(390, 844));
        shoot("home-phone");
        browser.manage().window().setSize(new Dimension(1280, 1000));

        HttpResponse<String> html = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(console + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(html.body()).contains("Ada Quill").contains("Neural networks");
    }

    @Test
    @DisplayName("time travel to before the import shows an empty roster")
    void timeTravelBeforeImport() {
        browser.get(console + "/");
        WebElement asOf = browser.findElement(By.id("asOf"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = '2020-01-01T00:00:00'", asOf);
        browser.findElement(By.cssSelector("form.time-travel button[type=submit]")).click();
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().contains("asOf="));
        assertThat(text("[data-test=no-lead]")).contains("No lead");
        assertThat(text("[data-test=no-core]")).contains("No core maintainers");
        assertThat(text("[data-test=no-modules]")).contains("No modules");
        assertThat(browser.findElement(By.cssSelector("[data-test=reflects]")).getAttribute("datetime"))
                .startsWith("2020-01-01T00:00");
        shoot("time-travel");
    }

    @Test
    @DisplayName("a member signs in, votes on a motion, changes the vote and sees the tally change")
    void memberVotesAndChangesVote() {
        String ballot = motion(ada(), "Adopt the RFC process?", List.of()).getId();
        signInAs("grace", "/ballots/" + ballot);
        assertThat(text("[data-test=viewer]")).isEqualTo("grace");

        browser.findElement(By.id("choice-YES")).click();
        browser.findElement(By.id("comment")).sendKeys("Long overdue.");
        browser.findElement(By.cssSelector("[data-test=vote-form] button[type=submit]")).click();
        await().atMost(WAIT).until(() -> text("[data-test=done]").contains("recorded"));
        // the page shows the vote once voting-service's view has it (the console waits for it, and refreshes)
        await().atMost(WAIT).until(() -> text("[data-test=yes]").equals("1"));
        assertThat(text("[data-test=no]")).isEqualTo("0");
        assertThat(text("tr[data-voter=grace]")).contains("YES", "Long overdue.");

        browser.findElement(By.id("choice-NO")).click();
        browser.findElement(By.cssSelector("[data-test=vote-form] button[type=submit]")).click();
        await().atMost(WAIT).until(() -> text("[data-test=no]").equals("1"));
        assertThat(text("[data-test=yes]")).isEqualTo("0");
        assertThat(text("tr[data-voter=grace]")).contains("NO", "(changed)");

        // another member votes elsewhere: the live tally refreshes by itself (htmx), no reload
        vote(ballot, "linus", new VoteRequest().choice(Choice.YES));
        await().atMost(WAIT).until(() -> text("[data-test=yes]").equals("1"));
        shoot("ballot");
    }

    @Test
    @DisplayName("a ranked-choice ballot's rounds are drawn, with its eliminations and the seeded tie-break")
    void rankedChoiceRounds() {
        String ballot = motion(ada(), "Which release train?", List.of("Monthly", "Quarterly", "Continuous")).getId();
        vote(ballot, "ada", new VoteRequest().ranking(List.of("Monthly", "Quarterly")).comment("Predictable."));
        vote(ballot, "grace", new VoteRequest().ranking(List.of("Quarterly", "Monthly")));
        vote(ballot, "linus", new VoteRequest().ranking(List.of("Continuous", "Monthly")));
        signInAs("margaret", "/ballots/" + ballot);
        new Select(browser.findElement(By.id("rank-1"))).selectByValue("Monthly");
        new Select(browser.findElement(By.id("rank-2"))).selectByValue("Continuous");
        browser.findElement(By.cssSelector("[data-test=vote-form] button[type=submit]")).click();

        await().atMost(WAIT).ignoreExceptions().until(() -> {
            browser.navigate().refresh();
            return text("[data-test=status]").equals("CLOSED");
        });
        List<WebElement> rounds = browser.findElements(By.cssSelector("[data-test=round]"));
        assertThat(rounds).hasSize(2);
        assertThat(rounds.get(0).findElements(By.cssSelector("svg rect"))).hasSize(3);
        assertThat(rounds.get(1).findElements(By.cssSelector("svg rect"))).hasSize(2);
        assertThat(text("[data-test=winner]")).isEqualTo("Monthly");
        assertThat(text("[data-test=exhausted]")).contains("0 exhausted");
        // Quarterly and Continuous tie in round 1; the permutation of the published seed decides
        assertThat(text("[data-test=eliminated]")).contains("by the seeded tie-break");
        assertThat(text("[data-test=seed]")).matches("-?\\d+");
        assertThat(browser.findElements(By.cssSelector("[data-test=permutation] tbody tr"))).hasSize(3);
        assertThat(text("[data-test=tie]")).contains("Quarterly, Continuous").doesNotContain("differs");
        shoot("ranked-choice");
    }

    @Test
    @DisplayName("R8: the lead sees the deciding form on a tied ballot referred to them, and decides with reasoning")
    void leadDecidesTie() {
        String ballot = motion(ada(), "Move the nightly builds to the new CI?", List.of()).getId();
        vote(ballot, "ada", new VoteRequest().choice(Choice.YES));
        vote(ballot, "grace", new VoteRequest().choice(Choice.NO));
        vote(ballot, "linus", new VoteRequest().choice(Choice.YES));
        vote(ballot, "margaret", new VoteRequest().choice(Choice.NO));
        await().atMost(WAIT).until(() -> ballots(ada()).getBallot(ballot).getStatus() == BallotStatus.AWAITING_LEAD);

        signInAs("grace", "/ballots/" + ballot);
        assertThat(browser.findElements(By.cssSelector("[data-test=decision-form]"))).isEmpty();
        signInAs("ada", "/ballots/" + ballot);
        browser.findElement(By.id("decide-yes")).click();
        browser.findElement(By.id("reasoning")).sendKeys("The new CI is faster and both camps can live with it.");
        browser.findElement(By.cssSelector("[data-test=decision-form] button[type=submit]")).click();

        await().atMost(WAIT).until(() -> text("[data-test=status]").equals("CLOSED"));
        assertThat(text("[data-test=done]")).contains("decision is recorded");
        assertThat(text("[data-test=outcome]")).isEqualTo("CARRIED");
        assertThat(text("[data-test=reasoning]")).contains("both camps");
        shoot("lead-decision");
    }

    @Test
    @DisplayName("a refused vote shows the problem's title and detail next to the form")
    void refusedVoteShowsProblem() {
        String ballot = motion(ada(), "Freeze the API for a release?", List.of()).getId();
        signInAs("margaret", "/ballots/" + ballot);
        browser.findElement(By.id("choice-YES")).click();
        // meanwhile three of four vote yes: the outcome is settled and the ballot closes
        for (String member : List.of("ada", "grace", "linus")) {
            vote(ballot, member, new VoteRequest().choice(Choice.YES));
        }
        await().atMost(WAIT).until(() -> ballots(ada()).getBallot(ballot).getStatus() == BallotStatus.CLOSED);
        browser.findElement(By.cssSelector("[data-test=vote-form] button[type=submit]")).click();

        WebElement problem = browser.findElement(By.cssSelector("[data-test=problem]"));
        assertThat(problem.findElement(By.className("problem-title")).getText()).contains("(409)");
        assertThat(problem.findElement(By.className("problem-detail")).getText()).isNotBlank();
        shoot("refused");
    }

    @Test
    @DisplayName("R5, R6: a dispute of another group's decision and that group's answer are read on the disputes, dispute, module and home pages")
    void disputeAndAnswer() throws Exception {
        // radia (vision) disputes a decision of nn's group; dennis answers for nn (dispute-service's roster copy
        // follows the import)
        String summary = "Adopt the new optimizer API";
        String id = await().atMost(WAIT).ignoreExceptions().until(() -> disputes(token("radia")).openDispute(
                new DisputeRequest().decision(new DecisionInput().url("https://github.com/example/project/pull/7")
                                .moduleId("nn").summary(summary))
                        .statement("It breaks the functional API without notice.")
                        .addLinksItem("https://github.com/example/project/issues/8"), null).getId(), d -> d != null);
        disputes(token("dennis")).answerDispute(id, new AnswerRequest().explanation("We measured it: twice as fast.")
                .arguments("Most users gain.").resolution("A compatibility shim for one release."), null);

        browser.get(console + "/disputes");
        browser.findElement(By.linkText(summary)).click();
        assertThat(text("[data-test=dispute-status]")).isEqualTo("ANSWERED");
        assertThat(text("[data-test=dispute-statement]")).contains("without notice");
        assertThat(text("[data-test=answer-explanation]")).contains("twice as fast");
        assertThat(text("[data-test=module-decision]")).contains(summary, "EXTERNAL", "nn");
        shoot("dispute");
        browser.get(console + "/modules/nn");
        assertThat(text("[data-test=module-disputes]")).contains(summary, "vision");
        browser.get(console + "/");
        assertThat(text("[data-test=open-disputes]")).contains(summary, "vision disputes nn");
    }

    @Test
    @DisplayName("every page renders with a heading and the time it reflects; screenshots and render times")
    void everyPage() {
        String ballot = motion(ada(), "Publish the roadmap?", List.of()).getId();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("module", "/modules/nn");
        pages.put("modules", "/modules");
        pages.put("person", "/persons/frances");
        pages.put("persons", "/persons");
        pages.put("ballots", "/ballots");
        pages.put("ballot-open", "/ballots/" + ballot);
        pages.put("nominations", "/nominations");
        pages.put("elections", "/elections");
        pages.put("disputes", "/disputes");
        pages.put("vetoes", "/vetoes");
        pages.put("proposals", "/proposals");
        pages.put("module-proposals", "/module-proposals");
        pages.put("audit", "/audit");
        pages.put("audit-chain", "/audit/registry");
        pages.put("maintainers", "/maintainers");
        pages.put("codeowners", "/codeowners");
        pages.put("sign-in", "/sign-in");
        for (Map.Entry<String, String> page : pages.entrySet()) {
            browser.get(console + page.getValue());
            assertThat(browser.findElements(By.tagName("h1"))).as(page.getKey()).hasSize(1);
            assertThat(browser.findElements(By.cssSelector("[data-test=reflects]"))).as(page.getKey()).hasSize(1);
            assertThat(browser.getTitle()).as(page.getKey()).endsWith("Charter");
            shoot(page.getKey());
        }
        assertThat(text("[data-test=sign-in-as]")).contains("Ada Quill (ada)");
        browser.get(console + "/persons/frances");
        assertThat(browser.findElements(By.cssSelector("[data-test=timeline] a[data-test=timeline-link]"))).isNotEmpty();
        browser.get(console + "/audit");
        assertThat(browser.findElements(By.cssSelector("[data-test=verification].valid"))).hasSize(4);
        browser.get(console + "/codeowners");
        assertThat(text("[data-test=file]")).contains("@frances");
        // R14, R4: the module page shows each maintainer's activity and what set the group's settings
        browser.get(console + "/modules/nn");
        assertThat(text("[data-test=activity]")).contains("dennis");
        assertThat(text("[data-test=settings-decision]")).isNotBlank();

        // each page twice to warm it up, then the median of three loads
        for (Map.Entry<String, String> page : pages.entrySet()) {
            List<Double> samples = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                browser.get(console + page.getValue());
                if (i >= 2) {
                    samples.add(loadMillis());
                }
            }
            renderTimes.put(page.getKey() + " " + page.getValue().replace(ballot, "{id}"),
                    samples.stream().sorted().toList().get(1));
        }
    }

    private void signInAs(String person, String next) {
        signedOut();
        browser.get(console + next);
        browser.findElement(By.linkText("Sign in")).click();
        browser.findElement(By.cssSelector("[data-test=sign-in-as] a[data-person=" + person + "]")).click();
        await().atMost(WAIT).until(() -> browser.getCurrentUrl().startsWith(console + next)
                && !browser.findElements(By.cssSelector("[data-test=viewer]")).isEmpty());
    }

    /** The element's text; a page part that refreshes itself (htmx) may replace the element while it is read. */
    private String text(String css) {
        for (int attempt = 1; ; attempt++) {
            try {
                return browser.findElement(By.cssSelector(css)).getText().trim();
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Milliseconds from the request to the end of the load event, by the browser's navigation timing. */
    private double loadMillis() {
        Object value = ((JavascriptExecutor) browser).executeScript(
                "const t = performance.getEntriesByType('navigation')[0]; return t.loadEventEnd - t.requestStart;");
        return ((Number) value).doubleValue();
    }

    /** The whole page, however long. */
    private void shoot(String name) {
        Dimension size = browser.manage().window().getSize();
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        Number height = (Number) ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollHeight");
        browser.manage().window().setSize(new Dimension(size.getWidth(), Math.max(size.getHeight(), height.intValue() + 100)));
        try {
            Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } finally {
            browser.manage().window().setSize(size);
        }
    }

    private Ballot motion(String token, String question, List<String> options) {
        try {
            MotionRequest motion = new MotionRequest().question(question).body(MotionBody.CORE_MAINTAINERS)
                    .deadline(OffsetDateTime.now(ZoneOffset.UTC).plusDays(7));
            if (!options.isEmpty()) {
                motion.rule(new DecisionRule().method(DecisionMethod.RANKED_CHOICE)).options(options);
            }
            return ballots(token).openMotion(motion, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void vote(String ballot, String member, VoteRequest vote) {
        try {
            ballots(token(member)).castVote(ballot, member, vote, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private BallotsApi ballots(String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(stack.baseUri(Services.VOTING));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return new BallotsApi(client);
    }

    private DisputesApi disputes(String token) {
        var client = new dev.charter.client.disputes.invoker.ApiClient();
        client.updateBaseUri(stack.baseUri(Services.DISPUTE));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return new DisputesApi(client);
    }

    private String ada() {
        return token("ada");
    }

    private String token(String person) {
        return stack.service(Services.REGISTRY).getBean(DevTokenIssuer.class).issue(person);
    }

    /** The program named by the environment variable, else the first of the names on the PATH. */
    private static Optional<Path> executable(String variable, String... names) {
        String given = System.getenv(variable);
        if (given != null && !given.isBlank()) {
            return Optional.of(Path.of(given)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(names).flatMap(name -> Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, name)))
                .filter(Files::isExecutable).findFirst();
    }
}
