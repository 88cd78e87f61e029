"""Suite-wide settings.

Property tests (Hypothesis) run derandomized by default so that CI is repeatable: the same
examples every run. Explore new random examples locally with
``pytest --hypothesis-profile=explore``; a failure found that way becomes a regression test.
"""

from __future__ import annotations

from hypothesis import settings

settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile("repeatable")
