"""A label read whole, and CON002's words following what the quoted rule says of the label, not only its force.

A blind judge called a held-out CON002 wrong: "Partial cracks ... are not Rail break; describe them ..." was said to
"require" the label, against a rule whose "is a Rail break" was read as the label "Rail". A label written as a
capitalised word and the noun it modifies ("is a Weld crack", "not Bagged recyclables") is now one name, so the
pair is the scope clash it is (CON006); where CON002 still quotes a rule that denies its label, or a prohibition
whose label sits in the clause it forbids, it says "rules out". Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow  # loads spaCy

GUIDE = (
    "# Labelling weld photos\n\n## Classes\n\n"
    "| Label | Meaning |\n|---|---|\n"
    "| Weld crack | A split in the bead metal |\n| Porosity | Gas holes in the bead |\n"
    "| Spatter | Drops of metal beside the bead |\n\n"
    "### Weld crack\n\n"
    "Partial cracks that do not reach the bead edge are not Weld crack; describe them in the frame comment instead.\n"
)
FAQ = (
    "# Questions\n\n## Classes\n\n"
    "Q: I can see a crack in the bead, but it only goes part of the way across. What do I do?\n\n"
    "Any crack you can see in the bead is a Weld crack, whether or not it reaches the bead edge.\n"
)


@pytest.fixture(scope="module")
def messages(tmp_path_factory):
    from guidecheck.config import load_config
    from guidecheck.pipeline import run

    root = tmp_path_factory.mktemp("round46_messages")
    (root / "guide.md").write_text(GUIDE, encoding="utf-8")
    (root / "faq.md").write_text(FAQ, encoding="utf-8")
    findings = run([str(root)], load_config([str(root)]), only_checks=["CON"]).findings
    return {f.check: f.message for f in findings}


def test_the_label_is_read_whole_and_the_clash_reported_as_a_scope(messages):
    # "is a Weld crack" names the label "Weld crack", not "Weld": the pair is one label taken in and kept out
    assert list(messages) == ["CON006"]
    assert "takes this case into Weld crack" in messages["CON006"]


LABELS = (
    "# Sorting claims\n\n## Labels\n\n"
    "| Label | Meaning |\n|---|---|\n| Spam | An unwanted advert |\n| Unproven | The evidence does not show the loss |\n\n"
    "## Rules\n\n"
    "Never label a parody Spam.\n\n"
    "Pages with a single faint mark are not Spam; note them in the comment instead.\n\n"
    "A lost box is never a reason to skip the photo check; without that photo the claim is Unproven.\n"
)


@pytest.fixture(scope="module")
def claim(tmp_path_factory):
    from guidecheck.checks.common.relations.claims import build_claim
    from guidecheck.config import load_config
    from guidecheck.pipeline import run

    root = tmp_path_factory.mktemp("round46_labels")
    (root / "guide.md").write_text(LABELS, encoding="utf-8")
    rules = run([str(root)], load_config([str(root)]), only_checks=["CON"]).rules
    return lambda words: build_claim(next(r for r in rules if words in r.text))


def test_a_rule_that_names_a_label_to_deny_it_rules_it_out(claim):
    from guidecheck.checks.common.relations.detectors import _label_refused

    assert _label_refused(claim("are not Spam"))
    assert not _label_refused(claim("the claim is Unproven"))


def test_a_prohibition_rules_out_the_label_of_the_clause_it_forbids(claim):
    from guidecheck.checks.common.relations.detectors import _forbids_label

    assert _forbids_label(claim("label a parody Spam"))
    # the label is given in the clause after the ban: a rule that gives Unproven does not rule it out
    assert not _forbids_label(claim("without that photo the claim is Unproven"))
