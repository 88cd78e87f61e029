#!/usr/bin/env python3
"""Builds docs/ of the blind20 batch from src/ (imports the gold_build.py beside it;
markup ⟦TAG|text⟧)."""
import pathlib, sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import gold_build  # noqa: E402

if __name__ == '__main__':
    gold_build.main(HERE)
