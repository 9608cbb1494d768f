#!/usr/bin/env python3
"""Replay gate thresholds on the seed and snn-dev articles (stdlib only).

`cargo run -p xtask --release -- train-classifier --articles-out DIR` codes the articles with the gate
off and each ASSAULT/PROTEST event explained ("sentence classifier S at evidence level L" in `why`).
This script drops the events a threshold set would drop and scores the rest with `score.py events`:

  gate_articles.py DIR [--gate data/models/gate.tsv] [--list]

--list prints every gated event (category, level, score, evidence start) instead of scoring.
"""
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT / ".." / "shared"
WHY = re.compile(r"sentence classifier ([0-9.]+) at evidence level (\d)")


def thresholds(path):
    out = {}
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) != 3 or cols[0] == "category":
            continue
        out.setdefault(cols[0], [0.0] * 4)[int(cols[1])] = float(cols[2])
    return out


def gated(event):
    for w in event.get("why") or []:
        m = WHY.search(w)
        if m:
            return float(m.group(1)), int(m.group(2))
    return None


def main(argv):
    args = argv[1:]
    if not args:
        print(__doc__)
        return 2
    src = Path(args[0])
    gate = args[args.index("--gate") + 1] if "--gate" in args else ROOT / "data/models/gate.tsv"
    t = thresholds(gate)
    for stem, gold in [("seed", "seed-ar.gold.jsonl"), ("snn-dev", "snn-dev.gold.jsonl")]:
        docs = [json.loads(l) for l in (src / f"{stem}.jsonl").read_text(encoding="utf-8").splitlines() if l]
        dropped = 0
        for d in docs:
            keep = []
            for e in d["events"]:
                g = gated(e)
                if "--list" in args and g:
                    print(stem, d["doc_id"], e["event"], g[1], f"{g[0]:.3f}", e.get("evidence", "")[:90])
                if g and e["event"] in t and g[0] < t[e["event"]][g[1]]:
                    dropped += 1
                    continue
                keep.append(e)
            d["events"] = keep
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
            f.write("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs))
        out = subprocess.run([sys.executable, str(SHARED / "tools/score.py"), "events",
                              str(SHARED / "data/gold" / gold), f.name, "--json"],
                             capture_output=True, text=True, check=True).stdout
        s = json.loads(out)
        pick = {**s["scopes"], **s["categories"]}
        brief = {k: (pick.get(k) or {}).get("f1") for k in ("all", "material", "ASSAULT", "PROTEST")}
        print(stem, "dropped", dropped, json.dumps(brief))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
