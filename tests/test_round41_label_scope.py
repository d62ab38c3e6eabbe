"""A label's scope stated two ways (CON006, ``relations/label_scope.py``), the form five planted pairs of the scored
blind splits share and no reader reported: one sentence takes a case into a label in so many words ("whether or not
it is injured", "are also labelled ENTANGLED", "Use DECEASED also when ..."), another keeps that case out ("STRANDED is
only for animals that are injured", "ENTANGLED is reserved for ...: ...", "..., not DECEASED").

A case merely outside a restriction is no conflict ("Tag OILED only when oil covers the feathers" / "Gulls with oil
on the feathers are also OILED"), nor is a condition the restriction does not name, nor a "whether" that asks a
question. Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs

pytestmark = pytest.mark.slow  # loads spaCy and the encoder

DECK = {
    "strandings/guide.md": "# Labels\n\n| Label | Meaning |\n|---|---|\n"
    "| STRANDED | A marine mammal found alive on the shore, whether or not it is injured. |\n"
    "| ENTANGLED | An animal caught in rope, line or netting. |\n"
    "| RESTING | A healthy animal hauled out on the shore by choice. |\n"
    "| DECEASED | An animal found dead on arrival, whatever the cause. |\n"
    "| OILED | A bird or mammal with oil on its body. |\n\n"
    "# Oil\n\nTag OILED only when oil covers the feathers.\n\n"
    "# Rest\n\nRESTING is only for animals with no visible injury.\n\n"
    "# Gear\n\nENTANGLED is reserved for animals caught in active fishing gear: porpoises in discarded line "
    "are logged as DEBRIS.\n",
    "strandings/faq.md": "# Injuries\n\nSTRANDED is only for animals that are injured; an uninjured animal on the "
    "beach is logged as RESTING.\n\n"
    "# Old gear\n\nPorpoises tangled in discarded fishing line are also labelled ENTANGLED.\n\n"
    "# Deaths\n\nUse DECEASED also when the animal dies while you are on site.\n\n"
    "# On site\n\nAn animal that dies while the team is on site is a field death, not DECEASED.\n\n"
    "# Birds\n\nGulls with oil on the feathers are also OILED, even when they can still fly.\n\n"
    "# Pups\n\nA pup lying still beside its mother is also RESTING, whether or not it is asleep.\n\n"
    "# Doubt\n\nIf you cannot tell whether the animal is injured or only tired, tag it STRANDED and call the "
    "hotline.\n",
}
found = contradictions_fixture(DECK, "round41_label_scope")


def test_a_condition_the_definition_waives_and_a_restriction_requires_clash(found):
    assert "CON006" in _pairs(
        found, "whether or not it is injured", "STRANDED is only for animals that are injured"
    )


def test_a_case_added_with_also_and_named_apart_after_a_restriction_clash(found):
    assert "CON006" in _pairs(found, "are also labelled ENTANGLED", "ENTANGLED is reserved for")


def test_a_case_added_with_also_and_denied_the_label_by_name_clash(found):
    assert "CON006" in _pairs(found, "Use DECEASED also when", "a field death, not DECEASED")


def test_a_case_inside_the_restriction_is_no_conflict(found):
    assert "CON006" not in _pairs(found, "Tag OILED only when", "Gulls with oil on the feathers")


def test_a_condition_the_restriction_does_not_name_is_no_conflict(found):
    assert "CON006" not in _pairs(
        found, "RESTING is only for animals with no visible injury", "A pup lying still"
    )


def test_a_whether_that_asks_a_question_takes_nothing_in(found):
    assert "CON006" not in _pairs(found, "cannot tell whether", "STRANDED is only for")
