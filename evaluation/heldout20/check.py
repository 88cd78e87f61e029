#!/usr/bin/env python3
"""Verify every docs/*.gold.json of the blind20 batch (imports the gold_check.py beside it)
and print counts per kind and category. Usage: python3 check.py [-v]   (-v: counts per document too)"""
import pathlib, sys

HERE = pathlib.Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import gold_check  # noqa: E402

if __name__ == '__main__':
    sys.exit(gold_check.main(HERE / 'docs'))
