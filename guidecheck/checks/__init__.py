"""Checks: each a registered unit with an ID, category, default severity and its docs."""

from .base import Check, CheckContext
from .registry import all_checks, get, register
from .runner import run_checks

__all__ = ["Check", "CheckContext", "all_checks", "get", "register", "run_checks"]
