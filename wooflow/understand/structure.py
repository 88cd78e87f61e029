"""Structure of a document: sections, Kamervragen Q/A pairs, minutes parts, e-mail parts.

All spans are offsets into ``Document.text`` so the review screen can jump to them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from wooflow.understand.lines import Field, Line, clean_inline, is_label_line

# Headings Dutch government documents use by name (nota, besluit, rapport, advies).
KNOWN_HEADINGS = (
    "Aanleiding", "Geadviseerd besluit", "Kernpunten", "Toelichting", "Samenvatting",
    "Informatie die niet openbaar gemaakt kan worden", "Inleiding", "Conclusie", "Conclusies",
    "Aanbevelingen", "Advies", "Besluit", "Motivering", "Wettelijk kader", "Verloop van de procedure",
    "Uw Woo-verzoek", "Uw Wob-verzoek", "Zienswijzen", "Inventarisatie documenten", "Bezwaar",
    "Bezwaarclausule", "Achtergrond", "Beslispunten", "Context", "Doel", "Planning", "Financiën",
    "Communicatie", "Juridische aspecten", "Vervolg", "Vervolgstappen", "Afkortingenlijst",
    "Literatuurlijst", "Inhoud", "Inhoudsopgave", "Werkwijze", "Risico's", "Bijlagen", "Bijlage",
    "Overwegingen", "Partijen", "Actiepunten", "Rondvraag", "Sluiting", "Opening",
)  # fmt: skip
_KNOWN = re.compile(
    r"^(?:"
    + "|".join(re.escape(h) for h in sorted(KNOWN_HEADINGS, key=len, reverse=True))
    + r")[:.]?$",
    re.IGNORECASE,
)
_RUNS_ON = re.compile(
    r"(?:\b(?:en|of|van|de|het|een|voor|met|in|op|te|aan|over)|[,;-])$", re.IGNORECASE
)
_NUMBERED = re.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(?P<title>[A-Z][^\n]{1,90})$")
_LETTERED = re.compile(r"^(?P<num>[a-h])[.)]\s+(?P<title>[A-Z][^\n]{1,90})$")
_ARTICLE = re.compile(r"^(?P<num>Artikel\s+\d+[a-z]?)\.?(?:\s+(?P<title>[^\n]{1,90}))?$")

_QA = re.compile(
    r"^[ \t*]*(?P<kind>Vraag|Antwoord)(?:\s+op\s+vraag)?\s+(?P<nums>\d{1,3}(?:\s*(?:,|en|t/m|tot en met|-|–)\s*\d{1"
    r",3})*)"
    r"[\s*]*[:.]?[\s*]*(?P<rest>.*)$",
    re.MULTILINE,
)
_ACTION = re.compile(
    r"\*\*\s*actie[: ]\s*(?P<b>[^*]{1,60})\*\*|\(actie[: ]\s*(?P<p>[^)]{1,60})\)|"
    r"(?:^[ \t]*[-•]?[ \t]*|(?<=[.!?] ))Actie(?:punt)?\s*(?:\d+\s*)?[:]\s*(?P<l>[^\n]{2,200})$",
    re.IGNORECASE | re.MULTILINE,
)
_QUOTE_START = re.compile(
    r"^(?:-{2,}\s*(?:Oorspronkelijk bericht|Original Message|Doorgestuurd bericht|Forwarded message)\s*-{2,}"
    r"|>.*|Op .{5,80} schreef .{1,80}:|On .{5,80} wrote:)\s*$",
    re.MULTILINE | re.IGNORECASE,
)
_HEADER = re.compile(
    r"^\s*(?P<key>Van|From|Verzonden|Sent|Datum|Date|Aan|To|CC|Cc|BCC|Bcc|Onderwerp|Subject|Bijlagen|Attachments|Prioriteit|Urgentie)\s*:\s*(?P<value>.*)$"
)
_HEADER_KEY = {
    "van": "from", "from": "from", "verzonden": "date", "sent": "date", "datum": "date",
    "date": "date", "aan": "to", "to": "to", "cc": "cc", "bcc": "bcc", "onderwerp": "subject",
    "subject": "subject", "bijlagen": "attachments", "attachments": "attachments",
    "prioriteit": "priority", "urgentie": "priority",
}  # fmt: skip
_SIGNATURE = re.compile(
    r"^[ \t]*(?:Met vriendelijke groet(?:en)?|Vriendelijke groet(?:en)?|Met hartelijke groet|"
    r"Hartelijke groet(?:en)?|Groet(?:en)?|Gr(?:oet)?\.?|Mvg|Met collegiale groet|Hoogachtend|"
    r"Kind regards|Best regards|--)\s*[,.]?\s*$",
    re.MULTILINE | re.IGNORECASE,
)


def field_value_lines(lines: list[Line], fields: dict[str, list[Field]]) -> set[int]:
    """Indices of lines that hold a header field's value ("Bijlagen\n\n1. Conceptbrief")."""
    starts = [ln.start for ln in lines]
    out: set[int] = set()
    for fs in fields.values():
        for f in fs:
            last = bisect_right(starts, max(f.end - 1, f.start)) - 1
            out.update(range(f.line + 1, last + 1))
    return out


