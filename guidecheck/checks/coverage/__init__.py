"""Coverage: documents and sections that carry no rules."""
