"""Label definitions in the forms real guidelines use enter the inventory, so LAB001 stops calling them undefined;
numbered sections are not scale points (LAB004); sections that define labels are not "without rules" (COV002).

Every deck here is written for the test. No model is loaded: rules are given as frames (tests/builders.py).
"""

from __future__ import annotations

from pathlib import Path

from builders import deck_index, findings_of, frame

from guidecheck.checks.common.terms import same_word_family


def _findings(tmp_path: Path, text: str, rules: list[str], only: list[str], name: str = "guide.md"):
    (tmp_path / "deck").mkdir(exist_ok=True)
    (tmp_path / "deck" / name).write_text(text, "utf-8")
    index = deck_index(tmp_path / "deck", [frame(r) for r in rules])
    return findings_of(index, only=only)


def _undefined(tmp_path: Path, text: str, rules: list[str]) -> list[str]:
    return sorted(f.message.split("'")[1] for f in _findings(tmp_path, text, rules, ["LAB001"]))


def test_name_code_and_code_gloss_define_the_code(tmp_path):
    text = (
        "# Reply review\n\n## Reading the replies\n\n"
        "Replies about another subject are off-topic replies (OFFT) and need their own mark.\n\n"
        "REPEAT: the reply copies an earlier reply word for word.\n\n"
        "## Marking\n\nMark such replies as OFFT.\n\nMark copied replies as REPEAT.\n\n"
        "Mark replies in another language as FOREIGN.\n"
    )
    rules = [
        "Mark such replies as OFFT.",
        "Mark copied replies as REPEAT.",
        "Mark replies in another language as FOREIGN.",
    ]
    assert _undefined(tmp_path, text, rules) == ["FOREIGN"]


def test_labeled_tagged_marked_as_and_label_lists_define_names(tmp_path):
    text = (
        "# Claims\n\n## Kinds of claims\n\n"
        "A claim with a number in it (labeled NUMERIC) is checked against the source.\n\n"
        "Claims that quote a person are marked as QUOTED in the second pass.\n\n"
        "Certainty (values: sure, unsure) is set once per claim.\n\n"
        "Every claim gets one of three claim types: Factual, Opinion and Forecast.\n\n"
        "## Marking\n\nTag the claim as NUMERIC.\n\nLabel it as QUOTED.\n\nMark the claim as Opinion.\n\n"
        'Select "unsure" for the certainty.\n\nMark the claim as Rumour.\n'
    )
    rules = [
        "Tag the claim as NUMERIC.",
        "Label it as QUOTED.",
        "Mark the claim as Opinion.",
        'Select "unsure" for the certainty.',
        "Mark the claim as Rumour.",
    ]
    assert _undefined(tmp_path, text, rules) == ["Rumour"]


def test_bare_labels_under_a_lead_in_are_defined(tmp_path):
    text = (
        "# Housing\n\n## Housing status\n\nHousing status:\n\n- Owner\n- Tenant\n- No fixed address\n\n"
        "## Marking\n\nMark the phrase as Tenant.\n\nMark the phrase as Lodger.\n"
    )
    rules = ["Mark the phrase as Tenant.", "Mark the phrase as Lodger."]
    assert _undefined(tmp_path, text, rules) == ["Lodger"]


def test_a_heading_names_the_label_its_text_defines(tmp_path):
    text = (
        "# Notes\n\n## Category: Dosage\n\nThe amount of a drug and how often it is given.\n\n"
        "## 3.1.2 Word order\n\nWords of the translation stand in the wrong place.\n\n"
        "## Annotating UNCERTAINTY of findings\n\nSome findings are only suspected.\n\n"
        "## Rules\n\nAnnotate the amount as Dosage.\n\nMark the sentence as a Word Order error.\n\n"
        "Mark the finding as UNCERTAIN.\n\nMark the finding as Refuted.\n"
    )
    rules = [
        "Annotate the amount as Dosage.",
        "Mark the sentence as a Word Order error.",
        "Mark the finding as UNCERTAIN.",
        "Mark the finding as Refuted.",
    ]
    assert _undefined(tmp_path, text, rules) == ["Refuted"]


