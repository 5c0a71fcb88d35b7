# Källa till sodra-vatterbygden-kvartalsrapport-brobyggarna-2025q4.pdf – blockkälla, groff -ms.
# FIKTIVT EXEMPEL: förbundet finns, men insats, personer och siffror är påhittade.
META = dict(
    producer="groff",
    title="Kvartalsrapport Brobyggarna kvartal 4 2025",
    forbund="Samordningsförbundet Södra Vätterbygden",
    header_left="Samordningsförbundet Södra Vätterbygden",
    header_right="Kvartalsrapport – Insatsen Brobyggarna",
    footer_left="Vaggeryds kommun, Arbetsmarknadsenheten",
)
BLOCKS = [
    ("title", "Kvartalsrapport för insats"),
    ("subtitle", "Brobyggarna – kvartal 4 2025 (2025-10-01 – 2025-12-31)"),
    ("kv", [
        ("Insatsens namn", "Brobyggarna – språk, hälsa och arbete för nyanlända med långvarigt ekonomiskt bistånd"),
        ("Huvudman", "Vaggeryds kommun, Arbetsmarknadsenheten, i samverkan med Habo kommun"),
        ("Insatsperiod", "2025-05-01 – 2027-04-30"),
        ("Kontaktperson", "Amra Hodžić, enhetschef, amra.hodzic@vaggeryd.example.se"),
        ("Datum", "2026-01-14"),
    ]),
    ("pagebreak",),  # försättsblad: titel och uppgifter på en egen första sida
    ("h1", "1. Deltagare"),
    ("table", [
        ["", "Kvinnor", "Män", "Totalt"],
        ["Nya under kvartalet", "7", "6", "13"],
        ["Inskrivna sedan start", "17", "15", "32"],
        ["Aktiva vid kvartalets slut", "15", "13", "28"],
        ["Avslutade sedan start", "2", "2", "4"],
    ], [7, 3, 3, 3]),
    ("p", "Av de 32 deltagarna är 24 folkbokförda i Vaggeryd och 8 i Habo. De flesta är födda i Syrien, Afghanistan, Eritrea eller Somalia. 27 har läst sfi i mer än tre år utan att klara kurs C."),
    ("h1", "2. Aktiviteter"),
    ("bullets", [
        "Hälsokartläggning för 13 nya deltagare; sex har fått tid hos distriktsläkare och två konsultation hos Flyktingmedicinskt centrum.",
        "Hälsoskola på arabiska och dari, två grupper med 14 deltagare.",
        "Språk i arbete: 11 deltagare varvar arbetsträning med yrkessvenska; sfi-läraren har handlett språkombud på fem arbetsplatser.",
        "Gemensamma ärendedragningar varannan vecka; Arbetsförmedlingen har deltagit vid fem av sex.",
        "Fem SIP har upprättats.",
    ]),
    ("h1", "3. Resultat"),
    ("p", "Av de fyra som avslutats har en fått ett introduktionsjobb inom lager, en har börjat på vård- och omsorgsutbildning och två har flyttat. 21 av 32 deltagare (66 procent) har fått en hälsokartläggning. Insatsen ligger något efter planen på 12 nya deltagare per kvartal under uppstarten men i fas under hösten."),
    ("pagebreak",),
    ("h1", "4. Avvikelser och hinder"),
    ("p", "Rekryteringen av hälsokommunikatör med rätt språkkunskaper tog till oktober; under tiden lånade regionen personal från Flyktingmedicinskt centrum, som planerat. Arbetsförmedlingens lokala närvaro i Vaggeryd är fortsatt begränsad. I Habo har det varit svårt att hitta arbetsträningsplatser nära kollektivtrafik."),
    ("h1", "5. Ekonomi"),
    ("table", [
        ["Kronor", "Budget kv 4", "Utfall kv 4"],
        ["Personal inkl. hälsokommunikatör", "440 000", "418 000"],
        ["Tolk, material, hälsoskola", "15 000", "19 500"],
        ["Lokaler och resor", "13 000", "12 100"],
        ["<b>Summa</b>", "<b>468 000</b>", "<b>449 600</b>"],
    ], [8, 4, 4]),
    ("h1", "6. Planering kvartal 1 2026"),
    ("p", "Förberedelse av halvtidsuppföljningen och lärseminariet för styrelse och beredningsgrupp i mars 2026, utbildning av ytterligare språkombud och ett första utkast till gemensam rutin för remiss, samtycke och överlämning."),
]
