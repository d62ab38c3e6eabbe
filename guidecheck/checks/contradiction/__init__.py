"""Contradictions between rules: pairs of rules a rater cannot both follow."""
