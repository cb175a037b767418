"""Measures tonewatch on labelled third-party sets, next to a simple baseline computed in the same run.

Development figures: the sets' test splits are held out. Standard library only. Every text goes
through `tonewatch analyze --each-line --format=json`, the stable batch interface.
"""
import argparse
import csv
import datetime
import json
import os
import re
import subprocess
import sys

import ceiling

# The baseline: what a plain word count sees. A small list of negative words written for this
# script, plus the count of "you" tokens.
NEGATIVE_WORDS = set("""
angry annoyed annoying awful bad broken terrible horrible hate hated useless stupid idiot idiotic
ridiculous unacceptable disappointed disappointing frustrated frustrating worst wrong fail failed
failure never pathetic incompetent lazy rude mess problem problems issue issues sucks crap damn
hell shut nonsense waste garbage trash ugly dumb disgusting shame
""".split())
WORD = re.compile(r"[a-z']+")


def baseline_score(text):
    words = WORD.findall(text.lower())
    return sum(w in NEGATIVE_WORDS for w in words) + sum(w in ("you", "your") for w in words)


def run_tonewatch(binary, lexicons, texts):
    """Heat and findings per text, in order."""
    joined = "\n".join(t.replace("\r", " ").replace("\n", " ") for t in texts) + "\n"
    out = subprocess.run([binary, "analyze", "--lexicons", lexicons, "--each-line",
                          "--format=json"], input=joined.encode("utf-8"),
                         stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False)
    rows = [json.loads(line) for line in out.stdout.decode("utf-8").splitlines() if line]
    if len(rows) != len(texts):
        sys.exit(f"evaluate: expected {len(texts)} results, got {len(rows)}")
    return rows


def prf(pred, gold):
    tp = sum(p and g for p, g in zip(pred, gold))
    fp = sum(p and not g for p, g in zip(pred, gold))
    fn = sum(g and not p for p, g in zip(pred, gold))
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def auc(scores_pos, scores_neg):
    """Probability that a random positive scores above a random negative (ties count half)."""
    if not scores_pos or not scores_neg:
        return float("nan")
    ranked = sorted([(s, 1) for s in scores_pos] + [(s, 0) for s in scores_neg])
    rank_sum, i = 0.0, 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mid = (i + 1 + j) / 2.0
        rank_sum += mid * sum(1 for k in range(i, j) if ranked[k][1] == 1)
        i = j
    n_pos, n_neg = len(scores_pos), len(scores_neg)
    return (rank_sum - n_pos * (n_pos + 1) / 2.0) / (n_pos * n_neg)


def ranks(values):
    order = sorted(range(len(values)), key=lambda i: values[i])
    out = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j < len(order) and values[order[j]] == values[order[i]]:
            j += 1
        for k in range(i, j):
            out[order[k]] = (i + j + 1) / 2.0
        i = j
    return out


def spearman(a, b):
    ra, rb = ranks(a), ranks(b)
    n = len(a)
    ma, mb = sum(ra) / n, sum(rb) / n
    cov = sum((x - ma) * (y - mb) for x, y in zip(ra, rb))
    va = sum((x - ma) ** 2 for x in ra) ** 0.5
    vb = sum((y - mb) ** 2 for y in rb) ** 0.5
    return cov / (va * vb) if va and vb else float("nan")


# GoEmotions labels counted as positive: the set, and the wider one the data's README names.
POSITIVE = {"anger", "annoyance"}
WIDER_POSITIVE = POSITIVE | {"disapproval", "disgust"}


def read_goemotions(folder, split):
    """Texts and their label names, from one split's TSV (text, label ids, comment id)."""
    names = [l.strip() for l in open(os.path.join(folder, "labels.txt"), encoding="utf-8")]
    texts, label_sets = [], []
    with open(os.path.join(folder, f"{split}.tsv"), encoding="utf-8") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            texts.append(row[0])
            label_sets.append({names[int(x)] for x in row[1].split(",")})
    return texts, label_sets


