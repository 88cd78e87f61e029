"""Invented people and valid-format identifiers for the generated part of the corpus.

Every private person here is invented (random first name + surname). Public office holders are
real and appear only in their public role. Office addresses and switchboard numbers are the
published ones of the organisations (they must stay public).
"""

from __future__ import annotations

import random
import unicodedata
from dataclasses import dataclass

FIRST = [
    "Sanne",
    "Daan",
    "Fatima",
    "Mohamed",
    "Yusuf",
    "Elif",
    "Emre",
    "Anouk",
    "Jorien",
    "Wietske",
    "Sjoerd",
    "Tjitske",
    "Hylke",
    "Ratna",
    "Dewi",
    "Budi",
    "Agnieszka",
    "Piotr",
    "Katarzyna",
    "Tomasz",
    "Rishi",
    "Sharmila",
    "Ravi",
    "Priya",
    "Kwame",
    "Ama",
    "Chantal",
    "Ingrid",
    "Marloes",
    "Bart",
    "Wouter",
    "Lotte",
    "Iris",
    "Ilse",
    "Thijs",
    "Gert-Jan",
    "Anne-Marie",
    "Jan-Willem",
    "Nadia",
    "Soufiane",
    "Khadija",
    "Hatice",
    "Mehmet",
    "Burak",
    "Zeynep",
    "Ayşe",
    "Oksana",
    "Dmitri",
    "Ngozi",
    "Wei",
    "Mei",
    "Thanh",
    "Minh",
    "Giovanni",
    "Rafael",
    "Inês",
    "Floor",
    "Rik",
    "Maartje",
    "Geertje",
    "Auke",
    "Jelle",
    "Baukje",
    "Siebren",
    "Roos",
    "Naima",
    "Bilal",
    "Samira",
    "Ilias",
    "Esra",
    "Tuğba",
    "Kübra",
    "Arjun",
    "Devika",
    "Glenn",
    "Shanti",
    "Kiran",
    "Maya",
    "Oussama",
    "Hamza",
    "Jolanda",
    "Henk",
    "Ria",
    "Gerrit",
    "Kees",
    "Willemijn",
    "Femmigje",
    "Lieke",
    "Joris",
    "Stijn",
    "Noor",
    "Yara",
    "Mila",
]

SURNAMES = [
    "Pinas",
    "Sedney",
    "Wijngaarde",
    "Doelwijt",
    "Tjon A Fong",
    "Kromodimedjo",
    "Soerjadi",
    "Ramdin",
    "Jagesar",
    "Biharie",
    "El Amrani",
    "Bouzid",
    "Ouali",
    "Azzouzi",
    "Benali",
    "El Khatib",
    "Yılmaz",
    "Demir",
    "Kaya",
    "Çelik",
    "Öztürk",
    "Şahin",
    "de Vries",
    "Bakker",
    "Groen",
    "de Wit",
    "Visser",
    "Terpstra",
    "Dijkstra",
    "Hiemstra",
    "Wiersma",
    "Bosma",
    "Postma",
    "de Boer",
    "Sijbesma",
    "Atsma",
    "Tuinstra",
    "Kuipers",
    "Jonker",
    "van der Heijden-Lammers",
    "Kowalski",
    "Nowak",
    "Wiśniewska",
    "Lewandowski",
    "Wójcik",
    "Kamińska",
    "Nguyen",
    "Tran",
    "Halim",
    "Wibowo",
    "Santoso",
    "Hidayat",
    "Siregar",
    "Pattiasina",
    "Latuheru",
    "Manuhutu",
    "Tahapary",
    "Sopacua",
    "Mercera",
    "Martina",
    "Isenia",
    "Janga",
    "van den Broek",
    "ter Horst",
    "van 't Hof",
    "den Hartog",
    "van Dijk-Oosterveld",
    "Nieuwenhuis",
    "Vermeulen",
    "Smit",
    "Mulder",
    "Groenewegen",
    "Brouwer",
    "de Graaf",
    "Koster",
    "Prins",
    "Huisman",
    "Kok",
    "van Zwolle",
    "Tiel",
    "Hoekstra",
    "Boukhari-de Jong",
    "Ten Cate",
    "van der Meer",
    "Oudshoorn",
    "Zandvliet",
    "Lammerts van Bueren",
    "Haddou",
    "Chaara",
    "Akkermans",
    "Ramautar",
    "Mahabier",
    "Lachmon",
    "Oosterhuis",
    "Veenstra",
    "Kramer",
]

