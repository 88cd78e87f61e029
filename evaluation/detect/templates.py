"""Seeded templates for the generated part of the detection corpus.

Each template returns a document in inline gold markup (see markup.py): ``[[..|cat]]`` must be
redacted, ``{{..|cat}}`` must stay public. Randomness only picks people, identifiers, notations
and phrasing, so every run with the same seed gives the same corpus.
"""

from __future__ import annotations

import random
from collections.abc import Callable

import pools as P

WEEKDAYS = ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag")


def R(text: str, cat: str = "person") -> str:
    return f"[[{text}|{cat}]]"


def K(text: str, cat: str = "person") -> str:
    return f"{{{{{text}|{cat}}}}}"


def _date(rng: random.Random) -> str:
    return f"{rng.choice(WEEKDAYS)} {rng.randint(1, 28)} {rng.choice(P.MONTHS)} {rng.randint(2021, 2024)}"


def _time(rng: random.Random) -> str:
    return f"{rng.randint(8, 18)}:{rng.choice(('02', '15', '31', '47', '58'))}"


def _mail(p: P.Person, org: P.Org, style: int) -> str:
    return f"{R(p.local(style), 'email')}@{org.domain}"


def _signature(rng: random.Random, p: P.Person, org: P.Org, style: int) -> str:
    func = rng.choice(
        (
            "Senior beleidsmedewerker",
            "Coördinator Woo",
            "Projectleider",
            "Adviseur",
            "Juridisch adviseur",
            "Beleidsadviseur",
            "Teamleider",
        )
    )
    direc = rng.choice(
        (
            "Directie Publieke Gezondheid",
            "Directie Wetgeving en Juridische Zaken",
            "Directie Communicatie",
            "Directie Langdurige Zorg",
            "Directie Financieel-Economische Zaken",
            "Afdeling Vergunningen",
        )
    )
    lines = [R(p.full), func, direc, org.name]
    if rng.random() < 0.6:
        lines += [K(org.visit, "address") + " | " + K(org.visit_pc, "postcode")]
    if rng.random() < 0.5:
        lines += [f"T {K(org.switchboard, 'phone')} (algemeen)"]
    lines += [f"M {R(P.mobile(rng), 'phone')}"]
    if rng.random() < 0.5:
        lines += [f"T {R(P.direct(rng, '070'), 'phone')}"]
    lines += [_mail(p, org, style)]
    if rng.random() < 0.4:
        lines += [f"Werkdagen: {rng.choice(('ma, di, do', 'ma t/m do', 'di, wo, vr'))}"]
    return "\n".join(lines)


