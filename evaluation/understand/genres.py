"""Seeded templates for the understanding evaluation set: one function per genre.

Each function takes a ``random.Random`` and returns ``(text, gold)``. The layouts vary the way
published documents do (label styles, date formats, reference formats) so the evaluation
measures the rules, not one template. All names are invented.
"""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

FIRST = [
    "Sanne",
    "Pieter",
    "Fatima",
    "Jeroen",
    "Anouk",
    "Mehmet",
    "Lotte",
    "Bram",
    "Noor",
    "Ruud",
    "Eva",
    "Daan",
]
LAST = [
    "Kuipers",
    "de Vries",
    "Bakker",
    "El Amrani",
    "Visser",
    "Jansen",
    "van Dijk",
    "Smit",
    "Mulder",
    "de Boer",
    "Yilmaz",
    "Vos",
]
MINISTRIES = [
    ("VWS", "Volksgezondheid, Welzijn en Sport"),
    ("OCW", "Onderwijs, Cultuur en Wetenschap"),
    ("BZK", "Binnenlandse Zaken en Koninkrijksrelaties"),
    ("IenW", "Infrastructuur en Waterstaat"),
    ("SZW", "Sociale Zaken en Werkgelegenheid"),
    ("JenV", "Justitie en Veiligheid"),
    ("LNV", "Landbouw, Natuur en Voedselkwaliteit"),
    ("Fin", "Financiën"),
]
UNITS = [
    "Directie Wetgeving en Juridische Zaken",
    "Directie Communicatie",
    "Directie Publieke Gezondheid",
    "Directie Bestuurlijke en Politieke Zaken",
    "Directie Informatiebeleid",
    "Directie Financieel-Economische Zaken",
]
TOPICS = [
    "de inzet van ambtelijke experts in de media",
    "het programma digitale weerbaarheid",
    "de subsidieregeling sportaccommodaties",
    "de evaluatie van de Wet open overheid",
    "de aanpak van wachtlijsten in de jeugdzorg",
    "de verduurzaming van rijkskantoren",
    "de uitvoering van de motie over laaggeletterdheid",
    "het beleidskader voor toezicht op kinderopvang",
    "de voortgang van de woningbouwimpuls",
    "de stikstofaanpak in het landelijk gebied",
]
MONTHS = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
]
SHORT = [
    "jan.",
    "feb.",
    "mrt.",
    "apr.",
    "mei",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "okt.",
    "nov.",
    "dec.",
]
DAYS = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
PARTIES = ["JA21", "GL-PvdA", "VVD", "NSC", "CDA", "D66", "SP", "PVV"]
OVERLEGGEN = [
    "MT DGV",
    "bestuursraad",
    "stuurgroep Woo",
    "overleg ketenpartners",
    "MT Directie Communicatie",
    "projectgroep Huisvesting",
]


def person(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def a_date(r: random.Random) -> dt.date:
    return dt.date(r.randint(2019, 2025), r.randint(1, 12), r.randint(1, 28))


def fmt_date(r: random.Random, d: dt.date, numeric_ok: bool = True) -> str:
    styles = ["long", "long0", "short", "weekday"] + (["dmy", "iso"] if numeric_ok else [])
    s = r.choice(styles)
    if s == "long":
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    if s == "long0":
        return f"{d.day:02d} {MONTHS[d.month - 1]} {d.year}"
    if s == "short":
        return f"{d.day} {SHORT[d.month - 1]} {d.year}"
    if s == "weekday":
        return f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year}"
    if s == "dmy":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    return d.isoformat()


def kenmerk(r: random.Random, year: int) -> str:
    n = r.randint(100000, 9999999)
    return r.choice(
        [
            f"{year}-{n:010d}",
            f"BPZ/{n}",
            f"DGV-{year}/{n % 100000}",
            f"{n}-{year}",
            f"WJZ/{year}/{n % 10000}",
        ]
    )


def field(r: random.Random, style: str, label: str, value: str) -> str:
    """One header field in the given layout: colon, tab or label-on-its-own-line."""
    if style == "colon":
        return f"{label}: {value}"
    if style == "tab":
        return f"{label}\t{value}"
    return f"{label}\n\n{value}\n"


def ministry(r: random.Random) -> tuple[str, str]:
    return r.choice(MINISTRIES)


