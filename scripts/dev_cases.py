"""The development set's text cases, as the scripts that copy them walk them."""
import os
import re


def text_cases(cases_dir, exclude=None):
    """(name, truth path, text path) of every case that has a text, in name order.

    The set's own wrapped copies (NAME_wrapped) are left out, and so are the cases
    whose name matches the regex `exclude` (the held-back quarter)."""
    skip = re.compile(exclude) if exclude else None
    for f in sorted(os.listdir(cases_dir)):
        if not f.endswith('.json'):
            continue
        name = f[:-5]
        if name.endswith('_wrapped') or (skip and skip.match(name)):
            continue
        text_path = os.path.join(cases_dir, name + '.txt')
        if os.path.exists(text_path):
            yield name, os.path.join(cases_dir, f), text_path