def goemotions(args, table):
    folder = os.path.join(args.data, "goemotions")
    if not os.path.isdir(folder):
        table.append(("GoEmotions dev", "skipped: absent", "", ""))
        return
    texts, label_sets = read_goemotions(folder, "dev")
    gold = [bool(ids & POSITIVE) for ids in label_sets]
    grat_you = [("gratitude" in ids and re.search(r"\byou\b", text, re.I) is not None)
                for text, ids in zip(texts, label_sets)]
    rows = run_tonewatch(args.tonewatch, args.lexicons, texts)
    heat = [r["heat"] for r in rows]
    base = [baseline_score(t) for t in texts]
    t = args.threshold
    p, r, f1 = prf([h >= t for h in heat], gold)
    bp, br, bf1 = prf([b >= args.baseline_threshold for b in base], gold)
    table.append((f"GoEmotions dev (n={len(texts)}, {sum(gold)} anger or annoyance)",
                  f"heat>={t}: P {p:.3f} R {r:.3f} F1 {f1:.3f}",
                  f"score>={args.baseline_threshold}: P {bp:.3f} R {br:.3f} F1 {bf1:.3f}",
                  "target P >= 0.60 with R >= 0.40"))
    for extra in (5, 8, 9, 10, 15, 20, 30):
        if extra == t:
            continue
        ep, er, ef = prf([h >= extra for h in heat], gold)
        table.append(("", f"heat>={extra}: P {ep:.3f} R {er:.3f} F1 {ef:.3f}", "", ""))
    # The data's README names a wider secondary positive set.
    wider = [bool(ids & WIDER_POSITIVE) for ids in label_sets]
    wp, wr, wf = prf([h >= t for h in heat], wider)
    table.append((f"same, positives anger, annoyance, disapproval or disgust ({sum(wider)})",
                  f"heat>={t}: P {wp:.3f} R {wr:.3f} F1 {wf:.3f}", "", ""))
    if args.ceiling and not os.path.exists(os.path.join(folder, "train.tsv")):
        table.append(("ceiling", "skipped: no GoEmotions train split", "", ""))
    elif args.ceiling:
        train_texts, train_labels = read_goemotions(folder, "train")
        train_gold = [bool(ids & POSITIVE) for ids in train_labels]
        train_rows = run_tonewatch(args.tonewatch, args.lexicons, train_texts)
        for model, best_p, best_r in ceiling.ceiling(train_texts, train_gold, train_rows, texts,
                                                     gold, rows):
            table.append((f"ceiling, dev: {model}",
                          f"best P at R>=0.40: {best_p:.3f}; best R at P>=0.60: {best_r:.3f}",
                          "", ""))
    n_gy = sum(grat_you)
    fp = sum(1 for h, g in zip(heat, grat_you) if g and h >= t)
    fp_acc = sum(1 for r_, g in zip(rows, grat_you)
                 if g and any(f["category"] == "accusation" for f in r_["findings"]))
    bfp = sum(1 for b, g in zip(base, grat_you) if g and b >= args.baseline_threshold)
    table.append((f"GoEmotions gratitude with 'you' (n={n_gy})",
                  f"FP heat>={t}: {fp / n_gy:.2%}; any accusation: {fp_acc / n_gy:.2%}",
                  f"FP: {bfp / n_gy:.2%}", "target <= 1%"))
    if args.show_errors:
        for text, h, g in zip(texts, heat, grat_you):
            if g and h >= t:
                print("gratitude FP:", h, text, file=sys.stderr)


def politeness(args, table):
    path = os.path.join(args.data, "stanford-politeness", "wikipedia.annotated.csv")
    if not os.path.exists(path):
        table.append(("Stanford politeness", "skipped: absent", "", ""))
        return
    with open(path, encoding="utf-8", newline="") as f:
        items = [(r["Request"], float(r["Normalized Score"])) for r in csv.DictReader(f)]
    texts = [t for t, _ in items]
    scores = [s for _, s in items]
    rows = run_tonewatch(args.tonewatch, args.lexicons, texts)
    heat = [r["heat"] for r in rows]
    base = [baseline_score(t) for t in texts]
    ordered = sorted(scores)
    q25 = ordered[int(0.25 * (len(ordered) - 1))]
    q75 = ordered[int(0.75 * (len(ordered) - 1))]
    bottom = [i for i, s in enumerate(scores) if s <= q25]
    top = [i for i, s in enumerate(scores) if s >= q75]
    a = auc([heat[i] for i in bottom], [heat[i] for i in top])
    ba = auc([base[i] for i in bottom], [base[i] for i in top])
    rho = spearman(heat, scores)
    brho = spearman(base, scores)
    table.append((f"Stanford politeness (n={len(texts)})",
                  f"heat: AUC bottom vs top quartile {a:.3f}; Spearman {rho:+.3f}",
                  f"AUC {ba:.3f}; Spearman {brho:+.3f}", "target AUC >= 0.80"))
    # Tone is heat's signed form: courtesy and repair cues take it below 0.
    tone = [r["tone"] for r in rows]
    ta = auc([tone[i] for i in bottom], [tone[i] for i in top])
    table.append(("", f"tone: AUC bottom vs top quartile {ta:.3f}; Spearman "
                  f"{spearman(tone, scores):+.3f}", "", "target AUC >= 0.80"))
    for name, values in (("heat>0", [h > 0 for h in heat]), ("tone<0", [t < 0 for t in tone])):
        share_bottom = sum(1 for i in bottom if values[i]) / len(bottom)
        share_top = sum(1 for i in top if values[i]) / len(top)
        table.append(("", f"{name}: bottom {share_bottom:.1%}, top {share_top:.1%}", "", ""))


