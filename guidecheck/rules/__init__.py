"""Rules: Documents -> Rule frames (spaCy), cached per document content."""

from .extract import EXTRACTOR_VERSION, extract_rules

__all__ = ["EXTRACTOR_VERSION", "extract_rules"]
