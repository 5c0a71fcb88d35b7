#!/usr/bin/env bash
# Bygger om alla exempel-PDF:er i corpus/exempel/ från källorna i den här mappen.
#
# Paket som behövs (Debian/Ubuntu):
#   apt-get update
#   apt-get install -y python3 python3-pip groff ghostscript chromium qpdf poppler-utils \
#                      img2pdf imagemagick fonts-dejavu-core fonts-liberation
#   pip install reportlab pyphen        # pyphen ger svensk avstavning i reportlab (valfritt)
#   (img2pdf och imagemagick behövs för den inskannade kopian i skannat/, ghostscript även för
#    "utskriften" av en Chromium-PDF.)
#
# Verktyg per dokument:
#   *.py   -> blockkälla (META/BLOCKS). META["producer"] väljer verktyget:
#             "reportlab" (standard) via rl_render.py (sidhuvud, sidfot "Sida N av M"),
#             "chromium": varianter.py gör HTML av blocken -> headless Chromium,
#             "groff":    varianter.py gör groff -ms av blocken -> PostScript -> ps2pdf.
#             En källa med en egen render()-funktion ritar själv på canvas (blanketter).
#   *.ms   -> groff -ms (+tbl) -> PostScript -> ps2pdf (två pass för "Sida N av M")
#   *.html -> headless Chromium --print-to-pdf
#   burlov-staffanstorp-slutrapport-* krypteras efteråt med qpdf (endast ägarlösenord)
#   varianter (VARIANTS i varianter.py): samma rapport som en annan källa, framställd av en
#   annan producent (Chromium, groff, Ghostscript eller skanner-simulering: pdftoppm ->
#   ImageMagick (lätt lutning och brus) -> img2pdf, utan textlager, i undermappen skannat/).
#
# Användning: bash corpus/exempel/kallor/build.sh
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
OUT=$(dirname "$HERE")
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
export SOURCE_DATE_EPOCH=1735689600   # fast datum i metadata där verktygen respekterar det

CHROME=""
for c in chromium chromium-browser google-chrome; do
  if command -v "$c" >/dev/null 2>&1; then CHROME=$c; break; fi
done

# html_to_pdf KÄLLA.html UT.pdf
html_to_pdf() {
  if [ -z "$CHROME" ]; then echo "Chromium saknas: hoppar över $2" >&2; return 0; fi
  local profile
  profile=$(mktemp -d)
  "$CHROME" --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --no-pdf-header-footer \
    --print-to-pdf="$2" "file://$1" >/dev/null 2>&1
  rm -rf "$profile"
}

# ms_to_pdf KÄLLA.ms UT.pdf   (pass 1: räkna sidor, pass 2: skriv "Sida N av M")
ms_to_pdf() {
  local ps="$TMP/$(basename "$1" .ms).ps"
  groff -k -t -ms -dNP=0 -Tps "$1" > "$ps"
  local pages
  pages=$(grep -m1 '^%%Pages: [0-9]' "$ps" | awk '{print $2}')
  groff -k -t -ms -dNP="$pages" -Tps "$1" > "$ps"
  ps2pdf -sPAPERSIZE=a4 "$ps" "$2"
}

# --- blockkällor (*.py) -------------------------------------------------------
for src in "$HERE"/*.py; do
  name=$(basename "$src" .py)
  case "$name" in rl_render|varianter) continue ;; esac
  producer=$(python3 "$HERE/varianter.py" producer "$src")
  echo "$producer: $name.pdf"
  case "$producer" in
    reportlab) python3 "$HERE/rl_render.py" "$src" "$TMP/$name.pdf" ;;
    chromium)  python3 "$HERE/varianter.py" html "$src" "$TMP/$name.html"
               html_to_pdf "$TMP/$name.html" "$TMP/$name.pdf" ;;
    groff)     python3 "$HERE/varianter.py" ms "$src" "$TMP/$name.ms"
               ms_to_pdf "$TMP/$name.ms" "$TMP/$name.pdf" ;;
    *) echo "okänd producent $producer för $name" >&2; exit 1 ;;
  esac
  [ -f "$TMP/$name.pdf" ] || continue
  case "$name" in
    burlov-staffanstorp-slutrapport-*)
      # krypterad med ägarlösenord ("secret"), tomt användarlösenord, utskrift spärrad
      qpdf --encrypt "" secret 256 --print=none -- "$TMP/$name.pdf" "$OUT/$name.pdf" ;;
    *) cp "$TMP/$name.pdf" "$OUT/$name.pdf" ;;
  esac
done

# --- groff -ms -> PostScript -> ps2pdf --------------------------------------
for src in "$HERE"/*.ms; do
  name=$(basename "$src" .ms)
  echo "groff:     $name.pdf"
  ms_to_pdf "$src" "$OUT/$name.pdf"
done

# --- headless Chromium --------------------------------------------------------
for src in "$HERE"/*.html; do
  name=$(basename "$src" .html)
  echo "chromium:  $name.pdf"
  html_to_pdf "$src" "$OUT/$name.pdf"
done

# --- varianter: samma rapport i en annan fil, från en annan producent ----------
python3 "$HERE/varianter.py" list | while read -r name producer base; do
  echo "variant ($producer): $name.pdf"
  mkdir -p "$(dirname "$OUT/$name.pdf")"
  stem=$(basename "$name")
  case "$producer" in
    chromium)
      python3 "$HERE/varianter.py" variant "$name" "$TMP/$stem.html"
      html_to_pdf "$TMP/$stem.html" "$OUT/$name.pdf" ;;
    groff)
      python3 "$HERE/varianter.py" variant "$name" "$TMP/$stem.ms"
      ms_to_pdf "$TMP/$stem.ms" "$OUT/$name.pdf" ;;
    gs)
      # basens PDF "skrivs ut" till en ny PDF med Ghostscript
      gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -dCompatibilityLevel=1.4 \
         -sOutputFile="$OUT/$name.pdf" "$OUT/${base%.*}.pdf" ;;
    scan)
      # basens PDF som inskannat papper: gråskala 150 dpi, lätt lutning, brus, JPEG, inget textlager
      pdftoppm -r 150 -gray -png "$OUT/${base%.*}.pdf" "$TMP/$stem-sida"
      pages=()
      i=0
      for png in "$TMP/$stem-sida"*.png; do
        i=$((i + 1))
        angle=$(awk -v i="$i" 'BEGIN { printf "%.2f", (i % 2 ? 0.7 : -0.5) }')
        convert "$png" -background white -rotate "$angle" -seed "$i" \
          -attenuate 0.25 +noise Gaussian -quality 70 "$TMP/$stem-$i.jpg"
        pages+=("$TMP/$stem-$i.jpg")
      done
      img2pdf --pagesize A4 --producer "Canon iR-ADV C5535 (skannad)" \
        --nodate -o "$OUT/$name.pdf" "${pages[@]}" ;;
    *) echo "okänd variantproducent $producer" >&2; exit 1 ;;
  esac
done

echo "Klart. PDF:er i $OUT"