def email_thread(rng: random.Random) -> tuple[str, str]:
    used: set[str] = set()
    org = rng.choice(P.MINISTRIES)
    a, b, c = (P.person(rng, used) for _ in range(3))
    ext_name, ext_dom = rng.choice(P.EXTERNAL)
    e = P.person(rng, used)
    role, minister, _dep = rng.choice(P.MINISTERS)
    mp, party = rng.choice(P.MPS)
    subj = rng.choice(
        (
            f"Kamervragen van het lid {K(mp)} ({party}) over de wachtlijsten",
            "Voorbereiding overleg met " + ext_name,
            "Concept nota bewindspersoon",
            f"Woo-verzoek over de motie {K(mp)}",
            "Spreeklijn debat dinsdag",
        )
    )
    s1 = rng.randint(0, 2)
    first = (
        f"Van: {R(e.full)} <{_mail(e, P.Org(ext_name, '', ext_dom, '', '', '', '', '', ''), s1)}>\n"
        f"Verzonden: {_date(rng)} {_time(rng)}\n"
        f"Aan: {R(a.comma)} <{_mail(a, org, s1)}>\n"
        f"Onderwerp: {subj}\n\n"
        f"Beste {R(a.first)},\n\n"
        f"Zoals besproken stuur ik je hierbij onze reactie. {rng.choice(('Wij zien graag', 'Graag ontvangen wij'))} "
        f"voor vrijdag een reactie van {org.abbr}. Mijn collega {R(P.person(rng, used).full)} sluit ook aan.\n\n"
        f"Met vriendelijke groet,\n{R(e.full)}\n{ext_name}\n{R(P.mobile(rng), 'phone')}\n"
    )
    second = (
        f"Van: {R(a.comma)}\n"
        f"Verzonden: {_date(rng)} {_time(rng)}\n"
        f"Aan: {R(b.short)} <{_mail(b, org, 0)}>\n"
        f"CC: {R(c.full)} <{_mail(c, org, 1)}>; {K(org.mailbox, 'email')}\n"
        f"Onderwerp: RE: {subj}\n\n"
        f"Hoi {R(b.first)},\n\n"
        f"Zie hieronder de reactie van {R(e.surname_cap)} ({ext_name}). "
        f"{role} {K(minister)} wil dit {rng.choice(('voor het debat', 'deze week', 'voor het commissiedebat'))} "
        f"weten. Kun jij met {R(c.first)} een reactie voorbereiden? "
        f"Het lid {K(mp)} ({party}) heeft er vorige week ook naar gevraagd.\n\n"
        f"Groet,\n{R(a.first)}\n\n{_signature(rng, a, org, s1)}\n"
    )
    third = (
        f"Van: {R(b.full)}\nVerzonden: {_date(rng)} {_time(rng)}\nAan: {R(a.full)}\n"
        f"Onderwerp: RE: RE: {subj}\n\n"
        f"Dank! Ik pak het op met {R(c.short)}. Bel me even op {R(P.mobile(rng), 'phone')} als het "
        f"spoed heeft, ik zit morgen op {K(org.visit, 'address')}.\n\n{R(b.first)}\n\n"
    )
    quote = (
        "-----Oorspronkelijk bericht-----\n"
        if rng.random() < 0.5
        else "________________________________\n"
    )
    return "email", third + quote + second + quote + first


def chat(rng: random.Random) -> tuple[str, str]:
    used: set[str] = set()
    ps = [P.person(rng, used) for _ in range(3)]
    role, minister, _ = rng.choice(P.MINISTERS)
    teams = rng.random() < 0.5
    lines: list[str] = []
    msgs = [
        f"heb jij de stukken voor {role.lower()} {K(minister)} al gezien?",
        "nee nog niet, zit de hele ochtend in overleg",
        f"{R(ps[2].first)} zei dat die vandaag {R('ziek', 'special_category')} is, {R('migraine', 'special_category')} weer",
        f"kun je {R(ps[2].surname_cap)} even bellen? haar 06 is {R(P.mobile(rng), 'phone')}",
        "ok doe ik",
        "de Tweede Kamer wil het voor donderdag",
        f"{R(ps[1].first)} ik stuur het naar je privémail, {R(ps[1].local(1) + str(rng.randint(70, 99)) + '@gmail.com', 'email')}",
        "top 👍",
        f"vergeet niet {K(P.MPS[rng.randrange(len(P.MPS))][0])} heeft ook een motie ingediend",
    ]
    day, month, minute = rng.randint(1, 27), rng.randint(1, 12), rng.randint(8 * 60, 12 * 60)
    for i, m in enumerate(msgs):
        who = ps[i % 2]
        minute += rng.randint(1, 40)
        hhmm = f"{minute // 60:02d}:{minute % 60:02d}"
        if teams:
            lines.append(f"[{day}-{month}-2023 {hhmm}] {R(who.full)}\n{m}")
        else:
            lines.append(f"{day}/{month}/23, {hhmm} - {R(who.first if i % 3 else who.full)}: {m}")
    head = "Chatgeschiedenis Microsoft Teams\n\n" if teams else "WhatsApp-chat export\n\n"
    return "chat", head + ("\n\n" if teams else "\n").join(lines) + "\n"


