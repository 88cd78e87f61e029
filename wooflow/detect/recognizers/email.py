"""E-mail addresses: the personal local part is redacted, an organisation's domain is kept.

Published practice prints "<name> @minvws.nl": the finding spans only the local part when the
domain belongs to an organisation; for private mail providers the whole address is personal.
Functional mailboxes (woo-verzoeken@, info@, griffie@ ...) stay public.
"""

from __future__ import annotations

import re

from wooflow.detect.recognizers.base import Recognizer
from wooflow.model import Finding

FUNCTIONAL = re.compile(
    r"^(?:woo|wob|info|informatie|griffie|postbus|post|noreply|no-reply|donotreply|"
    r"secretariaat|receptie|contact|communicatie|pers|persvoorlichting|voorlichting|"
    r"klantcontact|servicedesk|helpdesk|support|service|klachten|bezwaar|bezwaren|"
    r"loket|webmaster|admin|administratie|redactie|kcc|frontoffice|backoffice|"
    r"fraude|privacy|fg|avg|integriteit|meldpunt|vragen|aanvragen|subsidies|"
    r"team|bureau|afdeling|directie|office|mailbox|functioneel|algemeen|"
    r"woo-?verzoeken|wob-?verzoeken|woo-?team|wob-?team|publicaties|dpc|"
    r"[a-z]+(?:-|\.)(?:woo|wob|secretariaat|postbus|info|team|griffie|mailbox|loket|meldpunt))"
    r"(?:[._-][a-z0-9]+)*$",
)
PRIVATE_DOMAINS = frozenset(
    "gmail.com hotmail.com hotmail.nl outlook.com outlook.nl live.nl live.com msn.com "
    "yahoo.com yahoo.nl icloud.com me.com ziggo.nl kpnmail.nl kpnplanet.nl planet.nl home.nl "
    "xs4all.nl chello.nl casema.nl quicknet.nl hetnet.nl tiscali.nl zeelandnet.nl upcmail.nl "
    "telfort.nl online.nl protonmail.com proton.me gmx.com gmx.net gmx.de aol.com mail.com "
    "caiway.nl solcon.nl kabelfoon.nl".split()
)


FUNCTIONAL_STEM = re.compile(
    r"beheer|zaken|bureau|centrum|loket|desk|team|dienst|provincie|gemeente|ministerie|"
    r"contact|planning|inkoop|factu|financ|juridisch|griffie|secretariaat|receptie|info|"
    r"communicatie|service|support|klant|meldpunt|woo|wob|pers|media|redactie|personeel|"
    r"salaris|crisis|veiligheid|handhaving|vergunning|subsidie|belasting|facilit|archief|"
    r"bestuur|college|directie|afdeling|project|programma|organisatie|aanvragen|verzoek|"
    r"klacht|bezwaar|postbus|publicatie|noreply|reply|mailbox|algemeen|office|administratie|"
    r"park|servicecentrum|wagen|beveiliging|receptie|balie|leerplicht|wmo|jeugd|onderwijs|"
    r"burgerzaken|parkeren|afval|omgevingsloket|inkomen|schuldhulp|participatie"
)


def is_functional(local: str) -> bool:
    """A mailbox of a function or team rather than a person."""
    from wooflow.detect import lexicon

    low = local.lower()
    if FUNCTIONAL.match(low):
        return True
    parts = [p for p in re.split(r"[._+-]", low) if p]
    if any(p.isalpha() and len(p) > 2 and not lexicon.is_common(p)
           and (lexicon.is_first_name(p.capitalize()) or lexicon.is_surname(p.capitalize())) for p in parts):
        return False
    if any(FUNCTIONAL_STEM.search(p) for p in parts) or (len(parts) == 1 and lexicon.is_common(low)):
        return True
    # 'fsc-wagenpark': hyphenated words with no name in them name a service, not a person
    return "-" in low and len(parts) >= 2 and all(p.isalpha() and len(p) >= 3 for p in parts)


class EmailRecognizer(Recognizer):
    NAME = "email"
    ENTITIES = ("EMAIL_ADDRESS",)
    CATEGORY = "email"
    # Local part and labels are single character classes with no nesting: linear time.
    PATTERNS = (
        r"(?<![\w.+-])([A-Za-z0-9][A-Za-z0-9._%+'-]{0,63})@((?:[A-Za-z0-9-]{1,63}\.){1,8}[A-Za-z]{2,24})(?![\w-])",
    )

    _re = re.compile(PATTERNS[0])

    def analyze(self, text: str) -> list[Finding]:
        out = []
        for m in self._re.finditer(text):
            local, domain = m.group(1).rstrip("."), m.group(2).lower()
            if is_functional(local):
                out.append(
                    self.finding(text, m.start(), m.end(), 0.9, "functionele mailbox", action="keep")
                )
            elif domain in PRIVATE_DOMAINS:
                out.append(
                    self.finding(text, m.start(), m.end(), 0.98, "privé e-mailadres (hele adres)")
                )
            else:
                out.append(
                    self.finding(
                        text,
                        m.start(1),
                        m.start(1) + len(local),
                        0.97,
                        "persoonlijk deel van e-mailadres (domein van organisatie blijft staan)",
                    )
                )
        return out


def name_from_local(local: str) -> tuple[str | None, str | None]:
    """Guess (first name or initial, surname) from a personal local part like 's.kuipers' or
    'sanne.kuipers'; used to propagate the person behind an address across a case."""
    parts = [p for p in re.split(r"[._]", local) if p]
    if len(parts) < 2 or not all(p.replace("-", "").isalpha() for p in parts):
        return None, None
    first, last = parts[0], parts[-1]
    if len(last) < 3:
        return None, None
    return first.capitalize(), "-".join(w.capitalize() for w in last.split("-"))
