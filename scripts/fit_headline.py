#!/usr/bin/env python3
"""Fits the weights of the headline candidates' features from a development set.

For every case not excluded, runs `newsreader parse --explain --json CASE.txt`,
takes the headline candidates and each one's feature values, marks the one
whose text is the case's true title, and fits the weights of a conditional
logit (softmax over a page's candidates) by gradient descent with an L2 penalty.
The penalty is chosen by cross-validation by site (all pages of one site, and
a page's wrapped copy, fall in the same fold, so a site's habits learnt on one
of its pages do not score on another); the CV accuracy (share of pages whose
true title is the best-scoring candidate) is printed for each penalty, for the
hand-set weights (penalty inf: nothing fitted) and for the weights in force
(fitted on every case, so their figure is in-sample, not a forecast). With --write, the weights fitted on all cases go to the
weights file the parser compiles in.

Python 3 standard library only. Never give it cases you hold back: pass their
names' regex with --exclude, and they are not even read.

    cargo build --release
    python3 scripts/fit_headline.py --cases ../shared/eval-dev/cases \
        --exclude "$(cat heldback.re)" --write src/article/parse/headline_weights.json
"""

import argparse
import concurrent.futures
import hashlib
import json
import math
import os
import re
import subprocess
import sys
import unicodedata

QUOTES = {'\u2018': "'", '\u2019': "'", '\u201a': "'", '\u201b': "'", '\u2032': "'",
          '\u201c': '"', '\u201d': '"', '\u201e': '"', '\u201f': '"', '\u2033': '"',
          '\u00ab': '"', '\u00bb': '"', '\u2010': '-', '\u2011': '-', '\u2012': '-',
          '\u2013': '-', '\u2014': '-', '\u2015': '-', '\u2212': '-'}


# The weights set by hand before any fitting: the fit starts from them and is
# shrunk towards them, so a feature the data say little about keeps its
# considered weight. New features start at 0.
PRIOR = {
    'near': 4.0, 'far': 3.5, 'named': 1.0, 'after_author_or_date': 1.0,
    'slug_overlap': 5.0, 'in_menu': -1.5, 'repeated': 2.0, 'name_under_headline': -2.0,
    'words_up_to_8': 0.3, 'two_words': -2.0, 'words_over_15': -0.2, 'quote_led': -1.0,
    'distance': -1.0, 'inside_story': -2.0, 'adjacent': 1.5, 'in_list': -3.0,
    'standfirst_under': 1.5, 'list_neighbours': 0.0, 'quoted': 2.0,
    'photo_credit_under': 1.0, 'pipe_or_count': -3.0, 'short_all_caps': -1.0,
    'above_its_dek': 1.5, 'dek_under_headline': -1.5,
    'story_overlap': 1.0, 'teaser_siblings': -0.5, 'inside_longer_candidate': -1.0,
    'holds_shorter_candidate': 1.0,
    'ends_with_period': -3.0, 'opens_story': 0.0,
    'no_story_words': -1.5, 'story_overlap_margin': 4.0,
}

# The hand-set least score of a headline.
PRIOR_MIN_TOTAL = -2.5


def norm(s):
    """A title as the scorer compares titles: NFKC, quotes and dashes unified,
    whitespace collapsed, lowercase."""
    s = unicodedata.normalize('NFKC', s or '')
    s = ''.join(QUOTES.get(c, c) for c in s)
    return re.sub(r'\s+', ' ', s).strip().lower()


def base(name):
    return name[:-8] if name.endswith('_wrapped') else name


def explain(binary, path):
    out = subprocess.run([binary, 'parse', '--explain', '--json', path],
                         capture_output=True, text=True, timeout=60)
    if out.returncode != 0 or not out.stdout.strip():
        return None
    return json.loads(out.stdout.splitlines()[0])