def test_a_prefixed_family_member_is_defined_by_its_base(tmp_path):
    text = (
        "# Actions\n\n## Action classes\n\nSPEECH: an action of saying something.\n\n"
        "MOTION: an action of moving from one place to another.\n\n"
        "## Negation\n\nMark a denied saying as NEG_SPEECH.\n\nMark a planned move as PLANNED-MOTION.\n\n"
        "Mark a denied thought as NEG_THOUGHT.\n"
    )
    rules = [
        "Mark a denied saying as NEG_SPEECH.",
        "Mark a planned move as PLANNED-MOTION.",
        "Mark a denied thought as NEG_THOUGHT.",
    ]
    assert _undefined(tmp_path, text, rules) == ["NEG_THOUGHT"]


TAGS = """# Call transcripts

## Tags

Tag descriptions

- [laugh]
  The caller laughs.
- [side-talk]
  Speech that is not meant for the system.

## Using tags

- Put [laugh] right after the laughing word.
- If a child speaks in the room, mark it as [side talk].
- Add [giggle] when the caller giggles.
- If you type "[lagh]" by mistake, the checker catches it.
- Tag List
"""


def test_bracket_tag_definitions_spellings_and_mentions(tmp_path):
    rules = [
        "Put [laugh] right after the laughing word.",
        "If a child speaks in the room, mark it as [side talk].",
        "Add [giggle] when the caller giggles.",
        'If you type "[lagh]" by mistake, the checker catches it.',
        "Tag List",
    ]
    found = _findings(tmp_path, TAGS, rules, ["LAB001"])
    messages = sorted(f.message for f in found)
    assert [m.split("'")[1] for m in messages] == ["[giggle]", "[side talk]"]
    assert "the deck defines it as '[side-talk]'" in messages[1]
    assert "Write '[side-talk]'" in next(f.fix for f in found if "[side talk]" in f.message)


def test_brackets_are_example_markup_in_a_deck_without_bracket_tags(tmp_path):
    text = (
        "# Dialogue rating\n\n## Readability\n\nRate the reply for how easily it reads.\n\n"
        "Thanks for booking the [hotel_name] near the [area] for you.\n"
    )
    rules = [
        "Rate the reply for how easily it reads.",
        "Thanks for booking the [hotel_name] near the [area] for you.",
    ]
    assert _undefined(tmp_path, text, rules) == []


def test_section_numbers_and_numbered_steps_are_not_scale_points(tmp_path):
    text = (
        "# Error guide\n\n## 2 Kinds of error\n\n2.1.1 Meaning errors change what the text says.\n\n"
        "2.1.2 Form errors break the grammar of the text.\n\n"
        "## Links\n\n3) Links between two mentions of one thing:\n\n4) Links between a part and its whole:\n\n"
        "## Other links\n\n3) Links that restate an earlier link:\n\n"
        "## Quality scale\n\n- 3 = Good: the text reads naturally.\n- 2 = Fair: the text has small slips.\n"
        "- 1 = Poor: the text is hard to follow.\n"
    )
    found = _findings(tmp_path, text, [], ["LAB004", "LAB003"])
    assert found == []
    index = deck_index(tmp_path / "deck", [])
    inv = index.inventories[next(iter(index.inventories))]
    assert sorted(e.score for e in inv.entries if e.score) == ["1", "2", "3"]


def test_word_family_is_not_a_terminology_variant():
    assert same_word_family("Severity", "severe") and same_word_family("AP", "APs")
    assert not same_word_family("Relevent", "Relevant") and not same_word_family("Unsure", "Not sure")


def test_sections_that_define_labels_are_not_without_rules(tmp_path):
    prose = " ".join(["The annotators read the whole record before they start on the spans."] * 5)
    text = (
        "# Clinical notes\n\n## Marking\n\nMark every drug name.\n\n"
        f"## PREPOSTOP\n\n{prose}\n\n"
        f"## Category: Allergy\n\n### Definition\n\n{prose}\n\n"
        f"## Follow-up visits\n\nThis category describes planned visits. {prose}\n\n"
        f"## Handling dictation noise\n\n{prose}\n"
    )
    found = _findings(tmp_path, text, ["Mark every drug name."], ["COV002"])
    assert [f.message.split("'")[1] for f in found] == ["Handling dictation noise"]


