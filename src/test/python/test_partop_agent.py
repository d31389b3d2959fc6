# -*- coding: utf-8 -*-
"""Tests of partop's Python agent, run in the interpreter that runs them (python3 -m unittest
discover -s src/test/python; Python 2.7 runs the subset it supports). Each test starts the
real agent as partop does: the phase as a JSON line on stdin, "go", reports on stdout."""
from __future__ import print_function

import json
import os
import signal
import socket
import struct
import subprocess
import sys
import threading
import time
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
AGENT = os.path.join(HERE, "..", "..", "main", "resources", "dev", "partop", "agent", "partop_agent.py")
sys.path.insert(0, os.path.dirname(AGENT))

import partop_agent  # noqa: E402

PY2 = sys.version_info[0] == 2


class LoopbackServer(object):
    """partop's loopback server in a few lines: 8 bytes of nanoseconds in, one byte out after them."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        t = threading.Thread(target=self.accept)
        t.daemon = True
        t.start()

    def accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except Exception:
                return
            t = threading.Thread(target=self.serve, args=(conn,))
            t.daemon = True
            t.start()

    @staticmethod
    def serve(conn):
        try:
            while True:
                data = b""
                while len(data) < 8:
                    more = conn.recv(8 - len(data))
                    if not more:
                        return
                    data += more
                time.sleep(struct.unpack(">q", data)[0] / 1e9)
                conn.sendall(b"\x01")
        except Exception:
            return

    def close(self):
        self.sock.close()


def start_agent(spec):
    p = subprocess.Popen([sys.executable, AGENT], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    p.stdin.write((json.dumps(spec) + "\n").encode("utf-8"))
    p.stdin.flush()
    return p


def read_event(p):
    line = p.stdout.readline()
    if not line:
        return None
    return json.loads(line.decode("utf-8"))


def run_phase(spec, timeout=60):
    """Runs a phase to its end; returns (events, exit code, stderr)."""
    p = start_agent(spec)
    events = []
    while True:
        e = read_event(p)
        if e is None:
            break
        events.append(e)
        if e["ev"] == "ready":
            p.stdin.write(b"go\n")
            p.stdin.flush()
        if e["ev"] in ("done", "error"):
            break
    p.stdin.close()
    rest = p.stdout.read()
    for line in rest.decode("utf-8").splitlines():
        events.append(json.loads(line))
    err = p.stderr.read().decode("utf-8", "replace")
    code = p.wait()
    return events, code, err


def tasks(n, loops=20000, rounds=1, io=None, payload=0):
    return [{"id": i, "loops": loops, "rounds": rounds, "io": io, "payload": payload} for i in range(n)]


def alive(pid):
    try:
        os.kill(pid, 0)
    except OSError:
        return False
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().split(") ")[1][0] != "Z"
    except IOError:
        return False


class KernelTest(unittest.TestCase):

    def test_the_kernel_is_javas_mixing_chain(self):
        # CpuKernel.mix(1, 3) in partop's Java, the same steps
        x = 1
        for _ in range(3):
            x = (x * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
            x ^= x >> 29
        self.assertEqual(partop_agent.cpu_kernel(3, 1), x)
        self.assertEqual(partop_agent.cpu_kernel(0, 4), 5)

    def test_calibration_measures_a_rate(self):
        rate, took = partop_agent.calibrate(0.05)
        self.assertGreater(rate, 1e4)
        self.assertGreater(took, 0)

    def test_rescale_gives_the_same_cpu_seconds_at_this_processs_rate(self):
        tasks = [{"id": 0, "loops": 1000}, {"id": 1, "loops": 0}, {"id": 2}]
        partop_agent.rescale(tasks, 5.0e6, 5.25e6)
        self.assertEqual([t.get("loops") for t in tasks], [1050, 0, None])
        partop_agent.rescale(tasks, 0, 5.5e6)  # no reference: left as they are
        self.assertEqual(tasks[0]["loops"], 1050)

    def test_rescale_leaves_the_hosts_swings_out(self):
        # a calibration at half speed is the host slowing down, not this process: 6 % at most
        tasks = [{"id": 0, "loops": 1000}]
        partop_agent.rescale(tasks, 4.0e6, 2.0e6)
        self.assertEqual(tasks[0]["loops"], 943)
        partop_agent.rescale(tasks, 1.0e6, 3.0e6)
        self.assertEqual(tasks[0]["loops"], 1000)

    def test_memory_streams_without_error(self):
        partop_agent.memory_stream(3 << 20)

    def test_missing_names_what_is_needed(self):
        info = partop_agent.describe()
        if not info["free_threaded_build"]:
            self.assertIn("free-threaded CPython build", partop_agent.missing("free-threads", info))
        if not info["interpreters"]:
            self.assertIn("3.14", partop_agent.missing("interpreters", info))
        self.assertIsNone(partop_agent.missing("gil-threads", info))
        self.assertIn("not available here", partop_agent.missing("processes", info, "vfork"))


class StubInterpretersTest(unittest.TestCase):
    """run_interpreters against a stand-in for 3.14's concurrent.interpreters, which no
    interpreter here has: each interpreter runs its source with exec in a namespace of its own."""

    class Interp(object):
        def run_source(self, source):
            exec(source, {})

        def close(self):
            pass

    # the agent calls interp.exec(source): a method name Python 2 cannot spell
    setattr(Interp, "exec", Interp.run_source)

    class Collect(object):
        def __init__(self):
            self.events = []

        def send(self, **event):
            self.events.append(event)

    @unittest.skipIf(sys.version_info[0] < 3, "Python 2 has no concurrent package to hang the stand-in on")
    def test_threads_spread_over_interpreters_run_every_task(self):
        import types
        stub = types.ModuleType("concurrent.interpreters")
        stub.create = StubInterpretersTest.Interp
        saved = sys.modules.get("concurrent.interpreters")
        sys.modules["concurrent.interpreters"] = stub
        try:
            report = StubInterpretersTest.Collect()
            phase = partop_agent.Phase({"model": "interpreters", "threads": 2, "interpreters": 2,
                                        "tasks": tasks(4, loops=1000)}, report)
            partop_agent.run_interpreters(phase)
        finally:
            if saved is None:
                del sys.modules["concurrent.interpreters"]
            else:
                sys.modules["concurrent.interpreters"] = saved
        ends = sorted(e["task"] for e in report.events if e["ev"] == "end")
        self.assertEqual(ends, [0, 1, 2, 3])
        self.assertEqual(sorted(e["lane"] for e in report.events if e["ev"] == "lane"), ["T1", "T2"])


class PhaseTest(unittest.TestCase):

    def check_complete(self, events, n_tasks):
        kinds = [e["ev"] for e in events]
        self.assertIn("ready", kinds)
        self.assertEqual(kinds[-1], "done", events[-3:])
        starts = sorted(e["task"] for e in events if e["ev"] == "start")
        ends = sorted(e["task"] for e in events if e["ev"] == "end")
        self.assertEqual(starts, list(range(n_tasks)))
        self.assertEqual(ends, list(range(n_tasks)))
        self.assertLess(kinds.index("ready"), kinds.index("start"))

    def test_sequential_runs_every_task_on_one_lane(self):
        events, code, err = run_phase({"model": "sequential", "tasks": tasks(3)})
        self.assertEqual(code, 0, err)
        self.check_complete(events, 3)
        self.assertEqual({e["lane"] for e in events if e["ev"] == "start"}, {"T1"})
        lane = [e for e in events if e["ev"] == "lane"][0]
        self.assertNotEqual(lane["pid"], lane["tid"])  # a thread of its own, not the main thread

    def test_gil_threads_get_a_lane_each_with_its_os_thread(self):
        events, code, err = run_phase({"model": "gil-threads", "threads": 3, "switch_interval_s": 0.001,
                                       "tasks": tasks(6)})
        self.assertEqual(code, 0, err)
        self.check_complete(events, 6)
        lanes = [e for e in events if e["ev"] == "lane"]
        self.assertEqual(sorted(e["lane"] for e in lanes), ["T1", "T2", "T3"])
        self.assertEqual(len({e["tid"] for e in lanes}), 3)

    def test_a_thread_is_named_for_proc(self):
        got = []

        def named():
            partop_agent.name_thread("T7-a-long-name-cut")
            with open("/proc/self/task/%d/comm" % partop_agent.native_tid()) as f:
                got.append(f.read().strip())

        t = threading.Thread(target=named)
        t.start()
        t.join()
        self.assertEqual(got, ["T7-a-long-name-"])

    def test_socket_io_is_a_round_trip_to_the_loopback_server(self):
        server = LoopbackServer()
        try:
            events, code, err = run_phase({"model": "gil-threads", "threads": 2, "port": server.port,
                                           "tasks": tasks(2, loops=10, rounds=3,
                                                          io={"kind": "socket", "wait_s": 0.005})})
        finally:
            server.close()
        self.assertEqual(code, 0, err)
        self.check_complete(events, 2)
        waits = [e["ms"] for e in events if e["ev"] == "io" and e["on"] == 0]
        self.assertEqual(len(waits), 6)
        self.assertTrue(all(w >= 4.5 for w in waits), waits)

    def test_critical_section(self):
        t = tasks(2)
        for x in t:
            x["cs"] = 0.5
        events, code, err = run_phase({"model": "gil-threads", "threads": 2, "tasks": t})
        self.assertEqual(code, 0, err)
        self.check_complete(events, 2)

    def processes(self, method, start):
        events, code, err = run_phase({"model": "processes", "workers": 2, "start": start, "start_method": method,
                                       "tasks": tasks(4, loops=300000, payload=100000)})
        self.assertEqual(code, 0, err)
        self.check_complete(events, 4)
        pids = {e["pid"] for e in events if e["ev"] == "lane"}
        self.assertEqual(len(pids), 2)
        self.assertNotIn(events[0]["pid"], pids)
        ipc = [e for e in events if e["ev"] == "ipc"][0]
        self.assertEqual(ipc["bytes"], 2 * 4 * 100000)
        kinds = [e["ev"] for e in events]
        if start == "warm":
            # the pool was up before the clock
            self.assertLess(kinds.index("lane"), kinds.index("ready"))
        else:
            self.assertGreater(kinds.index("lane"), kinds.index("ready"))
        return pids

    def test_processes_fork_cold(self):
        self.processes("fork", "cold")

    @unittest.skipIf(PY2, "Python 2.7 has only fork")
    def test_processes_spawn_warm(self):
        self.processes("spawn", "warm")

    @unittest.skipIf(PY2, "Python 2.7 has only fork")
    def test_processes_forkserver(self):
        self.processes("forkserver", "cold")

    @unittest.skipIf(PY2, "asyncio is Python 3")
    def test_event_loop_overlaps_the_waits(self):
        server = LoopbackServer()
        try:
            t0 = time.time()
            events, code, err = run_phase({"model": "event-loop", "port": server.port,
                                           "tasks": tasks(20, loops=10, rounds=3, io={"kind": "sleep", "wait_s": 0.05})
                                           + [{"id": 20, "loops": 10, "rounds": 2,
                                               "io": {"kind": "socket", "wait_s": 0.05}}]})
        finally:
            server.close()
        self.assertEqual(code, 0, err)
        self.check_complete(events, 21)
        done = [e for e in events if e["ev"] == "done"][0]
        self.assertLess(done["wall_s"], 20 * 3 * 0.05 / 3)  # far less than one wait after another
        self.assertEqual({e["lane"] for e in events if e["ev"] == "lane"}, {"loop"})

    def test_a_crash_reports_the_last_line_of_its_traceback(self):
        events, code, err = run_phase({"model": "sequential", "tasks": [{"id": 0, "loops": "x", "rounds": 1}]})
        self.assertEqual(code, 1)
        error = [e for e in events if e["ev"] == "error"][0]
        self.assertTrue(error["msg"].startswith("TypeError: "), error)
        self.assertIn("Traceback", err)
        self.assertEqual(err.strip().splitlines()[-1], error["msg"])

    def test_a_model_the_interpreter_lacks_is_one_line(self):
        info = partop_agent.describe()
        if info["interpreters"]:
            self.skipTest("this interpreter has concurrent.interpreters")
        events, code, err = run_phase({"model": "interpreters", "threads": 2, "tasks": tasks(2)})
        self.assertEqual(code, 1)
        self.assertEqual([e["msg"] for e in events if e["ev"] == "error"],
                         ["RuntimeError: interpreters needs CPython 3.14 or newer (concurrent.interpreters)"])

    def test_closing_stdin_ends_the_agent_and_its_workers(self):
        p = start_agent({"model": "processes", "workers": 2, "start": "cold",
                         "tasks": tasks(2, loops=10 ** 9)})
        self.assertEqual(read_event(p)["ev"], "hello")
        self.assertEqual(read_event(p)["ev"], "ready")
        p.stdin.write(b"go\n")
        p.stdin.flush()
        pids = set()
        while len(pids) < 2:
            e = read_event(p)
            if e["ev"] == "lane":
                pids.add(e["pid"])
        p.stdin.close()  # what partop's death looks like from here
        deadline = time.time() + 5
        while time.time() < deadline and (p.poll() is None or any(alive(q) for q in pids)):
            time.sleep(0.05)
        self.assertIsNotNone(p.poll(), "the agent outlived its stdin")
        self.assertEqual([q for q in pids if alive(q)], [], "workers outlived the agent")

    def test_a_killed_agent_takes_its_workers_with_it(self):
        p = start_agent({"model": "processes", "workers": 2, "start": "warm", "tasks": tasks(2, loops=10 ** 9)})
        pids = set()
        while True:
            e = read_event(p)
            if e["ev"] == "lane":
                pids.add(e["pid"])
            if e["ev"] == "ready":
                break
        p.stdin.write(b"go\n")
        p.stdin.flush()
        time.sleep(0.2)
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
        deadline = time.time() + 3
        while time.time() < deadline and any(alive(q) for q in pids):
            time.sleep(0.05)
        self.assertEqual([q for q in pids if alive(q)], [], "workers outlived a SIGKILLed agent")

    def test_the_agents_own_stdout_goes_nowhere(self):
        p = subprocess.Popen([sys.executable, "-c",
                              "import sys; sys.argv = ['a']; sys.path.insert(0, %r); import partop_agent as a;"
                              "a.run_sequential = lambda ph: (sys.stdout.write('noise\\n'), sys.stdout.flush(), os.write(1, b'x'));"
                              "import os; sys.exit(a.main([]))"
                              % os.path.dirname(AGENT)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        p.stdin.write((json.dumps({"model": "sequential", "tasks": tasks(1)}) + "\ngo\n").encode("utf-8"))
        p.stdin.flush()
        lines = []
        while not lines or json.loads(lines[-1])["ev"] not in ("done", "error"):
            lines.append(p.stdout.readline().decode("utf-8"))
        p.stdin.close()
        lines += p.stdout.read().decode("utf-8").splitlines()
        p.wait()
        self.assertEqual([json.loads(l)["ev"] for l in lines], ["hello", "ready", "done"], lines)


if __name__ == "__main__":
    unittest.main()
