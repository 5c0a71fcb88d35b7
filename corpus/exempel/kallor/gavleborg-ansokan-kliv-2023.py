# Källa till gavleborg-ansokan-kliv-2023.pdf – blockkälla, görs till groff -ms av varianter.py
# och sätts med groff/ps2pdf. Bakgrund, målgrupp och metod återanvänds ordagrant i
# slutrapporten (gavleborg-slutrapport-kliv-2025.py), så som förbund ofta gör.
# FIKTIVT EXEMPEL: förbundet finns, men insats, personer och siffror är påhittade.
META = dict(
    producer="groff",
    title="Ansökan om samverkansmedel KLIV 2023",
    forbund="Samordningsförbundet Gävleborg",
    header_left="Samordningsförbundet Gävleborg",
    header_right="Ansökan om samverkansmedel – KLIV",
    footer_left="Bollnäs kommun, Arbetsmarknadsenheten",
)

BAKGRUND = [
    ("p", "I Bollnäs kommun har antalet hushåll med långvarigt försörjningsstöd legat på en hög nivå sedan 2019, trots att arbetsmarknaden i regionen periodvis har varit god. Försörjningsenhetens genomgång i mars 2023 visade att 212 vuxna hade haft ekonomiskt bistånd i minst tio av de senaste tolv månaderna. Av dem hade 118 varit inskrivna hos Arbetsförmedlingen i mer än två år, och 74 hade deltagit i minst två arbetsmarknadsinsatser utan att komma vidare. Drygt hälften beskrev själva någon form av ohälsa, oftast långvarig smärta, ångest eller nedstämdhet, men endast en liten andel hade en pågående kontakt med vården som handlade om arbetsförmåga."),
    ("p", "Socialsekreterare, arbetsmarknadskonsulenter och arbetsförmedlare beskriver samma mönster: personen bedöms stå för långt från arbetsmarknaden för Arbetsförmedlingens insatser men har inget läkarintyg som styrker nedsatt arbetsförmåga. Ingen av parterna har i dag uppdraget att göra en samlad bedömning av vad personen kan och behöver. Följden blir en rundgång mellan korta insatser, där individen får berätta sin historia om och om igen, och där försörjningsstödet blir kvar."),
    ("p", "Samordningsförbundet Gävleborg har tidigare finansierat insatser i länet där kommunens arbetsmarknadsenhet och försörjningsstöd arbetar tillsammans med arbetsförmågebedömning och arbetsträning, bland annat i Söderhamn. Erfarenheterna därifrån visar att en gemensam kartläggning och fasta mötesformer mellan enheterna förkortar tiden till en planering, men också att samverkan med vården och Arbetsförmedlingen behöver finnas med från start."),
]
MALGRUPP = [
    ("p", "Målgruppen är kvinnor och män 20–64 år, folkbokförda i Bollnäs kommun, som har haft försörjningsstöd i minst tio av de senaste tolv månaderna och som bedöms behöva samordnade insatser från minst två av parterna för att närma sig arbetsmarknaden. Personer med långvarig arbetslöshet, oklar arbetsförmåga och ohälsa som inte är utredd prioriteras. Deltagandet är frivilligt och bygger på skriftligt samtycke."),
]
METOD = [
    ("p", "KLIV står för <b>Kartläggning, Lots, Individstöd och Väg till arbete</b>. Insatsen bygger på ett team med två arbetsmarknadskonsulenter, en socialsekreterare från försörjningsstödet på halvtid och en arbetsterapeut från Region Gävleborg på 40 procent. Arbetsförmedlingen och Försäkringskassan deltar i gemensamma ärendedragningar."),
    ("numbers", [
        "<b>Trepartssamtal.</b> Socialsekreterare, arbetsmarknadskonsulent och deltagare går tillsammans igenom förväntningar, samtycke och en första nulägesbild.",
        "<b>Kartläggning (4–6 veckor).</b> Intervjuer, aktivitetsprövning i kommunens arbetsträningsverkstad och en strukturerad arbetsförmågebedömning enligt AWP (Assessment of Work Performance) som arbetsterapeuten genomför.",
        "<b>Gemensam handlingsplan.</b> Resultatet sammanfattas i en skriftlig plan. När fler än två aktörer har insatser upprättas en SIP tillsammans med hälsocentralen och vid behov psykiatrin.",
        "<b>Arbetsträning och individstöd.</b> Stegvis arbetsträning hos kommunen eller privata arbetsgivare, med en konsulent som lots och stöd på arbetsplatsen.",
        "<b>Väg till arbete.</b> Överlämning till Arbetsförmedlingen med gemensam rutin, eller till vården när arbetsförmågan behöver utredas vidare.",
    ]),
]
SYFTE = [
    ("p", "Syftet är att personer med långvarigt försörjningsstöd ska få sin arbetsförmåga klarlagd och ett samordnat stöd mot egen försörjning, och att parterna ska utveckla ett gemensamt arbetssätt för gruppen som kan leva vidare i ordinarie verksamhet."),
]

