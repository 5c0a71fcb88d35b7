#!/usr/bin/env python3
"""Gemensam renderare för de reportlab-genererade exempelrapporterna.

Användning: python3 rl_render.py KALLA.py UT.pdf

Definierar KALLA.py en funktion render(ut_pdf) anropas den i stället (blankettlayout
ritad direkt på canvas, se skane-nordost-kvartalsrapport-2024q2.py).

KALLA.py definierar två variabler:
  META   = dict(title=..., forbund=..., header_left=..., header_right=...,
                font="dejavu"|"liberation", layout="single"|"twocol",
                accent="#1f4e79", title_frame_height=cm-tal (endast twocol))
  BLOCKS = lista av tupler:
    ("title", text) ("subtitle", text) ("meta", text)   titelsida/rubrikblock
    ("h1", text) ("h2", text) ("h3", text)               rubriker
    ("p", text)                                          stycke (reportlab-markup: <b>, <i>)
    ("bullets", [text, ...]) ("numbers", [text, ...])
    ("table", rows, colwidths_cm eller None)             första raden = rubrikrad
    ("kv", [(nyckel, värde), ...])                       blankettliknande tabell
    ("spacer", höjd_cm) ("pagebreak",) ("framebreak",)
"""
import importlib.util
import sys

from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (BaseDocTemplate, Frame, FrameBreak, KeepTogether,
                                ListFlowable, ListItem, NextPageTemplate, PageBreak,
                                PageTemplate, Paragraph, Spacer, Table, TableStyle)

FONTS = {
    "dejavu": ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
               "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
               "/usr/share/fonts/truetype/dejavu/DejaVuSans-Oblique.ttf",
               "/usr/share/fonts/truetype/dejavu/DejaVuSans-BoldOblique.ttf"),
    "liberation": ("/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
                   "/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf",
                   "/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf",
                   "/usr/share/fonts/truetype/liberation/LiberationSerif-BoldItalic.ttf"),
    "liberationsans": ("/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
                       "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf",
                       "/usr/share/fonts/truetype/liberation/LiberationSans-Italic.ttf",
                       "/usr/share/fonts/truetype/liberation/LiberationSans-BoldItalic.ttf"),
}


def register(name):
    r, b, i, bi = FONTS[name]
    base = "F_" + name
    pdfmetrics.registerFont(TTFont(base, r))
    pdfmetrics.registerFont(TTFont(base + "-B", b))
    pdfmetrics.registerFont(TTFont(base + "-I", i))
    pdfmetrics.registerFont(TTFont(base + "-BI", bi))
    pdfmetrics.registerFontFamily(base, normal=base, bold=base + "-B",
                                  italic=base + "-I", boldItalic=base + "-BI")
    return base


def load_module(path):
    spec = importlib.util.spec_from_file_location("kalla", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def load(path):
    mod = load_module(path)
    return mod.META, mod.BLOCKS


def make_canvas_class(meta, font, accent):
    """Canvas som ritar sidhuvud och sidfot 'Sida N av M' när alla sidor är kända."""

    class NumberedCanvas(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved = []

        def showPage(self):
            self._saved.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved)
            for state in self._saved:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total):
            w, h = A4
            self.saveState()
            self.setStrokeColor(accent)
            self.setLineWidth(0.6)
            self.line(2 * cm, h - 1.55 * cm, w - 2 * cm, h - 1.55 * cm)
            self.setFont(font, 8.5)
            self.setFillColor(colors.HexColor("#444444"))
            self.drawString(2 * cm, h - 1.35 * cm, meta.get("header_left", meta["forbund"]))
            self.drawRightString(w - 2 * cm, h - 1.35 * cm, meta.get("header_right", meta["title"]))
            self.line(2 * cm, 1.6 * cm, w - 2 * cm, 1.6 * cm)
            if meta.get("footer_left"):
                self.drawString(2 * cm, 1.15 * cm, meta["footer_left"])
            self.drawRightString(w - 2 * cm, 1.15 * cm,
                                 "Sida %d av %d" % (self._pageNumber, total))
            self.restoreState()

    return NumberedCanvas


try:  # avstavning i tvåspaltigt läge om pyphen finns (pip install pyphen)
    import pyphen  # noqa: F401
    HYPH = dict(hyphenationLang="sv_SE", embeddedHyphenation=1, uriWasteReduce=0.3)
except ImportError:
    HYPH = {}


def styles(font, accent, layout):
    base = 10 if layout == "twocol" else 10.5
    s = {}
    s["p"] = ParagraphStyle("p", fontName=font, fontSize=base, leading=base * 1.38,
                            alignment=TA_JUSTIFY if layout == "twocol" else TA_LEFT,
                            spaceAfter=5, **HYPH)
    s["title"] = ParagraphStyle("title", fontName=font + "-B", fontSize=21, leading=26,
                                textColor=accent, spaceAfter=6)
    s["subtitle"] = ParagraphStyle("subtitle", fontName=font, fontSize=13, leading=17,
                                   textColor=colors.HexColor("#333333"), spaceAfter=6)
    s["meta"] = ParagraphStyle("meta", fontName=font + "-I", fontSize=9.5, leading=13,
                               textColor=colors.HexColor("#555555"), spaceAfter=3)
    s["h1"] = ParagraphStyle("h1", fontName=font + "-B", fontSize=14, leading=18,
                             textColor=accent, spaceBefore=10, spaceAfter=5, keepWithNext=1)
    s["h2"] = ParagraphStyle("h2", fontName=font + "-B", fontSize=11.5, leading=15,
                             spaceBefore=7, spaceAfter=3, keepWithNext=1)
    s["h3"] = ParagraphStyle("h3", fontName=font + "-BI", fontSize=10.5, leading=14,
                             spaceBefore=5, spaceAfter=2, keepWithNext=1)
    s["cell"] = ParagraphStyle("cell", fontName=font, fontSize=base - 1.5,
                               leading=(base - 1.5) * 1.3)
    s["cellb"] = ParagraphStyle("cellb", parent=s["cell"], fontName=font + "-B")
    return s