def gold(**kw: Any) -> dict[str, Any]:
    base = {
        "type": None,
        "date": None,
        "kenmerk": None,
        "title": None,
        "sender": None,
        "zaaknummer": None,
    }
    base.update(kw)
    return base


def nota(r: random.Random) -> tuple[str, dict[str, Any]]:
    abbr, name = ministry(r)
    d, k, unit, topic = a_date(r), kenmerk(r, 2024), r.choice(UNITS), r.choice(TOPICS)
    style = r.choice(["colon", "tab", "own"])
    title = f"Reactie op {topic}"
    flag = r.choice(["Ja", "Nee"])
    head = [
        f"Ministerie van {name}",
        "",
        r.choice(["ter besluitvorming", "ter ondertekening", "ter informatie"]).upper()
        if r.random() < 0.5
        else "ter besluitvorming",
        "",
        field(r, style, "Aan", f"M{abbr.upper()}"),
        field(r, style, "Van", unit),
        field(r, style, "Datum", fmt_date(r, d)),
        field(r, style, r.choice(["Kenmerk", "Referentie", "Ons kenmerk"]), k),
        field(r, style, "Bijlagen", "1. Conceptbrief\n2. Reactienota"),
        "",
        "nota",
        "",
        title,
        "",
        f"Is deze nota bedoeld om openbaar gemaakt te worden: {flag}",
        "",
        "Aanleiding",
        f"U heeft gevraagd om een reactie op {topic}. Deze nota geeft de stand van zaken.",
        "",
        "Geadviseerd besluit",
        "Instemmen met de conceptbrief en deze ondertekenen.",
        "",
        "Kernpunten",
        f"- De uitvoering van {topic} ligt op schema.",
        f"- Er is overleg gevoerd met {r.choice(['VNG', 'IPO', 'de Inspectie', 'het RIVM'])}.",
        "",
        "Toelichting",
        "a. Financiën",
        f"De kosten bedragen € {r.randint(1, 90)}.{r.randint(100, 999)} in {d.year}.",
        "b. Planning",
        f"Graag reactie uiterlijk {d.day} {MONTHS[(d.month) % 12]} {d.year + (d.month == 12)}.",
        "",
        "Informatie die niet openbaar gemaakt kan worden",
        "N.v.t.",
    ]
    return "\n".join(head) + "\n", gold(
        type="nota", date=d.isoformat(), kenmerk=k, title=title, sender=unit
    )


def kamerbrief(r: random.Random) -> tuple[str, dict[str, Any]]:
    _, name = ministry(r)
    d, k, topic = a_date(r), kenmerk(r, 2023), r.choice(TOPICS)
    title = f"Voortgangsbrief {topic}"
    role = r.choice(["De minister", "De staatssecretaris"]) + f" van {name}"
    ks = f"{r.randint(21, 36)} {r.randint(100, 999)}"
    text = f"""> Retouradres Postbus 20350 2500 EJ Den Haag

De Voorzitter van de Tweede Kamer
der Staten-Generaal
Postbus 20018
2500 EA  DEN HAAG

Ministerie van {name}

Datum {fmt_date(r, d, numeric_ok=False)}
Betreft {title}
Ons kenmerk {k}

Geachte voorzitter,

Hierbij informeer ik uw Kamer over {topic}. In mijn brief van {fmt_date(r, a_date(r))}
(Kamerstuk {ks}, nr. {r.randint(10, 400)}) heb ik toegezegd u voor de zomer te informeren.

Stand van zaken
De eerste resultaten zijn bemoedigend. Ik verwacht uw Kamer in het najaar opnieuw te
informeren over de evaluatie.

{role},

{person(r)}
"""
    return text, gold(type="kamerbrief", date=d.isoformat(), kenmerk=k, title=title, sender=role)


