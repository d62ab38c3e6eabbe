"""The yardstick: real public guidelines nobody in this project wrote (``../shared/realdecks``).

Two kinds of blind labels live in ``guidelines/labels/real.jsonl``, both written by readers who never saw
guidecheck's code:

- ``problem``: a real problem a careful reader listed in a document (contradiction, undefined label, label
  named inconsistently, vague criterion, missing case), with verbatim quotes;
- ``judgment``: a verdict on one finding guidecheck emitted (useful / trivial / wrong), given seeing only the
  document and the finding.

Every deck folder is checked on its own, with every check selected, so the opt-in checks are measured too.
Per check this reports useful precision (useful / judged) and findings per 1,000 words; for the default set it
reports the same plus the recall of the blind-listed problems. Documents labeled ``heldout`` are reported
apart: they are scored once, at the end of a piece of work.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

LABELS = "labels/real.jsonl"
SPLITS = ("dev", "heldout")
# Which checks can find which kind of blind-listed problem.
FINDS: dict[str, tuple[str, ...]] = {
    "contradiction": ("CON",),
    # a tag code written two ways is reported as an undefined tag when one spelling is never defined
    "inconsistent-label": ("TERM001", "LAB001", "LAB004", "LAB005", "LAB006", "CON006", "CON007"),
    "undefined-label": ("LAB001", "LAB003", "LAB005"),
    "vague-criterion": ("AMB001", "AMB002", "AMB003", "AMB005", "AMB006"),
    "missing-case": ("COV", "AMB002", "AMB003", "LAB006"),
}
_WORD = re.compile(r"[a-z0-9]+")


def realdecks_root(corpus: Path) -> Path:
    """``$GUIDECHECK_REALDECKS``, else ``shared/realdecks`` beside the checkout the corpus belongs to."""
    env = os.environ.get("GUIDECHECK_REALDECKS")
    return Path(env) if env else corpus.resolve().parent.parent / "shared" / "realdecks"


def load_labels(corpus: Path) -> list[dict[str, Any]]:
    path = corpus / LABELS
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


def _tokens(text: str) -> set[str]:
    return set(_WORD.findall(text.lower()))


def _covers(rule_text: str, quote: str) -> bool:
    """The rule is the quoted sentence (or most of it): extraction may split or trim a sentence."""
    a, b = _tokens(rule_text), _tokens(quote)
    if len(a) < 3 or len(b) < 3:
        return bool(a and b) and a == b
    return len(a & b) / min(len(a), len(b)) >= 0.6


def judgment_key(check: str, rule_texts: list[str]) -> str:
    """Judgments survive a fingerprint scheme change: the check and its rules' words identify the finding."""
    return check + "|" + "||".join(sorted(" ".join(sorted(_tokens(t))) for t in rule_texts))


def _finding_rows(result, folder: str) -> list[dict[str, Any]]:
    """Each finding as a blind judge sees it: message, fix, place, and the rules it quotes with their context."""
    by_id = {r.id: r for r in result.rules}
    rows = []
    for f in result.findings:
        if f.check.startswith("GC"):
            continue
        rules = [by_id[i] for i in f.rules if i in by_id]
        quoted = _QUOTED_SENTENCE.search(f.message)
        located = [] if rules else [quoted.group(1)] if quoted else _block_texts_at(result, f.location)
        rows.append(
            {
                "folder": folder,
                "doc": f"{folder}/{Path(f.location.path).name}",
                "check": f.check,
                "fingerprint": f.fingerprint,
                "message": f.message,
                "fix": f.fix,
                "where": f.location.label(),
                "rules": [r.text for r in rules],
                "located": located,
                "quoted": [
                    {
                        "text": r.text,
                        "lead_in": r.lead_in,
                        "section": " > ".join(r.section),
                        "where": r.location.label(),
                    }
                    for r in rules
                ],
            }
        )
    return rows


