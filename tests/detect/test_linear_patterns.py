"""The patterns made linear in run time (possessive blanks, a gap checked in a lookahead, a bounded
local part) still find exactly what they found before on representative strings: the expectations
below are what the earlier, backtracking versions returned (span and groups; ``bool`` where only
the answer is used). Run time itself is measured in benchmarks/bench_hostile.py --text."""

from __future__ import annotations

import importlib
import re
from typing import Any

import pytest

from wooflow.detect import wrapped
from wooflow.detect.recognizers import idnumber

MODULES = {m.rsplit(".", 1)[1]: m for m in (
    "wooflow.detect.publicrole", "wooflow.detect.personcues", "wooflow.detect.addressmodel",
    "wooflow.detect.recognizers.address", "wooflow.detect.recognizers.birthdate", "wooflow.detect.wrapped",
    "wooflow.detect.clausemodel", "wooflow.detect.namemodel", "wooflow.detect.recognizers.plate",
    "wooflow.detect.shortnames", "wooflow.detect.recognizers.special_category", "wooflow.detect.recognizers.phone")}

# (module.attribute, how it is applied, string, what the pattern returned before)
CASES: list[tuple[str, str, str, Any]] = [('publicrole._PRE', 'search', 'De burgemeester, mr. A. ', None),
 ('publicrole._PRE', 'search', 'wethouder openbare ruimte ', ((0, 26), ())),
 ('publicrole._PRE', 'search', 'minister van Volksgezondheid, Welzijn en Sport, ', ((0, 48), ())),
 ('publicrole._PRE', 'search', 'het lid ', ((0, 8), ())),
 ('publicrole._PRE', 'search', 'Het lid  ,  de heer ', ((0, 20), ())),
 ('publicrole._PRE', 'search', 'motie Jansen/De Vries ', None),
 ('publicrole._PRE', 'search', 'amendement Klaver en Jetten ', None),
 ('publicrole._PRE', 'search', 'fractie van ', ((0, 12), ())),
 ('publicrole._PRE', 'search', 'Kamerlid ', ((0, 9), ())),
 ('publicrole._PRE', 'search', 'De minister, de heer dr.  ', ((3, 26), ())),
 ('publicrole._PRE', 'search', '  wethouder   ', ((2, 14), ())),
 ('publicrole._PRE', 'search', 'het lid                                                  0', None),
 ('publicrole._PRE', 'search', 'de minister zei ', None),
 ('publicrole._PRE', 'search', 'Minister voor Klimaat en Groene Groei| ', ((0, 39), ())),
 ('publicrole._PRE', 'search', 'staatssecretaris Van ', None),
 ('publicrole._PRE', 'search', 'motie  ', ((0, 7), ())),
 ('publicrole._PRE', 'search', 'lid\t:\tmevrouw\tmr.\t', ((0, 18), ())),
 ('publicrole._PRE_LOW', 'search', 'de burgemeester, mr. a. ', None),
 ('publicrole._PRE_LOW', 'search', 'wethouder openbare ruimte ', ((0, 26), ())),
 ('publicrole._PRE_LOW', 'search', 'het lid ', ((0, 8), ())),
 ('publicrole._PRE_LOW', 'search', 'motie jansen/de vries ', None),
 ('publicrole._PRE_LOW', 'search', 'kamerlid ', ((0, 9), ())),
 ('publicrole._PRE_LOW', 'search', 'het lid                                                  0', None),
 ('publicrole._PRE_LOW', 'search', 'de minister zei ', None),
 ('publicrole._POST_ROLE', 'match', ', wethouder van', ((0, 11), ())),
 ('publicrole._POST_ROLE', 'match', ' (burgemeester)', ((0, 14), ())),
 ('publicrole._POST_ROLE', 'match', ' | gedeputeerde', ((0, 15), ())),
 ('publicrole._POST_ROLE', 'match', ' (gemeente Súdwest-Fryslân, wethouder)', ((0, 37), ())),
 ('publicrole._POST_ROLE', 'match', ' (lid dagelijks bestuur, watersysteem)', ((0, 23), ())),
 ('publicrole._POST_ROLE', 'match', '      heemraad, portefeuillehouder', ((0, 14), ())),
 ('publicrole._POST_ROLE', 'match', '\t wethouder', ((0, 11), ())),
 ('publicrole._POST_ROLE', 'match', ' wethouder', None),
 ('publicrole._POST_ROLE', 'match', '   wethouder:', None),
 ('publicrole._POST_ROLE', 'match', ', lid van de Tweede Kamer', ((0, 25), ())),
 ('publicrole._POST_ROLE', 'match', ' \t |  burgemeester', ((0, 18), ())),
 ('publicrole._POST_ROLE', 'match', '  , wethouder', ((0, 13), ())),
 ('publicrole._POST_ROLE',
  'match',
  '                                                                               x',
  None),
 ('publicrole._POST_ROLE', 'match', '\t\t\tminister', ((0, 11), ())),
 ('publicrole._POST_ROLE', 'match', ' ( wethouder', ((0, 12), ())),
 ('publicrole._POST_ROLE', 'match', ', de wethouder', ((0, 14), ())),
 ('publicrole._POST_ROLE', 'match', '  wethouders', ((0, 12), ())),
 ('publicrole._CHAIR_BEFORE',
  'search',
  'de voorzitter van de Autoriteit Persoonsgegevens, ',
  ((0, 50), ('voorzitter',))),
 ('publicrole._CHAIR_BEFORE', 'search', 'voorzitter ', ((0, 11), ('voorzitter',))),
 ('publicrole._CHAIR_BEFORE', 'search', 'bestuurslid van het UWV: mevrouw dr. ', ((0, 37), ('bestuurslid',))),
 ('publicrole._CHAIR_BEFORE', 'search', 'vicevoorzitter ', ((0, 15), ('voorzitter',))),
 ('publicrole._CHAIR_BEFORE',
  'search',
  'De voorzitter van de                                                            0',
  ((0, 81), ('voorzitter',))),
 ('publicrole._CHAIR_BEFORE', 'search', 'voorzitter van de raad , de heer prof.  mr. ', ((0, 44), ('voorzitter',))),
 ('publicrole._CHAIR_BEFORE', 'search', 'de voorzitter zei ', None),
 ('publicrole._SIGN_COLUMNS', 'match', 'de secretaris,      de burgemeester,', ((0, 36), ())),
 ('publicrole._SIGN_COLUMNS', 'match', 'de secretaris,\tde burgemeester', ((0, 30), ())),
 ('publicrole._SIGN_COLUMNS', 'match', 'de secretaris, de burgemeester,', None),
 ('publicrole._SIGN_COLUMNS', 'match', '  het griffier   de voorzitter  ', ((0, 32), ())),
 ('publicrole._SIGN_COLUMNS', 'match', 'de secretaris,  de burgemeester', None),
 ('publicrole._SIGN_COLUMNS', 'match', 'de secretaris ,   de burgemeester , ', ((0, 36), ())),
 ('publicrole._SIGN_COLUMNS',
  'match',
  'de '
  'secretaris                                                                                                                                                                                                                                                                                                  ',  # noqa: E501
  None),
 ('publicrole._SIGN_COLUMNS', 'match', 'De Secretaris \t De Burgemeester', ((0, 31), ())),
 ('publicrole._SIGN_COLUMNS', 'match', 'de secretaris,   de burgemeester, x', None),
 ('personcues.CHAT', 'match', '12-01-2026 10:14 ', ((0, 17), ())),
 ('personcues.CHAT', 'match', '[10:14] ', ((0, 8), ())),
 ('personcues.CHAT', 'match', '[15-01-24 07:41:12] - ', ((0, 22), ())),
 ('personcues.CHAT', 'match', 'Ma 10.14 ', ((0, 9), ())),
 ('personcues.CHAT', 'match', '10:14 x', None),
 ('personcues.CHAT', 'match', ' 12/1/26, 9.05 ]- ', ((0, 18), ())),
 ('personcues.CHAT',
  'match',
  '12-01-2026 '
  '0.00                                                                                                    a',
  None),
 ('personcues.CHAT_HANDLE',
  'finditer',
  '[15-01-24 07:41:12] jk: hoi\n12-03-2024 08:04 - budi: ok\n10:14 -x: nee',
  [((0, 23), ('jk',)), ((28, 52), ('budi',))]),
 ('personcues.CHAT_HANDLE', 'finditer', '12-01-2026 0.00   -   a: Jan', []),
 ('personcues.CHAT_NAMED',
  'finditer',
  '[16-05-2025 07:52] Kılıçaslan, Gülsen: tekst\n[1-2-24 7.05] - Jan de Vries: ja',
  [((0, 38), ('Kılıçaslan, Gülsen',)), ((45, 74), ('Jan de Vries',))]),
 ('personcues.CHAT_NAMED', 'finditer', '[12-01-2026 0.00]   x: a', []),
 ('personcues.CLOSING', 'search', 'Met vriendelijke groet,', ((17, 23), ())),
 ('personcues.CLOSING', 'search', 'Hoogachtend', ((0, 11), ())),
 ('personcues.CLOSING', 'search', 'namens de minister', ((0, 18), ())),
 ('personcues.CLOSING', 'search', 'namens: x', None),
 ('personcues.CLOSING', 'search', 'mvg !', ((0, 5), ())),
 ('personcues.CLOSING', 'search', 'groeten .  ', ((0, 11), ())),
 ('personcues.CLOSING', 'search', 'Groet,\n', ((0, 7), ())),
 ('personcues.CLOSING',
  'search',
  'namens                                                                                                    :',
  None),
 ('personcues.CLOSING', 'search', 'groeten van Jan', None),
 ('personcues.HEADER_LINE', 'match', 'Van: ', ((0, 4), ())),
 ('personcues.HEADER_LINE', 'match', '| Naam | ', ((0, 8), ())),
 ('personcues.HEADER_LINE', 'match', '**Aanwezig**: ', ((0, 13), ())),
 ('personcues.HEADER_LINE', 'match', '  Contactpersoon  ', ((0, 18), ())),
 ('personcues.HEADER_LINE', 'match', 'naam van de melder\t', ((0, 19), ())),
 ('personcues.HEADER_LINE', 'match', 'Onderwerp: ', None),
 ('personcues.HEADER_LINE', 'match', ' | ** Behandelaar ** :', None),
 ('personcues.HEADER_LINE', 'match', '  | namens:', ((0, 11), ())),
 ('addressmodel._AFTER_PERSON', 'fullmatch', ' (12), ', ((0, 7), ())),
 ('addressmodel._AFTER_PERSON', 'fullmatch', ', ', ((0, 2), ())),
 ('addressmodel._AFTER_PERSON', 'fullmatch', ' uit ', ((0, 5), ())),
 ('addressmodel._AFTER_PERSON', 'fullmatch', ' te ', ((0, 4), ())),
 ('addressmodel._AFTER_PERSON', 'fullmatch', ' (3) (Utrecht, ', ((0, 15), ())),
 ('addressmodel._AFTER_PERSON', 'fullmatch', ', Jan,', ((0, 6), ())),
 ('addressmodel._AFTER_PERSON', 'fullmatch', '  ( ab cd,  ', ((0, 12), ())),
 ('addressmodel._AFTER_PERSON', 'fullmatch', ' van de ', ((0, 8), ())),
 ('addressmodel._AFTER_PERSON', 'fullmatch', 'x', None),
 ('addressmodel._AFTER_PERSON', 'fullmatch', '                                                  a', None),
 ('address.ADDRESS',
  'finditer',
  'Dorpsstraat 12, 1234 AB Utrecht',
  [((0, 31), ('Dorpsstraat', '12', '1234 AB', 'Utrecht'))]),
 ('address.ADDRESS',
  'finditer',
  'Dorpsstraat 12\n  1234 AB Utrecht',
  [((0, 32), ('Dorpsstraat', '12', '1234 AB', 'Utrecht'))]),
 ('address.ADDRESS', 'finditer', 'Kerkweg 3a ,\xa01234AB  Den Haag', [((0, 10), ('Kerkweg', '3a', None, None))]),
 ('address.ADDRESS',
  'finditer',
  'Dorpsstraat 12                                        a',
  [((0, 14), ('Dorpsstraat', '12', None, None))]),
 ('address.POSTBUS', 'finditer', 'Postbus 20350, 2500 EJ Den Haag', [((0, 31), ('Postbus', '20350'))]),
 ('address.POSTBUS', 'finditer', 'Postbus 12\n1234AB', [((0, 17), ('Postbus', '12'))]),
 ('address.POSTBUS', 'finditer', 'Postbus 12 , \n 1234 AB Zeist', [((0, 10), ('Postbus', '12'))]),
 ('address.POSTBUS',
  'finditer',
  'Postbus 12                                        ',
  [((0, 10), ('Postbus', '12'))]),
 ('birthdate._YEAR_AFTER_NAME', 'match', ' (1961)', ((0, 6), ('1961',))),
 ('birthdate._YEAR_AFTER_NAME', 'match', '\n(1994, Delft)', ((0, 6), ('1994',))),
 ('birthdate._YEAR_AFTER_NAME', 'match', ' \r\n (1979),', ((0, 9), ('1979',))),
 ('birthdate._YEAR_AFTER_NAME', 'match', '  ( 1980 )', ((0, 8), ('1980',))),
 ('birthdate._YEAR_AFTER_NAME', 'match', ' (1961', None),
 ('birthdate._YEAR_AFTER_NAME', 'match', '\r(1961)', ((0, 6), ('1961',))),
 ('birthdate._YEAR_AFTER_NAME',
  'match',
  '\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\t\tx',
  None),
 ('wrapped._BREAK', 'finditer', 'Volgens Koen\nBrouwer is het', [((12, 13), ())]),
 ('wrapped._BREAK', 'finditer', 'de heer R. van  \nLeeuwen verklaart', [((14, 17), ())]),
 ('wrapped._BREAK', 'finditer', 'Volgens Bram \t\nvan Dijk is', [((12, 15), ())]),
 ('wrapped._BREAK', 'finditer', 'tekst   \nGeen naam', [((5, 9), ())]),
 ('wrapped._BREAK', 'finditer', 'a  \n  Jansen is', []),
 ('clausemodel._AMOUNT', 'bool', '€ 12', True),
 ('clausemodel._AMOUNT', 'bool', '1.000', True),
 ('clausemodel._AMOUNT', 'bool', '12,500', True),
 ('clausemodel._AMOUNT', 'bool', '12.5', False),
 ('clausemodel._AMOUNT', 'bool', '2024', False),
 ('clausemodel._AMOUNT', 'bool', '11111111111111111111111111111111111111111111111111', False),
 ('clausemodel._AMOUNT', 'bool', '€12', True),
 ('namemodel._TOKEN_RE',
  'finditer',
  'mail jan.jansen@x.nl of a.b@c.d',
  [((0, 4), ()), ((5, 20), ()), ((21, 23), ()), ((24, 31), ())]),
 ('namemodel._TOKEN_RE', 'finditer', 'A.B. Jansen-Smit', [((0, 4), ()), ((5, 16), ())]),
 ('namemodel._TOKEN_RE', 'finditer', '-jan@x.nl...', [((0, 9), ()), ((9, 12), ())]),
 ('namemodel._TOKEN_RE', 'finditer', 'a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.@x.nl', [((0, 45), ())]),
 ('plate.PLATE_CTX', 'finditer', 'kenteken: AB-12-CD', [((0, 18), ('AB-12-CD',))]),
 ('plate.PLATE_CTX', 'finditer', 'Kentekenplaat\xa0 : 12ABC3', [((0, 23), ('12ABC3',))]),
 ('plate.PLATE_CTX', 'finditer', 'nummerplaat XX99XX', [((0, 18), ('XX99XX',))]),
 ('plate.PLATE_CTX',
  'finditer',
  'kenteken\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0'  # noqa: E501
  'x',
  []),
 ('plate.PLATE_CTX', 'finditer', 'kenteken ab-12-cd', []),
 ('shortnames._DOTTED_ACTION', 'match', 'actie: J.K.', ((0, 11), ('J.K.',))),
 ('shortnames._DOTTED_ACTION', 'match', 'Actiehouder  J.K.M.', ((0, 19), ('J.K.M.',))),
 ('shortnames._DOTTED_ACTION', 'match', 'wie :  A.B.', ((0, 11), ('A.B.',))),
 ('shortnames._DOTTED_ACTION', 'match', 'actie                                        : AB', None),
 ('shortnames._DOTTED_ACTION', 'match', 'actie J.', None),
 ('shortnames._LINE_END_BRACKET',
  'finditer',
  'Offerte opvragen (RvdL)\nPlanning (J.K.) ;  \nx) . y',
  [((22, 23), ()), ((38, 43), ())]),
 ('shortnames._LINE_END_BRACKET', 'finditer', 'a)                                        x', []),
 ('shortnames._ITEM_OWNER',
  'finditer',
  '- Offerte opvragen (RvdL)\n2. Planning bijwerken (J.K. en M.B.) .\n* Iets (AB/CD)  ;  ',
  [((0, 25), ('RvdL',)), ((26, 64), ('J.K. en M.B.',)), ((65, 84), ('AB/CD',))]),
 ('shortnames._ITEM_OWNER', 'finditer', '- Iets (AB) x', []),
 ('shortnames._AGE_BRACKET', 'finditer', 'Jan. (12 jaar)', [((3, 14), ())]),
 ('shortnames._AGE_BRACKET', 'finditer', 'zoon.( 8 )', [((4, 10), ())]),
 ('shortnames._AGE_BRACKET', 'finditer', '.(12jr.)', [((0, 8), ())]),
 ('shortnames._AGE_BRACKET', 'finditer', '.(12                                        ', []),
 ('special_category._LABEL_AFTER', 'match', '  Jansen', ((0, 8), ())),
 ('special_category._LABEL_AFTER', 'match', ' \n  Dr.', ((0, 7), ())),
 ('special_category._LABEL_AFTER', 'match', '\nJansen is', None),
 ('special_category._LABEL_AFTER', 'match', '  jansen', None),
 ('special_category._LABEL_AFTER', 'match', '                                        x', None),
 ('special_category._LABEL_AFTER', 'match', 'Depressie verder', None),
 ('phone._MOBILE_BESIDE', 'match', ' | 06 12345678', ((0, 5), ())),
 ('phone._MOBILE_BESIDE', 'match', ' / M: 06', ((0, 8), ())),
 ('phone._MOBILE_BESIDE', 'match', '·Mobiel.  :  +31 6', ((0, 16), ())),
 ('phone._MOBILE_BESIDE', 'match', ' | Mob 0031', ((0, 11), ())),
 ('phone._MOBILE_BESIDE', 'match', ' | x 06', None),
 ('phone._MOBILE_BESIDE', 'match', ' |                                        M', None),
 ('phone._AFTER_OFFICE', 'fullmatch', ' | ', ((0, 3), ())),
 ('phone._AFTER_OFFICE', 'fullmatch', ', T: ', ((0, 5), ())),
 ('phone._AFTER_OFFICE', 'fullmatch', ' · Tel. ', ((0, 8), ())),
 ('phone._AFTER_OFFICE', 'fullmatch', ' / Telefoon  .  ', ((0, 16), ())),
 ('phone._AFTER_OFFICE', 'fullmatch', ' | M ', None),
 ('phone._AFTER_OFFICE', 'fullmatch', ' |                                        x', None),
 ('addressmodel._JOIN', 'fullmatch', ' , ', ((0, 3), ())),
 ('addressmodel._JOIN', 'fullmatch', ' in ', ((0, 4), ())),
 ('addressmodel._JOIN', 'fullmatch', 'te', ((0, 2), ())),
 ('addressmodel._JOIN', 'fullmatch', '', ((0, 0), ())),
 ('addressmodel._JOIN', 'fullmatch', ' | x', None),
 ('addressmodel._JOIN', 'fullmatch', '                                        x', None)]


