// Reads partop's JSON Lines (stdin) and prints the summary's figures per phase, then checks
// expectations given as arguments: "PHASE:FIELD>=VALUE" or "PHASE:FIELD<=VALUE".
// Run as a single-file program on the jar's class path:
//   java -jar target/partop.jar --json X.yaml | java -cp target/partop.jar scripts/bench/Summary.java 'p:parallelism>=1.7'
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

public class Summary {
    public static void main(String[] args) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode summary = null;
        JsonNode header = null;
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line; (line = in.readLine()) != null; ) {
            if (line.isBlank()) continue;
            JsonNode n = json.readTree(line);
            String type = n.path("type").asText();
            if (type.equals("summary")) summary = n;
            if (type.equals("header")) header = n;
        }
        if (summary == null) {
            System.out.println("no summary line: the run failed");
            System.exit(1);
        }
        if (header != null) {
            System.out.printf(Locale.ROOT, "machine: %s, %d CPUs; calibration %.0f M ops/s%n",
                    header.path("cores").path("cpu_model").asText(), header.path("cores").path("logical").asInt(),
                    header.path("calibration").path("ops_per_second").asDouble() / 1e6);
        }
        System.out.printf(Locale.ROOT, "%-30s %-13s %8s %8s %11s %8s  %s%n", "phase", "model", "wall s", "cpu s",
                "parallelism", "speed-up", "status");
        for (JsonNode p : summary.get("phases")) {
            System.out.printf(Locale.ROOT, "%-30s %-13s %8.3f %8.3f %11.3f %8s  %s%n", p.get("name").asText(),
                    p.get("model").asText(), p.get("wall_s").asDouble(), p.get("cpu_s").asDouble(),
                    p.get("parallelism").asDouble(),
                    p.get("speedup").isNull() ? "-" : String.format(Locale.ROOT, "%.3fx", p.get("speedup").asDouble()),
                    p.get("status").asText());
        }
        for (JsonNode p : summary.get("phases")) {
            JsonNode lock = p.path("lock");
            JsonNode io = p.path("io");
            JsonNode procs = p.path("processes");
            JsonNode loop = p.path("loop");
            if (lock.isMissingNode() && io.isMissingNode() && procs.isMissingNode() && loop.isMissingNode()) continue;
            StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "  %-28s", p.get("name").asText()));
            if (!lock.isMissingNode()) {
                double perS = lock.path("switches_per_s").asDouble();
                b.append(String.format(Locale.ROOT,
                        " lock: %.0f switches/s, mean hold %.2f ms, %d drop requests, %d/%d contended, %d futile wake-ups",
                        perS, perS > 0 ? lock.path("held_fraction").asDouble() * 1000 / perS : 0,
                        lock.path("drop_requests").asLong(), lock.path("contended").asLong(),
                        lock.path("acquisitions").asLong(), lock.path("futile_wakeups").asLong()));
            }
            if (!io.isMissingNode()) {
                b.append(String.format(Locale.ROOT, " io: %d ops, mean %.3f ms, p95 %.3f ms, max %.3f ms",
                        io.path("ops").asLong(), io.path("latency_ms_mean").asDouble(),
                        io.path("latency_ms_p95").asDouble(), io.path("latency_ms_max").asDouble()));
            }
            if (!procs.isMissingNode()) {
                b.append(String.format(Locale.ROOT, " workers: %d, start-up mean %.0f ms max %.0f ms, %d IPC messages, %.1f MiB",
                        procs.path("workers").asInt(), procs.path("startup_ms_mean").asDouble(),
                        procs.path("startup_ms_max").asDouble(), procs.path("ipc_messages").asLong(),
                        procs.path("ipc_bytes").asLong() / 1048576.0));
            }
            if (!loop.isMissingNode()) {
                b.append(String.format(Locale.ROOT, " loop: %d iterations, lag mean %.2f ms max %.1f ms",
                        loop.path("iterations").asLong(), loop.path("lag_ms_mean").asDouble(),
                        loop.path("lag_ms_max").asDouble()));
            }
            System.out.println(b);
        }
        int failed = 0;
        for (String expect : args) {
            int colon = expect.lastIndexOf(':');
            String phase = expect.substring(0, colon);
            String rest = expect.substring(colon + 1);
            boolean atLeast = rest.contains(">=");
            String[] kv = rest.split(atLeast ? ">=" : "<=");
            double limit = Double.parseDouble(kv[1]);
            JsonNode value = null;
            for (JsonNode p : summary.get("phases")) {
                if (p.get("name").asText().equals(phase)) value = p.at("/" + kv[0].replace('.', '/'));
            }
            boolean ok = value != null && !value.isMissingNode() && !value.isNull()
                    && (atLeast ? value.asDouble() >= limit : value.asDouble() <= limit);
            System.out.printf(Locale.ROOT, "%-4s %s (measured %s)%n", ok ? "ok" : "FAIL", expect,
                    value == null ? "no such phase" : value.toString());
            if (!ok) failed++;
        }
        System.exit(failed == 0 ? 0 : 1);
    }
}