def nota(rng: random.Random) -> tuple[str, str]:
    used: set[str] = set()
    org = rng.choice(P.MINISTRIES)
    role, minister, _ = rng.choice(P.MINISTERS)
    mp, party = rng.choice(P.MPS)
    a, b = P.person(rng, used), P.person(rng, used)
    ken = f"{rng.randint(3000000, 4999999)}-{rng.randint(1000000, 9999999)}-{org.abbr}"
    return "nota", (
        f"{org.name}\n\nnota\n\nAan: {role} {K(minister)}\n"
        f"Van: directeur {rng.choice(('Publieke Gezondheid', 'Arbeidsmarkt', 'Bestuursondersteuning'))}\n"
        f"Datum: {rng.randint(1, 28)} {rng.choice(P.MONTHS)} 2023\nKenmerk: {ken}\nBijlagen: 2\n\n"
        f"Inlichtingen bij\n{R(a.full)}\n{R(a.local(rng.randint(0, 2)), 'email')}@{org.domain}\n"
        f"T {R(P.direct(rng), 'phone')}\n\n"
        f"Opgesteld door\n{R(b.short)}\n\n"
        f"Bezoekadres\n{K(org.visit, 'address')}\n{K(org.visit_pc, 'postcode')}\n"
        f"Postadres\n{K(org.postbus, 'address')}\n{K(org.postbus_pc, 'postcode')}\n"
        f"T {K(org.switchboard, 'phone')}\n\n"
        f"Aanleiding\nHet lid {K(mp)} ({party}) heeft tijdens het commissiedebat gevraagd om een "
        f"overzicht van de uitvoering van de motie-{K(rng.choice(P.MPS)[0])}. "
        f"{R(a.surname_cap)} heeft hierover contact gehad met {R(P.person(rng, used).full)} van "
        f"{rng.choice(P.EXTERNAL)[0]}.\n\n"
        f"Geadviseerd besluit\nU wordt geadviseerd in te stemmen met bijgaande brief.\n\n"
        f"Kernpunten\n- De uitvoering ligt op schema.\n- Het overleg met "
        f"{R(P.person(rng, used).short)} (projectleider bij de uitvoerder) loopt.\n\n"
        f"Informatie die niet openbaar gemaakt kan worden\nPersoonsgegevens (5.1.2e).\n"
    )


def verslag(rng: random.Random) -> tuple[str, str]:
    used: set[str] = set()
    org = rng.choice(P.MINISTRIES + P.MUNICIPALITIES)
    ext = rng.sample(P.EXTERNAL, 3)
    ps = [P.person(rng, used) for _ in range(7)]
    pres = []
    for i, p in enumerate(ps[:6]):
        org_name = ext[i % 3][0] if i % 2 else org.abbr
        title = ("", "", "dhr. ", "mw. ")[i % 4]
        pres.append(f"{title}{R((p.full, p.short)[i % 2])} ({org_name})")
    chair = ps[0]
    return "verslag", (
        f"Verslag overleg {org.abbr} – {ext[0][0]}\n\nDatum: {_date(rng)}\nLocatie: "
        f"{K(org.visit, 'address')}, {K(org.visit_pc, 'postcode')}\n"
        f"Aanwezig: {', '.join(pres)}\nAfwezig: {R(ps[6].full)}\n"
        f"Verslag: {R(ps[5].surname_cap)}\n\n"
        f"1. Opening\n{R(chair.surname_cap)} opent de vergadering en heet {R(ps[1].first)} welkom.\n\n"
        f"2. Stand van zaken\n{ext[1][0]} meldt dat de pilot in {rng.choice(P.PLACES)} goed loopt. "
        f"{R(ps[3].short)} vraagt of het advies van de Nationale ombudsman, {K('Van Zutphen')}, "
        f"al is verwerkt. Actie: {R(ps[2].surname_cap)}.\n\n"
        f"3. Rondvraag\n{R(ps[4].first)} is vanaf volgende maand met {R('zwangerschapsverlof', 'special_category')}.\n"
        f"Volgend overleg: {_date(rng)}.\n"
    )