def kamervragen(r: random.Random) -> tuple[str, dict[str, Any]]:
    _, name = ministry(r)
    d_in = a_date(r)
    d_out = d_in + dt.timedelta(days=r.randint(14, 60))
    mp = f"{r.choice(LAST).split()[-1].capitalize()} ({r.choice(PARTIES)})"
    topic = r.choice(TOPICS)
    zaak = f"{d_in.year}Z{r.randint(10000, 99999)}"
    asked = f"Vragen van het lid {mp} aan de minister van {name} over {topic}"
    if r.random() < 0.5:
        qs = "\n\n".join(
            f"{i}\nKunt u aangeven hoe het staat met {topic}, deel {i}?"
            for i in range(1, r.randint(3, 6))
        )
        text = f"{asked} (ingezonden {d_in.day} {MONTHS[d_in.month - 1]} {d_in.year}).\n\n{zaak}\n\n{qs}\n"
        return text, gold(
            type="kamervragen",
            date=d_in.isoformat(),
            title=asked,
            sender=f"het lid {mp}",
            zaaknummer=zaak,
        )
    minister = f"Minister {r.choice(LAST).split()[-1].capitalize()}"
    parts = []
    n = 1
    while n <= r.randint(4, 8):
        if r.random() < 0.3:
            nums = f"{n} en {n + 1}"
            n += 2
        else:
            nums = str(n)
            n += 1
        parts.append(
            f"Vraag {nums}\nIs het waar dat {topic} vertraging oploopt?\n\nAntwoord {nums}\nNee. De planning wordt gehaald."
        )
    text = (
        f"{zaak}\n\n{asked} (ingezonden {d_in.day} {MONTHS[d_in.month - 1]} {d_in.year}).\n\n"
        f"Antwoord van {minister} ({name}) (ontvangen {d_out.day} {MONTHS[d_out.month - 1]} {d_out.year}). "
        f"Zie ook Aanhangsel Handelingen, vergaderjaar {d_out.year - 1}–{d_out.year}, nr. {r.randint(100, 2999)}.\n\n"
        + "\n\n".join(parts)
        + "\n"
    )
    return text, gold(
        type="kamervragen", date=d_out.isoformat(), title=asked, sender=minister, zaaknummer=zaak
    )


def verslag(r: random.Random) -> tuple[str, dict[str, Any]]:
    _, name = ministry(r)
    d, overleg = a_date(r), r.choice(OVERLEGGEN)
    sep = r.choice(["\t", ": "])
    people = ", ".join(
        f"{person(r)} ({r.choice(['PG', 'IZ', 'DCo', 'BPZ', 'WJZ'])})"
        for _ in range(r.randint(3, 6))
    )
    k = kenmerk(r, d.year) if r.random() < 0.5 else None
    lines = [
        f"Ministerie van {name}",
        "",
        r.choice(["# verslag", "verslag", "VERSLAG"]),
        "",
        f"Betreft{sep}{overleg}",
        f"{r.choice(['Vergaderdatum', 'Datum vergadering'])}{sep}{fmt_date(r, d)} 10:00-11.30 uur",
        f"Vergaderplaats{sep}{r.choice(['Webex', 'Teams', 'Parnassusplein 5, zaal 3'])}",
        f"Aanwezig{sep}{people}",
        f"Afwezig{sep}{person(r)}",
    ]
    if k:
        lines.append(f"Kenmerk{sep}{k}")
    lines += [
        "",
        "1. Opening en mededelingen",
        "- De voorzitter opent de vergadering.",
        "",
        "2. Voortgang",
        f"- Besproken is {r.choice(TOPICS)}. (actie: {r.choice(['DCo', 'PG', 'allen'])})",
        f"- **actie {r.choice(['IZ', 'secretariaat'])}** stuurt het overzicht rond.",
        "",
        "3. Rondvraag",
        "-",
        "",
        "4. Sluiting",
    ]
    return "\n".join(lines) + "\n", gold(
        type="verslag", date=d.isoformat(), kenmerk=k, title=overleg
    )


def agenda(r: random.Random) -> tuple[str, dict[str, Any]]:
    _, name = ministry(r)
    d, overleg = a_date(r), r.choice(OVERLEGGEN)
    title = f"Vergadering {overleg}"
    text = f"""Ministerie van {name}

Agenda

{title}

Datum: {fmt_date(r, d)}
Tijd: 14.00 - 16.00 uur
Locatie: zaal {r.randint(1, 20)}

1. Opening
2. Vaststellen verslag vorige vergadering
3. {r.choice(TOPICS).capitalize()} (ter bespreking)
4. Planning {d.year + 1}
5. Rondvraag
6. Sluiting
"""
    return text, gold(type="agenda", date=d.isoformat(), title=title)


