"""PDF: text per page, headings by font size, running headers/footers and page numbers removed, hyphenated line
breaks joined, and clear warnings instead of junk for scans, garbage text layers and protected files."""

from __future__ import annotations

from fixtures_builders import build_blank_pdf, build_pdf, by_text, read, rows

from guidecheck.ingest.pdf import garbage_ratio

PAGES = [
    [
        ("h1", "Chatbot rating FAQ"),
        (
            "p",
            "Raters must read the entire conversation before they choose a rating, including every earlier turn "
            "of the user and the assistant.",
        ),
        ("p", "Do not:"),
        ("li", "reward long answers"),
        ("li", "guess what the user meant"),
    ],
    [("h2", "Refusals"), ("p", "A refusal of a safe request is rated 2 at most.")],
    [("h2", "Scores"), ("p", "Use the full scale.")],
]
HEADER = "Chatbot Helpfulness FAQ v3 - internal"


def test_pdf_pages_headings_lists_without_running_headers(tmp_path):
    doc = read(build_pdf(tmp_path / "faq.pdf", PAGES, header=HEADER))
    faq = ("Chatbot rating FAQ",)
    assert doc.status == "ok"
    assert rows(doc) == [
        ("heading", "Chatbot rating FAQ", faq, "faq.pdf page 1"),
        (
            "paragraph",
            "Raters must read the entire conversation before they choose a rating, including every earlier "
            "turn of the user and the assistant.",
            faq,
            "faq.pdf page 1",
        ),
        ("paragraph", "Do not:", faq, "faq.pdf page 1"),
        ("list_item", "reward long answers", faq, "faq.pdf page 1"),
        ("list_item", "guess what the user meant", faq, "faq.pdf page 1"),
        ("heading", "Refusals", (*faq, "Refusals"), "faq.pdf page 2"),
        (
            "paragraph",
            "A refusal of a safe request is rated 2 at most.",
            (*faq, "Refusals"),
            "faq.pdf page 2",
        ),
        ("heading", "Scores", (*faq, "Scores"), "faq.pdf page 3"),
        ("paragraph", "Use the full scale.", (*faq, "Scores"), "faq.pdf page 3"),
    ]
    item = by_text(doc, "guess what the user meant")
    assert (item.lead_in, item.polarity) == ("Do not:", "negative")


def test_pdf_hyphenated_line_breaks_are_joined(tmp_path):
    long = (
        "Annotators should always double-check the conversation history and then read the full response "
        "before selecting a helpfulness score for the turn; misread-"
    )
    doc = read(build_pdf(tmp_path / "h.pdf", [[("p", long + "\ning responses is the commonest error.")]]))
    assert [b.text for b in doc.blocks] == [long[:-1] + "ing responses is the commonest error."]


def test_pdf_without_text_layer_is_a_warning(tmp_path):
    doc = read(build_blank_pdf(tmp_path / "scan.pdf"))
    assert (doc.status, doc.blocks) == ("warning", [])
    assert doc.message.startswith("this PDF has no text layer") and "OCR" in doc.message


def test_pdf_with_garbage_text_layer_is_a_warning(tmp_path):
    junk = "ÿ¤¶ §±¾ ×÷¬ ®©µ ¦¨ °²³ ¼½¾ ¤¤§ ¶¶± ÷×¬ ¯¸¹ ¢£¥ "
    doc = read(build_pdf(tmp_path / "junk.pdf", [[("p", junk * 6)], [("p", junk * 6)]]))
    assert (doc.status, doc.blocks) == ("warning", [])
    assert "text layer of this PDF is unreadable" in doc.message


def test_garbage_ratio_separates_prose_from_noise():
    assert garbage_ratio("Raters must read the whole page, then rate it 1-5 (see 3.2).") == 0.0
    assert garbage_ratio("§±¾ ×÷¬ ®©µ xkcdq ¦¨") == 1.0
    # other scripts are words too, not garbage
    assert garbage_ratio("Не включайте дату публикации в комментарий.") == 0.0
    assert garbage_ratio("評価者は会話全体を読む必要があります。") == 0.0


