"""Undo commands: every user edit is one. Commands find rows by stable id, never by row."""
