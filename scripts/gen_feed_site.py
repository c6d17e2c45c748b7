#!/usr/bin/env python3
"""Writes a local web site of FEEDS RSS feeds with ITEMS items each, every item
linking to a full article page, plus subscriptions.opml, for measuring
`newsreader fetch` against a server on 127.0.0.1:

    python3 scripts/gen_feed_site.py /tmp/feedsite --feeds 50 --items 50 --port 8765
    (cd /tmp/feedsite && python3 -m http.server 8765 --bind 127.0.0.1) &
    newsreader import --library /tmp/site.db /tmp/feedsite/subscriptions.opml
    time newsreader fetch --library /tmp/site.db

Everything is invented; the text is made of a small vocabulary, deterministic.
"""
import argparse
import os
import random

WORDS = ("council harbour river market school bridge station library museum "
         "festival garden council workers plan budget report weather night "
         "morning residents committee mayor island ferry train road park "
         "hospital teachers farmers season water energy project village").split()


def sentence(rng):
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 18))]
    return " ".join(words).capitalize() + "."


def paragraph(rng):
    return " ".join(sentence(rng) for _ in range(rng.randint(2, 5)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--feeds", type=int, default=50)
    ap.add_argument("--items", type=int, default=50)
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--seed", type=int, default=42)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    base = f"http://127.0.0.1:{args.port}"
    os.makedirs(os.path.join(args.out, "articles"), exist_ok=True)
    outlines = []
    for f in range(args.feeds):
        items = []
        for i in range(args.items):
            title = sentence(rng)[:-1]
            name = f"articles/{f:03d}-{i:03d}.html"
            body = "".join(f"<p>{paragraph(rng)}</p>\n" for _ in range(rng.randint(4, 10)))
            with open(os.path.join(args.out, name), "w") as page:
                page.write(
                    "<!DOCTYPE html><html><head><meta charset=utf-8>"
                    f"<title>{title} | Site {f}</title></head><body>"
                    "<header><nav><a href=/>Home</a> <a href=/news>News</a></nav></header>"
                    f"<article><h1>{title}</h1><p>By Staff Writer</p>{body}</article>"
                    "<footer><p>All rights reserved.</p></footer></body></html>"
                )
            day = 1 + (f + i) % 28
            items.append(
                f"<item><title>{title}</title><link>{base}/{name}</link>"
                f"<guid>site-{f}-{i}</guid><pubDate>Sun, {day:02d} Feb 2026 10:{i % 60:02d}:00 GMT</pubDate>"
                f"<description>{sentence(rng)}</description></item>"
            )
        with open(os.path.join(args.out, f"feed-{f:03d}.xml"), "w") as feed:
            feed.write(
                '<?xml version="1.0"?><rss version="2.0"><channel>'
                f"<title>Site {f}</title><link>{base}/</link><description>Feed {f}</description>"
                + "".join(items)
                + "</channel></rss>"
            )
        outlines.append(f'<outline text="Site {f}" type="rss" xmlUrl="{base}/feed-{f:03d}.xml"/>')
    with open(os.path.join(args.out, "subscriptions.opml"), "w") as opml:
        opml.write('<?xml version="1.0"?><opml version="2.0"><head><title>site</title></head><body>'
                   + "".join(outlines) + "</body></opml>")


if __name__ == "__main__":
    main()