def test_a_code_written_with_two_joiners_is_one_terminology_finding(tmp_path):
    text = (
        "# Timeline links\n\n## Link types\n\nThree link types: EARLIER, LATER and EARLIER/OVERLAPPING.\n\n"
        "EARLIER/OVERLAPPING links join an event that began first and still goes on.\n\n"
        "## Marking\n\nUse EARLIER-OVERLAPPING when the first event has not ended.\n\n"
        "Mark the pair as EARLIER/OVERLAPPING only once.\n"
    )
    rules = [
        "Use EARLIER-OVERLAPPING when the first event has not ended.",
        "Mark the pair as EARLIER/OVERLAPPING only once.",
    ]
    found = _findings(tmp_path, text, rules, ["TERM001", "LAB001"])
    assert [(f.check, f.message.split("'")[1], f.message.split("'")[3]) for f in found] == [
        ("TERM001", "EARLIER-OVERLAPPING", "EARLIER/OVERLAPPING")
    ]
    assert "is another spelling of" in found[0].message
    assert found[0].location.line == 11  # the rule that uses the rarer spelling


def test_a_heading_defines_a_name_but_does_not_add_a_scale_option(tmp_path):
    text = (
        "# Review sentiment\n\n## Glossary\n\n- Irony: praise that the context shows is meant as blame.\n"
        "- Rant: a long complaint.\n\n"
        "## Scale\n\n| Label | Description |\n|---|---|\n| Positive | The reviewer likes the product. |\n"
        "| Negative | The reviewer dislikes the product. |\n\n"
        "## Handling irony\n\nChoose the Irony label for reviews that are ironic throughout.\n"
    )
    found = _findings(
        tmp_path,
        text,
        ["Choose the Irony label for reviews that are ironic throughout."],
        ["LAB001", "LAB005"],
    )
    assert [(f.check, f.message.split("'")[1]) for f in found] == [("LAB005", "Irony")]


def test_angle_tags_defined_by_headings_and_combined_with_a_caret(tmp_path):
    # Markdown would read <st> as HTML, so the deck escapes the brackets as a Markdown writer must.
    text = (
        "# Dialogue acts\n\n## 1.1 Statement <st>\n\nA plain statement.\n\n## 1.2 Yes-No Question <yn>\n\n"
        "A question answered by yes or no.\n\n## Combining tags\n\n"
        "Label a statement said as a question as <yn^st>.\n\nLabel greetings as <gr>.\n\n"
        "Tag a rising statement <st> and never <rs>.\n\nOlder notes call a yes-no question <ynq> instead.\n"
    )
    rules = [
        "Label a statement said as a question as <yn^st>.",
        "Label greetings as <gr>.",
        "Tag a rising statement <st> and never <rs>.",
    ]
    found = _findings(tmp_path, text.replace("<", "&lt;").replace(">", "&gt;"), rules, ["LAB001"])
    assert sorted(f.message.split("'")[1] for f in found) == ["<gr>", "<rs>", "<ynq>"]
    prose = next(f for f in found if "<ynq>" in f.message)
    assert prose.message.startswith("Tag '<ynq>' is written here") and prose.location.line == 19


def test_markup_of_a_defined_label_in_example_text_is_not_an_undefined_tag(tmp_path):
    text = (
        "# Error markup\n\n## Error labels\n\n- Spelling: a word is misspelt.\n- Spacing: a space is missing.\n\n"
        "## Marking a gap\n\n[gap]\n\nPut the gap tag where a word is missing.\n\n"
        "Marked sample: the hous [spelling] is onthe [spacing] hill.\n\n"
        "Marked sample: the [gapp] house on the hill.\n"
    )
    found = _findings(tmp_path, text, ["Put the gap tag where a word is missing."], ["LAB001"])
    assert [f.message.split("'")[1] for f in found] == ["[gapp]"]


