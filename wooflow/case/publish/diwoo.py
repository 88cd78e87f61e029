"""DiWoo 0.9.8 metadata: one XML file per published document and one for the decision.

Every file is validated against the packaged XSD before it is written; a file that does not
validate raises ValidationError, because a portal (PLOOI/open.overheid.nl) would reject it and a
silently broken publication is worse than a stopped one.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from lxml import etree

from wooflow.case.publish.lists import SCHEMA_DIR, WOO_CATEGORY, label, resolve_organisation
from wooflow.exceptions import ValidationError

NS = "https://standaarden.overheid.nl/diwoo/metadata/"
_N = "{%s}" % NS
MDTO_URL = "https://www.nationaalarchief.nl/mdto"
KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"

HANDELING_VASTSTELLING = KERN + "c_641ecd76"
HANDELING_ONTVANGST = KERN + "c_dfcee535"
RELATIE_BIJLAGE = KERN + "c_05f4a5f3"  # heeft bijlage
RELATIE_REACTIE = KERN + "c_07748060"  # is reactie op
RELATIE_VERWIJST = KERN + "c_75fac459"  # verwijst naar
FORMAT_PDF = "http://publications.europa.eu/resource/authority/file-type/PDF"
LANGUAGE_NLD = "http://publications.europa.eu/resource/authority/language/NLD"
SOORT_WOO_BESLUIT = KERN + "c_4f50ca9c"  # beslissing op Wob-/Woo-verzoek

# wooflow document type (CONTRACT `info.type`) -> TOOI documentsoort. E-mail and presentation
# have no documentsoort in the list; they get none rather than a wrong one.
DOCUMENTSOORT = {
    "nota": KERN + "c_2977c34f",  # beslisnota
    "kamerbrief": KERN + "c_49599e6c",
    "kamervragen": KERN + "c_6d494ab6",  # Kamervraag met antwoord
    "verslag": KERN + "c_42e406dd",  # vergaderverslag
    "agenda": KERN + "c_f90465b3",
    "besluitenlijst": KERN + "c_d4a4792f",
    "besluit": KERN + "c_465163c9",
    "beschikking": KERN + "c_93b0d113",
    "advies": KERN + "c_d506b718",
    "rapport": KERN + "c_3300f29a",
    "jaarplan": KERN + "c_a6f44748",
    "jaarverslag": KERN + "c_3d782f30",
    "convenant": KERN + "c_386e74cb",
    "brief": KERN + "c_7652d853",
}

# Extra informatiecategorie by type, next to "Woo-verzoeken en -besluiten".
EXTRA_CATEGORY = {
    "advies": KERN + "c_99a836c7",
    "convenant": KERN + "c_8fc2335c",
    "jaarplan": KERN + "c_c6cd1213",
    "jaarverslag": KERN + "c_c6cd1213",
    "beschikking": KERN + "c_46a81018",
    "kamerbrief": KERN + "c_c76862ab",
    "kamervragen": KERN + "c_c76862ab",
    "rapport": KERN + "c_fdaee95e",
}


@dataclass(slots=True)
class Reference:
    """A pointer to another document of the publication: its identifier and a label."""

    identifier: str
    label: str


@dataclass(slots=True)
class DiWooRecord:
    """What one metadata file says; built by ``process`` from the case, or by hand."""

    identifier: str
    title: str
    organisation: str | None = None  # TOOI URI, code or name; see lists.resolve_organisation
    handeling: str = HANDELING_VASTSTELLING
    handeling_time: datetime | date | None = None
    creatiedatum: date | None = None
    doc_type: str | None = None
    documentsoort: str | None = None  # overrides the mapping from doc_type
    extra_identifiers: list[str] = field(default_factory=list)
    omschrijving: str | None = None
    aggregatiekenmerk: str | None = None  # the case number
    is_part_of: Reference | None = None
    has_parts: list[Reference] = field(default_factory=list)
    relations: list[tuple[str, Reference]] = field(default_factory=list)  # (role URI, target)


class _OfflineResolver(etree.Resolver):
    """Map the MDTO import URL to the packaged stub: validation never touches the network."""

    def resolve(self, url: str | None, pubid: str | None, context: object) -> object:
        if url and url.startswith(MDTO_URL):
            return self.resolve_filename(str(SCHEMA_DIR / "mdto-stub.xsd"), context)
        return None


@functools.cache
def schema() -> etree.XMLSchema:
    """The DiWoo schema, built once per process (the lijsten file is large)."""
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_OfflineResolver())
    doc = etree.parse(str(SCHEMA_DIR / "diwoo-metadata.xsd"), parser)
    return etree.XMLSchema(doc)


def validate(xml: bytes | etree._Element, what: str = "DiWoo-metadata") -> None:
    """Raise ValidationError with the first schema errors when ``xml`` is not valid DiWoo."""
    try:
        parser = etree.XMLParser(no_network=True, resolve_entities=False)
        tree = etree.fromstring(xml, parser) if isinstance(xml, bytes) else xml
    except etree.XMLSyntaxError as exc:
        raise ValidationError(f"{what}: geen geldige XML ({exc})") from exc
    sch = schema()
    if not sch.validate(tree):
        errors = "; ".join(f"regel {e.line}: {e.message}" for e in list(sch.error_log)[:3])
        raise ValidationError(f"{what} voldoet niet aan DiWoo 0.9.8: {errors}")


def _sub(parent: etree._Element, tag: str, text: str | None = None, resource: str | None = None) -> etree._Element:
    el = etree.SubElement(parent, _N + tag)
    if resource is not None:
        el.set("resource", resource)
    if text is not None:
        el.text = text
    return el


def _datetime(value: datetime | date | None) -> str:
    if value is None:
        value = datetime.now().replace(microsecond=0)
    if not isinstance(value, datetime):
        value = datetime.combine(value, time(0, 0))
    return value.replace(microsecond=0).isoformat()


def build(rec: DiWooRecord) -> etree._Element:
    """The ``Document`` element for ``rec``, children in the XSD's declaration order."""
    org_uri, org_label = resolve_organisation(rec.organisation)
    root = etree.Element(_N + "Document", nsmap={"diwoo": NS})
    dw = _sub(root, "DiWoo")
    ids = _sub(dw, "identifiers")
    for ident in [rec.identifier, *rec.extra_identifiers]:
        _sub(ids, "identifier", ident)
    _sub(dw, "publisher", org_label, org_uri)
    _sub(dw, "opsteller", org_label, org_uri)
    titles = _sub(dw, "titelcollectie")
    _sub(titles, "officieleTitel", rec.title)
    if rec.omschrijving:
        _sub(_sub(dw, "omschrijvingen"), "omschrijving", rec.omschrijving)
    cls = _sub(dw, "classificatiecollectie")
    cats = _sub(cls, "informatiecategorieen")
    categories = [WOO_CATEGORY]
    extra = EXTRA_CATEGORY.get(rec.doc_type or "")
    if extra:
        categories.append(extra)
    for cat in categories:
        _sub(cats, "informatiecategorie", label("informatiecategorielijst", cat), cat)
    soort = rec.documentsoort or DOCUMENTSOORT.get(rec.doc_type or "")
    if soort:
        _sub(_sub(cls, "documentsoorten"), "documentsoort", label("documentsoortlijst", soort), soort)
    if rec.creatiedatum:
        _sub(dw, "creatiedatum", rec.creatiedatum.isoformat())
    _sub(dw, "language", "Nederlands", LANGUAGE_NLD)
    _sub(dw, "format", "PDF", FORMAT_PDF)
    if rec.aggregatiekenmerk:
        _sub(dw, "aggregatiekenmerk", rec.aggregatiekenmerk)
    if rec.is_part_of:
        _sub(dw, "isPartOf", rec.is_part_of.label, rec.is_part_of.identifier)
    if rec.has_parts:
        parts = _sub(dw, "hasParts")
        for ref in rec.has_parts:
            _sub(parts, "hasPart", ref.label, ref.identifier)
    hands = _sub(dw, "documenthandelingen")
    hand = _sub(hands, "documenthandeling")
    _sub(hand, "soortHandeling", label("soorthandelinglijst", rec.handeling), rec.handeling)
    _sub(hand, "atTime", _datetime(rec.handeling_time))
    _sub(hand, "wasAssociatedWith", org_label, org_uri)
    if rec.relations:
        rels = _sub(dw, "documentrelaties")
        for role, ref in rec.relations:
            rel = _sub(rels, "documentrelatie")
            _sub(rel, "role", label("documentrelatielijst", role), role)
            _sub(rel, "relation", ref.label, ref.identifier)
    return root


def to_xml(rec: DiWooRecord) -> bytes:
    """Serialised, validated metadata for ``rec``; raises ValidationError when invalid."""
    root = build(rec)
    validate(root, f"DiWoo-metadata van {rec.identifier}")
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))


def validate_file(path: Path) -> None:
    """Validate an XML file on disk (used by tests and by ``process`` after writing)."""
    validate(Path(path).read_bytes(), str(path))
