"""Policy config: packaged defaults, user override, auto vs propose."""

from __future__ import annotations

from pathlib import Path

import pytest

from wooflow.detect import Detector, decide, load_config
from wooflow.exceptions import ConfigError
from wooflow.model import Finding


def _f(category: str, score: float, action: str = "redact") -> Finding:
    return Finding(0, 3, "abc", category, action, "5.1.2e" if action == "redact" else None, score, "t", "r")


def test_defaults_propose_special_categories_and_auto_redact_confident_names() -> None:
    assert decide(_f("person", 0.93)) == "auto"
    assert decide(_f("person", 0.6)) == "propose"
    assert decide(_f("special_category", 0.99)) == "propose"
    assert decide(_f("person", 0.9, "keep")) == "auto"


def test_user_config_overrides_thresholds_and_lists(tmp_path: Path) -> None:
    cfg = tmp_path / "beleid.toml"
    cfg.write_text(
        '[policy.thresholds]\nperson = 0.99\n[lists]\nkeep_names = ["Jan Zegman"]\n'
        'redact_names = ["Projectnaam Zonnebloem"]\n',
        encoding="utf-8",
    )
    config = load_config(cfg)
    assert decide(_f("person", 0.93), config) == "propose"
    det = Detector(config)
    text = "Beste Jan Zegman, het Projectnaam Zonnebloem loopt."
    found = {f.text: f for f in det.detect(text)}
    assert found["Jan Zegman"].action == "keep"
    assert found["Projectnaam Zonnebloem"].action == "redact"


def test_bad_config_is_a_config_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("[policy\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        load_config(bad)
    with pytest.raises(ConfigError):
        load_config(tmp_path / "missing.toml")
    with pytest.raises(ConfigError):
        Detector({"detect": {"recognizers": ["person", "does-not-exist"]}})


def test_recognizers_can_be_switched_off() -> None:
    det = Detector({"detect": {"recognizers": ["email"]}})
    cats = {f.category for f in det.detect("Beste Jan Jansen, mail j.jansen@vws.nl of bel 06-12345678")}
    assert cats == {"email"}