def burgerbrief(rng: random.Random) -> tuple[str, str]:
    used: set[str] = set()
    org = rng.choice(P.MUNICIPALITIES + P.MINISTRIES)
    me = P.person(rng, used)
    street, pc = P.home(rng)
    kid = P.person(rng, used)
    health = rng.choice(
        (
            "diabetes type 1",
            "een zware depressie",
            "MS",
            "long covid",
            "autisme",
            "een burn-out",
            "kanker",
            "epilepsie",
        )
    )
    ziel = rng.choice(("dochter", "zoon", "man", "vrouw", "moeder"))
    body = [
        (
            f"{R(me.full)}\n{R(street, 'address')}\n{R(pc, 'postcode')}\n"
            f"{R(me.local(2) + rng.choice(('@gmail.com', '@hotmail.com', '@ziggo.nl', '@outlook.com', '@kpnmail.nl')), 'email')}\n"
            f"Tel. {R(P.mobile(rng), 'phone')}\n\n"
            f"Aan: {org.name}\nt.a.v. {rng.choice(('het college van burgemeester en wethouders', 'de afdeling Klantcontact', 'de minister'))}\n"
            f"{K(org.postbus, 'address')}\n{K(org.postbus_pc, 'postcode')}\n\n"
            f"{rng.choice(P.PLACES)}, {rng.randint(1, 28)} {rng.choice(P.MONTHS)} 2023\n\n"
            f"Betreft: {rng.choice(('bezwaar tegen beschikking', 'klacht over behandeling', 'verzoek om uitstel van betaling', 'aanvraag bijzondere bijstand'))}\n\n"
            f"Geachte heer, mevrouw,\n\n"
        ),
        f"Mijn naam is {R(me.full)}, geboren op {R(P.birthdate(rng), 'birthdate')}, BSN {R(P.bsn(rng), 'bsn')}. ",
        (
            f"Ik schrijf u omdat mijn {ziel} {R(kid.first)} sinds vorig jaar {R(health, 'special_category')} heeft "
            f"en ik daardoor niet kan werken. "
        ),
        (
            f"Het bedrag kan worden overgemaakt op rekeningnummer {R(P.iban(rng, rng.random() < 0.5), 'iban')} "
            f"ten name van {R(me.short)}. "
        ),
    ]
    if rng.random() < 0.6:
        body.append(
            f"De boete betreft mijn auto met kenteken {R(P.plate(rng), 'plate')}, die op dat moment bij "
            f"de garage van {R(P.person(rng, used).full)} stond. "
        )
    body.append(
        f"Ik heb hierover eerder gebeld met uw medewerker {R(P.person(rng, used).surname_cap)}, maar "
        f"heb nooit iets gehoord. Ook het algemene nummer {K(org.switchboard, 'phone')} hielp niet.\n\n"
    )
    body.append(f"Met vriendelijke groet,\n\n{R(me.full)}\n")
    return "burgerbrief", "".join(body)


def kamerbrief(rng: random.Random) -> tuple[str, str]:
    used: set[str] = set()
    role, minister, dep = rng.choice(P.MINISTERS)
    org = next((o for o in P.MINISTRIES if o.abbr == dep), P.MINISTRIES[0])
    co = rng.choice([m for m in P.MINISTERS if m[1] != minister])
    earlier = rng.choice(
        (
            ("minister-president", "Rutte"),
            ("minister-president", "Schoof"),
            ("mijn ambtsvoorganger", "Kuipers"),
            ("mijn ambtsvoorganger", "De Jonge"),
        )
    )
    mps = rng.sample(P.MPS, 4)
    civil = P.person(rng, used)
    return "kamerbrief", (
        f"> Retouradres {K(org.postbus, 'address')} {K(org.postbus_pc, 'postcode')}\n\n"
        f"De Voorzitter van de Tweede Kamer der Staten-Generaal\n{K('Prinses Irenestraat 6', 'address')}\n{K('2595 BD Den Haag', 'postcode')}\n\n"
        f"Datum {rng.randint(1, 28)} {rng.choice(P.MONTHS)} 2024\nBetreft Voortgang uitvoering moties\n\n"
        f"Geachte voorzitter,\n\nTijdens het debat van {rng.randint(1, 28)} {rng.choice(P.MONTHS)} heb ik de "
        f"leden {K(mps[0][0])} ({mps[0][1]}) en {K(mps[1][0])} ({mps[1][1]}) toegezegd u te informeren over "
        f"de uitvoering van de motie-{K(mps[2][0])} en de motie van het lid {K(mps[3][0])} ({mps[3][1]}). "
        f"In deze brief ga ik daarop in, mede namens de {co[0].lower()} van {co[2]}, {K(co[1])}.\n\n"
        f"Zoals {earlier[0]} {K(earlier[1])} eerder heeft gemeld, is een "
        f"kwartiermaker aangesteld. Kamerlid {K(mps[1][0])} vroeg naar de kosten; die bedragen € 1,2 mln.\n\n"
        f"Hoogachtend,\n\nde {role.lower()} van {org.name.split(' van ', 1)[1]},\n\n{K(minister)}\n\n"
        f"Contactpersoon\n{R(civil.full)}\n{R(civil.local(0), 'email')}@{org.domain}\n"
    )


