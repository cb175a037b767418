#!/usr/bin/env python3
"""Measures the mail cleaner on the third-party reply-parser fixtures in ../shared/data.

Development figures only. For each fixture listed in reply-expectations.tsv, the body is cleaned
by tonewatch_clean_tool and compared with the expected visible reply: what the sender wrote in that
message, without quotes, signatures, mobile footers or disclaimers (our reading of each fixture,
informed by the upstream projects' own tests). The comparison is exact after normalizing line ends
and white space at line ends, and collapsing runs of blank lines (see normalize()).

The TSV holds no third-party text. Each row is:
    path <TAB> kind <TAB> spec <TAB> note
  path  relative to the data folder
  kind  plain | html | eml (eml: the text/plain part, decoded, is the body)
  spec  lines:A-B,C   the expected text is those 1-based lines of the body
        none          the expected text is empty (nothing of the sender's)
        sha256:HEX    SHA-256 of the normalized expected text (for HTML, where lines do not map)
        skip:WHY      not measured (a template with placeholders, say)
  note  our own words: why the expectation is what it is
"""
import argparse
import email
import email.policy
import hashlib
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict


def normalize(text):
    lines = [l.rstrip() for l in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [l.replace("\u00a0", " ") for l in lines]
    out = []
    for l in lines:
        if l == "" and (not out or out[-1] == ""):
            continue
        out.append(l)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out)


def body_of(path, kind):
    raw = open(path, "rb").read()
    if kind != "eml":
        return raw.decode("utf-8", "replace")
    msg = email.message_from_bytes(raw, policy=email.policy.default)
    part = msg.get_body(preferencelist=("plain",))
    if part is None:
        return ""
    return part.get_content()


def expected_text(body, spec):
    if spec == "none":
        return ""
    if spec.startswith("lines:"):
        lines = body.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        picked = []
        for chunk in spec[len("lines:"):].split(","):
            a, _, b = chunk.partition("-")
            a = int(a)
            b = int(b) if b else a
            picked.extend(lines[a - 1:b])
        return "\n".join(picked)
    raise ValueError(spec)


def clean(tool, lexicons, body, kind):
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", delete=False) as f:
        f.write(body)
        name = f.name
    try:
        args = [tool, "--lexicons", lexicons] + (["--html"] if kind == "html" else []) + [name]
        run = subprocess.run(args, capture_output=True, timeout=120)
        if run.returncode != 0:
            return None, run.stderr.decode("utf-8", "replace").strip()
        return run.stdout.decode("utf-8", "replace"), run.stderr.decode().strip()
    finally:
        os.unlink(name)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tool", required=True)
    ap.add_argument("--lexicons", required=True)
    ap.add_argument("--data", required=True)
    ap.add_argument("--expectations", required=True)
    ap.add_argument("--verbose", action="store_true", help="show every mismatch")
    ap.add_argument("--draft", action="store_true",
                    help="print what the cleaner keeps, per fixture (to review expectations)")
    args = ap.parse_args()

    rows = []
    for n, line in enumerate(open(args.expectations, encoding="utf-8"), 1):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 3:
            sys.exit(f"{args.expectations}:{n}: expected path<TAB>kind<TAB>spec[<TAB>note]")
        rows.append((n, fields[0], fields[1], fields[2]))

    per = defaultdict(lambda: [0, 0])
    skipped = 0
    failures = []
    for n, rel, kind, spec in rows:
        corpus = rel.split("/")[0]
        path = os.path.join(args.data, rel)
        if spec.startswith("skip:"):
            skipped += 1
            continue
        if not os.path.exists(path):
            failures.append((rel, "fixture missing"))
            per[corpus][1] += 1
            continue
        body = body_of(path, kind)
        got, info = clean(args.tool, args.lexicons, body, kind)
        if args.draft:
            print(f"=== {rel} [{info}]\n{got}")
            continue
        per[corpus][1] += 1
        if got is None:
            failures.append((rel, f"tool failed: {info}"))
            continue
        got_n = normalize(got)
        if spec.startswith("sha256:"):
            ok = hashlib.sha256(got_n.encode()).hexdigest() == spec[len("sha256:"):]
            want = "(sha256) " + spec[len("sha256:"):][:12]
        else:
            want = normalize(expected_text(body, spec))
            ok = got_n == want
        if ok:
            per[corpus][0] += 1
        else:
            failures.append((rel, f"{info}\n--- expected\n{want}\n--- got\n{got_n}"))
    if args.draft:
        return
    total_ok = sum(v[0] for v in per.values())
    total = sum(v[1] for v in per.values())
    print("mail cleaning: share of reply-parser fixtures cleaned to exactly the expected reply")
    print("(development figures: the fixtures were used to tune the lexicon)")
    for corpus in sorted(per):
        ok, n = per[corpus]
        print(f"  {corpus:45s} {ok:4d}/{n:<4d} {100.0 * ok / max(n, 1):5.1f}%")
    print(f"  {'overall':45s} {total_ok:4d}/{total:<4d} {100.0 * total_ok / max(total, 1):5.1f}%"
          f"   ({skipped} skipped)")
    for rel, why in failures:
        print(f"MISMATCH {rel}" + (f"\n{why}\n" if args.verbose else ""))


if __name__ == "__main__":
    main()
