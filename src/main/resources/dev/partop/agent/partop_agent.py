# -*- coding: utf-8 -*-
"""partop's agent: runs one phase's workload in a real CPython, so the same scenario can be
seen under partop's model and under the interpreter itself.

partop writes this file (packed in its jar) to a cache directory and starts it:

  python partop_agent.py --probe [--calibrate SECONDS]
      prints one JSON line: version, build, what the interpreter has, and (with --calibrate)
      how many kernel loops one thread does per second here.
  python partop_agent.py
      reads one JSON line on stdin (the phase: model, threads, tasks in loops, ...), starts
      what must exist before the clock (a warm pool), says {"ev": "ready"}, waits for "go",
      runs every task, says {"ev": "done"}. Reports are JSON lines on the agent's original
      stdout; everything else the interpreter or a workload prints goes to /dev/null
      (stdout) or to partop's stderr pipe (stderr, of which partop keeps the last lines).

The agent exits as soon as its stdin closes (partop quit or was killed), first killing its
multiprocessing children; each child also asks the kernel to kill it when the agent dies.
Python 3.6 to 3.14 run everything; Python 2.7 runs sequential, gil-threads, critical
sections and processes (fork).
"""
from __future__ import print_function

import json
import os
import signal
import socket
import struct
import sys
import threading
import time
import traceback

PY2 = sys.version_info[0] == 2
if PY2:
    _range = xrange  # noqa: F821 (Python 2 only)
else:
    _range = range

MASK = 0xFFFFFFFFFFFFFFFF
MEMORY_BUFFER = 64 << 20
MEMORY_CHUNK = 1 << 20

_now = getattr(time, "perf_counter", time.time)
# CPU time of the calibrating thread, so a busy machine does not make the work look slow:
# thread_time (3.7+), else the process's (the agent is one thread while it calibrates)
_thread_cpu = getattr(time, "thread_time", None) or getattr(time, "process_time", None) or (
    time.clock if PY2 else None)


# ---------------------------------------------------------------------------------------------
# the work


def cpu_kernel(loops, seed):
    """The same 64-bit multiply/xor-shift chain as partop's Java kernel, one step a loop."""
    x = seed | 1
    for _ in _range(loops):
        x = (x * 6364136223846793005 + 1442695040888963407) & MASK
        x ^= x >> 29
    return x


def calibrate(budget_s):
    """Kernel loops one thread does per second: the best of short runs within the budget
    (the best, because a busy machine only ever makes a run slower); thread CPU time is used
    where the thread was clearly descheduled, as partop's own calibration does."""
    start = _now()
    cpu_kernel(20000, 1)  # warm-up
    chunk = 50000
    best = 0.0
    runs = 0
    while runs < 3 or _now() - start < budget_s:
        c0 = _thread_cpu() if _thread_cpu else 0.0
        t0 = _now()
        cpu_kernel(chunk, runs)
        t1 = _now()
        c1 = _thread_cpu() if _thread_cpu else 0.0
        elapsed = t1 - t0
        if _thread_cpu and 0 < c1 - c0 < elapsed * 0.9:
            elapsed = c1 - c0
        if elapsed > 0:
            best = max(best, chunk / elapsed)
        runs += 1
        if runs > 200:
            break
    return best, (_now() - start) * 1000.0


def calibrate_in_thread(budget_s):
    """calibrate() on a thread of its own, where the phases run their kernels (see run_sequential)."""
    out = []
    t = threading.Thread(target=lambda: out.append(calibrate(budget_s)), name="partop-calibrate")
    t.start()
    t.join()
    return out[0]


_local = threading.local()


