#!/usr/bin/env bash
# The README's first command on a fresh machine, with a scanned report in corpus/.
#
# Builds a minimal Debian 12 (debootstrap --variant=minbase: no compiler, no poppler, no
# Tesseract) in DIR, binds the host's Rust toolchain into it (what the README asks a user to
# install first), clones this repository there, drops an image-only PDF made here into its
# corpus/, runs `bash scripts/run.sh` in the chroot and searches for words that only the scan
# holds. Prints PASS when the scan is the first hit and was read by OCR. Needs root, network to
# deb.debian.org, debootstrap and python3 with Pillow on the host. Not part of the test command:
# CI has neither root nor a second machine to spare.
#
#     sudo bash scripts/check_fresh_machine.sh [DIR]    # default /tmp/finsam-fresh
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="${1:-/tmp/finsam-fresh}"
PORT=3999
[ "$(id -u)" = 0 ] || { echo "kör som root (debootstrap, chroot, mount)" >&2; exit 2; }
command -v debootstrap >/dev/null || apt-get install -y -qq debootstrap
rm -rf "$ROOT"
debootstrap --variant=minbase bookworm "$ROOT" http://deb.debian.org/debian >"$ROOT.debootstrap.log"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
mkdir -p "$ROOT/root/.cargo" "$ROOT/root/.rustup"
mounts=(proc dev sys root/.rustup root/.cargo)
sources=(/proc /dev /sys "$HOME/.rustup" "$HOME/.cargo")
# Unmounts, then removes the chroot (about 4 GB after the build); its logs stay beside it. A
# mount that would not come off keeps the chroot, so nothing bound into it is ever deleted.
cleanup() {
  pkill -f "serve --addr 127.0.0.1:$PORT" || true
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount "$ROOT/${mounts[i]}" 2>/dev/null || true; done
  if ! grep -q " $ROOT/" /proc/mounts; then rm -rf --one-file-system "$ROOT"; fi
}
trap cleanup EXIT
for i in "${!mounts[@]}"; do mount --bind "${sources[i]}" "$ROOT/${mounts[i]}"; done
git clone -q . "$ROOT/root/finsam"

# A scanned report: one page of text as a slightly turned image, nothing else in the file.
python3 - "$ROOT/root/finsam/corpus/kvarnbackslotsen-skannad.pdf" <<'EOF'
import glob, sys
from PIL import Image, ImageDraw, ImageFont
font = sorted(glob.glob("/usr/share/fonts/**/DejaVuSerif.ttf", recursive=True)
              or glob.glob("/usr/share/fonts/**/*.ttf", recursive=True))[0]
page = Image.new("L", (1654, 2339), 255)
draw = ImageDraw.Draw(page)
draw.text((150, 200), "Slutrapport Kvarnbackslotsen 2025", font=ImageFont.truetype(font, 48), fill=0)
lines = ["Samordningsförbundet Testbygd finansierade insatsen",
         "Kvarnbackslotsen under 2024 och 2025. Lotsarna stöttade",
         "unga vuxna med aktivitetsersättning att hitta praktik."]
for i, line in enumerate(lines):
    draw.text((150, 320 + 60 * i), line, font=ImageFont.truetype(font, 34), fill=0)
page.rotate(0.6, fillcolor=255).save(sys.argv[1], "PDF", resolution=200)
EOF

chroot "$ROOT" /bin/bash -c "export HOME=/root PATH=/root/.cargo/bin:/usr/sbin:/usr/bin:/sbin:/bin
  cd /root/finsam && bash scripts/run.sh --addr 127.0.0.1:$PORT" >"$ROOT.run.log" 2>&1 &
for _ in $(seq 1 360); do
  grep -q "svarar på" "$ROOT.run.log" && break
  sleep 5
done
answer=$(python3 - "$PORT" <<'EOF'
import json, sys, urllib.request
url = f"http://127.0.0.1:{sys.argv[1]}/api/search?q=kvarnbackslotsen%20aktivitetsers%C3%A4ttning"
hits = json.load(urllib.request.urlopen(url, timeout=30))["hits"]
first = hits[0] if hits else {}
print(first.get("path"), first.get("ocr"))
EOF
) || answer="inget svar"
echo "installed in the chroot: $(chroot "$ROOT" /bin/bash -c 'command -v cc pdftotext tesseract' | tr '\n' ' ')"
echo "first hit: $answer (log: $ROOT.run.log)"
[ "$answer" = "kvarnbackslotsen-skannad.pdf True" ] && echo PASS || { echo FAIL; exit 1; }
