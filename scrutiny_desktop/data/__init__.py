"""Data files shipped inside the package (the interchange schema)."""