def gemeente(rng: random.Random) -> tuple[str, str]:
    used: set[str] = set()
    org = rng.choice(P.MUNICIPALITIES)
    mayor, wh1, wh2, raad = (P.person(rng, used) for _ in range(4))
    res1, res2, amb = (P.person(rng, used) for _ in range(3))
    street, _ = P.home(rng)
    party = rng.choice(("VVD", "GroenLinks", "CDA", "Lokaal Belang", "D66", "PvdA", "SP"))
    return "gemeente", (
        f"{org.name}\n{K(org.visit, 'address')}\n{K(org.visit_pc, 'postcode')}\n"
        f"Telefoon {K(org.switchboard, 'phone')} | {K(org.mailbox, 'email')}\n\n"
        f"Raadsinformatiebrief\n\nOnderwerp: bezwaren tegen de herinrichting van de "
        f"{street.rsplit(' ', 1)[0]}\nPortefeuillehouder: wethouder {K(wh1.full)}\n"
        f"Behandelend ambtenaar: {R(amb.full)}, T {R(P.direct(rng, '038'), 'phone')}, "
        f"{R(amb.local(1), 'email')}@{org.domain}\n\n"
        f"Geachte leden van de raad,\n\nNaar aanleiding van de vragen van raadslid {K(raad.full)} ({party}) "
        f"informeren wij u over de ingediende bezwaren. Een bewoner, {R(res1.full)} ({R(street, 'address')}), "
        f"heeft aangegeven dat zij door haar {R('rolstoelgebruik', 'special_category')} de stoep niet meer op kan. "
        f"Daarnaast heeft de heer {R(res2.short)} bezwaar gemaakt; {R(res2.surname_cap)} is te bereiken via "
        f"{R(P.mobile(rng), 'phone')}.\n\nWethouder {K(wh2.surname_cap)} heeft op {_date(rng)} met de bewoners "
        f"gesproken. Burgemeester {K(mayor.surname_cap)} was daarbij aanwezig.\n\n"
        f"Het college van burgemeester en wethouders,\n\nde burgemeester, {K(mayor.short)}\n\n"
        f"Kopie aan: {R(P.person(rng, used).short)}, {R(P.home(rng)[0], 'address')}\n"
    )


def _bsn_notation(rng: random.Random) -> str:
    b = P.bsn(rng)
    return rng.choice(
        (
            b,
            f"{b[:3]}.{b[3:5]}.{b[5:7]}.{b[7:]}",
            f"{b[:4]} {b[4:6]} {b[6:]}",
            f"{b[:3]} {b[3:6]} {b[6:]}",
        )
    )


