"""Dutch telephone numbers in every usual notation.

Direct and mobile numbers of people are redacted; general numbers stay public: 14 + area code
(municipal number), 0800/0900 service numbers, and switchboard numbers printed after "T" in an
organisation's letterhead next to its office address.
"""

from __future__ import annotations

import re

from wooflow.detect import lexicon
from wooflow.detect.recognizers.base import (
    GROUND_PRIVACY,
    WEBSITE,
    Recognizer,
    Starts,
    line_bounds,
    office_block,
)
from wooflow.detect.recognizers.email import FUNCTIONAL
from wooflow.model import Finding

_SEP = r"(?:[ .\u00a0]|[ \u00a0]?[-\u2013][ \u00a0]?)?"  # hyphen or en dash ('06 – 18 42 70 63')
# One alternation per family; every quantifier is bounded, so matching is linear.
PHONE = (
    r"(?<![\w+/.,-])("
    # +31 (0)6 2345 6789, (0031) 6 ...
    r"(?:\(?(?:\+|00)31\)?)[ \u00a0-]?(?:\(0\)[ \u00a0]?)?[1-9](?:" + _SEP + r"\d){8}"
    r"|\(0\d{1,3}\)[ \u00a0]?\d(?:" + _SEP + r"\d){4,7}"  # (070) 340 7911
    r"|0[1-9](?:" + _SEP + r"\d){8}"  # 070 340 7911, 06-12345678, 0612 345 678
    r"|0[89]00" + _SEP + r"\d(?:" + _SEP + r"\d){2,6}"  # 0800-1234, 0900 1234567
    r"|14[ \u00a0\-]?0\d{2,3}"  # 14 038 (gemeente)
    r"|\+(?!31)[1-9]\d{0,2}(?:[ \u00a0]?\(0\))?(?:" + _SEP + r"\d){6,12}"  # +48 601 234 567
    r")(?![\w-]|[.,:]\d)"  # '04-10-2023 23:58': a time follows, so a time stamp
)
# A date at the start ('07-01-2024 21'): time stamps of chat exports and minutes are never phones.
DATE_START = re.compile(r"\d{1,2}[-/.]\d{1,2}[-/.](?:19|20)\d\d(?!\d)")
# General (switchboard, service, press) numbers and their labels: data/cues/phone_general_cues.txt.
GENERAL_CUE = re.compile(lexicon.cue_alternation("phone_general_cues.txt"), re.IGNORECASE)
ORG_CUE = re.compile(
    r"\b(?:" + lexicon.cue_alternation("phone_org_cues.txt") + r")\b|[\w.-]+@[\w.-]+\.[a-z]{2,}", re.IGNORECASE
)
DIRECT_CUE = re.compile(lexicon.cue_alternation("phone_direct_cues.txt"), re.IGNORECASE)
# General numbers of ministries as printed in their letterheads (rijksoverheid.nl), last 9 digits.
KNOWN_SWITCHBOARDS = frozenset({
    "703407911",  # VWS
    "704266426",  # BZK
    "703428000",  # Financiën
    "703707911",  # JenV
    "704560000",  # IenW
    "703334444",  # SZW
    "704123456",  # OCW
})
ABBR_BEFORE = re.compile(r"\b[A-Z][A-Za-z]*[A-Z][\w-]*[ \t]*[(:][ \t]*$")
# A firm's signature block: a 'Buro/Bureau X' line, its address line, then 'landline | mobile'.
_FIRM_BLOCK = re.compile(r"(?:^|\n)[^\n]*\b(?:Buro|Bureau|B\.V\.|BV)\b[^\n]*\n(?:[^\n]*\d{4}[ \t]?[A-Z]{2}[^\n]*\n)"
    r"?[ \t]*$")
# (blanks possessive here and below: the same matches, linear in a run of blanks on a long line)
_MOBILE_BESIDE = re.compile(r"[ \t]*+[|·/][ \t]*+(?:(?:M|Mob(?:iel)?\.?)[ \t]*+(?::[ \t]*+)?)?(?:\+31|06|0031)")