def load(args):
    """Per case: (group, [[values]], the indices of the candidates that are the
    true title, or None)."""
    exclude = re.compile(args.exclude) if args.exclude else None
    names = sorted(f[:-5] for f in os.listdir(args.cases) if f.endswith('.json'))
    names = [n for n in names if not (exclude and exclude.search(n))]
    names = [n for n in names if os.path.exists(os.path.join(args.cases, n + '.txt'))]
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        reports = list(pool.map(
            lambda n: explain(args.bin, os.path.join(args.cases, n + '.txt')), names))
    cases, features = [], None
    for name, report in zip(names, reports):
        if report is None:
            print(f'{name}: no explanation', file=sys.stderr)
            continue
        with open(os.path.join(args.cases, name + '.json'), encoding='utf-8') as f:
            data = json.load(f)
        truth = norm(data.get('title'))
        # The fold group: the page's site (a wrapped copy has its page's).
        group = (data.get('site') or base(name)).lower().removeprefix('www.')
        cands = sorted(report['candidates'], key=lambda c: c['line'])
        if cands and features is None:
            features = [f['name'] for f in cands[0]['features']]
            weights = {f['name']: f['weight'] for f in cands[0]['features']}
        # Every candidate that reads as the true title is right (a page may
        # show its headline twice): the label is the set of them.
        label = frozenset(k for k, c in enumerate(cands) if norm(c['text']) == truth) or None
        rows = [[f['value'] for f in c['features']] for c in cands]
        cases.append((group, rows, label))
    return cases, features, [weights[f] for f in features]


def score(w, row):
    return sum(wi * xi for wi, xi in zip(w, row) if xi)


def best(w, rows):
    """Index of the best-scoring row (the first of equals, as the parser)."""
    top, at = None, None
    for k, row in enumerate(rows):
        s = score(w, row)
        if top is None or s > top:
            top, at = s, k
    return at


def fit(cases, prior, lam, iters, fixed=()):
    """Conditional logit by Adam on the cases with a reachable true title,
    starting from and shrunk towards `prior` (L2 penalty `lam`); the features
    at the indices in `fixed` keep their prior weight."""
    if math.isinf(lam):
        return list(prior)
    dim = len(prior)
    data = [([[(j, x) for j, x in enumerate(row) if x] for row in rows], label)
            for _, rows, label in cases if label is not None and len(rows) > 1]
    w = list(prior)
    m, v = [0.0] * dim, [0.0] * dim
    rate, b1, b2 = 0.02, 0.9, 0.999
    for t in range(1, iters + 1):
        grad = [lam * (wi - pi) for wi, pi in zip(w, prior)]
        for rows, label in data:
            s = [sum(w[j] * x for j, x in row) for row in rows]
            top = max(s)
            e = [math.exp(si - top) for si in s]
            z = sum(e)
            # The likelihood of the set of right candidates: its gradient
            # moves each one's share of the set's probability.
            z_right = sum(e[k] for k in label)
            for k, row in enumerate(rows):
                g = e[k] / z - (e[k] / z_right if k in label else 0.0)
                if g:
                    for j, x in row:
                        grad[j] += g * x / len(data)
        for j in range(dim):
            if j in fixed:
                continue
            m[j] = b1 * m[j] + (1 - b1) * grad[j]
            v[j] = b2 * v[j] + (1 - b2) * grad[j] ** 2
            w[j] -= rate * (m[j] / (1 - b1 ** t)) / (math.sqrt(v[j] / (1 - b2 ** t)) + 1e-8)
    return w


def fold_of(group, folds):
    return int(hashlib.sha1(group.encode()).hexdigest(), 16) % folds


