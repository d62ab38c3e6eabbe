"""DOCX and PPTX: sections from heading styles and slide titles, list levels, table rows with their header,
speaker notes with slide numbers, footnotes and review comments."""

from __future__ import annotations

from fixtures_builders import build_docx, build_pptx, by_text, read, rows

RUBRIC = [
    ("heading", "Chatbot rating rubric", 0),
    ("heading", "Helpfulness scale", 1),
    ("para", "Rate every response on a 1-5 scale."),
    (
        "table",
        [
            ["Score", "Label", "Description"],
            ["5", "Excellent", "Answers the whole request with no errors."],
            ["1", "Unhelpful", "Ignores the request or refuses a safe one."],
        ],
    ),
    ("heading", "Comments", 1),
    ("para", "Do not:"),
    ("bullet", "paste the model response", 0),
    ("bullet", "name other raters", 1),
    ("number", "Write at least two sentences.", 0),
    ("quote", "Response: The capital of France is Paris."),
    ("code", "score = 5"),
]


def test_docx_rubric_table_lists_and_styles(tmp_path):
    doc = read(build_docx(tmp_path / "rubric.docx", RUBRIC))
    top, scale, comments = (
        ("Chatbot rating rubric",),
        ("Chatbot rating rubric", "Helpfulness scale"),
        ("Chatbot rating rubric", "Comments"),
    )
    assert doc.status == "ok"
    assert rows(doc) == [
        ("heading", "Chatbot rating rubric", top, "rubric.docx"),
        ("heading", "Helpfulness scale", scale, "rubric.docx"),
        ("paragraph", "Rate every response on a 1-5 scale.", scale, "rubric.docx"),
        ("table_row", "5 | Excellent | Answers the whole request with no errors.", scale, "rubric.docx"),
        ("table_row", "1 | Unhelpful | Ignores the request or refuses a safe one.", scale, "rubric.docx"),
        ("heading", "Comments", comments, "rubric.docx"),
        ("paragraph", "Do not:", comments, "rubric.docx"),
        ("list_item", "paste the model response", comments, "rubric.docx"),
        ("list_item", "name other raters", comments, "rubric.docx"),
        ("list_item", "Write at least two sentences.", comments, "rubric.docx"),
        ("example", "Response: The capital of France is Paris.", comments, "rubric.docx"),
        ("code", "score = 5", comments, "rubric.docx"),
    ]
    row = by_text(doc, "1 | Unhelpful | Ignores the request or refuses a safe one.")
    assert row.header == ("Score", "Label", "Description")
    assert row.cells == ("1", "Unhelpful", "Ignores the request or refuses a safe one.")
    nested = by_text(doc, "name other raters")
    assert (nested.depth, nested.lead_in, nested.polarity) == (1, "Do not:", "negative")
    assert by_text(doc, "Write at least two sentences.").polarity is None  # the Do-not list ended


def test_docx_footnotes_and_comments_follow_their_paragraph(tmp_path):
    path = build_docx(
        tmp_path / "rubric.docx",
        RUBRIC[:3],
        comments={"Rate every response on a 1-5 scale.": ("Dana", "From March raters use 1-7.")},
        footnotes={"Rate every response on a 1-5 scale.": "The old 1-10 scale is retired."},
    )
    doc = read(path)
    scale = ("Chatbot rating rubric", "Helpfulness scale")
    assert rows(doc)[2:] == [
        ("paragraph", "Rate every response on a 1-5 scale.", scale, "rubric.docx"),
        ("paragraph", "The old 1-10 scale is retired.", scale, "rubric.docx"),
        ("note", "From March raters use 1-7.", scale, "rubric.docx"),
    ]
    assert by_text(doc, "The old 1-10 scale is retired.").meta["footnote"] == "1"
    assert by_text(doc, "From March raters use 1-7.").meta["author"] == "Dana"


SLIDES = [
    {
        "title": "Rating helpfulness",
        "bullets": [
            ("Read the whole conversation first", 0),
            ("Do not:", 0),
            ("reward long answers", 1),
            ("guess the user's intent", 1),
        ],
        "notes": "Tell raters a refusal is never rated above 2.\nDon't:\n- penalize short answers\n- skip the rubric",
    },
    {
        "title": "The scale",
        "table": [["Score", "Meaning"], ["5", "Perfect"], ["1", "Useless"]],
        "textbox": "Example: a one-word answer to a yes/no question can score 5.",
    },
    {"title": "Hidden backup", "bullets": [("Always escalate medical questions", 0)], "hidden": True},
]


