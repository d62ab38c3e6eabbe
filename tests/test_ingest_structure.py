"""Structure that changes meaning: lead-ins, Do/Don't labels and headings, examples."""

from __future__ import annotations

import pytest
from fixtures_builders import by_text, read

from guidecheck.ingest.structure import is_label, polarity_of


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Do not:", "negative"),
        ("Don't:", "negative"),
        ("Don’t", "negative"),
        ("DON'TS", "negative"),
        ("Avoid the following:", "negative"),
        ("Never include these in a comment:", "negative"),
        ("Things you should not do:", "negative"),
        ("**Do:**", "positive"),
        ("Dos", "positive"),
        ("Do's", "positive"),
        ("Always:", "positive"),
        ("Make sure that:", "positive"),
        ("Dos and Don'ts", None),
        ("Do and Don't", None),
        ("Doing well on the test:", None),
        ("Notes:", None),
        # a short scene before the Do / Don't
        ("When labelling entities, don't:", "negative"),
        ("While reviewing a batch, avoid:", "negative"),
        ("For product reviews, do:", "positive"),
        ("When in doubt, ask your lead:", None),
    ],
)
def test_polarity_of_lead_ins_and_headings(text, expected):
    assert polarity_of(text) == expected


def test_label_is_only_the_polarity_word():
    assert [
        is_label(t) for t in ("Dos", "Don'ts:", "- Avoid", "Avoid these phrases:", "Do the following:")
    ] == [True, True, True, False, False]


def test_dos_and_donts_headings_set_polarity_of_everything_under_them(write):
    doc = read(
        write(
            "g.md",
            "# Comments\n\n## Do\n\n- Quote the response.\n\nBe specific.\n\n"
            "## Don't\n\n- Mention other raters.\n\n| Case | Why |\n|---|---|\n| Sarcasm | rude |\n\n"
            "## Length\n\n- Keep it short.\n",
        )
    )
    assert [(b.text, b.polarity) for b in doc.blocks if b.kind != "heading"] == [
        ("Quote the response.", "positive"),
        ("Be specific.", "positive"),
        ("Mention other raters.", "negative"),
        ("Sarcasm | rude", "negative"),
        ("Keep it short.", None),
    ]


def test_label_paragraph_covers_its_paragraphs_until_the_next_label(write):
    doc = read(
        write(
            "g.txt",
            "Dos\n\nCite the source of every claim.\n\nDon'ts\n\nGuess the user's location.\n\n"
            "Use the tags from the list.\n",
        )
    )
    assert [(b.text, b.polarity, b.lead_in) for b in doc.blocks] == [
        ("Dos", None, None),
        ("Cite the source of every claim.", "positive", "Dos"),
        ("Don'ts", None, None),
        ("Guess the user's location.", "negative", "Don'ts"),
        ("Use the tags from the list.", "negative", "Don'ts"),
    ]
    assert by_text(doc, "Dos").meta["is_lead_in"] is True


def test_label_ends_with_its_list(write):
    doc = read(write("g.md", "Don't:\n\n- paste links\n- use emoji\n\nComments are read by the vendor.\n"))
    assert [(b.text, b.polarity) for b in doc.blocks] == [
        ("Don't:", None),
        ("paste links", "negative"),
        ("use emoji", "negative"),
        ("Comments are read by the vendor.", None),
    ]


def test_nested_items_inherit_their_parent_lead_in_and_sub_lead_ins_win(write):
    doc = read(
        write(
            "g.md",
            "Rate a response 1 when it:\n\n- is off-topic\n- is unsafe, but do not:\n"
            "  - rate refusals 1\n  - rate jokes 1\n",
        )
    )
    assert [(b.text, b.lead_in, b.polarity, b.depth) for b in doc.blocks[1:]] == [
        ("is off-topic", "Rate a response 1 when it:", None, 0),
        ("is unsafe, but do not:", "Rate a response 1 when it:", None, 0),
        ("rate refusals 1", "is unsafe, but do not:", None, 1),
        ("rate jokes 1", "is unsafe, but do not:", None, 1),
    ]


