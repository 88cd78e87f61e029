"""The packaged person-name CRF: loads from package data, finds names, keeps offsets."""

from __future__ import annotations

import re
from importlib import resources

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from wooflow.detect.namemodel import (
    NameModelError,
    PersonNameModel,
    _iter_sentences,
    sentences,
    tidy_persons,
    tokenize,
    vote_types,
)
from wooflow.detect.neuralnames import NN_MODEL_FILE, EnsembleParams, combine


@pytest.fixture(scope="module")
def model() -> PersonNameModel:
    return PersonNameModel.load()


def test_model_ships_as_package_data() -> None:
    folder = resources.files("wooflow.detect") / "data" / "model"
    assert (folder / "namemodel.crfsuite").is_file()
    assert (folder / "namemodel.json").is_file()


def test_load_is_cached_and_versioned(model: PersonNameModel) -> None:
    assert PersonNameModel.load() is model
    assert model.version != "unknown"
    assert model.meta["features_version"]


def _found(model: PersonNameModel, text: str) -> list[str]:
    return [text[a:b] for a, b, _ in model.spans(text)]


def test_finds_names_with_exact_offsets(model: PersonNameModel) -> None:
    text = "Gisteren sprak Sanne Kuipers met Jan de Vries."
    spans = model.spans(text)
    assert [text[a:b] for a, b, _ in spans] == ["Sanne Kuipers", "Jan de Vries"]
    assert all(0.0 < p <= 1.0 for _, _, p in spans)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Het verslag is opgesteld door Pieter-Jan Smits.", "Pieter-Jan Smits"),
        ("Beste Fatima,\nDank voor je bericht.", "Fatima"),
        ("Volgens Mohammed El Amrani is de zaak rond.", "Mohammed El Amrani"),
    ],
)
def test_finds_names_in_context(model: PersonNameModel, text: str, name: str) -> None:
    assert name in _found(model, text)


def test_offsets_survive_markdown_and_mail_noise(model: PersonNameModel) -> None:
    text = "Van: **Klaas Jansen** <k.jansen@example.nl>\n\nAan: Sanne Kuipers"
    found = _found(model, text)
    assert "Klaas Jansen" in found
    assert "Sanne Kuipers" in found
    assert not any("@" in f for f in found)


def test_no_names_in_name_free_text(model: PersonNameModel) -> None:
    text = (
        "De gemeente Utrecht heeft het bestemmingsplan goedgekeurd.\n"
        "Het ministerie van Volksgezondheid reageert volgende week op de vragen.\n"
        "de vergadering werd om tien uur gesloten."
    )
    assert model.spans(text) == []


def test_tag_tokens_labels_every_token(model: PersonNameModel) -> None:
    toks = ["Gisteren", "sprak", "Sanne", "Kuipers", "met", "Jan", "de", "Vries", "."]
    tags = model.tag_tokens(toks)
    assert len(tags) == len(toks)
    assert tags[2:4] == ["B-PER", "I-PER"]


def test_tokenizer_keeps_initials_and_offsets() -> None:
    text = "dhr. J.B. van 't Hof, j.hof@example.nl"
    toks = tokenize(text)
    assert [t for t, _, _ in toks][:5] == ["dhr.", "J.B.", "van", "'t", "Hof"]
    assert "j.hof@example.nl" in [t for t, _, _ in toks]
    assert all(text[a:b] == t for t, a, b in toks)


def test_sentence_splitting_bounds_length() -> None:
    text = "woord " * 1000
    sents = sentences(text)
    assert sum(len(s) for s in sents) == 1000
    assert max(len(s) for s in sents) <= 120


def test_licence_note_ships_with_the_lists() -> None:
    note = (resources.files("wooflow.detect") / "data" / "model" / "SOURCES.txt").read_text(
        encoding="utf-8"
    )
    assert "CoNLL-2002" in note and "deduce" in note and "Faker" in note


def test_vote_makes_types_consistent_within_a_document() -> None:
    words = [["Kuipers", "zei", "dat"], ["Volgens", "Kuipers", "niet"], ["Kuipers", "lachte"]]
    labels = [["B-PER", "O", "O"], ["O", "B-ORG", "O"], ["B-PER", "O"]]
    assert vote_types(words, labels)[1] == ["O", "B-PER", "O"]
    tie = vote_types([["Aa"], ["Aa"]], [["B-ORG"], ["B-PER"]])
    assert tie == [["B-ORG"], ["B-PER"]]


def test_threshold_only_adds_spans(model: PersonNameModel) -> None:
    text = "Het overleg met Kuipers en de heer Ahmadi van de gemeente verliep goed."
    plain = model.spans(text)
    more = model.spans(text, threshold=0.05)
    assert plain
    for a, b, _ in plain:
        assert any(c <= a and b <= d for c, d, _ in more)


