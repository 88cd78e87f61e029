from __future__ import annotations

from datetime import date

import pytest
from lxml import etree

from wooflow.case.publish import diwoo
from wooflow.case.publish.lists import WOO_CATEGORY, resolve_organisation
from wooflow.exceptions import ConfigError, ValidationError

NS = {"d": diwoo.NS}


def _record(**kw):
    base = dict(identifier="WOO-1/0001", title="0001 - nota", doc_type="nota",
                creatiedatum=date(2024, 2, 7), handeling_time=date(2024, 2, 7),
                aggregatiekenmerk="WOO-1",
                is_part_of=diwoo.Reference("WOO-1/besluit", "Besluit"),
                relations=[(diwoo.RELATIE_BIJLAGE, diwoo.Reference("WOO-1/0002", "bijlage"))])
    base.update(kw)
    return diwoo.DiWooRecord(**base)


def test_generated_document_validates_and_has_required_fields():
    xml = diwoo.to_xml(_record())
    root = etree.fromstring(xml)
    assert root.tag == f"{{{diwoo.NS}}}Document"
    diwoo.validate(xml)  # raises if invalid
    assert root.findtext("d:DiWoo/d:titelcollectie/d:officieleTitel", namespaces=NS) == "0001 - nota"
    cat = root.find("d:DiWoo/d:classificatiecollectie/d:informatiecategorieen/d:informatiecategorie", NS)
    assert cat.get("resource") == WOO_CATEGORY and cat.text == "Woo-verzoeken en -besluiten"
    h = root.find("d:DiWoo/d:documenthandelingen/d:documenthandeling", NS)
    assert h.findtext("d:soortHandeling", namespaces=NS) == "vaststelling"
    assert h.findtext("d:atTime", namespaces=NS) == "2024-02-07T00:00:00"
    assert h.find("d:wasAssociatedWith", NS).get("resource").endswith("mnre1025")
    assert root.find("d:DiWoo/d:publisher", NS).get("resource").endswith("mnre1025")


def test_decision_with_parts_and_other_organisation_validates():
    rec = diwoo.DiWooRecord(
        identifier="WOO-1/besluit", title="Besluit", organisation="gemeente Utrecht",
        documentsoort=diwoo.SOORT_WOO_BESLUIT,
        has_parts=[diwoo.Reference("WOO-1/0001", "0001 - nota"), diwoo.Reference("WOO-1/0002", "b")],
    )
    root = etree.fromstring(diwoo.to_xml(rec))
    assert len(root.findall("d:DiWoo/d:hasParts/d:hasPart", NS)) == 2
    assert root.findtext("d:DiWoo/d:publisher", namespaces=NS) == "gemeente Utrecht"


def test_invalid_documents_are_rejected():
    good = diwoo.to_xml(_record())
    bad_value = good.replace(b"c_641ecd76", b"c_00000000")
    with pytest.raises(ValidationError, match="soortHandeling"):
        diwoo.validate(bad_value)
    root = etree.fromstring(good)
    dw = root.find("d:DiWoo", NS)
    dw.remove(dw.find("d:publisher", NS))  # a required element
    with pytest.raises(ValidationError):
        diwoo.validate(etree.tostring(root))
    with pytest.raises(ValidationError):
        diwoo.validate(b"<not-xml")


def test_organisation_lookup_by_code_name_and_unknown():
    assert resolve_organisation("mnre1109")[1] == "ministerie van Onderwijs, Cultuur en Wetenschap"
    assert resolve_organisation("MINISTERIE VAN FINANCIEN")[0].endswith("mnre1090")
    with pytest.raises(ConfigError):
        resolve_organisation("ministerie van Toverkunst")


def test_email_has_no_documentsoort_but_still_validates():
    root = etree.fromstring(diwoo.to_xml(_record(doc_type="email")))
    assert root.find("d:DiWoo/d:classificatiecollectie/d:documentsoorten", NS) is None


def test_packaged_schema_matches_shared_copy():
    from pathlib import Path

    shared = Path(__file__).resolve().parents[4] / "shared" / "standards"
    if not shared.is_dir():
        pytest.skip("../shared not present")
    for name in ("diwoo-metadata.xsd", "diwoo-metadata-lijsten.xsd", "mdto-stub.xsd"):
        assert (diwoo.SCHEMA_DIR / name).read_bytes() == (shared / name).read_bytes()