def formulier(rng: random.Random) -> tuple[str, str]:
    used: set[str] = set()
    org = rng.choice(P.MUNICIPALITIES)
    me, partner = P.person(rng, used), P.person(rng, used)
    street, pc = P.home(rng)
    kind = rng.choice(
        (
            "Aanvraag parkeervergunning bewoners",
            "Aanvraag bijzondere bijstand",
            "Melding verhuizing",
            "Aanvraag gehandicaptenparkeerkaart",
        )
    )
    lines = [
        f"{org.name} – {kind}",
        f"Ingediend via Mijn{org.abbr} op {rng.randint(1, 28)}-{rng.randint(1, 12)}-2023",
        "",
        "1. Gegevens aanvrager",
        f"Achternaam: {R(me.surname_cap)}",
        f"Voornamen: {R(me.first)}",
        f"Geboortedatum: {R(P.birthdate(rng), 'birthdate')}",
        f"BSN: {R(_bsn_notation(rng), 'bsn')}",
        f"Straat en huisnummer: {R(street, 'address')}",
        f"Postcode en woonplaats: {R(pc, 'postcode')}",
        f"Telefoonnummer: {R(P.mobile(rng), 'phone')}",
        f"E-mailadres: {R(me.local(rng.randint(0, 2)) + rng.choice(('@gmail.com', '@icloud.com', '@live.nl')), 'email')}",
        "",
        "2. Partner",
        f"Naam partner: {R(partner.full)}",
        f"Geboortedatum partner: {R(P.birthdate(rng), 'birthdate')}",
        "",
        "3. Gegevens",
        f"Kenteken voertuig: {R(P.plate(rng), 'plate')}",
        f"IBAN voor uitbetaling: {R(P.iban(rng, rng.random() < 0.5), 'iban')}",
        f"Toelichting: {rng.choice(('ik ben', 'mijn partner is'))} {R(rng.choice(('afhankelijk van een rollator', 'nierpatiënt en moet drie keer per week naar de dialyse', 'blind', 'herstellende van een hartinfarct')), 'special_category')}.",
        "",
        f"Behandeld door: {R(P.person(rng, used).short)}, team Vergunningen, {K(org.switchboard, 'phone')}",
    ]
    return "formulier", "\n".join(lines) + "\n"


def beschikking(rng: random.Random) -> tuple[str, str]:
    used: set[str] = set()
    org = rng.choice(P.MUNICIPALITIES)
    me, amb, wh = P.person(rng, used), P.person(rng, used), P.person(rng, used)
    street, pc = P.home(rng)
    title = rng.choice(("De heer", "Mevrouw", "De heer/mevrouw"))
    return "beschikking", (
        f"{org.name}\n{K(org.postbus, 'address')}, {K(org.postbus_pc, 'postcode')}\n\n"
        f"{title} {R(me.short)}\n{R(street, 'address')}\n{R(pc, 'postcode')}\n\n"
        f"Datum: {rng.randint(1, 28)} {rng.choice(P.MONTHS)} 2023\nOns kenmerk: Z/23/{rng.randint(100000, 999999)}\n"
        f"Behandeld door: {R(amb.full)}\nTelefoon: {R(P.direct(rng, rng.choice(('038', '030', '050', '058'))), 'phone')}\n"
        f"Onderwerp: beschikking naheffingsaanslag parkeerbelasting\n\n"
        f"Geachte {title.lower().removeprefix('de ')} {R(me.surname_cap)},\n\n"
        f"Op {rng.randint(1, 28)} {rng.choice(P.MONTHS)} is aan het voertuig met kenteken {R(P.plate(rng), 'plate')} "
        f"een naheffingsaanslag opgelegd. U bent de kentekenhouder (BSN {R(_bsn_notation(rng), 'bsn')}). "
        f"Uw bezwaar is ongegrond. Het bedrag van € 74,90 wordt afgeschreven van {R(P.iban(rng, True), 'iban')}.\n\n"
        f"U kunt binnen zes weken beroep instellen. Heeft u vragen? Bel {K(org.switchboard, 'phone')} of mail "
        f"naar {K(org.mailbox, 'email')}.\n\n"
        f"Met vriendelijke groet,\nnamens het college van burgemeester en wethouders,\n"
        f"{R(amb.short)}\nteamleider Belastingen\n\n"
        f"Dit besluit is genomen onder verantwoordelijkheid van wethouder {K(wh.full)}.\n"
    )


TEMPLATES: dict[str, tuple[Callable[[random.Random], tuple[str, str]], int]] = {
    "email": (email_thread, 9),
    "chat": (chat, 5),
    "nota": (nota, 5),
    "verslag": (verslag, 5),
    "burgerbrief": (burgerbrief, 6),
    "kamerbrief": (kamerbrief, 4),
    "gemeente": (gemeente, 5),
    "formulier": (formulier, 5),
    "beschikking": (beschikking, 5),
}
