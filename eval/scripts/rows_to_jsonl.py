#!/usr/bin/env python3
"""Turn the sentence-level gold files into Marsad input documents, one sentence per document.

  rows_to_jsonl.py ar_plover_detect.dev.csv > det.in.jsonl     (id = the CSV row id)
  rows_to_jsonl.py ar_plover_actors.dev.jsonl > act.in.jsonl   (id = doc_id)

Each output line is {"id", "text", "lang": "ar"}; a row id seen twice is written once.
"""
import csv
import json
import sys


def rows(path):
    if path.endswith(".csv"):
        with open(path, encoding="utf-8") as f:
            for r in csv.DictReader(f):
                yield r["id"], r["text"]
    else:
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    r = json.loads(line)
                    yield r["doc_id"], r["text"]


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    seen = set()
    for rid, text in rows(argv[1]):
        if rid in seen:
            continue
        seen.add(rid)
        print(json.dumps({"id": rid, "text": text, "lang": "ar"}, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
