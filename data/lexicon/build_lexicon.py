#!/usr/bin/env python3
"""Builds sv_compounds.tsv, the compound lexicon of Finsamsök, from hunspell-sv.

Usage: python3 data/lexicon/build_lexicon.py [/usr/share/hunspell] > data/lexicon/sv_compounds.tsv

Input: sv_SE.dic and sv_SE.aff from Debian's hunspell-sv (LGPL-3, Göran Andersson).
Output, one line per lower-cased form of at least three letters, sorted:

    form <TAB> roles [<TAB> base]

roles is a subset of
    B  may begin a compound or stand in its middle (.dic flags X or U, or a
       linking form made by a suffix rule whose continuation flags hold X or U,
       e.g. bedömning/v -> bedömnings),
    E  may end a compound (.dic flag Y; inflected forms are handled at runtime),
    W  a dictionary word with neither role (lets lexicalised compounds such as
       "arbetsförmåga" lend their linking form: arbets|förmåge -> arbetsförmåga).
base is the word a linking form stands for (bedömnings -> bedömning), when it differs.
The output depends only on the two input files, so reruns are byte-identical.
"""

import re
import sys
from collections import defaultdict

BEGIN, MIDDLE, END, ONLY_IN_COMPOUND = "X", "U", "Y", "Z"
MIN_LETTERS = 3
NOUN_FLAGS = "BDEGHIJ"  # suffix rules for definite and plural forms
WORD = re.compile(r"^[a-zåäöéü]+$")


def linking_rules(aff_lines):
    """SFX rules whose continuation flags make a compound part: flag -> [(strip, add, cond)]."""
    rules = defaultdict(list)
    for line in aff_lines:
        cols = line.split()
        if len(cols) < 5 or cols[0] != "SFX":
            continue
        flag, strip, add, cond = cols[1], cols[2], cols[3], cols[4]
        add, _, cont = add.partition("/")
        if BEGIN not in cont and MIDDLE not in cont:
            continue
        strip = "" if strip == "0" else strip
        add = "" if add == "0" else add
        if not WORD.match(add or "a"):
            continue  # hyphen forms ("7-", "tre-")
        rules[flag].append((strip, add, re.compile("(?:" + cond + ")$")))
    return rules


def resolve_base(form, words, ends):
    """The standalone word an ONLYINCOMPOUND form stands for (arbets -> arbete),
    preferring words that may end a compound (skatte -> skatt, not the verb skatta)."""
    candidates = []
    if form.endswith("s"):
        stem = form[:-1]
        candidates += [stem, stem + "e", stem + "a", stem[:-1] + "a" if stem.endswith("e") else None]
    if form.endswith("e"):
        candidates += [form[:-1], form[:-1] + "a"]  # skatte -> skatt, ränte -> ränta
    if form.endswith(("o", "u")):
        candidates += [form[:-1] + "a", form[:-1]]  # vecko -> vecka, not veck
    candidates += [form + "e", form + "a"]
    for pool in (ends, words):
        for c in candidates:
            if c and c in pool:
                return c
    return form[:-1] if form.endswith("s") else form  # samverkans -> samverkan


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/hunspell"
    with open(f"{folder}/sv_SE.aff", encoding="utf-8") as f:
        rules = linking_rules(f.read().splitlines())
    entries = []
    with open(f"{folder}/sv_SE.dic", encoding="utf-8") as f:
        next(f)  # entry count
        for line in f:
            stem, _, flags = line.strip().partition("/")
            entries.append((stem.lower(), flags))

    words = {s for s, flags in entries if ONLY_IN_COMPOUND not in flags and WORD.match(s)}
    ends = {s for s, flags in entries if END in flags and s in words}
    nouns = {s for s, flags in entries if s in ends and any(f in NOUN_FLAGS for f in flags)}
    roles = defaultdict(set)
    bases = defaultdict(list)

    def add(form, role, base):
        if len(form) < MIN_LETTERS or not WORD.match(form):
            return
        roles[form].add(role)
        if base != form and base not in bases[form]:
            bases[form].append(base)

    def best_base(form):
        """Of several bases, the one the form extends; a noun rather than the verb
        hunspell derived the form from (samtals: samtal, not samtala; löne: lön)."""
        candidates = []
        for base in bases.get(form, []):
            noun = base[:-1]
            if base.endswith("a") and form in (noun + "s", noun + "e") and noun in nouns:
                candidates.append(noun)
            candidates.append(base)
        extended = [b for b in candidates if form.startswith(b)]
        return (extended or candidates or [None])[0]

    for stem, flags in entries:
        if not WORD.match(stem):
            continue
        only_in_compound = ONLY_IN_COMPOUND in flags
        base = resolve_base(stem, words, ends) if only_in_compound else stem
        if BEGIN in flags or MIDDLE in flags:
            add(stem, "B", base)
        if END in flags and not only_in_compound:
            add(stem, "E", stem)
        if not only_in_compound and not roles.get(stem):
            add(stem, "W", stem)
        for flag in flags:
            for strip, suffix, cond in rules.get(flag, []):
                if stem.endswith(strip) and cond.search(stem):
                    add(stem[: len(stem) - len(strip)] + suffix, "B", base)

    print("# Compound lexicon of Finsamsök, generated by build_lexicon.py from hunspell-sv")
    print("# (sv_SE.dic/.aff, (c) 2003-2014 Göran Andersson, LGPL-3). See LICENSE-hunspell-sv.txt.")
    print("# form<TAB>roles[<TAB>base]; roles: B begin/middle, E end, W plain word.")
    for form in sorted(roles):
        rs = "".join(r for r in "BEW" if r in roles[form])
        if "W" in rs and len(rs) > 1:
            rs = rs.replace("W", "")
        base = best_base(form)
        print(f"{form}\t{rs}\t{base}" if base else f"{form}\t{rs}")


if __name__ == "__main__":
    main()
