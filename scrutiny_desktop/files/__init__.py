"""Files the application writes for a user: atomic writes and the check on where they go.

The bottom layer with ``domain``: it imports nothing else of the package and no Qt, so
``book`` (backups, copies) and ``export`` (PDF, JSON, CSV) use the same rules.
"""
