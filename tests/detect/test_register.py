"""The register of public office holders: packaged entries, imports, and keep-evidence."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from wooflow.cli import app
from wooflow.detect import Detector, register


@pytest.fixture()
def user_register(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "register.csv"
    monkeypatch.setenv("WOOFLOW_REGISTER", str(path))
    register.reload()
    yield path
    register.reload()


def _import_own(user_register: Path, row: str) -> None:
    """One own row (the import CSV shape) merged into the user's register."""
    own = user_register.parent / "own.csv"
    own.write_text("name,given_names,initials,tussenvoegsel,surname,office,organisation,party,start,end,source\n"
                   f"{row}\n", encoding="utf-8")
    register.merge_into_user_register(register.read_import(own))


def _actions(text: str) -> dict[str, tuple[str, str]]:
    return {f.text: (f.action, f.reason) for f in Detector().detect(text)}


def test_packaged_alderman_kept_where_the_document_names_the_municipality(user_register: Path) -> None:
    text = ("Verslag bestuurlijk overleg\n\nAanwezig: P.V. Guldemond (gemeente Zwolle), "
            "Jan Pieterse (beleidsadviseur)\n\nGuldemond opent de vergadering. Pieterse notuleert.\n")
    got = _actions(text)
    assert got["P.V. Guldemond"] == ("keep", "wethouder van Zwolle (register)")
    assert got["Guldemond"][0] == "keep"  # the short form follows the person
    assert got["Jan Pieterse"][0] == "redact"


def test_no_keep_without_the_organisation_in_the_document(user_register: Path) -> None:
    text = "Aanwezig: P.V. Guldemond, Jan Pieterse\n\nGuldemond opent de vergadering.\n"
    assert _actions(text)["P.V. Guldemond"][0] == "redact"


def test_a_namesake_writing_from_another_bodys_address_is_not_the_office_holder(user_register: Path) -> None:
    _import_own(user_register, "Joost Schellekens,Joost,J.,,Schellekens,fractievoorzitter,Gemeente Oosterhout,,,,eigen")

    def header(address: str) -> str:
        return (f"Aan: Rijken, Nadia <n.rijken@oosterhout.nl>\nCC: Schellekens, Joost <{address}>\n"
                "Onderwerp: nachtgeluid\n\nBeste Nadia,\n\nDe metingen volgen.\n")

    assert _actions(header("j.schellekens@oosterhout.nl"))["Schellekens, Joost"][0] == "keep"
    assert _actions(header("joost.schellekens@gmail.com"))["Schellekens, Joost"][0] == "keep"  # says nothing
    assert _actions(header("j.schellekens@omwb.nl"))["Schellekens, Joost"][0] == "redact"


def test_term_must_overlap_the_years_of_the_document(user_register: Path) -> None:
    _import_own(user_register, "K. Veltman,,K.,,Veltman,wethouder,Gemeente Oldebroek,,2010-04-01,2014-03-31,eigen")
    then = "Brief van 12 mei 2012 aan de gemeente Oldebroek, t.a.v. K. Veltman.\n"
    now = "Brief van 12 mei 2024 aan de gemeente Oldebroek, t.a.v. K. Veltman.\n"
    assert _actions(then)["K. Veltman"] == ("keep", "wethouder van Oldebroek (register)")
    assert _actions(now)["K. Veltman"][0] == "redact"


def test_import_roo_export_and_own_rows_through_the_cli(user_register: Path, tmp_path: Path) -> None:
    roo = tmp_path / "roo.csv"
    roo.write_text(
        '"Organisatie (onderdeel)";"Naam";"Functie";"Resource identifier v4.0 organisatie"\n'
        '"Gemeente Dalfsen";"Dhr. drs. H.J. ter Welle (Henk)";"Wethouder";"x"\n'
        '"Gemeente Dalfsen";"Juridische zaken";"Woo-contactpersoon";"x"\n', encoding="utf-8")
    res = CliRunner().invoke(app, ["register", "import", str(roo)])
    assert res.exit_code == 0, res.output
    assert "1 ambtsdragers gelezen" in res.output
    res = CliRunner().invoke(app, ["register", "find", "ter Welle"])
    assert "Henk ter Welle: wethouder, Gemeente Dalfsen" in res.output
    text = "Overleg met de gemeente Dalfsen. Wethouder-loos verslag: Henk ter Welle en Anouk Brands (notulist).\n"
    got = _actions(text)
    assert got["Henk ter Welle"] == ("keep", "wethouder van Dalfsen (register)")
    assert got["Anouk Brands"][0] == "redact"
    # importing again adds nothing
    res = CliRunner().invoke(app, ["register", "import", str(roo)])
    assert ", 0 nieuw" in res.output


def test_unknown_format_is_one_clear_error(user_register: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["register", "import", str(bad)])
    assert res.exit_code != 0
    assert not user_register.exists()


def test_parse_roo_name() -> None:
    assert register.parse_roo_name("Mw. mr. E.J.M. van den Berg-Smit MSc") == ("", "E.J.M.", "van den", "Berg-Smit")
    assert register.parse_roo_name("Dhr. H. Rietman (Henk)") == ("Henk", "H.", "", "Rietman")


def test_case_context_request_address_and_requester() -> None:
    det = Detector({"case": {"request": "Alle documenten over de vergunning voor Spuistraat 285 in 2019.",
                             "requester": "Ruud Boukema"}})
    text = ("Geachte heer Boukema,\n\nUw verzoek over Spuistraat 285 hebben wij ontvangen. De bewoner van "
            "Keizersgracht 12 heeft bezwaar gemaakt. Ook Ruud Boukema schreef ons.\n")
    got = {f.text: (f.action, f.reason) for f in det.detect(text)}
    assert got["Spuistraat 285"] == ("keep", "adres waarover het Woo-verzoek gaat (zaakgegevens)")
    assert got["Keizersgracht 12"][0] == "redact"
    assert got["Boukema"][0] == "redact" and got["Ruud Boukema"][0] == "redact"
