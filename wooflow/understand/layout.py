"""Structural cues for the type classifier: facts about a document's shape, not single words.

Single words generalise badly between organisations (every municipality words its letters
differently), but the shape of a document does not: an individual decision is a letter to one
person that ends in a rechtsmiddelenclausule; a form is mostly "Label: value" lines; a chat
export is a run of time-stamped speaker lines; slides are short bullet lines. Each function takes
the document and the text zone the classifier gives it and answers yes or no, so it can be a
``Cue.test`` (see ``classify.py``) and is documented in docs/UNDERSTANDING.md.
"""

from __future__ import annotations

import datetime as _dt
import re

from wooflow.model import Document

_I = re.IGNORECASE | re.MULTILINE

# "binnen zes weken ... bezwaar maken" / "bezwaar maken ... binnen 6 weken", in one sentence. The
# objection route is what only a decision (besluit in the sense of the Awb) carries; a letter that
# only informs says "u kunt geen bezwaar maken" and has no term.
RECHTSMIDDEL = re.compile(
    r"\bbinnen (?:zes|6) weken\b[^.?!]{0,160}?\bbezwaar(?:schrift)?\b(?! op\b)|"
    # "Dan kunt u bezwaar maken. Dit moet binnen 6 weken ...": the term may follow in the next
    # sentence when the clause comes first
    r"\bbezwaar(?:schrift)? (?:maken|indienen|in te dienen|aantekenen)\b[^?!]{0,120}?"
    r"\bbinnen (?:zes|6) weken\b",
    _I,
)
# Addressed to one addressee (a person, or one board or college deciding for itself): a singular
# salutation or a "De heer / Mevrouw" address block line; not "Geachte bewoners/leden".
_PERSONAL = re.compile(
    r"^\s*(?:(?:Geachte|Beste) (?:heer|mevrouw|mevr\.|dhr\.)\b|"
    r"Geacht(?:e)? (?:bestuur|college|directie|directeur)\b|"
    r"Beste [A-Z][a-z]+\b|"  # "Beste Noor de Wit": a first name
    r"(?:De heer|Mevrouw|Mevr\.|Dhr\.|De familie|Fam\.)\s+(?:[A-Z]\.|[A-Z][a-z]))",
    re.MULTILINE,
)
_NO_DECISION = re.compile(
    r"\b(?:dit is geen besluit|(?:u kunt )?tegen deze brief (?:kunt u )?geen bezwaar)|"
    # the citizen objecting, not the authority deciding
    r"\b(?:maak|maken|dien|dienen|teken|tekenen) (?:ik|wij|we) (?:hierbij |daarom |hiermee )?"
    r"(?:\w+ )?(?:bezwaar|beroep)\b",
    _I,
)
_SALUTATION = re.compile(r"^\s*(?:Hoog)?(?:Geachte|Geacht|Beste)\b", re.MULTILINE)
_YOU = re.compile(r"\b(?:u|uw)\b")
# A decision on a Woo/Wob request is typed "besluit" (its own cues), not an individual benefit.
_WOO_REQUEST = re.compile(
    r"\b(?:Woo|Wob)\b|\bWet open overheid\b|\bWet openbaarheid van bestuur\b", re.IGNORECASE
)


def personal_decision(doc: Document, text: str) -> bool:
    """A rechtsmiddelenclausule in a document addressed to one person: an individual decision."""
    if len(text) > 38_000:  # the clause sits in the body or near the end: bounded work
        text = text[:30_000] + "\n" + text[-8_000:]
    if not RECHTSMIDDEL.search(text) or _NO_DECISION.search(text):
        return False
    if _WOO_REQUEST.search(text[:3000]):
        return False
    if _PERSONAL.search(text[:6000]):
        return True
    # No salutation at all (a tax assessment, a form-like decision) but written to "u".
    return not _SALUTATION.search(text[:6000]) and len(_YOU.findall(text[:6000])) >= 4


# "Label:   value" lines with a short label (at most four words) and a short value.
_FIELD_LINE = re.compile(r"^[ \t]*[A-Z][\w'()/.-]*(?: [\w'()/.-]+){0,3}[ \t]*:[ \t]*\S[^\n]{0,70}$")
_SENTENCE_END = re.compile(r"[a-z][.!?]\s*$")
# E-mail header blocks are fields too; a thread of short mails is no form.
_MAIL_LABEL = re.compile(
    r"^[ \t]*(?:Van|From|Aan|To|CC|Cc|BCC|Bcc|Verzonden|Sent|Datum|Date|Onderwerp|Subject|"
    r"Bijlagen|Attachments|Prioriteit|Importance)[ \t]*:",
    re.IGNORECASE,
)


