# Källa till stockholms-stad-slutrapport-beroendelotsen-2024.pdf (reportlab, Liberation Sans).
# FIKTIVT EXEMPEL: förbundet finns, men insats, personer och siffror är påhittade.
META = dict(
    title="Slutrapport Beroendelotsen 2021–2024",
    forbund="Samordningsförbundet Stockholms stad",
    header_left="Samordningsförbundet Stockholms stad",
    header_right="Slutrapport – Beroendelotsen",
    footer_left="Dnr SFSS 2021/08 · Fiktivt exempel",
    font="liberationsans",
    accent="#003f7f",
)
BLOCKS = [
    ("title", "Slutrapport Beroendelotsen"),
    ("subtitle", "Arbete parallellt med behandling för personer med missbruk och ekonomiskt bistånd, Farsta och Södermalm 2021–2024"),
    ("meta", "Slutrapport till Samordningsförbundet Stockholms stad · Farsta stadsdelsförvaltning · Patrik Lund, enhetschef, och Nora Jansson, projektledare · 2024-09-30"),
    ("pagebreak",),  # försättsblad: titel och uppgifter på en egen första sida
    ("h1", "Sammanfattning"),
    ("p", "Insatsen Beroendelotsen har sedan september 2021 gett 311 personer med missbruk eller beroende och ekonomiskt bistånd ett arbetsinriktat stöd samtidigt som de fått behandling. Av de 262 som avslutats har 84 (32 procent) gått till arbete eller studier och ytterligare 47 (18 procent) till arbetsförberedande insats. Andelen med pågående behandling ökade från 38 till 66 procent. Från juli 2024 ingår arbetssättet i Farsta och Södermalms ordinarie verksamhet."),
    ("h1", "1. Bakgrund och syfte"),
    ("p", "Insatsen byggde på insikten att kravet på drogfrihet innan arbete gjorde att många blev kvar i försörjningsstöd i åratal. Syftet var att ge arbetsinriktat stöd parallellt med behandling, utan krav på en period av drogfrihet, och att utveckla ett gemensamt arbetssätt mellan socialtjänst, beroendevård och Arbetsförmedlingen."),
    ("h1", "2. Genomförande"),
    ("p", "Fyra lotsar och tre IPS-arbetsspecialister arbetade i team med behandlare från Beroendecentrum Stockholm. Teamen hade ärendedragningar varje vecka, och Arbetsförmedlingen deltog varannan vecka. Trohetsmätningar mot IPS gav 79 poäng 2022, 94 poäng 2023 och 101 poäng 2024. 187 deltagare fick en SIP."),
    ("h1", "3. Resultat"),
    ("table", [
        ["Status vid avslut (n = 262)", "Antal", "Andel"],
        ["Arbete, varav med lönestöd 29", "63", "24 %"],
        ["Studier", "21", "8 %"],
        ["Arbetsförberedande insats (AF eller kommunen)", "47", "18 %"],
        ["Sjukersättning eller sjukpenning", "22", "8 %"],
        ["Fortsatt behandling, ej aktuell för arbete", "51", "19 %"],
        ["Avbrott", "58", "22 %"],
    ], [10, 3, 3]),
    ("p", "Målet om 300 deltagare och 30 procent till arbete eller studier uppnåddes. Resultaten var bättre för deltagare med alkohol som primär substans (36 procent till arbete eller studier) än för deltagare med opioidberoende i läkemedelsassisterad behandling (21 procent)."),
    ("h1", "4. Framgångsfaktorer"),
    ("bullets", [
        "Stöd till arbete ges samtidigt som behandling – ingen behöver bli färdigbehandlad först.",
        "Lotsen håller ihop kontakterna och finns kvar vid återfall.",
        "Gemensam handlingsplan vid återfall som arbetsgivaren känner till.",
        "Trohetsmätningarna gav teamen gemensamma förbättringsmål.",
    ]),
    ("h1", "5. Hinder"),
    ("bullets", [
        "Skulder och utmätning gjorde att anställning inte alltid lönade sig för deltagaren.",
        "Försäkringskassan deltog i begränsad omfattning.",
        "Arbetsförmedlingens förändrade lokala närvaro 2022–2023.",
    ]),
    ("h1", "6. Ekonomi"),
    ("p", "Insatsen har förbrukat 18 240 tkr av beviljade 18 900 tkr. Överskottet återbetalas till förbundet."),
    ("h1", "7. Implementering"),
    ("p", "Farsta och Södermalms stadsdelsnämnder beslutade i april 2024 att behålla lotsar och arbetsspecialister inom beroendeenheterna, och Region Stockholm fortsätter delta i teamen med behandlare. Förbundet finansierar under 2024–2025 en spridning av arbetssättet till ytterligare två stadsdelar."),
    ("h1", "Referenser"),
    ("bullets", [
        "Samordningsförbundet Stockholms stad, Verksamhetsberättelse 2023.",
        "Ansökan om medel – Beroendelotsen (SFSS 2021/08), Farsta stadsdelsförvaltning 2021.",
        "Från rundgång till framsteg. Utvärdering av Team Framsteg, Samordningsförbundet Umeå 2024.",
        "Socialstyrelsen (2019): Nationella riktlinjer för vård och stöd vid missbruk och beroende.",
        "CAN – Centralförbundet för alkohol- och narkotikaupplysning (2022): Arbete och beroende – en kunskapsöversikt.",
    ]),
]