def memory_stream(nbytes):
    """Copies nbytes within a 64 MiB buffer (read and written once each), a MiB at a time."""
    buf = getattr(_local, "buf", None)
    if buf is None:
        buf = _local.buf = memoryview(bytearray(MEMORY_BUFFER))
    pos = 0
    done = 0
    while done < nbytes:
        n = min(MEMORY_CHUNK, nbytes - done)
        src = (pos + MEMORY_BUFFER // 2) % (MEMORY_BUFFER - n)
        if pos + n > MEMORY_BUFFER:
            pos = 0
        buf[pos:pos + n] = buf[src:src + n]
        pos += n
        done += n


def _socket(port):
    s = getattr(_local, "sock", None)
    if s is None:
        s = socket.create_connection(("127.0.0.1", port))
        s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        _local.sock = s
    return s


def io_wait(io, port):
    """One blocking wait: a sleep, or a round trip to partop's loopback server, which answers
    one byte after the wait it is sent (8 bytes, big-endian nanoseconds)."""
    if io["kind"] == "sleep":
        time.sleep(io["wait_s"])
        return
    s = _socket(port)
    s.sendall(struct.pack(">q", int(io["wait_s"] * 1e9)))
    got = s.recv(1)
    if not got:
        raise IOError("partop's loopback server closed the connection")


def native_tid():
    """The OS thread id, so partop can read this thread's CPU time from /proc."""
    get = getattr(threading, "get_native_id", None)
    if get is not None:
        return get()
    gettid = load_libc()[2]
    try:
        return gettid() if gettid is not None else None
    except Exception:
        return None


_libc = []


def load_libc():
    """libc's prctl and gettid through ctypes, loaded once by the main thread before any other thread or
    worker starts: a worker forked while another thread was importing ctypes (or in dlopen)
    would inherit that lock held and wait for it forever."""
    if not _libc:
        try:
            import ctypes
            import platform
            libc = ctypes.CDLL(None)
            gettid = None
            number = {"x86_64": 186, "aarch64": 178, "i686": 224, "i386": 224}.get(platform.machine())
            if number is not None:
                syscall = libc.syscall
                gettid = lambda: syscall(number)  # noqa: E731 (gettid before Python 3.8 has get_native_id)
            _libc.append((ctypes, libc.prctl, gettid))
        except Exception:
            _libc.append((None, None, None))
    return _libc[0]


def name_thread(name):
    """Gives the calling OS thread a name /proc shows (its comm, 15 bytes at most), so partop,
    watching the process from outside, and top -H see T1, T2 or partop-report instead of
    python3 for every thread (CPython names its OS threads itself only from 3.14)."""
    ctypes, prctl = load_libc()[:2]
    if prctl is None:
        return
    try:
        prctl(15, ctypes.c_char_p(name.encode("ascii")[:15]), 0, 0, 0)  # PR_SET_NAME
    except Exception:
        pass


def thread_cpu_ns(tid):
    """This thread's CPU time so far, from /proc (exact, as partop reads it); None elsewhere."""
    try:
        with open("/proc/self/task/%d/schedstat" % tid) as f:
            return int(f.read().split()[0])
    except Exception:
        return None


def lane_event(lane):
    """Says a thread became a lane: its OS ids, and the CPU it had already used (partop counts
    only what comes after)."""
    tid = native_tid()
    return dict(ev="lane", lane=lane, pid=os.getpid(), tid=tid, cpu_ns=thread_cpu_ns(tid) if tid else None)


# ---------------------------------------------------------------------------------------------
# reports


class Reporter(object):
    """JSON lines to partop. A workload thread only appends to a deque: writing to the pipe is
    a blocking call that releases the GIL, and beside a CPU-bound thread every release costs a
    switch interval to get the lock back, which would change the very thing being measured
    (a convoy's round trip). A flusher thread writes the batch ten times a second."""

    PERIOD_S = 0.1

    def __init__(self, fd):
        import collections
        self.fd = fd
        self.pending = collections.deque()
        self.lock = threading.Lock()
        self.stopped = False

    def send(self, **event):
        self.pending.append(event)

    def flush(self):
        with self.lock:
            out = []
            while True:
                try:
                    out.append(json.dumps(self.pending.popleft(), separators=(",", ":")))
                except IndexError:
                    break
            if not out:
                return
            data = ("\n".join(out) + "\n").encode("utf-8")
            while data:
                n = os.write(self.fd, data)
                data = data[n:]

    def start(self):
        def run():
            name_thread("partop-report")
            while not self.stopped:
                time.sleep(self.PERIOD_S)
                self.flush()

        t = threading.Thread(target=run, name="partop-report")
        t.daemon = True
        t.start()


class Phase(object):
    """What runs: the phase partop sent, the reporter, and the task list."""

    def __init__(self, spec, reporter):
        self.spec = spec
        self.report = reporter
        self.tasks = spec["tasks"]
        self.port = spec.get("port", 0)
        self.next_task = 0
        self.take_lock = threading.Lock()
        self.critical = threading.Lock()

    def take(self):
        with self.take_lock:
            i = self.next_task
            if i >= len(self.tasks):
                return None
            self.next_task = i + 1
            return self.tasks[i]

    def run_lane(self, lane, run_task=None):
        """Announces the lane, then runs tasks from the list on it (with run_task, by default
        this phase's) until none are left."""
        run_task = run_task or self.run_task
        self.report.send(**lane_event(lane))
        while True:
            task = self.take()
            if task is None:
                return
            run_task(task, lane)

    def run_task(self, task, lane):
        """Every round: CPU, then memory, then I/O; a critical-section share of the CPU runs
        after the rest, under one lock shared by the phase's threads."""
        self.report.send(ev="start", lane=lane, task=task["id"])
        loops = task["loops"]
        cs = task.get("cs", 0.0)
        locked = int(round(loops * cs))
        for _ in _range(task["rounds"]):
            if loops:
                cpu_kernel(loops - locked, task["id"])
                if locked:
                    with self.critical:
                        cpu_kernel(locked, task["id"])
            if task.get("mem"):
                memory_stream(task["mem"])
            io = task.get("io")
            if io:
                self.report.send(ev="io", lane=lane, on=1)
                t0 = _now()
                io_wait(io, self.port)
                self.report.send(ev="io", lane=lane, on=0, ms=(_now() - t0) * 1000.0)
        self.report.send(ev="end", lane=lane, task=task["id"])


# ---------------------------------------------------------------------------------------------
# the models


def run_sequential(phase):
    """One thread, of its own rather than the main thread: CPython 3.11 runs the kernel 2-3 %
    slower on the main thread than on any other (measured here, one process, alternating), and
    the baseline should differ from the threaded phases in the number of threads only."""
    run_threads(phase, 1)


def run_threads(phase, count=None):
    """gil-threads, free-threads: N threading threads take tasks in order from one list."""
    errors = []

    def work(lane):
        try:
            name_thread(lane)
            phase.run_lane(lane)
            tid = native_tid()
            # its last CPU reading: the thread may be gone before partop reads /proc
            phase.report.send(ev="lane_done", lane=lane, cpu_ns=thread_cpu_ns(tid) if tid else None)
        except BaseException:
            errors.append(sys.exc_info())

    n = max(1, min(count or phase.spec["threads"], len(phase.tasks)))
    threads = [threading.Thread(target=work, args=("T%d" % (i + 1),), name="T%d" % (i + 1)) for i in range(n)]
    for t in threads:
        t.daemon = True
        t.start()
    for t in threads:
        # without a timeout: Python 2's join(timeout) polls, taking the GIL up to 20 times a
        # second, and with the old lock each poll is a battle that slowed the phase (2.7's
        # sequential baseline on its thread took 5-15 % longer with the main thread polling)
        t.join()
    if errors:
        raise_saved(errors[0])


def raise_saved(info):
    if PY2:
        raise info[1]  # its last line is what partop shows
    raise info[1].with_traceback(info[2])


# --- interpreters (concurrent.interpreters, Python 3.14) ---

_INTERP_TASK = """
import time
x = {seed} | 1
for _r in range({rounds}):
    for _ in range({loops}):
        x = (x * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        x ^= x >> 29
    if {sleep}:
        time.sleep({sleep})
"""


def run_interpreters(phase):
    """N threads over K sub-interpreters, each with its own GIL: thread i runs its tasks in
    interpreter i mod K. The work runs as source in the interpreter (functions of this
    script cannot cross into it); only CPU and sleeps are supported there."""
    from concurrent import interpreters
    k = max(1, phase.spec.get("interpreters", 2))
    interps = [interpreters.create() for _ in range(k)]
    for t in phase.tasks:
        if t.get("mem") or (t.get("io") and t["io"]["kind"] != "sleep"):
            raise ValueError("interpreters under CPython run cpu and io sleeps only")
    errors = []

    def run_in(interp):
        def run_task(task, lane):
            phase.report.send(ev="start", lane=lane, task=task["id"])
            io = task.get("io")
            source = _INTERP_TASK.format(seed=task["id"], rounds=task["rounds"], loops=task["loops"],
                                         sleep=io["wait_s"] if io else 0)
            getattr(interp, "exec")(source)
            phase.report.send(ev="end", lane=lane, task=task["id"])
        return run_task

    def work(i, lane):
        try:
            name_thread(lane)
            phase.run_lane(lane, run_in(interps[i % k]))
        except BaseException:
            errors.append(sys.exc_info())

    n = max(1, min(phase.spec["threads"], len(phase.tasks)))
    threads = [threading.Thread(target=work, args=(i, "T%d" % (i + 1))) for i in range(n)]
    for t in threads:
        t.daemon = True
        t.start()
    for t in threads:
        t.join()
    for it in interps:
        it.close()
    if errors:
        raise_saved(errors[0])


# --- processes ---

_worker = {}


def _worker_init(events, port, spawned_at):
    """In each pool worker: die with the agent, say hello (with its start-up time)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()
    name_thread("partop-worker")
    _worker["events"] = events
    _worker["port"] = port
    lane = "p%d" % os.getpid()
    _worker["lane"] = lane
    events.put({"ev": "lane", "lane": lane, "pid": os.getpid(), "tid": native_tid(),
                "startup_ms": (time.time() - spawned_at) * 1000.0})


class _QueueReporter(object):
    def __init__(self, events):
        self.events = events

    def send(self, **event):
        self.events.put(event)


def _worker_task(args):
    task, payload = args
    events = _worker["events"]
    phase = Phase({"tasks": [], "port": _worker["port"]}, _QueueReporter(events))
    phase.run_task(task, _worker["lane"])
    return payload


def die_with_parent():
    """Linux: SIGKILL this process when its parent dies (prctl PR_SET_PDEATHSIG)."""
    prctl = load_libc()[1]
    if prctl is None:
        return
    try:
        prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except Exception:
        pass


def run_processes(phase, pool_box):
    """multiprocessing: a Pool of K workers (with the phase's start method) takes the tasks
    one at a time; each task's payload is pickled to its worker and back. The workers report
    over a multiprocessing queue, which a thread here forwards to partop."""
    import multiprocessing
    spec = phase.spec
    method = spec.get("start_method")
    if PY2:
        if method not in (None, "fork"):
            raise ValueError("Python 2.7 has only the fork start method, not %s" % method)
        ctx = multiprocessing
    else:
        ctx = multiprocessing.get_context(method)
    k = max(1, min(spec["workers"], len(phase.tasks)))
    events = ctx.Queue()
    hellos = []
    ends = []

    def forward():
        name_thread("partop-forward")
        while True:
            e = events.get()
            if e is None:
                return
            if e.get("ev") == "lane":
                hellos.append(e)
            elif e.get("ev") == "end":
                ends.append(e)
            phase.report.send(**e)

    fwd = threading.Thread(target=forward, name="partop-forward")
    fwd.daemon = True
    fwd.start()

    def start_pool():
        pool = ctx.Pool(k, initializer=_worker_init, initargs=(events, phase.port, time.time()))
        pool_box.append(pool)
        return pool

    if spec.get("start") == "warm":
        # before the clock: every worker started and said hello
        pool = start_pool()
        deadline = time.time() + 120
        while len(hellos) < k and time.time() < deadline:
            time.sleep(0.005)
        phase.report.send(ev="pool_started")
    else:
        pool = None
    yield
    if pool is None:
        pool = start_pool()
    args = [(t, b"\x5a" * int(t.get("payload", 0))) for t in phase.tasks]
    received = 0
    for back, (t, sent) in zip(pool.imap(_worker_task, args, chunksize=1), args):
        received += len(back)
        if len(back) != len(sent):
            raise IOError("task %d: the payload came back short" % t["id"])
    # the workers' last reports may still be on their way through the queue
    deadline = time.time() + 5
    while len(ends) < len(args) and time.time() < deadline:
        time.sleep(0.001)
    phase.report.send(ev="ipc", bytes=2 * received, messages=2 * len(args))
    pool.close()
    events.put(None)
    fwd.join(2)


# --- event loop (asyncio) ---

# compiled only on Python 3: async syntax does not parse on Python 2
_ASYNC_SOURCE = '''
async def _async_task(phase, task, loop):
    lane = "task %d" % (task["id"] + 1)
    phase.report.send(ev="start", lane=lane, task=task["id"])
    loops = task["loops"]
    io = task.get("io")
    for _ in range(task["rounds"]):
        if loops:
            cpu_kernel(loops, task["id"])
        if task.get("mem"):
            memory_stream(task["mem"])
        if io:
            phase.report.send(ev="io", lane=lane, on=1)
            t0 = _now()
            if io["kind"] == "sleep":
                await asyncio.sleep(io["wait_s"])
            else:
                conn = getattr(phase, "conns", {}).get(task["id"])
                if conn is None:
                    conn = await asyncio.open_connection("127.0.0.1", phase.port)
                    if not hasattr(phase, "conns"):
                        phase.conns = {}
                    phase.conns[task["id"]] = conn
                reader, writer = conn
                writer.write(struct.pack(">q", int(io["wait_s"] * 1e9)))
                await reader.readexactly(1)
            phase.report.send(ev="io", lane=lane, on=0, ms=(_now() - t0) * 1000.0)
    phase.report.send(ev="end", lane=lane, task=task["id"])


async def _async_all(phase, loop):
    await asyncio.gather(*[_async_task(phase, t, loop) for t in phase.tasks])
    for reader, writer in getattr(phase, "conns", {}).values():
        writer.close()
'''


def run_event_loop(phase):
    """asyncio: one loop thread runs every task as a coroutine; sleeps and socket round trips
    are awaited, CPU work blocks the loop."""
    import asyncio
    g = globals()
    g["asyncio"] = asyncio
    if "_async_all" not in g:
        exec(compile(_ASYNC_SOURCE, "partop_agent.py:event-loop", "exec"), g)
    phase.report.send(**lane_event("loop"))
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    try:
        loop.run_until_complete(g["_async_all"](phase, loop))
    finally:
        loop.close()


# ---------------------------------------------------------------------------------------------
# what this interpreter has


def free_threaded_build():
    try:
        import sysconfig
        return bool(sysconfig.get_config_var("Py_GIL_DISABLED"))
    except Exception:
        return False


def gil_enabled():
    check = getattr(sys, "_is_gil_enabled", None)
    return True if check is None else bool(check())


def has_interpreters():
    try:
        from concurrent import interpreters  # noqa: F401 (3.14+)
        return True
    except ImportError:
        return False


def describe():
    import platform
    out = {
        "impl": platform.python_implementation(),
        "version": platform.python_version() + ("t" if free_threaded_build() else ""),
        "executable": sys.executable,
        "free_threaded_build": free_threaded_build(),
        "gil_enabled": gil_enabled(),
        "interpreters": has_interpreters(),
        "event_loop": not PY2 and sys.version_info >= (3, 5),
        "pid": os.getpid(),
    }
    try:
        import multiprocessing
        out["start_methods"] = multiprocessing.get_all_start_methods() if not PY2 else ["fork"]
        out["default_start_method"] = multiprocessing.get_start_method() if not PY2 else "fork"
    except Exception:
        out["start_methods"] = []
    return out


def missing(model, info, start_method=None):
    """What this interpreter lacks for the model, in words; None when it can run it."""
    if model == "free-threads":
        if not info["free_threaded_build"]:
            return "free-threads needs a free-threaded CPython build (3.13t or newer, e.g. `python: python3.13t`)"
        if info["gil_enabled"]:
            return "free-threads: this free-threaded build runs with the GIL enabled; set PYTHON_GIL=0"
    if model == "interpreters" and not info["interpreters"]:
        return "interpreters needs CPython 3.14 or newer (concurrent.interpreters)"
    if model == "event-loop" and not info["event_loop"]:
        return "event-loop needs Python 3 (asyncio)"
    if model == "processes" and start_method and start_method not in info.get("start_methods", []):
        return "start method %s is not available here (has: %s)" % (start_method, ", ".join(info["start_methods"]))
    return None


# ---------------------------------------------------------------------------------------------
# main


class FdLines(object):
    """Lines from a file descriptor, read with os.read. Not sys.stdin: a thread blocked in
    sys.stdin.readline() holds its buffer's lock, and a pool worker forked meanwhile closes
    sys.stdin first thing and would wait for that lock forever."""

    def __init__(self, fd):
        self.fd = fd
        self.buf = b""

    def readline(self):
        while b"\n" not in self.buf:
            more = os.read(self.fd, 65536)
            if not more:
                line, self.buf = self.buf, b""
                return line.decode("utf-8")
            self.buf += more
        line, self.buf = self.buf.split(b"\n", 1)
        return (line + b"\n").decode("utf-8")


_exit_code = [3]  # 0 once the phase is done, 1 once it failed


def watch_stdin(stdin, cleanup):
    """partop closed our stdin (it quit, or was killed): kill the children and exit (with 3,
    unless the phase had already ended)."""
    def run():
        name_thread("partop-stdin")
        try:
            while True:
                line = stdin.readline()
                if not line:
                    break
        except Exception:
            pass
        cleanup()
        os._exit(_exit_code[0])

    t = threading.Thread(target=run, name="partop-stdin")
    t.daemon = True
    t.start()


def kill_children():
    try:
        import multiprocessing
        for p in multiprocessing.active_children():
            try:
                os.kill(p.pid, signal.SIGKILL)
            except Exception:
                pass
    except Exception:
        pass


# How long an agent calibrates itself before its phase: about 20 runs of the kernel.
SELF_CALIBRATION_S = 0.2
# The most a phase's loops are rescaled by: two processes of one interpreter run 2-5 % apart.
RESCALE_LIMIT = 1.06


def rescale(tasks, reference, own):
    """Each task's loops scaled from the reference rate partop converted them with to this
    process's own: the same CPU seconds here. Two processes of one interpreter run the kernel
    2-5 % apart (address layout, hash seeds), so a phase in one agent and its baseline in
    another differed by that much: CPython's two GIL threads came out faster than its one
    thread (1.04x) where the same loops in one process, both on threads, give 0.98-1.01x.
    The factor is held within RESCALE_LIMIT: beyond the processes' own spread it measures the
    host, whose speed here swung 2x within 20 s (1.84-3.69 M loops/s, 0.2 s calibrations of
    2.7 a second apart), and a phase and its baseline then got different work."""
    if not reference or not own:
        return
    factor = min(max(own / reference, 1 / RESCALE_LIMIT), RESCALE_LIMIT)
    for task in tasks:
        if task.get("loops"):
            task["loops"] = max(1, int(round(task["loops"] * factor)))


def setup_interpreter(spec):
    if hasattr(sys, "setswitchinterval"):
        sys.setswitchinterval(spec.get("switch_interval_s", 0.005))
    elif spec.get("check_interval"):
        sys.setcheckinterval(spec["check_interval"])


def run(stdin, report):
    spec = json.loads(stdin.readline())
    info = describe()
    report.send(ev="hello", **info)
    model = spec["model"]
    problem = missing(model, info, spec.get("start_method"))
    if problem:
        raise RuntimeError(problem)
    setup_interpreter(spec)
    if spec.get("loops_per_s"):
        own, took = calibrate_in_thread(SELF_CALIBRATION_S)
        rescale(spec["tasks"], spec["loops_per_s"], own)
        report.send(ev="calibrated", loops_per_s=own, ms=took)
    phase = Phase(spec, report)
    pools = []
    steps = run_processes(phase, pools) if model == "processes" else None
    if steps is not None:
        next(steps)  # a warm pool starts here, before the clock
    report.send(ev="ready")
    report.flush()
    report.start()
    if stdin.readline().strip() != "go":
        return
    watch_stdin(stdin, kill_children)
    t0 = _now()
    if model == "sequential":
        run_sequential(phase)
    elif model in ("gil-threads", "free-threads"):
        run_threads(phase)
    elif model == "interpreters":
        run_interpreters(phase)
    elif model == "event-loop":
        run_event_loop(phase)
    elif model == "processes":
        for _ in steps:
            pass
    else:
        raise ValueError("unknown model %r" % model)
    _exit_code[0] = 0
    report.send(ev="done", wall_s=_now() - t0)
    report.stopped = True
    report.flush()
    for pool in pools:
        pool.terminate()


def main(argv):
    # partop's Ctrl-C and hang-up reach partop, which stops us: never die half-way on our own
    for sig in ("SIGINT", "SIGHUP"):
        if hasattr(signal, sig):
            signal.signal(getattr(signal, sig), signal.SIG_IGN)
    if "--probe" in argv:
        info = describe()
        info["lacks"] = {}
        for model in ("sequential", "gil-threads", "free-threads", "interpreters", "processes", "event-loop"):
            problem = missing(model, info)
            if problem:
                info["lacks"][model] = problem
        if "--calibrate" in argv:
            rate, took = calibrate_in_thread(float(argv[argv.index("--calibrate") + 1]))
            info["loops_per_s"] = rate
            info["calibration_ms"] = took
        print(json.dumps(info))
        return 0
    load_libc()  # here, before any thread or worker exists (see load_libc)
    # reports go to the stdout partop reads; our own stdout goes nowhere
    report_fd = os.dup(1)
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    sys.stdout = os.fdopen(1, "w")
    report = Reporter(report_fd)
    stdin = FdLines(0)
    try:
        run(stdin, report)
    except SystemExit:
        raise
    except BaseException:
        _exit_code[0] = 1
        text = traceback.format_exc()
        sys.stderr.write(text)
        last = [l for l in text.strip().splitlines() if l.strip()]
        report.send(ev="error", msg=last[-1].strip() if last else "error")
        report.flush()
        kill_children()
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
