"""The special-category clause model (wooflow/detect/clausemodel.py): its data, statements that
go on through their next clause, statements without a listed term, proper names kept out."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from wooflow.detect import Detector, clausemodel

ZERO = (0.0, 0.0, 0.0, 0.0, 0.0)


def _model(**weights: tuple[float, ...]) -> clausemodel.Model:
    """A model that knows only ``weights`` (feature -> weight per kind); 'geen' by default."""
    return clausemodel.Model({k.replace("__", ":"): v for k, v in weights.items()}, (2.0, 0.0, 0.0, 0.0, 0.0),
                             0.7, 0.2)


@pytest.fixture
def restore() -> Iterator[None]:
    yield
    clausemodel._override.clear()


def _special(text: str) -> list[tuple[str, str]]:
    return [(f.text, f.reason) for f in Detector().detect(text) if f.category == "special_category"]


def test_packaged_model_loads() -> None:
    model = clausemodel.model()
    assert model is not None
    assert 0.0 < model.low < model.high < 1.0
    assert len(model.weights) > 1000


def test_names_are_no_evidence() -> None:
    feats = clausemodel.features("Willemijn ligt met een longontsteking in Ziekenhuis Rivierenland in Tiel",
                                 frozenset({"gezondheid"}), True, False)
    assert "st:ligt" in feats and "term:gezondheid" in feats and "st:ziekenhuis" in feats
    assert not any("willemijn" in f or "rivierenland" in f or "tiel" in f for f in feats)
    assert "ab:MS" in clausemodel.features("Mijn vrouw heeft MS", frozenset(), True, False)


def test_a_statement_goes_on_through_its_next_clause(restore: None) -> None:
    text = ("Wat hebben wij onderzocht?\nU heeft daarnaast hartfalen, waardoor u snel vermoeid bent. "
            "Uw dochter helpt u.\n")
    clausemodel.use(None)
    # a statement covers its whole sentence (special_category.whole_sentence), model or not
    assert [t for t, _ in _special(text)] == ["U heeft daarnaast hartfalen, waardoor u snel vermoeid bent"]
    # the next clause is weakly about health (p 0.5): enough to go on a statement, not on its own
    clausemodel.use(_model(st__vermoeid=(0.0, 2.0, 0.0, 0.0, 0.0)))
    found = _special(text)
    assert [t for t, _ in found] == ["U heeft daarnaast hartfalen, waardoor u snel vermoeid bent"]
    assert "zinsdeelbeslisser" in found[0][1] and "'vermoeid'" in found[0][1]
    assert _special("Hij is snel vermoeid na de verbouwing.\n") == []


def test_a_statement_without_a_listed_term(restore: None) -> None:
    text = "Geachte heer,\n\nMijn buurman leent elke maand geld van zijn broer bij Stichting Samen Delen in Emmen.\n"
    clausemodel.use(None)
    assert _special(text) == []
    clausemodel.use(_model(st__leent=(0.0, 0.0, 4.0, 0.0, 0.0)))
    found = Detector().detect(text)
    special = [f for f in found if f.category == "special_category"]
    assert special and all("financieel" in f.reason for f in special)
    assert any("leent elke maand geld" in f.text for f in special)
    assert special[0].ground == "5.1.2e"  # a financial situation: privacy, not art. 9 AVG
    # proper names in the clause are no part of it: their own findings (or none) decide them
    for name in ("Stichting Samen Delen", "Emmen"):
        start = text.index(name)
        assert not any(f.start < start + len(name) and start < f.end for f in special)


def test_shipped_model_reads_a_whole_statement() -> None:
    text = ("Geachte heer,\n\nIk woon naast het bedrijf. Ik ben sinds de zomer overspannen en mijn huisarts "
            "heeft me slaappillen voorgeschreven, maar die helpen niet tegen dit lawaai.\n")
    assert [t for t, _ in _special(text)] == [
        "Ik ben sinds de zomer overspannen en mijn huisarts heeft me slaappillen voorgeschreven, maar die "
        "helpen niet tegen dit lawaai"]


def test_policy_text_stays_public() -> None:
    text = ("De gemeente heeft een nieuw beleid voor de schuldhulpverlening vastgesteld. Het ziekenhuis krijgt "
            "een nieuwe vleugel. Deze beperking op de informatieverplichting is in de Wob opgenomen.\n")
    assert _special(text) == []


def test_word_classes_name_what_a_clause_is_about() -> None:
    feats = clausemodel.class_features("Wij leven van alleen AOW")
    assert "cls:geld" in feats and "cls:wie" in feats and "cls:geld&wie" in feats
    # policy text: the same money word, nobody's money
    assert "cls:geld&wie" not in clausemodel.class_features("De AOW-leeftijd stijgt in 2028")
    # a listed compound tail after three letters; a whole-word entry only as that word
    assert "geld" in clausemodel.word_classes("spaarrekening")
    assert "lichaam" in clausemodel.word_classes("rug") and "lichaam" not in clausemodel.word_classes("terug")
    # names give no class (a capitalised word that is no ordinary word)
    assert clausemodel.class_features("Heup Kliniekweg") == []
    assert "cls:" + "lichaam" in clausemodel.features("aan mijn heup geopereerd", frozenset(), True, False)


def test_neighbouring_clauses_lend_their_subject() -> None:
    clauses = [(0, 10, 1, ["cls:klacht", "cls:klacht&wie", "st:jeuk", "term:gezondheid"]),
               (12, 20, 1, ["st:wond"]), (22, 30, 2, ["st:weer"])]
    out = clausemodel.with_context(clauses)
    assert out[1][3] == ["nb:cls:klacht", "nb:term:gezondheid", "st:wond"]  # pairs and stems stay home
    assert out[2][3] == ["st:weer"]  # another sentence
    assert out[0][3] == clauses[0][3]  # a clause before a statement introduces it: no evidence from it


def test_shipped_model_reads_a_statement_in_ordinary_words() -> None:
    text = ("Geachte heer,\n\nWij wonen al veertig jaar aan de dijk. Mijn vrouw is in mei aan haar schouder "
            "geopereerd en kan het huishouden niet meer doen.\n")
    found = _special(text)
    assert found and "geopereerd" in found[0][0] and "zinsdeelbeslisser" in found[0][1]


def test_a_sure_clause_without_a_person_word_is_proposed(restore: None) -> None:
    # a log line whose subject is left out: no person word in the sentence, only the model's reading
    text = "Melding 20.41 u: vermist sinds vanmiddag. Heeft dementie en gebruikt sinds maart bloedverdunners.\n"
    sure = _model(st__dementie=(0.0, 9.0, 0.0, 0.0, 0.0))
    clausemodel.use(sure)
    assert [t for t, _ in _special(text)] == ["Heeft dementie en gebruikt sinds maart bloedverdunners"]
    unsure = _model(st__dementie=(0.0, 2.4, 0.0, 0.0, 0.0))  # taken (>= 0.7) but under ALONE
    clausemodel.use(unsure)
    assert _special(text) == []


def _predict_plain(m: clausemodel.Model, feats: list[str]) -> tuple[str, float]:
    """The clause model's prediction written out plainly (the reference of the fast form)."""
    import math

    ws = [w for w in map(m.weights.get, feats) if w is not None]
    scores = [b + sum(w[i] for w in ws) for i, b in enumerate(m.bias)]
    top = max(scores)
    exp = [math.exp(s - top) for s in scores]
    k = max(range(1, len(clausemodel.KINDS)), key=lambda i: exp[i])
    return clausemodel.KINDS[k], exp[k] / sum(exp)


