"""The speed-tuned compiled patterns find exactly what their documented PATTERNS find."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from wooflow.detect import names
from wooflow.detect.recognizers import bsn, iban, plate, postcode

CORPUS = Path(__file__).resolve().parents[2] / "evaluation" / "detect" / "corpus"
SAMPLES = [
    "BSN 123456782, bsn: 1234.56.782 en 123 456 782; -123456782 a123456782 1.123456782 12345678222",
    "IBAN NL91ABNA0417164300 of NL91 ABNA 0417 1643 00, xNL91ABNA0417164300 en 9NL91ABNA0417164300",
    "Postcode 1234 AB Amsterdam, 1234AB, -1234 AB, a1234 AB, 0123 AB, 1234 SA Zwolle, 2511 DP Den Haag",
    "Dhr. J.A. van der Berg, mevrouw De Vries, Wit, Thomas de; in 't Veld, v.d. Meer, Tjon A Fong, "
    "Jansen-van der Groen en de heer Van den Broek-de Haan spraken met Anna ter Horst en El Idrissi.",
    "Kenteken 12-AB-34, AB-12-CD, -12-AB-34, x12-AB-34, 1-ABC-23, 123-AB-4 en 12-AB-345",
]


def _texts() -> list[str]:
    texts = list(SAMPLES)
    if CORPUS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.txt"))[:40]]
    rnd = random.Random(7)
    alphabet = "0123456789AB NL.-,x\n"
    texts += ["".join(rnd.choice(alphabet) for _ in range(400)) for _ in range(50)]
    return texts


@pytest.mark.parametrize("fast, reference", [
    (bsn.BsnRecognizer._re, bsn.BsnRecognizer.PATTERNS[0]),
    (iban.IbanRecognizer._re, iban.IbanRecognizer.PATTERNS[0]),
    (postcode.PostcodeRecognizer._re, postcode.POSTCODE),
    (names.CHUNK_RE, names.CHUNK),
    (plate._SHAPE, r"(?<![\w-])[A-Z\d]{1,3}-[A-Z\d]{1,3}-[A-Z\d]{1,3}(?![\w-])"),
])
def test_fast_pattern_matches_reference(fast: re.Pattern[str], reference: str) -> None:
    assert fast.pattern != reference  # the fast form is a rewrite, not the same text
    ref = re.compile(reference)
    for text in _texts():
        assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
               [(m.span(), m.groups()) for m in ref.finditer(text)]


def test_term_scan_matches_reference() -> None:
    from wooflow.detect.recognizers import special_category as sc

    texts = _texts() + ["Hij is ziek en heeft een burn-out; zij is van Marokkaanse afkomst, lid van de VVD.",
                        "ziekenhuis zwangerschapsverlof -ziek xziek slecht ter been overleden aan kanker"]
    for text in texts:
        low = text.lower()
        assert [(m.span(), m.groupdict()) for m in sc._term_matches(low)] == \
               [(m.span(), m.groupdict()) for m in sc.TERM_LOW.finditer(low)]
    assert any(list(sc._term_matches(t.lower())) for t in texts)


def test_role_keys_cover_every_role_word() -> None:
    """role_before skips prefixes without a ROLE_KEY: every role word must hold one."""
    import re as _re

    from wooflow.detect import publicrole
    from wooflow.detect.textutil import alternatives

    for alt in alternatives(publicrole.ROLE_WORDS):
        plain = _re.sub(r"\[[^\]]*\]|[?()]", " ", alt)
        assert any(k in plain for k in publicrole.ROLE_KEYS), alt
    for word in ("het lid", "leden", "motie-", "amendement", "initiatiefnota", "fractie"):
        assert any(k in word for k in publicrole.ROLE_KEYS), word


_ODD = ["Kerkstraat", "KERKSTRAAT", "kerkſtraat", "Kerkstraat\n", "KERK\u212aSTRAAT", "Straße", "Dorpsweg-West",
        "İstanbulweg", "Bel ons: 0800-1234", "BEL GRATIS", "bel  ons", "De heer Jansen ", "FAMILIE\u00a0", "mw. ",
        "Bezoekadres:", "POSTBUS 20", "Gemeente   Utrecht", "huisarts", "HUISARTSENPRAKTIJK", "Huisarts\u0131",
        "woonachtig te", "Wonende", "privé", "PRIVÉ", "mijn huisadres", "ons postadres", "BV", "B.V.", "b v", ""]


def _windows() -> list[str]:
    out = list(_ODD)
    for text in _texts():
        out += [text[i : i + 60] for i in range(0, len(text), 37)]
    return out


def test_address_truth_tests_answer_as_their_patterns() -> None:
    from wooflow.detect import addressmodel as am
    from wooflow.detect.recognizers import address, base, phone

    cues = [(am._GENERAL_CUE, phone.GENERAL_CUE), (am._OFFICE_CONTEXT, base.OFFICE_CONTEXT),
            (am._HOME_CUE, address.HOME_CUE), (am._ORG_LINE, address.ORG_LINE)]
    cues += [(getattr(am, n), getattr(am, n).rx) for n in ("_HONORIFIC", "_RELATIVE", "_DWELLING", "_BUSINESS")]
    windows = _windows()
    for cue, rx in cues:
        assert cue.low is not None  # the lower-cased path is in use
        assert [cue.search(w) for w in windows] == [rx.search(w) is not None for w in windows], rx.pattern[:60]


def test_street_suffix_and_facility_pattern_answer_as_the_plain_ones() -> None:
    from wooflow.detect import lexicon
    from wooflow.detect.recognizers import address

    words = [w for text in _texts() for w in re.findall(r"[\w'’-]+", text)] + _ODD
    words += [w + "laan" for w in _ODD] + [w.upper() + "WEG" for w in _ODD]
    assert [address.street_suffix(w) for w in words] == [bool(address._SUFFIX_RE.search(w)) for w in words]
    plain = re.compile(address._FACILITY_BEFORE.pattern.replace(
        address.by_first_letter(address._PLACE_WORDS), "|".join(address._PLACE_WORDS), 1))
    assert plain.pattern != address._FACILITY_BEFORE.pattern
    lines = [line[-80:] for text in _texts() for line in text.split("\n")]
    lines += [w + " aan de " for w in lexicon.cue_lines("facility_words.txt")] + ["Het DEPOT Noord, aan de ", "kavel "]
    for rx in (address._FACILITY_BEFORE,):
        got = [(m.span(), m.groups()) if (m := rx.search(s)) else None for s in lines]
        want = [(m.span(), m.groups()) if (m := plain.search(s)) else None for s in lines]
        assert got == want
        assert any(got)


def test_office_block_patterns_find_the_same_spans() -> None:
    from wooflow.detect.recognizers import base

    windows = [w.lower() for w in _windows()]
    windows += ["aan:\nmevrouw k. shevchenko\nringbaan-west 240 b", "  de heer x, directe lijn 06",
                "bezoekadres: www.gemeente.nl, gemeente  utrecht, visiting address", "mijn adres: privé"]
    for fast, plain in ((base._OFFICE_LOW, base.OFFICE_CONTEXT), (base._PERSONAL_LOW, base.PERSONAL_CONTEXT)):
        reference = re.compile(plain.pattern)
        assert fast.pattern != reference.pattern
        got = [[m.span() for m in fast.finditer(w)] for w in windows]
        assert got == [[m.span() for m in reference.finditer(w)] for w in windows]
        assert any(got)


def test_inner_terms_and_form_labels_as_their_plain_forms() -> None:
    from wooflow.detect.recognizers import formfield
    from wooflow.detect.recognizers import special_category as sc

    compounds = "Zij krijgt thuisdialyse en slaapmedicatie; de Pinksterchristenen, THUISDIALYSE."
    assert sc._inner_terms(compounds, 0, len(compounds))
    for text in [compounds, *_texts()]:
        flat = text.replace("\n", " ")
        plain = set()
        for w in sc._LONG_WORD.finditer(flat.lower()):
            m = sc._INNER.search(w.group())
            if m is not None:
                plain.add(sc._PLAIN[m.group()])
        assert sc._inner_terms(flat, 0, len(flat)) == plain
    for cell in ("Naam:", "  Geboorte\u00a0 datum :  ", "E-mail\tadres", "Adres : :", "Telefoon\u2003nummer", ""):
        key = re.sub(r"\s+", " ", cell.strip().rstrip(":").strip()).lower()
        assert formfield._label_of(cell) == (key if key in formfield._labels() else None)
