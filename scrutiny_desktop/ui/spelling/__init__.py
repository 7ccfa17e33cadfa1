"""Spell-checking in the window: the service that loads the dictionary after the first paint,
the highlighter of the minutes, the underline of single-line fields and the suggestions."""
