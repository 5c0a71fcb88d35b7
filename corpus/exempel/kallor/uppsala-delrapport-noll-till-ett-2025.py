# Källa till uppsala-delrapport-noll-till-ett-2025.pdf – blockkälla, HTML -> Chromium.
# FIKTIVT EXEMPEL: förbundet finns, men insats, personer och siffror är påhittade.
META = dict(
    producer="chromium",
    title="Delrapport Noll till ett 2025",
    forbund="Samordningsförbundet i Uppsala län",
    header_left="Samordningsförbundet i Uppsala län",
    header_right="Delrapport – Samverkansteam Noll till ett",
    footer_left="Fiktivt exempel för Finsamsök",
    font="liberation",
    accent="#3c5a14",
)
BLOCKS = [
    ("title", "Delrapport: Samverkansteam Noll till ett"),
    ("subtitle", "Första året, 2024-05-01 – 2025-06-30"),
    ("meta", "Rapport till Samordningsförbundet i Uppsala län · Enköpings kommun på uppdrag av Enköping, Tierp och Östhammar · 2025-09-08 · Karin Lindqvist, projektledare"),
    ("pagebreak",),  # försättsblad: titel och uppgifter på en egen första sida
    ("h1", "1. Sammanfattning"),
    ("p", "Samverkansteamet Noll till ett har under sitt första år tagit emot 58 nollplacerade, det vill säga sjukskrivna personer med ekonomiskt bistånd som saknar SGI. 49 har fått en gemensam arbetsförmågebedömning, i genomsnitt sex veckor efter inskrivning. Av de 17 som avslutats har 4 gått till arbete eller studier, 6 har fått sjukersättning eller annan ersättning och 3 har fått en insats hos Arbetsförmedlingen. Konsultationsteamet med Försäkringskassan har lett till 11 ansökningar om samordning av rehabiliteringsinsatser."),
    ("h1", "2. Genomförande"),
    ("p", "Teamet var fullt bemannat från september 2024. Arbetsterapeuten och fysioterapeuten från Region Uppsala arbetar i alla tre kommunerna. Den konsultativa läkaren har granskat 41 läkarintyg och i 23 fall bett vårdcentralen om komplettering med aktivitetsbegränsningar. Konsultationsteamet med Försäkringskassan och Arbetsförmedlingen har träffats tio gånger och diskuterat 46 ärenden."),
    ("p", "SIP har upprättats för 27 deltagare. Tierp har haft färre deltagare än väntat (9), eftersom socialtjänsten där haft vakanser."),
    ("h1", "3. Resultat"),
    ("table", [
        ["Mål", "Utfall första året"],
        ["Minst 150 deltagare på tre år", "58 (i fas)"],
        ["90 % med gemensam bedömning inom åtta veckor", "84 %"],
        ["30 % av avslutade till arbete, studier eller AF-insats", "41 % (7 av 17)"],
        ["25 % av avslutade till annan försörjning", "35 % (6 av 17)"],
        ["SIP för deltagare med fler än två aktörer", "27 av 31"],
    ], [9, 6]),
    ("h1", "4. Framgångsfaktorer"),
    ("bullets", [
        "Den konsultativa läkaren, som har gjort läkarintygen användbara.",
        "Konsultationsteamet, där Försäkringskassan kan pröva frågor om ersättning tidigt.",
        "Arbetsterapeutens och fysioterapeutens gemensamma bedömning med DOA.",
    ]),
    ("h1", "5. Hinder"),
    ("bullets", [
        "Handläggningstider för sjukersättning på upp till åtta månader.",
        "Vårdcentralernas begränsade tid för kompletteringar.",
        "Vakanser hos socialtjänsten i Tierp.",
    ]),
    ("h1", "6. Ekonomi"),
    ("p", "Under perioden har 3 010 tkr förbrukats av budgeten på 3 440 tkr för maj 2024 – juni 2025. Underskridandet beror på att teamet var fullt bemannat först i september 2024."),
    ("h1", "7. Fortsatt arbete"),
    ("p", "Under år två ska rutinen för läkarintyg föras in i Region Uppsalas riktlinjer för primärvården, och teamet ska pröva en enklare väg in för personer med försörjningsstöd som har SGI men väntar på beslut om sjukpenning."),
    ("h1", "Referenser"),
    ("bullets", [
        "Ansökan om insatsmedel, Samverkansteam Noll till ett, Dnr SFUL 2024/112.",
        "Noll till ett – förstudie, Rapport 2023:4, Samordningsförbundet i Uppsala län.",
        "Samordningsförbundet Stockholms stad, Verksamhetsberättelse 2023 (Arbetsförmåga i fokus).",
    ]),
]
