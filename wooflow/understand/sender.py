"""The sender of a document: who signs it, read from the signature block.

Hand-written because the signature block of Dutch government documents follows conventions no
library knows: "De minister van X,\nnamens deze,\nde directeur Y" is signed by the minister, not
by the mandatary; "Burgemeester en wethouders van X,\nde secretaris, de burgemeester" by the
college; a role line may run over two lines ("de staatssecretaris van Volksgezondheid,\nWelzijn
en Sport,"); an addressee minister in the address block above the salutation does not sign.
"""

from __future__ import annotations

import re

from wooflow.model import Document
from wooflow.understand.lines import Field, clean_inline, first

_KV_ANSWER_BY = re.compile(
    r"Antwoord van (?:de )?((?:[Mm]inister|[Ss]taatssecretaris|[Mm]inister-[Pp]resident)[^(\n]{0,60}?)\s*\("
)
_KV_ASKED_BY = re.compile(
    r"Vragen van ((?:het lid|de leden) [^\n(]{2,60}?(?:\([^)]{1,20}\))?)\s+(?:aan|over)\b"
)
_SIGN_ROLE = re.compile(
    # a role line, not a sentence that starts with the authority ("Burgemeester en wethouders van
    # X hebben op ... uw aanvraag ontvangen") nor the head of a decision ("Het college besluit:")
    r"^\s*(?![^\n]*\b(?:hebben|heeft|is|zijn|wordt|worden|kunnen|kan|zal|zullen|gaat|gaan|"
    r"besluit|besluiten|stelt|stellen|neemt|nemen)\b)(?![^\n]*:\s*$)"
    r"((?:(?:De|de|Het|het) (?:[Mm]inister|[Ss]taatssecretaris|[Mm]inister-[Pp]resident|"
    r"[Bb]urgemeester|[Dd]irecteur|[Ss]ecretaris-[Gg]eneraal|[Vv]oorzitter|[Vv]ice-president|"
    r"[Vv]ice-voorzitter|[Ss]ecretaris|college)\b|"
    r"(?:[Bb]urgemeester en wethouders|Gedeputeerde Staten|Het dagelijks bestuur) van\b)[^\n.]{0,90}?),?\s*$",
    re.MULTILINE,
)
_CLOSING = re.compile(
    r"^[ \t]*(?:Met vriendelijke groet(?:en)?|Hoogachtend|Met hartelijke groet(?:en)?|"
    r"Met collegiale groet|Vriendelijke groet(?:en)?)\s*,?[ \t]*$",
    re.MULTILINE | re.IGNORECASE,
)
# "namens deze," under the authority; not "namens de minister te beslissen op ..." in a sentence.
_ON_BEHALF = re.compile(
    r",?\s*\n\s*namens (?:deze|dezen|(?:het college|de minister|de staatssecretaris)"
    r"(?: van [^\n]{2,80}?)?),?[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# "namens het college van burgemeester en wethouders van Deventer," under a closing formula.
_ON_BEHALF_OF = re.compile(r"^namens (?!deze\b|dezen\b)(.{3,90}?),?$", re.IGNORECASE)
# "De dijkgraaf,\nT. Eggink" / "De commissie bezwaarschriften,\n\nmr. E.J. Dekker": a body or role
# line ending in a comma right above a signatory's name, at the very end of the document.
_SIGNED_BY_BODY = re.compile(
    r"^[ \t]*((?:De|Het) [a-z][\w-]+(?: [\w-]+){0,3}),[ \t]*\n(?:[ \t]*\n)?[ \t]*"
    r"(?:(?:mr|dr|drs|ir|ing|prof)\.?\s+)?(?:[A-Z]\.)*\s?[A-Z][a-z][^\n]{0,60}\n?(?:[^\n]{0,40}\n?){0,2}\Z",
    re.MULTILINE,
)
# Officers who co-sign for a collective body ("Burgemeester en wethouders van X,\nde secretaris,").
_COLLECTIVE = re.compile(r"wethouders|Gedeputeerde Staten|dagelijks bestuur|\bcollege\b", re.I)
_OFFICER = re.compile(r"^\s*(?:de|De) (?:secretaris|voorzitter|burgemeester|griffier)\b")
_TITLE_PREFIX = re.compile(r"(?:mr|dr|drs|ir|ing|prof)\.?\s", re.IGNORECASE)
_REDACTION_ONLY = re.compile(r"[\d.\s,a-i]+")


# The second line of a ministry name broken over two signature lines ("de staatssecretaris van
# Volksgezondheid,\nWelzijn en Sport,"; "... Binnenlandse Zaken en\nKoninkrijksrelaties,").
_ROLE_CONTINUED = re.compile(r"[ \t]*\n[ \t]*([A-Z][a-zé]+(?: [a-zé]+)*(?: en [A-Z][\w-]+)?),?[ \t]*$", re.M)


def _role_text(tail: str, role: re.Match[str]) -> str:
    """A signing role line, joined with the next line when the ministry's name runs on."""
    text = clean_inline(role.group(1)).rstrip(",")
    nxt = _ROLE_CONTINUED.match(tail, role.end())
    if nxt:
        cont = nxt.group(1)
        if text.endswith((" en", " van", " voor")):
            return f"{text} {cont}"
        if " en " in cont and tail[role.start() : role.end()].rstrip().endswith(","):
            return f"{text}, {cont}"
    return text


def find_sender(
    doc: Document, fields: dict[str, list[Field]], text: str, is_kv: bool
) -> str | None:
    """Who wrote the document: e-mail From, a Van field, the Kamervragen asker/answerer, the
    signing authority (not its mandatary), or the signatory under the closing formula."""
    if doc.kind == "email" and doc.fields.get("from"):
        return clean_inline(str(doc.fields["from"]))
    f = first(fields, "van")
    if f:
        return clean_inline(f.value)
    if is_kv:
        m = _KV_ANSWER_BY.search(text[:4000])
        if m:
            return clean_inline(m.group(1))
        m = _KV_ASKED_BY.search(text[:4000])
        if m:
            return clean_inline(m.group(1))
    tail = text[-3000:]
    # The signature follows the salutation: roles in the address block above it ("De Minister
    # van X" as addressee) do not sign.
    salutations = list(re.finditer(r"^\s*(?:Hoog)?[Gg]eachte\b", tail, re.MULTILINE))
    if salutations:
        tail = tail[salutations[-1].end() :]
    roles = list(_SIGN_ROLE.finditer(tail))
    if roles:
        # "De minister van X,\nnamens deze,\nde directeur Y": the authority signs, not the mandatary.
        for role in roles:
            if _ON_BEHALF.match(tail, role.end()):
                return _role_text(tail, role)
        for k in range(len(roles) - 1, -1, -1):
            if _COLLECTIVE.search(roles[k].group(1)) and all(
                _OFFICER.match(r.group(1)) for r in roles[k + 1 :]
            ):
                return _role_text(tail, roles[k])
        return _role_text(tail, roles[-1])
    closings = list(_CLOSING.finditer(tail))
    if closings:
        # The first line after the last closing formula: the signatory ("K. Jansen", "UWV").
        for line in tail[closings[-1].end() :].split("\n")[:4]:
            name = clean_inline(line).rstrip(",")
            on_behalf = _ON_BEHALF_OF.match(name)
            if on_behalf:
                return on_behalf.group(1).rstrip(",")
            if name:
                if (
                    len(name) <= 60
                    and (not name[:1].islower() or _TITLE_PREFIX.match(name))
                    and not _REDACTION_ONLY.fullmatch(name)
                ):
                    return name
                break
    m = _SIGNED_BY_BODY.search(text[-600:].rstrip() + "\n")
    if m:
        return m.group(1)
    # A memo or collegenota without Van line or signature: the unit in its header writes it.
    f = first(fields, "afdeling")
    if f and len(f.value) <= 80:
        return clean_inline(f.value)
    return None