# A finding on a sentence that holds no rule quotes the sentence at the end of its message: ... ("Text.")
_QUOTED_SENTENCE = re.compile(r'\("(.+)"\)$')


def _block_texts_at(result, location) -> list[str]:
    """The text at a finding that quotes no rule (a sentence, a tag in prose): the block on its line. A place
    known only by its page (PDF) names no sentence, so it matches no quote."""
    if location.line is None:
        return []
    return [
        b.text
        for d in result.documents
        if d.path == location.path
        for b in d.blocks
        if b.location.line == location.line and b.location.page == location.page
    ]


def _check_folder(root: Path, folder: str) -> tuple[list[dict[str, Any]], int]:
    from ..checks import all_checks
    from ..config import load_config
    from ..pipeline import run

    path = str(root / folder)
    result = run([path], load_config([path]), only_checks=[c.code for c in all_checks()])
    words = sum(d.words or 0 for d in result.documents)
    return _finding_rows(result, folder), words


def _verdicts(labels: list[dict[str, Any]]) -> dict[tuple[str, str], str]:
    out: dict[tuple[str, str], str] = {}
    for row in labels:
        if row.get("kind") != "judgment":
            continue
        folder = row["doc"].split("/")[0]
        out[(folder, row["fingerprint"])] = row["verdict"]
        if row.get("rules") is not None:
            out[(folder, judgment_key(row["check"], row["rules"]))] = row["verdict"]
    return out


def _verdict(finding: dict[str, Any], verdicts: dict[tuple[str, str], str]) -> str | None:
    folder = finding["folder"]
    hit = verdicts.get((folder, finding["fingerprint"]))
    return hit or verdicts.get((folder, judgment_key(finding["check"], finding["rules"])))


_NAMED = re.compile(r"'([^'\n]{2,40})'")


def _names_same_label(problem: dict[str, Any], finding: dict[str, Any]) -> bool:
    """A label finding quotes the label it is about ('HS implicit'); the reader's quotes or note name it too."""
    text = " ".join(str(problem.get(k) or "") for k in ("quote_a", "quote_b", "note"))
    return any(
        re.search(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text)
        for name in _NAMED.findall(finding["message"])
    )


def _finds(problem: dict[str, Any], finding: dict[str, Any]) -> bool:
    if not finding["check"].startswith(FINDS.get(problem["type"], ())):
        return False
    if problem["type"] == "undefined-label":
        label = re.search(r"label=([^;]+);", problem.get("note", ""))
        named = bool(label) and label.group(1).strip().lower() in finding["message"].lower()
        return named or _names_same_label(problem, finding)
    if problem["type"] == "inconsistent-label" and _names_same_label(problem, finding):
        return True
    quotes = [q for q in (problem.get("quote_a"), problem.get("quote_b")) if q]
    texts = finding["rules"] or finding.get("located", [])
    matched = [any(_covers(t, q) for t in texts) for q in quotes]
    if problem["type"] == "contradiction" and len(quotes) == 2:
        return all(matched)  # both sides of the contradiction
    return any(matched)


def _precision(findings: list[dict[str, Any]]) -> dict[str, Any]:
    counts = Counter(f["verdict"] or "unjudged" for f in findings)
    judged = counts["useful"] + counts["trivial"] + counts["wrong"]
    return {
        "findings": len(findings),
        "useful": counts["useful"],
        "trivial": counts["trivial"],
        "wrong": counts["wrong"],
        "unjudged": counts["unjudged"],
        "precision": round(counts["useful"] / judged, 3) if judged else None,
    }


def _recall(problems: list[dict[str, Any]], findings: list[dict[str, Any]]) -> dict[str, Any]:
    found = [p for p in problems if any(f["folder"] == p["folder"] and _finds(p, f) for f in findings)]
    return {
        "problems": len(problems),
        "found": len(found),
        "recall": round(len(found) / len(problems), 3) if problems else None,
        "found_ids": sorted(p["id"] for p in found),
    }


