"""Errors that end a run with exit code 2 (tool failure), kept free of heavy imports so every stage can raise them."""


class ModelMissing(Exception):
    """A model the run needs is not installed or cannot be loaded: one line for the user, exit code 2."""
