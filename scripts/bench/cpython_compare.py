"""Reads partop's --json output (stdin) of a run with model and CPython phases side by side,
prints each pair, and checks the expectations given as arguments.

  --pair NAME MODEL_PHASE MODEL_BASELINE CPYTHON_PHASE CPYTHON_BASELINE
      NAME_model_sp / NAME_cpython_sp: each phase's speed-up over its own runtime's baseline
      NAME_model_par / NAME_cpython_par: parallelism
  --reps N          the pairs after it were run N times, interleaved: phase names hold {k} (1..N);
                    each repetition is printed and the values are the medians (a noisy host moves
                    one pair's speed-up by more than 0.1 between minutes; see scripts/bench/README)
  --io NAME PHASE   NAME_io_mean: the phase's mean I/O latency, ms
  --handovers NAME MODEL_PHASE CPYTHON_PHASE
      NAME_model_hps: the model's GIL hand-overs (holder changes) per second of phase wall;
      NAME_cpython_hps: the real GIL's, from its switch_number as partop read it in the agent
  --check EXPR      a Python expression over those names, e.g. "gil_cpython_par <= 1.05"
"""
import json
import statistics
import sys


def main(argv):
    phases = {}
    header = None
    for line in sys.stdin:
        if not line.strip():
            continue
        o = json.loads(line)
        if o.get("type") == "summary":
            phases = {p["name"]: p for p in o["phases"]}
        elif o.get("type") == "header":
            header = o
    if not phases:
        print("no summary line: the run failed")
        return 1
    if header:
        pys = ", ".join("%s %.2f M loops/s" % (p["python"], p["loops_per_second"] / 1e6) for p in header.get("pythons", []))
        print("calibration: partop %.0f M ops/s; %s" % (header["calibration"]["ops_per_second"] / 1e6, pys))
    print("%-30s %-16s %8s %8s %6s %6s %s" % ("phase", "runtime", "wall s", "cpu s", "par", "other", "status"))
    for p in phases.values():
        # other: the cores other programs took meanwhile (partop's disturbance figure)
        print("%-30s %-16s %8.3f %8.3f %6.3f %6.2f %s%s" % (p["name"], p.get("runtime", "model"), p["wall_s"],
                                                   p["cpu_s"], p["parallelism"], p.get("other_cpu") or 0, p["status"],
                                                   ": " + p["reason"] if p.get("reason") else ""))
    values = {}
    checks = []
    reps = 1
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--reps":
            reps = int(argv[i + 1])
            i += 2
        elif a == "--pair":
            name, mp, mb, cp, cb = argv[i + 1:i + 6]
            i += 6
            runs = [pair(phases, *(n.replace("{k}", str(k)) for n in (mp, mb, cp, cb))) for k in range(1, reps + 1)]
            for k, r in enumerate(runs, 1):
                label = name if reps == 1 else "%s #%d" % (name, k)
                print("%-14s model: speed-up %.3fx parallelism %.3f | CPython: speed-up %.3fx parallelism %.3f" % (
                    (label,) + r))
            keys = ("model_sp", "model_par", "cpython_sp", "cpython_par")
            for j, key in enumerate(keys):
                values["%s_%s" % (name, key)] = statistics.median(r[j] for r in runs)
            if reps > 1:
                print("%-14s model: speed-up %.3fx parallelism %.3f | CPython: speed-up %.3fx parallelism %.3f" % (
                    (name + " median",) + tuple(values["%s_%s" % (name, key)] for key in keys)))
        elif a == "--io":
            name, ph = argv[i + 1:i + 3]
            i += 3
            io = phases[ph].get("io") or {}
            values[name + "_io_mean"] = io.get("latency_ms_mean", 0)
            print("%-14s %s: %d I/O ops, mean %.2f ms, p95 %.2f ms" % (name, ph, io.get("ops", 0),
                                                                       io.get("latency_ms_mean", 0),
                                                                       io.get("latency_ms_p95", 0)))
        elif a == "--handovers":
            name, mp, cp = argv[i + 1:i + 4]
            i += 4
            m, c = phases[mp], phases[cp]
            lock = m.get("lock") or {}
            values[name + "_model_hps"] = lock.get("switches", 0) / m["wall_s"] if m["wall_s"] > 0 else 0
            gils = [g for g in c.get("gils") or [] if "problem" not in g]
            values[name + "_cpython_hps"] = gils[0]["switches"] / c["wall_s"] if gils and c["wall_s"] > 0 else 0
            why = "" if gils else " (" + ((c.get("gils") or [{}])[0].get("problem") or "no GIL read") + ")"
            print("%-14s GIL hand-overs/s  model: %.0f | CPython: %.0f%s" % (
                name, values[name + "_model_hps"], values[name + "_cpython_hps"], why))
        elif a == "--check":
            checks.append(argv[i + 1])
            i += 2
        else:
            raise SystemExit("unknown argument " + a)
    failed = 0
    for c in checks:
        ok = bool(eval(c, {"abs": abs}, dict(values)))
        print("%-4s %s" % ("ok" if ok else "FAIL", c))
        failed += not ok
    return 1 if failed else 0


def pair(phases, mp, mb, cp, cb):
    """(model speed-up, model parallelism, CPython speed-up, CPython parallelism): each speed-up
    over its own runtime's baseline phase."""
    out = []
    for ph, base in ((mp, mb), (cp, cb)):
        p, b = phases[ph], phases[base]
        out += [b["wall_s"] / p["wall_s"] if p["wall_s"] > 0 else 0, p["parallelism"]]
    return tuple(out)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
