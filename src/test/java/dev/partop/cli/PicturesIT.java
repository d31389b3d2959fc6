package dev.partop.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pictures for slides, made by the real jar from a real short run and opened in headless
 * Chromium as a reader would: the chart is drawn (not a blank area), every phase is named, the
 * speed-ups are the results table's, and the HTML page asks the network for nothing.
 */
class PicturesIT {

    private static final List<String> PHASES = List.of("one thread", "two GIL threads", "two free threads");
    private static final String SCENARIO =
            JarRunner.twoTasksScenario("pictures", "Short phases to draw.", "200ms", true);
    /** The busy-cores curve's colour (Theme.dark.work, Theme.light.work: the phase's threads, filled). */
    private static final int DARK_BUSY = 0x4493f8;
    private static final int LIGHT_BUSY = 0x0969da;

    @TempDir
    static Path dir;
    static Path svg;
    static Path html;
    static String table;
    static Path scenario;

    @BeforeAll
    static void makePictures() throws Exception {
        scenario = JarRunner.scenario(dir, "pictures.yaml", SCENARIO);
        Path data = dir.resolve("run.partop");
        html = dir.resolve("live.html");
        // the HTML at the end of a live run, the SVG later from its recording
        JarRunner.Result run = JarRunner.run("--headless", "--save", data.toString(), "--report", html.toString(),
                scenario.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JarRunner.Result picture = JarRunner.run("report", data.toString(), "--format", "svg", "--theme", "dark");
        assertThat(picture.exit()).as(picture.err()).isZero();
        svg = dir.resolve("run.svg");
        Files.writeString(svg, picture.out());
        JarRunner.Result md = JarRunner.run("report", data.toString(), "--format", "md");
        assertThat(md.exit()).as(md.err()).isZero();
        table = md.out();
    }

    private static void needChromium() {
        if (Chromium.available()) return;
        assertThat(System.getenv("CI")).as("CI installs chromium (.ci/run)").isNull();
        Assumptions.abort("chromium is not installed (apt-get install chromium): pictures not opened in a browser");
    }

    @Test
    void theSvgShowsTheRunAndTheTablesSpeedUps() throws Exception {
        String text = Files.readString(svg);
        for (String phase : PHASES) assertThat(text).as("phase name in the picture").contains(">" + phase + "<");
        Matcher speedups = Pattern.compile("\\| (\\d+\\.\\d\\dx) \\|").matcher(table);
        int found = 0;
        while (speedups.find()) {
            assertThat(text).as("the table's speed-up on a bar").contains(">" + speedups.group(1) + "<");
            found++;
        }
        assertThat(found).isEqualTo(PHASES.size());
        assertThat(text.length()).as("a small file").isLessThan(100_000);

        needChromium();
        Chromium.Page page = Chromium.open(svg, dir);
        for (String phase : PHASES) assertThat(page.dom()).contains(phase);
        // the busy-cores panel: x 72..1248, y 100..350 of the 1280x720 picture, drawn at its size
        assertDrawn(page.screenshot(), 80, 110, 1240, 345, DARK_BUSY);
        assertThat(page.pageRequests()).isEmpty();
    }

    @Test
    void theHtmlDrawsItsChartsAndAsksTheNetworkForNothing() throws Exception {
        needChromium();
        Chromium.Page page = Chromium.open(html, dir);
        assertThat(page.pageRequests()).as("requests the page made").isEmpty();
        // drawn by the page's script: three charts and a speed-up row per phase
        assertThat(page.dom().split("class=\"uplot", -1)).hasSize(4);
        for (int i = 0; i < PHASES.size(); i++) {
            assertThat(page.dom()).contains("<span class=\"name\">" + (i + 1) + "  " + PHASES.get(i) + "</span>");
        }
        // the busy-cores chart, below the title and headings of a 1600x900 window
        assertDrawn(page.screenshot(), 100, 110, 1500, 360, LIGHT_BUSY);
    }

    @Test
    void anUnknownKindOfReportIsRefusedBeforeTheRun() throws Exception {
        JarRunner.Result r = JarRunner.run("--headless", "--report", dir.resolve("run.png").toString(),
                scenario.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("run.png").contains(".md, .csv, .json, .svg or .html");
        assertThat(r.out()).as("nothing ran").isEmpty();
        assertThat(dir.resolve("run.png")).doesNotExist();
    }

    /** The check above can fail: a page that loads a script from elsewhere is caught. */
    @Test
    void aPageWithAnExternalScriptIsCaught() throws Exception {
        needChromium();
        Path bad = dir.resolve("external.html");
        Files.writeString(bad, Files.readString(html).replace("<script id=\"data\"",
                "<script src=\"http://example.invalid/uPlot.js\"></script>\n<script id=\"data\""));
        Chromium.Page page = Chromium.open(bad, dir);
        assertThat(page.pageRequests()).containsExactly("http://example.invalid/uPlot.js");
    }

    /**
     * The rectangle is not blank: 3 % of its pixels differ from the page's background, and
     * the busy-cores curve's own colour is there.
     */
    private static void assertDrawn(Path png, int x0, int y0, int x1, int y1, int curve) throws Exception {
        BufferedImage img = ImageIO.read(png.toFile());
        assertThat(img.getWidth()).isEqualTo(1600);
        int background = img.getRGB(2, 2) & 0xffffff;
        int differ = 0;
        int curvePixels = 0;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                int rgb = img.getRGB(x, y) & 0xffffff;
                if (distance(rgb, background) > 24) differ++;
                if (distance(rgb, curve) <= 24) curvePixels++;
            }
        }
        int all = (x1 - x0) * (y1 - y0);
        assertThat(differ).as("pixels drawn in the chart of " + png.getFileName()).isGreaterThan(all * 3 / 100);
        assertThat(curvePixels).as("pixels of the busy-cores curve in " + png.getFileName()).isGreaterThan(200);
    }

    private static int distance(int a, int b) {
        int d = 0;
        for (int shift = 0; shift <= 16; shift += 8) d = Math.max(d, Math.abs((a >> shift & 0xff) - (b >> shift & 0xff)));
        return d;
    }
}
