#!/usr/bin/env python3
"""Turn a file of headlines (one per line, e.g. from scripts/gen_headlines.py)
into a newsreader .jsonl library: each headline with a source, a date and two short
generated paragraphs. Deterministic. The README's 100k and 1M reader figures use it.

usage: headlines_to_jsonl.py HEADLINES.txt LIBRARY.jsonl
"""
import json
import random
import sys

WORDS = ("the of and to in a is that for on with as was by at from officials government "
         "minister talks war peace military aid sanctions election market economy").split()
SOURCES = ["Reuters", "AP", "BBC News", "The Guardian", "Politico", "Al Jazeera", "DW", "France 24"]


def main():
    src, out = sys.argv[1], sys.argv[2]
    r = random.Random(7)
    with open(src) as f, open(out, "w") as o:
        for i, line in enumerate(f):
            body = [" ".join(r.choice(WORDS) for _ in range(35)).capitalize() + "." for _ in range(2)]
            o.write(json.dumps({
                "title": line.rstrip("\n"),
                "source": r.choice(SOURCES),
                "published": "2024-%02d-%02d" % (1 + i % 12, 1 + i % 28),
                "body": body,
            }) + "\n")


if __name__ == "__main__":
    main()