def test_title_words_are_not_part_of_the_name() -> None:
    words = [["Minister", "Helder", "zei", "dhr.", "Jansen", "groet", "MR"]]
    labels = [["B-PER", "I-PER", "O", "B-PER", "I-PER", "O", "B-PER"]]
    assert tidy_persons(words, labels) == [["O", "B-PER", "O", "O", "B-PER", "O", "B-PER"]]


def test_model_keeps_role_outside_the_span(model: PersonNameModel) -> None:
    text = "Minister Helder antwoordde op de vragen van het lid Eerdmans."
    found = _found(model, text)
    assert not any(f.lower().startswith(("minister", "lid ")) for f in found)


def test_tidy_joins_names_split_at_tussenvoegsels_and_trims_function_words(
    model: PersonNameModel,
) -> None:
    words = [["Dries", "van", "den", "Abeele", "zei", "KNVB-woordvoerder", "Leede", "Het"]]
    labels = [["B-PER", "O", "O", "B-PER", "O", "B-PER", "I-PER", "I-PER"]]
    assert tidy_persons(words, labels, model.featurizer.gaz) == [
        ["B-PER", "I-PER", "I-PER", "I-PER", "O", "O", "B-PER", "O"]
    ]


def test_tidy_does_not_join_two_full_names_or_across_prepositions(
    model: PersonNameModel,
) -> None:
    words = [["Hugo", "Koeman", "van", "de", "Kindertelefoon"], ["Barak", "in", "Camp", "David"]]
    labels = [["B-PER", "I-PER", "O", "O", "B-PER"], ["B-PER", "O", "B-PER", "I-PER"]]
    assert tidy_persons(words, labels, model.featurizer.gaz) == labels


def test_names_do_not_run_across_table_cells(model: PersonNameModel) -> None:
    text = "Vergaderplaats\tWebex\nVoorzitter\tSanne Kuipers"
    assert all("\t" not in f for f in _found(model, text))


def test_odd_input_gives_no_error(model: PersonNameModel) -> None:
    for text in ["", " \n\t ", "\r\n\r\n", "A" * 10_000, "é" * 50 + " Jan", "\x00\x0c Piet"]:
        for a, b, p in model.spans(text):
            assert 0 <= a < b <= len(text) and 0.0 <= p <= 1.0


_PARTS = ["Jan", " de ", "Vries", "Sanne", ". ", "\n", "\t", "K.", "-", "'t", "@x.nl", " "]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PARTS)))
def test_spans_are_ordered_disjoint_and_inside_the_text(parts: list[str]) -> None:
    text = "".join(parts)
    spans = PersonNameModel.load().spans(text)
    for (a, b, _), (c, _, _) in zip(spans, spans[1:]):
        assert b <= c
    for a, b, _ in spans:
        assert 0 <= a < b <= len(text)
        assert text[a:b] == text[a:b].strip()


LABELS = ["B-LOC", "B-MISC", "B-ORG", "B-PER", "I-LOC", "I-MISC", "I-ORG", "I-PER", "O"]


def _net(rows: list[tuple[float, float]]) -> np.ndarray:
    """Network output with the given (P(B-PER), P(I-PER)) per token, the rest on O."""
    out = np.zeros((len(rows), len(LABELS)), np.float32)
    for k, (b, i) in enumerate(rows):
        out[k, LABELS.index("B-PER")] = b
        out[k, LABELS.index("I-PER")] = i
        out[k, LABELS.index("O")] = 1 - b - i
    return out


def test_combine_adds_drops_and_keeps_other_types() -> None:
    params = EnsembleParams(weight=0.5, keep=0.4, add=0.6)
    tags = ["B-PER", "O", "O", "B-ORG", "B-PER"]
    crf_b = [0.5, 0.5, 0.0, 0.0, 0.3]
    crf_i = [0.0, 0.0, 0.5, 0.0, 0.0]
    net = _net([(0.5, 0.0), (0.9, 0.0), (0.0, 0.9), (0.9, 0.0), (0.0, 0.0)])
    labels, probs = combine(tags, crf_b, crf_i, net, LABELS, params)
    # kept (0.5 >= keep), added as B (0.7), added as I after a person (0.7), ORG stays
    # (0.45 < add), CRF person dropped (0.15 < keep)
    assert labels == ["B-PER", "B-PER", "I-PER", "B-ORG", "O"]
    assert probs == pytest.approx([0.5, 0.7, 0.7, 0.45, 0.15], abs=1e-6)


