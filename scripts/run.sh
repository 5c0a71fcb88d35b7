#!/usr/bin/env bash
# The README's first command: install what reading scanned and damaged PDFs needs when it is
# missing (Tesseract with Swedish for OCR, poppler-utils for rendering pages and for a second
# reading of pages our own reader gets wrong) and the C compiler and linker the Rust build calls
# (`cc`: a fresh Debian with rustup lacks it), then build and serve. Arguments go to `serve`.
# Without apt-get, or when installing fails, it serves anyway: `finsam` then says in one line
# what to install, and scanned pages stay unread until it is.
set -uo pipefail
cd "$(dirname "$0")/.."
need=()
command -v cc >/dev/null || need+=(gcc libc6-dev)
{ command -v pdftotext && command -v pdftoppm; } >/dev/null || need+=(poppler-utils)
tesseract --list-langs 2>/dev/null | grep -qx swe || need+=(tesseract-ocr tesseract-ocr-swe)
if [ ${#need[@]} -gt 0 ]; then
  if ! command -v apt-get >/dev/null; then
    echo "Installera ${need[*]} för att skannade PDF:er ska bli sökbara (apt-get saknas här)." >&2
  else
    echo "Installerar ${need[*]} (bygget och OCR av skannade sidor) …" >&2
    sudo=()
    [ "$(id -u)" = 0 ] || sudo=(sudo)
    if ! { "${sudo[@]}" apt-get update -qq &&
      DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${need[@]}"; }; then
      echo "Kunde inte installera ${need[*]}; startar ändå, utan OCR." >&2
    fi
  fi
fi
exec cargo run --release -- serve "$@"