def flowables(blocks, s, accent, avail_w):
    out = []
    for b in blocks:
        kind = b[0]
        if kind in ("p", "title", "subtitle", "meta", "h1", "h2", "h3"):
            out.append(Paragraph(b[1], s[kind]))
        elif kind in ("bullets", "numbers"):
            items = [ListItem(Paragraph(t, s["p"]), leftIndent=14) for t in b[1]]
            out.append(ListFlowable(items, bulletType="bullet" if kind == "bullets" else "1",
                                    start="•" if kind == "bullets" else None,
                                    leftIndent=14, bulletFontSize=9))
            out.append(Spacer(1, 3))
        elif kind in ("table", "kv"):
            if kind == "kv":
                rows = [[Paragraph(k, s["cellb"]), Paragraph(v, s["cell"])] for k, v in b[1]]
                widths = [avail_w * 0.32, avail_w * 0.68]
                head = False
            else:
                rows = [[Paragraph(str(c), s["cellb"] if i == 0 else s["cell"]) for c in r]
                        for i, r in enumerate(b[1])]
                widths = [w * cm for w in b[2]] if len(b) > 2 and b[2] else None
                head = True
            t = Table(rows, colWidths=widths, repeatRows=1 if head else 0, hAlign="LEFT")
            st = [("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor("#999999")),
                  ("VALIGN", (0, 0), (-1, -1), "TOP"),
                  ("TOPPADDING", (0, 0), (-1, -1), 2.5),
                  ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5)]
            if head:
                st.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#dde6f0")))
            else:
                st.append(("BACKGROUND", (0, 0), (0, -1), colors.HexColor("#eef2f6")))
            t.setStyle(TableStyle(st))
            out.append(t)
            out.append(Spacer(1, 7))
        elif kind == "spacer":
            out.append(Spacer(1, b[1] * cm))
        elif kind == "pagebreak":
            out.append(PageBreak())
        elif kind == "framebreak":
            out.append(FrameBreak())
        elif kind == "nexttemplate":
            out.append(NextPageTemplate(b[1]))
        else:
            raise ValueError("okänd blocktyp: %r" % (kind,))
    return out


def build(src, dst):
    meta, blocks = load(src)
    font = register(meta.get("font", "dejavu"))
    accent = colors.HexColor(meta.get("accent", "#1f4e79"))
    layout = meta.get("layout", "single")
    s = styles(font, accent, layout)
    w, h = A4
    lm, rm, tm, bm = 2 * cm, 2 * cm, 2.2 * cm, 2.1 * cm
    doc = BaseDocTemplate(dst, pagesize=A4, leftMargin=lm, rightMargin=rm, topMargin=tm,
                          bottomMargin=bm, title=meta["title"], author=meta["forbund"],
                          subject=meta.get("subject", ""), creator=meta.get("creator", "reportlab"))
    full_w = w - lm - rm
    body_h = h - tm - bm
    if layout == "twocol":
        gap = 0.8 * cm
        col_w = (full_w - gap) / 2
        th = meta.get("title_frame_height", 6) * cm
        first = [Frame(lm, h - tm - th, full_w, th, id="titel"),
                 Frame(lm, bm, col_w, body_h - th, id="v1"),
                 Frame(lm + col_w + gap, bm, col_w, body_h - th, id="h1")]
        later = [Frame(lm, bm, col_w, body_h, id="v"),
                 Frame(lm + col_w + gap, bm, col_w, body_h, id="h")]
        doc.addPageTemplates([PageTemplate(id="forsta", frames=first),
                              PageTemplate(id="senare", frames=later)])
        # titelblocket fyller första ramen, sedan spalter
        split = next(i for i, b in enumerate(blocks) if b[0] == "framebreak")
        story = [NextPageTemplate("senare")]
        story += flowables(blocks[:split], s, accent, full_w)
        story.append(FrameBreak())
        story += flowables(blocks[split + 1:], s, accent, col_w)
    else:
        doc.addPageTemplates([PageTemplate(id="en", frames=[Frame(lm, bm, full_w, body_h)])])
        story = flowables(blocks, s, accent, full_w)
    doc.build(story, canvasmaker=make_canvas_class(meta, font, accent))


if __name__ == "__main__":
    mod = load_module(sys.argv[1])
    if hasattr(mod, "render"):  # fristående källa som ritar själv med canvas
        mod.render(sys.argv[2])
    else:
        build(sys.argv[1], sys.argv[2])
