"""Reserved acts and step orders, read over the whole deck, round 18. An act reserved to a group (CON011) against
a rule that gives it to the reader, whose terms name the group ("You can reopen any of your own submitted pages, as
long as QA hasn't scored them": QA sets the terms, it is not given the act); a rule that leaves the act to the group
("If you notice a mistake, post the page ID and a QA lead will decide whether to reopen it") stays quiet. "Only team leads may apply the Fraud tag" is a rule although the parser reads "leads" as its verb (no
verb is followed by a modal), and "You can't reopen a page yourself" agrees with "Only team leads can reopen a page".
Step orders (CON013): two rules that order two steps both ways are found wherever they are in the deck,
not only when their sentences are embedding neighbours; a step is read without its purpose clause ("Click Import to
load the drafts" is the step "Click Import"), but a verb that takes "to" keeps its object ("Reviewers are expected
to read the source"); "the number" is the score a step fills in, and the verbs of choosing ("choose", "pick",
"assign") do not tell steps apart. A reordering for a narrower case stated in another section, with no word of
exception, changes the order; stated in the rule's own section, it scopes it. "After two attempts" and "two days
after" measure time: no steps. Every sentence here was written for this test; the look-alikes must stay
quiet."""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)

from guidecheck.checks.common.relations.sequence import orders

DECKS = {
    "far/guide.md": "# Workflow\n\nOpen the style sheet and read it in full before you look at the draft.\n\n"
    "# Tone\n\nTone is judged on the whole draft.\n",
    "far/changelog.md": "# Changelog\n\n## Workflow clarification\n\nRead the draft first, before you open the style "
    "sheet, so that your Tone score reflects a reader's first impression rather than a checklist.\n",
    "same/guide.md": "# Workflow\n\nOpen the style sheet and read it in full before you look at the draft.\n\n"
    "# Questions\n\nAlways read the style sheet first and only then look at the draft, so nothing in it surprises "
    "you.\n",
    "score/guide.md": "# Verdict\n\nPick the verdict before you think about the number, since the verdict is the "
    "decision.\n\n# Scoring\n\nWork out the score first and then choose whichever verdict fits it.\n",
    "case/guide.md": "# Workflow\n\nSubmit your label first and only then press Escalate.\n\n# Hazards\n\nIf a "
    "recipe could start a fire, press Escalate right away, before you finish the label.\n",
    "scoped/guide.md": "# Workflow\n\nSubmit the label first and only then press Escalate.\n\nIf a dish could start a "
    "fire, press Escalate right away, before you finish the label.\n",
    "reopen/guide.md": "# Quality\n\nOnly QA reviewers can reopen a submitted page; if you spot a mistake after "
    "submitting, post the page ID in the channel.\n\n# Questions\n\n## Can I fix a page I sent?\n\nYou can reopen "
    "any of your own submitted pages from the History tab and correct them yourself, as long as QA hasn't scored "
    "them yet.\n",
    "leave/guide.md": "# Quality\n\nOnly QA leads can reopen a page once it has been submitted.\n\n# Questions\n\n"
    "If you notice a mistake after submitting, post the page ID in the channel and a QA lead will decide whether to "
    "reopen it.\n",
    "leads/guide.md": "# Escalation\n\nOnly team leads may apply the Fraud tag to a page.\n\n# Questions\n\n"
    "Anyone working on a page can apply the Fraud tag if they spot altered figures.\n",
    "outside/guide.md": "# Quality\n\nOnly team leads can reopen a page after it has been submitted.\n\n# Questions\n"
    "\nYou can't reopen a submitted page yourself, but your lead can, so message them with the page ID.\n",
    "boxes/guide.md": "# Boxes\n\nDraw boxes around every vehicle first, and only after all boxes are in place assign "
    "each box its brand from the list.\n\n# Makes\n\nAlways choose the brand label before you draw any box, because "
    "each box takes the brand selected when you draw it.\n",
}

found = contradictions_fixture(DECKS, "round18_deck_scans")


@pytest.mark.slow
@pytest.mark.parametrize(
    ("a", "b", "checks"),
    [
        ("Open the style sheet", "Read the draft first", ["CON013"]),  # far apart in wording, one project
        ("Open the style sheet", "read the style sheet first", []),  # the same order twice
        ("Pick the verdict before", "Work out the score first", ["CON013"]),  # the number is the score
        ("Draw boxes around every vehicle first", "choose the brand label before", ["CON013"]),
        ("Submit your label first", "start a fire, press Escalate", ["CON013"]),  # another section
        ("Only QA reviewers can reopen", "You can reopen any of your own", ["CON011"]),
        ("Only QA leads can reopen a page", "a QA lead will decide whether to reopen", []),
        ("Only team leads may apply the Fraud tag", "Anyone working on a page can apply", ["CON011"]),
        ("Only team leads can reopen a page", "You can't reopen a submitted page yourself", []),
    ],
)
def test_round18_step_orders(found, a, b, checks):
    assert _pairs(found, a, b) == checks


def test_a_case_stated_in_the_rule_s_own_section_scopes_it(found):
    assert "CON013" not in _pairs(found, "Submit the label first", "a fire, press Escalate")


def test_a_count_or_a_duration_is_no_step():
    assert orders("Corrections sent more than two days after the page was returned are not paid.") == ()
    assert orders("If the page fails to load after two attempts, report it.") == ()


def _steps(sentence: str) -> list[tuple[set[str], set[str]]]:
    return [(set(o.earlier), set(o.later)) for o in orders(sentence)]


def test_a_purpose_clause_is_no_part_of_the_step():
    [(earlier, _later)] = _steps("Click Import to load the drafts, then check each draft against the brief.")
    assert "load" not in earlier and "draft" not in earlier


def test_a_verb_that_takes_to_keeps_its_object():
    [(earlier, _later)] = _steps(
        "Reviewers are expected to read the source in full before they enter a score."
    )
    assert {"read", "sourc"} <= earlier


@pytest.mark.slow
def test_a_plural_noun_read_as_the_verb_before_a_modal_is_the_subject(extract):  # noqa: F811
    [rule] = extract("# Rules\n\nOnly team leads may apply the Fraud tag to a page.\n")
    assert (rule["kind"], rule["actor"]) == ("permission", "team leads")
