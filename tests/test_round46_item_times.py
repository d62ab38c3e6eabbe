"""What a time or count in a sentence limits: an idle login session is not an item, an extension is no limit's value,
and things filed "under two categories" are no fewer than two. Blind judges called CON004 wrong on each ("Sessions
left idle for 10 minutes are signed out" against "Each adjudication task times out after 90 seconds"; "ask Support for
a 24-hour extension" against "25 minutes from claiming a batch"; "Each span gets exactly one category" against "Don't
flag the same span twice under two categories"). Every sentence here was written for this test.
"""

from __future__ import annotations

from guidecheck.rules.item_times import read_item_time
from guidecheck.rules.quantities import find_quantities


def test_an_idle_session_is_timed_apart_from_an_item():
    session = read_item_time(
        "Logins left idle for 15 minutes are signed out, and the open clip goes back to the pool."
    )
    item = read_item_time("Each clip times out after 120 seconds, after which it goes to another rater.")
    assert session is not None and session.scope == "session"
    assert item is not None and item.scope == "item"


def test_an_extension_is_no_value_of_the_limit():
    assert (
        read_item_time(
            "If the editor freezes mid-batch, you can ask the desk for a 12-hour extension and the batch will be held for you."
        )
        is None
    )


def test_things_filed_under_categories_are_no_bound():
    assert find_quantities("Never file one receipt twice under two headings.") == []
    (q,) = find_quantities("Keep each caption under 30 words.")
    assert (q.comparator, q.value, q.unit) == ("<", 30.0, "word")
