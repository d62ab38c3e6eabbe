"""Instructions the extractor lost to the tagger or to layout, found among the planted sentences that no rule
matched on the blind splits already scored (read in general form, not per sentence):

- a known instruction verb the tagger calls an interjection after an opening phrase ("In your summary, quote ...");
- an instruction after a colon or semicolon that the tagger hangs on the statement before it ("The consent check
  comes first: do not open ...", "Ties between two tags: choose ...");
- a plain-text entry whose numbered title is on the line above its text ("E4. Background noise");
- a ban on pasting URLs into a field clashes with a link required there, not with a quote of the source's words
  (CON018 since round 45: the copying reading asks what is copied).

Their look-alikes stay what they were: "Note: ..." states something, "Please" is no instruction of its own, a
list of qualities after a colon is no instruction ("...: correct, complete, on time"), a changelog's past tense
after a version number is none either, and "2. Rate ..." in a text file is a numbered list item.
Every sentence here was written for this test.
"""

from __future__ import annotations

import pytest
from test_output_conflicts_cli import contradictions_fixture
from test_output_conflicts_cli import pairs_with as _pairs
from test_rules_roles import extract, nlp  # noqa: F401  (the shared spaCy and extraction fixtures)

from guidecheck.ingest.plaintext import read as read_text

pytestmark = pytest.mark.slow  # loads spaCy


def _kinds(extract, text: str, name: str = "deck.md") -> list[tuple[str, str, str]]:  # noqa: F811
    return [(r["text"], r["kind"], r["action"]) for r in extract(text, name) if not r["is_example"]]


@pytest.mark.parametrize(
    "sentence,kind,action",
    [
        ("In your summary, quote the exact words that made you flag it.", "obligation", "quote"),
        ("In the comment box, quote the line you disagree with.", "obligation", "quote"),
        (
            "The consent check comes first: do not open the attachment until it is done.",
            "prohibition",
            "open",
        ),
        # a tie-break is read as the priority it states
        ("Ties between two tags: choose the more specific tag.", "priority", "choose"),
        ("Background speech is a separate layer: leave it out of the transcript.", "obligation", "leave"),
    ],
)
def test_instructions_the_tagger_misreads_are_rules(extract, sentence, kind, action):  # noqa: F811
    assert _kinds(extract, f"# Rules\n\n{sentence}\n") == [(sentence, kind, action)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Note: the tool saves your work every minute.",
        "Background: the clips come from three call centres.",
        "Please.",
        "v2.4: rewrote the Noise section; moved music beds into Out of Scope.",
    ],
)
def test_statements_after_a_colon_stay_statements(extract, sentence):  # noqa: F811
    assert _kinds(extract, f"# Rules\n\n{sentence}\n") == []


def test_a_list_of_qualities_after_a_colon_gives_no_second_verb(extract):  # noqa: F811
    text = "# Scores\n\nSave a 5 for answers a forecaster would sign: correct, complete, about the right place.\n"
    assert all(action != "correct" for _, _, action in _kinds(extract, text))


def test_numbered_entry_titles_in_plain_text_are_headings(tmp_path):
    path = tmp_path / "errata.txt"
    path.write_text(
        "ERRATA\n\nE4. Background noise\nTag hum and hiss as NOISE only when it covers a word.\n\n"
        "5.2 Speaker changes\nStart a new turn at every change of speaker.\n\n"
        "Steps\n\n2. Rate the reply\n3. Save the task\n",
        encoding="utf-8",
    )
    blocks = [(b.kind, b.text, b.section[-1:]) for b in read_text(path, path.read_bytes())]
    assert ("heading", "E4. Background noise", ("E4. Background noise",)) in blocks
    assert (
        "paragraph",
        "Tag hum and hiss as NOISE only when it covers a word.",
        ("E4. Background noise",),
    ) in blocks
    assert ("heading", "5.2 Speaker changes", ("5.2 Speaker changes",)) in blocks
    assert next(b for b in blocks if b[1] == "Rate the reply")[0] == "list_item"


def test_the_entry_text_under_a_numbered_title_is_a_rule(extract):  # noqa: F811
    text = "ERRATA\n\nE4. Background noise\nTag hum and hiss as NOISE only when it covers a word.\n"
    rules = _kinds(extract, text, "errata.txt")
    assert [(t, k) for t, k, _ in rules] == [
        ("Tag hum and hiss as NOISE only when it covers a word.", "obligation")
    ]


LINK_DECKS = {
    "wiki/guide.md": "# Rationale\n\nA Spam label must be backed by a link to the spam report, pasted into the rationale.\n\n"
    "When an edit inserts an unsourced claim, quote the exact inserted words in the rationale.\n",
    "wiki/faq.md": "# FAQ\n\nDo not paste URLs into the rationale field; it is plain text only.\n",
}
found = contradictions_fixture(LINK_DECKS, "round34_links")


def test_a_link_required_in_a_field_clashes_with_a_ban_on_pasting_urls_there(found):
    assert _pairs(found, "link to the spam report", "paste URLs") == ["CON018"]


def test_a_quote_of_the_source_words_does_not_clash_with_a_ban_on_urls(found):
    assert _pairs(found, "quote the exact inserted words", "paste URLs") == []
