"""Home addresses (street + house number, optionally postcode + place).

Office visiting and postal addresses ("Parnassusplein 5", "Postbus 20350") in an
organisation's letterhead stay public; everything else with a street and number is a home
address until shown otherwise.
"""

from __future__ import annotations

import re

from wooflow.detect import lexicon
from wooflow.detect.recognizers.base import Recognizer, office_block
from wooflow.model import Finding

_U = "A-ZÀ-ÖØ-Þ"
_L = "a-zß-öø-ÿ"
SUFFIX = (
    r"(?:straat|laan|weg|plein|gracht|kade|singel|dijk|pad|hof|steeg|dreef|markt|park|"
    r"plantsoen|baan|boulevard|dam|wal|kant|veld|erf|hoeve|ring|allee|pier|haven|burg|"
    r"berg|straatweg|rijweg|voorstraat|achterstraat|zijde|oord|tuin|wijk|hoek|poort|"
    r"horst|hout|werf|kwartier|vaart|plaats|plein|stede|brink|es|akker|weide|lei|"
    r"stroom|vliet|water|brug|donk|eind|einde|heuvel|helling|loop|polder|veste|singel)"
)
# A street: up to three capitalised words (bounded), last ending in a street suffix or in the
# packaged street list; then a house number with optional addition.
STREET = rf"((?:[{_U}][{_L}'’.-]*[ \u00a0]){{0,3}}[{_U}][{_L}'’-]{{1,40}})"
NUMBER = r"[ \u00a0](\d{1,5}(?:[ \u00a0]?[-/]?[ \u00a0]?(?:[A-Za-z]{1,2}|\d{1,4})(?![\w]))?(?:[ \u00a0-]?(?:hs|bis|zw|rd|I{1,3}))?)"
POSTCODE_PLACE = rf"(?:,?[ \u00a0]*\n?[ \u00a0]*(\d{{4}}[ \u00a0]?(?!SA|SD|SS)[A-Z]{{2}})(?:[ \u00a0]{{1,2}}([{_U}][{_L}'’-]+(?:[ \u00a0-][{_U}]?[{_L}'’-]+){{0,2}}))?)?"
ADDRESS = rf"(?<![\w.]){STREET}{NUMBER}(?![\d.,]\d){POSTCODE_PLACE}"
POSTBUS = r"(?<![\w])(Postbus|postbus|Antwoordnummer)[ \u00a0](\d{1,6})(?:,?[ \u00a0]*\n?[ \u00a0]*\d{4}[ \u00a0]?[A-Z]{2}(?:[ \u00a0]{1,2}[A-Z][a-z'-]+(?:[ \u00a0][A-Z]?[a-z'-]+)?)?)?"
_SUFFIX_RE = re.compile(SUFFIX + r"$", re.IGNORECASE)
NOT_STREET = frozenset(
    "Artikel Bijlage Pagina Vraag Antwoord Punt Lid Kamerstuk Kamerstukken Nummer Versie Stap "
    "Fase Week Jaar Dag Maand Hoofdstuk Paragraaf Tabel Figuur Agendapunt Motie Amendement "
    "Groep Kamer Zaal Ronde Aanhangsel Bladzijde Deel Boek Titel Afdeling Wet Besluit Regeling".split()
)


def looks_like_street(name: str) -> bool:
    last = name.split()[-1]
    if last in NOT_STREET or name in NOT_STREET:
        return False
    if _SUFFIX_RE.search(last) and len(last) > 4:
        return True
    return name in lexicon.streets()


class AddressRecognizer(Recognizer):
    NAME = "address"
    ENTITIES = ("ADDRESS",)
    CATEGORY = "address"
    PATTERNS = (ADDRESS, POSTBUS)
    CONTEXT = ("adres", "woonachtig", "wonende", "woont", "verhuisd")

    _re = re.compile(ADDRESS)
    _postbus = re.compile(POSTBUS)

    def analyze(self, text: str) -> list[Finding]:
        out = []
        for m in self._postbus.finditer(text):
            out.append(self.finding(text, m.start(), m.end(), 0.9, "postbusadres van organisatie", action="keep"))
        for m in self._re.finditer(text):
            street = m.group(1)
            # Drop leading words that are not part of the street ("Wij wonen op Dorpsstraat 4").
            words = street.split()
            s = m.start(1)
            while len(words) > 1 and not looks_like_street(" ".join(words)):
                s += len(words[0]) + (len(street[len(words[0]) :]) - len(street[len(words[0]) :].lstrip()))
                street = street[len(words[0]) :].lstrip()
                words = street.split()
            if not looks_like_street(street):
                continue
            end = m.end()
            if office_block(text, s) or self._known_office(street):
                out.append(self.finding(text, s, end, 0.85, "bezoekadres van organisatie", action="keep"))
                continue
            ctx = self.has_context(text, s, end, 80)
            score = 0.92 if (ctx or m.group(3)) else 0.8
            out.append(self.finding(text, s, end, score, "woonadres (straat en huisnummer)"))
        return out

    @staticmethod
    def _known_office(street: str) -> bool:
        return street in OFFICE_STREETS


# Visiting addresses of ministries and High Councils of State (rijksoverheid.nl, public).
OFFICE_STREETS = frozenset(
    "Parnassusplein Rijnstraat Turfmarkt Bezuidenhoutseweg Korte Voorhout Lange Voorhout "
    "Binnenhof Plein Kneuterdijk Koningskade Prinses Beatrixlaan Herengracht Stadhouderslaan "
    "Spui Hoftoren Schedeldoekshaven".split()
) | {"Korte Voorhout", "Lange Voorhout", "Prinses Beatrixlaan", "Kalvermarkt"}
