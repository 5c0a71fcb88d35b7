# Källa till sundsvall-kvartalsrapport-steget-2025q1.pdf – blockkälla, HTML -> Chromium.
# FIKTIVT EXEMPEL: förbundet finns, men insats, personer och siffror är påhittade.
META = dict(
    producer="chromium",
    title="Kvartalsrapport STEGET kvartal 1 2025",
    forbund="Samordningsförbundet Sundsvall",
    header_left="Samordningsförbundet Sundsvall – kvartalsrapport",
    header_right="Insatsen STEGET – kvartal 1 2025",
    footer_left="Fiktivt exempel för Finsamsök",
    font="liberationsans",
    accent="#5b2a86",
)
BLOCKS = [
    ("title", "Kvartalsrapport"),
    ("subtitle", "Insatsen STEGET – kvartal 1 2025 (2025-01-01 – 2025-03-31)"),
    ("kv", [
        ("Insats", "STEGET – språk, hälsa och arbete för utrikes födda kvinnor"),
        ("Huvudman", "Sundsvalls kommun, Arbetsmarknadsförvaltningen"),
        ("Insatsperiod", "2024-04-01 – 2026-03-31"),
        ("Rapportör", "Hodan Warsame, projektledare"),
        ("Datum", "2025-04-11"),
    ]),
    ("pagebreak",),  # försättsblad: titel och uppgifter på en egen första sida
    ("h1", "1. Deltagare"),
    ("table", [
        ["Deltagare", "Under kvartalet", "Sedan start"],
        ["Nya deltagare", "9", "41"],
        ["Avslutade", "5", "12"],
        ["Aktiva vid kvartalets slut", "29", "–"],
    ], [8, 4, 4]),
    ("p", "Deltagarna är mellan 24 och 58 år, medelåldern är 39 år. De vanligaste födelseländerna är Somalia, Syrien och Eritrea. 33 av 41 har läst sfi i mer än två år. Vid hälsosamtalen har 27 kvinnor beskrivit långvarig värk och 19 sömnsvårigheter eller oro."),
    ("h1", "2. Aktiviteter under kvartalet"),
    ("bullets", [
        "Hälsoskola på somaliska och arabiska, två grupper med sammanlagt 16 deltagare.",
        "Yrkessvenska med inriktning städ och kök för 21 deltagare, med studiebesök på tre arbetsplatser.",
        "14 deltagare har arbetstränat i kommunens verksamheter, i genomsnitt 12 timmar per vecka.",
        "Sex deltagare har fått tid hos hälsocentralens fysioterapeut och fyra hos läkare efter hälsosamtal.",
        "Tre nya SIP har upprättats, totalt 11 sedan start.",
    ]),
    ("h1", "3. Resultat"),
    ("p", "Av de fem som avslutades under kvartalet har en fått en anställning med lönestöd inom äldreomsorgen, en har börjat på vård- och omsorgsutbildning på Komvux, en har skrivits över till Arbetsförmedlingen med förberedande insats och två har avbrutit på grund av flytt. Sedan start har 5 av 12 avslutade (42 procent) gått till arbete, studier eller arbetssökande med insats, vilket är över målet om 30 procent."),
    ("p", "37 av 41 deltagare (90 procent) har haft ett strukturerat hälsosamtal. 14 deltagare har höjt sin sfi-nivå med minst en kurs."),
    ("h1", "4. Framgångar och svårigheter"),
    ("p", "<b>Framgångar:</b> Hälsoskolan på modersmål har blivit en väg in i projektet; flera kvinnor har sedan själva bjudit in väninnor. Att sfi-läraren följer med till arbetsträningsplatsen har gjort språkstudierna mer konkreta."),
    ("p", "<b>Svårigheter:</b> Barnomsorg under aktiviteterna är fortfarande en flaskhals under lov. Arbetsförmedlingens deltagande i ärendedragningar har varit ojämnt under kvartalet. Försäkringskassan har ännu inte behövt delta i något ärende."),
    ("h1", "5. Ekonomi"),
    ("table", [
        ["Tkr", "Budget kv 1", "Utfall kv 1"],
        ["Personal inkl. hälsokommunikatör", "442", "431"],
        ["Tolk, material, barnomsorg", "28", "33"],
        ["Lokaler och resor", "20", "18"],
        ["<b>Summa</b>", "<b>490</b>", "<b>482</b>"],
    ], [8, 4, 4]),
    ("h1", "6. Planering kvartal 2"),
    ("p", "Förberedelse av halvtidsseminariet, som flyttats till maj 2025. Dialog med Vuxenutbildningen om att göra yrkessvenska med arbetsplatskoppling till ordinarie kurs. Uppföljning av försörjning sex månader efter avslut för de första sju avslutade deltagarna."),
]
