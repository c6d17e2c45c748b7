#!/usr/bin/env python3
"""Fits the weights of the kinds of evidence for a page's publication.

For every case not excluded, runs `newsreader parse --explain --json CASE.txt`
and takes the names the page's evidence votes for (`source.names`: each kind of
evidence with its votes' place factors, the lines naming it, the longer names
holding it) and what is given when no name has enough weight (`fallback`). A
name is right when it names the case's site as the scorer checks it (the
site's brand and the name's letters contain one another, or the name's
initials start the brand).

The fit is a conditional logit over a page's names and the fallback (a name
scores its kinds' weights times their evidence, its holders' included, plus
`mention` for each further line naming it; the fallback scores `min_score`),
by gradient descent from the hand-set weights (`PRIOR`), shrunk towards them
with an L2 penalty, weights kept at 0 or above. The penalty is chosen by
cross-validation by case (a page and its wrapped copy fall in the same fold);
accuracy is counted with the parser's own decision (mentions only for a name
at `min_score`, never more than its own score; the group's display name; the
fallback below `min_score`), replayed here. With --write, the weights fitted
on all cases go to the weights file the parser compiles in.

Python 3 standard library only. Never give it cases you hold back: pass their
names' regex with --exclude, and they are not even read.

    cargo build --release
    python3 scripts/fit_source.py --cases ../shared/eval-dev/cases \\
        --exclude "$(cat heldback.re)" --write src/article/parse/source_weights.json
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

KINDS = ['copyright', 'copyright_company', 'before_copyright', 'phrase', 'domain',
         'byline_outlet', 'masthead_and_footer', 'menu_lead', 'own_name',
         'written_domain', 'domain_dateline', 'footer_logo', 'domain_agrees', 'imprint']

# The weights set by hand before any fitting: the fit starts from them and is
# shrunk towards them.
PRIOR = {
    'copyright': 4.0, 'copyright_company': 1.5, 'before_copyright': 4.0, 'phrase': 2.5,
    'domain': 2.0, 'byline_outlet': 2.0, 'masthead_and_footer': 1.0, 'menu_lead': 3.0,
    'own_name': 4.0, 'written_domain': 2.0, 'domain_dateline': 2.0, 'footer_logo': 3.0,
    'domain_agrees': 2.0, 'imprint': 1.5,
}
PRIOR_MENTION = 1.0
PRIOR_MIN = 1.5
PARAMS = KINDS + ['mention', 'min_score']
MENTION_CAP = 5
MENU = {'menu_lead', 'masthead_and_footer'}
SECOND_LEVEL = {'co', 'com', 'org', 'net', 'ac', 'gov', 'ne', 'or', 'go', 'gob', 'edu'}


def norm_text(s):
    s = unicodedata.normalize('NFKC', s or '').lower()
    return re.sub(r'\s+', ' ', s).strip()


def brand(site):
    """'www.nytimes.com' -> 'nytimes' (as the scorer reads a site)."""
    host = re.sub(r'^https?://', '', (site or '').lower()).split('/')[0].split(':')[0]
    parts = [p for p in host.split('.') if p and p != 'www']
    if len(parts) >= 3 and parts[-2] in SECOND_LEVEL and len(parts[-1]) == 2:
        parts = parts[:-2]
    elif len(parts) >= 2:
        parts = parts[:-1]
    return re.sub(r'[^a-z0-9]', '', parts[-1]) if parts else ''


def names_site(name, site):
    """Whether `name` names `site` as the scorer checks a source."""
    b = brand(site)
    if not b or not name:
        return False
    bare = re.sub(r'^www\.', '', site.lower())
    if name.lower() == bare or name.lower().endswith('.' + bare):
        return True
    src = norm_text(name)
    letters = re.sub(r'[^a-z0-9]', '', src)
    if len(letters) < 2:
        return False
    brands = {b, b[3:]} if b.startswith('the') and len(b) > 6 else {b}
    if any(x in letters or (len(letters) >= 3 and letters in x) for x in brands):
        return True
    words = [w for w in re.findall(r'[a-z0-9]+', src) if w != 'the']
    initials = ''.join(w[0] for w in words)
    return len(initials) >= 2 and b.startswith(initials)


def key_len(name):
    return len(re.sub(r'\W', '', name.lower()))


def shown(name, page):
    """The name as the parser gives it (a name in another script with its domain)."""
    if not re.search(r'[A-Za-z]', name) and page['domain_beside']:
        return f"{name} ({page['domain_beside']})"
    return name


def decide(page, w):
    """The parser's choice for a page under weights `w` (a dict): a name, the
    fallback, or None."""
    names = page['names']
    own = [sum(w[k] * v for k, v in c['evidence'].items()) for c in names]
    bonus = []
    for k, c in enumerate(names):
        m = c['mentions'] if own[k] >= w['min_score'] and k < 64 else 0
        bonus.append(min(max(m - 1, 0), MENTION_CAP) * w['mention'] if m else 0.0)
        bonus[k] = min(bonus[k], own[k])
    best = None
    for k, c in enumerate(names):
        total = own[k] + bonus[k]
        disp = (k, own[k] + bonus[k], key_len(c['name']))
        for o in c['held_by']:
            total += own[o]
            mine = own[o] + bonus[o]
            if mine > disp[1] + 1e-3 or (abs(mine - disp[1]) <= 1e-3 and key_len(names[o]['name']) > disp[2]):
                disp = (o, mine, key_len(names[o]['name']))
        kl = key_len(c['name'])
        if best is None or total > best[1] + 1e-3 or (abs(total - best[1]) <= 1e-3 and kl < best[2]):
            best = (disp[0], total, kl)
    if best is None or best[1] < w['min_score']:
        return page['fallback']
    s = best[0]
    head = min(names[s]['mentions'], MENTION_CAP + 1)
    fuller = [o for o in names[s]['held_by']
              if len(names[o]['name']) > len(names[s]['name'])
              and any(k not in MENU for k in names[o]['evidence'])
              and names[o]['mentions'] >= 2 and 2 * names[o]['mentions'] >= head]
    if fuller:
        s = max(fuller, key=lambda o: len(names[o]['name']))
    return shown(names[s]['name'], page)


def url_names_site(page):
    """Whether the page's URL is on the site (the scorer counts it whatever the source)."""
    host = re.sub(r'^https?://', '', (page['url'] or '').lower()).split('/')[0]
    bare = re.sub(r'^www\.', '', page['site'].lower())
    return bool(host) and (host == bare or host.endswith('.' + bare))


