#!/usr/bin/env python3
"""Word recall of Finsamsök's ingest against poppler's `pdftotext`, file by file.

Usage (the suites live outside the repository; see BENCHMARKS.md for how to fetch them):

    cargo build --release
    python3 benches/pdf_suites.py /work/pdfsuites/corpus --work /tmp/suites-run

It ingests CORPUS with the release binary (`finsam ingest --rebuild --report`), serves the index
(`finsam serve --no-ingest`) and reads every indexed document's sections through the API, then
compares each file's words with the words `pdftotext -enc UTF-8` reads from it (60 s limit per
file; its answers are cached in WORK). A word is a lower-cased run of letters and digits after
NFKC. Printed: word-weighted recall (the share of pdftotext's word tokens, counted as a multiset,
that the index holds for that file: its sections and its page furniture, each distinct furniture
line once), the same over pdftotext's body text and the sections alone (page furniture left out
as ingest leaves it out: lines that, digits masked, stand on at least half of a document's
pages, or on both pages of a two-page one, and bare page numbers), precision, the files under 0.8
recall, the files of which
pdftotext reads at least 200 words and the index holds less than half ("lost"; each also judged by
the words Tesseract reads on its pages, which reading they bear out), crashes (worker
deaths, an ingest that did not finish) and warnings that are not Swedish. WORK/files.tsv has one
row per file; `--baseline OLD/files.tsv` lists the files whose recall moved by more than 0.05.
"""
import argparse
import collections
import hashlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.error
import urllib.request

LOST_WORDS = 200
UNDER = 0.8
ENGLISH = re.compile(r"called `|panicked|unwrap\(\)|[Ee]rror|[Ii]nvalid|[Uu]nsupported|[Dd]ecrypt")
CRASH = ("kraschade", "försvann", "oläsligt svar")


def words(text):
    """The multiset of lower-cased runs of letters and digits."""
    text = unicodedata.normalize("NFKC", text).lower()
    counts = collections.Counter()
    word = []
    for c in text:
        if c.isalnum():
            word.append(c)
        elif word:
            counts["".join(word)] += 1
            word = []
    if word:
        counts["".join(word)] += 1
    return counts


PAGE_NUMBER = re.compile(r"^\W*(sida|sid|s|page|p)?\W*\d{1,3}(\W+(av|of)?\W*\d{1,3})?\W*$", re.I)


def body(text):
    """pdftotext's text without page furniture: repeated lines and page numbers."""
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    key = lambda line: re.sub(r"\d+", "#", line.strip().lower())
    seen = collections.Counter()
    for page in pages:
        seen.update({key(l) for l in page.splitlines() if l.strip()})
    needed = 2 if len(pages) == 2 else (len(pages) + 1) // 2
    def furniture(line):
        return (len(pages) >= 2 and seen[key(line)] >= needed) or PAGE_NUMBER.match(line.strip())
    return "\n".join(l for page in pages for l in page.splitlines() if not furniture(l))


def content_id(path):
    """Finsamsök's document id: the first 16 hex digits of the SHA-256 of the content."""
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:16]


def pdf_files(corpus):
    found = []
    for root, dirs, files in os.walk(corpus, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.lower().endswith(".pdf") and not name.lower().startswith("readme"):
                found.append(os.path.relpath(os.path.join(root, name), corpus))
    return sorted(found)


def poppler_words(corpus, files, cache_file):
    """pdftotext's words per file, cached by path, size and modification time."""
    cache = {}
    if os.path.exists(cache_file):
        with open(cache_file) as f:
            cache = json.load(f)
    result = {}
    for i, rel in enumerate(files):
        path = os.path.join(corpus, rel)
        stat = os.stat(path)
        key = f"{rel}\t{stat.st_size}\t{stat.st_mtime_ns}"
        if key not in cache:
            try:
                out = subprocess.run(
                    ["pdftotext", "-enc", "UTF-8", path, "-"],
                    capture_output=True, timeout=60,
                ).stdout.decode("utf-8", "replace")
            except subprocess.TimeoutExpired:
                out = ""
            cache[key] = {"all": dict(words(out)), "body": dict(words(body(out)))}
            if i % 100 == 0:
                print(f"pdftotext {i}/{len(files)}", file=sys.stderr)
        result[rel] = {part: collections.Counter(c) for part, c in cache[key].items()}
    with open(cache_file, "w") as f:
        json.dump(cache, f)
    return result


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url):
    with urllib.request.urlopen(url, timeout=60) as r:
        return json.load(r)