def test_examples_by_heading_prefix_lead_in_and_quoted_answer(write):
    doc = read(
        write(
            "g.md",
            "# Rules\n\nRate factual errors 2.\n\nExample: the bot says Paris is in Spain; rate it 2.\n\n"
            "For example:\n\n- a wrong date\n- a wrong name\n\nResponse A:\n\n> Paris is in Spain.\n\n"
            '"The capital of Australia is Sydney, as everyone knows."\n\n'
            "## Sample prompts\n\nWrite a haiku about rain.\n\n# Scoring\n\nRate every response.\n",
        )
    )
    kinds = {b.text: b.kind for b in doc.blocks}
    assert kinds == {
        "Rules": "heading",
        "Rate factual errors 2.": "paragraph",
        "Example: the bot says Paris is in Spain; rate it 2.": "example",
        "For example:": "example",
        "a wrong date": "example",
        "a wrong name": "example",
        "Response A:": "example",
        "Paris is in Spain.": "example",
        '"The capital of Australia is Sydney, as everyone knows."': "example",
        "Sample prompts": "heading",
        "Write a haiku about rain.": "example",
        "Scoring": "heading",
        "Rate every response.": "paragraph",
    }
    assert by_text(doc, "a wrong date").meta["original_kind"] == "list_item"


def test_numbered_headings_are_read_by_their_words(write):
    """ "8. Worked examples" opens an example section and "4.2 Don'ts" a Don't section, like their bare words."""
    doc = read(
        write(
            "g.md",
            "# Guide\n\n## 4.2 Don'ts\n\n- Guess a missing price.\n\n## 8. Worked examples\n\n**Example 1: a "
            "receipt**\n\nThe total is smudged.\n\nVerdict: Unreadable, because the total cannot be read.\n\n"
            "## 9. Pay\n\nEach receipt pays 4 cents.\n",
        )
    )
    assert [(b.text, b.kind, b.polarity) for b in doc.blocks if b.kind != "heading"] == [
        ("Guess a missing price.", "list_item", "negative"),
        ("Example 1: a receipt", "example", None),
        ("The total is smudged.", "example", None),
        ("Verdict: Unreadable, because the total cannot be read.", "example", None),
        ("Each receipt pays 4 cents.", "paragraph", None),
    ]
    assert polarity_of("3. Do not:") == "negative"


def test_capitalised_lead_in_in_plain_text_is_not_a_heading(write):
    doc = read(write("g.txt", "COMMENTS\n\nDO NOT:\n- paste links\n\nComments are read by the vendor.\n"))
    assert [(b.kind, b.text, b.polarity) for b in doc.blocks] == [
        ("heading", "COMMENTS", None),
        ("paragraph", "DO NOT:", None),
        ("list_item", "paste links", "negative"),
        ("paragraph", "Comments are read by the vendor.", None),
    ]


def test_do_dont_table_becomes_items_with_the_column_polarity(write):
    doc = read(
        write(
            "g.md",
            "## Comments\n\nIn your comments:\n\n| Do | Don't |\n|---|---|\n| Quote the response. | Paste links. |\n"
            "| Be specific. | |\n\n| Score | Meaning |\n|---|---|\n| 1 | Off-topic |\n",
        )
    )
    assert [(b.kind, b.text, b.lead_in, b.polarity, b.location.line) for b in doc.blocks[2:]] == [
        ("list_item", "Quote the response.", "Do", "positive", 7),
        ("list_item", "Paste links.", "Don't", "negative", 7),
        ("list_item", "Be specific.", "Do", "positive", 8),
        ("table_row", "1 | Off-topic", None, None, 12),
    ]


def test_a_bullet_glyph_typed_into_a_slide_text_box_makes_a_list_item(tmp_path):
    """Slide text boxes (not body placeholders) and Word paragraphs pasted from elsewhere carry typed bullets; the
    glyph is no part of the item, and a typed step number is kept (LAB006 counts "1. ... 4." under "3 cases")."""
    from fixtures_builders import build_pptx

    deck = build_pptx(
        tmp_path / "deck.pptx",
        [{"title": "Comments", "textbox": "• Do not describe people by their clothing in a comment."}],
    )
    item = by_text(read(deck), "Do not describe people by their clothing in a comment.")
    assert item.kind == "list_item"