def decided(page):
    """Whether the page's score does not hang on the weights: an original-
    article line names its source, or its URL is on the site."""
    return page['original'] is not None or url_names_site(page)


def right(page, w):
    """Whether the scorer counts the parser's source right under weights `w`."""
    if url_names_site(page):
        return True
    if page['original'] is not None:
        return names_site(page['source'] or '', page['site'])
    return names_site(decide(page, w) or '', page['site'])


def explain(binary, path):
    out = subprocess.run([binary, 'parse', '--explain', '--json', path],
                         capture_output=True, text=True, timeout=60).stdout
    return json.loads(out)['source']


def load(cases, exclude, binary, jobs):
    names = sorted(f[:-5] for f in os.listdir(cases) if f.endswith('.json'))
    if exclude:
        names = [n for n in names if not re.search(exclude, n)]
    pages = []
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        futures = {n: pool.submit(explain, binary, os.path.join(cases, n + '.txt'))
                   for n in names if os.path.exists(os.path.join(cases, n + '.txt'))}
        for n, f in futures.items():
            with open(os.path.join(cases, n + '.json'), encoding='utf-8') as fh:
                truth = json.load(fh)
            s = f.result()
            for c in s['names']:
                c['evidence'] = {k: v for k, v in c['evidence']}
            base = truth.get('variant_of') or (n[:-8] if n.endswith('_wrapped') else n)
            pages.append({'case': n, 'group': base, 'site': truth.get('site') or '',
                          'names': s['names'], 'fallback': s['fallback'],
                          'domain_beside': s['domain_beside'], 'original': s['original'],
                          'url': s['url'],
                          'source': s['source']})
    return pages


def features(page):
    """Each choice's linear features (kinds with holders', mention lines, is
    the fallback) and whether it is right."""
    rows = []
    for c in page['names']:
        x = [0.0] * len(PARAMS)
        for grp in [c] + [page['names'][o] for o in c['held_by']]:
            for k, v in grp['evidence'].items():
                x[KINDS.index(k)] += v
        x[PARAMS.index('mention')] = min(max(c['mentions'] - 1, 0), MENTION_CAP)
        rows.append((x, names_site(shown(c['name'], page), page['site'])))
    if page['fallback']:
        x = [0.0] * len(PARAMS)
        x[PARAMS.index('min_score')] = 1.0
        rows.append((x, names_site(page['fallback'], page['site'])))
    return rows


def prior_vector():
    return [PRIOR[k] for k in KINDS] + [PRIOR_MENTION, PRIOR_MIN]


