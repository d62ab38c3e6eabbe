"""Terminology drift: one concept named several ways, and near-duplicate rules that drift apart."""
