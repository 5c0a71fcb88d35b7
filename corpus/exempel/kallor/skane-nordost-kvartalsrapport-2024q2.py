# Källa till skane-nordost-kvartalsrapport-2024q2.pdf
# reportlab, blankettlayout ritad direkt på canvas (absolut positionerad text i rutor,
# kryssrutor, rutnät) – så som ifyllda Word-/PDF-blanketter ofta ser ut.
# FIKTIVT EXEMPEL: förbundet finns, men insats, personer och siffror är påhittade.
import io

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

FORBUND = "Samordningsförbundet Skåne Nordost"

FIELDS = [
    ("section", "1. Allmänna uppgifter"),
    ("field", "Insatsens namn", "Vändpunkten – arbetsinriktat stöd vid missbruk och beroende"),
    ("field", "Huvudman", "Kristianstads kommun, Arbete och välfärd, Beroendeenheten"),
    ("field", "Samverkansparter", "Region Skåne (Beroendemottagningen Kristianstad), Arbetsförmedlingen, Försäkringskassan, Hässleholms kommun (Socialtjänsten, vuxenenheten)"),
    ("field", "Rapportperiod", "Rapporten avser perioden 2024-04-01 – 2024-06-30 (kvartal 2). Insatsen pågår 2023-10-01 – 2025-09-30."),
    ("field", "Kontaktperson", "Jesper Lindahl, samordnare, jesper.lindahl@kristianstad.example.se, 044-000 00 00"),
    ("checks", "Typ av insats", [("Individinriktad", True), ("Strukturövergripande", False), ("Förstudie", False)]),
    ("checks", "Målgrupp (flera val möjliga)", [("Missbruk/beroende", True), ("Psykisk ohälsa", True), ("Långvarigt försörjningsstöd", True), ("Unga 16–29", False), ("Sjukskrivna", False)]),
    ("section", "2. Deltagare"),
    ("grid", ["", "Kvinnor", "Män", "Totalt"], [
        ["Nya deltagare under kvartalet", "3", "7", "10"],
        ["Aktiva deltagare vid kvartalets slut", "9", "23", "32"],
        ["Avslutade under kvartalet", "2", "5", "7"],
        ["Totalt antal deltagare sedan start", "13", "35", "48"],
    ]),
    ("grid", ["Försörjning vid inskrivning (sedan start)", "Kvinnor", "Män", "Totalt"], [
        ["Försörjningsstöd", "9", "22", "31"],
        ["Sjukpenning eller aktivitetsersättning", "1", "3", "4"],
        ["Aktivitetsstöd (AF-program)", "1", "4", "5"],
        ["Ingen ersättning", "2", "4", "6"],
        ["Lön (deltidsanställning)", "0", "2", "2"],
    ]),
    ("field", "Kort beskrivning av deltagargruppen", "Deltagarna är mellan 22 och 61 år (medelålder 39 år). Alkohol är den vanligaste primära substansen (21 deltagare), följt av cannabis (11), opioider i läkemedelsassisterad behandling (8) och centralstimulantia (8). 29 av 48 har samtidigt psykisk ohälsa, främst ångest, depression eller adhd. 35 har haft försörjningsstöd i mer än ett år och 14 har aldrig haft en anställning längre än sex månader. Fem deltagare bor i kommunens boende med särskilt stöd."),
    ("field", "Avslutade deltagare – till vad?", "Av de sju som avslutades under kvartalet har två fått anställning (en med lönestöd inom lager, en timanställning inom kommunens parkförvaltning), en har börjat på Komvux, två har skrivits över till Arbetsförmedlingen med förberedande insats, en har återfallit och valt att avbryta, och en har flyttat till annan kommun. Sedan start har 16 deltagare avslutats, varav 6 till arbete eller studier (38 procent)."),
    ("section", "3. Aktiviteter och resultat"),
    ("field", "3.1 Genomförda aktiviteter", "Vändpunkten erbjuder arbetsinriktat stöd enligt IPS parallellt med behandling på beroendemottagningen. Teamet består av två arbetsspecialister, en socialsekreterare (50 %) och en sjuksköterska från Region Skåne (20 %). Under kvartalet har teamet haft 12 ärendedragningar, varav 6 med Arbetsförmedlingen. Arbetsspecialisterna har haft 74 arbetsgivarkontakter och fått fram 11 praktikplatser. Sex deltagare har fått en SIP. En återfallspreventionsgrupp med arbetsfokus har startat i samarbete med beroendemottagningen (åtta träffar, sju deltagare)."),
    ("field", "3.2 Resultat i förhållande till mål", "Målet är 80 deltagare under insatstiden och att 35 procent av de avslutade går till arbete, studier eller AF-insats. Med 48 deltagare efter nio månader och 50 procent av de avslutade till arbete, studier eller AF-insats ligger insatsen i fas. Andelen deltagare med pågående behandling har ökat från 41 procent vid inskrivning till 72 procent."),
    ("field", "3.3 Framgångsfaktorer", "Att arbetsspecialisterna sitter på beroendemottagningen en dag i veckan gör att behandlare och arbetsspecialist kan planera tillsammans med deltagaren. Deltagarna uppskattar att arbete inte görs beroende av en viss tids nykterhet. Arbetsgivare som tagit emot deltagare har fått en tydlig kontaktperson och snabb hjälp vid problem, vilket har gjort dem villiga att ta emot fler."),
    ("field", "3.4 Hinder och utmaningar", "Samverkan med Försäkringskassan har varit begränsad; två deltagare som borde ha prövats för sjukpenning har fått vänta på kontakt. Hässleholms socialtjänst har skickat färre deltagare än planerat (5 av 48), bland annat på grund av personalomsättning. Återfall under pågående praktik är en återkommande utmaning som kräver snabb kontakt mellan arbetsspecialist, behandlare och arbetsgivare."),
    ("field", "3.5 Lärdomar och förändringar", "Teamet har tagit fram en gemensam handlingsplan vid återfall som deltagaren fyller i tillsammans med arbetsspecialist och behandlare vid start. Planen beskriver vem arbetsgivaren ska kontakta och hur deltagaren kan komma tillbaka till praktiken. Den har hittills använts i fyra fall, och i tre av dem kunde praktiken fortsätta."),
    ("checks", "Parternas medverkan under kvartalet", [("Kommunen", True), ("Region Skåne", True), ("Arbetsförmedlingen", True), ("Försäkringskassan", False)]),
    ("field", "Deltagarnas röster", "Vid en uppföljningsträff i juni fick deltagarna svara på vad som gjort skillnad. Några svar: ”Första gången någon har pratat med mig om jobb och inte bara om mina prover.” ”Att Sara (arbetsspecialisten) ringde dagen efter att jag missat praktiken och inte var arg.” ”Jag trodde inte att en arbetsgivare skulle vilja ha mig. Nu har jag fått förlängt.”"),
    ("section", "4. Ekonomi"),
    ("grid", ["Kostnader (kr)", "Budget kv 2", "Utfall kv 2", "Avvikelse"], [
        ["Personal", "468 000", "455 300", "12 700"],
        ["Lokaler och administration", "36 000", "36 000", "0"],
        ["Deltagarkostnader (resor, arbetskläder)", "15 000", "19 600", "−4 600"],
        ["Utbildning och handledning", "12 000", "8 000", "4 000"],
        ["Summa", "531 000", "518 900", "12 100"],
    ]),
    ("field", "Kommentar till ekonomin", "Deltagarkostnaderna är högre än budgeterat eftersom fler deltagare än beräknat behövde arbetskläder och skyddsskor för praktik inom lager och bygg. Överskottet på personalposten täcker avvikelsen."),
    ("section", "5. Planering inför kvartal 3"),
    ("field", "Planerade aktiviteter", "Informationsinsats för socialsekreterare i Hässleholm i augusti. Möte med Försäkringskassans lokala samverkansansvarige om en fast kontaktperson. Start av ytterligare en återfallspreventionsgrupp. Förberedelse av halvtidsredovisning till styrelsen i oktober."),
    ("field", "Övrigt till styrelsen och beredningsgruppen", "Samordnaren vill lyfta att flera deltagare har skulder som hindrar dem från att ta en anställning, eftersom lönen utmäts. Vi föreslår att förbundet undersöker om budget- och skuldrådgivningen kan kopplas till insatsen, till exempel med en fast tid i månaden hos teamet. Vi vill också att beredningsgruppen tar upp frågan om en kontaktperson på Försäkringskassan för insatser som riktar sig till personer med missbruk och samsjuklighet."),
    ("field", "Underskrift", "Kristianstad 2024-07-08. Jesper Lindahl, samordnare. Karin Åström, enhetschef Beroendeenheten."),
]

