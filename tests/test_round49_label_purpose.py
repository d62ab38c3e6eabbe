"""A label, code or scale point defined by what it is for, with no modal and no "means" (rules/label_purpose.py).

"X is for ...", "X is the flag for ...", "X is reserved for ...", "X is used only when ...", "Severity 2 covers ...",
"A score of 4 goes to ...", "a BRK tag marks ...", "[ILL] stands in for ..." are definitions; "This section is for
..." and "Training covers ..." are not. A definition read this way is compared with what the label takes in
elsewhere (CON006, as the label-definition pairs of the blind decks show). Every sentence here was written for this
test.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow  # loads spaCy

DEFINITIONS = [
    "TORN is for a parcel whose outer wrap is ripped open.",
    "Not Visible is the flag for a seal that the photo does not show at all.",
    "Needs Context is reserved for posts that quote another post you cannot open.",
    "Soft Damage is used only when the box is dented but nothing inside is exposed.",
    "Severity 2 covers damage that stops a door from closing.",
    "A Clarity score of 4 goes to captions that a first-time reader understands at once.",
    "A BRK tag marks a seam that has split along more than half its length.",
    "[ILL] stands in for one word you cannot read.",
]
NOT_DEFINITIONS = [
    "This section is for new annotators who have not labelled parcels before.",
    "Training covers the tool, the labels and the pay rules.",
]


def test_purpose_sentences_are_definition_rules(write, check_json):
    folder = write(
        "parcels/labels.md", "# Labels\n\n" + "\n\n".join(DEFINITIONS + NOT_DEFINITIONS) + "\n"
    ).parent
    rules = {r["text"]: r["kind"] for r in check_json(str(folder))["rules"]}
    assert all(rules.get(s) == "definition" for s in DEFINITIONS), rules
    assert not any(s in rules for s in NOT_DEFINITIONS), rules
