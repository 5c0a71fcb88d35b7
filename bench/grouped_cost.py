#!/usr/bin/env python3
"""What a search page grouped by report costs beside the section page, on one
served index: the 200 queries of ../shared/bench (text only; filters left out,
as their labels depend on the corpus), each asked as `group=section` and as
`group=document` (top-10 + snippets + facet counts), alternating which goes
first, over several passes after a warm-up pass.

    python3 bench/grouped_cost.py --index I --corpus D/md [--bin target/release/finsam] [--passes 3]

Prints p50/p95/p99/mean per mode and the median per-query ratio document/section.
"""
import argparse
import http.client
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1].parent / "shared" / "bench"))
from pg_scale_bench import QUERIES  # noqa: E402


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ask(conn, q, group):
    path = "/api/search?" + urllib.parse.urlencode([("q", q), ("limit", "10"), ("group", group)])
    start = time.perf_counter()
    conn.request("GET", path)
    response = conn.getresponse()
    response.read()
    if response.status != 200:
        raise SystemExit(f"{path}: {response.status}")
    return (time.perf_counter() - start) * 1000


def pct(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--index", required=True)
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--bin", default="target/release/finsam")
    ap.add_argument("--passes", type=int, default=3)
    args = ap.parse_args()
    port = free_port()
    server = subprocess.Popen([args.bin, "serve", "--no-ingest", "--index", args.index, "--corpus",
                               args.corpus, "--addr", f"127.0.0.1:{port}"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                conn.request("GET", "/healthz")
                health = conn.getresponse()
                health.read()
                if health.status == 200:
                    break
            except (OSError, http.client.HTTPException):
                time.sleep(0.2)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        queries = [q for q, _ in QUERIES]
        for q in queries:  # warm-up pass
            ask(conn, q, "section"), ask(conn, q, "document")
        times = {"section": [], "document": []}
        ratios = []
        for n in range(args.passes):
            for i, q in enumerate(queries):
                order = ["section", "document"] if (i + n) % 2 == 0 else ["document", "section"]
                took = {group: ask(conn, q, group) for group in order}
                for group, ms in took.items():
                    times[group].append(ms)
                ratios.append(took["document"] / took["section"])
        print(f"{len(queries)} queries x {args.passes} passes, index {args.index}")
        print("| mode | p50 ms | p95 ms | p99 ms | mean ms |\n|---|---|---|---|---|")
        for group, values in times.items():
            print(f"| {group} | {pct(values, 50):.1f} | {pct(values, 95):.1f} | {pct(values, 99):.1f} | "
                  f"{statistics.mean(values):.1f} |")
        print(f"median per-query ratio document/section: {statistics.median(ratios):.2f}; "
              f"mean-time ratio: {statistics.mean(times['document']) / statistics.mean(times['section']):.2f}")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
