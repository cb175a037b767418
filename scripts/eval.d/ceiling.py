"""How far could weights go? Logistic regressions fitted on GoEmotions train, measured on dev.

The GoEmotions target asks for precision >= 0.60 at recall >= 0.40. Heat is a sum of hand-set points,
so one question is whether better points would reach it. This fits two models on the train split,
with the same labels (anger | annoyance), and reports the best precision each reaches on dev at
recall >= 0.40, and the best recall at precision >= 0.60, next to heat's:
  - rules: one learned weight per lexicon rule that fired (what any choice of points could do);
  - words: one learned weight per word seen in at least 3 train items (a plain lexical model);
  - both: the rules and the words together.
Standard library only; deterministic (fixed seed). Development figures.
"""
import math
import random
import re

TOKEN = re.compile(r"[a-z][a-z']*|[!?]")


def fit(rows, labels, epochs=12, rate=0.2, l2=1e-5, seed=7):
    """L2-regularized logistic regression by SGD over sparse binary rows (lists of feature ids)."""
    weights, bias = {}, 0.0
    order = list(range(len(rows)))
    rng = random.Random(seed)
    for epoch in range(epochs):
        rng.shuffle(order)
        step = rate / (1.0 + epoch)
        for i in order:
            z = bias + sum(weights.get(f, 0.0) for f in rows[i])
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = p - labels[i]
            bias -= step * g
            for f in rows[i]:
                w = weights.get(f, 0.0)
                weights[f] = w - step * (g + l2 * w)
    return lambda row: bias + sum(weights.get(f, 0.0) for f in row)


def operating_points(scores, labels):
    """(best precision at recall >= 0.40, best recall at precision >= 0.60) over all thresholds."""
    total = sum(labels)
    by_score = {}
    for s, g in zip(scores, labels):
        pos, n = by_score.get(s, (0, 0))
        by_score[s] = (pos + g, n + 1)
    best_p, best_r, tp, flagged = 0.0, 0.0, 0, 0
    for s in sorted(by_score, reverse=True):
        pos, n = by_score[s]
        tp += pos
        flagged += n
        precision, recall = tp / flagged, tp / total
        if recall >= 0.40:
            best_p = max(best_p, precision)
        if precision >= 0.60:
            best_r = max(best_r, recall)
    return best_p, best_r


def rule_features(result):
    return sorted({f["rule"] for f in result["findings"]})


def word_features(text, vocabulary):
    return sorted({w for w in TOKEN.findall(text.lower()) if w in vocabulary})


def ceiling(train_texts, train_gold, train_rows, dev_texts, dev_gold, dev_rows):
    """Rows of (model, best P at R >= .40, best R at P >= .60) on dev."""
    y_train = [1 if g else 0 for g in train_gold]
    y_dev = [1 if g else 0 for g in dev_gold]
    out = [("heat (hand-set points)",) + operating_points([r["heat"] for r in dev_rows], y_dev)]

    model = fit([rule_features(r) for r in train_rows], y_train)
    out.append(("rules, weights fitted on train",)
               + operating_points([model(rule_features(r)) for r in dev_rows], y_dev))

    counts = {}
    for text in train_texts:
        for w in set(TOKEN.findall(text.lower())):
            counts[w] = counts.get(w, 0) + 1
    vocabulary = {w for w, n in counts.items() if n >= 3}
    model = fit([word_features(t, vocabulary) for t in train_texts], y_train)
    out.append((f"words ({len(vocabulary)}), weights fitted on train",)
               + operating_points([model(word_features(t, vocabulary)) for t in dev_texts], y_dev))

    def both(text, result):
        return word_features(text, vocabulary) + rule_features(result)
    model = fit([both(t, r) for t, r in zip(train_texts, train_rows)], y_train)
    out.append(("rules and words, weights fitted on train",)
               + operating_points([model(both(t, r)) for t, r in zip(dev_texts, dev_rows)], y_dev))
    return out