def test_combine_network_weight_zero_is_network_alone() -> None:
    params = EnsembleParams(weight=0.0, keep=0.5, add=0.5)
    labels, _ = combine(["B-PER", "O"], [1.0, 0.0], [0.0, 0.0],
                        _net([(0.1, 0.0), (0.8, 0.0)]), LABELS, params)
    assert labels == ["O", "B-PER"]


def test_without_network_files_the_crf_works_alone(model: PersonNameModel, tmp_path) -> None:
    folder = resources.files("wooflow.detect") / "data" / "model"
    if (folder / NN_MODEL_FILE).is_file():
        assert model.neural is not None and model.ensemble is not None
    else:
        assert model.neural is None and model.ensemble is None
    with pytest.raises(NameModelError):
        model.use_neural(tmp_path)


def test_word_frequency_classes_ship_and_feed_the_model(model: PersonNameModel) -> None:
    gaz = model.featurizer.gaz
    assert gaz.zipf_nl["het"] == 6 and gaz.zipf_en["the"] == 6
    assert gaz.zipf_en.get("kazamatsuri", 0) == 0
    feats = model.featurizer.own("Racing")
    assert all(isinstance(f, bytes) for f in feats)  # crfsuite attribute names, pre-encoded (speed)
    en = [f.decode() for f in feats if f.startswith(b"enz=")]
    assert en and int(en[0][4:]) >= 3  # an ordinary English word, known to the model
    assert not any(f.startswith(b"nlz=") for f in model.featurizer.own("racing"))


def test_c_stemmer_gives_the_pure_python_stems() -> None:
    """The name model's stem features come from PyStemmer (speed); the model was trained with
    snowballstemmer's pure-Python Dutch stemmer: both must stem every word alike."""
    import gzip

    from snowballstemmer.dutch_porter_stemmer import DutchPorterStemmer
    from snowballstemmer.dutch_stemmer import DutchStemmer

    from wooflow.detect.namefeatures import _DATA, _STEMMER

    assert type(_STEMMER).__module__ == "Stemmer"  # the C build is installed and used
    words = gzip.decompress((_DATA / "surname.txt.gz").read_bytes()).decode("utf-8").split("\n")[:3000]
    words += ["ministeries", "gemeentelijke", "handtekeningen", "ambtenaren", "beëindiging", "vergaderingen"]
    words = [w.lower() for w in words if w]
    assert _STEMMER.stemWords(words) == [DutchStemmer().stemWord(w) for w in words]
    import snowballstemmer

    porter = snowballstemmer.stemmer("dutch_porter")  # wooflow/case/text.py
    assert porter.stemWords(words) == [DutchPorterStemmer().stemWord(w) for w in words]


def test_lazy_probabilities_equal_the_eager_ones(model: PersonNameModel) -> None:
    """A reading computes an untagged token's probability only when asked (speed): to the last
    bit what tagging every token at once gives, for every token, in any order of asking."""
    text = ("Geachte heer Jansen,\n\nOp 3 mei sprak Dries van den Abeele met de wethouder van Zwolle. "
            "Het overleg in Den Haag duurde lang. Jansen stuurt het verslag naar mevrouw De Vries.\n"
            "Met vriendelijke groet,\nK. Bakker\nGemeente Utrecht\n") * 2
    eager = [(t[1], t[2], p) for sent, _, probs, _ in model._labelled(text, True)
             for t, p in zip(sent, probs, strict=True)]
    reading = model.read(text)
    assert reading.pending is not None and any(p != p for p in reading.probs)  # some left for later
    asked = [tok for s, e, _ in reversed(eager) for tok in reading.inside(s, e)]
    assert [(s, e, repr(p)) for s, e, p, _ in reversed(asked)] == [(s, e, repr(p)) for s, e, p in eager]
    assert not any(p != p for p in reading.probs)


_SCAN_PARTS = [*_PARTS, "\r\n", "www.x.nl", "Th.", "dhr.", "...", "é", "12.3", "_", "?", " woord" * 70]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_SCAN_PARTS)))
def test_one_scan_splits_as_line_by_line(parts: list[str]) -> None:
    """The tokenizer scans the whole text once (speed); the sentences are those of tokenising
    line by line and cell by cell, cut at sentence ends and at 120 tokens."""
    text = "".join(parts)
    expected = []
    for line in re.finditer(r"[^\r\n\t]+", text):
        cur: list[tuple[str, int, int]] = []
        for tok, a, b in tokenize(line.group()):
            cur.append((tok, line.start() + a, line.start() + b))
            if tok in {".", "!", "?", "..."} or len(cur) >= 120:
                expected.append(cur)
                cur = []
        if cur:
            expected.append(cur)
    assert sentences(text) == expected
    with_capital = [s for s in expected if any(t[:1].isupper() for t, _, _ in s)]
    assert list(_iter_sentences(text, candidates=True)) == with_capital
