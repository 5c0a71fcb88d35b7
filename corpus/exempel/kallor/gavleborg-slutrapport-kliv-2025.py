# Källa till gavleborg-slutrapport-kliv-2025.pdf (reportlab, en spalt, DejaVu Sans).
# Bakgrund, syfte, målgrupp och arbetssätt är återanvända ordagrant ur ansökan
# (gavleborg-ansokan-kliv-2023.py) – samma projekt, men inte samma rapport.
# FIKTIVT EXEMPEL: förbundet finns, men insats, personer och siffror är påhittade.
import importlib.util
import os

_spec = importlib.util.spec_from_file_location(
    "kliv_ansokan", os.path.join(os.path.dirname(os.path.abspath(__file__)), "gavleborg-ansokan-kliv-2023.py"))
ANSOKAN = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ANSOKAN)

META = dict(
    title="Slutrapport KLIV 2023–2025",
    forbund="Samordningsförbundet Gävleborg",
    header_left="Samordningsförbundet Gävleborg – Slutrapport",
    header_right="Insats KLIV, Bollnäs kommun",
    footer_left="Fiktivt exempel för Finsamsök",
    font="dejavu",
    accent="#2e6b3f",
)
BLOCKS = [
    ("title", "Slutrapport"),
    ("subtitle", "Insats finansierad med samverkansmedel – KLIV (Kartläggning, Lots, Individstöd, Väg till arbete)"),
    ("kv", [
        ("Diarienummer", "SFG 24-3.2"),
        ("Ankomstdatum", "2025-10-20"),
        ("Insatsens namn", "KLIV – Kartläggning, Lots, Individstöd, Väg till arbete"),
        ("Huvudman för insatsen", "Bollnäs kommun, Arbetsmarknadsenheten"),
        ("Samverkansparter", "Bollnäs kommun (Försörjningsstöd), Arbetsförmedlingen Bollnäs/Söderhamn, Försäkringskassan, Region Gävleborg genom Hälsocentralen Bollnäs"),
        ("Insatsens löptid", "2023-09-01 – 2025-08-31"),
        ("Beviljade och förbrukade medel", "4 960 000 kronor beviljade, 4 712 000 kronor förbrukade"),
        ("Rapportförfattare", "Linnea Åkerström, insatsledare, linnea.akerstrom@bollnas.example.se"),
    ]),
    ("h1", "1. Sammanfattning"),
    ("p", "Insatsen KLIV har under två år gett personer med långvarigt försörjningsstöd i Bollnäs en samlad kartläggning, en arbetsförmågebedömning och ett samordnat stöd mot arbete. Totalt 97 personer har deltagit, 53 kvinnor och 44 män. Av de 84 som avslutades före 2025-08-31 gick 37 (44 procent) till arbete, studier eller aktivt arbetssökande med insats från Arbetsförmedlingen, vilket överträffar målet om 40 procent. 81 procent av deltagarna fick en arbetsförmågebedömning enligt AWP. Arbetssättet med trepartssamtal och gemensam kartläggning ingår från hösten 2025 i Arbetsmarknadsenhetens ordinarie verksamhet."),
    ("h1", "2. Bakgrund"),
] + ANSOKAN.BAKGRUND + [
    ("h1", "3. Syfte"),
] + ANSOKAN.SYFTE + [
    ("h1", "4. Målgrupp"),
] + ANSOKAN.MALGRUPP + [
    ("p", "Av deltagarna var medelåldern 42 år. 44 var utrikes födda, 71 hade haft försörjningsstöd i mer än två år och 26 i mer än fem år. Vid kartläggningen uppgav 68 någon form av ohälsa."),
    ("h1", "5. Arbetssätt"),
] + ANSOKAN.METOD + [
    ("p", "Under 2024 infördes ett snabbspår för deltagare med tydlig arbetsinriktning, där kartläggningen kunde avslutas efter två veckor. Från hösten 2024 deltog en arbetsförmedlare fast i ärendedragningarna varannan torsdag, med en utsedd ersättare."),
    ("h1", "6. Resultat"),
    ("h2", "6.1 Måluppfyllelse"),
    ("table", [
        ["Mål", "Utfall", "Bedömning"],
        ["Minst 90 deltagare, minst 45 % kvinnor", "97 deltagare, 55 % kvinnor", "Uppfyllt"],
        ["Minst 40 % av avslutade till arbete, studier eller AF-insats", "44 % (37 av 84)", "Uppfyllt"],
        ["Minst 80 % med arbetsförmågebedömning", "81 %", "Uppfyllt"],
        ["Minst 30 % minskat försörjningsstöd sex månader efter avslut", "34 % (av 58 som följts upp)", "Uppfyllt"],
        ["Överlämningsrutin med AF beslutad senast 2024-06-30", "Beslutad 2024-05-28", "Uppfyllt"],
        ["Överenskommelse med hälsocentralen om bedömningar", "Delvis; rutin finns men används ojämnt", "Delvis"],
    ], [7.5, 5.5, 3]),
    ("h2", "6.2 Status vid avslut"),
    ("table", [
        ["Status vid avslut (n = 84)", "Kvinnor", "Män", "Totalt"],
        ["Arbete, varav med lönestöd 11", "9", "12", "21"],
        ["Studier (Komvux, folkhögskola)", "6", "2", "8"],
        ["Arbetssökande med AF-insats", "3", "5", "8"],
        ["Fortsatt utredning eller behandling i vården", "10", "6", "16"],
        ["Ansökan om sjukersättning", "4", "3", "7"],
        ["Avbrott, flytt, ingen kontakt", "13", "11", "24"],
    ], [8, 2.5, 2.5, 3]),
    ("p", "13 deltagare var fortfarande aktiva vid insatsens slut och fördes över till Arbetsmarknadsenhetens ordinarie verksamhet. Försörjningsenheten beräknar att minskningen av utbetalt ekonomiskt bistånd för de 58 deltagare som följts upp uppgår till cirka 1,1 miljoner kronor per år."),
    ("h1", "7. Framgångsfaktorer"),
    ("bullets", [
        "Trepartssamtalet vid start, där deltagaren slipper berätta sin historia flera gånger.",
        "Arbetsterapeutens AWP-bedömningar, som blev underlag både hos Arbetsförmedlingen och i läkarintyg.",
        "Fast deltagande av en arbetsförmedlare i ärendedragningarna från hösten 2024.",
        "Korta beslutsvägar mellan insatsledare och enhetschefer.",
    ]),
    ("h1", "8. Hinder och utmaningar"),
    ("bullets", [
        "Långa väntetider till psykiatrisk bedömning (10–14 veckor) gjorde att deltagare blev stående i kartläggningen.",
        "Försäkringskassan deltog sällan, eftersom få deltagare hade en pågående ersättning.",
        "Bristande kollektivtrafik till arbetsplatser utanför centralorten.",
        "Skulder och utmätning gjorde att några deltagare tackade nej till anställning.",
    ]),
    ("h1", "9. Ekonomi"),
    ("table", [
        ["Kostnadsslag (kronor)", "Budget", "Utfall"],
        ["Personal", "4 372 000", "4 158 000"],
        ["Lokaler", "240 000", "240 000"],
        ["Resor och deltagarkostnader", "173 000", "151 000"],
        ["Kompetensutveckling (AWP)", "83 000", "79 000"],
        ["Övrigt", "92 000", "84 000"],
        ["<b>Summa</b>", "<b>4 960 000</b>", "<b>4 712 000</b>"],
    ], [8, 4, 4]),
    ("p", "Överskottet på 248 000 kronor beror främst på vakanser under uppstarten och återbetalas till förbundet."),
    ("h1", "10. Implementering"),
    ("p", "Socialnämnden i Bollnäs beslutade 2025-03-18 att trepartssamtal, gemensam kartläggning och överlämningsrutinen med Arbetsförmedlingen ska ingå i ordinarie verksamhet från 2025-09-01. En arbetsmarknadskonsulent och socialsekreterartiden finansieras av kommunen. Region Gävleborg har inte fattat beslut om fortsatt arbetsterapeut, och frågan har lyfts till förbundets beredningsgrupp."),
    ("h1", "Referenser"),
    ("bullets", [
        "Ansökan om samverkansmedel – KLIV, Bollnäs kommun, inkom 2023-05-15.",
        "Kvartalsrapport KLIV, kvartal 1 2024 (Samordningsförbundet Gävleborg, SFG 24-3.2).",
        "Samordningsförbundet Gävleborg: Verksamhetsplan och budget 2024.",
        "Nationella rådet för finansiell samordning (2024): Samordnade insatser för personer med långvarigt ekonomiskt bistånd. Erfarenheter från samordningsförbunden.",
    ]),
    ("p", "Bollnäs 2025-10-15<br/>Linnea Åkerström, insatsledare KLIV<br/>Erik Sjödin, enhetschef Arbetsmarknadsenheten, Bollnäs kommun"),
]
