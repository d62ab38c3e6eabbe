"""Issue 13 from the command line: suppressions, ignore file, baseline, deck diff, action script, pre-commit."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from guidecheck.report.json_format import validate

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[1]
SARIF_SCHEMA = Path("/work/shared/schemas/sarif-schema-2.1.0.json")

ALWAYS = "Always include the determiner in the entity span."
NEVER = "Never include the determiner in the entity span."
CONFLICT = f"# Entity annotation\n\n## Spans\n\n{ALWAYS}\n\n## Review checklist\n\n{NEVER}\n"


def _json(cli, *args) -> dict:
    return json.loads(cli("check", *args, "-f", "json", "--fail-on", "never").stdout)


def _active(report: dict) -> list[str]:
    return [f["check"] for f in report["findings"] if not f["suppressed"]]


def test_next_line_comment_suppresses_a_contradiction_with_one_rule_marked(cli, write, tmp_path):
    text = CONFLICT.replace(
        ALWAYS, f"<!-- guidecheck-disable-next-line CON018 -- checklist wins -->\n{ALWAYS}"
    )
    deck = write("ner.md", text)
    assert cli("check", deck).exit_code == 0  # suppressed: not counted toward --fail-on
    report = _json(cli, deck)
    validate(report)
    con = next(f for f in report["findings"] if f["check"] == "CON018")
    assert con["suppressed"] == {"kind": "inSource", "reason": "checklist wins", "by": f"{deck.as_posix()}:5"}
    assert report["summary"]["suppressed"] == 1 and "CON018" not in report["summary"]["by_check"]
    assert "1 suppressed" in cli("check", deck).stdout
    sarif_path = tmp_path / "r.sarif"
    cli("check", deck, "-o", sarif_path, "--fail-on", "never")
    sarif = json.loads(sarif_path.read_text())
    jsonschema.validate(sarif, json.loads(SARIF_SCHEMA.read_text()))
    result = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "CON018")
    assert result["suppressions"] == [
        {
            "kind": "inSource",
            "status": "accepted",
            "justification": "checklist wins",
            "properties": {"by": con["suppressed"]["by"]},
        }
    ]
    html = tmp_path / "r.html"
    cli("check", deck, "-o", html, "--fail-on", "never")
    assert 'id="f-suppressed"' in html.read_text() and 'data-suppressed="yes"' in html.read_text()


def test_unused_and_unknown_suppressions_are_reported(cli, write):
    deck = write(
        "ner.md",
        "<!-- guidecheck-disable-file CON004 AMB006 -->\n<!-- guidecheck-disable CON01 -->\n\n" + CONFLICT,
    )
    result = cli("check", deck)
    assert result.exit_code == 1
    # CON004 runs and finds nothing here; AMB006 is opt-in (data/policy.toml), so it is not called unused
    assert (
        f"{deck.as_posix()}:1: warning GC100 'guidecheck-disable-file CON004 AMB006' suppresses nothing"
        " (CON004: no such finding here)" in result.stdout
    )
    assert (
        f"{deck.as_posix()}:2: error GC101 'guidecheck-disable CON01' names an unknown check: CON01"
        in result.stdout
    )


def test_plain_text_range_disable_enable(cli, write):
    text = f"Entity annotation\n\n# guidecheck-disable CON\n{ALWAYS}\n# guidecheck-enable CON\n\n{NEVER}\n"
    report = _json(cli, write("ner.txt", text))
    assert _active(report) == []
    assert next(f["suppressed"]["by"] for f in report["findings"]).endswith("ner.txt:3")
    assert all(r["text"] != "guidecheck-disable CON" for r in report["rules"])


def test_pptx_slide_notes(cli, tmp_path):
    from fixtures_builders import build_pptx

    deck = build_pptx(
        tmp_path / "d.pptx",
        [
            {
                "title": "Spans",
                "bullets": [(ALWAYS, 0)],
                "notes": "guidecheck-disable-next-line CON018 -- intended",
            },
            {"title": "Checklist", "bullets": [(NEVER, 0)]},
        ],
    )
    report = _json(cli, deck)
    con = next(f for f in report["findings"] if f["check"] == "CON018")
    assert con["suppressed"]["reason"] == "intended" and con["suppressed"]["by"].endswith("slide 1 (notes)")


def test_docx_word_comment(cli, tmp_path):
    """A Word comment on a paragraph suppresses findings about that paragraph's rules, and is not a rule."""
    import docx

    doc = docx.Document()
    doc.add_heading("Entity annotation", 1)
    doc.add_heading("Spans", 2)
    marked = doc.add_paragraph(ALWAYS)
    doc.add_comment(marked.runs, "guidecheck-disable-next-line CON018 -- checklist wins", author="Maria")
    doc.add_heading("Review checklist", 2)
    doc.add_paragraph(NEVER)
    doc.add_paragraph("Raters must flag every span they are unsure of.")
    doc.add_comment(doc.paragraphs[-1].runs, "guidecheck-disable-next-line CON002", author="Maria")
    deck = tmp_path / "ner.docx"
    doc.save(deck)
    assert cli("check", deck).exit_code == 0  # the one error is suppressed
    report = _json(cli, deck)
    con = next(f for f in report["findings"] if f["check"] == "CON018")
    assert con["suppressed"]["kind"] == "inSource" and con["suppressed"]["reason"] == "checklist wins"
    assert not any("guidecheck-disable" in r["text"] for r in report["rules"])
    unused = [f["message"] for f in report["findings"] if f["check"] == "GC100"]
    assert unused == [
        "'guidecheck-disable-next-line CON002' suppresses nothing (CON002: no such finding here)"
    ]