def besluitenlijst(r: random.Random) -> tuple[str, dict[str, Any]]:
    _, name = ministry(r)
    d, overleg = a_date(r), r.choice(OVERLEGGEN)
    title = f"Besluitenlijst {overleg}"
    items = "\n\n".join(
        f"{i}. {r.choice(TOPICS).capitalize()}\nBesluit: de {overleg} stemt in met het voorstel."
        for i in range(1, r.randint(3, 5))
    )
    text = f"""Ministerie van {name}

{title}

Datum vergadering: {fmt_date(r, d)}
Aanwezig: {person(r)}, {person(r)}, {person(r)}

{items}
"""
    return text, gold(type="besluitenlijst", date=d.isoformat(), title=title)


def _letter_head(
    r: random.Random, name: str, d: dt.date, k: str, title: str, extra: str = ""
) -> str:
    style = r.choice(["space", "colon", "own"])
    rows = [
        ("Datum", fmt_date(r, d, numeric_ok=style != "space")),
        ("Betreft", title),
        ("Ons kenmerk", k),
    ]
    if extra:
        rows.append(("Uw kenmerk", extra))
    if style == "space":
        return "\n".join(f"{a} {b}" for a, b in rows)
    if style == "colon":
        return "\n".join(f"{a}: {b}" for a, b in rows)
    return "\n\n".join(f"{a}\n{b}" for a, b in rows)


def besluit(r: random.Random) -> tuple[str, dict[str, Any]]:
    _, name = ministry(r)
    d, k, topic = a_date(r), kenmerk(r, 2024), r.choice(TOPICS)
    title = f"Besluit op uw Woo-verzoek over {topic}"
    role = f"De minister van {name}"
    head = _letter_head(r, name, d, k, title, f"{r.randint(1000, 99999)}")
    text = f"""Ministerie van {name}

> Retouradres Postbus 20350 2500 EJ Den Haag

De heer {person(r)}
Postbus {r.randint(100, 9999)}
{r.randint(1000, 9999)} AB  UTRECHT

{head}

Geachte heer,

In uw verzoek van {fmt_date(r, a_date(r))} vraagt u op grond van de Wet open overheid (Woo)
om documenten over {topic}.

Verloop van de procedure
Uw verzoek is op {fmt_date(r, a_date(r))} ontvangen. De beslistermijn is met twee weken verdaagd.

Wettelijk kader
Uw verzoek valt onder de reikwijdte van de Woo.

Besluit
Ik heb besloten uw verzoek gedeeltelijk toe te wijzen. Persoonsgegevens zijn gelakt op grond
van artikel 5.1, tweede lid, onderdeel e, van de Woo.

Bezwaar
Tegen dit besluit kunt u binnen zes weken bezwaar maken.

Hoogachtend,

{role},
namens deze,

{person(r)}
"""
    return text, gold(type="besluit", date=d.isoformat(), kenmerk=k, title=title, sender=role)


def beschikking(r: random.Random) -> tuple[str, dict[str, Any]]:
    _, name = ministry(r)
    d, k = a_date(r), kenmerk(r, 2022)
    regeling = r.choice(
        [
            "sportaccommodaties",
            "cultuurparticipatie",
            "verduurzaming maatschappelijk vastgoed",
            "innovatie in de zorg",
        ]
    )
    title = f"Beschikking verlening subsidie {regeling}"
    role = r.choice(
        [f"De minister van {name}", "Het college van burgemeester en wethouders van Utrecht"]
    )
    head = _letter_head(r, name, d, k, title)
    text = f"""Ministerie van {name}

Stichting {r.choice(LAST).title()}
T.a.v. het bestuur
Dorpsstraat {r.randint(1, 200)}
{r.randint(1000, 9999)} XY  ZWOLLE

{head}

Geachte heer, mevrouw,

Op {fmt_date(r, a_date(r))} heeft u een aanvraag ingediend voor de subsidieregeling {regeling}.
Naar aanleiding van uw aanvraag verleen ik u een subsidie van € {r.randint(5, 900)}.000.

Verplichtingen
U besteedt de subsidie aan de activiteiten in uw aanvraag.

Bezwaar
Tegen deze beschikking kunt u binnen zes weken bezwaar maken.

Met vriendelijke groet,

{role},

{person(r)}
"""
    return text, gold(type="beschikking", date=d.isoformat(), kenmerk=k, title=title, sender=role)