class PhoneRecognizer(Recognizer):
    NAME = "phone"
    ENTITIES = ("PHONE_NUMBER",)
    CATEGORY = "phone"
    PATTERNS = (PHONE,)

    _re = re.compile(PHONE)

    def validate(self, value: str) -> bool:
        digits = re.sub(r"\D", "", value)
        return 5 <= len(digits) <= 13 and not DATE_START.match(value)

    def analyze(self, text: str) -> list[Finding]:
        out = []
        for m in self._re.finditer(text):
            value = m.group(1)
            if not self.validate(value):
                continue
            digits = re.sub(r"\D", "", value)
            if digits.startswith("0031"):
                digits = digits[2:]
            mobile = digits.startswith("06") or digits.startswith("316") or digits.startswith("3106")
            s, e = m.start(1), m.end(1)
            if digits.startswith("14") and len(digits) <= 6:
                out.append(self.finding(text, s, e, 0.9, "algemeen gemeentenummer (14 + netnummer)", action="keep"))
                continue
            if digits[:4] in ("0800", "0900"):
                out.append(self.finding(text, s, e, 0.9, "algemeen servicenummer", action="keep"))
                continue
            if digits[-9:] in KNOWN_SWITCHBOARDS:
                out.append(self.finding(text, s, e, 0.9, "algemeen nummer van een ministerie", action="keep"))
                continue
            if not mobile and self._general(text, s, e):
                out.append(self.finding(text, s, e, 0.8, "algemeen (centrale) nummer in briefhoofd", action="keep"))
                continue
            reason = "mobiel nummer" if mobile else "direct telefoonnummer"
            out.append(self.finding(text, s, e, 0.95 if mobile else 0.9, reason))
        return out

    @staticmethod
    def _general(text: str, start: int, end: int) -> bool:
        ls, le = line_bounds(text, start)
        # 'T 0418 68 15 00 (algemeen) | D 0418 68 17 43': each '|' part has its own label
        label = text[max(ls, text.rfind("|", ls, start) + 1, text.rfind("·", ls, start) + 1) : start]
        par = re.match(r"[ \t]*(?:\(([^)\n]{1,30})\)|[-–,][ \t]*([^,.;\n]{1,30}))", text[end:le])
        after = (par.group(1) or par.group(2) or "") if par else ""
        if DIRECT_CUE.search(after) and not GENERAL_CUE.search(after):
            return False  # 'T 070 ... (direct) | T 070 ... (algemeen)'
        if GENERAL_CUE.search(label[-40:]) or GENERAL_CUE.search(after):
            return True
        if not label.strip() and _MOBILE_BESIDE.match(text, end, le) and _FIRM_BLOCK.search(text, max(0, ls - 160), ls):
            return True  # 'Buro X\nStationsplein 4, ...\n0575 51 22 90 | 06 ...': the firm's line beside a mobile
        is_label = bool(re.fullmatch(r"[ \t*-]*+(?:T|Tel\.?|Telefoon|F|Fax)[ \t]*+(?:[:.][ \t]*+)?", label))
        if is_label:
            # A signature block with a mobile number ('M 06 ...') above: a direct line.
            prev = text[max(0, ls - 120) : ls]
            if re.search(r"(?:^|\n)[ \t]*+(?:M|Mob(?:iel)?\.?)[ \t]*+(?::[ \t]*+)?(?:\+31|06|0031)", prev):
                return False
            return office_block(text, start)
        return False


# 'Visarenddreef 1, 8232 PH Lelystad | 0320 265 265': the number right after an office address.
_AFTER_OFFICE = re.compile(r"[ \t]*+[|·,/][ \t]*+(?:(?:T|Tel\.?|Telefoon)[ \t]*+(?:[:.][ \t]*+)?)?")