BLOCKS = [
    ("title", "Ansökan om samverkansmedel"),
    ("subtitle", "KLIV – Kartläggning, Lots, Individstöd, Väg till arbete"),
    ("meta", "Till Samordningsförbundet Gävleborg, kontakt@finsamgavleborg.se · Inkom 2023-05-15"),
    ("h1", "1. Uppgifter om insatsen"),
    ("kv", [
        ("Insatsens namn", "KLIV – Kartläggning, Lots, Individstöd, Väg till arbete"),
        ("Sökande huvudman", "Bollnäs kommun, Arbetsmarknadsenheten"),
        ("Samverkansparter", "Bollnäs kommun (Försörjningsstöd), Arbetsförmedlingen Bollnäs/Söderhamn, Försäkringskassan, Region Gävleborg (Hälsocentralen Bollnäs)"),
        ("Kontaktperson", "Linnea Åkerström, utvecklingsledare, linnea.akerstrom@bollnas.example.se"),
        ("Sökt belopp", "4 960 000 kronor"),
        ("Planerad period", "2023-09-01 – 2025-08-31"),
        ("Typ av insats", "Individinriktad insats med strukturövergripande inslag"),
    ]),
    ("h1", "2. Bakgrund"),
] + BAKGRUND + [
    ("h1", "3. Syfte"),
] + SYFTE + [
    ("h1", "4. Mål"),
    ("h2", "4.1 Mål på individnivå"),
    ("bullets", [
        "Minst 90 personer deltar under perioden, varav minst 45 procent kvinnor.",
        "Minst 40 procent av de avslutade går till arbete, studier eller aktivt arbetssökande med insats från Arbetsförmedlingen.",
        "Minst 80 procent av deltagarna har fått en arbetsförmågebedömning.",
        "Minst 30 procent av de avslutade har minskat sitt behov av försörjningsstöd sex månader efter avslut.",
    ]),
    ("h2", "4.2 Mål på organisationsnivå"),
    ("bullets", [
        "En gemensam rutin för överlämning mellan kommunen och Arbetsförmedlingen är beslutad senast 2024-06-30.",
        "Hälsocentralen och kommunen har en överenskommelse om hur arbetsförmågebedömningar används som underlag i läkarintyg.",
        "Beslut om hur arbetssättet ska föras in i ordinarie verksamhet fattas senast våren 2025.",
    ]),
    ("h1", "5. Målgrupp"),
] + MALGRUPP + [
    ("h1", "6. Metod och arbetssätt"),
] + METOD + [
    ("h1", "7. Tidplan"),
    ("table", [
        ["Period", "Aktivitet"],
        ["2023-09 – 2023-11", "Rekrytering, introduktion, samtyckesrutiner, registrering i Uppföljning Finsam"],
        ["2023-11 – 2025-05", "Fullt deltagarflöde, cirka 12 nya deltagare per kvartal"],
        ["2024-06", "Överlämningsrutin med Arbetsförmedlingen beslutad"],
        ["2025-03", "Implementeringsbeslut i socialnämnden"],
        ["2025-06 – 2025-08", "Avslut, slutrapport och lärseminarium"],
    ], [4, 12]),
    ("h1", "8. Budget"),
    ("table", [
        ["Kostnadsslag (kronor)", "2023 (sep–dec)", "2024", "2025 (jan–aug)"],
        ["Personal", "720 000", "2 192 000", "1 460 000"],
        ["Lokaler", "40 000", "120 000", "80 000"],
        ["Resor och deltagarkostnader", "25 000", "88 000", "60 000"],
        ["Kompetensutveckling (AWP)", "25 000", "48 000", "10 000"],
        ["Övrigt", "10 000", "32 000", "50 000"],
        ["<b>Summa</b>", "<b>820 000</b>", "<b>2 480 000</b>", "<b>1 660 000</b>"],
    ], [6, 3.3, 3.3, 3.4]),
    ("p", "Bollnäs kommun bidrar därutöver med arbetsledning, arbetsträningsplatser och administration. Region Gävleborg bidrar med läkarkonsultation vid behov."),
    ("h1", "9. Uppföljning och implementering"),
    ("p", "Deltagarna registreras i Uppföljning Finsam. Insatsen lämnar kvartalsrapport enligt förbundets mall och en slutrapport efter avslut. Försörjningsenheten följer upp försörjningen sex månader efter avslut. En implementeringsgrupp med enhetscheferna för försörjningsstöd och arbetsmarknad samt hälsocentralens verksamhetschef tar fram ett förslag till ordinarie verksamhet under 2025."),
    ("h1", "Referenser"),
    ("bullets", [
        "Söderhamns kommun: Kvartalsrapport, insats RESAN, perioden 2022-09-30 – 2022-12-31. Samordningsförbundet Gävleborg (SFG 22-8.4).",
        "Jönköpings kommun (2022): Ansökan – Utveckling av Samverkansmodell med stöd av Koll på förmåga. Samordningsförbundet Södra Vätterbygden.",
        "Socialstyrelsen (2021): Arbetslivsinriktade insatser för personer med långvarigt ekonomiskt bistånd – en kunskapssammanställning.",
        "ISF – Inspektionen för socialförsäkringen (2022): Mellan stolarna? Personer med försörjningsstöd och oklar arbetsförmåga. Rapport 2022:9.",
    ]),
    ("h1", "10. Underskrift"),
    ("p", "Bollnäs 2023-05-12<br/>Erik Sjödin, enhetschef Arbetsmarknadsenheten, Bollnäs kommun<br/>Maria Fors, enhetschef Försörjningsstöd, Bollnäs kommun"),
]
