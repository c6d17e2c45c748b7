#!/usr/bin/env python3
"""Hard-wrapped copies of the development set's text cases, to check the parser on
wrapped text (a PDF, a mail, a terminal copy) beyond the few wrapped cases the set has.

    python3 scripts/wrap_cases.py --cases ../shared/eval-dev/cases --out /tmp/wrapset \
        --exclude "$(cat heldback.re)"
    python3 ../shared/eval-dev/score.py --dir /tmp/wrapset --cmd 'target/release/newsreader parse --json {file}'

Every line longer than the case's width (72, 80, 90, 95 or 100 columns, chosen from
the case's name, so the same every run) is wrapped at word boundaries, as `fold -s`
would; shorter lines (menus, headlines) stay whole. The truth is the case's own.
Cases whose name matches --exclude (the held-back quarter) and the set's own wrapped
copies are skipped; the copies go to OUT as NAME_w.txt and NAME_w.json.
"""
import argparse
import os
import random
import shutil
import textwrap

from dev_cases import text_cases


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--cases', required=True, help='the development set\'s cases folder')
    ap.add_argument('--out', required=True, help='folder for the wrapped copies')
    ap.add_argument('--exclude', default=None, help='skip cases whose name matches this regex')
    args = ap.parse_args()
    os.makedirs(args.out, exist_ok=True)
    n = 0
    for name, truth_path, text_path in text_cases(args.cases, args.exclude):
        width = random.Random(name).choice([72, 80, 90, 95, 100])
        with open(text_path, encoding='utf-8', errors='replace') as fh:
            text = fh.read()
        out = []
        for line in text.split('\n'):
            if len(line) > width:
                out.extend(textwrap.wrap(line, width, break_long_words=False, break_on_hyphens=False))
            else:
                out.append(line)
        with open(os.path.join(args.out, name + '_w.txt'), 'w', encoding='utf-8') as fh:
            fh.write('\n'.join(out))
        shutil.copy(truth_path, os.path.join(args.out, name + '_w.json'))
        n += 1
    print(f'{n} wrapped copies in {args.out}')


if __name__ == '__main__':
    main()
