#!/usr/bin/env python3
"""How fast a library opens in the reader, measured in a real terminal (tmux).

usage: opentime.py --cmd 'target/release/newsreader --no-state /tmp/lib100k.db' --total 100000 [--reps 5]

Starts CMD in a detached tmux session and polls the screen every 10 ms: "first" is
when anything is drawn, "listed" when the match count reads "N of N" with N ==
--total (every article in the list). Prints one line per rep and a summary:
  opentime first=min–max ms listed=min–max s
Polling costs a fork of tmux each time, so figures are within ~10 ms.
"""
import argparse, os, re, subprocess, sys, time

COUNT = re.compile(r'(\d[\d,]*)\s*(?:/|\bof\b)\s*(\d[\d,]*)')

def tm(*a, check=True):
    return subprocess.run(['tmux', *a], capture_output=True, text=True, check=check).stdout

def once(cmd, total, size, timeout, rep):
    sess = f'ot{os.getpid()}_{rep}'
    w, h = size.split('x')
    t0 = time.monotonic()
    tm('new-session', '-d', '-s', sess, '-x', w, '-y', h, cmd)
    first = None
    try:
        while time.monotonic() - t0 < timeout:
            screen = tm('capture-pane', '-p', '-t', sess, check=False)
            now = time.monotonic() - t0
            if first is None and screen.strip():
                first = now
            for m in COUNT.finditer(screen):
                n, t = (int(g.replace(',', '')) for g in m.groups())
                if n == t == total:
                    return first, now
            time.sleep(0.01)
        raise SystemExit(f'not listed after {timeout}s: {screen[-400:]}')
    finally:
        tm('kill-session', '-t', sess, check=False)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--cmd', required=True)
    ap.add_argument('--total', type=int, required=True)
    ap.add_argument('--size', default='120x40')
    ap.add_argument('--reps', type=int, default=5)
    ap.add_argument('--timeout', type=float, default=60)
    a = ap.parse_args()
    firsts, listed = [], []
    for r in range(a.reps):
        f, l = once(a.cmd, a.total, a.size, a.timeout, r)
        print(f'rep {r}: first={f * 1000:.0f} ms listed={l:.2f} s', file=sys.stderr)
        firsts.append(f * 1000); listed.append(l)
        time.sleep(0.5)
    print(f'opentime first={min(firsts):.0f}–{max(firsts):.0f} ms listed={min(listed):.2f}–{max(listed):.2f} s')

if __name__ == '__main__':
    main()