def form_layout(doc: Document, text: str) -> bool:
    """A form or register export: most lines are "Label: value" and hardly any are prose.

    Letters, notas and e-mails have a header block of fields too, but then paragraphs of prose;
    a form has at least eight fields making up more than half of its lines, and fewer prose
    lines (ending in a full stop) than fields.
    """
    lines = [ln for ln in text[:4000].splitlines() if ln.strip()]
    if len(lines) < 8:
        return False
    fields = sum(1 for ln in lines if _FIELD_LINE.match(ln) and not _MAIL_LABEL.match(ln))
    prose = sum(1 for ln in lines if _SENTENCE_END.search(ln) and len(ln) > 50)
    return fields >= 8 and fields * 2 > len(lines) and prose * 2 < fields


# "[10:02] Vermeulen, Sanne", "12-03-2024 10:02 - Jan: tekst", "[12-03-24 10:02:11] Jan: tekst"
_CHAT_LINE = re.compile(
    r"^\s*(?:\[\s*(?:\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?\s+)?\d{1,2}:\d{2}(?::\d{2})?\s*\]\s*\S|"
    r"\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4},?\s+\d{1,2}:\d{2}\s+-\s+[^:\n]{1,40}:)",
    re.MULTILINE,
)


def chat_export(doc: Document, text: str) -> bool:
    """A chat export (WhatsApp, Teams, Signal): three or more time-stamped speaker lines."""
    return len(_CHAT_LINE.findall(text[:6000])) >= 3


# A message line of a chat export that carries its date: "[03-10-23 21:14:07] Naam:",
# "14-08-2024 22:05 - Naam:", "[ma 14-08-2023 06:12] Naam:", "15/01/2024, 09:12 - Naam:".
_CHAT_DATED = re.compile(
    r"^\s*\[?\s*(?:[a-z]{2,3}\.?\s+)?(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2}),?\s+"
    r"\d{1,2}:\d{2}(?::\d{2})?\s*(?:\]|-\s)",
    re.MULTILINE | re.IGNORECASE,
)


def chat_first_date(text: str) -> _dt.date | None:
    """Date of the first message of a chat export (its messages are what the document is).

    Needs three dated message lines, so a letter quoting one time stamp is no chat; two-digit
    years ("03-10-23") are read as 20xx, as chat apps write them. The export date in a title
    line ("geëxporteerd 04-10-2023 23:58") is not a message line and is skipped.
    """
    hits = _CHAT_DATED.findall(text[:20000])
    if len(hits) < 3:
        return None
    for d, m, y in hits:
        year = int(y) + (2000 if len(y) == 2 else 0)
        try:
            return _dt.date(year, int(m), int(d))
        except ValueError:
            continue
    return None


# Symbol bullets only: numbered lines are agenda items as often as slide points.
_BULLET = re.compile(r"^\s*[-•▪●◦*–]\s+\S")


def slide_layout(doc: Document, text: str) -> bool:
    """Slide text: short lines, many of them bullets, no paragraphs of prose.

    At least eight lines, a third of them bullets, on average under 40 characters, and no
    line longer than 100 characters (a paragraph).
    """
    lines = [ln.strip() for ln in text[:6000].splitlines() if ln.strip()]
    if len(lines) < 8:
        return False
    bullets = sum(1 for ln in lines if _BULLET.match(ln))
    longest = max(len(ln) for ln in lines)
    mean = sum(len(ln) for ln in lines) / len(lines)
    return bullets * 3 >= len(lines) and mean < 40 and longest <= 100


_NUMBERED_ITEM = re.compile(r"^\s*\d{1,2}[.)]?\s+\S[^\n]{0,100}$")
_OPENING = re.compile(r"^\s*\d{1,2}[.)]?\s+Opening\b", re.IGNORECASE | re.MULTILINE)
_CLOSING_ITEM = re.compile(r"^\s*\d{1,2}[.)]?\s+(?:Sluiting|Rondvraag)\b", re.IGNORECASE)


def agenda_list(doc: Document, text: str) -> bool:
    """An agenda: numbered items from "Opening" to "Sluiting/Rondvraag" with no text under them.

    Minutes number the same items but write what was said below each; an agenda is the bare
    list. From the "Opening" item on, at least four lines, two thirds of them numbered items,
    and a closing item.
    """
    m = _OPENING.search(text[:6000])
    if not m:
        return False
    lines = [ln for ln in text[m.start() : m.start() + 4000].splitlines() if ln.strip()]
    numbered = [ln for ln in lines if _NUMBERED_ITEM.match(ln)]
    return (
        len(lines) >= 4
        and len(numbered) * 3 >= len(lines) * 2
        and any(_CLOSING_ITEM.match(ln) for ln in numbered)
    )