def advies(r: random.Random) -> tuple[str, dict[str, Any]]:
    _, name = ministry(r)
    d, k, topic = a_date(r), kenmerk(r, 2021), r.choice(TOPICS)
    raad = r.choice(
        [
            "Raad voor het Openbaar Bestuur",
            "Raad voor Volksgezondheid & Samenleving",
            "Onderwijsraad",
            "Raad voor de leefomgeving en infrastructuur",
        ]
    )
    title = f"Advies over {topic}"
    role = (
        f"De voorzitter van de {raad}"
        if not raad.startswith("Onderwijsraad")
        else "De voorzitter van de Onderwijsraad"
    )
    text = f"""{raad}

Aan de minister van {name}

Datum: {fmt_date(r, d)}
Kenmerk: {k}
Betreft: {title}

Geachte minister,

Hierbij bied ik u het advies aan over {topic}.

Samenvatting
De raad adviseert om de regie te versterken.

Aanbevelingen
1. Maak één partij verantwoordelijk.
2. Monitor de uitvoering jaarlijks.

Met vriendelijke groet,

{role},

{person(r)}
"""
    return text, gold(type="advies", date=d.isoformat(), kenmerk=k, title=title, sender=role)


def rapport(r: random.Random) -> tuple[str, dict[str, Any]]:
    d, topic = a_date(r), r.choice(TOPICS)
    title = f"Evaluatie van {topic}"
    org = r.choice(
        [
            "Inspectie Gezondheidszorg en Jeugd",
            "Rijksdienst voor Ondernemend Nederland",
            "Autoriteit Persoonsgegevens",
        ]
    )
    text = f"""Rapport

{title}

Eindrapport van het onderzoek naar de werking in de praktijk

{org}
{fmt_date(r, d, numeric_ok=False)}

Inhoud
1 Inleiding
2 Bevindingen
3 Conclusies

Samenvatting
Het onderzoek laat zien dat de uitvoering op onderdelen achterblijft.

1 Inleiding
Dit rapport beschrijft de resultaten van het onderzoek.

2 Bevindingen
In {d.year - 1} zijn {r.randint(20, 90)} organisaties bezocht.

3 Conclusies
De conclusie is dat verbetering mogelijk is.

Literatuurlijst
"""
    return text, gold(type="rapport", date=d.isoformat(), title=title)


def jaar(r: random.Random, kind: str) -> tuple[str, dict[str, Any]]:
    ministry(r)  # keeps the seeded sequence stable
    d = a_date(r)
    year = d.year + 1 if kind == "jaarplan" else d.year - 1
    org = r.choice(
        [
            "Inspectie Onderwijs",
            "Dienst Uitvoering Onderwijs",
            "Rijkswaterstaat",
            "Nederlandse Voedsel- en Warenautoriteit",
        ]
    )
    word = "Jaarplan" if kind == "jaarplan" else "Jaarverslag"
    title = f"{word} {year}"
    k = kenmerk(r, d.year) if r.random() < 0.5 else None
    ref = f"Kenmerk: {k}\n" if k else ""
    body = (
        f"In {year} richten wij ons op drie prioriteiten."
        if kind == "jaarplan"
        else f"In het verslagjaar {year} hebben wij onze doelen grotendeels gehaald."
    )
    text = f"""# {title}

{org}

Datum: {fmt_date(r, d)}
{ref}
Voorwoord
{body}

1. Doelen
- Betere dienstverlening
- Minder regeldruk

2. Middelen
Het budget bedraagt € {r.randint(10, 900)} miljoen.
"""
    return text, gold(type=kind, date=d.isoformat(), kenmerk=k, title=title)


def jaarplan(r: random.Random) -> tuple[str, dict[str, Any]]:
    return jaar(r, "jaarplan")


def jaarverslag(r: random.Random) -> tuple[str, dict[str, Any]]:
    return jaar(r, "jaarverslag")


def convenant(r: random.Random) -> tuple[str, dict[str, Any]]:
    _, name = ministry(r)
    d, topic = a_date(r), r.choice(TOPICS)
    title = f"Convenant over {topic}"
    text = f"""# {title}

Partijen

1. De Staat der Nederlanden, te dezen vertegenwoordigd door de minister van {name};
2. De Vereniging van Nederlandse Gemeenten, te dezen vertegenwoordigd door haar voorzitter;

Overwegende dat partijen gezamenlijk willen werken aan {topic};

komen het volgende overeen:

Artikel 1 Begripsbepalingen
In dit convenant wordt verstaan onder de minister: de minister van {name}.

Artikel 2 Doel
Partijen werken samen aan {topic}.

Artikel 3 Looptijd
Dit convenant treedt in werking op de dag na ondertekening.

Aldus overeengekomen en in tweevoud ondertekend te Den Haag, op {d.day} {MONTHS[d.month - 1]} {d.year}.
"""
    return text, gold(type="convenant", date=d.isoformat(), title=title)


