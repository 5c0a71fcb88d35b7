# Källa till gavleborg-verksamhetsplan-2024.pdf – blockkälla som görs till HTML av
# varianter.py och skrivs ut med headless Chromium.
# FIKTIVT EXEMPEL: förbundet finns, men insatser, personer och siffror är påhittade.
META = dict(
    producer="chromium",
    title="Verksamhetsplan och budget 2024",
    forbund="Samordningsförbundet Gävleborg",
    header_left="Samordningsförbundet Gävleborg",
    header_right="Verksamhetsplan och budget 2024",
    footer_left="Fastställd av styrelsen 2023-11-24 · Fiktivt exempel",
    font="liberationsans",
    accent="#2e6b3f",
)
BLOCKS = [
    ("title", "Verksamhetsplan och budget 2024"),
    ("subtitle", "Samordningsförbundet Gävleborg – med plan för 2025–2026"),
    ("meta", "Medlemmar: Bollnäs, Gävle, Hofors, Hudiksvall, Ljusdal, Nordanstig, Ockelbo, Ovanåker, Sandviken och Söderhamns kommuner, Region Gävleborg, Försäkringskassan och Arbetsförmedlingen."),
    ("pagebreak",),  # försättsblad: titel och uppgifter på en egen första sida
    ("h1", "1. Inledning"),
    ("p", "Samordningsförbundet Gävleborg är ett länsförbund som omfattar länets tio kommuner, Region Gävleborg, Försäkringskassan och Arbetsförmedlingen. Förbundet verkar enligt lagen (2003:1210) om finansiell samordning av rehabiliteringsinsatser och finansierar insatser som parterna genomför tillsammans. Verksamhetsplanen beskriver inriktning, mål och budget för 2024."),
    ("h1", "2. Inriktning 2024"),
    ("p", "Styrelsen prioriterar under 2024 tre områden:"),
    ("bullets", [
        "<b>Personer med långvarigt försörjningsstöd</b> som behöver en samlad bedömning av arbetsförmågan, särskilt i kommuner där andelen biståndsmottagare är hög.",
        "<b>Unga vuxna 16–29 år</b> med psykisk ohälsa eller NPF som varken arbetar eller studerar.",
        "<b>Sjukskrivna utan sjukpenninggrundande inkomst</b> och personer som lämnat sjukförsäkringen, där ansvaret mellan parterna är otydligt.",
    ]),
    ("h1", "3. Mål för 2024"),
    ("table", [
        ["Målområde", "Mål", "Indikator"],
        ["Individ", "Minst 40 % av avslutade deltagare till arbete, studier eller aktivt arbetssökande", "Uppföljning Finsam"],
        ["Individ", "Minst 75 % upplever ökad tilltro till egen förmåga", "Indikatorn"],
        ["Samverkan", "Samverkansindikatorerna förbättras i minst två kommunala team (TRISAM)", "Samverkansindikatorerna"],
        ["Implementering", "Minst en insats har beslut om ordinarie verksamhet", "Beslut hos huvudman"],
    ], [3, 9, 4]),
    ("h1", "4. Insatser 2024"),
    ("h2", "4.1 Individinriktade insatser"),
    ("p", "<b>KLIV</b> (Bollnäs kommun, 2023-09-01 – 2025-08-31). Kartläggning, lots, individstöd och väg till arbete för personer med långvarigt försörjningsstöd. Arbetsterapeut från Region Gävleborg gör AWP-bedömningar. 2 480 tkr."),
    ("p", "<b>Unga vuxna Hudiksvall</b> (Hudiksvalls kommun och Region Gävleborg, 2024–2025). IPS-inspirerat stöd för unga vuxna med psykisk ohälsa, med arbetsspecialister knutna till vuxenpsykiatrins öppenvård. 1 650 tkr."),
    ("p", "<b>Samverkansteam Gävle</b> (Gävle kommun). Gemensam arbetsförmågebedömning för sjukskrivna med försörjningsstöd som saknar SGI, enligt Halmstadsmodellen. 1 900 tkr."),
    ("h2", "4.2 Strukturövergripande insatser"),
    ("bullets", [
        "TRISAM-teamen i länets kommuner: metodstöd, nätverksträffar och utbildning för rehabkoordinatorer, socialsekreterare och handläggare. 450 tkr.",
        "Utbildning i SIP och motiverande samtal (MI) för parternas medarbetare. 250 tkr.",
        "Lärande utvärdering av KLIV och Samverkansteam Gävle. 300 tkr.",
    ]),
    ("h1", "5. Budget 2024 och plan 2025–2026"),
    ("table", [
        ["Tkr", "Budget 2024", "Plan 2025", "Plan 2026"],
        ["Medlemsavgifter", "14 400", "14 400", "14 400"],
        ["Individinriktade insatser", "−9 630", "−9 200", "−8 000"],
        ["Strukturövergripande insatser", "−1 000", "−1 100", "−1 100"],
        ["Medel för nya insatser", "−1 200", "−1 800", "−3 000"],
        ["Kansli och administration", "−2 900", "−2 950", "−3 000"],
        ["<b>Årets resultat</b>", "<b>−330</b>", "<b>−650</b>", "<b>−700</b>"],
    ], [6, 3.3, 3.3, 3.4]),
    ("p", "Det egna kapitalet beräknas vid ingången av 2024 uppgå till 3 900 tkr. De planerade underskotten minskar kapitalet till styrelsens riktlinje om högst 15 procent av medlemsavgifterna."),
    ("h1", "6. Uppföljning"),
    ("p", "Alla individinriktade insatser registrerar deltagare i Uppföljning Finsam och lämnar kvartalsrapport och slutrapport enligt förbundets mallar. Kvartalsrapporter skickas till kontakt@finsamgavleborg.se. Kansliet sammanställer en lägesrapport till varje styrelsemöte."),
    ("p", "Fastställd av styrelsen för Samordningsförbundet Gävleborg 2023-11-24."),
]
