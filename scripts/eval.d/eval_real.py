"""Precision of tonewatch's flags on real mail, judged by hand.

Every message of the real-mail set (aeslc-enron-train bodies, each wrapped in minimal headers so it
takes the mail path a user's Maildir takes, and any Maildir or mbox given) goes through
`tonewatch analyze --format=json`. A seeded random order of all messages is walked until `--sample`
messages with a positive finding are found; every positive finding of those is looked up in the
judgement file (message, rule, begin, end, verdict, reason). Precision counts right / (right+wrong);
"unsure" is shown but counted in neither. Findings not yet judged are listed with their sentence,
so a lexicon change is re-judged only where its findings changed. Development figures.

The judgement file never holds mail text: only the message key, the rule, the byte span and a few
words of reason. Standard library only.
"""
import argparse
import collections
import email
import email.policy
import json
import mailbox
import os
import random
import subprocess
import sys
import tempfile

VERDICTS = ("right", "wrong", "unsure")
# The "take this off email" prompt is judged like a finding, under this rule name.
PROMPT_RULE = "move-off-email"


def read_aeslc(folder):
    """(key, subject, body) for every .subject file, in name order."""
    out = []
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".subject"):
            continue
        with open(os.path.join(folder, name), encoding="utf-8", errors="replace") as f:
            text = f.read()
        body, _, subject = text.partition("\n@subject\n")
        out.append((name[: -len(".subject")], subject.strip().splitlines()[0] if subject.strip()
                    else "", body))
    return out


def write_maildir(messages, root):
    """A Maildir of `messages`, keyed by Message-ID <key@aeslc>, so the results map back."""
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(root, sub), exist_ok=True)
    for key, subject, body in messages:
        head = (f"From: sender@enron.example\nTo: reader@enron.example\n"
                f"Subject: {subject}\nMessage-ID: <{key}@aeslc>\n"
                "Content-Type: text/plain; charset=utf-8\n\n")
        with open(os.path.join(root, "cur", key + ":2,S"), "w", encoding="utf-8") as f:
            f.write(head + body)


def message_key(message_id):
    mid = message_id.strip("<>")
    return mid[: -len("@aeslc")] if mid.endswith("@aeslc") else mid


