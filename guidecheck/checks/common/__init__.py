"""What the check families share: deck state, wording helpers, term variants and the relation classifier.

No check family imports another; anything two families need lives here, and the per-deck state every check
reads is built once per run (``Deck``, carried on ``CheckContext``) instead of being cached on the Index.
"""
