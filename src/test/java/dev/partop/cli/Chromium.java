package dev.partop.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium, as a reader opening a picture: a screenshot, the page's DOM after
 * its scripts ran, and the requests the page made, told apart from the browser's own (component
 * updates, account checks) by Chromium's net log: a request a page started names the page's
 * origin as its initiator, the browser's own say "not an origin". Every request leaves through
 * a proxy at 127.0.0.1:1, where nothing listens, so none reaches the network.
 */
final class Chromium {

    /** What one run of the browser saw. */
    record Page(String dom, Path screenshot, List<String> pageRequests) {
    }

    private Chromium() {
    }

    static boolean available() {
        try {
            Process p = new ProcessBuilder("chromium", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Opens {@code file} at 1600x900: its screenshot, its DOM and the requests it made. */
    static Page open(Path file, Path dir) throws Exception {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        Path shot = dir.resolve(file.getFileName() + ".png");
        Path netLog = dir.resolve(file.getFileName() + ".netlog.json");
        List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--proxy-server=127.0.0.1:1",
                "--proxy-bypass-list=<-loopback>", "--log-net-log=" + netLog, "--window-size=1600,900",
                "--screenshot=" + shot, "--dump-dom", file.toUri().toString()));
        Path out = dir.resolve(file.getFileName() + ".dom.html");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile())
                .redirectError(dir.resolve(file.getFileName() + ".chromium.log").toFile()).start();
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) throw new AssertionError("chromium did not finish in 90 s on " + file);
        } finally {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            delete(profile);
        }
        return new Page(Files.readString(out, StandardCharsets.UTF_8), shot, pageRequests(netLog));
    }

    /** URLs of the network requests (not file:, data:) that a page, not the browser itself, started. */
    static List<String> pageRequests(Path netLog) throws IOException {
        JsonNode log = new ObjectMapper().readTree(netLog.toFile());
        int startJob = log.path("constants").path("logEventTypes").path("URL_REQUEST_START_JOB").asInt(-1);
        if (startJob < 0) throw new AssertionError("the net log has no URL_REQUEST_START_JOB events: " + netLog);
        List<String> urls = new ArrayList<>();
        for (JsonNode e : log.path("events")) {
            if (e.path("type").asInt() != startJob || !e.path("params").has("url")) continue;
            String url = e.path("params").path("url").asText();
            String initiator = e.path("params").path("initiator").asText("not an origin");
            if (initiator.equals("not an origin") || url.startsWith("file:") || url.startsWith("data:")) continue;
            urls.add(url);
        }
        return urls;
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