def document_words(base, doc_id):
    """The words of one document's headings and section texts ("text") and of its page furniture
    ("furniture": running headers, footers and page numbers, each distinct line once), or None
    when it is not indexed."""
    try:
        detail = get_json(f"{base}/api/documents/{doc_id}")
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return None
        raise
    counts = collections.Counter()
    for section in detail["sections"]:
        counts += words(section["heading"] + "\n" + section["text"])
    return {"text": counts, "furniture": words("\n".join(detail.get("furniture", [])))}


def indexed_words(binary, corpus, index, wanted):
    """Every indexed document's words (headings and texts of its sections), by doc id.

    The list of documents names near-duplicate copies only under their originals, so the ids
    in WANTED that it does not list are read one by one: a copy is credited with its own
    indexed words, never with its original's."""
    port = free_port()
    server = subprocess.Popen(
        [binary, "serve", "--no-ingest", "--corpus", corpus, "--index", index,
         "--addr", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.2)
        docs = {}
        offset = 0
        while True:
            page = get_json(f"{base}/api/documents?limit=100&offset={offset}")
            for doc in page["documents"]:
                docs[doc["doc_id"]] = document_words(base, doc["doc_id"])
            offset += 100
            if offset >= page["total"]:
                break
        for doc_id in sorted(set(wanted) - set(docs)):
            found = document_words(base, doc_id)
            if found is not None:
                docs[doc_id] = found
        return docs
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)


def common(a, b):
    return sum(min(n, b.get(w, 0)) for w, n in a.items())


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("corpus")
    parser.add_argument("--work", required=True, help="folder for the index, report and cache")
    parser.add_argument("--binary", default="target/release/finsam")
    parser.add_argument("--baseline", help="files.tsv of an earlier run to compare with")
    parser.add_argument("--no-ingest", action="store_true", help="reuse WORK/index")
    args = parser.parse_args()
    corpus, work = os.path.abspath(args.corpus), os.path.abspath(args.work)
    binary = os.path.abspath(args.binary)
    os.makedirs(work, exist_ok=True)
    index, report_file = os.path.join(work, "index"), os.path.join(work, "report.json")
    files = pdf_files(corpus)
    reference = poppler_words(corpus, files, os.path.join(work, "pdftotext-cache-v2.json"))

    ingest_ok = True
    if not args.no_ingest:
        started = time.time()
        with open(os.path.join(work, "ingest.log"), "wb") as log:
            run = subprocess.run(
                [binary, "ingest", "--rebuild", "--corpus", corpus, "--index", index,
                 "--report", report_file],
                stdout=subprocess.DEVNULL, stderr=log,
            )
        ingest_ok = run.returncode == 0
        print(f"ingest: exit {run.returncode}, {time.time() - started:.0f} s (log: WORK/ingest.log)")
    with open(report_file) as f:
        outcomes = {o["path"]: o["outcome"] for o in json.load(f)["outcomes"]}
    ids = {rel: content_id(os.path.join(corpus, rel)) for rel in files}
    docs = indexed_words(binary, corpus, index, ids.values())

    rows = []
    for rel in files:
        ref, ref_body = reference[rel]["all"], reference[rel]["body"]
        found = docs.get(ids[rel]) or {}
        text = found.get("text", collections.Counter())
        got = text + found.get("furniture", collections.Counter())
        outcome = outcomes.get(rel, {"status": "missing"})
        total, hit = sum(ref.values()), common(ref, got)
        rows.append({
            "path": rel,
            "poppler": total,
            "poppler_body": sum(ref_body.values()),
            "common_body": common(ref_body, text),
            "indexed": sum(got.values()),
            "common": hit,
            "recall": hit / total if total else 1.0,
            "status": outcome["status"],
            "reason": outcome.get("reason", ""),
            "warnings": outcome.get("warnings", []),
            "got": got,
        })
    with open(os.path.join(work, "files.tsv"), "w") as f:
        f.write("path\tpoppler\tindexed\tcommon\trecall\tstatus\treason\twarnings"
                "\tpoppler_body\tcommon_body\n")
        for r in rows:
            f.write(f"{r['path']}\t{r['poppler']}\t{r['indexed']}\t{r['common']}\t"
                    f"{r['recall']:.4f}\t{r['status']}\t{r['reason']}\t"
                    f"{' | '.join(r['warnings'])}\t{r['poppler_body']}\t{r['common_body']}\n")
    for r in rows:
        if is_lost(r):
            r["shown"] = shown_words(os.path.join(corpus, r["path"]), work, reference[r["path"]]["all"],
                                     r.pop("got"))
    summarise(rows, ingest_ok)
    if args.baseline:
        compare(rows, args.baseline)


def is_lost(row):
    """pdftotext reads at least LOST_WORDS words from the file and the index holds less than half."""
    return row["poppler"] >= LOST_WORDS and row["recall"] < 0.5