def test_a_quoted_label_with_its_words_in_another_order_is_a_variant(tmp_path):
    text = (
        "# Toxicity\n\n## Scheme\n\nThe first layer has three possible values, Mild Toxic, Severe Toxic and Clean.\n\n"
        "## Notes\n\nThe second row is left blank for “Toxic severe” posts.\n\nMark the post as Clean when in doubt.\n"
    )
    found = _findings(tmp_path, text, ["Mark the post as Clean when in doubt."], ["TERM001", "LAB001"])
    assert [(f.check, f.message.split("'")[1], f.message.split("'")[3]) for f in found] == [
        ("TERM001", "Toxic severe", "Severe Toxic")
    ]


def test_a_bracketed_word_after_an_instruction_to_write_it_is_a_tag(tmp_path):
    text = (
        "# Transcribing\n\n## Labels\n\nPRICE: a price the caller names.\n\n"
        "## Rules\n\nIf a word cannot be heard, write [unheard] in its place.\n\n"
        "Thanks for calling the [shop_name] help line.\n\n"
        "## What about products named after their maker?\n\nLabel the product name as PRODUCT.\n"
    )
    rules = [
        "If a word cannot be heard, write [unheard] in its place.",
        "Thanks for calling the [shop_name] help line.",
        "Label the product name as PRODUCT.",
    ]
    # in a deck that defines labels (PRICE): a question-like heading about products does not define PRODUCT; a
    # placeholder is not a tag
    assert _undefined(tmp_path, text, rules) == ["PRODUCT", "[unheard]"]


def test_a_one_letter_code_beside_a_capitalised_name_and_its_plural_are_defined(tmp_path):
    text = (
        "# Frames\n\n## Units\n\n"
        "A unit that names the setting is marked as a BACKDROP (K). Units that carry the mood are a Tone (Y).\n\n"
        "## Marking\n\nMark the sky as K.\n\nWhen two units both set the scene, mark them as Ks.\n\n"
        "Mark the music as Y.\n\nMark the camera angle as W.\n\nSee (b) below for details.\n"
    )
    rules = [
        "Mark the sky as K.",
        "When two units both set the scene, mark them as Ks.",
        "Mark the music as Y.",
        "Mark the camera angle as W.",
    ]
    assert _undefined(tmp_path, text, rules) == ["W"]


def test_a_deck_that_defines_no_label_set_has_no_undefined_label(tmp_path):
    """Entity-linking style: the only rule that names "Unknown" says when to use it; there is no list to miss it
    from. The same rule in a deck with a label table is a gap in that table."""
    rule = 'If the entity is missing from the knowledge base, annotate it as "Unknown".'
    bare = f"# Linking\n\n## Missing entities\n\n{rule}\n"
    assert _undefined(tmp_path, bare, [rule]) == []
    table = (
        "# Linking\n\n## Link labels\n\n| Label | Meaning |\n|---|---|\n| LINKED | the entity has a KB entry |\n"
        f"| AMBIGUOUS | two entries fit |\n\n## Missing entities\n\n{rule}\n"
    )
    assert _undefined(tmp_path, table, [rule]) == ["Unknown"]


def test_the_name_marked_as_a_label_is_what_is_marked_not_a_label(tmp_path):
    # "mark every NESTED QUOTE first as a QUOTE" marks a thing called NESTED QUOTE with the label QUOTE: only the
    # label after "as" is used. A label right after the verb with no "as" behind it still is one.
    text = (
        "# Speech\n\n## Speech labels\n\n- QUOTE: words reported as said by someone.\n- CLAIM: an assertion.\n\n"
        "## Marking\n\nPlease mark every NESTED QUOTE first as a QUOTE, then as a CLAIM.\n\n"
        "Mark the sentence HEARSAY when the speaker was not present.\n"
    )
    rules = [
        "Please mark every NESTED QUOTE first as a QUOTE, then as a CLAIM.",
        "Mark the sentence HEARSAY when the speaker was not present.",
    ]
    assert _undefined(tmp_path, text, rules) == ["HEARSAY"]