def accuracy(w, cases):
    hits = sum(1 for _, rows, label in cases if label is not None and best(w, rows) in label)
    return hits / max(1, len(cases))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--cases', required=True, help='folder of NAME.txt + NAME.json')
    ap.add_argument('--exclude', help='regex of case names never to read (held back)')
    ap.add_argument('--bin', default='target/release/newsreader')
    ap.add_argument('--folds', type=int, default=5)
    ap.add_argument('--iters', type=int, default=300)
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--penalty', type=float,
                    help="this L2 penalty instead of the CV choice; 'inf' keeps the hand-set weights")
    ap.add_argument('--penalties', default='0.01,0.03,0.1,0.3,1,3,inf',
                    help='the L2 penalties the cross-validation tries (comma-separated)')
    ap.add_argument('--write', help='the weights file to write (JSON)')
    ap.add_argument('--fixed', default='',
                    help='regex of feature names that keep their hand-set weight (not fitted)')
    args = ap.parse_args()

    cases, features, current = load(args)
    reachable = sum(1 for c in cases if c[2] is not None)
    print(f'{len(cases)} cases, {reachable} with the true title among the candidates')
    prior = [PRIOR.get(f, 0.0) for f in features]
    fixed = {j for j, f in enumerate(features) if args.fixed and re.fullmatch(args.fixed, f)}
    penalties = [float(p) for p in args.penalties.split(',')]
    if math.inf not in penalties:
        penalties.append(math.inf)
    cv, cv_current = {}, 0.0
    for lam in penalties:
        hits = base_hits = 0
        for k in range(args.folds):
            train = [c for c in cases if fold_of(c[0], args.folds) != k]
            test = [c for c in cases if fold_of(c[0], args.folds) == k]
            w = fit(train, prior, lam, args.iters, fixed)
            hits += accuracy(w, test) * len(test)
            base_hits += accuracy(current, test) * len(test)
        cv[lam] = hits / len(cases)
        cv_current = base_hits / len(cases)
        print(f'penalty {lam}: CV accuracy {cv[lam]:.3f} '
              f'(weights in force, in-sample: {base_hits / len(cases):.3f}; '
              f'at most {reachable / len(cases):.3f})')
    lam = args.penalty if args.penalty is not None else max(penalties, key=lambda p: (cv[p], p))
    w = fit(cases, prior, lam, args.iters, fixed)
    print(f'fitted on all {len(cases)} cases with penalty {lam}: '
          f'accuracy {accuracy(w, cases):.3f} (in force: {accuracy(current, cases):.3f})')
    # The least score a headline needs: below every training page's correct
    # choice, with a margin, so the fallbacks (first line, URL slug) only
    # take over on pages whose candidates all score far below.
    correct = [score(w, rows[best(w, rows)]) for _, rows, label in cases
               if label is not None and best(w, rows) in label]
    min_total = round(min(correct) - 1.0, 3) if correct else PRIOR_MIN_TOTAL
    if math.isinf(lam):
        min_total = PRIOR_MIN_TOTAL
    for name, weight in sorted(zip(features, w), key=lambda p: -abs(p[1])):
        print(f'  {name:<30} {weight:+.3f}')
    if args.write:
        out = {
            'about': "Weights of the headline candidates' features "
                     '(src/article/parse/headline.rs FEATURES): a candidate\'s score is '
                     'the sum of value x weight; the best candidate above min_total is the '
                     'headline. Regenerate with scripts/fit_headline.py (see scripts/README.md).',
            'fitted': ('the hand-set weights, kept (--penalty inf); CV accuracy of the best '
                       f'fit {max(cv.values()):.3f}, of these {cv_current:.3f}'
                       if math.isinf(lam) else
                       f'conditional logit from the hand-set weights, L2 penalty {lam} towards '
                       f'them, {args.iters} Adam steps, {len(cases)} cases; CV accuracy '
                       f'{cv[lam]:.3f} (hand-set weights {cv[math.inf]:.3f}) by site, '
                       f'{args.folds} folds'),
            'min_total': min_total,
            'weights': {name: round(weight, 4) for name, weight in zip(features, w)},
        }
        with open(args.write, 'w', encoding='utf-8') as f:
            f.write(json.dumps(out, indent=2, ensure_ascii=False) + '\n')
        print(f'wrote {args.write}')


if __name__ == '__main__':
    main()
