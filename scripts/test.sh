#!/usr/bin/env bash
# The one test command (README): system packages the tests use, then every test —
# cargo's, then the page in headless Chromium (tests/browser).
set -euo pipefail
cd "$(dirname "$0")/.."
need=()
command -v cc >/dev/null || need+=(gcc libc6-dev)
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v qpdf >/dev/null || need+=(qpdf)
tesseract --list-langs 2>/dev/null | grep -qx swe || need+=(tesseract-ocr tesseract-ocr-swe)
command -v chromium >/dev/null || need+=(chromium)
command -v node >/dev/null || need+=(nodejs)
command -v npm >/dev/null || need+=(npm)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq
  # Chromium may be missing from this system's archive: the rest installs anyway,
  # and the browser tests below say they were skipped.
  if ! DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"; then
    rest=()
    for p in "${need[@]}"; do [ "$p" = chromium ] || rest+=("$p"); done
    [ ${#rest[@]} -eq 0 ] || DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${rest[@]}"
  fi
fi
cargo test --all-targets

# The page: smoke.mjs ingests corpus/ into a temporary index with the binary
# cargo test just built, serves it on a free port with web/ from this tree, runs its checks
# (axe-core, widths, keyboard, overview, export) and stops the server.
CHROMIUM="${CHROMIUM:-$(command -v chromium || true)}"
if [ -z "$CHROMIUM" ]; then
  echo "NOTICE: browser tests SKIPPED — chromium is not installed (apt-get install chromium)." >&2
  exit 0
fi
(cd tests/browser && npm ci --no-audit --no-fund --silent)
CHROMIUM="$CHROMIUM" FINSAM_BIN="$PWD/target/debug/finsam" node tests/browser/smoke.mjs