def _run(rx: re.Pattern[str], how: str, s: str) -> Any:
    if how == "bool":
        return bool(rx.search(s))
    if how == "finditer":
        return [(m.span(), m.groups()) for m in rx.finditer(s)]
    m = getattr(rx, how)(s)
    return None if m is None else (m.span(), m.groups())


@pytest.mark.parametrize(("name", "how", "text", "expected"), CASES)
def test_same_matches(name: str, how: str, text: str, expected: Any) -> None:
    mod, attr = name.split(".")
    rx = getattr(importlib.import_module(MODULES[mod]), attr)
    assert _run(re.compile(rx) if isinstance(rx, str) else rx, how, text) == expected


LABELLED: list[tuple[str, Any]] = [('studentnummer 1047735', [((0, 21), ('1047735',))]),
 ('BSN: 123456789', []),
 ('pasnummer\n  NWP84R1J7', [((0, 21), ('NWP84R1J7',))]),
 ('studentnummer\n1047735', [((0, 21), ('1047735',))]),
 ('pasnummer (nr.) : 1234567', []),
 ('studentnummer                              x', [])]


@pytest.mark.parametrize(("text", "expected"), LABELLED)
def test_labelled_id_numbers(text: str, expected: Any) -> None:
    assert [(m.span(), m.groups()) for m in idnumber._labelled().finditer(text)] == expected


