"""Exports of domain objects: JSON interchange, PDF, CSV. No Qt."""
