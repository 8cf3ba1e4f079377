package fr.sharenum.http;

import fr.sharenum.ShareNum;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The story in a real browser: headless Chromium driven by Selenium, two sessions side by side. Claire asks for
 * help with Capytale; Paul, signed in on the page of his alerts, sees the alert arrive live, offers; Claire
 * accepts, they talk (Paul sees the message arrive), she finds a common slot in the BusNum and creates the
 * workshop; Léa finds it on the map of events nearby and registers; Nadia (DANE) reads the académie's indicators.
 * Every page is checked by axe-core (WCAG 2.1 A and AA rules). Screenshots go to {@code target/screenshots}.
 * Skipped when Chromium or its driver is absent ({@code .ci/run} installs them).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserStoryTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SHOTS = Path.of("target", "screenshots");
    private ShareNumHttp http;
    private String base;
    private WebDriver one;
    private WebDriver two;
    private String axe;

    @BeforeAll
    void start() throws IOException {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver): browser tests skipped");
        try (InputStream in = BrowserStoryTest.class.getResourceAsStream("/axe.min.js")) {
            axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(SHOTS);
        http = Server.demo(ShareNum.inMemoryStore(), Clock.systemUTC(), null).start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + http.port() + "/";
        one = browser();
        two = browser();
    }

    private static WebDriver browser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1100", "--lang=fr-FR");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }

    @AfterAll
    void stop() {
        for (WebDriver d : new WebDriver[] {one, two}) {
            if (d != null) {
                d.quit();
            }
        }
        if (http != null) {
            http.stop();
        }
    }

    private static WebDriverWait await(WebDriver d) {
        return new WebDriverWait(d, Duration.ofSeconds(15));
    }

    private static void signIn(WebDriver d, String base, String name) {
        d.get(base);
        WebElement b = await(d).until(ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()=\"Se connecter en tant que " + name + "\"]")));
        b.click();
        await(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id("profil-resume"), name));
    }

    private static void go(WebDriver d, String hash, String heading) {
        d.findElement(By.cssSelector("nav a[href='#" + hash + "']")).click();
        await(d).until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//section[@id='" + hash + "']//h1[normalize-space()=\""
                + heading + "\"]")));
    }

    private static void click(WebDriver d, String text) {
        await(d).until(ExpectedConditions.elementToBeClickable(By.xpath("//button[normalize-space()=\"" + text + "\"]"))).click();
    }

    private static void awaitText(WebDriver d, String id, String text) {
        await(d).until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
    }

    private void shot(WebDriver d, String name) throws IOException {
        File f = ((TakesScreenshot) d).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Runs axe-core on the page as it is: no WCAG 2.1 A or AA violation. */
    private void accessible(WebDriver d, String page) {
        JavascriptExecutor js = (JavascriptExecutor) d;
        js.executeScript(axe);
        Object violations = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(r.violations.map(v => v.id + ' ' + v.nodes.map(n => n.target.join(' ')).join(', ')).join('\\n')))"
                + ".catch(e => done('axe failed: ' + e));");
        assertThat((String) violations).as("accessibility violations on " + page).isEmpty();
    }

    @Test
    void two_colleagues_walk_the_story() throws IOException {
        one.get(base);
        await(one).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#comptes button")));
        accessible(one, "sign-in");
        // Paul waits on the page of his alerts
        signIn(two, base, "Paul Bernard");
        go(two, "demandes", "Mes demandes et alertes");
        accessible(two, "tickets");

        // Claire: profile, then a ticket with its radius on the map, trainings first
        signIn(one, base, "Claire Martin");
        accessible(one, "profile");
        go(one, "demande", "Demander de l'aide");
        await(one).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#carte-demande path.leaflet-interactive")));
        one.findElement(By.id("demande-texte")).sendKeys("Démarrer Python en 2de avec Capytale");
        click(one, "Voir d'abord les formations");
        WebElement decline = await(one).until(ExpectedConditions.elementToBeClickable(By.cssSelector("input.decline")));
        accessible(one, "ticket form");
        shot(one, "1-demande");
        decline.click();
        click(one, "Ouvrir la demande");

        // Paul sees the alert arrive live, opens it and offers
        awaitText(two, "annonces", "Nouvelle demande d'aide");
        await(two).until(ExpectedConditions.textToBePresentInElementLocated(By.id("mes-alertes"), "Démarrer Python"));
        two.findElement(By.xpath("//ul[@id='mes-alertes']//button[normalize-space()='Ouvrir']")).click();
        await(two).until(ExpectedConditions.visibilityOfElementLocated(By.id("proposition-texte"))).sendKeys("Je passe mercredi à 14 h");
        click(two, "Proposer mon aide");
        shot(two, "2-alerte");

        // Claire accepts; they talk, Paul sees the message arrive
        awaitText(one, "annonces", "propose son aide");
        click(one, "Accepter cette aide");
        await(one).until(ExpectedConditions.visibilityOfElementLocated(By.id("message-texte"))).sendKeys("Merci ! Mercredi me va.");
        click(one, "Envoyer");
        awaitText(two, "annonces", "Merci ! Mercredi me va.");
        awaitText(one, "conversation", "Merci ! Mercredi me va.");

        // a common slot in the BusNum, and the workshop
        one.findElement(By.id("avec-bus")).click();
        click(one, "Trouver un créneau commun");
        await(one).until(ExpectedConditions.elementToBeClickable(By.cssSelector("#creneaux button"))).click();
        one.findElement(By.id("atelier-titre")).sendKeys("Capytale : premiers pas");
        accessible(one, "ticket detail");
        click(one, "Créer l'atelier");
        awaitText(one, "atelier-cree", "créé et annoncé");
        shot(one, "3-atelier");

        // Léa (in the second browser) finds it on the map and registers
        click(two, "Se déconnecter");
        signIn(two, base, "Léa Moreau");
        go(two, "evenements", "Événements autour de moi");
        await(two).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#carte-evenements path.leaflet-interactive")));
        click(two, "M'inscrire");
        awaitText(two, "liste-evenements", "inscrit·e");
        // the search (events().search): around a point clicked on the map — by Léa's collège, 17 km from the
        // workshop — on Capytale, on site: nothing within 5 km, the workshop within 30 km
        WebElement radius = two.findElement(By.id("recherche-rayon"));
        radius.clear();
        radius.sendKeys("5");
        new Select(two.findElement(By.id("recherche-outil"))).selectByValue("capytale");
        two.findElement(By.cssSelector("input[name='format'][value='ONLINE']")).click();
        WebElement map = two.findElement(By.id("carte-evenements"));
        ((JavascriptExecutor) two).executeScript("arguments[0].scrollIntoView({block: 'center'})", map);
        new Actions(two).moveToElement(map, 12, 12).click().perform();
        awaitText(two, "point-choisi", "Point choisi");
        click(two, "Chercher");
        awaitText(two, "liste-evenements", "Aucun événement pour cette recherche");
        radius.clear();
        radius.sendKeys("30");
        click(two, "Chercher");
        awaitText(two, "liste-evenements", "Capytale : premiers pas");
        awaitText(two, "resultat-evenements", "1 événement(s) trouvé(s)");
        accessible(two, "events");
        ((JavascriptExecutor) two).executeScript("arguments[0].scrollIntoView({block: 'start'})", map);
        shot(two, "4-evenements");
        go(two, "badges", "Mes badges");
        accessible(two, "badges");

        // Nadia (DANE) reads the indicators of Dijon
        click(one, "Se déconnecter");
        signIn(one, base, "Nadia Roussel (DANE)");
        go(one, "indicateurs", "Indicateurs de mon académie");
        click(one, "Afficher");
        await(one).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#graphique svg")));
        awaitText(one, "tableau-indicateurs", "Demandes ouvertes");
        accessible(one, "indicators");
        shot(one, "5-indicateurs");
    }
}