def enron(args, table):
    path = os.path.join(args.data, "politeness-transfer-enron-curated-test",
                        "politeness-curated-test.csv")
    if not os.path.exists(path):
        table.append(("Enron curated requests", "skipped: absent", "", ""))
        return
    texts = [l.rstrip("\n") for l in open(path, encoding="utf-8") if l.strip()]
    rows = run_tonewatch(args.tonewatch, args.lexicons, texts)
    with_suggestion = sum(1 for r in rows if any(f["suggestion"] for f in r["findings"]))
    table.append((f"Enron curated requests (n={len(texts)})",
                  f"get a suggestion: {with_suggestion / len(texts):.1%}", "n/a", ""))


# Categories whose positive findings say the text runs hot; the narrower set is blame aimed at the
# reader.
HEATED = {"accusation", "escalation", "ultimatum", "passive-aggressive", "hostility", "frustration",
          "absolutes", "pressure"}
BLAME = {"accusation", "passive-aggressive", "hostility"}


def face_acts(args, table):
    """Criticism of the reader (HPos-: a threat to the hearer's positive face) in business e-mail."""
    path = os.path.join(args.data, "email-politeness-face-acts-train", "train_seed42.csv")
    if not os.path.exists(path):
        table.append(("Face acts train", "skipped: absent", "", ""))
        return
    with open(path, encoding="utf-8", newline="") as f:
        items = [(r["covered_text"], "HPos-" in r["GoldFaceAct"]) for r in csv.DictReader(f)]
    texts = [t for t, _ in items]
    gold = [g for _, g in items]
    rows = run_tonewatch(args.tonewatch, args.lexicons, texts)
    you = [re.search(r"\byour?\b", t, re.I) is not None for t in texts]
    bp, br, bf = prf(you, gold)

    def flagged(categories):
        return [any(f["points"] > 0 and f["category"] in categories for f in r["findings"])
                for r in rows]

    heated = flagged(HEATED)
    p, r, f1 = prf(heated, gold)
    table.append((f"Face acts train (n={len(texts)}, {sum(gold)} HPos-)",
                  f"heated finding: P {p:.3f} R {r:.3f} F1 {f1:.3f}",
                  f"contains you/your: P {bp:.3f} R {br:.3f} F1 {bf:.3f}",
                  "target P >= 0.75 with R >= 0.50"))
    np_, nr, nf = prf(flagged(BLAME), gold)
    table.append(("", f"accusation, passive-aggressive or hostility: P {np_:.3f} R {nr:.3f} "
                  f"F1 {nf:.3f}", "", ""))
    if args.show_errors:
        for text, h, g in zip(texts, heated, gold):
            if h != g:
                print("face act", "FP:" if h else "FN:", text, file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--tonewatch", required=True)
    parser.add_argument("--lexicons", required=True)
    parser.add_argument("--data", required=True)
    parser.add_argument("--threshold", type=int, default=10, help="heat that counts as flagged")
    parser.add_argument("--baseline-threshold", type=int, default=2)
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--ceiling", action="store_true",
                        help="also fit weights on GoEmotions train and report what they reach on dev")
    args = parser.parse_args()
    version = subprocess.run([args.tonewatch, "--lexicons", args.lexicons, "--version"],
                             stdout=subprocess.PIPE, check=False).stdout.decode().strip()
    table = []
    goemotions(args, table)
    politeness(args, table)
    enron(args, table)
    face_acts(args, table)
    print(f"tonewatch evaluation, {datetime.date.today()} (development figures)")
    print(version.splitlines()[-1] if version else "")
    print()
    print(f"| set | tonewatch | baseline (negative words + 'you' count) | target |")
    print("|---|---|---|---|")
    for name, ours, base, target in table:
        print(f"| {name} | {ours} | {base} | {target} |")


if __name__ == "__main__":
    main()
