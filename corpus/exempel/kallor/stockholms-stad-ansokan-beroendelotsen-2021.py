# Källa till stockholms-stad-ansokan-beroendelotsen-2021.pdf – blockkälla, HTML -> Chromium.
# FIKTIVT EXEMPEL: förbundet finns, men insats, personer och siffror är påhittade.
META = dict(
    producer="chromium",
    title="Ansökan om medel Beroendelotsen",
    forbund="Samordningsförbundet Stockholms stad",
    header_left="Samordningsförbundet Stockholms stad",
    header_right="Ansökan – Beroendelotsen",
    footer_left="Farsta stadsdelsförvaltning · Fiktivt exempel",
    font="dejavu",
    accent="#003f7f",
)
BLOCKS = [
    ("title", "Ansökan om medel"),
    ("subtitle", "Beroendelotsen – arbetsinriktat stöd parallellt med beroendebehandling i Farsta och Södermalm"),
    ("meta", "Till Samordningsförbundet Stockholms stad · Inkom 2021-04-12 · Diarienummer SFSS 2021/08"),
    ("kv", [
        ("Insats", "Beroendelotsen"),
        ("Huvudman", "Stockholms stad, Farsta stadsdelsförvaltning, Beroendeenheten"),
        ("Samverkansparter", "Södermalms stadsdelsförvaltning, Region Stockholm (Beroendecentrum Stockholm, mottagningarna i Farsta och på Södermalm), Arbetsförmedlingen, Försäkringskassan"),
        ("Period", "2021-09-01 – 2024-06-30"),
        ("Sökt belopp", "18 900 000 kronor"),
        ("Kontaktperson", "Patrik Lund, enhetschef, patrik.lund@stockholm.example.se"),
    ]),
    ("pagebreak",),  # försättsblad: titel och uppgifter på en egen första sida
    ("h1", "Bakgrund"),
    ("p", "I Farsta och på Södermalm har omkring 900 vuxna med ekonomiskt bistånd ett dokumenterat missbruk eller beroende. Socialtjänstens arbetsmarknadsinsatser kräver i praktiken att personen har varit drogfri en tid, och beroendevården har inte arbete som en del av behandlingsplanen. Många blir därför kvar i försörjningsstöd i många år. Studier av IPS för personer med beroende visar att stöd till arbete kan ges samtidigt som behandling och ger fler i arbete än stegvisa modeller."),
    ("h1", "Syfte"),
    ("p", "Att vuxna med missbruk eller beroende och ekonomiskt bistånd ska få arbetsinriktat stöd parallellt med behandling, utan krav på en period av drogfrihet, och att socialtjänst, beroendevård och Arbetsförmedlingen utvecklar ett gemensamt arbetssätt."),
    ("h1", "Mål"),
    ("bullets", [
        "Minst 300 deltagare under perioden.",
        "Minst 30 procent av de avslutade till arbete eller studier.",
        "Andelen deltagare i pågående behandling ökar från inskrivning till avslut.",
        "Beslut om fortsatt drift hos huvudmännen senast våren 2024.",
    ]),
    ("pagebreak",),
    ("h1", "Målgrupp"),
    ("p", "Vuxna 20–64 år i Farsta och Södermalm med missbruk eller beroende, ekonomiskt bistånd och en egen vilja att arbeta eller studera."),
    ("h1", "Arbetssätt"),
    ("p", "Lotsar från beroendeenheten arbetar i team med IPS-arbetsspecialister och behandlare från Beroendecentrum. Lotsen samordnar kontakter med socialtjänst och vård och följer med till möten. Arbetsspecialisten arbetar enligt IPS med snabbt jobbsökande och tidsobegränsat stöd. Motiverande samtal (MI), återfallsprevention och SIP används i alla ärenden. Arbetsförmedlingen deltar i ärendedragningar varannan vecka."),
    ("h1", "Budget"),
    ("table", [
        ["Tkr", "2021 (sep–dec)", "2022", "2023", "2024 (jan–jun)", "Summa"],
        ["Personal (lotsar, arbetsspecialister)", "1 900", "6 300", "6 500", "3 300", "18 000"],
        ["Lokaler, utbildning, övrigt", "100", "300", "300", "200", "900"],
        ["<b>Summa</b>", "<b>2 000</b>", "<b>6 600</b>", "<b>6 800</b>", "<b>3 500</b>", "<b>18 900</b>"],
    ], [5.5, 2.2, 2, 2, 2.3, 2]),
    ("h1", "Uppföljning"),
    ("p", "Deltagare registreras i SUS. Trohetsmätningar mot IPS görs årligen. Kvartalsrapporter och en slutrapport lämnas till förbundet."),
]
