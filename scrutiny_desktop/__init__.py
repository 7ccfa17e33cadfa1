"""Scrutiny Desktop: live minute-taking for formal scrutiny meetings."""

__version__ = "0.1.0"
