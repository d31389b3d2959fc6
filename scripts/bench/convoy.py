"""The convoy loop of scenarios/convoy.yaml in CPython: round trips over loopback to an echo
in another process, alone and beside one CPU-bound thread that starts first. Prints the mean
round trip of each in milliseconds: "alone MS beside MS"."""
import socket, subprocess, sys, threading, time

ECHO = ("import socket,sys\n"
        "s=socket.socket(); s.bind(('127.0.0.1',0)); s.listen(1)\n"
        "print(s.getsockname()[1], flush=True)\n"
        "c,_=s.accept(); c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)\n"
        "while True:\n"
        "    d=c.recv(8)\n"
        "    if not d: break\n"
        "    c.sendall(b'x')\n")


def round_trips(sock, n):
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        sock.sendall(b'\0' * 8)
        sock.recv(1)
        times.append(time.perf_counter() - t0)
    return sum(times) / len(times) * 1000


def spin(seconds):
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 150
    echo = subprocess.Popen([sys.executable, "-c", ECHO], stdout=subprocess.PIPE, text=True)
    port = int(echo.stdout.readline())
    sock = socket.create_connection(("127.0.0.1", port))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    alone = round_trips(sock, rounds)
    cpu = threading.Thread(target=spin, args=(2.0,))
    cpu.start()
    beside = round_trips(sock, rounds)
    cpu.join()
    sock.close()
    echo.wait()
    print(f"alone {alone:.3f} beside {beside:.3f}")


main()