def reclassify(
    text: str, finding: Finding, person_spans: Starts, office_ends: list[int] | None = None,
    home_ends: list[int] | None = None,
) -> Finding:  # fmt: skip
    """Keep a fixed number that belongs to an organisation named just before it on its line
    ('piket GGD: 020 ...', 'de servicedesk op 030 ...'), unless a person is named between
    them: that is the person's direct line. Needs the person mentions, so the pipeline calls it.
    ``home_ends``: where the redacted (home) addresses end: a number after one on its line is
    that household's, whatever its shape ('Ik woon op Marktstraat 20, ... | 0570 200 100')."""
    if finding.action == "keep" and finding.reason.startswith("algemeen (centrale)"):
        return _named_between(text, finding, person_spans)
    if finding.action != "redact" or finding.category != "phone":
        return finding
    digits = re.sub(r"\D", "", finding.text)
    if digits.startswith("06") or digits.startswith("316") or digits.startswith("00316"):
        return finding
    ls, le = line_bounds(text, finding.start)
    near = _own_field(text, finding.start, finding.end, ls, le)
    at_home = any(ls <= e <= finding.start for e in home_ends or ())
    if switchboard_shape(finding.text) and not at_home and not DIRECT_CUE.search(near):
        return Finding(finding.start, finding.end, finding.text, "phone", "keep", None, 0.75,
                       "phone", "algemeen nummer van organisatie (vorm van een centrale)")
    after_office = office_ends and any(ls <= e <= finding.start and _AFTER_OFFICE.fullmatch(text, e, finding.start)
                                       for e in office_ends)
    # a letterhead: 'T 070 ...' on its own line right under the office's address lines, in a
    # block (from the blank line above) that names no person; in a person's signature block the
    # 'T' line under the office address is that person's direct line
    below_office = office_ends and _T_LINE.fullmatch(text, ls, finding.start) and any(
        e < ls and text.count("\n", e, ls) <= 2
        and not person_spans.between(max(text.rfind("\n\n", max(0, e - 400), e), e - 400, 0), ls)
        for e in office_ends)
    if (after_office or below_office) and not DIRECT_CUE.search(text[finding.end : min(le, finding.end + 15)]):
        return Finding(finding.start, finding.end, finding.text, "phone", "keep", None, 0.75,
                       "phone", "algemeen nummer van organisatie (naast kantooradres)")
    if _WEBSITE.search(text, ls, le) and not person_spans.between(ls, le) \
            and not DIRECT_CUE.search(text[max(ls, finding.start - 15) : min(le, finding.end + 15)]):
        # 'Kanaalstraat 2 | 5611 CT Eindhoven⏎040 243 33 33 | www.woonbedrijf.com', 'Zijlweg 200 |
        # ... | 023 515 95 00 | www.vrk.nl': a fixed number on the line of an organisation's website
        return Finding(finding.start, finding.end, finding.text, "phone", "keep", None, 0.75,
                       "phone", "algemeen nummer van organisatie (regel met website)")
    ls = max(ls, finding.start - 120)
    cue = None
    for m in ORG_CUE.finditer(text, ls, finding.start):
        cue = m
    abbr = ABBR_BEFORE.search(text, ls, finding.start)
    if abbr is not None and (cue is None or abbr.start() > cue.start()):
        cue = abbr
    if cue is None:
        return finding
    if "@" in cue.group(0) and not FUNCTIONAL.match(cue.group(0).split("@")[0].lower()):
        return finding  # next to a personal address: the person's own number
    if person_spans.between(cue.start(), finding.start) or any(
            _APPOSITION.fullmatch(text, e, cue.start()) for _, e in person_spans.spans_between(ls, cue.start())):
        return finding  # 'Loes Verhulst, Team Erfgoed, 0118 ...': the unit is the person's, so is the number
    if re.search(r"\b(?:mij|ik|mijn|me|haar|hem|zijn|hij|zij)\b", text[cue.end() : finding.start], re.IGNORECASE):
        return finding
    return Finding(finding.start, finding.end, finding.text, "phone", "keep", None, 0.75,
                   "phone", f"algemeen nummer van organisatie (na '{cue.group(0)[:30]}')")


def _own_field(text: str, start: int, end: int, ls: int, le: int, pad: int = 15) -> str:
    """The number with up to ``pad`` characters either side on its line, cut at a field
    separator ('|', ';', a tab): 'T 0592 32 55 55 | M 06 30 ...' holds the next field's mobile
    number, whose '06' is no cue about this one."""
    left = text[max(ls, start - pad) : start]
    right = text[end : min(le, end + pad)]
    cut = max(left.rfind("|"), left.rfind(";"), left.rfind("\t"))
    left = left[cut + 1 :] if cut >= 0 else left
    ends = [i for i in (right.find("|"), right.find(";"), right.find("\t")) if i >= 0]
    right = right[: min(ends)] if ends else right
    return left + text[start:end] + right


def switchboard_shape(number: str) -> bool:
    """A fixed number in the shape organisations choose for their switchboard: its last group
    '00' or '11' ('045 570 64 00', '071 526 91 11'), a longer last group ending in 00 ('0562-45
    1500'), or its last group repeated ('072 582 82 82', '0411 618 618'). Not a direct line whose
    last group merely ends in 11 ('050 - 317 4211'). Of the 328 personal numbers in the 13
    annotated sets none has the shape, of the 202 switchboards 82."""
    groups = re.findall(r"\d+", number)
    digits = "".join(groups)
    if len(digits) < 9 or digits.startswith(("06", "316", "00316")):
        return False
    last = groups[-1]
    return len(groups) >= 3 and (last in ("00", "11") or (last == groups[-2] and len(last) >= 2)
                                 or (len(last) >= 3 and last[-2:] == "00"))


_APPOSITION = re.compile(r"[ \t]*[,(][ \t]*")
_T_LINE = re.compile(r"[ \t]*T[ \t.:]*")
_WEBSITE = re.compile(r"(?i)" + WEBSITE)


def _named_between(text: str, finding: Finding, person_spans: Starts) -> Finding:
    """'vragen van de pers kan Youssef el Baghdadi bellen (0320 ...)': a person named between the
    general cue and the number owns the number."""
    ls, _ = line_bounds(text, finding.start)
    lo = max(ls, finding.start - 40)
    cue = None
    for found in GENERAL_CUE.finditer(text, lo, finding.start):
        cue = found  # the last general cue before the number
    if cue is None or not person_spans.between(cue.end(), finding.start):
        return finding
    return Finding(finding.start, finding.end, finding.text, "phone", "redact", GROUND_PRIVACY, 0.85,
                   "phone", "direct telefoonnummer (van de genoemde persoon)")
