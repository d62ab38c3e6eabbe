"""The default-on policy agrees with how each check did on fresh text: the blind verdicts on every held-out split's
findings, given when the split was scored (``guidecheck eval --family judged``)."""

from __future__ import annotations

import json

import pytest

from guidecheck.checks.registry import on_by_default, opt_in_reason, policy
from guidecheck.evaluate import default_corpus
from guidecheck.evaluate.judged import decides, disagreements, tally


def _verdicts(tmp_path, split: int, rows: list[tuple[str, str]]) -> None:
    labels = tmp_path / "labels"
    labels.mkdir(exist_ok=True)
    lines = [json.dumps({"split": f"heldout{split}", "check": c, "verdict": v}) for c, v in rows]
    (labels / f"heldout{split}-finding-judgments.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_no_check_on_by_default_is_more_often_wrong_than_real_on_fresh_splits():
    per_check = tally(default_corpus())
    assert per_check["CON004"]["judged"] >= 100  # the shipped verdicts were read, not an empty folder
    assert disagreements(per_check) == []


def test_checks_opted_out_by_fresh_splits_say_why():
    per_check = tally(default_corpus())
    bar = policy()["min_blind_precision"]
    for code in ("CON007", "CON008", "CON010"):
        entry = per_check[code]
        assert decides(entry, policy()) and entry["precision"] < bar
        assert not on_by_default(code)
        assert f"{entry['real']} of {entry['judged']} findings on the fresh blind splits" in opt_in_reason(
            code
        )


def test_a_default_check_below_the_bar_is_reported(tmp_path):
    _verdicts(tmp_path, 3, [("CON004", "wrong")] * 8 + [("CON004", "real")] * 2 + [("CON005", "wrong")] * 9)
    _verdicts(tmp_path, 12, [("CON004", "real")] * 2)
    per_check = tally(tmp_path)
    assert per_check["CON004"] == {"judged": 12, "real": 4, "splits": 2, "precision": 0.3333}
    found = disagreements(per_check)
    assert found == [
        "CON004 is on by default, but 4 of its 12 judged findings on fresh splits were real (0.33 < 0.50)"
    ]  # CON005: nine judged findings are too few to settle its default


@pytest.mark.real_policy
def test_eval_judged_shows_each_check_and_the_default_set(cli):
    out = json.loads(cli("eval", "--family", "judged", "--json").stdout)["judged"]
    con8 = out["metrics"]["fresh splits CON008"]
    assert con8["on_by_default"] is False and con8["n"] >= 48
    default, every = out["metrics"]["fresh splits, default set"], out["metrics"]["fresh splits, every check"]
    assert default["precision"] >= policy()["min_blind_precision"] and every["n"] > default["n"]
    assert not any(" is on by default, but " in note for note in out["notes"])


@pytest.mark.real_policy
def test_a_worked_example_against_a_rule_is_reported_only_when_selected(tmp_path, cli):
    deck = tmp_path / "guide.md"
    deck.write_text(
        "# Rating\n\nAlways rate a response with a factual error 2 or lower.\n\n"
        "## Worked examples\n\nExample 2: The response gives a correct recipe but invents a nutrition figure, "
        "a factual error. Rating: 4.\n",
        encoding="utf-8",
    )

    def codes(*extra: str) -> list[str]:
        result = cli("check", deck, "--format", "json", "--fail-on", "never", *extra)
        return [f["check"] for f in json.loads(result.stdout)["findings"]]

    assert "CON008" not in codes()
    assert "CON008" in codes("--extend-select", "CON008")
