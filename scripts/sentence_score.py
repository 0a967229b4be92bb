#!/usr/bin/env python3
"""Sentence boundary P/R/F1 of claimsheet annotation output against gold sentences.

Usage: sentence_score.py GOLD.jsonl SYSTEM.jsonl [--errors N]

A boundary is the end offset of a sentence (whitespace-trimmed), except the last one of an
article; only boundaries inside the span covered by gold sentences are counted, so text the gold
leaves out (stock tables, dropped lines) does not count against the system. Python 3 only.
"""
import json
import sys


def load(path):
    out = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line:
                r = json.loads(line)
                out[str(r["id"])] = r
    return out


def ends(text, sentences):
    result = set()
    for s in sentences:
        e = s["end"]
        while e > s["start"] and text[e - 1].isspace():
            e -= 1
        result.add(e)
    return result


def main():
    args = sys.argv[1:]
    show = 0
    if "--errors" in args:
        i = args.index("--errors")
        show = int(args[i + 1])
        del args[i : i + 2]
    gold, system = load(args[0]), load(args[1])
    tp = fp = fn = 0
    errors = []
    for rid, g in gold.items():
        text = g["text"]
        gs = g.get("sentences") or []
        if not gs:
            continue
        s = system.get(rid, {}).get("sentences", [])
        lo = min(x["start"] for x in gs)
        hi = max(x["end"] for x in gs)
        gold_ends = {e for e in ends(text, gs) if e < hi - 1}
        sys_ends = {e for e in ends(text, s) if lo < e < hi - 1}
        # Only count system boundaries inside a gold sentence or at a gold boundary.
        covered = lambda e: any(x["start"] < e <= x["end"] for x in gs)
        sys_ends = {e for e in sys_ends if covered(e)}
        tp += len(gold_ends & sys_ends)
        fp += len(sys_ends - gold_ends)
        fn += len(gold_ends - sys_ends)
        for e in sorted(sys_ends - gold_ends):
            errors.append(("FP", rid, text[max(0, e - 50) : e] + " || " + text[e : e + 30]))
        for e in sorted(gold_ends - sys_ends):
            errors.append(("FN", rid, text[max(0, e - 50) : e] + " || " + text[e : e + 30]))
    p = 100.0 * tp / (tp + fp) if tp + fp else 0.0
    r = 100.0 * tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    print("sentence boundaries  P %.2f  R %.2f  F1 %.2f  (gold %d, system %d, correct %d)" % (p, r, f, tp + fn, tp + fp, tp))
    for kind, rid, ctx in errors[:show]:
        print(kind, rid, repr(ctx))


if __name__ == "__main__":
    main()
