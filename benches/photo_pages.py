#!/usr/bin/env python3
"""Extraction time of a report with a photo on every page, beside `pdftotext`.

Usage:

    cargo build --release
    python3 benches/photo_pages.py [--binary OTHER/finsam ...] [--runs 5]

Reports carry logos and photos; the sample corpus has none. This writes a 20-page PDF (ReportLab and
Pillow) whose pages each draw the same 1200×800 photo (one image object, 3.5 MB of samples) beside
40 lines of a shared report's text, then times `finsam inspect` (extraction, sections and labels of
one file, OCR not needed: every page has its text) with the release binary and any `--binary` given,
and `pdftotext` on the same file, each `--runs` times in turn. Printed: the median seconds of each
and its ratio to pdftotext's.
"""
import argparse
import os
import random
import statistics
import subprocess
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
TEXT = os.path.join(REPO, "..", "shared", "corpus", "text", "004.txt")
PAGES, LINES_PER_PAGE = 20, 40


def write_report(path):
    """The 20-page report with a photo on every page."""
    from PIL import Image
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    rng = random.Random(1)
    photo = ImageReader(Image.frombytes("RGB", (1200, 800), rng.randbytes(1200 * 800 * 3)))
    with open(TEXT, encoding="utf-8") as f:
        lines = [line for line in f.read().split("\n") if line.strip()]
    page, k = canvas.Canvas(path, pagesize=A4), 0
    for _ in range(PAGES):
        page.drawImage(photo, 72, 600, width=300, height=200)
        page.setFont("Helvetica", 10)
        for row in range(LINES_PER_PAGE):
            page.drawString(72, 580 - 13 * row, lines[k % len(lines)][:95])
            k += 1
        page.showPage()
    page.save()


def seconds(command):
    """Wall-clock seconds of one run of `command`, which must succeed."""
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", action="append", default=[], help="another finsam to time")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    binaries = [os.path.join(REPO, "target", "release", "finsam")] + args.binary
    with tempfile.TemporaryDirectory() as work:
        pdf = os.path.join(work, "report_with_photos.pdf")
        write_report(pdf)
        commands = {b: [b, "inspect", pdf] for b in binaries}
        commands["pdftotext"] = ["pdftotext", pdf, os.path.join(work, "out.txt")]
        times = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, command in commands.items():
                times[name].append(seconds(command))
    poppler = statistics.median(times["pdftotext"])
    print(f"{PAGES} pages, a photo on each, {args.runs} runs, median seconds:")
    for name, runs in times.items():
        median = statistics.median(runs)
        print(f"  {median:7.3f} s  {median / poppler:5.1f}× pdftotext  {name}")


if __name__ == "__main__":
    main()
