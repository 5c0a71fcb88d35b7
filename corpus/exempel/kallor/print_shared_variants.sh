#!/usr/bin/env bash
# Skriver ut de fem delade PDF:erna (shared/corpus/pdf/000–004.pdf) genom andra PDF-producenter,
# så att testerna kan mäta trösklar för nära dubbletter på verkliga varianter av samma rapport.
# Resultatet ska INTE checkas in (det är härlett ur de delade, verkliga rapporterna).
#
# Användning: bash print_shared_variants.sh KÄLLMAPP UTMAPP
#   KÄLLMAPP  mappen med 000.pdf … 004.pdf (t.ex. /work/shared/corpus/pdf)
#   UTMAPP    skapas vid behov; får för varje NNN.pdf:
#     NNN-gs.pdf         Ghostscript pdfwrite, som "skriv ut till PDF" via en PDF-skrivare
#                        (pdf2ps + ps2pdf ger här Type 3-typsnitt utan Unicode, alltså oläslig text,
#                        så Ghostscript får läsa PDF:en direkt)
#     NNN-cairo.pdf      pdftocairo -pdf (poppler/cairo), som en utskrift från en PDF-läsare
#     NNN-skannad.pdf    pdftoppm 150 dpi gråskala, lätt lutning och brus (ImageMagick) -> img2pdf,
#                        bara bilder utan textlager, som en inskannad pappersutskrift
# Paket (Debian): ghostscript poppler-utils imagemagick img2pdf
set -euo pipefail

if [ $# -ne 2 ]; then
  echo "användning: $0 KÄLLMAPP UTMAPP" >&2
  exit 2
fi
SRC=$1
OUT=$2
mkdir -p "$OUT"
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

for id in 000 001 002 003 004; do
  pdf="$SRC/$id.pdf"
  [ -f "$pdf" ] || { echo "saknas: $pdf" >&2; exit 1; }
  echo "$id: ghostscript"
  gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sPAPERSIZE=a4 \
     -sOutputFile="$OUT/$id-gs.pdf" "$pdf"
  echo "$id: pdftocairo"
  pdftocairo -pdf "$pdf" "$OUT/$id-cairo.pdf"
  echo "$id: skannad"
  pdftoppm -r 150 -gray -png "$pdf" "$TMP/$id-sida"
  pages=()
  i=0
  for png in "$TMP/$id-sida"*.png; do
    i=$((i + 1))
    angle=$(awk -v i="$i" 'BEGIN { printf "%.2f", (i % 2 ? 0.6 : -0.4) }')
    convert "$png" -background white -rotate "$angle" -seed "$i" \
      -attenuate 0.25 +noise Gaussian -quality 70 "$TMP/$id-$i.jpg"
    pages+=("$TMP/$id-$i.jpg")
  done
  img2pdf --pagesize A4 --nodate -o "$OUT/$id-skannad.pdf" "${pages[@]}"
done
echo "Klart: $(ls "$OUT" | wc -l) filer i $OUT"
