"""Special categories of personal data (art. 9 AVG; Woo 5.1.1d): health, religion, ethnicity,
sexual orientation, political opinion, union membership, criminal records.

Only proposed for review (lower score): the words alone are common in policy text, so a
mention counts only when the sentence is about a person (a pronoun or personal cue nearby).
"""

from __future__ import annotations

import re

from wooflow.detect.recognizers.base import GROUND_SPECIAL, Recognizer
from wooflow.model import Finding

TERMS = {
    "gezondheid": (
        r"ziek(?:gemeld|melding|teverzuim|te)?|burn-?out|overspannen|depressie|depressief|"
        r"kanker|tumor|chemo(?:therapie)?|zwanger(?:schap)?|diagnose|gediagnosticeerd|"
        r"medicatie|medicijnen|opgenomen in (?:het|een) ziekenhuis|ziekenhuisopname|"
        r"arbeidsongeschikt|psychisch(?:e)? (?:klachten|problemen)|psychiatrisch|"
        r"hartaanval|herseninfarct|beroerte|operatie|revalid(?:eert|atie)|handicap|"
        r"gehandicapt|autisme|adhd|verslaafd|verslaving|hiv|aids|dementie|ongeneeslijk|"
        r"long covid|covid-19 besmet|besmet met|positief getest"
    ),
    "religie": (
        r"moslim|islamitisch|christelijk|christen|katholiek|protestants|joods|jood|hindoe|"
        r"boeddhist|gelovig|kerkganger|moskee|synagoge|hoofddoek|ramadan"
    ),
    "etniciteit": (
        r"(?:marokkaanse|turkse|surinaamse|antilliaanse|syrische|eritrese|poolse|"
        r"afghaanse|somalische|ghanese) (?:afkomst|achtergrond|komaf)|etniciteit|"
        r"etnische afkomst|migratieachtergrond|huidskleur|ras"
    ),
    "seksuele geaardheid": (
        r"homoseksueel|homo|lesbisch|lesbienne|biseksueel|transgender|seksuele geaardheid|"
        r"genderidentiteit|lhbti"
    ),
    "politieke opvatting": (
        r"lid van (?:de|het) (?:vvd|pvv|cda|d66|sp|pvda|groenlinks|christenunie|sgp|"
        r"partij voor de dieren|fvd|ja21|bbb|nsc|volt|denk)|partijlid|stemt op|politieke voorkeur"
    ),
    "vakbondslidmaatschap": r"vakbondslid|lid van (?:de )?(?:fnv|cnv|vakbond)|vakbondslidmaatschap",
    "strafrechtelijk": (
        r"strafblad|veroordeeld|veroordeling|justitiële documentatie|verdachte|verdacht van|"
        r"aangehouden|gearresteerd|detentie|gedetineerd|proces-verbaal|taakstraf|"
        r"voorwaardelijke straf|celstraf|strafrechtelijk"
    ),
}
TERM_RE = re.compile(
    r"(?<![\w-])(?:" + "|".join(f"(?P<g{i}>{p})" for i, p in enumerate(TERMS.values())) + r")(?![\w-])",
    re.IGNORECASE,
)
KINDS = list(TERMS.keys())
PERSONAL = re.compile(
    r"\b(?:hij|zij|ze|haar|zijn|hem|ik|mijn|mij|me|mijnheer|mevrouw|meneer|de heer|"
    r"collega|medewerker|medewerkster|betrokkene|cliënt|client|patiënt|verzoeker|zoon|"
    r"dochter|vader|moeder|man|vrouw|partner|echtgeno(?:ot|te)|dhr\.|mw\.)\b",
    re.IGNORECASE,
)


class SpecialCategoryRecognizer(Recognizer):
    NAME = "special_category"
    ENTITIES = ("SPECIAL_CATEGORY",)
    CATEGORY = "special_category"
    GROUND = GROUND_SPECIAL
    PATTERNS = (TERM_RE.pattern,)

    def analyze(self, text: str) -> list[Finding]:
        out = []
        for m in TERM_RE.finditer(text):
            ss = max(text.rfind(". ", max(0, m.start() - 200), m.start()), text.rfind("\n", max(0, m.start() - 200), m.start()))
            se = text.find(".", m.end(), m.end() + 200)
            sentence = text[ss + 1 if ss >= 0 else max(0, m.start() - 200) : se if se >= 0 else m.end() + 200]
            if not PERSONAL.search(sentence):
                continue
            kind = next(KINDS[int(k[1:])] for k, v in m.groupdict().items() if v is not None)
            out.append(
                self.finding(
                    text, m.start(), m.end(), 0.5,
                    f"mogelijk bijzonder persoonsgegeven ({kind}); ter beoordeling",
                )
            )
        return out
