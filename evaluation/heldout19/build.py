#!/usr/bin/env python3
"""Builds docs/ of the blind19 batch from src/ (imports evaluation/gold_build.py;
markup ⟦TAG|text⟧)."""
import pathlib, sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import gold_build  # noqa: E402

if __name__ == '__main__':
    gold_build.main(HERE)
