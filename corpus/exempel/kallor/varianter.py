#!/usr/bin/env python3
"""Blockkällor till andra PDF-producenter, och varianter (samma rapport i en annan fil).

En blockkälla är en .py-fil med META och BLOCKS (se rl_render.py). META["producer"] säger
vilket verktyg som gör PDF:en av den:
  "reportlab" (standard)  rl_render.py
  "chromium"              BLOCKS -> HTML (to_html) -> headless Chromium
  "groff"                 BLOCKS -> groff -ms med tbl (to_ms) -> PostScript -> ps2pdf

VARIANTS nedan beskriver nära dubbletter: samma rapport som en annan källa, men framställd
av en annan producent och ibland med annat omslag eller några ändrade rader.

Användning (anropas av build.sh):
  python3 varianter.py producer KALLA.py          skriver producenten
  python3 varianter.py html KALLA.py UT.html      blockkälla -> HTML
  python3 varianter.py ms KALLA.py UT.ms          blockkälla -> groff -ms
  python3 varianter.py list                       skriver "namn producent bas" per variant
  python3 varianter.py variant NAMN UT            skriver variantens HTML eller ms
"""
import html
import importlib.util
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# --------------------------------------------------------------------------- varianter
# name: PDF:ens namn (utan .pdf, relativt corpus/exempel), base: källa i den här mappen,
# producer: chromium | groff | scan | gs, cover: block som ersätter titelblocket (allt före
# första h1), replace: [(gammalt, nytt)] som måste finnas i basen, meta: ändringar i META.
VARIANTS = [
    dict(  # samma innehåll, annan producent (reportlab -> Chromium), webbversionen
        name="halland-steget-slutrapport-webbversion",
        base="halland-slutrapport-steget-2024.py",
        producer="chromium",
        meta=dict(font="dejavu"),
    ),
    dict(  # samma projektplan som bilaga till styrelsens protokoll: annat omslag, groff
        name="sundsvall-styrelsebilaga-projektplan-steget",
        base="sundsvall-projektplan-steget-2024.py",
        producer="groff",
        cover=[
            ("title", "Samordningsförbundet Sundsvall"),
            ("subtitle", "Bilaga 4 till protokoll från styrelsens sammanträde 2024-03-21, § 12"),
            ("meta", "Ärende: Beslut om finansiering av insatsen STEGET 2024–2026. "
                     "Handlingen är en kopia av projektplanen som den lämnades till beredningsgruppen."),
            ("p", "<b>Projektplan STEGET – språk, hälsa och arbete för utrikes födda kvinnor</b>"),
            ("p", "Sökande: Sundsvalls kommun, Arbetsmarknadsförvaltningen. Beredningsgruppens förslag: "
                  "att bevilja insatsen enligt projektplanen."),
        ],
        meta=dict(header_right="Bilaga 4, styrelsen 2024-03-21"),
    ),
    dict(  # reviderad slutrapport: rättad siffra och nytt datum, Chromium i stället för reportlab
        name="burlov-staffanstorp-slutrapport-aterkomsten-2024-reviderad",
        base="burlov-staffanstorp-slutrapport-aterkomsten-2024.py",
        producer="chromium",
        replace=[
            ("2024-05-08", "2024-06-12"),
            ("<b>3 032</b>", "<b>3 059</b>"),
            ("förbrukat 3 032 tkr", "förbrukat 3 059 tkr"),
            ("Överskottet på 118 tkr", "Överskottet på 91 tkr"),
            ("118", "145"),  # utfallet för köpta arbetsprövningsplatser
        ],
    ),
    dict(  # inskannad pappersutskrift: bara bilder, ingen textrad (Finsamsök OCR-läser den)
        name="skannat/umea-delrapport-team-framsteg-2023-skannad",
        base="umea-delrapport-team-framsteg-2023.py",
        producer="scan",
    ),
    dict(  # "skriv ut till PDF" av Chromium-PDF:en via Ghostscript (pdfwrite)
        name="goteborg-slutrapport-ips-ung-2023-utskrift",
        base="goteborg-slutrapport-ips-ung-2023.html",
        producer="gs",
    ),
]


