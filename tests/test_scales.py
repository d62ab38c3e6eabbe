"""CON007 on decks that rate several dimensions, each on a scale of its own."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.slow


def _con007(report):
    return [f["message"] for f in report["findings"] if f["check"] == "CON007"]


def test_two_rubric_tables_of_two_dimensions_name_their_scores_differently(write, check_json):
    write(
        "deck/guide.md",
        "# Grading\n\n## Accuracy rubric\n\n| Score | Label | Description |\n|---|---|---|\n"
        "| 1 | Wrong | The answer is wrong. |\n| 2 | Partly right | Some of it holds. |\n| 3 | Right | All of it holds. |\n\n"
        "## Tone scale\n\n| Score | Label | Description |\n|---|---|---|\n"
        "| 1 | Rude | The reply is rude. |\n| 2 | Neutral | The reply is neither. |\n| 3 | Warm | The reply is kind. |\n",
    )
    assert _con007(check_json(write("deck/.keep", "").parent)) == []


def test_the_same_scale_described_twice_with_one_name_changed_is_a_conflict(write, check_json):
    write(
        "deck/guide.md",
        "# Grading\n\n## Scale\n\n| Score | Label | Description |\n|---|---|---|\n"
        "| 1 | Wrong | The answer is wrong. |\n| 2 | Partly right | Some of it holds. |\n| 3 | Right | All of it holds. |\n",
    )
    write(
        "deck/faq.md",
        "# FAQ\n\n## Scale again\n\n| Score | Label | Description |\n|---|---|---|\n"
        "| 1 | Wrong | The answer is wrong. |\n| 2 | Mixed | Some of it holds. |\n| 3 | Right | All of it holds. |\n",
    )
    (message,) = _con007(check_json(write("deck/.keep", "").parent))
    assert message.startswith("Score 2 is named") and "“Partly right”" in message and "“Mixed”" in message


def test_a_score_on_the_scale_of_the_dimension_it_names_is_on_a_scale(write, check_json):
    write(
        "deck/guide.md",
        "# Scales\n\nRate tone on a 1-3 scale.\n\nRate accuracy on a 1-5 scale.\n\n"
        "A reply with one wrong date can still get accuracy 4.\n",
    )
    assert _con007(check_json(write("deck/.keep", "").parent)) == []


def test_an_unlabelled_score_outside_the_general_scale_is_a_conflict(write, check_json):
    write("deck/guide.md", "# Scale\n\nRate each reply on a 1-5 scale.\n\nRate tone on a 0-10 scale.\n")
    write("deck/examples.md", "# Examples\n\nExample 2: The reply answers the question in full. Rating: 7.\n")
    messages = _con007(check_json(write("deck/.keep", "").parent))
    assert any("outside the 1–5 scale of “Rate each reply on a 1-5 scale.”" in m for m in messages), messages


def test_a_table_of_dimensions_gives_each_dimension_its_range(write, check_json):
    write(
        "deck/guide.md",
        "# Dimensions\n\n| Dimension | Scale | What it measures |\n|---|---|---|\n"
        "| Tone | 1–3 | How kind the reply sounds. |\n| Usefulness | 1–5 | How far the reply gets the user. |\n\n"
        "A reply with one typo can still earn a 4 on Usefulness.\n\nA reply that shouts can earn a 4 on Tone.\n",
    )
    (message,) = _con007(check_json(write("deck/.keep", "").parent))
    assert "“A reply that shouts can earn a 4 on Tone.” uses a score of 4, outside the 1–3 scale" in message


def test_rubric_lines_are_a_scale_whose_names_must_agree_with_a_table_of_it(write, check_json):
    write(
        "deck/guide.md",
        "# Usefulness\n\n- 3 – Solved: the user can act on the reply.\n- 2 – Partly solved: some steps are missing.\n"
        "- 1 – Unsolved: the reply does not help.\n",
    )
    write(
        "deck/faq.md",
        "# Usefulness again\n\n| Score | Label | Description |\n|---|---|---|\n"
        "| 3 | Solved | The user can act on it. |\n| 2 | Half solved | Some steps are missing. |\n"
        "| 1 | Unsolved | It does not help. |\n",
    )
    (message,) = _con007(check_json(write("deck/.keep", "").parent))
    assert message.startswith("Score 2 is named") and "Partly solved" in message and "Half solved" in message


def test_a_size_and_a_quoted_piece_of_an_example_are_no_scores(write, check_json):
    write(
        "deck/guide.md",
        "# Damage scale\n\n| Score | Name | Description |\n|---|---|---|\n"
        "| 0 | None | Nothing changed. |\n| 1 | Light | A few tiles are missing. |\n"
        "| 2 | Heavy | Part of the roof is gone. |\n| 3 | Destroyed | Only the base is left. |\n\n"
        "# Imagery\n\nEach frame is 640 × 480 pixels, a little under 200 metres on a side.\n\n"
        "# Card numbers\n\n"
        'Partial codes count as well, so in "card ending 9921" you tag "9921".\n\n'
        'Short codes count as well, so in "room 12B" you tag "12".\n',
    )
    assert _con007(check_json(write("deck/.keep", "").parent)) == []
    # a number the deck gives as a score is still checked against the scale
    write("deck/examples.md", "# Examples\n\nExample 4: Half the roof has caved in. Rating: 7.\n")
    messages = _con007(check_json(write("deck/.keep", "").parent))
    assert any("uses a score of 7" in m for m in messages), messages