def sections(
    lines: list[Line], text_len: int, skip: set[int] | frozenset[int] = frozenset()
) -> list[dict[str, Any]]:
    """Headed sections: known headings, markdown headings, numbered and lettered parts.

    ``skip``: lines that are field values (see ``field_value_lines``), never headings.
    """
    heads: list[tuple[int, str, int, int]] = []  # (level, heading, start, line end)
    prev_blank = True
    prev_open = False  # the previous line runs on ("Bestuursondersteuning en", an open "**")
    prev_closed = True  # the previous line was a heading or ended a sentence
    prev_numbered = False  # the previous line was a numbered item (agenda lists)
    for i, line in enumerate(lines):
        c = line.clean
        if not c:
            prev_blank = True
            prev_open = False
            prev_closed = True
            continue
        raw = line.raw.lstrip()
        level = 0
        heading = None
        md = re.match(r"^(#{1,6})\s+", raw)
        if md:
            level, heading = len(md.group(1)), c
        elif _KNOWN.match(c) and (prev_blank or not prev_open):
            level, heading = 2, c.rstrip(":.")
        elif (
            len(c) <= 90
            and not c.endswith((".", ",", ";"))
            and (prev_closed or prev_numbered)
            and i not in skip
        ):
            m = _NUMBERED.match(c) or _ARTICLE.match(c)
            if m:
                level, heading = 2 + m["num"].count("."), c
            else:
                m = _LETTERED.match(c)
                if m:
                    level, heading = 3, c
        prev_blank = False
        prev_open = bool(_RUNS_ON.search(c)) or line.raw.count("**") % 2 == 1
        prev_closed = heading is not None or c.endswith((".", "!", "?", ":"))
        prev_numbered = bool(_NUMBERED.match(c))
        label = is_label_line(line)

        if heading and not label:
            heads.append((level, heading, line.start, line.end))
    out = []
    for k, (level, heading, start, hend) in enumerate(heads):
        end = heads[k + 1][2] if k + 1 < len(heads) else text_len
        out.append(
            {
                "heading": heading,
                "level": level,
                "start": start,
                "end": end,
                "body_start": min(hend + 1, end),
            }
        )
    return out


def _numbers(spec: str) -> list[int]:
    spec = spec.replace("tot en met", "t/m").replace("–", "-")
    out: list[int] = []
    for part in re.split(r"\s*(?:,|\ben\b)\s*", spec):
        m = re.fullmatch(r"(\d+)\s*(?:t/m|-)\s*(\d+)", part.strip())
        if m:
            a, b = int(m.group(1)), int(m.group(2))
            out.extend(range(a, b + 1) if 0 <= b - a < 50 else (a, b))
        elif part.strip().isdigit():
            out.append(int(part))
    return out


def qa_pairs(text: str) -> list[dict[str, Any]]:
    """Kamervragen question/answer pairs, merged ones ("Vraag 6 en 7") kept together."""
    marks = [(m.start(), m["kind"].lower(), _numbers(m["nums"])) for m in _QA.finditer(text)]
    blocks: list[dict[str, Any]] = []
    for k, (start, kind, nums) in enumerate(marks):
        end = marks[k + 1][0] if k + 1 < len(marks) else len(text)
        blocks.append({"kind": kind, "numbers": nums, "start": start, "end": end})
    pairs: list[dict[str, Any]] = []
    open_q: dict[tuple[int, ...], dict[str, Any]] = {}
    for b in blocks:
        key = tuple(b["numbers"])
        span: dict[str, Any] = {"start": b["start"], "end": b["end"]}
        pair: dict[str, Any] | None
        if b["kind"] == "vraag":
            pair = {"numbers": list(key), "question": span, "answer": None}
            pairs.append(pair)
            open_q[key] = pair
        else:
            pair = open_q.pop(key, None)
            if pair is None:  # an answer covering questions listed one by one
                covered = [
                    p for p in pairs if p["answer"] is None and set(p["numbers"]) <= set(key)
                ]
                if covered:
                    for p in covered:
                        p["answer"] = span
                    continue
                pair = {"numbers": list(key), "question": None, "answer": None}
                pairs.append(pair)
            pair["answer"] = span
    for p in pairs:
        for part in ("question", "answer"):
            span = p[part]
            if span:
                body = text[span["start"] : span["end"]].split("\n", 1)
                span["text"] = clean_inline(body[1] if len(body) > 1 else body[0])[:500]
    return pairs


