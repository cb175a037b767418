#!/usr/bin/env python3
"""tonewatchd's side of bench/side-by-side: asks the daemon over its socket until work is done.

  side_by_side.py ingested SOCKET MESSAGES FILES TIMEOUT
      waits until the store holds MESSAGES messages and the daemon is idle (nothing queued, no
      scan running), or until it is idle with all FILES files read (some failed); prints
      "<messages stored> <failed files>" and the first failures on stderr
  side_by_side.py queryable SOCKET IDS_FILE MESSAGES TIMEOUT
      waits until `message` answers for every Message-ID in IDS_FILE (one a line, no brackets):
      first until `status` counts MESSAGES stored (cheap to ask often), then asks for each
  side_by_side.py vmhwm PID
      prints the peak resident set of process PID in KiB (VmHWM in /proc/PID/status)
"""
import json
import socket
import sys
import time


class NotFound(Exception):
    pass


def ask(path, method, params=None):
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
        s.settimeout(120)
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
        if answer.get("error", {}).get("code") == "not-found":
            raise NotFound()
        raise RuntimeError(answer)
    return answer["result"]


def ingested(path, messages, files, timeout):
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            s = ask(path, "status")
        except (OSError, ValueError):
            time.sleep(0.05)
            continue
        idle = s["queued"] == 0 and not s["progress"]["scanning"]
        if idle and (s["messages"] >= messages or s["files"] >= files):
            print(s["messages"], s["failed_files"])
            for f in s.get("failures", [])[:5]:
                print("failed: %s: %s" % (f["path"], f["error"]), file=sys.stderr)
            return
        time.sleep(0.05)
    raise SystemExit("side_by_side.py: timed out waiting for the ingest")


def queryable(path, ids_file, messages, timeout):
    with open(ids_file) as f:
        waiting = [line.strip() for line in f if line.strip()]
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        try:
            if ask(path, "status")["messages"] >= messages:
                break
        except (OSError, ValueError):
            pass
        time.sleep(0.005)
    while waiting and time.monotonic() - start < timeout:
        still = []
        for mid in waiting:
            try:
                ask(path, "message", {"id": mid})
            except NotFound:
                still.append(mid)
            except (OSError, ValueError):
                still.append(mid)
        waiting = still
        if waiting:
            time.sleep(0.02)
    if waiting:
        raise SystemExit("side_by_side.py: %d messages never became queryable" % len(waiting))


def vmhwm(pid):
    with open("/proc/%s/status" % pid) as f:
        for line in f:
            if line.startswith("VmHWM:"):
                print(line.split()[1])
                return
    raise SystemExit("side_by_side.py: no VmHWM for %s" % pid)


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "ingested":
        ingested(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), float(sys.argv[5]))
    elif cmd == "queryable":
        queryable(sys.argv[2], sys.argv[3], int(sys.argv[4]), float(sys.argv[5]))
    elif cmd == "vmhwm":
        vmhwm(sys.argv[2])
    else:
        raise SystemExit(__doc__)
