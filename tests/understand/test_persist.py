from __future__ import annotations

from pathlib import Path

from understand_helpers import RESOURCES

from wooflow.ingest import read_path
from wooflow.store import CaseStore
from wooflow.understand import analyze
from wooflow.understand.persist import analyze_case, load_info


def test_analysis_stored_in_case_and_incremental(tmp_path: Path) -> None:
    with CaseStore(tmp_path / "zaak") as store:
        a = store.add_document(read_path(RESOURCES / "besluit-wob-2019.txt"))
        b = store.add_document(read_path(RESOURCES / "mail.eml"))
        assert load_info(store, a) is None
        assert analyze_case(store) >= 2
        assert analyze_case(store) == 0  # nothing left to do
        info = load_info(store, a)
        assert info is not None
        assert info.type == "besluit" and info.redaction_codes == {"10.2e": 4, "11.1": 2}
        assert info.to_json() == analyze(store.get_document(a)).to_json()
        assert load_info(store, b).type == "email"
