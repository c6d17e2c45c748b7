#!/usr/bin/env python3
"""Keystroke-to-result latency of an interactive filter UI, measured in a real terminal (tmux).

usage: keylat.py --cmd 'fzf < titles.txt' --total N --query 'nat' [--size 120x40] [--reps 3]

Needs python3 and tmux; fzf to compare with (`apt-get install fzf`, `brew install fzf`).

Starts CMD in a detached tmux session, waits until the screen shows a match count "m/N"
(fzf) or "m of N" (newsreader) with N == --total (fully loaded), then types the query one
key at a time. For each key it
polls the screen until the count's numerator changes (or 3 s pass) and records the time.
Prints one line per rep with the per-key latencies (ms) and a summary line:
  keylat median=.. p90=.. max=.. n=..
Only keys that change the count are timed; a key whose count does not change is reported
as '-' and left out. Polling interval 3 ms; resolution is a few ms.
"""
import argparse, itertools, os, re, statistics, subprocess, sys, time

_ids = itertools.count()

COUNT = re.compile(r'(\d[\d,]*)\s*(?:/|\bof\b)\s*(\d[\d,]*)')

def tm(*a, check=True):
    return subprocess.run(['tmux', *a], capture_output=True, text=True, check=check).stdout

def counts(sess, total):
    scr = tm('capture-pane', '-p', '-t', sess)
    for m in COUNT.finditer(scr):
        n, t = int(m.group(1).replace(',', '')), int(m.group(2).replace(',', ''))
        if t == total:
            return n
    return None

def run_once(cmd, total, query, size, load_timeout):
    sess = f'kl{os.getpid()}_{next(_ids)}'
    w, h = size.split('x')
    tm('new-session', '-d', '-s', sess, '-x', w, '-y', h, cmd)
    try:
        t0 = time.monotonic()
        stable, last = 0, None
        while True:
            c = counts(sess, total)
            if c is not None and c == total:
                stable += 1
                if stable >= 5:
                    break
            if time.monotonic() - t0 > load_timeout:
                raise SystemExit(f'not loaded after {load_timeout}s: ' + tm('capture-pane', '-p', '-t', sess)[-400:])
            time.sleep(0.05)
        load_s = time.monotonic() - t0
        out = []
        for ch in query:
            before = counts(sess, total)
            t1 = time.monotonic()
            tm('send-keys', '-t', sess, '-l', ch)
            got = None
            while time.monotonic() - t1 < 3:
                c = counts(sess, total)
                if c is not None and c != before:
                    got = (time.monotonic() - t1) * 1000
                    break
                time.sleep(0.003)
            out.append(got)
            time.sleep(0.25)  # let late repaints finish before the next key
        return load_s, out
    finally:
        tm('kill-session', '-t', sess, check=False)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--cmd', required=True)
    ap.add_argument('--total', type=int, required=True)
    ap.add_argument('--query', required=True)
    ap.add_argument('--size', default='120x40')
    ap.add_argument('--reps', type=int, default=3)
    ap.add_argument('--load-timeout', type=float, default=60)
    a = ap.parse_args()
    allv = []
    for r in range(a.reps):
        load_s, lat = run_once(a.cmd, a.total, a.query, a.size, a.load_timeout)
        print(f'rep {r}: load={load_s:.2f}s keys=' + ' '.join('-' if v is None else f'{v:.0f}' for v in lat), file=sys.stderr)
        allv += [v for v in lat if v is not None]
    if not allv:
        print('keylat median=nan p90=nan max=nan n=0'); return
    allv.sort()
    p90 = allv[min(len(allv) - 1, int(0.9 * len(allv)))]
    print(f'keylat median={statistics.median(allv):.1f} p90={p90:.1f} max={allv[-1]:.1f} n={len(allv)}')

if __name__ == '__main__':
    main()
