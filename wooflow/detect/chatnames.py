"""Display names of chat participants: a first name with a role or organisation tag.

WhatsApp, Signal and Teams exports name each message's sender by the display name saved in the
exporter's phone ('Anke boswachter SBB', 'Sanne OOV', 'Ruud (politie)', 'Yvonne evenementen').
The first name alone is found by the name rules; the tag after it is no name word, so the
chunk scan stops before it ('Anke' redacted, 'boswachter SBB' left) and the display name is
published half. The whole display name identifies the participant (first name + function +
employer), so it is one piece of personal data: where a redacted person mention opens a
sender's display name, every occurrence of that display name in the document is redacted
whole (the participant list, each message, '@Rob VRBZO', 'Sanne OOV heeft ... verwijderd'), and
the given name alone is redacted where the chat uses it as a word ('Mo kun jij ...').

A display name that holds a word of public office ('Burgemeester Van Kemenade', 'Burg. Bremer',
'Ellen W (burg)', 'Weth. Eelman') is an office holder's: it stays public, and a name rule's
redacted piece inside it ('Burg' read as a surname) is kept with it.

Evidence: the export's own layout (a time stamp, then the sender, then ':'), a redacted person
mention at the sender's start (the name rules and the resolver decided it), and the public-role
words (data/cues/role_words.txt). No word list of its own.
"""

from __future__ import annotations

import re

from wooflow.detect.publicrole import ROLE_WORDS
from wooflow.detect.recognizers.person import Mention
from wooflow.model import Finding

# '18-07-2026 14:52 - Rob VRBZO: ...', '16-03-26 07:58 - Ellen W (burg): ...',
# '[2026-02-14 20:02] Yvonne evenementen: ...', '[15-01-24 07:41:12] Sanne OOV: ...'.
_SENDER = re.compile(
    r"(?m)^[ \t]*(?:\[[^\]\n]{0,20}\d{1,2}[:.]\d\d(?::\d\d)?\]|"
    r"\d{1,4}[-/.]\d{1,2}[-/.]\d{2,4},?[ \t]+\d{1,2}[:.]\d\d(?::\d\d)?[ \t]*-)[ \t]*"
    r"([^\W\d_][^:\n]{0,40}?):[ \t]"
)
# A tag word after the first name: a lower-case word ('boswachter', 'evenementen'), an
# abbreviation in capitals ('OOV', 'VRBZO', 'SBB'), one capitalised word ('Politie',
# 'Strandbeheer'), or one lower-case word in brackets ('(politie)'). A bracket of several words
# or capitalised words is an organisation's name ('Bas (Brandweer NHN)') and stays outside.
_TAG = re.compile(r"[a-zà-ÿ][\w'’-]*|[A-ZÀ-Þ]{2,8}|[A-ZÀ-Þ][a-zà-ÿ][\w'’-]*|\([a-zà-ÿ][\w'’.-]*\)")
_OFFICE = re.compile(rf"(?i)^\(?(?:{ROLE_WORDS}|weth\.?)\)?$")
# A capitalised word or a particle right after the given name: it opens another name.
_LONGER_NAME = re.compile(r"[ \t]+(?:[A-ZÀ-Þ]|(?:van|de|der|den|ter|ten|el|al)\b)")
_MIN_SENDS = 2  # a display name is a sender of at least this many messages


def _senders(text: str) -> dict[str, int]:
    """Display name -> number of messages it sends."""
    counts: dict[str, int] = {}
    for m in _SENDER.finditer(text):
        name = m.group(1).strip()
        counts[name] = counts.get(name, 0) + 1
    return counts


def _office_holder(words: list[str]) -> bool:
    return any(_OFFICE.match(w) for w in words)


def display_names(text: str, mentions: list[Mention]) -> list[Finding]:
    """Person findings for the display names of private chat participants; mentions inside an
    office holder's display name are set public (changed in place)."""
    if ":" not in text:
        return []
    senders = {n: c for n, c in _senders(text).items() if c >= _MIN_SENDS}
    if not senders:
        return []
    by_start = {m.start: m for m in mentions}
    out: list[Finding] = []
    for name in sorted(senders, key=len, reverse=True):
        words = name.split()
        occurrences = [m.start() for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?![\w'’-])", text)]
        if _office_holder(words):
            for s in occurrences:
                for mention in mentions:
                    if s <= mention.start < s + len(name) and mention.public is None:
                        mention.public = f"publieke functie (weergavenaam in chat '{name}')"
            continue
        if len(words) < 2 or not all(_TAG.fullmatch(w) for w in words[1:]):
            continue
        # the name rules must have read the display name's opening word as a private person
        first = next((by_start[s] for s in occurrences if s in by_start), None)
        if first is None or first.public is not None:
            continue
        why = f"weergavenaam van deelnemer in chat (voornaam met functie of organisatie: '{name}')"
        for s in occurrences:
            out.append(Finding(s, s + len(name), name, "person", "redact", "5.1.2e", 0.9, "person", why))
        given = words[0]
        for g in re.finditer(r"(?<![\w@'’-])" + re.escape(given) + r"(?![\w'’-])", text):
            if _LONGER_NAME.match(text, g.end()):
                continue  # 'Jan Deckersstraat', 'Rob de Vries': the word opens another name
            if not any(s <= g.start() < s + len(name) for s in occurrences):
                out.append(Finding(g.start(), g.end(), given, "person", "redact", "5.1.2e", 0.85, "person",
                                   f"voornaam van deelnemer '{name}' in chat"))
    return out