def test_prediction_is_the_plain_sum_to_the_last_bit() -> None:
    import random

    m = clausemodel.model()
    assert m is not None
    rnd = random.Random(3)
    known = sorted(m.weights)
    cases = [[], ["onbekend"], known[:1]] + [sorted(rnd.sample(known, rnd.randint(1, 40)) + ["x:onbekend"])
                                             for _ in range(500)]
    # ties between kinds: the first kind wins in both
    tied = clausemodel.Model({"a": (0.0, 1.0, 1.0, 0.5, 0.5)}, (-0.0, 0.0, 0.0, 0.0, 0.0), 0.5, 0.3)
    assert clausemodel.predict(tied, ["a"]) == _predict_plain(tied, ["a"])
    assert clausemodel.predict(tied, []) == _predict_plain(tied, [])
    for feats in cases:
        kind, p = clausemodel.predict(m, feats)
        ref_kind, ref_p = _predict_plain(m, feats)
        assert kind == ref_kind and repr(p) == repr(ref_p)


def test_clause_features_as_the_plain_set() -> None:
    texts = ["de huisarts heeft een zalf voorgeschreven", "Jansen betaalt € 1.200 aan de CAK, COPD-patiënt",
             "betaa1achterstand bij de Belastingdienst", ""]
    for text in texts:
        plain = sorted({f for m in clausemodel._WORD.finditer(text) for f in clausemodel._token_features(m.group())}
                       | {"ab:" + w for w in clausemodel._ABBREVIATION.findall(text)}
                       | set(clausemodel.class_features(text)))
        assert [f for f in clausemodel.features(text, frozenset(), False, False) if f != "amount"] == plain