def brief(r: random.Random) -> tuple[str, dict[str, Any]]:
    _, name = ministry(r)
    d, k = a_date(r), kenmerk(r, 2020)
    title = r.choice(
        [
            "Uw vraag over de regeling",
            "Ontvangstbevestiging van uw verzoek",
            "Uitnodiging voor een gesprek",
            "Reactie op uw klacht",
        ]
    )
    role = f"De directeur {r.choice(UNITS).removeprefix('Directie ')}"
    head = _letter_head(r, name, d, k, title)
    text = f"""Ministerie van {name}

De heer {person(r)}
Kerkstraat {r.randint(1, 99)}
{r.randint(1000, 9999)} AB  AMERSFOORT

{head}

Geachte heer,

Dank voor uw brief. Graag reageer ik hieronder op uw vragen.

Met vriendelijke groet,

{role},

{person(r)}
"""
    return text, gold(type="brief", date=d.isoformat(), kenmerk=k, title=title, sender=role)


def email_txt(r: random.Random) -> tuple[str, dict[str, Any]]:
    d = a_date(r)
    sender, to = person(r), person(r)
    subject = r.choice(
        [
            "RE: planning overleg",
            "Stand van zaken Kamervragen",
            "FW: concept nota",
            "Afstemming Woo-verzoek",
        ]
    )
    sent = f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month - 1]} {d.year} {r.randint(8, 18)}:{r.randint(10, 59)}"
    older = d - dt.timedelta(days=r.randint(1, 5))
    text = f"""Van: {sender} <{sender.lower().replace(" ", ".")}@minvws.nl>
Verzonden: {sent}
Aan: {to} <{to.lower().replace(" ", ".")}@minvws.nl>
CC: {person(r)}
Onderwerp: {subject}

Hoi,

Zie hieronder. Kun jij dit oppakken?

Met vriendelijke groet,

{sender}
Directie Communicatie
T 06 {r.randint(10000000, 99999999)}

-----Oorspronkelijk bericht-----
Van: {to}
Verzonden: {DAYS[older.weekday()]} {older.day} {MONTHS[older.month - 1]} {older.year} 09:12
Aan: {sender}
Onderwerp: {subject.removeprefix("RE: ").removeprefix("FW: ")}

Graag jouw reactie voor vrijdag.
"""
    return text, gold(
        type="email",
        date=d.isoformat(),
        title=subject,
        sender=f"{sender} <{sender.lower().replace(' ', '.')}@minvws.nl>",
    )


def presentatie(r: random.Random) -> tuple[str, dict[str, Any]]:
    d, topic = a_date(r), r.choice(TOPICS)
    title = f"Voortgang {topic}"
    slides = [f"{title}\nPresentatie aan het MT\n{fmt_date(r, d, numeric_ok=False)}"]
    for i in range(2, r.randint(5, 8)):
        slides.append(f"Dia {i}\n- Punt {i}a\n- Punt {i}b")
    return "\f".join(slides) + "\n", gold(type="presentatie", date=d.isoformat(), title=title)


def other(r: random.Random) -> tuple[str, dict[str, Any]]:
    rows = "\n".join(
        f"{person(r)}\t{r.randint(100, 999)}\t{r.choice(['aanwezig', 'ziek', 'verlof'])}"
        for _ in range(8)
    )
    title = f"Lijst bezetting week {r.randint(1, 52)}"
    return f"{title}\n\n{rows}\n", gold(type="other", title=title)


GENRES = {
    "nota": nota,
    "kamerbrief": kamerbrief,
    "kamervragen": kamervragen,
    "verslag": verslag,
    "agenda": agenda,
    "besluitenlijst": besluitenlijst,
    "email": email_txt,
    "besluit": besluit,
    "beschikking": beschikking,
    "advies": advies,
    "rapport": rapport,
    "jaarplan": jaarplan,
    "jaarverslag": jaarverslag,
    "convenant": convenant,
    "brief": brief,
    "presentatie": presentatie,
    "other": other,
}
