"""Ambiguity: rules that cannot be applied the same way twice."""