FONT = "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"
FONTB = "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf"


def _draw(c, total):
    W, H = A4
    L, R, TOP, BOT = 18 * mm, W - 18 * mm, H - 34 * mm, 20 * mm
    page = [1]

    def chrome():
        c.setFillColor(colors.HexColor("#e8e8e8"))
        c.rect(L, H - 26 * mm, R - L, 14 * mm, stroke=0, fill=1)
        c.setFillColor(colors.black)
        c.setFont("LS-B", 12)
        c.drawString(L + 3 * mm, H - 18 * mm, FORBUND)
        c.setFont("LS", 9)
        c.drawString(L + 3 * mm, H - 23 * mm, "Kvartalsrapport för finansierad insats – blankett K1, version 2024")
        c.drawRightString(R - 3 * mm, H - 18 * mm, "Dnr SNO 2024/031")
        c.drawRightString(R - 3 * mm, H - 23 * mm, "Skickas till kansliet@finsamskanenordost.se")
        c.setFont("LS", 8)
        c.drawString(L, 12 * mm, "Blanketten fylls i av insatsens samordnare och lämnas senast 15 dagar efter kvartalets slut.")
        c.drawRightString(R, 12 * mm, "Sida %d av %d" % (page[0], total))

    def newpage():
        c.showPage()
        page[0] += 1
        chrome()
        return TOP

    chrome()
    y = TOP
    for item in FIELDS:
        kind = item[0]
        if kind == "section":
            if y - 45 * mm < BOT:  # ingen ensam rubrik längst ned på sidan
                y = newpage()
            c.setFont("LS-B", 11.5)
            c.drawString(L, y - 5 * mm, item[1])
            c.setLineWidth(0.8)
            c.line(L, y - 6.5 * mm, R, y - 6.5 * mm)
            y -= 10 * mm
        elif kind == "field":
            lines = simpleSplit(item[2], "LS", 9.5, R - L - 6 * mm)
            h = 5 * mm + len(lines) * 4.3 * mm + 3 * mm
            if y - h < BOT:
                y = newpage()
            c.setFont("LS-B", 8)
            c.drawString(L, y - 3 * mm, item[1].upper())
            c.setLineWidth(0.5)
            c.rect(L, y - h, R - L, h - 4.5 * mm)
            c.setFont("LS", 9.5)
            ty = y - 9 * mm
            for ln in lines:
                c.drawString(L + 3 * mm, ty, ln)
                ty -= 4.3 * mm
            y -= h + 3 * mm
        elif kind == "checks":
            if y - 14 * mm < BOT:
                y = newpage()
            c.setFont("LS-B", 8)
            c.drawString(L, y - 3 * mm, item[1].upper())
            x = L
            c.setFont("LS", 9.5)
            for label, on in item[2]:
                c.rect(x, y - 9.5 * mm, 3.4 * mm, 3.4 * mm)
                if on:
                    c.drawString(x + 0.6 * mm, y - 8.9 * mm, "X")
                c.drawString(x + 5 * mm, y - 9 * mm, label)
                x += 7 * mm + pdfmetrics.stringWidth(label, "LS", 9.5) + 4 * mm
            y -= 14 * mm
        elif kind == "grid":
            head, rows = item[1], item[2]
            rh = 6 * mm
            h = rh * (len(rows) + 1)
            if y - h < BOT:
                y = newpage()
            widths = [(R - L) * 0.46] + [(R - L) * 0.54 / (len(head) - 1)] * (len(head) - 1)
            c.setFillColor(colors.HexColor("#f0f0f0"))
            c.rect(L, y - rh, R - L, rh, stroke=0, fill=1)
            c.setFillColor(colors.black)
            for r, row in enumerate([head] + rows):
                x = L
                ry = y - (r + 1) * rh
                for i, cell in enumerate(row):
                    c.setLineWidth(0.5)
                    c.rect(x, ry, widths[i], rh)
                    bold = r == 0 or (r == len(rows) and row[0] == "Summa")
                    c.setFont("LS-B" if bold else "LS", 9)
                    if i == 0:
                        c.drawString(x + 2 * mm, ry + 2 * mm, cell)
                    else:
                        c.drawRightString(x + widths[i] - 2 * mm, ry + 2 * mm, cell)
                    x += widths[i]
            y -= h + 5 * mm
    c.showPage()
    return page[0]


def render(out):
    pdfmetrics.registerFont(TTFont("LS", FONT))
    pdfmetrics.registerFont(TTFont("LS-B", FONTB))
    total = _draw(canvas.Canvas(io.BytesIO(), pagesize=A4), 0)  # pass 1: räkna sidor
    c = canvas.Canvas(out, pagesize=A4)
    c.setTitle("Kvartalsrapport Vändpunkten 2024 kvartal 2")
    c.setAuthor(FORBUND)
    _draw(c, total)
    c.save()
