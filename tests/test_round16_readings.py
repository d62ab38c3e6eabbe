"""Readings added in round 16, each with a look-alike that must stay quiet. Every sentence here was written for
this test (none is from a blind deck): a generic case "exempt from" a rule is a permission not to follow it and
"no X is exempt" an obligation, and the two clash (CON001) when the exemption is from the refused rule; a rule before a colon that the parser hung under a later clause is still read; a bound on a generic subject ("Anything
over 20 words gets sent back") makes the sentence a rule unless it describes the data."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)


def _kinds(extract, sentence: str) -> list[tuple[str, str]]:  # noqa: F811
    return [(r["text"], r["kind"]) for r in extract(f"# Rules\n\n{sentence}\n") if not r["is_example"]]


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence,kind",
    [
        ("Crowd noise is exempt from the silence rule, since it never stops during a match.", "permission"),
        ("Handwritten notes are exempt from the spelling check.", "permission"),
        ("No clip is exempt from the two-second minimum, including replays.", "obligation"),
    ],
)
def test_a_generic_case_exempt_from_a_rule(extract, sentence, kind):  # noqa: F811
    assert _kinds(extract, sentence) == [(sentence, kind)]


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "This clip is exempt from the limit.",  # one instance: a verdict, not a rule
        "Volunteers were exempt from the quota last year.",  # the past: a report
    ],
)
def test_an_exemption_of_one_instance_or_in_the_past_is_no_rule(extract, sentence):  # noqa: F811
    assert _kinds(extract, sentence) == []


@pytest.mark.slow
def test_a_rule_before_a_colon_is_read_whatever_the_colon_hangs_on(extract):  # noqa: F811
    sentence = (
        "Player nicknames are not tagged, with one exception: when the nickname appears inside a league table, it "
        "stays inside the TABLE span for that row."
    )
    assert _kinds(extract, sentence) == [(sentence, "prohibition")]


EXEMPTIONS = {
    "replays/guide.md": "# Timing\n\nReplays are exempt from the two-second minimum, since they copy the live "
    "clip's length.\n\n# FAQ\n\nNo clip is exempt from the two-second minimum, and that includes replays and "
    "highlights.\n",
    "logos/guide.md": "# Timing\n\nReplays are exempt from the two-second minimum, since they copy the live "
    "clip's length.\n\n# FAQ\n\nNo clip is exempt from the logo check, and that includes replays that copy "
    "the live clip's length.\n",
}


exemptions = contradictions_fixture(EXEMPTIONS, "exempt")


@pytest.mark.slow
def test_an_exemption_against_no_case_is_exempt(exemptions):
    assert _pairs(exemptions, "Replays are exempt", "No clip is exempt from the two-second") == ["CON001"]


@pytest.mark.slow
def test_an_exemption_from_another_rule_is_no_clash(exemptions):
    assert _pairs(exemptions, "Replays are exempt", "No clip is exempt from the logo check") == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Anything longer than 40 words goes back to the writer for cutting.",
        "Replays shorter than two seconds stay out of the event log.",
    ],
)
def test_a_bound_on_a_generic_subject_picks_out_the_case_the_verb_decides(extract, sentence):  # noqa: F811
    assert _kinds(extract, sentence) == [(sentence, "obligation")]


@pytest.mark.slow
@pytest.mark.parametrize(
    "sentence",
    [
        "Reviews longer than 300 words are common in this set.",  # a copula: how the data is
        "Clips over 10 minutes take longer to load.",  # a comparison
        "Articles longer than 500 words make up a tenth of the corpus.",  # how the data is made up
    ],
)
def test_a_bounded_subject_that_describes_the_data_is_no_rule(extract, sentence):  # noqa: F811
    assert _kinds(extract, sentence) == []