def test_ignore_file_suppresses_by_fingerprint_and_reports_stale_entries(cli, write, tmp_path):
    deck = write("deck/ner.md", CONFLICT)
    fp = next(f["fingerprint"] for f in _json(cli, deck)["findings"] if f["check"] == "CON018")
    write(
        "deck/.guidecheck-ignore.toml",
        f'[[ignore]]\nfingerprint = "{fp}"\nreason = "known"\naccepted_by = "maria"\n\n'
        '[[ignore]]\nfingerprint = "0000000000000000"\nreason = "old"\n',
    )
    report = _json(cli, tmp_path / "deck")
    con = next(f for f in report["findings"] if f["check"] == "CON018")
    assert con["suppressed"]["kind"] == "external" and "accepted by maria" in con["suppressed"]["by"]
    assert any(f["check"] == "GC100" and "0000000000000000" in f["message"] for f in report["findings"])


def test_baseline_survives_moves_and_not_rewording(cli, write, tmp_path):
    deck = write("deck/guide.md", CONFLICT)
    base = tmp_path / "base.json"
    assert cli("baseline", tmp_path / "deck", "-o", base).exit_code == 0
    assert "CON018" in base.read_text()
    result = cli("check", tmp_path / "deck", "--baseline", base)
    assert result.exit_code == 0 and "baselined" in result.stdout
    # lines inserted above, and one rule moved to another file of the deck
    deck.write_text("# Entity annotation\n\nIntro line.\n\nMore intro.\n\n## Spans\n\n" + ALWAYS + "\n")
    write("deck/checklist.md", "# Review checklist\n\n" + NEVER + "\n")
    moved = _json(cli, tmp_path / "deck", "--baseline", base)
    assert "CON018" not in _active(moved) and moved["summary"]["baselined"] >= 1
    write("deck/checklist.md", "# Review checklist\n\nNever include the determiner in any entity span.\n")
    reworded = _json(cli, tmp_path / "deck", "--baseline", base)
    assert "CON018" in _active(reworded)


def test_diff_of_two_folders(cli, write, tmp_path):
    write(
        "old/guide.md",
        "# Rating\n\nRaters must read the whole response before rating it.\n\n" + ALWAYS + "\n",
    )
    write(
        "new/guide.md", "# Rating\n\nRaters must read the entire response before they rate it.\n\n" + CONFLICT
    )
    out = tmp_path / "diff.json"
    result = cli("diff", tmp_path / "old", tmp_path / "new", "-o", out, "-o", tmp_path / "diff.html")
    assert result.exit_code == 1  # a new error
    diff = json.loads(out.read_text())
    assert set(diff["rules"]) == {"added", "removed", "changed"}
    assert set(diff["findings"]) == {"new", "resolved", "unchanged"}
    assert [c["new"]["text"] for c in diff["rules"]["changed"]] == [
        "Raters must read the entire response before they rate it."
    ]
    assert NEVER in [r["text"] for r in diff["rules"]["added"]]
    assert [f["check"] for f in diff["findings"]["new"]] == ["CON018"]
    assert "Reworded rules (1)" in cli("diff", tmp_path / "old", tmp_path / "new").stdout
    assert "rules reworded" in (tmp_path / "diff.html").read_text()


