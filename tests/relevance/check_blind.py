#!/usr/bin/env python3
"""Checks tests/relevance/blind.tsv against what ingest reads from the PDFs.

It runs no search: it only calls the extraction command `finsam inspect FILE`
(the sections ingest would index, as JSON) for every PDF of both corpora and
checks, for every query, that

* the line is well formed (six columns, known corpus, tag and split),
* the query is not one of tests/relevance/queries.tsv,
* every answer phrase is 3-10 words long and occurs - as a plain,
  case-sensitive substring, the way tests/relevance/eval.rs matches - in the
  heading or the text of at least one section of the query's corpus.

With --where it also prints, for every phrase, the sections that contain it
(document and heading), so one can see that a phrase sits only in passages
that answer the query.

The binary is $FINSAM_BIN, else target/release/finsam of this checkout, else
../main/target/release/finsam, else `finsam` on PATH. The shared reports are
looked for where eval.rs looks: ../shared/corpus/pdf or ../../shared/corpus/pdf.

Usage: python3 tests/relevance/check_blind.py [--where] [--allow-unsplit]
Exit status 0 when every check passes.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
BLIND = ROOT / "tests/relevance/blind.tsv"
QUERIES = ROOT / "tests/relevance/queries.tsv"
TAGS = {"stemming", "compound", "abbreviation", "variant", "typo", "topical", "known-item"}
COLUMNS = ["query", "corpus", "answer", "tag", "split", "note"]


def finsam_binary():
    candidates = [os.environ.get("FINSAM_BIN"), ROOT / "target/release/finsam",
                  ROOT.parent / "main/target/release/finsam", shutil.which("finsam")]
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            return str(candidate)
    sys.exit("finsam binary not found; build it (cargo build --release) or set FINSAM_BIN")


def corpus_pdfs():
    shared = next((d for d in (ROOT / "../shared/corpus/pdf", ROOT / "../../shared/corpus/pdf") if d.is_dir()), None)
    if shared is None:
        sys.exit("../shared/corpus/pdf not found")
    return {
        "shared": sorted(shared.resolve().glob("*.pdf")),
        "sample": sorted((ROOT / "corpus").rglob("*.pdf")),
    }


def sections(binary, pdf):
    out = subprocess.run([binary, "inspect", str(pdf)], check=True, capture_output=True, text=True).stdout
    return [(pdf.name, s["heading"], s["text"]) for s in json.loads(out)]


def read_rows(path):
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        if not line.strip() or line.startswith("#"):
            continue
        rows.append((number, line.split("\t")))
    return header, rows


def main():
    where = "--where" in sys.argv
    allow_unsplit = "--allow-unsplit" in sys.argv
    binary = finsam_binary()
    index = {corpus: [s for pdf in pdfs for s in sections(binary, pdf)] for corpus, pdfs in corpus_pdfs().items()}

    _, old_rows = read_rows(QUERIES)
    old_queries = {cols[0].strip().lower() for _, cols in old_rows}

    header, rows = read_rows(BLIND)
    errors = []
    if header != COLUMNS:
        errors.append(f"header is {header}, expected {COLUMNS}")
    seen = set()
    phrases = 0
    for number, cols in rows:
        if len(cols) != len(COLUMNS):
            errors.append(f"line {number}: {len(cols)} columns")
            continue
        query, corpus, answer, tag, split, _note = cols
        where_line = f"line {number} ({query!r})"
        if corpus not in index:
            errors.append(f"{where_line}: unknown corpus {corpus!r}")
            continue
        if tag not in TAGS:
            errors.append(f"{where_line}: unknown tag {tag!r}")
        if split not in ("dev", "test") and not (allow_unsplit and split == ""):
            errors.append(f"{where_line}: split is {split!r}")
        if query.strip().lower() in old_queries:
            errors.append(f"{where_line}: query also in queries.tsv")
        if query in seen:
            errors.append(f"{where_line}: duplicate query")
        seen.add(query)
        if where:
            print(f"\n{number}: {query}  [{corpus}, {tag}]")
        for phrase in answer.split(" || "):
            phrases += 1
            words = len(phrase.split())
            if not 3 <= words <= 10:
                errors.append(f"{where_line}: phrase {phrase!r} has {words} words")
            hits = [(doc, heading) for doc, heading, text in index[corpus] if phrase in text or phrase in heading]
            if not hits:
                errors.append(f"{where_line}: phrase not found in the {corpus} sections: {phrase!r}")
            if where:
                print(f"   {phrase!r}: {len(hits)} section(s)")
                for doc, heading in hits:
                    print(f"      {doc} :: {heading[:90]}")
    for error in errors:
        print("ERROR", error)
    print(f"{len(rows)} queries, {phrases} answer phrases, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
