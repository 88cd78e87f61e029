"""Forms of a case's persons that no recognizer sees on their own: the personal part of an
e-mail address written without a readable domain ('h.reijnders |@minezk nl' in an OCR'd
header, 'arjen.hofstede' in a column beside the name).

The evidence is the person, not the string: a dotted lower-case token is the local part of a
person's address only when its last part is the surname of a person redacted somewhere in the
case (tussenvoegsels joined or dropped, as mail systems write them) and its first part is an
initial, initials or that person's given name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from wooflow.detect.recognizers.base import GROUND_PRIVACY
from wooflow.detect.recognizers.person import Mention
from wooflow.model import Finding

# 'h.reijnders', 'jw.kuiper', 'arjen.hofstede', 'r.van.dijk', 'rvandijk' is not dotted: skipped.
# (an '@' right after the local part only where a readable domain follows: the e-mail recognizer
# has the whole address; an OCR'd 's.dijkema@ shell com' has none)
_LOCAL = re.compile(r"(?<![\w@.])(?!www\.)([a-z]{1,12})((?:\.[a-z]{1,12})*)\.([a-z][a-z'-]{2,40})"
                    r"(?!\w|@[\w-]+\.[a-z]|\.[a-z])")
_TV = ("van", "de", "der", "den", "ter", "ten", "te", "in", "het", "t")


def _surname_keys(surname: str) -> set[str]:
    words = [w for w in re.split(r"[\s'’]+", surname.lower()) if w]
    core = [w for w in words if w not in _TV]
    keys = set()
    if core:
        keys.add("".join(core))
        keys.add(core[-1])
    keys.add("".join(words))
    return {k for k in keys if len(k) >= 3}


def case_persons(mentions: Mapping[Any, Iterable[Mention]]) -> dict[str, set[str]]:
    """Surname key -> given names and initials (lower case) of persons redacted in the case."""
    out: dict[str, set[str]] = {}
    for ms in mentions.values():
        for m in ms:
            if m.public is not None or not m.parts.surname:
                continue
            given = set()
            if m.parts.first:
                given.add(m.parts.first.lower())
            if m.parts.initials:
                given.add(re.sub(r"[^a-z]", "", m.parts.initials.lower()))
            for key in _surname_keys(m.parts.surname):
                out.setdefault(key, set()).update(given)
    return out


# A website named after a person: 'saracoster.nl', 'www.jansenadvies.nl' is not (a firm's word).
_SITE = re.compile(r"(?<![\w@.-])(?:www\.)?([a-z]{4,40})\.(?:nl|com|eu|be|org|net|info)(?![\w-])")


def person_sites(text: str, persons: Mapping[str, set[str]]) -> list[Finding]:
    """Web addresses whose name is a case person's given name (or initials) plus surname."""
    if not persons or ".nl" not in text and ".com" not in text and ".eu" not in text and ".be" not in text \
            and ".org" not in text and ".net" not in text and ".info" not in text:
        return []
    out = []
    for m in _SITE.finditer(text):
        label = m.group(1)
        for cut in range(1, len(label) - 2):
            given, surname = label[:cut], label[cut:]
            names = persons.get(surname)
            if names is not None and (given in names or any(g.startswith(given) and len(given) <= 2 for g in names)):
                out.append(Finding(m.start(), m.end(), m.group(0), "email", "redact", GROUND_PRIVACY, 0.9, "email",
                                   "webadres met de naam van een persoon in de zaak"))
                break
    return out


def email_locals(text: str, persons: Mapping[str, set[str]]) -> list[Finding]:
    """Local parts of the case persons' e-mail addresses, with or without a readable domain."""
    if not persons:
        return []
    out = []
    for m in _LOCAL.finditer(text):
        surname = m.group(3).replace("-", "")
        given_names = persons.get(surname)
        if given_names is None:
            continue
        out.append(Finding(m.start(), m.end(), m.group(0), "email", "redact", GROUND_PRIVACY, 0.9, "email",
                           "persoonlijk deel van e-mailadres van een persoon in de zaak"))
    return out
