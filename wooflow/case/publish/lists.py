"""The DiWoo value lists (TOOI), read from the packaged lijsten XSD.

Reading the XSD itself instead of copying identifiers into code keeps one source of truth: a
newer lijsten file brings new organisations and categories without a code change.
"""

from __future__ import annotations

import functools
import unicodedata
from pathlib import Path

from lxml import etree

from wooflow.exceptions import ConfigError

SCHEMA_DIR = Path(__file__).parent / "schemas"
LISTS_XSD = SCHEMA_DIR / "diwoo-metadata-lijsten.xsd"
_XS = "{http://www.w3.org/2001/XMLSchema}"

ORGANISATION_LISTS = (
    "collijst",
    "gemeentelijst",
    "ministerielijst",
    "provincielijst",
    "oorglijst",
    "solijst",
    "waterschapslijst",
    "zbolijst",
)

# Informatiecategorie "Woo-verzoeken en -besluiten": every document of a Woo request and the
# decision itself carry it.
WOO_CATEGORY = "https://identifier.overheid.nl/tooi/def/thes/kern/c_3baef532"
DEFAULT_ORGANISATION = "https://identifier.overheid.nl/tooi/id/ministerie/mnre1025"  # VWS


@functools.cache
def value_list(name: str) -> dict[str, str]:
    """``{resource URI: label}`` of one simpleType in the lijsten XSD, in file order."""
    tree = etree.parse(str(LISTS_XSD), etree.XMLParser(no_network=True))
    node = tree.find(f"{_XS}simpleType[@name='{name}']")
    if node is None:
        raise ConfigError(f"waardelijst {name!r} ontbreekt in {LISTS_XSD.name}")
    out: dict[str, str] = {}
    for enum in node.iter(f"{_XS}enumeration"):
        # The first paragraph of the documentation is the label; later ones describe it.
        paras = [el for el in enum.iter() if isinstance(el.tag, str) and el.tag.endswith("}p")]
        text = "".join(paras[0].itertext()) if paras else "".join(enum.itertext())
        out[str(enum.get("value"))] = " ".join(text.split())
    return out


def label(list_name: str, uri: str) -> str:
    """The label of ``uri`` in ``list_name``; raises ConfigError for an unknown value."""
    values = value_list(list_name)
    if uri not in values:
        raise ConfigError(f"{uri} staat niet in de waardelijst {list_name}")
    return values[uri]


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


@functools.cache
def organisations() -> dict[str, str]:
    """Every TOOI organisation the schema accepts as publisher: ``{URI: label}``."""
    out: dict[str, str] = {}
    for name in ORGANISATION_LISTS:
        out.update(value_list(name))
    return out


def resolve_organisation(value: str | None) -> tuple[str, str]:
    """``(URI, label)`` for a configured organisation: a TOOI URI, its last path part
    (``mnre1025``) or its name (``ministerie van Volksgezondheid, Welzijn en Sport`` or
    ``gemeente Utrecht``), matched without case or accents."""
    orgs = organisations()
    if not value:
        return DEFAULT_ORGANISATION, orgs[DEFAULT_ORGANISATION]
    value = value.strip()
    if value in orgs:
        return value, orgs[value]
    for uri, name in orgs.items():
        if uri.rsplit("/", 1)[-1] == value:
            return uri, name
    wanted = _fold(value)
    matches = [(uri, name) for uri, name in orgs.items() if _fold(name) == wanted]
    if matches:
        return matches[0]
    raise ConfigError(
        f"organisatie {value!r} niet gevonden in de TOOI-lijsten; geef een TOOI-URI, "
        "een code zoals mnre1025 of de volledige naam"
    )