def score_split(findings, problems, words: int) -> dict[str, Any]:
    """Figures for one split: per check, the default set, every check, recall by problem type."""
    from ..checks.registry import on_by_default

    per_1000 = (lambda n: round(1000 * n / words, 2)) if words else (lambda n: None)
    by_check: dict[str, list] = defaultdict(list)
    for f in findings:
        by_check[f["check"]].append(f)
    default = [f for f in findings if on_by_default(f["check"])]
    out: dict[str, Any] = {"words": words, "checks": {}}
    for check, rows in sorted(by_check.items()):
        out["checks"][check] = {
            **_precision(rows),
            "per_1000_words": per_1000(len(rows)),
            "on_by_default": on_by_default(check),
        }
    for name, rows in (("default", default), ("all", findings)):
        out[name] = {**_precision(rows), "per_1000_words": per_1000(len(rows)), **_recall(problems, rows)}
        out[name]["recall_by_type"] = {
            t: _recall([p for p in problems if p["type"] == t], rows)["recall"]
            for t in sorted({p["type"] for p in problems})
        }
    return out


def split_folders(labels: list[dict[str, Any]], root: Path, split: str) -> list[str]:
    """The deck folders of one split, as the blind labels assign them, that exist under ``root``."""
    split_of = {r["doc"].split("/")[0]: r["split"] for r in labels if r.get("kind") == "problem"}
    split_of.update({r["doc"].split("/")[0]: r.get("split", "dev") for r in labels if r.get("split")})
    return sorted(f for f, s in split_of.items() if s == split and (root / f).is_dir())


def evaluate(corpus: Path, splits: tuple[str, ...] = SPLITS) -> dict[str, Any]:
    labels = load_labels(corpus)
    root = realdecks_root(corpus)
    if not labels or not root.is_dir():
        return {"metrics": {}, "notes": [f"real-deck corpus or labels not found ({root}, {corpus / LABELS})"]}
    verdicts = _verdicts(labels)
    problems = [dict(p, folder=p["doc"].split("/")[0]) for p in labels if p.get("kind") == "problem"]
    results: dict[str, Any] = {}
    for split in splits:
        folders = split_folders(labels, root, split)
        findings, words = [], 0
        for folder in folders:
            rows, n = _check_folder(root, folder)
            findings += rows
            words += n
        for f in findings:
            f["verdict"] = _verdict(f, verdicts)
        split_problems = [p for p in problems if p["folder"] in folders]
        results[split] = {"decks": folders, **score_split(findings, split_problems, words)}
        results[split]["findings"] = findings
        results[split]["unjudged_findings"] = [f for f in findings if f["verdict"] is None]
    return {"metrics": _metrics(results), "splits": results, "notes": _notes(results)}


def _metrics(results: dict[str, Any]) -> dict[str, Any]:
    """The flat table ``format_results`` prints: the default set and every check, per split."""
    out: dict[str, Any] = {}
    for split, res in results.items():
        for name in ("default", "all"):
            m = res[name]
            out[f"{split}: {name} checks"] = {
                "precision": m["precision"],
                "recall": m["recall"],
                "n": m["findings"],
                "per_1000_words": m["per_1000_words"],
            }
        for check, m in res["checks"].items():
            flag = "" if m["on_by_default"] else " (opt-in)"
            out[f"{split}: {check}{flag}"] = {
                "precision": m["precision"],
                "n": m["findings"],
                "per_1000_words": m["per_1000_words"],
            }
    return out


def _notes(results: dict[str, Any]) -> list[str]:
    notes = [
        "precision = findings judged useful / findings judged (blind readers: useful, trivial or wrong); "
        "recall = blind-listed problems a finding of a matching kind points at"
    ]
    for split, res in results.items():
        unjudged = res["all"]["unjudged"]
        notes.append(
            f"{split}: {len(res['decks'])} decks, {res['words']} words; {unjudged} findings not yet judged; "
            f"recall by type (default set): {res['default']['recall_by_type']}"
        )
    return notes
