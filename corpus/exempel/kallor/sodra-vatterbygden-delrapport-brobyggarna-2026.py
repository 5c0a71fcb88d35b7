# Källa till sodra-vatterbygden-delrapport-brobyggarna-2026.pdf (reportlab, Liberation Serif).
# FIKTIVT EXEMPEL: förbundet finns, men insats, personer och siffror är påhittade.
META = dict(
    title="Delrapport Brobyggarna halvtid 2026",
    forbund="Samordningsförbundet Södra Vätterbygden",
    header_left="Samordningsförbundet Södra Vätterbygden",
    header_right="Halvtidsrapport – projektet Brobyggarna",
    footer_left="Dnr SFSV 2025/07 · Fiktivt exempel",
    font="liberation",
    accent="#0b5d3b",
)
BLOCKS = [
    ("title", "Delrapport vid halvtid: Brobyggarna"),
    ("subtitle", "Perioden 2025-05-01 – 2026-02-28 · Vaggeryds och Habo kommuner"),
    ("meta", "Underlag till lärseminariet 2026-03-19 för styrelse och beredningsgrupp i Samordningsförbundet Södra Vätterbygden · Dnr SFSV 2025/07"),
    ("pagebreak",),  # försättsblad: titel och uppgifter på en egen första sida
    ("h1", "1. Sammanfattning"),
    ("p", "Projektet Brobyggarna ger nyanlända och andra utrikes födda med långvarigt ekonomiskt bistånd ett samordnat stöd där språk, hälsa och arbete hänger ihop. Efter tio månader har 41 personer deltagit, 22 kvinnor och 19 män. Av de nio som avslutats har fyra gått till arbete eller studier. 31 deltagare har fått en hälsokartläggning och 17 har höjt sin sfi-nivå. Arbetsintegrerat språklärande med språkombud har införts på sju arbetsplatser."),
    ("h1", "2. Genomförande"),
    ("p", "Teamet – arbetsmarknadskonsulent, socialsekreterare, sfi-lärare med inriktning yrkessvenska och hälsokommunikatör från Region Jönköpings län – arbetar samlokaliserat vid Vaggeryds lärcentrum två dagar i veckan och i Habo en dag. Hälsoskola på modersmål har hållits fyra gånger. SIP har upprättats för 12 deltagare."),
    ("h1", "3. Resultat i förhållande till mål"),
    ("table", [
        ["Mål för hela perioden", "Utfall hittills"],
        ["80 deltagare, minst 45 % kvinnor", "41, varav 54 % kvinnor"],
        ["35 % av avslutade till arbete, studier eller AF", "56 % (5 av 9)"],
        ["70 % med hälsokartläggning", "76 %"],
        ["60 % höjd språknivå", "41 % (pågår)"],
        ["Språkombud på minst åtta arbetsplatser", "7"],
    ], [4.5, 3.3]),
    ("h1", "4. Lärdomar"),
    ("p", "Hälsokartläggningen har visat mer omfattande ohälsa än ansökan räknade med: 19 deltagare har symtom som tyder på posttraumatiskt stressyndrom, och väntetiden till traumafokuserad behandling är lång. Språkombuden fungerar bäst när arbetsplatsen själv har valt dem och fått tid avsatt. Liknande erfarenheter beskrivs från STEGET i Sundsvall, där hälsoskola på modersmål blev en väg in."),
    ("h1", "5. Deltagarnas röster"),
    ("p", "Vid en utvärderingsträff i februari 2026 berättade deltagarna vad som gjort skillnad. En kvinna från Eritrea sa: ”För första gången har någon frågat om min rygg och min svenska på samma gång.” En man från Afghanistan beskrev att språkombudet på lagret ”förklarar orden som används på riktigt, inte orden i boken”. Flera lyfte fram att de slipper berätta samma sak för flera handläggare."),
    ("h1", "6. Utmaningar"),
    ("bullets", [
        "Arbetsförmedlingens begränsade lokala närvaro i Vaggeryd.",
        "Få arbetsträningsplatser i Habo med rimliga resvägar.",
        "Väntetid till traumabehandling.",
    ]),
    ("h1", "7. Ekonomi"),
    ("p", "Till och med februari 2026 har 1 530 tkr förbrukats av budgeterade 1 640 tkr för perioden."),
    ("h1", "8. Inför implementering"),
    ("p", "Implementeringsgruppen föreslår att arbetsintegrerat språklärande blir en del av vuxenutbildningens uppdrag från 2027 och att regionen behåller hälsokommunikatören vid vårdcentralen i Skillingaryd. Förslaget behandlas av huvudmännen under hösten 2026."),
    ("h1", "Referenser"),
    ("bullets", [
        "Ansökan om medel 2025 – Brobyggarna, Vaggeryds kommun (Dnr SFSV 2025/07).",
        "Kvartalsrapport Brobyggarna, kvartal 4 2025.",
        "Sundsvall: Kvartalsrapport STEGET, kvartal 1 2025 (Samordningsförbundet Sundsvall).",
        "Ansökan – Utveckling av Samverkansmodell med stöd av Koll på förmåga, Jönköpings kommun 2022.",
        "Länsstyrelsen i Jönköpings län (2024): Etablering och hälsa – lägesbild för länet.",
    ]),
]