def test_diff_between_git_revisions(cli, write, tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git not installed")
    deck = write("repo/guides/guide.md", "# Spans\n\n" + ALWAYS + "\n")
    git = ["git", "-C", str(tmp_path / "repo"), "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "v1"], check=True)
    deck.write_text(CONFLICT)
    subprocess.run([*git, "commit", "-qam", "v2"], check=True)
    result = cli(
        "diff", "--git", "HEAD~1..HEAD", tmp_path / "repo" / "guides", "-f", "json", "--fail-on", "never"
    )
    diff = json.loads(result.stdout)
    assert [f["check"] for f in diff["findings"]["new"]] == ["CON018"]
    assert diff["findings"]["new"][0]["path"].endswith("repo/guides/guide.md")
    # the revision is kept under the cache by content, so a second diff reads its findings from the run cache
    again = cli(
        "diff", "--git", "HEAD~1..HEAD", tmp_path / "repo" / "guides", "-f", "json", "--fail-on", "never"
    )
    assert again.stdout == result.stdout


def _env(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    env["PATH"] = f"{Path(sys.executable).parent}:{env['PATH']}"
    return env


def test_action_script_writes_summary_sarif_and_outputs(write, tmp_path):
    deck = write("deck/ner.md", CONFLICT)
    summary, output = tmp_path / "summary.md", tmp_path / "output.txt"
    env = _env(tmp_path) | {
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_OUTPUT": str(output),
        "RUNNER_TEMP": str(tmp_path),
        "GC_PATHS": str(deck.parent),
        "GC_SARIF": str(tmp_path / "out.sarif"),
    }
    run = subprocess.run(
        [str(REPO / "scripts/ci/guidecheck-action.sh")], env=env, capture_output=True, text=True
    )
    assert run.returncode == 1, run.stderr
    assert "::error file=" in run.stdout and "CON018" in run.stdout
    assert summary.read_text().startswith("### guidecheck") and "error CON018" in summary.read_text()
    assert output.read_text().splitlines() == [f"sarif-file={tmp_path / 'out.sarif'}", "exit-code=1"]
    jsonschema.validate(
        json.loads((tmp_path / "out.sarif").read_text()), json.loads(SARIF_SCHEMA.read_text())
    )


def test_pre_commit_try_repo(write, tmp_path):
    pre_commit = Path(sys.executable).parent / "pre-commit"
    if not pre_commit.exists():
        pytest.skip("pre-commit is not installed (pip install -e '.[test]')")
    repo = tmp_path / "hooks"
    shutil.copytree(
        REPO, repo, ignore=shutil.ignore_patterns(".venv", ".git", "guidelines", "reports", "*.egg-info")
    )
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@t"]
    subprocess.run([*git, "init", "-q"], cwd=repo, check=True)
    subprocess.run([*git, "add", "."], cwd=repo, check=True)
    subprocess.run([*git, "commit", "-qm", "hooks"], cwd=repo, check=True)
    work = tmp_path / "work"
    work.mkdir()
    subprocess.run([*git, "init", "-q"], cwd=work, check=True)
    (work / "ner.md").write_text(CONFLICT)
    subprocess.run([*git, "add", "."], cwd=work, check=True)
    env = _env(tmp_path) | {"PRE_COMMIT_HOME": str(tmp_path / "pc-home")}
    cmd = [str(pre_commit), "try-repo", str(repo), "guidecheck", "--all-files"]
    run = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "CON018" in run.stdout
    (work / "ner.md").write_text(CONFLICT.replace("Never include", "Always include"))
    again = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True)
    assert again.returncode == 0, again.stdout