def test_encrypted_pdf_with_user_password_is_an_error(tmp_path):
    doc = read(build_pdf(tmp_path / "locked.pdf", PAGES[:1], encrypt=("owner-secret", "user-secret")))
    assert doc.status == "error"
    assert doc.message == (
        "this PDF is password-protected; remove the password (or export an unprotected copy) and check again"
    )


def test_encrypted_pdf_with_empty_user_password_is_read(tmp_path):
    """Owner-password-only PDFs ('no editing') open without a password in every viewer; read them normally."""
    doc = read(build_pdf(tmp_path / "no-edit.pdf", PAGES[1:2], encrypt=("owner-secret", "")))
    assert doc.status == "ok"
    assert [b.text for b in doc.blocks] == ["Refusals", "A refusal of a safe request is rated 2 at most."]


def test_pdf_page_cap_reads_first_pages_and_says_so(tmp_path, monkeypatch):
    from guidecheck.ingest import limits

    original = limits.limits()
    monkeypatch.setattr(limits, "limits", lambda: {**original, "pdf": {**original["pdf"], "max_pages": 2}})
    doc = read(build_pdf(tmp_path / "long.pdf", PAGES, header=HEADER))
    assert doc.status == "warning"
    assert doc.message == "only the first 2 of 3 pages were read"
    assert {b.location.page for b in doc.blocks} == {1, 2}


def test_pdf_bold_body_text_is_a_heading_unless_it_is_a_lead_in(tmp_path):
    doc = read(
        build_pdf(
            tmp_path / "b.pdf",
            [
                [
                    ("p", "Rate the final turn only."),
                    ("b", "Refusals"),
                    ("p", "A refusal of a safe request is rated 2 at most."),
                    ("b", "Do not:"),
                    ("li", "reward refusals"),
                ]
            ],
        )
    )
    assert [(b.kind, b.text, b.section, b.polarity) for b in doc.blocks] == [
        ("paragraph", "Rate the final turn only.", (), None),
        ("heading", "Refusals", ("Refusals",), None),
        ("paragraph", "A refusal of a safe request is rated 2 at most.", ("Refusals",), None),
        ("paragraph", "Do not:", ("Refusals",), None),
        ("list_item", "reward refusals", ("Refusals",), "negative"),
    ]


def test_aes_encrypted_pdf_with_empty_user_password_is_read(tmp_path):
    """AES needs the cryptography package; without it this would be 'encrypted in a way guidecheck cannot open'."""
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod

    path = tmp_path / "aes.pdf"
    pdf = FPDF()
    pdf.set_encryption(
        owner_password="owner-secret", user_password="", encryption_method=EncryptionMethod.AES_256
    )
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.multi_cell(0, 6, "A refusal of a safe request is rated 2 at most.")
    pdf.output(str(path))
    doc = read(path)
    assert (doc.status, [b.text for b in doc.blocks]) == (
        "ok",
        ["A refusal of a safe request is rated 2 at most."],
    )


def test_a_read_cut_short_does_not_leave_its_rules_in_the_cache(tmp_path, monkeypatch, cli):
    """A page cap (like the time limit on a busy machine) cuts a PDF short; the next, complete check of the same
    file reports the rules of every page, not the cached rules of the first ones."""
    import json

    from guidecheck.ingest import limits

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    deck = tmp_path / "deck"
    deck.mkdir()
    build_pdf(deck / "faq.pdf", PAGES, header=HEADER)

    def rules() -> list[str]:
        result = cli("check", str(deck), "-f", "json", "--fail-on", "never")
        return [r["text"] for r in json.loads(result.stdout)["rules"]]

    original = limits.limits()
    monkeypatch.setattr(limits, "limits", lambda: {**original, "pdf": {**original["pdf"], "max_pages": 1}})
    cut_short = rules()
    monkeypatch.setattr(limits, "limits", lambda: original)
    complete = rules()
    assert "A refusal of a safe request is rated 2 at most." in complete
    assert "A refusal of a safe request is rated 2 at most." not in cut_short
