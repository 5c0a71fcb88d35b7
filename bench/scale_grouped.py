#!/usr/bin/env python3
"""The national-scale bench of ../shared/bench/scale_engine.py with every search
page grouped by report (`group=document`, the page's default) instead of by
section. Same 200 queries, same tables; compare the two runs' ratios.

    python3 bench/scale_grouped.py --corpus D --index I --reuse-index --no-build \
        --pg-results D/pg-results.json --conc 2 --repeats 1 --duration 30

All arguments go to scale_engine.py; GROUP=section runs the section page.
"""
import os
import sys
from pathlib import Path

SHARED_BENCH = Path(__file__).resolve().parents[1].parent / "shared" / "bench"
sys.path.insert(0, str(SHARED_BENCH))
import scale_engine  # noqa: E402

GROUP = os.environ.get("GROUP", "document")
section_path = scale_engine.search_path
scale_engine.search_path = lambda q, params: section_path(q, list(params) + [("group", GROUP)])

if __name__ == "__main__":
    scale_engine.main()
