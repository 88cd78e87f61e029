"""The policy decision: is a finding redacted automatically or only proposed for review?"""

from __future__ import annotations

from functools import lru_cache

from wooflow.detect.config import DetectConfig, load_config
from wooflow.model import Finding


@lru_cache(maxsize=1)
def _default() -> DetectConfig:
    return load_config()


def threshold(category: str, config: DetectConfig | None = None) -> float:
    cfg = config or _default()
    return cfg.thresholds.get(category, cfg.default_threshold)


def decide(finding: Finding, config: DetectConfig | None = None) -> str:
    """'auto' when the finding may be applied without review, else 'propose'.

    Keep findings with a confident score are automatic too (nothing to redact); a redact
    finding is automatic only at or above its category's threshold.
    """
    if finding.action == "keep":
        return "auto" if finding.score >= 0.5 else "propose"
    return "auto" if finding.score >= threshold(finding.category, config) else "propose"
