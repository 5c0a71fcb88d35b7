# Källa till umea-projektplan-team-framsteg-2022.pdf – blockkälla, groff -ms via varianter.py.
# FIKTIVT EXEMPEL: förbundet finns, men insats, personer och siffror är påhittade.
META = dict(
    producer="groff",
    title="Projektplan Team Framsteg",
    forbund="Samordningsförbundet Umeå",
    header_left="Samordningsförbundet Umeå",
    header_right="Projektplan Team Framsteg",
    footer_left="Dnr 2022/05",
)
BLOCKS = [
    ("title", "Projektplan Team Framsteg"),
    ("subtitle", "Ett samverkansteam för personer med psykisk ohälsa, missbruk och långvarigt försörjningsstöd i Umeå kommun"),
    ("meta", "Beslutad av styrelsen för Samordningsförbundet Umeå 2022-06-09 · Dnr 2022/05 · Version 2022-08-15"),
    ("kv", [
        ("Insats", "Team Framsteg"),
        ("Insatsägare", "Umeå kommun, Individ- och familjeomsorgen (försörjningsstöd och beroendeenheten)"),
        ("Samverkansparter", "Region Västerbotten (Psykiatriska kliniken, allmänpsykiatrisk öppenvård), Arbetsförmedlingen, Försäkringskassan"),
        ("Period", "2022-09-01 – 2024-12-31"),
        ("Budget", "7 400 tkr från Samordningsförbundet Umeå"),
        ("Ansvarig", "Anneli Berglund, enhetschef, anneli.berglund@umea.example.se"),
    ]),
    ("pagebreak",),  # försättsblad: titel och uppgifter på en egen första sida
    ("h1", "1. Bakgrund"),
    ("p", "Umeå kommun hade 2021 omkring 650 hushåll med långvarigt ekonomiskt bistånd. En genomgång av 120 akter visade att 44 procent av de vuxna hade dokumenterad psykisk ohälsa och 29 procent ett missbruk eller beroende. En stor del hade varit aktuella hos socialtjänst, psykiatri och Arbetsförmedlingen samtidigt, utan att insatserna samordnats. Beskedet från arbetsmarknadsaktörerna var ofta att personen först måste bli drogfri eller stabil, medan vården inte såg arbete som en del av behandlingen."),
    ("p", "Erfarenheter från IPS och från integrerade team i andra delar av landet visar att behandling och arbetsinriktat stöd ger bättre resultat när de ges parallellt. Team Framsteg ska pröva ett sådant arbetssätt i Umeå."),
    ("h1", "2. Syfte och mål"),
    ("p", "Syftet är att deltagarna ska få ett samtidigt och samordnat stöd kring behandling, hälsa och arbete, så att de kommer närmare arbete eller annan försörjning än försörjningsstöd."),
    ("bullets", [
        "Minst 100 deltagare under insatsperioden.",
        "Minst 40 procent av de avslutade har arbete, studier eller annan försörjning än försörjningsstöd vid avslut.",
        "Samtliga deltagare med insatser från flera huvudmän har en SIP.",
        "Andelen deltagare med pågående behandling för missbruk eller psykisk ohälsa ökar under insatstiden.",
    ]),
    ("h1", "3. Målgrupp"),
    ("p", "Vuxna 20–64 år med försörjningsstöd i minst tolv månader som har psykisk ohälsa och/eller missbruk eller beroende och som själva vill ha stöd att närma sig arbete eller annan försörjning. Pågående missbruk är inte ett hinder för att delta."),
    ("h1", "4. Arbetssätt"),
    ("p", "Teamet består av två socialsekreterare från försörjningsstödet, en behandlare från beroendeenheten, en sjuksköterska från allmänpsykiatrin (50 procent), en arbetsspecialist och en handläggare från Arbetsförmedlingen på deltid. Teamet är samlokaliserat två dagar i veckan."),
    ("numbers", [
        "Gemensam kartläggning under sex veckor, där deltagaren träffar socialsekreterare, sjuksköterska och arbetsspecialist.",
        "SIP med deltagaren och berörda aktörer.",
        "Parallell behandling (återfallsprevention, KBT, medicinsk behandling) och arbetsinriktat stöd enligt IPS-principer.",
        "Ärendedragningar varje vecka; Arbetsförmedlingen deltar varannan vecka och Försäkringskassan vid behov.",
    ]),
    ("h1", "5. Uppföljning och utvärdering"),
    ("p", "Deltagarna registreras i Uppföljning Finsam och svarar på Indikatorn vid start och avslut. Förbundet upphandlar en extern utvärdering med process-, resultat- och samhällsekonomisk del. En delrapport lämnas efter första året och en slutrapport efter insatsens slut."),
    ("h1", "6. Budget"),
    ("table", [
        ["Tkr", "2022 (sep–dec)", "2023", "2024", "Summa"],
        ["Personal", "820", "2 900", "2 950", "6 670"],
        ["Lokaler, resor, material", "60", "180", "190", "430"],
        ["Kompetensutveckling", "40", "60", "50", "150"],
        ["Utvärdering (förbundet)", "0", "75", "75", "150"],
        ["<b>Summa</b>", "<b>920</b>", "<b>3 215</b>", "<b>3 265</b>", "<b>7 400</b>"],
    ], [5, 3, 2.5, 2.5, 3]),
    ("h1", "7. Risker"),
    ("bullets", [
        "Att deltagare inte vill lämna samtycke till informationsutbyte mellan socialtjänst och psykiatri.",
        "Personalomsättning bland socialsekreterarna.",
        "Att Försäkringskassan inte kan delta regelbundet.",
    ]),
    ("h1", "8. Implementering"),
    ("p", "Styrgruppen tar fram ett underlag om fortsatt drift senast hösten 2024, med stöd av utvärderingen. Målet är att teamet ska bli permanent med delad finansiering mellan Umeå kommun och Region Västerbotten."),
]
