#!/usr/bin/env python3
"""Measures the transcript readers on third-party data (development figures only).

1. Caption files (webvtt-py, pysrt): each is read as cues by tonewatch_transcript_probe; a file is
   right when the cue count matches caption-cues.tsv, or when the reader fails and the expected
   value is "error".
2. QMSum meetings: `meeting_transcripts` [{speaker, content}] are converted to our JSON transcript
   format ([{speaker, text}]) in a temporary folder, then read and analyzed by the probe; the
   figure is turns per second of reading plus analysis (lexicon loading excluded).

Standard library only. Reads ../shared/data; writes nothing but a temporary folder.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile


def load_expectations(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            rows.append((fields[0], fields[1], fields[2] if len(fields) > 2 else ""))
    return rows


def run_probe(probe, args):
    """Runs the probe; returns {path: (status, count, notices, error)} and the summary fields."""
    out = subprocess.run([probe] + args, check=True, capture_output=True, text=True).stdout
    results, summary = {}, {}
    for line in out.splitlines():
        if line.startswith("# "):
            words = line[2:].split()
            summary = {words[i]: float(words[i + 1]) for i in range(0, len(words) - 1, 2)}
            continue
        fields = line.split("\t")
        if len(fields) >= 4:
            results[fields[0]] = (fields[1], int(fields[2]), int(fields[3]),
                                  fields[4] if len(fields) > 4 else "")
    return results, summary


def captions(args):
    rows = [r for r in load_expectations(args.expect)
            if os.path.exists(os.path.join(args.data, r[0]))]
    if not rows:
        print("captions: skipped: no caption sets under", args.data)
        return
    paths = [os.path.join(args.data, r[0]) for r in rows]
    results, _ = run_probe(args.probe, ["--cues"] + paths)
    right = right_valid = valid = 0
    misses = []
    for (name, expected, why), path in zip(rows, paths):
        status, count, notices, error = results[path]
        ok = (status == "error") if expected == "error" else (status == "ok" and
                                                              count == int(expected))
        right += ok
        if expected != "error":
            valid += 1
            right_valid += ok
        if not ok:
            got = error if status == "error" else f"{count} cues"
            misses.append(f"  {name}: expected {expected}, got {got} ({why})")
    print(f"captions: {right}/{len(rows)} files read right "
          f"({100.0 * right / len(rows):.1f}%); caption files with cues: "
          f"{right_valid}/{valid}; files to be refused: {right - right_valid}/{len(rows) - valid}")
    for miss in misses:
        print(miss)


def convert_meetings(folder, out_dir):
    """Writes one JSON transcript per meeting; returns (files, utterances)."""
    files, utterances = [], 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".json"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            meeting = json.load(f)
        turns = [{"speaker": t.get("speaker", ""), "text": t.get("content", "")}
                 for t in meeting.get("meeting_transcripts", [])]
        utterances += len(turns)
        path = os.path.join(out_dir, name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(turns, f, ensure_ascii=False)
        files.append(path)
    return files, utterances


def meetings(args):
    folder = os.path.join(args.data, "qmsum-meetings", "train")
    if not os.path.isdir(folder):
        print("qmsum: skipped: no", folder)
        return
    with tempfile.TemporaryDirectory(prefix="tonewatch-qmsum-") as tmp:
        files, utterances = convert_meetings(folder, tmp)
        results, reading = run_probe(args.probe, files)
        _, analyzing = run_probe(args.probe, [f"--lexicons={args.lexicons}"] + files)
    failed = [p for p, r in results.items() if r[0] != "ok"]
    turns = reading.get("turns", 0)
    print(f"qmsum: {len(files) - len(failed)}/{len(files)} meetings read, {utterances} utterances "
          f"-> {int(turns)} turns (consecutive utterances of one speaker merged), "
          f"{reading.get('bytes', 0) / 1e6:.1f} MB of text")
    for label, summary in (("reader only", reading), ("reader + engine", analyzing)):
        seconds = summary.get("seconds", 0)
        rate = summary.get("turns", 0) / seconds if seconds > 0 else 0
        print(f"  {label}: {seconds:.2f} s, {rate:,.0f} turns/s")
    for path in failed:
        print("  failed:", path, results[path][3])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--probe", required=True)
    parser.add_argument("--lexicons", required=True)
    parser.add_argument("--expect", required=True)
    parser.add_argument("--data", required=True)
    args = parser.parse_args()
    captions(args)
    meetings(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