def test_pptx_slides_tables_and_notes(tmp_path):
    doc = read(build_pptx(tmp_path / "deck.pptx", SLIDES))
    one, two, three = ("Rating helpfulness",), ("The scale",), ("Hidden backup",)
    assert doc.status == "ok"
    assert rows(doc) == [
        ("heading", "Rating helpfulness", one, "deck.pptx slide 1"),
        ("list_item", "Read the whole conversation first", one, "deck.pptx slide 1"),
        ("list_item", "Do not:", one, "deck.pptx slide 1"),
        ("list_item", "reward long answers", one, "deck.pptx slide 1"),
        ("list_item", "guess the user's intent", one, "deck.pptx slide 1"),
        ("note", "Tell raters a refusal is never rated above 2.", one, "deck.pptx slide 1 (notes)"),
        ("note", "Don't:", one, "deck.pptx slide 1 (notes)"),
        ("note", "penalize short answers", one, "deck.pptx slide 1 (notes)"),
        ("note", "skip the rubric", one, "deck.pptx slide 1 (notes)"),
        ("heading", "The scale", two, "deck.pptx slide 2"),
        ("table_row", "5 | Perfect", two, "deck.pptx slide 2"),
        ("table_row", "1 | Useless", two, "deck.pptx slide 2"),
        ("example", "Example: a one-word answer to a yes/no question can score 5.", two, "deck.pptx slide 2"),
        ("heading", "Hidden backup", three, "deck.pptx slide 3"),
        ("list_item", "Always escalate medical questions", three, "deck.pptx slide 3"),
    ]
    note = by_text(doc, "penalize short answers")
    assert (note.location.slide, note.location.notes, note.lead_in, note.polarity) == (
        1,
        True,
        "Don't:",
        "negative",
    )
    assert [
        (b.depth, b.polarity)
        for b in doc.blocks
        if b.text in ("reward long answers", "guess the user's intent")
    ] == [(1, "negative"), (1, "negative")]
    assert by_text(doc, "5 | Perfect").header == ("Score", "Meaning")
    assert [b.text for b in doc.blocks if b.meta.get("hidden")] == [
        "Hidden backup",
        "Always escalate medical questions",
    ]


def test_docx_saved_by_word_gives_page_numbers(tmp_path):
    """Word records where it broke pages (w:lastRenderedPageBreak); blocks after a break get the next page."""
    import docx
    from docx.oxml import OxmlElement

    path = build_docx(
        tmp_path / "paged.docx",
        [
            ("heading", "Scale", 1),
            ("para", "Rate every response."),
            ("para", "Rate refusals 1."),
            ("para", "Rate jokes 3."),
        ],
    )
    document = docx.Document(path)
    for paragraph in document.paragraphs[2:]:  # Word broke the page before each of the last two paragraphs
        run = OxmlElement("w:r")
        run.append(OxmlElement("w:lastRenderedPageBreak"))
        paragraph.runs[0]._r.addprevious(run)
    document.save(path)
    assert [(b.text, b.location.label()) for b in read(path).blocks] == [
        ("Scale", "paged.docx page 1"),
        ("Rate every response.", "paged.docx page 1"),
        ("Rate refusals 1.", "paged.docx page 2"),
        ("Rate jokes 3.", "paged.docx page 3"),
    ]


def test_docx_without_word_page_marks_has_no_page(tmp_path):
    doc = read(build_docx(tmp_path / "r.docx", RUBRIC[:3]))
    assert {b.location.page for b in doc.blocks} == {None}


def test_docx_paragraph_running_over_a_page_end_starts_on_the_earlier_page(tmp_path):
    import docx
    from docx.oxml import OxmlElement

    path = build_docx(
        tmp_path / "paged.docx",
        [("para", "A long paragraph that Word broke across two pages."), ("para", "The next paragraph.")],
    )
    document = docx.Document(path)
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:lastRenderedPageBreak"))
    document.paragraphs[0]._p.append(run)  # the page ends inside the first paragraph
    document.save(path)
    assert [b.location.page for b in read(path).blocks] == [1, 2]
