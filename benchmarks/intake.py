"""How well the minutes/plan reader finds the tasks a careful clerk would write down (issue 20).

    python -m benchmarks.intake                 # per document, then development and held-out totals
    python -m benchmarks.intake --show 07       # gold next to proposal for one development document
    python -m benchmarks.intake --json          # the same figures as one JSON object
    python -m benchmarks.intake --ids 64-77 --totals   # one batch's two totals, no per-document line
    python -m benchmarks.intake --split development    # the development loop: held-out documents not read

The corpus is ``benchmarks/intake_corpus/``: one UTF-8 excerpt per document (``NN.txt``) and
``corpus.json`` with each document's source address, shape, split and the tasks, units, leader,
deadline and targets a clerk would extract. Every document whose number is divisible by 3 is
held out (the rule was fixed before any document was annotated); ``--show`` refuses those so
that they stay out of the development loop.

Matching. Titles are compared without punctuation or blanks by the Dice coefficient of their
character bigrams; a proposed draft matches a gold task when the coefficient is at least
``MATCH_AT`` (0.4), pairs are taken greedily from the best score down, each task and draft at
most once. Task recall = matched / gold tasks, precision = matched / proposed drafts.
Fields are scored on the matched pairs: for the lead unit, the leader and the deadline,
recall = right / pairs whose gold has the field, precision = right / pairs whose draft has it
(a draft with a lead where the clerk wrote none counts against precision); cooperating and
territorial units are scored as sets (right = names in both). Unit names are compared by their
normalised key (``imports.names.unit_key``: 县环境保护局 = 环保局) or, failing that, their stem
(县财政 = 县财政局); every name for all townships (各镇, 各镇（街）, 各乡镇) is one. Deadlines are compared in one form: ISO date, ``workdays:N``, ``days:N``,
``monthly:D`` or ``ongoing``. Targets (metrics) are matched by name (Dice ≥ 0.5) and, when the
clerk wrote a value, by value. The reader runs without a ledger: names stay as written.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from datetime import date
from dataclasses import dataclass, field
from pathlib import Path

from wuyang_tasks.imports.minutes import DraftTask, MinutesProposal, propose
from wuyang_tasks.imports.names import is_all_townships, unit_key, unit_stem

CORPUS = Path(__file__).parent / "intake_corpus"
MATCH_AT = 0.4
METRIC_MATCH_AT = 0.5
FIELDS = ("lead", "cooperating", "territorial", "leader", "deadline")
_PUNCT = re.compile(r"[\s，,。；;：:、“”‘’\"'（）()《》〔〕【】！？!?…·—\-]")


def bigrams(text: str) -> set[str]:
    plain = _PUNCT.sub("", text)
    return {plain[i:i + 2] for i in range(len(plain) - 1)} or ({plain} if plain else set())


def dice(a: str, b: str) -> float:
    x, y = bigrams(a), bigrams(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def same_unit(a: str, b: str) -> bool:
    if is_all_townships(a) and is_all_townships(b):
        return True  # '各镇', '各镇（街）' and the reader's 各乡镇 are every township
    ka, kb = unit_key(a), unit_key(b)
    return ka == kb or unit_stem(ka) == unit_stem(kb)


def deadline_form(spec) -> str | None:
    if spec is None:
        return None
    if spec.ongoing:
        return "ongoing"
    if spec.recurrence_day:
        return f"monthly:{spec.recurrence_day}"
    if spec.day is not None:
        return spec.day.isoformat()
    if spec.days:
        return f"{'workdays' if spec.basis.name == 'WORKDAY' else 'days'}:{spec.days}"
    return None


def predicted(draft: DraftTask) -> dict:
    territorial = (["各乡镇"] if draft.all_townships else []) + [r.written for r in draft.territorial]
    return {"title": draft.title, "lead": draft.lead.written if draft.lead else None,
            "cooperating": [r.written for r in draft.cooperating], "territorial": territorial,
            "leader": getattr(draft, "leader", None), "deadline": deadline_form(draft.deadline)}


@dataclass
class Count:
    right: float = 0
    gold: float = 0
    proposed: float = 0

    def add(self, other: Count) -> None:
        self.right += other.right
        self.gold += other.gold
        self.proposed += other.proposed

    @property
    def recall(self) -> float | None:
        return self.right / self.gold if self.gold else None

    @property
    def precision(self) -> float | None:
        return self.right / self.proposed if self.proposed else None


@dataclass
class Score:
    tasks: Count = field(default_factory=Count)
    fields: dict[str, Count] = field(default_factory=lambda: {f: Count() for f in FIELDS})
    metrics: Count = field(default_factory=Count)
    pairs: list[tuple[dict, dict | None]] = field(default_factory=list)
    extra: list[dict] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.tasks.add(other.tasks)
        self.metrics.add(other.metrics)
        for name in FIELDS:
            self.fields[name].add(other.fields[name])


def match(gold: list[dict], drafts: list[dict], key=lambda t: t["title"], at=MATCH_AT):
    scored = sorted(((dice(key(g), key(d)), i, j) for i, g in enumerate(gold) for j, d in enumerate(drafts)),
                    reverse=True)
    used_g: set[int] = set()
    used_d: set[int] = set()
    pairs: dict[int, int] = {}
    for score, i, j in scored:
        if score < at:
            break
        if i in used_g or j in used_d:
            continue
        used_g.add(i)
        used_d.add(j)
        pairs[i] = j
    return pairs


def _single(gold_value, pred_value, equal) -> Count:
    return Count(right=1 if gold_value and pred_value and equal(gold_value, pred_value) else 0,
                 gold=1 if gold_value else 0, proposed=1 if pred_value else 0)


def _sets(gold_names: list[str], pred_names: list[str]) -> Count:
    right = sum(1 for g in gold_names if any(same_unit(g, p) for p in pred_names))
    return Count(right=right, gold=len(gold_names), proposed=len(pred_names))


def score_document(doc: dict, proposal: MinutesProposal) -> Score:
    gold = doc["tasks"]
    drafts = [predicted(d) for d in proposal.drafts]
    pairs = match(gold, drafts)
    score = Score(tasks=Count(right=len(pairs), gold=len(gold), proposed=len(drafts)))
    for i, g in enumerate(gold):
        d = drafts[pairs[i]] if i in pairs else None
        score.pairs.append((g, d))
        if d is None:
            continue
        score.fields["lead"].add(_single(g["lead"], d["lead"], same_unit))
        score.fields["leader"].add(_single(g["leader"], d["leader"], str.__eq__))
        score.fields["deadline"].add(_single(g["deadline"], d["deadline"], str.__eq__))
        score.fields["cooperating"].add(_sets(g["cooperating"], d["cooperating"]))
        score.fields["territorial"].add(_sets(g["territorial"], d["territorial"]))
    score.extra = [d for j, d in enumerate(drafts) if j not in pairs.values()]
    metrics = [{"name": m.name, "value": m.target_value} for m in proposal.metrics]
    mpairs = match(doc["metrics"], metrics, key=lambda m: m["name"], at=METRIC_MATCH_AT)
    right = sum(1 for i, j in mpairs.items()
                if doc["metrics"][i]["value"] is None or doc["metrics"][i]["value"] == metrics[j]["value"])
    score.metrics = Count(right=right, gold=len(doc["metrics"]), proposed=len(metrics))
    return score


def load_corpus() -> list[dict]:
    return json.loads((CORPUS / "corpus.json").read_text(encoding="utf-8"))["documents"]


def run_document(doc: dict) -> Score:
    text = (CORPUS / doc["file"]).read_text(encoding="utf-8")
    issued = date.fromisoformat(doc["issued_on"]) if doc.get("issued_on") else None  # the clerk's --date
    return score_document(doc, propose(text, issued_on=issued))


def _f(value: float | None) -> str:
    return "  -  " if value is None else f"{value:5.2f}"


def _summary(score: Score) -> dict:
    out = {"tasks": {"recall": score.tasks.recall, "precision": score.tasks.precision,
                     "gold": score.tasks.gold, "proposed": score.tasks.proposed, "matched": score.tasks.right}}
    for name, count in score.fields.items():
        out[name] = {"recall": count.recall, "precision": count.precision}
    out["targets"] = {"recall": score.metrics.recall, "precision": score.metrics.precision}
    return out


def _print_total(label: str, score: Score) -> None:
    print(f"\n{label}: {int(score.tasks.gold)} tasks, {int(score.tasks.proposed)} drafts, "
          f"{int(score.tasks.right)} matched")
    print(f"  {'':12} recall  precision")
    print(f"  {'tasks':12} {_f(score.tasks.recall)}   {_f(score.tasks.precision)}")
    for name, count in score.fields.items():
        print(f"  {name:12} {_f(count.recall)}   {_f(count.precision)}")
    print(f"  {'targets':12} {_f(score.metrics.recall)}   {_f(score.metrics.precision)}")


def show(doc: dict, score: Score) -> None:
    for g, d in score.pairs:
        print("GOLD ", json.dumps(g, ensure_ascii=False))
        print("DRAFT", json.dumps(d, ensure_ascii=False) if d else "—")
    for d in score.extra:
        print("EXTRA", json.dumps(d, ensure_ascii=False))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.intake", description=__doc__.split("\n\n")[0])
    parser.add_argument("--show", metavar="ID", help="gold and proposal of one development document")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--ids", metavar="FIRST-LAST", help="only the documents numbered FIRST to LAST (a new batch)")
    parser.add_argument("--totals", action="store_true",
                        help="only the development and held-out totals (so a held-out document's line is not seen)")
    parser.add_argument("--split", choices=("development",),
                        help="read only this split's documents (the development loop never prints held-out figures)")
    args = parser.parse_args(argv)
    docs = load_corpus()
    if args.split:
        docs = [d for d in docs if not d["held_out"]]
    if args.ids:
        first, _, last = args.ids.partition("-")
        docs = [d for d in docs if int(first) <= int(d["id"]) <= int(last or first)]
    if args.show:
        doc = next((d for d in docs if d["id"] == args.show), None)
        if doc is None:
            print(f"没有编号为 {args.show} 的文件", file=sys.stderr)
            return 2
        if doc["held_out"]:
            print(f"{args.show} 属于留出集，只用于测量，不显示", file=sys.stderr)
            return 2
        show(doc, run_document(doc))
        return 0
    totals = {"development": Score()} if args.split else {"development": Score(), "held_out": Score()}
    rows = []
    for doc in docs:
        score = run_document(doc)
        split = "held_out" if doc["held_out"] else "development"
        totals[split].add(score)
        rows.append({"id": doc["id"], "shape": doc["shape"], "split": split, **_summary(score)})
    if args.json:
        print(json.dumps({"documents": rows, **{k: _summary(v) for k, v in totals.items()}},
                         ensure_ascii=False, indent=1))
        return 0
    if not args.totals:
        print(f"{'id':3} {'shape':20} {'split':11} gold drafts matched  recall precision  lead  coop  deadline")
    for row in [] if args.totals else rows:
        t = row["tasks"]
        print(f"{row['id']:3} {row['shape']:20} {row['split']:11} {int(t['gold']):4} {int(t['proposed']):6} "
              f"{int(t['matched']):7}  {_f(t['recall'])}  {_f(t['precision'])}    {_f(row['lead']['recall'])} "
              f"{_f(row['cooperating']['recall'])} {_f(row['deadline']['recall'])}")
    _print_total("development", totals["development"])
    if "held_out" in totals:
        _print_total("held-out", totals["held_out"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