def test_wrapped_name_still_joined() -> None:
    para = ("Dit is een lange regel tekst die doorloopt tot aan de rand, volgens Koen\nBrouwer is het zo en de regel\n"
            "gaat verder met nog wat woorden die de breedte van de alinea tonen hier.\n")
    assert wrapped.soften(para * 3) == 'Dit is een lange regel tekst die doorloopt tot aan de rand, volgens Koen Brouwer is het zo en de regel\ngaat verder met nog wat woorden die de breedte van de alinea tonen hier.\nDit is een lange regel tekst die doorloopt tot aan de rand, volgens Koen Brouwer is het zo en de regel\ngaat verder met nog wat woorden die de breedte van de alinea tonen hier.\nDit is een lange regel tekst die doorloopt tot aan de rand, volgens Koen Brouwer is het zo en de regel\ngaat verder met nog wat woorden die de breedte van de alinea tonen hier.\n'  # noqa: E501


@pytest.mark.parametrize("text", [" " * 300 + "x", "\t" * 300 + "x", "Aa-" * 100 + "0"])
def test_blank_runs_do_not_match(text: str) -> None:
    # A long run that ends in something else is no role, closing, chat line or name end.
    from wooflow.detect import personcues, publicrole
    assert publicrole._POST_ROLE.match(text) is None
    assert personcues.CLOSING.search(text) is None
    assert personcues.CHAT.match(text) is None
    assert wrapped._NAME_END.search(text) is None


@pytest.mark.parametrize(("word", "expected"), [
    ("Koninkrijksrelaties", True), ("Tijsseling", False), ("Afstemming", True), ("Indeling", True),
    ("Ramsaransing", False), ("Jeugdbescherming", True), ("Gemeentesecretarissen", False),
    ("Verkeersveiligheidsmaatregelen", False), ("Jansen", False), ("Woningbouwcorporatie", True),
    ("A" * 3000, False), ("Aa" * 40 + "ling", False), ("Beleidsontwikkeling", True),
])
def test_compound_split_unchanged(word: str, expected: bool) -> None:
    # tails longer than the longest listed word are no longer tried (linear in a very long word)
    from wooflow.detect import lexicon
    lexicon.is_wordlike.cache_clear()
    assert lexicon.is_wordlike(word) is expected
