"""A label written as a capitalised word and the lowercase noun it modifies is one name ("is a Rail break", "not
Bagged recyclables"), unless the noun says what kind of thing the name is ("the Sensitive flag") or is the item the
label describes ("a Usable photo"). Read as "Rail" and "Bagged", such labels broke the label-scope and label-outcome
readings of decks whose labels are written that way. Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow  # loads spaCy

DECK = (
    "# Labelling pipe photos\n\n## Questions\n\n"
    "A bend you can see in the joint is a Pipe kink, whether or not water still flows.\n\n"
    "Tag torn bags on the floor as Loose debris.\n\n"
    "Tick the Sensitive flag when a face is visible.\n\n"
    "Mark a Usable photo with its pipe class.\n"
)


@pytest.fixture(scope="module")
def labels(tmp_path_factory):
    from guidecheck.config import load_config
    from guidecheck.pipeline import run

    root = tmp_path_factory.mktemp("round46_labels")
    (root / "faq.md").write_text(DECK, encoding="utf-8")
    rules = run([str(root)], load_config([str(root)]), only_checks=["CON"]).rules
    return lambda words: next(r for r in rules if words in r.text).labels


def test_a_name_and_the_noun_it_modifies_are_one_label(labels):
    assert "Pipe kink" in labels("is a Pipe kink")
    assert "Loose debris" in labels("as Loose debris")


def test_a_kind_noun_or_the_labelled_item_is_not_part_of_the_name(labels):
    assert "Sensitive flag" not in labels("Sensitive flag")
    assert "Usable" in labels("Usable photo") and "Usable photo" not in labels("Usable photo")
