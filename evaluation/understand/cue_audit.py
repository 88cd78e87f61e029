"""Audit the type cues for over-fitting: which cues rest on one document only?

    .venv/bin/python evaluation/understand/cue_audit.py [-v]

Runs the classifier's cues over every labelled document we may look at: the evaluate.py set
(generated, hand-written rounds, real examples; needs ``generate.py`` to have run) and the DEV
part of the cross-corpus check (``../detect/corpus``, not the ``heldout*`` TEST files). Per cue:
on how many documents it fires, how many of those have the cue's type (support) or another type
(false fires), and for how many documents it is decisive (removing it changes a right type into
a wrong one).

Leave-one-out estimate: a cue whose only support is document d was, in effect, written for d.
Had d not been in the development sets, the cue would not exist; so d is re-classified without
the cues it alone supports. The share still right is a (rough) leave-one-out accuracy, and the
documents that flip name the cues that are fitted to one document.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from wooflow.ingest import read_path
from wooflow.model import Document
from wooflow.understand.classify import CUES, Cue, decide, fired_cues

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from eval_cross import CORPUS, GENRE_TO_TYPE, part_of  # noqa: E402


def labelled() -> list[tuple[str, str, Document]]:
    """(set, name, gold type, document) for every labelled document we may look at."""
    out: list[tuple[str, str, Document]] = []
    gold = json.loads((HERE / "gold.json").read_text("utf-8"))
    for name in sorted(gold):
        path = HERE / "docs" / name
        if path.exists():
            group = "hand" if name.startswith("hand-") else "eval"
            out.append((f"{group}:{name}", gold[name]["type"], read_path(path)))
    for gold_path in sorted(CORPUS.glob("*.json")):
        txt = gold_path.with_suffix(".txt")
        if part_of(gold_path.name) != "DEV" or not txt.exists():
            continue  # the held-out TEST part is never looked at here
        want = GENRE_TO_TYPE.get(json.loads(gold_path.read_text("utf-8")).get("genre") or "")
        if want:
            out.append((f"cross-dev:{txt.name}", want, read_path(txt)))
    return out


def key(cue: Cue) -> str:
    return f"{cue.type}: {cue.label}"


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    docs = labelled()
    fired: dict[str, list[Cue]] = {}
    gold: dict[str, str] = {}
    support: dict[str, set[str]] = defaultdict(set)
    false: dict[str, set[str]] = defaultdict(set)
    for name, want, doc in docs:
        cues = fired_cues(doc)
        fired[name], gold[name] = cues, want
        for c in cues:
            (support if c.type == want else false)[key(c)].add(name)
    decisive: dict[str, set[str]] = defaultdict(set)
    right = 0
    for name, cues in fired.items():
        if decide(cues).type != gold[name]:
            continue
        right += 1
        for c in cues:
            if decide([o for o in cues if o is not c]).type != gold[name]:
                decisive[key(c)].add(name)
    loo_right = 0
    flips: list[tuple[str, str, list[str]]] = []
    for name, cues in fired.items():
        alone = [c for c in cues if c.type == gold[name] and support[key(c)] == {name}]
        got = decide([c for c in cues if c not in alone]).type
        loo_right += got == gold[name]
        if got != gold[name] and decide(cues).type == gold[name]:
            flips.append((name, got, [c.label for c in alone]))
    n = len(docs)
    groups = sorted({name.split(":")[0] for name in fired})
    print(f"documenten: {n} ({', '.join(groups)}); type goed met alle cues: {right}/{n}")
    print(f"leave-one-out (cues die alleen op dit document steunen weggelaten): {loo_right}/{n}")
    for name, got, labels in flips:
        print(f"  valt om {name}: wordt {got}; steunt alleen op: {'; '.join(labels)}")
    single = [k for k in support if len(support[k]) == 1]
    print(f"cues met steun van één document: {len(single)}")
    for k in sorted(single):
        mark = " (beslissend)" if decisive[k] else ""
        print(f"  {k}{mark}: {next(iter(support[k]))}")
    dead = [key(c) for c in CUES if key(c) not in support and key(c) not in false]
    print(f"cues die op geen enkel gelabeld document vuren: {len(dead)}")
    for k in dead:
        print(f"  {k}")
    noisy = [
        k for k in set(support) | set(false) if len(false[k]) >= 3 and len(false[k]) > len(support[k])
    ]
    print(f"cues die vaker bij een ander type vuren dan bij het eigen type: {len(noisy)}")
    for k in sorted(noisy):
        print(f"  {k}: eigen type {len(support[k])}, ander type {len(false[k])}")
    if verbose:
        print("alle cues (steun / vals / beslissend):")
        for c in CUES:
            k = key(c)
            print(f"  {len(support[k]):3d} {len(false[k]):3d} {len(decisive[k]):3d}  {k}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