def analyze(binary, lexicons, paths):
    """{message key: (message json, thread json)} for every message of `paths`."""
    out = subprocess.run([binary, "analyze", "--lexicons", lexicons, "--format=json", *paths],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    if out.returncode not in (0, 3):
        sys.exit(f"eval-real: tonewatch failed ({out.returncode}): {out.stderr.decode()[-500:]}")
    result = {}
    for line in out.stdout.decode("utf-8").splitlines():
        if not line.strip():
            continue
        thread = json.loads(line)
        for m in thread["messages"]:
            result[message_key(m["id"] or "")] = (m, thread)
    return result


def bodies_of(paths):
    """{message key: text body} of the given Maildirs and mboxes, to show a finding's sentence."""
    out = {}
    for path in paths:
        box = mailbox.Maildir(path, create=False) if os.path.isdir(path) else mailbox.mbox(path)
        for msg in box:
            parsed = email.message_from_bytes(bytes(msg), policy=email.policy.default)
            part = parsed.get_body(preferencelist=("plain", "html"))
            try:
                text = part.get_content() if part is not None else ""
            except (LookupError, ValueError):
                text = ""
            out[message_key(parsed.get("Message-ID", ""))] = text
    return out


def sentence_around(body, finding):
    """The line of `body` (AESLC puts one sentence per line) holding the finding's words."""
    raw = body.encode("utf-8")
    begin, end = finding["begin"], finding["end"]
    words = finding["text"].encode("utf-8")
    if raw[begin:end] != words:
        found = raw.find(words, max(0, begin - 400))
        if found < 0:
            found = raw.find(words)
        if found < 0:
            return finding["text"]
        begin, end = found, found + len(words)
    start = raw.rfind(b"\n", 0, begin) + 1
    stop = raw.find(b"\n", end)
    stop = len(raw) if stop < 0 else stop
    line = raw[start:stop].decode("utf-8", "replace")
    lo, hi = begin - start, end - start
    pre = raw[start:start + lo].decode("utf-8", "replace")[-160:]
    mid = raw[start + lo:start + hi].decode("utf-8", "replace")
    post = raw[start + hi:stop].decode("utf-8", "replace")[:200]
    return " ".join(f"{pre}[[{mid}]]{post}".split()) if line else mid


def read_judgements(path):
    judged = {}
    if not os.path.exists(path):
        return judged
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 5 or cols[4] not in VERDICTS:
                sys.exit(f"{path}:{n}: expected message, rule, begin, end, right|wrong|unsure, "
                         "reason")
            judged[(cols[0], cols[1], int(cols[2]), int(cols[3]))] = cols[4]
    return judged


def precision(counts):
    right, wrong = counts["right"], counts["wrong"]
    return f"{right / (right + wrong):.2f}" if right + wrong else "n/a"


def main():
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tonewatch", required=True)
    parser.add_argument("--lexicons", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--judgements", required=True)
    parser.add_argument("--seed", type=int, default=1, help="sample order (default 1)")
    parser.add_argument("--sample", type=int, default=150,
                        help="flagged messages in the sample (default 150)")
    parser.add_argument("--list", choices=("unjudged", "all", "wrong", "none"), default="unjudged",
                        help="which findings to print with their sentence (default unjudged)")
    parser.add_argument("--heat", action="store_true", help="print the heat distribution")
    parser.add_argument("paths", nargs="*", help="Maildirs or mboxes of your own to sample too")
    args = parser.parse_args()

    folder = os.path.join(args.data, "aeslc-enron-train", "enron_subject_line", "train")
    if not os.path.isdir(folder):
        folder = os.path.join(args.data, "aeslc-enron-train")
    bodies = {}
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        if os.path.isdir(folder) and any(n.endswith(".subject") for n in os.listdir(folder)):
            messages = read_aeslc(folder)
            bodies.update({key: body for key, _, body in messages})
            write_maildir(messages, os.path.join(tmp, "aeslc"))
            results.update(analyze(args.tonewatch, args.lexicons, [os.path.join(tmp, "aeslc")]))
        if args.paths:
            bodies.update(bodies_of(args.paths))
            results.update(analyze(args.tonewatch, args.lexicons, args.paths))
    if not results:
        print("scripts/eval-real: skipped: no real mail (no aeslc-enron-train and no paths given)")
        return

    def positive(m):
        return [f for f in m["findings"] if f["points"] > 0]

    keys = sorted(results)
    flagged_all = sum(1 for k in keys if positive(results[k][0]))
    order = keys[:]
    random.Random(args.seed).shuffle(order)
    sample = [k for k in order if positive(results[k][0])][: args.sample]

    judged = read_judgements(args.judgements)
    overall = collections.Counter()
    by_category = collections.defaultdict(collections.Counter)
    by_rule = collections.defaultdict(collections.Counter)
    unjudged = []
    listed = []
    prompts = collections.Counter()
    for key in sample:
        message, thread = results[key]
        for f in positive(message):
            verdict = judged.get((key, f["rule"], f["begin"], f["end"]))
            label = verdict or "unjudged"
            overall[label] += 1
            by_category[f["category"]][label] += 1
            by_rule[f["rule"]][label] += 1
            row = (key, f, label)
            if verdict is None:
                unjudged.append(row)
            if args.list == "all" or (args.list == "wrong" and verdict == "wrong") or \
                    (args.list == "unjudged" and verdict is None):
                listed.append(row)
        if thread.get("move_off_email") and thread["messages"][-1]["id"] == message["id"]:
            verdict = judged.get((key, PROMPT_RULE, 0, 0))
            prompts[verdict or "unjudged"] += 1
            row = (key, {"rule": PROMPT_RULE, "begin": 0, "end": 0, "points": 0,
                         "reasons": thread["move_off_email"].get("reasons", [])}, verdict or "unjudged")
            if verdict is None:
                unjudged.append(row)
            if args.list == "all" or (args.list == "wrong" and verdict == "wrong") or \
                    (args.list == "unjudged" and verdict is None):
                listed.append(row)

    for key, f, label in listed:
        if f["rule"] == PROMPT_RULE:
            print(f"{key}\t{PROMPT_RULE}\t0\t0\t{label}\t+0\t" + "; ".join(f["reasons"]))
            continue
        print(f"{key}\t{f['rule']}\t{f['begin']}\t{f['end']}\t{label}\t+{f['points']}\t"
              f"{sentence_around(bodies.get(key, ''), f)}")
    if listed:
        print()
    findings = sum(overall.values())
    print(f"tonewatch on real mail, seed {args.seed} (development figures; judged by hand)")
    print(f"messages: {len(keys)}, flagged (a positive finding): {flagged_all} "
          f"({flagged_all / len(keys):.1%})")
    print(f"sample: {len(sample)} flagged messages, {findings} positive findings; judged "
          f"{findings - overall['unjudged']}, unjudged {overall['unjudged']}")
    print(f"precision: {precision(overall)}  (right {overall['right']}, wrong {overall['wrong']}, "
          f"unsure {overall['unsure']})")
    print(f"move-off-email prompts in the sample: {sum(prompts.values())} (right "
          f"{prompts['right']}, wrong {prompts['wrong']}, unjudged {prompts['unjudged']})")
    print()
    print("| category | findings | right | wrong | unsure | unjudged | precision |")
    print("|---|---|---|---|---|---|---|")
    for name, c in sorted(by_category.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"| {name} | {sum(c.values())} | {c['right']} | {c['wrong']} | {c['unsure']} | "
              f"{c['unjudged']} | {precision(c)} |")
    print()
    print("| rule | findings | right | wrong | precision |")
    print("|---|---|---|---|---|")
    for name, c in sorted(by_rule.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        print(f"| {name} | {sum(c.values())} | {c['right']} | {c['wrong']} | {precision(c)} |")
    if args.heat:
        buckets = collections.Counter()
        for key in keys:
            h = results[key][0]["heat"]
            buckets["0" if h == 0 else "1-9" if h < 10 else "10-19" if h < 20 else
                    "20-39" if h < 40 else "40+ (hot)"] += 1
        print()
        print("heat of every message: " + ", ".join(
            f"{b}: {buckets[b]} ({buckets[b] / len(keys):.1%})"
            for b in ("0", "1-9", "10-19", "20-39", "40+ (hot)")))


if __name__ == "__main__":
    main()
