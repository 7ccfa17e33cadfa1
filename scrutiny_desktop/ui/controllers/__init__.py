"""Controllers: one per concern, each handed the window's one ``Context``."""
