"""Detection configuration: the packaged default TOML, merged with a user's file."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from wooflow.detect import startpack
from wooflow.exceptions import ConfigError

DEFAULT_PATH = Path(__file__).resolve().parent / "data" / "default_config.toml"


def _merge(base: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in over.items():
        if isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        else:
            out[key] = value
    return out


@dataclass(slots=True)
class DetectConfig:
    """Typed view of the config; ``raw`` keeps the merged TOML for reporting."""

    min_score: float = 0.5
    use_model: bool = True
    recognizers: list[str] = field(default_factory=list)
    default_threshold: float = 0.85
    thresholds: dict[str, float] = field(default_factory=dict)
    keep_names: list[str] = field(default_factory=list)
    redact_names: list[str] = field(default_factory=list)
    # Case context: the text of the Woo request (an address it is about stays public) and the
    # requester's name (redacted everywhere, in all its forms).
    request: str = ""
    requester: str = ""
    raw: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_dict(cls, raw: dict[str, Any]) -> DetectConfig:
        try:
            det, pol, lists = raw.get("detect", {}), raw.get("policy", {}), raw.get("lists", {})
            case = raw.get("case", {})
            return cls(
                min_score=float(det.get("min_score", 0.5)),
                use_model=bool(det.get("use_model", True)),
                recognizers=[str(r) for r in det.get("recognizers", [])],
                default_threshold=float(pol.get("default_threshold", 0.85)),
                thresholds={str(k): float(v) for k, v in pol.get("thresholds", {}).items()},
                keep_names=[str(n) for n in lists.get("keep_names", [])],
                redact_names=[str(n) for n in lists.get("redact_names", [])],
                request=str(case.get("request", "")),
                requester=str(case.get("requester", "")),
                raw=raw,
            )
        except (TypeError, ValueError, AttributeError) as exc:
            raise ConfigError(f"ongeldige detectie-configuratie: {exc}") from exc


def load_config(path: str | Path | None = None, overrides: dict[str, Any] | None = None) -> DetectConfig:
    """The default config, with a user's TOML file and/or a dict merged over it."""
    raw = startpack.toml(DEFAULT_PATH.read_text(encoding="utf-8"))  # tomllib.loads, packed ahead
    if path is not None:
        import tomllib

        p = Path(path)
        try:
            user = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError as exc:
            raise ConfigError(f"{p}: configuratiebestand niet gevonden") from exc
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{p}: ongeldige TOML: {exc}") from exc
        raw = _merge(raw, user)
    if overrides:
        raw = _merge(raw, overrides)
    return DetectConfig.from_dict(raw)
