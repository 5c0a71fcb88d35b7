# Källa till halland-delrapport-steget-2023.pdf – blockkälla, groff -ms via varianter.py.
# FIKTIVT EXEMPEL: förbundet finns, men insats, personer och siffror är påhittade.
META = dict(
    producer="groff",
    title="Delrapport Steget 2023",
    forbund="Samordningsförbundet Halland",
    header_left="Samordningsförbundet Halland",
    header_right="Delrapport – projekt Steget",
    footer_left="Varbergs kommun · Fiktivt exempel",
)
BLOCKS = [
    ("title", "Delrapport projekt Steget"),
    ("subtitle", "Lägesrapport efter första året, perioden 2022-09-01 – 2023-06-30"),
    ("meta", "Rapport till Samordningsförbundet Halland, styrelsemötet 2023-09-21 · Elin Sandberg, projektledare, Varbergs kommun"),
    ("pagebreak",),  # försättsblad: titel och uppgifter på en egen första sida
    ("h1", "1. Sammanfattning"),
    ("p", "Projektet Steget ger unga vuxna med psykisk ohälsa i Varberg och Falkenberg stöd enligt IPS. Under det första året har 52 unga skrivits in. 21 har avslutats, och 10 av dem har fått arbete eller börjat studera. Den första trohetsmätningen gav 82 poäng, vilket motsvarar måttlig trohet. Det största hindret har varit att få arbetsspecialisterna på plats i psykiatrins behandlingsteam i Falkenberg."),
    ("h1", "2. Genomförande"),
    ("p", "Två IPS-specialister började i september 2022 och den tredje i januari 2023. I Varberg deltar specialisterna sedan oktober 2022 i psykiatrins teamträffar varje tisdag. I Falkenberg dröjde det till april 2023 innan en fast plats i teamet kom till stånd, eftersom mottagningen hade stor personalomsättning. Under tiden togs remisser emot via Ungdomsmottagningen och socialtjänsten."),
    ("p", "Arbetet följer IPS åtta principer. Specialisterna har tillsammans haft 412 arbetsgivarkontakter, och medianen från inskrivning till första arbetsgivarkontakt var 34 dagar. Försäkringskassans kontaktperson har gett förmånsrådgivning till 14 deltagare med aktivitetsersättning. Elva deltagare har en SIP."),
    ("h1", "3. Deltagare"),
    ("table", [
        ["Deltagare 2022-09-01 – 2023-06-30", "Kvinnor", "Män", "Totalt"],
        ["Inskrivna", "24", "28", "52"],
        ["Avslutade", "9", "12", "21"],
        ["Pågående 2023-06-30", "15", "16", "31"],
        ["Varav aktivitetsersättning vid start", "7", "9", "16"],
        ["Varav försörjningsstöd vid start", "6", "8", "14"],
    ], [8, 2.5, 2.5, 3]),
    ("p", "Medelåldern är 23 år. 29 deltagare har en ångest- eller depressionsdiagnos och 21 en diagnos inom NPF. Sex deltagare har samtidigt ett missbruk och behandlas inom beroendevården."),
    ("h1", "4. Resultat hittills"),
    ("table", [
        ["Status vid avslut (n = 21)", "Antal"],
        ["Arbete på öppna arbetsmarknaden", "6"],
        ["Studier", "4"],
        ["Arbetsförberedande insats hos AF", "3"],
        ["Fortsatt behandling", "4"],
        ["Avbrott", "4"],
    ], [10, 4]),
    ("p", "Tio av 21 (48 procent) har gått till arbete eller studier, vilket ligger i nivå med målet om 45 procent. Bland dem som fått arbete är den genomsnittliga arbetstiden 24 timmar per vecka."),
    ("h1", "5. Framgångsfaktorer och hinder"),
    ("h2", "5.1 Framgångsfaktorer"),
    ("bullets", [
        "Arbetsspecialistens närvaro i behandlingsteamet gör att vården ser arbete som en del av återhämtningen.",
        "Snabbt jobbsökande: deltagarna träffar en arbetsgivare inom några veckor i stället för att vänta på att bli redo.",
        "Förmånsrådgivning tidigt minskar oron för att förlora aktivitetsersättningen.",
    ]),
    ("h2", "5.2 Hinder"),
    ("bullets", [
        "Personalomsättning i psykiatrin i Falkenberg fördröjde integrationen med vården.",
        "Arbetsförmedlingens beslut om lönestöd har tagit lång tid, i några fall över två månader.",
        "Avstånden i Falkenbergs kommun gör det svårt för deltagare utan körkort att ta sig till arbetsplatser.",
    ]),
    ("h1", "6. Ekonomi"),
    ("p", "Projektet har förbrukat 2 210 tkr av budgeten för perioden på 2 570 tkr. Avvikelsen beror på att den tredje IPS-specialisten anställdes först i januari 2023."),
    ("h1", "7. Fortsatt arbete"),
    ("p", "Under det andra året prioriteras trohet till modellen, särskilt integrationen med vården i Falkenberg och systematiska arbetsgivarkontakter. Styrgruppen har påbörjat arbetet med en överenskommelse om integrerade team och en plan för implementering som ska beslutas av huvudmännen senast mars 2024. Nästa trohetsmätning görs i maj 2024."),
]
