"""guidecheck: find contradictions and ambiguity in rater and annotator guidelines before launch."""

__version__ = "0.1.0"
