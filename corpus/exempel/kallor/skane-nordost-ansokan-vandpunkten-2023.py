# Källa till skane-nordost-ansokan-vandpunkten-2023.pdf (reportlab, Liberation Serif).
# FIKTIVT EXEMPEL: förbundet finns, men insats, personer och siffror är påhittade.
META = dict(
    title="Ansökan om medel Vändpunkten 2023",
    forbund="Samordningsförbundet Skåne Nordost",
    header_left="Samordningsförbundet Skåne Nordost",
    header_right="Ansökan om medel – Vändpunkten",
    footer_left="Kristianstads kommun, Beroendeenheten",
    font="liberation",
    accent="#1d5e5a",
)
BLOCKS = [
    ("title", "Ansökan om medel"),
    ("subtitle", "Vändpunkten – arbetsinriktat stöd vid missbruk och beroende"),
    ("meta", "Ansökan till Samordningsförbundet Skåne Nordost, kansliet@finsamskanenordost.se · Inkom 2023-05-22"),
    ("kv", [
        ("Insatsens namn", "Vändpunkten"),
        ("Huvudman", "Kristianstads kommun, Arbete och välfärd, Beroendeenheten"),
        ("Samverkansparter", "Region Skåne (Beroendemottagningen Kristianstad), Arbetsförmedlingen, Försäkringskassan, Hässleholms kommun (Socialtjänsten, vuxenenheten)"),
        ("Period", "2023-10-01 – 2025-09-30"),
        ("Sökt belopp", "4 250 000 kronor"),
        ("Kontaktperson", "Karin Åström, enhetschef Beroendeenheten, karin.astrom@kristianstad.example.se"),
    ]),
    ("pagebreak",),  # försättsblad: titel och uppgifter på en egen första sida
    ("h1", "1. Bakgrund"),
    ("p", "I Kristianstad och Hässleholm har omkring 300 vuxna både ett pågående missbruk eller beroende och försörjningsstöd. Många har haft kontakt med beroendevården i flera år och har deltagit i arbetsmarknadsinsatser som avbrutits vid återfall. Det vanliga beskedet är att personen först ska vara drogfri en viss tid innan arbete blir aktuellt. Samtidigt visar erfarenheter från IPS inom beroendevården, bland annat i Stockholm, att arbete kan vara en del av återhämtningen och att stöd till arbete kan ges parallellt med behandling."),
    ("p", "Beroendemottagningen och kommunens beroendeenhet har i dag ingen gemensam arbetsinriktad insats. Arbetsförmedlingen har begränsade möjligheter att ge ett nära stöd till personer med återkommande återfall, och Försäkringskassan möter sällan gruppen eftersom få har en sjukpenninggrundande inkomst."),
    ("h1", "2. Syfte och mål"),
    ("p", "Syftet är att personer med missbruk eller beroende och försörjningsstöd ska få arbetsinriktat stöd enligt IPS parallellt med behandling, så att de närmar sig arbete eller studier."),
    ("bullets", [
        "Minst 80 deltagare under insatstiden.",
        "Minst 35 procent av de avslutade går till arbete, studier eller AF-insats.",
        "Andelen deltagare med pågående behandling ökar under insatstiden.",
        "En gemensam handlingsplan vid återfall används av behandlare och arbetsspecialister.",
    ]),
    ("h1", "3. Målgrupp"),
    ("p", "Vuxna 20–64 år i Kristianstad och Hässleholm med missbruk eller beroende, försörjningsstöd och en egen vilja att arbeta. Deltagarna ska ha kontakt med beroendevården. Samsjuklighet med psykisk ohälsa är inget hinder."),
    ("h1", "4. Metod"),
    ("p", "Två arbetsspecialister, en socialsekreterare (50 procent) och en sjuksköterska från Region Skåne (20 procent) bildar ett team. Arbetsspecialisterna sitter på beroendemottagningen en dag i veckan. Arbetet följer IPS-principerna: alla som vill arbeta är välkomna, snabbt jobbsökande och tidsobegränsat stöd, med motiverande samtal (MI) och återfallsprevention som stöd. SIP upprättas för deltagare med insatser från flera aktörer."),
    ("h1", "5. Budget"),
    ("table", [
        ["Kostnadsslag (tkr)", "2023 (okt–dec)", "2024", "2025 (jan–sep)", "Summa"],
        ["Personal", "470", "1 880", "1 410", "3 760"],
        ["Lokaler och administration", "36", "144", "108", "288"],
        ["Deltagarkostnader", "15", "60", "45", "120"],
        ["Utbildning och handledning", "12", "48", "22", "82"],
        ["<b>Summa</b>", "<b>533</b>", "<b>2 132</b>", "<b>1 585</b>", "<b>4 250</b>"],
    ], [6, 2.6, 2.2, 2.6, 2.6]),
    ("h1", "6. Uppföljning och implementering"),
    ("p", "Insatsen lämnar kvartalsrapport på förbundets blankett K1 och en slutrapport. Deltagare registreras i Uppföljning Finsam. Kristianstads kommun och Region Skåne ska senast våren 2025 ta ställning till ordinarie drift."),
    ("h1", "Referenser"),
    ("bullets", [
        "Samordningsförbundet Stockholms stad: Verksamhetsberättelse 2022 (Beroendelotsen).",
        "Stockholms stad, Farsta stadsdelsförvaltning: Ansökan om medel – Beroendelotsen (2021).",
        "Socialstyrelsen (2019): Nationella riktlinjer för vård och stöd vid missbruk och beroende.",
        "SKR (2022): Arbete som en del av behandlingen – IPS inom beroendevården.",
    ]),
    ("p", "Kristianstad 2023-05-19 · Karin Åström, enhetschef, och Jesper Lindahl, utvecklare"),
]
