"""Checks about guidecheck's own comments and files (suppressions), reported by ``guidecheck.suppress``."""
