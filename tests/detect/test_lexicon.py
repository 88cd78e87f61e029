"""Ordinary-word checks that keep compounds and inflected words from becoming names."""

from __future__ import annotations

import pytest

from wooflow.detect import lexicon


@pytest.mark.parametrize("word", ["Koninkrijksrelaties", "Jeugdbescherming", "Door", "Landelijke", "Gelet",
                                  "Financieel-Economische", "Kinderopvangtoeslag", "Samenwerkingsverband"])
def test_ordinary_words_and_compounds(word: str) -> None:
    assert lexicon.is_wordlike(word)


@pytest.mark.parametrize("word", ["Snijders", "Eerenberg", "Rozendaal", "Kromosoeto", "Groenewoud", "Gebhardt",
                                  "Pieter", "Terpstra-de"])
def test_names_are_not_ordinary_words(word: str) -> None:
    assert not lexicon.is_wordlike(word)
