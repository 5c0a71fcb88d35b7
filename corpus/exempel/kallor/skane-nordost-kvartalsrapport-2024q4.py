# Källa till skane-nordost-kvartalsrapport-2024q4.pdf – samma blankett K1 som kvartal 2
# (skane-nordost-kvartalsrapport-2024q2.py, vars ritfunktion används), men en annan rapport:
# samma mall och ledtexter, andra siffror och andra beskrivningar. Ingen dubblett.
# FIKTIVT EXEMPEL: förbundet finns, men insats, personer och siffror är påhittade.
import importlib.util
import io
import os

from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

_spec = importlib.util.spec_from_file_location(
    "k1", os.path.join(os.path.dirname(os.path.abspath(__file__)), "skane-nordost-kvartalsrapport-2024q2.py"))
K1 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(K1)

FIELDS = [
    ("section", "1. Allmänna uppgifter"),
    ("field", "Insatsens namn", "Vändpunkten – arbetsinriktat stöd vid missbruk och beroende"),
    ("field", "Huvudman", "Kristianstads kommun, Arbete och välfärd, Beroendeenheten"),
    ("field", "Samverkansparter", "Region Skåne (Beroendemottagningen Kristianstad), Arbetsförmedlingen, Försäkringskassan, Hässleholms kommun (Socialtjänsten, vuxenenheten)"),
    ("field", "Rapportperiod", "Rapporten avser perioden 2024-10-01 – 2024-12-31 (kvartal 4). Insatsen pågår 2023-10-01 – 2025-09-30."),
    ("field", "Kontaktperson", "Jesper Lindahl, samordnare, jesper.lindahl@kristianstad.example.se, 044-000 00 00"),
    ("checks", "Typ av insats", [("Individinriktad", True), ("Strukturövergripande", False), ("Förstudie", False)]),
    ("checks", "Målgrupp (flera val möjliga)", [("Missbruk/beroende", True), ("Psykisk ohälsa", True), ("Långvarigt försörjningsstöd", True), ("Unga 16–29", False), ("Sjukskrivna", False)]),
    ("section", "2. Deltagare"),
    ("grid", ["", "Kvinnor", "Män", "Totalt"], [
        ["Nya deltagare under kvartalet", "2", "6", "8"],
        ["Aktiva deltagare vid kvartalets slut", "10", "24", "34"],
        ["Avslutade under kvartalet", "1", "6", "7"],
        ["Totalt antal deltagare sedan start", "17", "46", "63"],
    ]),
    ("grid", ["Försörjning vid inskrivning (sedan start)", "Kvinnor", "Män", "Totalt"], [
        ["Försörjningsstöd", "12", "29", "41"],
        ["Sjukpenning eller aktivitetsersättning", "2", "4", "6"],
        ["Aktivitetsstöd (AF-program)", "1", "6", "7"],
        ["Ingen ersättning", "2", "5", "7"],
        ["Lön (deltidsanställning)", "0", "2", "2"],
    ]),
    ("field", "Kort beskrivning av deltagargruppen", "Nya deltagare under hösten har i högre grad kommit från Hässleholm (4 av 8) efter informationsinsatsen i augusti. Alkohol är fortsatt den vanligaste primära substansen. 38 av 63 har samtidigt psykisk ohälsa. Två deltagare har en pågående skuldsanering."),
    ("field", "Avslutade deltagare – till vad?", "Av de sju som avslutades under kvartalet har tre fått anställning (två med lönestöd, en provanställning inom bygg), en har börjat på folkhögskola, en har skrivits över till Arbetsförmedlingen och två har avbrutit. Sedan start har 30 deltagare avslutats, varav 12 till arbete eller studier (40 procent) och 17 till arbete, studier eller AF-insats (57 procent)."),
    ("section", "3. Aktiviteter och resultat"),
    ("field", "3.1 Genomförda aktiviteter", "Teamet har haft 13 ärendedragningar, varav 7 med Arbetsförmedlingen och 2 med Försäkringskassan. En fast kontaktperson på Försäkringskassan utsågs i oktober. Arbetsspecialisterna har haft 81 arbetsgivarkontakter. Den andra återfallspreventionsgruppen med arbetsfokus avslutades i november. Budget- och skuldrådgivningen har en fast tid hos teamet en gång i månaden sedan oktober."),
    ("field", "3.2 Resultat i förhållande till mål", "Med 63 deltagare efter 15 månader och 57 procent av de avslutade till arbete, studier eller AF-insats ligger insatsen i fas mot målen (80 deltagare, 35 procent). Andelen med pågående behandling är 74 procent."),
    ("field", "3.3 Framgångsfaktorer", "Halvtidsredovisningen till styrelsen i oktober bekräftade att den gemensamma handlingsplanen vid återfall fungerar: den har använts i elva fall och i åtta av dem kunde praktiken eller anställningen fortsätta. Försäkringskassans nya kontaktperson har redan lett till två nya prövningar av sjukpenning."),
    ("field", "3.4 Hinder och utmaningar", "Två av arbetsgivarna som tagit emot flest deltagare har minskat sin personal och kan inte ta emot fler under våren. Vakans på socialsekreterartjänsten under december. Frågan om ordinarie drift efter september 2025 är ännu inte avgjord i Region Skåne."),
    ("field", "3.5 Lärdomar och förändringar", "Skuldrådgivningen bör kopplas in redan vid kartläggningen, eftersom skulder påverkar viljan att ta anställning. Teamet har också börjat erbjuda en kort introduktion för arbetsgivare om återfall och om vem de ska kontakta."),
    ("checks", "Parternas medverkan under kvartalet", [("Kommunen", True), ("Region Skåne", True), ("Arbetsförmedlingen", True), ("Försäkringskassan", True)]),
    ("field", "Deltagarnas röster", "Vid julträffen sa en deltagare: ”Jag har haft samma arbetsspecialist i ett år. Det är längre än jag haft något annat.” En annan: ”Skuldrådgivningen gjorde att jag vågade säga ja till jobbet.”"),
    ("section", "4. Ekonomi"),
    ("grid", ["Kostnader (kr)", "Budget kv 4", "Utfall kv 4", "Avvikelse"], [
        ["Personal", "470 000", "441 800", "28 200"],
        ["Lokaler och administration", "36 000", "36 000", "0"],
        ["Deltagarkostnader (resor, arbetskläder)", "15 000", "16 400", "−1 400"],
        ["Utbildning och handledning", "12 000", "14 500", "−2 500"],
        ["Summa", "533 000", "508 700", "24 300"],
    ]),
    ("field", "Kommentar till ekonomin", "Överskottet på personalposten beror på vakansen i december. Utbildningskostnaden avser arbetsgivarintroduktionen."),
    ("section", "5. Planering inför kvartal 1"),
    ("field", "Planerade aktiviteter", "Underlag till Region Skåne och Kristianstads kommun om ordinarie drift. Ny återfallspreventionsgrupp i Hässleholm. Uppföljning av försörjning sex månader efter avslut för deltagare som avslutades under 2024."),
    ("field", "Övrigt till styrelsen och beredningsgruppen", "Samordnaren vill att beredningsgruppen tidigt tar ställning till om en förlängning kan bli aktuell, så att personalen kan planera."),
    ("field", "Underskrift", "Kristianstad 2025-01-13. Jesper Lindahl, samordnare. Karin Åström, enhetschef Beroendeenheten."),
]


def render(out):
    pdfmetrics.registerFont(TTFont("LS", K1.FONT))
    pdfmetrics.registerFont(TTFont("LS-B", K1.FONTB))
    K1.FIELDS = FIELDS
    total = K1._draw(canvas.Canvas(io.BytesIO(), pagesize=A4), 0)
    c = canvas.Canvas(out, pagesize=A4)
    c.setTitle("Kvartalsrapport Vändpunkten 2024 kvartal 4")
    c.setAuthor(K1.FORBUND)
    K1._draw(c, total)
    c.save()
