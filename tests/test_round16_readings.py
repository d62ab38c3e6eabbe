"""Readings added in round 16, each with a look-alike that must stay quiet. Every sentence here was written for
this test (none is from a blind deck):
- a generic case "exempt from" a rule is a permission not to follow it and "no X is exempt" an obligation; the two
  clash (CON001) when the exemption is from the refused rule;
- a rule before a colon that the parser hung under a later clause is still read;
- a bound on a generic subject ("Anything over 20 words gets sent back") makes a rule unless it describes the data;
- two sources ranked two ways when they clash ("the client glossary wins" / "if a client glossary contradicts the
  guidelines, follow the guidelines"), the guideline itself one source however it is named;
- a quality bar written as a decimal share ("0.92 or lower") or with a coaching plan as its sanction;
- the time to give up on an item stated as what it "has taken you"; pay stated as "aren't paid" or "paid once, at
  the standard rate"."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)
from test_rules_roles import sentence_kinds as _kinds


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


def test_a_clash_between_two_sources_names_its_winner():
    from guidecheck.checks.common.relations.precedence import THIS_DOCUMENT, priority_of, side_words

    assert side_words("the main guidelines") == side_words("this deck") == {THIS_DOCUMENT}
    winner, loser, *_ = priority_of(
        "If the captions ever disagree with the audio, rate by the audio and ignore them."
    )
    assert (winner, loser) == (side_words("audio"), side_words("captions"))
    winner, loser, *_ = priority_of("Where that note and this guide disagree, the style note wins.")
    assert (winner, loser) == ({"note"}, {THIS_DOCUMENT})


def test_pay_terms_in_contractions_and_with_once():
    from guidecheck.rules.pay_terms import read_pay_term

    assert read_pay_term("Skipped tickets aren't paid, whatever the reason.").share == 0.0
    term = read_pay_term(
        "Tickets sent back for fixes are paid once, at the standard rate, when the fix is accepted."
    )
    assert (term.subject, term.share) == ("Tickets sent back for fixes", 1.0)


def test_a_quality_bar_written_as_a_decimal_share():
    from guidecheck.rules.quality_bars import read_quality_bar

    bar = read_quality_bar("Annotators whose weekly accuracy is 0.88 or lower are put on a coaching plan.")
    assert (bar.bar, bar.sanctions) == (0.88, {"review"})
    # a decimal with a unit is no share: the one threshold is the percent
    bar = read_quality_bar("Boundaries within 0.5 seconds pass review; raters below 90% accuracy are paused.")
    assert (bar.bar, bar.sanctions) == (0.9, {"pause"})


# Two decks per reading: the clash, and a look-alike that must stay quiet.
DECKS = {
    "stuck/guide.md": "# Skips\n\nDo not use the Stuck skip reason until you have spent at least 8 minutes on a ticket."
    "\n\n# FAQ\n\nIf a ticket has taken you 300 seconds and you are not done, skip it with the Stuck reason.\n",
    "stuck2/guide.md": "# Skips\n\nDo not use the Stuck skip reason until you have spent at least 8 minutes on a "
    "ticket.\n\n# FAQ\n\nIf a ticket has taken you 480 seconds and you are not done, skip it with the Stuck reason.\n",
    "skips/guide.md": "# Pay\n\nTickets skipped for a broken link are paid at 50% of the standard ticket rate.\n\n"
    "# FAQ\n\nSkipped tickets aren't paid, even when the link is broken.\n",
    "coach/guide.md": "# Quality\n\nIf your weekly accuracy falls below 90%, you are put on a coaching plan.\n\n"
    "# FAQ\n\nAnnotators go onto a coaching plan when their weekly accuracy is 0.8 or lower.\n",
    "coach2/guide.md": "# Quality\n\nIf your weekly accuracy falls below 90%, you are put on a coaching plan.\n\n"
    "# FAQ\n\nAnnotators go onto a coaching plan when their weekly accuracy drops below 0.9.\n",
    "replays/guide.md": "# Timing\n\nReplays are exempt from the two-second minimum, since they copy the live "
    "clip's length.\n\n# FAQ\n\nNo clip is exempt from the two-second minimum, and that includes replays and "
    "highlights.\n",
    "logos/guide.md": "# Timing\n\nReplays are exempt from the two-second minimum, since they copy the live "
    "clip's length.\n\n# FAQ\n\nNo clip is exempt from the logo check, and that includes replays that copy "
    "the live clip's length.\n",
    "sheet/guide.md": "# Sources\n\nWhere the client glossary and this guide disagree, the client glossary wins."
    "\n\n# FAQ\n\nIf a client glossary contradicts the guidelines, follow the guidelines.\n",
    "brief/guide.md": "# Sources\n\nWhere the client glossary and this guide disagree, the client glossary wins."
    "\n\n# FAQ\n\nIf the client glossary contradicts the style brief, follow the client glossary.\n",
}
found = contradictions_fixture(DECKS, "round16")


@pytest.mark.slow
@pytest.mark.parametrize(
    "a,b,checks",
    [
        # an exemption against "no case is exempt" from the same rule
        (
            "Replays are exempt",
            "No clip is exempt from the two-second",
            ["CON016"],
        ),  # the case named (round 48)
        # an exemption from another rule than the one that admits no exemption
        ("Replays are exempt", "No clip is exempt from the logo check", []),
        # two sources ranked two ways when they clash; the guideline is one source however it is named
        ("the client glossary wins", "follow the guidelines", ["CON005"]),
        # one source winning over two others
        ("the client glossary wins", "style brief", []),
        # the time to give up on an item, "has taken you" N seconds: two values / the same value
        ("at least 8 minutes", "taken you 300 seconds", ["CON004"]),
        ("at least 8 minutes", "taken you 480 seconds", []),
        # what a skipped item pays, "aren't paid" against a half rate
        ("paid at 50% of the standard ticket rate", "aren't paid", ["CON004"]),
        # one quality bar stated as a percent and as a decimal share, two values / the same value
        ("falls below 90%", "0.8 or lower", ["CON004"]),
        ("falls below 90%", "drops below 0.9", []),
    ],
)
def test_deck_pairs(found, a, b, checks):
    assert _pairs(found, a, b) == checks
