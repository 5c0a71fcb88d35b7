#!/usr/bin/env python3
"""Writes the `split` column of tests/relevance/blind.tsv: 60 % dev, 40 % test.

The split is drawn once, at random with a fixed seed, stratified by tag: the
queries of each tag (in file order, tags in the fixed order below) are
shuffled with one random.Random(SEED) and the first round(0.6 * n) become
`dev`, the rest `test`. It looks at nothing but the tag and the file order,
so running it again gives the same split. The split is not to be rebalanced
after looking at results.

Usage: python3 tests/relevance/split_blind.py
"""

import random
from pathlib import Path

SEED = 20261205
DEV_SHARE = 0.6
TAGS = ["stemming", "compound", "abbreviation", "variant", "typo", "topical", "known-item"]
PATH = Path(__file__).resolve().parent / "blind.tsv"


def main():
    lines = PATH.read_text(encoding="utf-8").split("\n")
    header = lines[0].split("\t")
    split_col = header.index("split")
    tag_col = header.index("tag")
    rows = [i for i, line in enumerate(lines) if i > 0 and line.strip() and not line.startswith("#")]
    by_tag = {tag: [i for i in rows if lines[i].split("\t")[tag_col] == tag] for tag in TAGS}
    assert sum(len(v) for v in by_tag.values()) == len(rows), "a query has an unknown tag"

    rng = random.Random(SEED)
    split = {}
    for tag in TAGS:
        members = list(by_tag[tag])
        rng.shuffle(members)
        n_dev = round(DEV_SHARE * len(members))
        for k, i in enumerate(members):
            split[i] = "dev" if k < n_dev else "test"

    for i in rows:
        cols = lines[i].split("\t")
        cols[split_col] = split[i]
        lines[i] = "\t".join(cols)
    PATH.write_text("\n".join(lines), encoding="utf-8")

    for tag in TAGS:
        dev = sum(split[i] == "dev" for i in by_tag[tag])
        print(f"{tag:13} dev {dev:3}  test {len(by_tag[tag]) - dev:3}")
    print(f"{'all':13} dev {sum(v == 'dev' for v in split.values()):3}  test {sum(v == 'test' for v in split.values()):3}")


if __name__ == "__main__":
    main()
