"""Settings of ``wooflow process``: a TOML file, every key optional.

```toml
[case]                       # used only when the case is created
number = "WOO-2024-0042"
request = "Alle correspondentie over ..."
received = 2024-01-05
requester_kind = "journalist"
organisation = "mnre1025"    # TOOI URI, code or name
period_from = 2023-11-18
period_to = 2023-11-27

[policy]
auto_accept = ["bsn", "iban", "email", "phone"]
min_score = 0.9
redact_proposed = true       # draft package: proposed findings are redacted too

[dedupe]
threshold = 0.9

[publish]
templates = "mijn-sjablonen" # folder overriding templates/besluit.md.j2 and grounds/*.md.j2
signer = "de minister van ..., namens deze, ..."
objection_to = "de minister van ..., Postbus ..."
contact = "team Woo"
verify_ocr = true            # the leak verifier also OCRs images in the redacted PDFs
workers = 0                  # processes for the per-document stages; 0 = one per CPU core
```
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from wooflow.exceptions import ConfigError

IDENTIFIERS = ("bsn", "iban", "email", "phone")


@dataclass(slots=True)
class ProcessConfig:
    case_number: str = ""
    request: str = "[Vul de tekst van het Woo-verzoek in met 'wooflow case'.]"
    received: date | None = None
    requester_kind: str = "burger"
    organisation: str = ""
    period_from: date | None = None
    period_to: date | None = None
    auto_accept: tuple[str, ...] = IDENTIFIERS
    min_score: float = 0.9
    redact_proposed: bool = True
    dedupe_threshold: float = 0.9
    templates: Path | None = None
    signer: str = "[naam en functie ondertekenaar]"
    objection_to: str = "[naam en adres van het bestuursorgaan]"
    contact: str = "[naam contactpersoon]"
    verify_ocr: bool = True
    workers: int = 0  # processes (or Dask workers) for the per-document stages; 0: one per CPU core
    executor: str = "local"  # "local" (processes on this machine) or "dask"
    scheduler: str = ""  # Dask scheduler address; "" or "local": a LocalCluster
    extra: dict[str, Any] = field(default_factory=dict)


def _date(section: dict[str, Any], key: str) -> date | None:
    value = section.get(key)
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise ConfigError(f"{key}: geen geldige datum ({value!r}); gebruik JJJJ-MM-DD") from None


def load_config(path: Path | None) -> ProcessConfig:
    """Read the TOML file (or the defaults when ``path`` is None); unknown sections are an error
    so a typo does not silently fall back to a default."""
    cfg = ProcessConfig()
    if path is None:
        return cfg
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: kan configuratie niet lezen ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: ongeldige TOML ({exc})") from None
    except ValueError:  # e.g. an integer of thousands of digits: Python refuses to convert it
        raise ConfigError(f"{path}: ongeldige TOML (een getal is te lang)") from None
    unknown = set(data) - {"case", "policy", "dedupe", "publish"}
    if unknown:
        raise ConfigError(f"{path}: onbekende sectie(s) {', '.join(sorted(unknown))}")
    case = data.get("case", {})
    policy = data.get("policy", {})
    pub = data.get("publish", {})
    try:
        cfg.case_number = str(case.get("number", cfg.case_number))
        cfg.request = str(case.get("request", cfg.request))
        cfg.received = _date(case, "received")
        cfg.requester_kind = str(case.get("requester_kind", cfg.requester_kind))
        cfg.organisation = str(case.get("organisation", cfg.organisation))
        cfg.period_from = _date(case, "period_from")
        cfg.period_to = _date(case, "period_to")
        cfg.auto_accept = tuple(str(c) for c in policy.get("auto_accept", cfg.auto_accept))
        cfg.min_score = float(policy.get("min_score", cfg.min_score))
        cfg.redact_proposed = bool(policy.get("redact_proposed", cfg.redact_proposed))
        cfg.dedupe_threshold = float(data.get("dedupe", {}).get("threshold", cfg.dedupe_threshold))
        if "templates" in pub:
            tpl = Path(str(pub["templates"]))
            cfg.templates = tpl if tpl.is_absolute() else path.parent / tpl
        cfg.signer = str(pub.get("signer", cfg.signer))
        cfg.objection_to = str(pub.get("objection_to", cfg.objection_to))
        cfg.contact = str(pub.get("contact", cfg.contact))
        cfg.verify_ocr = bool(pub.get("verify_ocr", cfg.verify_ocr))
        cfg.workers = int(pub.get("workers", cfg.workers))
        cfg.executor = str(pub.get("executor", cfg.executor))
        cfg.scheduler = str(pub.get("scheduler", cfg.scheduler))
    except ConfigError:
        raise
    except (TypeError, ValueError, OverflowError):
        raise ConfigError(
            f"{path}: ongeldige waarde in de configuratie (een getal, datum of tekst verwacht; zie docs/PUBLISH.md)"
        ) from None
    if not 0.0 <= cfg.min_score <= 1.0 or not 0.0 < cfg.dedupe_threshold <= 1.0:
        raise ConfigError(f"{path}: min_score en threshold liggen tussen 0 en 1")
    return cfg
