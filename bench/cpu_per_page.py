#!/usr/bin/env python3
"""CPU time a `finsam serve` spends per search page, binary against binary.

Usage:
    python3 bench/cpu_per_page.py --index I --corpus C [--passes 3] [--rounds 2]
        [--queries "q1|q2|…" --repeat 20] [--group document] BIN_A BIN_B …

Each binary in turn serves the index (`--no-ingest`); after one warm-up pass the
queries are asked one after another `--passes` times and the server process's
user + system CPU time (from /proc) is divided by the number of pages. Rounds
alternate the binaries. On a shared machine wall time swings with whatever else
runs; the CPU a page costs swings much less, so two binaries can be compared
while other work goes on. The queries are the national bench's 200 (from
../shared/bench/pg_scale_bench.py, without their filters) unless `--queries`
names some.
"""
import argparse
import os
import subprocess
import sys
import time
import urllib.parse
import urllib.request

ADDR = "127.0.0.1:3950"
TICK = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid):
    """User + system CPU seconds of process `pid`."""
    fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICK


def queries(args):
    if args.queries:
        return args.queries.split("|") * args.repeat
    sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "shared", "bench"))
    from pg_scale_bench import QUERIES
    return [q for q, _ in QUERIES]


def measure(binary, args, urls):
    server = subprocess.Popen(
        [binary, "serve", "--index", args.index, "--corpus", args.corpus, "--no-ingest", "--addr", ADDR],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://{ADDR}/healthz").read()
                break
            except OSError:
                time.sleep(0.2)
        for url in urls:
            urllib.request.urlopen(url).read()
        cpu, wall = cpu_seconds(server.pid), time.perf_counter()
        for _ in range(args.passes):
            for url in urls:
                urllib.request.urlopen(url).read()
        pages = args.passes * len(urls)
        return (1000 * (cpu_seconds(server.pid) - cpu) / pages,
                1000 * (time.perf_counter() - wall) / pages)
    finally:
        server.terminate()
        server.wait()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--passes", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--queries")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--group", choices=["section", "document"], default="section",
                        help="the page asked for: sections, or results by report")
    parser.add_argument("binaries", nargs="+")
    args = parser.parse_args()
    urls = [f"http://{ADDR}/api/search?" + urllib.parse.urlencode({"q": q, "limit": 10, "group": args.group}) for q in queries(args)]
    for round_ in range(args.rounds):
        for binary in args.binaries:
            cpu, wall = measure(binary, args, urls)
            print(f"round {round_} {binary}: {cpu:.2f} ms CPU per page, {wall:.2f} ms wall", flush=True)


if __name__ == "__main__":
    main()
