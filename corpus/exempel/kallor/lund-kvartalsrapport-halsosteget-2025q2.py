# Källa till lund-kvartalsrapport-halsosteget-2025q2.pdf (reportlab, DejaVu Sans), med
# fotnoter i texten som hänvisar till andra rapporter.
# FIKTIVT EXEMPEL: förbundet finns, men insats, personer och siffror är påhittade.
META = dict(
    title="Kvartalsrapport Hälsosteget kvartal 2 2025",
    forbund="Samordningsförbundet Finsam Lund",
    header_left="Finsam Lund – Kvartalsrapport",
    header_right="Projekt Hälsosteget, kvartal 2 2025",
    footer_left="Region Skåne, Primärvården Lund",
    font="dejavu",
    accent="#3b6e22",
)
BLOCKS = [
    ("title", "Kvartalsrapport Hälsosteget"),
    ("subtitle", "Kvartal 2 2025 (2025-04-01 – 2025-06-30) · Rapport till Finsam Lund"),
    ("kv", [
        ("Projekt", "Hälsosteget – arbetsfokuserat stöd för sjukskrivna med psykisk ohälsa"),
        ("Projektägare", "Region Skåne, Primärvården Lund"),
        ("Projektperiod", "2024-09-01 – 2026-08-31"),
        ("Rapportör", "Emelie Roos, projektledare"),
        ("Datum", "2025-07-10"),
    ]),
    ("pagebreak",),  # försättsblad: titel och uppgifter på en egen första sida
    ("h1", "1. Deltagare"),
    ("table", [
        ["", "Kvartal 2", "Sedan start"],
        ["Nya deltagare", "27", "84"],
        ["varav anställda", "19", "58"],
        ["varav arbetslösa", "8", "26"],
        ["Avslutade", "22", "47"],
    ], [8, 4, 4]),
    ("p", "Inflödet har ökat sedan vårdcentralen Linero började remittera direkt från läkarbesöket. Andelen arbetslösa deltagare (31 procent) är fortfarande lägre än planerat, vilket är samma erfarenhet som i Återkomsten i Burlöv-Staffanstorp, där deltagare utan anställning var svårast att nå tidigt.<super>1</super>"),
    ("h1", "2. Aktiviteter"),
    ("bullets", [
        "Individuell arbetsfokuserad KBT för 61 deltagare och två gruppomgångar om stress och återhämtning.",
        "Avstämningsmöten eller trepartssamtal inom 30 dagar för 79 procent av de nya deltagarna.",
        "Arbetsmarknadskonsulenten har stöttat 14 arbetslösa deltagare enligt Supported Employment.",
        "Utbildningsdag i arbetsfokuserat förhållningssätt för 38 läkare och rehabkoordinatorer i maj.",
    ]),
    ("h1", "3. Resultat"),
    ("p", "Av de 47 som avslutats sedan start hade 31 av 35 anställda (89 procent) återgått helt eller delvis i arbete, och 5 av 12 arbetslösa (42 procent) hade gått vidare till arbete, studier eller arbetssökande med insats. Båda ligger över projektmålen på 60 respektive 35 procent. Självskattad depression (PHQ-9) minskade i genomsnitt från 15 till 8 poäng."),
    ("h1", "4. Framgångar och hinder"),
    ("p", "Arbetsgivarnas deltagande i avstämningsmöten har varit högre än väntat, särskilt när mötet hålls digitalt. Det största hindret är att psykologtjänsten på 50 procent varit vakant sedan april, vilket har gett väntetid till KBT på upp till fem veckor. Försäkringskassans medverkan fungerar väl sedan rutinen för konsultationer infördes i mars, i linje med projektplanen.<super>2</super>"),
    ("h1", "5. Ekonomi"),
    ("p", "Kvartalets kostnader var 512 tkr mot budgeterade 556 tkr; avvikelsen beror på den vakanta psykologtjänsten."),
    ("h1", "6. Kommande kvartal"),
    ("p", "Rekrytering av psykolog, halvtidsutvärderingen i september och förberedelse av implementeringsplanen till styrgruppen i december 2025. Utvärderaren kommer att jämföra resultaten med Samverkansteam Mälardalen i Västra Mälardalen.<super>3</super>"),
    ("spacer", 0.3),
    ("meta", "<font size=8><super>1</super> Samordningsförbundet Burlöv-Staffanstorp, Slutrapport – Återkomsten. Samordnat stöd för återvändare från sjukförsäkringen i Burlöv och Staffanstorp (Dnr 2024/11), 2024.<br/><super>2</super> Finsam Lund, Projektplan: Hälsosteget, version 1.2, 2024-06-10.<br/><super>3</super> Samordningsförbundet Västra Mälardalen, Verksamhetsplan och budget 2025, avsnitt 6.1. Se även SBU (2024), Arbetsinriktade behandlingar vid psykisk ohälsa – en systematisk översikt.</font>"),
]
