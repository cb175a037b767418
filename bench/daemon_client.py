#!/usr/bin/env python3
"""Times tonewatchd over its socket for scripts/bench-daemon.

  daemon_client.py wait SOCKET COUNT TIMEOUT   -> seconds until COUNT messages are stored, idle
  daemon_client.py land SOCKET MAILDIR N       -> land-to-query latency of N delivered messages
  daemon_client.py query SOCKET N              -> latency of N status / flagged / thread queries
"""
import json
import os
import socket
import statistics
import sys
import time


def ask(path, method, params=None):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(60)
        s.connect(path)
        s.sendall((json.dumps({"v": 1, "id": 1, "method": method, "params": params or {}}) + "\n").encode())
        data = b""
        while not data.endswith(b"\n"):
            chunk = s.recv(1 << 20)
            if not chunk:
                break
            data += chunk
    answer = json.loads(data)
    if not answer.get("ok"):
        raise RuntimeError(answer)
    return answer["result"]


def wait(path, count, timeout):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            s = ask(path, "status")
            if s["messages"] >= count and s["queued"] == 0 and not s["progress"]["scanning"]:
                return time.monotonic() - start
        except (OSError, ValueError):
            pass
        time.sleep(0.05)
    raise SystemExit("timed out")


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(p * len(values)))]


def land(path, maildir, n):
    latencies = []
    for i in range(n):
        mid = "land-%d-%d@bench.example" % (os.getpid(), i)
        body = ("From: Dana <dana@client.example>\nTo: Sam <sam@us.example>\nSubject: Landing %d\n"
                "Date: Tue, 14 Nov 2023 10:00:00 +0000\nMessage-ID: <%s>\n\n"
                "This is unacceptable, fix it today.\n" % (i, mid))
        tmp = os.path.join(maildir, "tmp", "land%d" % i)
        with open(tmp, "w") as f:
            f.write(body)
        start = time.monotonic()
        os.rename(tmp, os.path.join(maildir, "new", "land%d" % i))
        while True:
            try:
                ask(path, "message", {"id": mid})
                break
            except RuntimeError:
                time.sleep(0.002)
        latencies.append((time.monotonic() - start) * 1000)
    print("land-to-query ms: median %.1f, p95 %.1f, max %.1f (n=%d)" %
          (statistics.median(latencies), pct(latencies, 0.95), max(latencies), n))


def query(path, n):
    thread = ask(path, "flagged", {"limit": 1})["threads"][0]["thread"]
    results = {}
    for name, method, params in [("status", "status", {}),
                                 ("flagged (50 hottest)", "flagged", {"limit": 50}),
                                 ("flagged --category hostility", "flagged", {"category": "hostility", "limit": 50}),
                                 ("thread", "thread", {"id": thread})]:
        times = []
        for _ in range(n):
            start = time.monotonic()
            ask(path, method, params)
            times.append((time.monotonic() - start) * 1000)
        results[name] = times
    base = statistics.median(results["status"])
    for name, times in results.items():
        print("%-30s median %7.1f ms  p95 %7.1f ms  (%.1fx status)" %
              (name, statistics.median(times), pct(times, 0.95), statistics.median(times) / base))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "wait":
        print("%.2f" % wait(sys.argv[2], int(sys.argv[3]), float(sys.argv[4])))
    elif cmd == "land":
        land(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif cmd == "query":
        query(sys.argv[2], int(sys.argv[3]))
