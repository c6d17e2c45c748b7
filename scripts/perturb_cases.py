#!/usr/bin/env python3
"""Perturbed copies of the development set's text cases, each with the case's own
truth, to find where the headline choice hangs on one page's layout rather than on
evidence an unseen page also shows.

    python3 scripts/perturb_cases.py --cases ../shared/eval-dev/cases --out /tmp/perturb \
        --exclude "$(cat heldback.re)"
    for d in /tmp/perturb/*/; do
        python3 ../shared/eval-dev/score.py --dir $d --cmd 'target/release/newsreader parse --json {file}'
    done

Each perturbation is a folder of NAME.txt / NAME.json copies; every change is one a
real page's text could show (the headline line itself is never touched):

- `no_menu`: every line above the headline but the last two dropped (a page that
  opens at its headline);
- `half_menu`: the first half of the lines above the headline dropped;
- `no_blank`: every blank line dropped (a copy that loses its paragraph breaks);
- `blank_between`: a blank line between every two lines;
- `caps_menu`: the short lines (four words or fewer) above the headline in capitals;
- `teasers_above`: a "Latest" block of six teaser headlines, each with a date,
  right above the headline;
- `popular_above`: a "Most popular" block of six teaser headlines, no dates,
  right above the headline;
- `authored_above`: a "Latest" block of six teasers right above the headline,
  each a headline, its writer's name alone on a line and a stamp ("Today
  7:30AM"), as news sites' story lists show them;
- `authored_under`: the same block of authored teasers between the header and
  the story's first paragraph (after the first line of 20 words or more below
  the headline: a "Most read" box the page puts before the story);
- `cookie_top`: a cookie banner (a paragraph and two buttons) at the top;
- `read_more_under`: a "READ MORE: <other headline>" line between the header and
  the story's first paragraph;
- `wrapped`: lines over 80 columns hard-wrapped, as `fold -s` would.

The headline's line is found by its text; a case whose headline no line spells
exactly is skipped by the perturbations that need its place. Cases whose name
matches --exclude (the held-back quarter) and the set's wrapped copies are skipped.
The teaser headlines come from scripts/gen_headlines.py (invented).
"""
import argparse
import json
import os
import random
import re
import subprocess
import sys
import textwrap
import unicodedata
import zlib

from dev_cases import text_cases

HERE = os.path.dirname(os.path.abspath(__file__))


def norm(s):
    return re.sub(r'\s+', ' ', unicodedata.normalize('NFKC', s or '')).strip().lower()


def teasers(seed, n):
    out = subprocess.run(
        [sys.executable, os.path.join(HERE, 'gen_headlines.py'), str(n), '--seed', str(seed)],
        capture_output=True, text=True, check=True).stdout
    return [t for t in out.split('\n') if t][:n]


WRITERS = ['Jane Roe', 'Tomás Ferreira', 'Priya Natarajan', 'Mark Oduya', 'Helen Kowalski',
           'Ines Duarte', 'Samuel Achterberg', 'Lena Vogt', 'Omar Haddad', 'Claire Dubois',
           'Kenji Mori', 'Ruth Abernathy']
STAMPS = ['Today 7:30AM', '2 hours ago', 'Yesterday 11:02PM', 'Today 9:15AM', '3 hours ago',
          'Yesterday 4:40PM']

DATES = ['March 3, 2021', '2 hours ago', 'Nov 12, 2019', 'Yesterday', 'Jan. 8, 2020',
         '5 days ago']


def perturbations(lines, at, seed):
    """Yield (name, new lines) for a case whose headline is line `at` (or None)."""
    rnd = random.Random(seed)
    yield 'no_blank', [l for l in lines if l.strip()]
    both = []
    for l in lines:
        both += [l, '']
    yield 'blank_between', both
    wrapped = []
    for l in lines:
        wrapped += textwrap.wrap(l, 80, break_long_words=False,
                                 break_on_hyphens=False) if len(l) > 80 else [l]
    yield 'wrapped', wrapped
    cookie = ['We use cookies to give you the best experience on our website. By continuing '
              'to browse the site you are agreeing to our use of cookies, as described in '
              'our Privacy Policy.', 'Accept all', 'Manage settings', '']
    yield 'cookie_top', cookie + lines
    if at is None:
        return
    above, rest = lines[:at], lines[at:]
    yield 'no_menu', above[-2:] + rest
    yield 'half_menu', above[len(above) // 2:] + rest
    yield 'caps_menu', [l.upper() if 0 < len(l.split()) <= 4 else l for l in above] + rest
    ts = teasers(seed, 12)
    block = ['Latest', '']
    for t, d in zip(ts[:6], DATES):
        block += [t, d, '']
    yield 'teasers_above', above + block + rest
    yield 'popular_above', above + ['Most popular', ''] + [x for t in ts[6:] for x in (t, '')] + rest
    writers = random.Random(seed + 1).sample(WRITERS, 6)
    authored = ['Latest', '']
    for t, w, d in zip(ts[6:], writers, STAMPS):
        authored += [t, w, d, '']
    yield 'authored_above', above + authored + rest
    # Under the header: after the first line of 20 words or more below the headline.
    for k in range(at + 1, min(at + 40, len(lines))):
        if len(lines[k].split()) >= 20:
            yield 'read_more_under', lines[:k] + ['READ MORE: ' + ts[rnd.randrange(12)], ''] + lines[k:]
            yield 'authored_under', lines[:k] + ['Most read', ''] + authored[2:] + lines[k:]
            break


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--cases', required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--exclude', default=None)
    args = ap.parse_args()
    counts = {}
    for name, truth_path, path in text_cases(args.cases, args.exclude):
        with open(truth_path, encoding='utf-8') as fh:
            truth = json.load(fh)
        with open(path, encoding='utf-8', errors='replace') as fh:
            lines = fh.read().split('\n')
        title = norm(truth.get('title'))
        at = next((i for i, l in enumerate(lines) if norm(l) == title), None) if title else None
        for kind, new in perturbations(lines, at, zlib.crc32(name.encode()) % 1000):
            d = os.path.join(args.out, kind)
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, name + '.txt'), 'w', encoding='utf-8') as fh:
                fh.write('\n'.join(new))
            with open(os.path.join(d, name + '.json'), 'w', encoding='utf-8') as fh:
                json.dump(truth, fh, ensure_ascii=False)
            counts[kind] = counts.get(kind, 0) + 1
    for k, v in sorted(counts.items()):
        print(f'{k}: {v} cases')


if __name__ == '__main__':
    main()
