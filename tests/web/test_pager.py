"""The one pager macro every paged list uses: filters kept and URL-encoded, no pager for one page."""

from __future__ import annotations

from pathlib import Path

from jinja2 import Environment, FileSystemLoader

import wooflow.web

TEMPLATES = Path(wooflow.web.__file__).parent / "templates"


def _render(call: str) -> str:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True)
    return env.from_string('{% from "_pager.html" import pager %}' + call).render()


def test_links_keep_the_filters_encoded() -> None:
    html = _render('{{ pager(2, 3, [("naam", "Jan & Co"), ("beslissing", "redact")]) }}')
    assert 'href="?naam=Jan+%26+Co&amp;beslissing=redact&amp;pagina=1"' in html
    assert 'href="?naam=Jan+%26+Co&amp;beslissing=redact&amp;pagina=3"' in html
    assert "pagina 2 van 3" in html


def test_no_pager_for_one_page_and_labels_per_list() -> None:
    assert "Paginering" not in _render("{{ pager(1, 1, []) }}")
    html = _render('{{ pager(2, 2, [], "← nieuwer", "ouder →") }}')
    assert 'href="?pagina=1">← nieuwer</a>' in html and "ouder" not in html