def fit(pages, penalty, steps=400, rate=0.05):
    """Conditional logit shrunk towards the prior (Adam, weights kept >= 0)."""
    prior = prior_vector()
    w = list(prior)
    if math.isinf(penalty):
        return w
    data = []
    for p in pages:
        if decided(p):
            continue
        rows = features(p)
        if any(r for _, r in rows) and not all(r for _, r in rows):
            data.append(rows)
    m = [0.0] * len(w)
    v = [0.0] * len(w)
    for t in range(1, steps + 1):
        grad = [penalty * (wi - pi) for wi, pi in zip(w, prior)]
        for rows in data:
            scores = [sum(a * b for a, b in zip(w, x)) for x, _ in rows]
            top = max(scores)
            e = [math.exp(s - top) for s in scores]
            z = sum(e)
            zr = sum(ei for ei, (_, r) in zip(e, rows) if r)
            for ei, (x, r) in zip(e, rows):
                # d(-log P(right))/dw = E_all[x] - E_right[x]
                coef = ei / z - (ei / zr if r else 0.0)
                if coef:
                    for j, xj in enumerate(x):
                        if xj:
                            grad[j] += coef * xj
        for j in range(len(w)):
            m[j] = 0.9 * m[j] + 0.1 * grad[j]
            v[j] = 0.999 * v[j] + 0.001 * grad[j] ** 2
            mh = m[j] / (1 - 0.9 ** t)
            vh = v[j] / (1 - 0.999 ** t)
            w[j] = max(0.0, w[j] - rate * mh / (math.sqrt(vh) + 1e-8))
    return w


def as_dict(w):
    return dict(zip(PARAMS, w))


def accuracy(pages, w):
    d = as_dict(w)
    return sum(right(p, d) for p in pages) / max(len(pages), 1)


def folds(pages, k):
    return [[p for p in pages if int(hashlib.sha1(p['group'].encode()).hexdigest(), 16) % k == f]
            for f in range(k)]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__)
    ap.add_argument('--cases', required=True)
    ap.add_argument('--exclude', default=None, help='regex of case names never read (held back)')
    ap.add_argument('--binary', default='target/release/newsreader')
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--folds', type=int, default=5)
    ap.add_argument('--penalties', default='inf,10,3,1,0.3,0.1')
    ap.add_argument('--penalty', default=None, help='fit on all cases with this penalty (default: best by CV)')
    ap.add_argument('--write', default=None, help='weights file to write')
    args = ap.parse_args()

    pages = load(args.cases, args.exclude, args.binary, args.jobs)
    given = sum(url_names_site(p) or names_site(p['source'] or '', p['site']) for p in pages) / len(pages)
    print(f'{len(pages)} cases; the binary gives the right source on {given:.3f}')
    print(f'replayed with the weights in force (prior): {accuracy(pages, prior_vector()):.3f}')
    parts = folds(pages, args.folds)
    results = []
    for pen in [float(x) for x in args.penalties.split(',')]:
        hits = 0
        for f, test in enumerate(parts):
            train = [p for g, part in enumerate(parts) if g != f for p in part]
            w = fit(train, pen)
            hits += accuracy(test, w) * len(test)
        cv = hits / len(pages)
        results.append((cv, pen))
        print(f'penalty {pen:>5}: CV accuracy {cv:.3f} (by case, {args.folds} folds)')
    if args.penalty is not None:
        pen = float(args.penalty)
    else:
        best = max(cv for cv, _ in results)
        # The strongest penalty (the nearest to the hand-set weights) among the best.
        pen = max(p for cv, p in results if cv >= best - 1e-9)
    w = fit(pages, pen)
    cv = dict((p, c) for c, p in results).get(pen)
    print(f'chosen penalty {pen}: fitted on all, accuracy {accuracy(pages, w):.3f}')
    for name, value in zip(PARAMS, w):
        print(f'  {name:20s} {value:7.3f}  (prior {prior_vector()[PARAMS.index(name)]})')
    if args.write:
        d = as_dict(w)
        with open(args.write, encoding='utf-8') as fh:
            old = json.load(fh)
        out = {
            'about': old.get('about', ''),
            'fitted': ('hand-set' if math.isinf(pen) else
                       f'conditional logit from the hand-set weights, L2 penalty {pen} towards them, '
                       f'weights >= 0, {len(pages)} cases; CV accuracy {cv:.3f} by case, {args.folds} folds'
                       if cv is not None else f'penalty {pen}, {len(pages)} cases'),
            'min_score': round(d['min_score'], 4),
            'mention': round(d['mention'], 4),
            'weights': {k: round(d[k], 4) for k in KINDS},
        }
        with open(args.write, 'w', encoding='utf-8') as fh:
            json.dump(out, fh, indent=2, ensure_ascii=False)
            fh.write('\n')
        print(f'wrote {args.write}')


if __name__ == '__main__':
    sys.exit(main())