TUSSEN = ("van", "de", "van der", "van den", "ter", "ten", "den", "van 't", "in 't", "op de")


@dataclass(frozen=True)
class Person:
    """An invented private person or civil servant, with the forms a text writes them in."""

    first: str
    last: str  # with tussenvoegsel, e.g. "van der Meer"

    @property
    def full(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def initial(self) -> str:
        parts = self.first.split("-")
        return "-".join(p[0] + "." for p in parts)

    @property
    def short(self) -> str:
        return f"{self.initial} {self.last}"

    @property
    def surname_cap(self) -> str:
        """Surname as written without first name ("Van der Meer" after a full stop is rare; the
        Dutch convention capitalises the first tussenvoegsel without a preceding name)."""
        return self.last[0].upper() + self.last[1:]

    @property
    def comma(self) -> str:
        """ "Achternaam, Voornaam" as Outlook writes it."""
        words = self.last.split(" ")
        tus = [w for w in words if w.islower()]
        core = " ".join(w for w in words if not w.islower())
        return f"{core}, {self.first}" + (f" {' '.join(tus)}" if tus else "")

    def local(self, style: int) -> str:
        first = _ascii(self.first).lower().replace("-", "")
        last = _ascii(self.last).lower().replace(" ", "").replace("'", "").replace("-", "")
        return (f"{first[0]}.{last}", f"{first}.{last}", f"{first[0]}{last}")[style % 3]


def _ascii(s: str) -> str:
    # Letters NFKD does not decompose to ASCII.
    s = s.translate(str.maketrans({"ı": "i", "ş": "s", "Ş": "S", "ğ": "g", "ł": "l"}))
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()


def person(rng: random.Random, used: set[str]) -> Person:
    """A new invented person whose surname is not yet used in this document."""
    while True:
        last = rng.choice(SURNAMES)
        if last.split()[-1] not in used:
            used.add(last.split()[-1])
            return Person(rng.choice(FIRST), last)


def bsn(rng: random.Random) -> str:
    """A nine-digit number that passes the elfproef (invented)."""
    while True:
        d = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        s = sum(x * w for x, w in zip(d, range(9, 1, -1)))
        last = s % 11
        if last < 10:
            return "".join(map(str, d + [last]))


def iban(rng: random.Random, spaced: bool) -> str:
    """A Dutch IBAN with a valid mod-97 check (invented account number)."""
    bank = rng.choice(("ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB", "KNAB", "BUNQ"))
    acct = "".join(str(rng.randint(0, 9)) for _ in range(10))
    digits = "".join(str(int(c, 36)) for c in bank + acct + "NL00")
    check = 98 - int(digits) % 97
    s = f"NL{check:02d}{bank}{acct}"
    return " ".join(s[i : i + 4] for i in range(0, len(s), 4)) if spaced else s


def mobile(rng: random.Random) -> str:
    d = [str(rng.randint(0, 9)) for _ in range(8)]
    d[0] = str(rng.randint(1, 8))
    x = "".join(d)
    return rng.choice(
        (
            f"06-{x}",
            f"06 {x[:4]} {x[4:]}",
            f"+31 (0)6 {x[:4]} {x[4:]}",
            f"06{x[:2]} {x[2:5]} {x[5:]}",
            f"+31 6 {x}",
            f"06 - {x[:2]} {x[2:4]} {x[4:6]} {x[6:]}",
            f"0031 6 {x}",
        )
    )


def direct(rng: random.Random, area: str = "070") -> str:
    x = "".join(str(rng.randint(0, 9)) for _ in range(7 if len(area) == 3 else 6))
    x = str(rng.randint(2, 8)) + x[1:]
    return rng.choice(
        (
            f"{area} {x[:3]} {x[3:]}",
            f"{area}-{x}",
            f"({area}) {x}",
            f"+31 {area[1:]} {x[:3]} {x[3:]}",
            f"{area} - {x[:3]} {x[3:5]} {x[5:]}",
        )
    )


_PLATE_LETTERS = "BDFGHJKLNPRSTVXZ"
_SIDECODES = (
    "XX-99-99",
    "99-99-XX",
    "99-XX-99",
    "XX-99-XX",
    "XX-XX-99",
    "99-XX-XX",
    "99-XXX-9",
    "9-XXX-99",
    "XX-999-X",
    "X-999-XX",
    "XXX-99-X",
    "X-99-XXX",
    "9-XX-999",
    "999-XX-9",
)


def plate(rng: random.Random) -> str:
    code = rng.choice(_SIDECODES)
    return "".join(
        rng.choice(_PLATE_LETTERS) if c == "X" else str(rng.randint(0, 9)) if c == "9" else c
        for c in code
    )


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


def birthdate(rng: random.Random) -> str:
    y, m, d = rng.randint(1938, 2006), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice(
        (f"{d:02d}-{m:02d}-{y}", f"{d} {MONTHS[m - 1]} {y}", f"{d:02d}/{m:02d}/{y}", f"{d}-{m}-{y}")
    )


STREETS = (
    "Kerkstraat",
    "Dorpsstraat",
    "Molenweg",
    "Tulpstraat",
    "Hoofdweg",
    "Berkenlaan",
    "Burgemeester de Withstraat",
    "Van Heemstraweg",
    "Tjalkstraat",
    "Keizersgracht",
    "Prinses Beatrixlaan",
    "Oude Bakkerstraat",
    "Groenestein",
    "Zwolseweg",
    "Anton de Komstraat",
    "Javastraat",
    "Soestdijkerweg",
    "Eemsgolaan",
    "Noorderhaven",
)
PLACES = (
    "Zwolle",
    "Tiel",
    "Almere",
    "Groningen",
    "Leeuwarden",
    "Rotterdam",
    "Utrecht",
    "Emmen",
    "Den Helder",
    "Helmond",
    "Zoetermeer",
    "Amersfoort",
    "Heerlen",
    "Sneek",
    "Kampen",
    "Apeldoorn",
    "Hoorn",
    "Schiedam",
)


def home(rng: random.Random) -> tuple[str, str]:
    """(street + number, postcode + place) of an invented home address."""
    n = rng.randint(1, 240)
    suffix = rng.choice(("", "", "", "a", "-2", " bis", " III", "A"))
    letters = "ABCDEGHJKLMNPRSTVWXZ"
    pc = f"{rng.randint(1011, 9999)} {rng.choice(letters)}{rng.choice(letters)}"
    sep = rng.choice(("  ", " "))
    return f"{rng.choice(STREETS)} {n}{suffix}", f"{pc}{sep}{rng.choice(PLACES)}"


@dataclass(frozen=True)
class Org:
    """A public organisation: name, abbreviation, e-mail domain, office address, switchboard."""

    name: str
    abbr: str
    domain: str
    visit: str
    visit_pc: str
    postbus: str
    postbus_pc: str
    switchboard: str
    mailbox: str


MINISTRIES = (
    Org(
        "Ministerie van Volksgezondheid, Welzijn en Sport",
        "VWS",
        "minvws.nl",
        "Parnassusplein 5",
        "2511 VX Den Haag",
        "Postbus 20350",
        "2500 EJ Den Haag",
        "070 340 79 11",
        "woo@minvws.nl",
    ),
    Org(
        "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties",
        "BZK",
        "minbzk.nl",
        "Turfmarkt 147",
        "2511 DP Den Haag",
        "Postbus 20011",
        "2500 EA Den Haag",
        "070 426 6426",
        "woo-verzoeken@minbzk.nl",
    ),
    Org(
        "Ministerie van Onderwijs, Cultuur en Wetenschap",
        "OCW",
        "minocw.nl",
        "Rijnstraat 50",
        "2515 XP Den Haag",
        "Postbus 16375",
        "2500 BJ Den Haag",
        "070 412 3456",
        "info@minocw.nl",
    ),
    Org(
        "Ministerie van Financiën",
        "Financiën",
        "minfin.nl",
        "Korte Voorhout 7",
        "2511 CW Den Haag",
        "Postbus 20201",
        "2500 EE Den Haag",
        "070 342 8000",
        "woo@minfin.nl",
    ),
    Org(
        "Ministerie van Sociale Zaken en Werkgelegenheid",
        "SZW",
        "minszw.nl",
        "Parnassusplein 5",
        "2511 VX Den Haag",
        "Postbus 90801",
        "2509 LV Den Haag",
        "070 333 4444",
        "woo-verzoeken@minszw.nl",
    ),
    Org(
        "Ministerie van Justitie en Veiligheid",
        "JenV",
        "minjenv.nl",
        "Turfmarkt 147",
        "2511 DP Den Haag",
        "Postbus 20301",
        "2500 EH Den Haag",
        "070 370 79 11",
        "secretariaat.woo@minjenv.nl",
    ),
)

MUNICIPALITIES = (
    Org(
        "Gemeente Zwolle",
        "Zwolle",
        "zwolle.nl",
        "Lübeckplein 2",
        "8017 JZ Zwolle",
        "Postbus 10007",
        "8000 GA Zwolle",
        "14 038",
        "info@zwolle.nl",
    ),
    Org(
        "Gemeente Utrecht",
        "Utrecht",
        "utrecht.nl",
        "Stadsplateau 1",
        "3521 AZ Utrecht",
        "Postbus 16200",
        "3500 CE Utrecht",
        "14 030",
        "woo@utrecht.nl",
    ),
    Org(
        "Gemeente Groningen",
        "Groningen",
        "groningen.nl",
        "Kreupelstraat 1",
        "9712 HW Groningen",
        "Postbus 30026",
        "9700 RM Groningen",
        "14 050",
        "griffie@groningen.nl",
    ),
    Org(
        "Gemeente Leeuwarden",
        "Leeuwarden",
        "leeuwarden.nl",
        "Oldehoofsterkerkhof 2",
        "8911 DH Leeuwarden",
        "Postbus 21000",
        "8900 JA Leeuwarden",
        "14 058",
        "info@leeuwarden.nl",
    ),
    Org(
        "Gemeente Tiel",
        "Tiel",
        "tiel.nl",
        "Achter het Stadhuis 1",
        "4001 KT Tiel",
        "Postbus 6325",
        "4000 HH Tiel",
        "14 0344",
        "gemeente@tiel.nl",
    ),
)

EXTERNAL = (
    ("GGD Hollands Midden", "ggdhm.nl"),
    ("Zorgverzekeraars Nederland", "zn.nl"),
    ("KPMG", "kpmg.nl"),
    ("VNG", "vng.nl"),
    ("RIVM", "rivm.nl"),
    ("CAK", "hetcak.nl"),
    ("Deloitte", "deloitte.nl"),
    ("ActiZ", "actiz.nl"),
    ("NZa", "nza.nl"),
    ("Stichting Vluchtelingenwerk", "vluchtelingenwerk.nl"),
    ("UWV", "uwv.nl"),
)

# Real office holders, named only in their public role (must stay public).
MINISTERS = (
    ("Minister", "Helder", "VWS"),
    ("Minister", "Kuipers", "VWS"),
    ("Minister", "De Jonge", "BZK"),
    ("Minister", "Dijkgraaf", "OCW"),
    ("Minister", "Kaag", "Financiën"),
    ("Minister", "Van Gennip", "SZW"),
    ("Minister", "Yeşilgöz-Zegerius", "JenV"),
    ("Staatssecretaris", "Van Ooijen", "VWS"),
    ("Minister", "Agema", "VWS"),
    ("Minister", "Keijzer", "VRO"),
    ("Staatssecretaris", "Van Rij", "Financiën"),
    ("Minister", "Bruins", "OCW"),
    ("Minister", "Hoekstra", "Buitenlandse Zaken"),
    ("Minister", "Uitermark", "BZK"),
)
MPS = (
    ("Eerdmans", "JA21"),
    ("Omtzigt", "NSC"),
    ("Van der Plas", "BBB"),
    ("Wilders", "PVV"),
    ("Timmermans", "GL-PvdA"),
    ("Jetten", "D66"),
    ("Bontenbal", "CDA"),
    ("Dassen", "Volt"),
    ("Van Baarle", "DENK"),
    ("Grinwis", "ChristenUnie"),
    ("Stoffer", "SGP"),
    ("Ouwehand", "PvdD"),
    ("Marijnissen", "SP"),
    ("Piri", "GL-PvdA"),
    ("Klaver", "GL-PvdA"),
    ("Hertzberger", "NSC"),
    ("Dobbe", "SP"),
    ("Bikker", "ChristenUnie"),
)
