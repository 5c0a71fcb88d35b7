# Källa till umea-delrapport-team-framsteg-2023.pdf (reportlab, en spalt, Liberation Sans).
# En inskannad kopia (bara bilder) finns i skannat/, se VARIANTS i varianter.py.
# FIKTIVT EXEMPEL: förbundet finns, men insats, personer och siffror är påhittade.
META = dict(
    title="Delrapport Team Framsteg 2023",
    forbund="Samordningsförbundet Umeå",
    header_left="Samordningsförbundet Umeå",
    header_right="Delrapport – Team Framsteg",
    footer_left="Umeå kommun, Individ- och familjeomsorgen",
    font="liberationsans",
    accent="#234d70",
)
BLOCKS = [
    ("title", "Delrapport Team Framsteg"),
    ("subtitle", "Första verksamhetsåret, 2022-09-01 – 2023-08-31"),
    ("meta", "Till styrelsen för Samordningsförbundet Umeå · 2023-09-25 · Anneli Berglund, enhetschef"),
    ("pagebreak",),  # försättsblad: titel och uppgifter på en egen första sida
    ("h1", "1. Sammanfattning"),
    ("p", "Team Framsteg har under sitt första år tagit emot 54 deltagare med långvarigt försörjningsstöd och psykisk ohälsa eller missbruk. 21 har avslutats, och 9 av dem har arbete, studier eller en annan försörjning än försörjningsstöd. Teamet har kommit igång med gemensamma ärendedragningar och samlokalisering två dagar i veckan. Det största hindret är att samtycke till informationsutbyte med psykiatrin tar tid att få på plats."),
    ("h1", "2. Genomförande"),
    ("p", "Teamet var fullt bemannat från oktober 2022. Arbetsspecialisten började i november och har sedan dess haft 168 arbetsgivarkontakter. Ärendedragningar har hållits varje vecka; Arbetsförmedlingens handläggare har deltagit i 19 av 23 planerade möten. Försäkringskassan har deltagit i fyra enskilda ärenden."),
    ("p", "Den gemensamma kartläggningen tar i praktiken åtta veckor i stället för sex, eftersom många deltagare behöver fler möten för att komma igång. SIP har upprättats för 31 deltagare."),
    ("h1", "3. Deltagare och resultat"),
    ("table", [
        ["Deltagare", "Kvinnor", "Män", "Totalt"],
        ["Inskrivna sedan start", "21", "33", "54"],
        ["Avslutade", "8", "13", "21"],
        ["Pågående 2023-08-31", "13", "20", "33"],
    ], [8, 2.5, 2.5, 3]),
    ("table", [
        ["Status vid avslut (n = 21)", "Antal"],
        ["Arbete eller studier", "5"],
        ["Sjukersättning, sjukpenning eller aktivitetsersättning", "4"],
        ["Arbetsförberedande insats", "5"],
        ["Fortsatt försörjningsstöd, behandling pågår", "4"],
        ["Avbrott", "3"],
    ], [11, 3]),
    ("p", "Andelen deltagare med pågående behandling för missbruk har ökat från 34 procent vid inskrivning till 52 procent. Deltagarnas självskattning med Indikatorn visar förbättring, framför allt för tilltro till egen förmåga."),
    ("h1", "4. Framgångsfaktorer"),
    ("bullets", [
        "Behandling och arbetsinriktat stöd ges samtidigt, utan krav på drogfrihet först.",
        "Samlokaliseringen gör att frågor kan lösas direkt.",
        "Arbetsspecialistens kontakter med arbetsgivare inom kafé, lager och fastighetsskötsel.",
    ]),
    ("h1", "5. Hinder"),
    ("bullets", [
        "Samtycke till informationsutbyte med psykiatrin saknades i början för en tredjedel av deltagarna.",
        "Väntetider till psykiatrisk utredning på i genomsnitt 16 veckor.",
        "Två av socialsekreterarna har bytts ut under året.",
    ]),
    ("h1", "6. Ekonomi"),
    ("p", "Till och med augusti 2023 har 2 960 tkr förbrukats av budgeten för perioden på 3 060 tkr."),
    ("h1", "7. Nästa steg"),
    ("p", "Teamet tar fram en gemensam rutin för samtycke och informationsöverföring tillsammans med psykiatrin. Utvärderaren Nordlig Analys AB återkopplar till styrgruppen i november 2023."),
]
