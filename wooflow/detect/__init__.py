"""Detection of personal data in document text, with public-role judgement and case-wide
consistency. Public API: ``Detector``, ``detect_text``, ``detect_case``, ``policy.decide``."""

from __future__ import annotations

from typing import Any

from wooflow.detect import startpack as _startpack

# The detect modules' regular expressions, compiled ahead (start-up time; exact: startpack.py).
_startpack.install()

__all__ = ["Detector", "detect_text", "detect_case", "propagate", "load_config", "decide"]


def __getattr__(name: str) -> Any:
    # Lazy: importing wooflow.detect must stay cheap for the CLI's start-up time.
    if name in ("Detector", "detect_text", "detect_case", "propagate"):
        from wooflow.detect import detector

        return getattr(detector, name)
    if name == "load_config":
        from wooflow.detect.config import load_config

        return load_config
    if name == "decide":
        from wooflow.detect.policy import decide

        return decide
    raise AttributeError(name)