def load(path):
    spec = importlib.util.spec_from_file_location("blockkalla", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def producer_of(path):
    mod = load(path)
    if hasattr(mod, "render"):
        return "reportlab"
    return getattr(mod, "META", {}).get("producer", "reportlab")


# --------------------------------------------------------------------------- HTML
CSS = """
@page { size: A4; margin: 24mm 20mm 22mm 20mm;
  @top-left { content: "%(hl)s"; font: 8.5pt "%(font)s"; color: #555 }
  @top-right { content: "%(hr)s"; font: 8.5pt "%(font)s"; color: #555 }
  @bottom-left { content: "%(fl)s"; font: 8pt "%(font)s"; color: #555 }
  @bottom-right { content: "Sida " counter(page) " av " counter(pages); font: 8.5pt "%(font)s"; color: #333 } }
body { font-family: "%(font)s", sans-serif; font-size: 10pt; line-height: 1.42; color: #1a1a1a; }
h1.title { font-size: 20pt; color: %(accent)s; margin: 0 0 2mm 0; }
p.subtitle { font-size: 12.5pt; color: #333; margin: 0 0 2mm 0; }
p.meta { font-size: 9.3pt; font-style: italic; color: #555; margin: 0 0 1.2mm 0; }
h2 { font-size: 13.5pt; color: %(accent)s; margin: 5.5mm 0 1.6mm 0; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.2mm 0; break-after: avoid; }
h4 { font-size: 10.3pt; font-style: italic; margin: 3mm 0 1mm 0; break-after: avoid; }
p { margin: 0 0 2mm 0; }
table { border-collapse: collapse; width: 100%%; font-size: 8.9pt; margin: 1.5mm 0 3.5mm 0; }
tr { break-inside: avoid; }
th, td { border: 0.7px solid #999; padding: 1.1mm 1.8mm; text-align: left; vertical-align: top; }
th { background: #e4e9ef; }
table.kv td:first-child { width: 32%%; background: #eef2f6; font-weight: bold; }
ul, ol { margin: 1mm 0 2.5mm 0; padding-left: 6mm; }
li { margin-bottom: 0.6mm; }
.pb { break-after: page; }
"""

FONT_NAMES = {"dejavu": "DejaVu Sans", "liberation": "Liberation Serif",
              "liberationsans": "Liberation Sans"}


def _css_str(s):
    return s.replace("\\", "\\\\").replace('"', '\\"')


def to_html(meta, blocks):
    font = FONT_NAMES.get(meta.get("font", "dejavu"), "DejaVu Sans")
    css = CSS % dict(hl=_css_str(meta.get("header_left", meta["forbund"])),
                     hr=_css_str(meta.get("header_right", meta["title"])),
                     fl=_css_str(meta.get("footer_left", "")),
                     font=font, accent=meta.get("accent", "#1f4e79"))
    out = ['<!DOCTYPE html>', '<html lang="sv">', '<head>', '<meta charset="utf-8">',
           '<title>%s</title>' % html.escape(meta["title"]),
           '<meta name="author" content="%s">' % html.escape(meta["forbund"]),
           '<style>%s</style>' % css, '</head>', '<body>']
    for b in blocks:
        k = b[0]
        if k == "title":
            out.append('<h1 class="title">%s</h1>' % b[1])
        elif k in ("subtitle", "meta"):
            out.append('<p class="%s">%s</p>' % (k, b[1]))
        elif k == "h1":
            out.append('<h2>%s</h2>' % b[1])
        elif k == "h2":
            out.append('<h3>%s</h3>' % b[1])
        elif k == "h3":
            out.append('<h4>%s</h4>' % b[1])
        elif k == "p":
            out.append('<p>%s</p>' % b[1])
        elif k in ("bullets", "numbers"):
            tag = "ul" if k == "bullets" else "ol"
            out.append('<%s>%s</%s>' % (tag, "".join("<li>%s</li>" % t for t in b[1]), tag))
        elif k == "kv":
            rows = "".join("<tr><td>%s</td><td>%s</td></tr>" % (a, v) for a, v in b[1])
            out.append('<table class="kv">%s</table>' % rows)
        elif k == "table":
            head = "".join("<th>%s</th>" % c for c in b[1][0])
            body = "".join("<tr>%s</tr>" % "".join("<td>%s</td>" % c for c in r) for r in b[1][1:])
            out.append('<table><tr>%s</tr>%s</table>' % (head, body))
        elif k == "spacer":
            out.append('<div style="height:%.1fcm"></div>' % b[1])
        elif k == "pagebreak":
            out.append('<div class="pb"></div>')
        elif k in ("framebreak", "nexttemplate"):
            pass
        else:
            raise ValueError("okänd blocktyp: %r" % (k,))
    out += ['</body>', '</html>', '']
    return "\n".join(out)


# --------------------------------------------------------------------------- groff -ms
def _ms_text(s):
    s = s.replace("\\", "\\e")
    s = re.sub(r"<br\s*/?>", "\n.br\n", s)
    s = s.replace("<b>", "\\fB").replace("</b>", "\\fP")
    s = s.replace("<i>", "\\fI").replace("</i>", "\\fP")
    s = re.sub(r"<[^>]+>", "", s)
    s = html.unescape(s)
    s = re.sub(r"(\S+@\S+|www\.\S+)", r"\\%\1", s)  # e-post och webbadresser avstavas inte
    lines = []
    for line in s.split("\n"):
        if line.startswith((".", "'")) and not line.startswith(".br"):
            line = "\\&" + line
        lines.append(line)
    return "\n".join(lines)


def _tbl(rows, widths_cm, head):
    total = 14.2
    n = len(rows[0])
    if not widths_cm:
        widths_cm = [total / n] * n
    scale = total / sum(widths_cm)
    fmt = " ".join("lw(%.2fc)" % (w * scale) for w in widths_cm)
    out = [".TS", "box tab(|);"]
    if head:
        out.append(" ".join("lbw(%.2fc)" % (w * scale) for w in widths_cm))
    out.append(fmt + ".")
    for i, r in enumerate(rows):
        cells = []
        for c in r:
            t = _ms_text(str(c)).replace("\n.br\n", " ")
            cells.append("T{\n%s\nT}" % t if len(t) > 25 else t)
        out.append("|".join(cells))
        if i == 0 and head:
            out.append("_")
    out.append(".TE")
    return "\n".join(out)


def to_ms(meta, blocks):
    def s(x):
        return _ms_text(x).replace("\n", " ")
    out = ['.\\" Genererad av varianter.py ur en blockkälla (META/BLOCKS). Byggs av build.sh.',
           ".mso sv.tmac", ".nr PS 10.5", ".nr VS 13", ".nr PD 0.35v", ".nr LL 6.3i",
           ".ds LH " + s(meta.get("header_left", meta["forbund"])), ".ds CH",
           ".ds RH " + s(meta.get("header_right", meta["title"])),
           ".ds LF " + s(meta.get("footer_left", "")), ".ds CF",
           ".ds RF Sida \\\\n% av \\*[NP]", ".P1", ".LP"]
    for b in blocks:
        k = b[0]
        if k == "title":
            out += [".LP", ".ps 19", ".vs 23", "\\fB" + s(b[1]) + "\\fP", ".ps", ".vs", ".sp 0.4"]
        elif k == "subtitle":
            out += [".LP", ".ps 13", ".vs 16", s(b[1]), ".ps", ".vs", ".sp 0.3"]
        elif k == "meta":
            out += [".LP", "\\fI" + s(b[1]) + "\\fP"]
        elif k == "h1":
            out += [".SH 1", s(b[1])]
        elif k == "h2":
            out += [".SH 2", s(b[1])]
        elif k == "h3":
            out += [".LP", ".sp 0.3", "\\fI\\fB" + s(b[1]) + "\\fP\\fP"]
        elif k == "p":
            out += [".PP", _ms_text(b[1])]
        elif k in ("bullets", "numbers"):
            for i, t in enumerate(b[1]):
                mark = "\\(bu" if k == "bullets" else "%d." % (i + 1)
                out += [".IP %s 3" % mark, _ms_text(t)]
            out.append(".LP")
        elif k == "kv":
            out += [".LP", _tbl(list(b[1]), [5, 11], head=False)]
        elif k == "table":
            out += [".LP", _tbl(b[1], b[2] if len(b) > 2 else None, head=True)]
        elif k == "spacer":
            out.append(".sp %.1fc" % b[1])
        elif k == "pagebreak":
            out.append(".bp")
        elif k in ("framebreak", "nexttemplate"):
            pass
        else:
            raise ValueError("okänd blocktyp: %r" % (k,))
    out.append("")
    return "\n".join(out)


# --------------------------------------------------------------------------- varianter
def variant_source(v):
    mod = load(os.path.join(HERE, v["base"]))
    meta = dict(mod.META)
    meta.update(v.get("meta", {}))
    blocks = list(mod.BLOCKS)
    if "cover" in v:
        first = next(i for i, b in enumerate(blocks) if b[0] == "h1")
        blocks = list(v["cover"]) + [("pagebreak",)] + blocks[first:]
    for old, new in v.get("replace", []):
        hits = [0]

        def sub(x):
            if isinstance(x, str):
                hits[0] += x.count(old)
                return x.replace(old, new)
            if isinstance(x, (list, tuple)):
                return type(x)(sub(y) for y in x)
            return x
        blocks = [sub(b) for b in blocks]
        if not hits[0]:
            raise SystemExit("varianter.py: %r finns inte i %s" % (old, v["base"]))
    return meta, blocks


def main(argv):
    cmd = argv[1]
    if cmd == "producer":
        print(producer_of(argv[2]))
    elif cmd in ("html", "ms"):
        mod = load(argv[2])
        text = (to_html if cmd == "html" else to_ms)(mod.META, mod.BLOCKS)
        with open(argv[3], "w", encoding="utf-8") as f:
            f.write(text)
    elif cmd == "list":
        for v in VARIANTS:
            print(v["name"], v["producer"], v["base"])
    elif cmd == "variant":
        v = next(v for v in VARIANTS if v["name"] == argv[2])
        meta, blocks = variant_source(v)
        text = (to_html if v["producer"] == "chromium" else to_ms)(meta, blocks)
        with open(argv[3], "w", encoding="utf-8") as f:
            f.write(text)
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv)
