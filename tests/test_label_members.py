"""One label defined two ways: a case its definition (or another rule) puts in the label, and a rule that keeps
the same case out of it (CON006, ``relations/label_members.py``).

The sentences are written for these tests. The definitions come in the forms decks use: a table row whose cell
is a plain list of members, a member after "plus", a sentence that puts a narrower case in the label; the
exclusions as "... is never tagged", "... is never <Label>", "... are not <Label>".
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import deck_contradictions
from test_output_conflicts_cli import pairs_with as _pairs

DECKS = {
    "receipts/guide.md": "# Labels\n\n| Label | What it covers |\n|---|---|\n"
    "| CODE | Loyalty card numbers, gift card codes, terminal serial numbers, store numbers, and any other "
    "identifier printed on the slip |\n"
    "| TIME | Any moment of the purchase finer than the day: hour, minute, plus printed weekdays |\n"
    "| TAX | Every line that adds tax to the total, whatever the rate |\n\n"
    "# Edge cases\n\nTerminal serial numbers are not CODE; tag them as OTHER.\n\n"
    "TIME is for clock readings only; a printed weekday such as Friday is never tagged.\n\n"
    "Store numbers printed in the footer are handled by the vendor, so skip them.\n",
    "birds/guide.md": "# Behaviour labels\n\n| Label | Meaning |\n|---|---|\n"
    "| Feeding | The bird holds food or pecks at the ground; a bird that is flying is never Feeding |\n"
    "| Flying | Both wings are spread and the feet are off the ground |\n\n"
    "# Hard cases\n\nA bird flying low with a worm in its beak is Feeding, even though it is in the air.\n\n"
    "A bird that is perched is Resting.\n",
    "plain/guide.md": "# Labels\n\n| Label | Meaning |\n|---|---|\n"
    "| ROOM | Any space a guest can book, whether a suite or a single, with the rate shown |\n\n"
    "# Rules\n\nA parking space is never a ROOM.\n\nThe lobby is not a ROOM.\n",
}


@pytest.mark.slow
def test_a_case_put_in_a_label_and_kept_out_of_it_is_one_label_defined_two_ways(tmp_path):
    found = deck_contradictions(tmp_path, DECKS)
    assert _pairs(found, "Terminal serial numbers are not CODE", "Loyalty card numbers") == ["CON006"]
    assert _pairs(found, "printed weekday such as Friday", "plus printed weekdays") == ["CON006"]
    assert _pairs(found, "flying low with a worm", "never Feeding") == ["CON006"]
    # a member named in passing is no definition, and an exclusion that names no member is no conflict
    assert _pairs(found, "Store numbers printed in the footer") == []
    assert _pairs(found, "parking space") == []
    assert _pairs(found, "lobby") == []
    assert _pairs(found, "perched") == []
    assert _pairs(found, "Every line that adds tax") == []
