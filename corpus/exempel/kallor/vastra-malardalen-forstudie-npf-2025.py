# Källa till vastra-malardalen-forstudie-npf-2025.pdf – blockkälla, groff -ms.
# FIKTIVT EXEMPEL: förbundet finns, men förstudien, personer och siffror är påhittade.
META = dict(
    producer="groff",
    title="Förstudie NPF i vuxen ålder",
    forbund="Samordningsförbundet Västra Mälardalen",
    header_left="Samordningsförbundet Västra Mälardalen",
    header_right="Förstudie NPF i vuxen ålder",
    footer_left="Rapport 2025:2",
)
BLOCKS = [
    ("title", "Förstudie NPF i vuxen ålder"),
    ("subtitle", "Vuxna med neuropsykiatriska funktionsnedsättningar som står utanför arbetsmarknaden i Köping, Arboga och Kungsör"),
    ("meta", "Samordningsförbundet Västra Mälardalen, rapport 2025:2 · November 2025 · Sara Holmén, processledare"),
    ("pagebreak",),  # försättsblad: titel och uppgifter på en egen första sida
    ("h1", "Sammanfattning"),
    ("p", "Förstudien har kartlagt behov och befintliga insatser för vuxna 25–64 år med NPF som står utanför arbetsmarknaden. I de tre kommunerna identifierades 214 personer med adhd- eller autismdiagnos som hade försörjningsstöd, aktivitets- eller sjukersättning eller var inskrivna hos Arbetsförmedlingen utan aktivitet. De flesta hade fått sin diagnos i vuxen ålder. Förstudien föreslår en treårig insats med en NPF-kunnig lots och arbetsterapeut, inspirerad av NPF-lotsen i Sörmland, men riktad till vuxna över 25 år."),
    ("h1", "1. Uppdrag och metod"),
    ("p", "Styrelsen beslutade i verksamhetsplanen för 2025 att genomföra en förstudie om vuxna med NPF, med en budget på 300 tkr. Förstudien har genomförts februari–oktober 2025 med registeruttag från socialtjänsten, intervjuer med 26 yrkesverksamma och 11 personer med NPF samt två workshoppar med parterna."),
    ("h1", "2. Resultat"),
    ("p", "Av de 214 personerna var 58 procent män och medelåldern 36 år. 71 procent hade fått diagnosen efter 20 års ålder, ofta efter flera år av misslyckade insatser. Intervjuerna visar att diagnosen sällan leder till förändrade insatser: Arbetsförmedlingen får inte del av utredningen, arbetsgivare vet inte vilka anpassningar som behövs, och kognitiva hjälpmedel förskrivs sällan till vuxna utan pågående vårdkontakt."),
    ("table", [
        ["Försörjning", "Köping", "Arboga", "Kungsör", "Totalt"],
        ["Försörjningsstöd", "48", "27", "14", "89"],
        ["Aktivitets- eller sjukersättning", "39", "22", "11", "72"],
        ["Inskrivna hos AF utan aktivitet", "29", "16", "8", "53"],
        ["<b>Summa</b>", "<b>116</b>", "<b>65</b>", "<b>33</b>", "<b>214</b>"],
    ], [6, 2.5, 2.5, 2.5, 2.5]),
    ("pagebreak",),
    ("h1", "3. Befintliga insatser"),
    ("p", "UngKraft i Arboga och Kungsör (IPS för unga 16–29 år) och Ungdomsbron på Östra Södertörn visar att individuellt stöd fungerar för unga med NPF, men det finns ingen motsvarande insats för vuxna över 30. Samverkansteam Mälardalen möter en del av målgruppen i primärvården men har inte NPF-kompetens."),
    ("h1", "4. Förslag"),
    ("bullets", [
        "En treårig insats med två NPF-lotsar och en arbetsterapeut för vuxna 25–64 år, med Supported Employment för den som vill ut i arbete.",
        "Arbetsterapeutisk bedömning och förskrivning av kognitiva hjälpmedel för alla deltagare.",
        "En överenskommelse med vuxenpsykiatrin om att utredningsresultat, med samtycke, förmedlas till lotsen.",
        "Utbildning för arbetsgivare om NPF och anpassningar.",
    ]),
    ("h1", "Referenser"),
    ("bullets", [
        "Samordningsförbundet Västra Mälardalen: Verksamhetsplan och budget 2025 med plan för 2026–2027.",
        "Delrapport NPF-lotsen, RAR i Sörmland, 2024.",
        "Slutrapport ESF+-projektet Ungdomsbron (Samordningsförbundet Östra Södertörn, 2024).",
        "Socialstyrelsen (2022): Adhd hos barn och vuxna – nationella riktlinjer.",
        "Nationella rådet för finansiell samordning (2023): Personer med NPF i samordningsförbundens insatser.",
    ]),
]
