"""Which hand-written rules in wooflow/detect change no decision? (rule ablation)

A rule here is an ``if CONDITION: return ...`` or ``if CONDITION: continue`` in the rule modules
(the shape nearly every acceptance/rejection rule has). The script

1. copies ``wooflow/`` to a work folder and rewrites each such ``if`` (AST) so that its condition
   goes through a switch: ``if _abl.G("publicrole.py:240", CONDITION): return ...`` — the
   condition is still evaluated (side effects stay), the switch records that the rule fired and
   answers False when the rule is switched off;
2. detects every document of the evaluation sets alone and records which rules fire where;
3. for each rule that fired, runs the documents it fired in as one case with the rule on and off
   and compares every finding (span, action, category).

A rule that fires nowhere, or whose switching off changes no finding, is a candidate for
deletion. Because step 3 runs only the documents where the rule fired, a rule whose effect
travels through case-wide propagation can be missed: after deleting candidates, run the whole
sets again (``evaluation/detect/evaluate.py``, the Woo sets through ``wooflow detect`` and
``../shared/tools/score_redaction.py``) and compare all findings with the code before, and run
tests/detect. Guards that only protect against bad input (``if not x: return []``) are skipped.

    .venv/bin/python evaluation/detect/ablate_rules.py --work /tmp/ablate [--max-docs 60]

Prints one line per rule: fired-in document count and "no change" or the first changed finding.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared"

MODULES = [
    "publicrole.py", "shortnames.py", "consistency.py", "personcues.py", "recognizers/person.py", "tables.py",
    "recognizers/email.py", "recognizers/phone.py", "recognizers/address.py", "orgvalues.py", "orgwords.py",
    "merge.py", "chunkshape.py", "names.py", "personforms.py", "resolver.py", "detector.py",
    "recognizers/base.py", "recognizers/special_category.py", "recognizers/formfield.py",
    "recognizers/signature.py",
]
SETS = {
    "woo-real-dev": SHARED / "data" / "woo-real-dev" / "docs",
    "heldout8": ROOT / "evaluation" / "heldout8" / "docs",
    "heldout9": ROOT / "evaluation" / "heldout9" / "docs",
    "heldout10": ROOT / "evaluation" / "heldout10" / "docs",
    "heldout11": ROOT / "evaluation" / "heldout11" / "docs",
    **{p.name: p / "docs" for p in sorted(ROOT.glob("evaluation/heldout1[2-9]"))},  # every later set too
    "corpus": HERE / "corpus",
}

SWITCH = '''"""Rule switches of evaluation/detect/ablate_rules.py (written into the work copy only)."""
OFF: set = set()
FIRED: set = set()


def G(key, value):
    if value:
        FIRED.add(key)
        return key not in OFF
    return False
'''


class _Guard(ast.NodeTransformer):
    def __init__(self, module: str, keys: list[str]) -> None:
        self.module, self.keys = module, keys

    def visit_If(self, node: ast.If) -> ast.AST:  # noqa: N802 - ast API
        self.generic_visit(node)
        if len(node.body) != 1 or not isinstance(node.body[0], (ast.Return, ast.Continue)) or node.orelse:
            return node
        test = node.test
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) \
                and isinstance(test.operand, (ast.Name, ast.Attribute)):
            return node  # 'if not x: return []': a guard, no rule
        key = f"{self.module}:{node.lineno}"
        self.keys.append(key)
        call = ast.parse(f"__import__('wooflow.detect._ablate', fromlist=['G']).G({key!r}, None)", mode="eval").body
        assert isinstance(call, ast.Call)
        call.args[1] = test
        node.test = call
        return node


def make_copy(work: Path) -> list[str]:
    """Copy wooflow/ into ``work`` with every rule behind a switch; returns the rule keys."""
    dst = work / "wooflow"
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(ROOT / "wooflow", dst, ignore=shutil.ignore_patterns("__pycache__"))
    (dst / "detect" / "_ablate.py").write_text(SWITCH, encoding="utf-8")
    keys: list[str] = []
    for module in MODULES:
        path = dst / "detect" / module
        tree = _Guard(module, keys).visit(ast.parse(path.read_text(encoding="utf-8")))
        ast.fix_missing_locations(tree)
        path.write_text(ast.unparse(tree), encoding="utf-8")
    return keys


WORKER = r'''
import json, sys
from pathlib import Path
sys.meta_path[:] = [f for f in sys.meta_path if "editable" not in type(f).__module__.lower()]
sys.path.insert(0, sys.argv[1])
import wooflow
assert wooflow.__file__.startswith(sys.argv[1]), wooflow.__file__
from wooflow.detect import _ablate
from wooflow.detect.detector import Detector

sets = json.loads(sys.argv[2]); max_docs = int(sys.argv[3]); out = Path(sys.argv[4])
texts = {f"{n}/{p.name}": p.read_text(encoding="utf-8") for n, d in sets.items() for p in sorted(Path(d).glob("*.txt"))}
det = Detector()


def clear():
    for name, mod in list(sys.modules.items()):
        if name.startswith("wooflow.detect"):
            for v in list(vars(mod).values()):
                if hasattr(v, "cache_clear"):
                    v.cache_clear()


def run(keys):
    res = det.detect_case({k: texts[k] for k in keys})
    return sorted((k, f.start, f.end, f.action, f.category, f.text) for k, fs in res.items() for f in fs)


fired = {}
for k in texts:
    _ablate.FIRED.clear()
    det.detect_case({k: texts[k]})
    for key in _ablate.FIRED:
        fired.setdefault(key, []).append(k)
with out.open("w", encoding="utf-8") as fh:
    for key in sorted(fired, key=lambda k: len(fired[k])):
        docs = fired[key]
        if len(docs) > max_docs:
            fh.write(json.dumps({"key": key, "docs": len(docs), "skipped": True}) + "\n"); continue
        _ablate.OFF.clear(); clear(); base = run(docs)
        _ablate.OFF.add(key); clear()
        try:
            changed = sorted(set(run(docs)) ^ set(base))
        except Exception as exc:  # a rule that guards against a crash
            changed = [("crash", repr(exc)[:80])]
        fh.write(json.dumps({"key": key, "docs": len(docs), "changed": [list(c) for c in changed[:3]],
                             "n_changed": len(changed)}, ensure_ascii=False) + "\n")
        fh.flush()
print(json.dumps(sorted(fired)))
'''


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--work", type=Path, required=True, help="work folder for the switched copy and results")
    ap.add_argument("--max-docs", type=int, default=60, help="skip rules that fire in more documents")
    args = ap.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    keys = make_copy(args.work)
    sets = {n: str(d) for n, d in SETS.items() if d.is_dir()}
    results = args.work / "results.jsonl"
    done = subprocess.run([sys.executable, "-c", WORKER, str(args.work), json.dumps(sets), str(args.max_docs),
                           str(results)], capture_output=True, text=True, check=True)
    fired = set(json.loads(done.stdout.strip().splitlines()[-1]))
    never = [k for k in keys if k not in fired]
    print(f"{len(keys)} rules; {len(fired)} fire on {', '.join(sets)}; {len(never)} fire nowhere")
    for k in never:
        print(f"  {k:40s} fires nowhere")
    for line in results.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row.get("skipped"):
            print(f"  {row['key']:40s} fires in {row['docs']} documents (not switched off: --max-docs)")
        elif row["n_changed"] == 0:
            print(f"  {row['key']:40s} fires in {row['docs']} documents; no change when switched off")
        else:
            print(f"  {row['key']:40s} fires in {row['docs']} documents; {row['n_changed']} findings change,"
                  f" e.g. {row['changed'][0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
