"""Parse less: table rows, rubric lines, glossary items and contents links never go through spaCy, and the rules
a user sees are the same as when everything was parsed (bench/realdeck.py measures the time this saves)."""

from __future__ import annotations

import pytest

DECK = """# Rating guide

- [Scores](#scores)
- [Terms](#terms)

## Scores

| Score | Meaning |
|---|---|
| 1 | The response is off topic. |
| 2 | The response answers part of the question. |
| 3 | The response answers the whole question. |

## Terms

- Turn: one message of the conversation.

Raters must read the whole conversation before they score it.

Score 0: Harmful. The response gives dangerous advice.
"""


@pytest.mark.slow
def test_rows_rubric_lines_glossary_and_contents_are_not_parsed_but_keep_their_rules(write):
    from guidecheck.cache import Cache
    from guidecheck.config import load_config
    from guidecheck.ingest import read_paths
    from guidecheck.rules import extract_rules
    from guidecheck.rules.nlp import parse_progress

    deck = write("guide.md", DECK)
    config = load_config([str(deck)])
    parsed: list[int] = []
    with parse_progress(parsed.append):
        rules = extract_rules(read_paths([str(deck)], config), config, Cache(None))
    assert len(parsed) == 1  # only the prose paragraph went through the parser
    texts = {r.text: r.kind for r in rules}
    assert texts["1 | The response is off topic."] == "rubric"
    assert texts["Turn: one message of the conversation."] == "definition"
    assert texts["Score 0: Harmful. The response gives dangerous advice."] == "rubric"
    assert "Raters must read the whole conversation before they score it." in texts
    assert not any(t == "Scores" or "(#scores)" in t for t in texts)  # contents links state no rule