def minutes(
    fields: dict[str, list[Field]], text: str, secs: list[dict[str, Any]]
) -> dict[str, Any]:
    """Attendees, absentees, agenda items and action points of meeting minutes or an agenda."""
    from wooflow.understand.meta import _people

    def people(key: str) -> list[str]:
        out: list[str] = []
        for f in fields.get(key, ())[:1]:
            for item in f.items:
                out.extend(_people(re.sub(r"^\s*[-•]\s*", "", item)))
        return out

    items = [
        {"heading": s["heading"], "start": s["start"], "end": s["end"]}
        for s in secs
        if re.match(r"^(?:\d{1,2}\.?\s|[a-h][.)]\s|Agendapunt\b)", s["heading"])
    ]
    actions = []
    for m in _ACTION.finditer(text):
        who = m.group("b") or m.group("p") or m.group("l") or ""
        ls = text.rfind("\n", 0, m.start()) + 1
        le = text.find("\n", m.end())
        le = len(text) if le < 0 else le
        actions.append(
            {
                "owner": clean_inline(who),
                "text": clean_inline(text[ls:le])[:300],
                "start": ls,
                "end": le,
            }
        )
    return {
        "attendees": people("aanwezig"),
        "absentees": people("afwezig"),
        "agenda_items": items,
        "action_points": actions,
    }


def email_parts(text: str) -> dict[str, Any]:
    """Each message of a (forwarded/replied) e-mail: headers, body, signature; quoted history."""
    messages: list[dict[str, Any]] = []
    lines = text.split("\n")
    offsets = []
    pos = 0
    for ln in lines:
        offsets.append(pos)
        pos += len(ln) + 1
    # Header blocks: >= 2 consecutive "Key: value" lines including a from/date/subject key.
    starts: list[tuple[int, int, dict[str, str]]] = []  # (first line, last line, headers)
    i = 0
    while i < len(lines):
        m = _HEADER.match(lines[i].lstrip("> "))
        if m:
            j = i
            headers: dict[str, str] = {}
            while j < len(lines):
                mm = _HEADER.match(lines[j].lstrip("> "))
                if not mm:
                    break
                headers.setdefault(_HEADER_KEY[mm["key"].lower()], mm["value"].strip())
                j += 1
            if len(headers) >= 2 and ("from" in headers or "subject" in headers):
                starts.append((i, j - 1, headers))
                i = j
                continue
        i += 1
    quote_marks = [m.start() for m in _QUOTE_START.finditer(text)]
    for k, (h0, h1, headers) in enumerate(starts):
        hstart = offsets[h0]
        hend = offsets[h1] + len(lines[h1])
        nxt = offsets[starts[k + 1][0]] if k + 1 < len(starts) else len(text)
        body_end = nxt
        for q in quote_marks:
            if hend < q < body_end:
                body_end = q
                break
        body_start = min(hend + 1, body_end)
        msg: dict[str, Any] = {
            "headers": headers,
            "header_start": hstart,
            "header_end": hend,
            "body_start": body_start,
            "body_end": body_end,
            "signature_start": None,
            "signature_end": None,
            "quoted": k > 0,
        }
        sig = None
        for sm in _SIGNATURE.finditer(text, body_start, body_end):
            sig = sm
        if sig:
            msg["signature_start"], msg["signature_end"] = sig.start(), body_end
        messages.append(msg)
    if not messages and text.strip():
        body_end = quote_marks[0] if quote_marks else len(text)
        sig = None
        for sm in _SIGNATURE.finditer(text, 0, body_end):
            sig = sm
        messages.append(
            {
                "headers": {},
                "header_start": 0,
                "header_end": 0,
                "body_start": 0,
                "body_end": body_end,
                "signature_start": sig.start() if sig else None,
                "signature_end": body_end if sig else None,
                "quoted": False,
            }
        )
    quoted_start = (
        messages[0]["body_end"] if messages and messages[0]["body_end"] < len(text) else None
    )
    return {"messages": messages, "quoted_start": quoted_start}