def shown_words(path, work, poppler, indexed):
    """Which reading the pages bear out, for a lost file: the share of the words Tesseract reads
    on its pages (rendered at 200 dpi by pdftoppm, English and Swedish, cached in WORK) that the
    index holds and that pdftotext holds. A file pdftotext reads as garbage is lost by its count
    but read right by the index; this tells the two cases apart."""
    cache_file = os.path.join(work, "tesseract-cache.json")
    cache = json.load(open(cache_file)) if os.path.exists(cache_file) else {}
    key = content_id(path)
    if key not in cache:
        with tempfile.TemporaryDirectory() as tmp:
            subprocess.run(["pdftoppm", "-r", "200", "-gray", "-png", path,
                            os.path.join(tmp, "p")], check=True, timeout=600)
            text = "\n".join(
                subprocess.run(["tesseract", os.path.join(tmp, name), "-", "-l", "eng+swe"],
                               capture_output=True, text=True, timeout=600).stdout
                for name in sorted(os.listdir(tmp)))
        cache[key] = dict(words(text))
        with open(cache_file, "w") as f:
            json.dump(cache, f)
    page = cache[key]
    total = max(sum(page.values()), 1)
    return {"index": common(page, indexed) / total, "pdftotext": common(page, poppler) / total}


def summarise(rows, ingest_ok):
    with_words = [r for r in rows if r["poppler"] > 0]
    total = sum(r["poppler"] for r in rows)
    hit = sum(r["common"] for r in rows)
    body_total = sum(r["poppler_body"] for r in rows)
    body_hit = sum(r["common_body"] for r in rows)
    indexed = sum(r["indexed"] for r in rows)
    under = [r for r in with_words if r["recall"] < UNDER]
    lost = [r for r in rows if is_lost(r)]
    crashes = [r for r in rows if any(c in r["reason"] for c in CRASH)]
    def foreign(message):
        return ENGLISH.search(re.sub(r"\S+\.pdf", "", message, flags=re.I))
    english = [r for r in rows
               if foreign(r["reason"]) or any(foreign(w) for w in r["warnings"])]
    status = collections.Counter(r["status"] for r in rows)
    print(f"files: {len(rows)} ({dict(status)}); pdftotext reads words from {len(with_words)}")
    print(f"word-weighted recall: {hit / total:.4f} ({hit} of {total} pdftotext words)")
    print(f"body recall (furniture left out): {body_hit / body_total:.4f} "
          f"({body_hit} of {body_total} words)")
    print(f"precision: {hit / max(indexed, 1):.4f} ({indexed} indexed words)")
    print(f"files under {UNDER}: {len(under)} ({len(under) / len(with_words):.1%} of files with words)")
    with_body = [r for r in rows if r["poppler_body"] > 0]
    body_under = [r for r in with_body if r["common_body"] < UNDER * r["poppler_body"]]
    print(f"files under {UNDER} by body recall: {len(body_under)} "
          f"({len(body_under) / max(len(with_body), 1):.1%} of {len(with_body)} files with body words)")
    print(f"files with >= {LOST_WORDS} pdftotext words, less than half indexed: {len(lost)}")
    for r in sorted(lost, key=lambda r: -r["poppler"])[:40]:
        print(f"  {r['path']}: {r['common']}/{r['poppler']} {r['status']} {r['reason'][:80]}")
        if "shown" in r:
            print(f"    of the words Tesseract reads on its pages: the index holds "
                  f"{r['shown']['index']:.2f}, pdftotext {r['shown']['pdftotext']:.2f}")
    misread = [r for r in lost if "shown" in r and r["shown"]["index"] > r["shown"]["pdftotext"]]
    print(f"  of them, pages bear out the index's reading over pdftotext's: {len(misread)}")
    print(f"crashes: {len(crashes)} workers{'' if ingest_ok else ', ingest itself failed'}")
    for r in crashes:
        print(f"  {r['path']}: {r['reason']}")
    print(f"files with non-Swedish messages: {len(english)}")
    for r in english[:20]:
        print(f"  {r['path']}: {r['reason'] or r['warnings']}")


def compare(rows, baseline):
    old = {}
    with open(baseline) as f:
        next(f)
        for line in f:
            cells = line.rstrip("\n").split("\t")
            old[cells[0]] = float(cells[4])
    moved = [(r["recall"] - old[r["path"]], r) for r in rows
             if r["path"] in old and abs(r["recall"] - old[r["path"]]) > 0.05]
    print(f"files whose recall moved by more than 0.05: {len(moved)}")
    for delta, r in sorted(moved, key=lambda m: m[0]):
        print(f"  {delta:+.2f} {r['path']} ({r['poppler']} words) now {r['recall']:.2f}")


if __name__ == "__main__":
    main()
