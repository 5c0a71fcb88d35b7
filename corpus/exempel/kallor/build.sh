#!/usr/bin/env bash
# Bygger om alla exempel-PDF:er i corpus/exempel/ från källorna i den här mappen.
#
# Paket som behövs (Debian/Ubuntu):
#   apt-get update
#   apt-get install -y python3 python3-pip groff ghostscript chromium qpdf poppler-utils \
#                      fonts-dejavu-core fonts-liberation
#   pip install reportlab pyphen        # pyphen ger svensk avstavning i reportlab (valfritt)
#
# Verktyg per dokument:
#   *.py   -> reportlab via rl_render.py (sidhuvud, sidfot "Sida N av M")
#   *.ms   -> groff -ms (+tbl) -> PostScript -> ps2pdf (två pass för "Sida N av M")
#   *.html -> headless Chromium --print-to-pdf
#   burlov-staffanstorp-* krypteras efteråt med qpdf (endast ägarlösenord, öppnas utan lösenord)
#
# Användning: bash corpus/exempel/kallor/build.sh
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$(dirname "$HERE")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# --- reportlab -------------------------------------------------------------
for src in "$HERE"/*.py; do
  name=$(basename "$src" .py)
  [ "$name" = "rl_render" ] && continue
  echo "reportlab: $name.pdf"
  python3 "$HERE/rl_render.py" "$src" "$TMP/$name.pdf"
  case "$name" in
    burlov-staffanstorp-*)
      # krypterad med ägarlösenord ("secret"), tomt användarlösenord, utskrift spärrad
      qpdf --encrypt "" secret 256 --print=none -- "$TMP/$name.pdf" "$OUT/$name.pdf" ;;
    *) cp "$TMP/$name.pdf" "$OUT/$name.pdf" ;;
  esac
done

# --- groff -ms -> PostScript -> ps2pdf --------------------------------------
for src in "$HERE"/*.ms; do
  name=$(basename "$src" .ms)
  echo "groff:     $name.pdf"
  # pass 1: räkna sidor, pass 2: skriv "Sida N av M"
  groff -k -t -ms -dNP=0 -Tps "$src" > "$TMP/$name.ps"
  pages=$(grep -m1 '^%%Pages: [0-9]' "$TMP/$name.ps" | awk '{print $2}')
  groff -k -t -ms -dNP="$pages" -Tps "$src" > "$TMP/$name.ps"
  ps2pdf -sPAPERSIZE=a4 "$TMP/$name.ps" "$OUT/$name.pdf"
done

# --- headless Chromium --------------------------------------------------------
CHROME=""
for c in chromium chromium-browser google-chrome; do
  if command -v "$c" >/dev/null 2>&1; then CHROME=$c; break; fi
done
if [ -z "$CHROME" ]; then
  echo "Chromium saknas: hoppar över HTML-källorna" >&2
else
  for src in "$HERE"/*.html; do
    name=$(basename "$src" .html)
    echo "chromium:  $name.pdf"
    profile=$(mktemp -d)
    "$CHROME" --headless --no-sandbox --disable-gpu --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$profile" --no-pdf-header-footer \
      --print-to-pdf="$OUT/$name.pdf" "file://$src" >/dev/null 2>&1
    rm -rf "$profile"
  done
fi

echo "Klart. PDF:er i $OUT"
