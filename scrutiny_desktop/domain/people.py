"""Rules about people that the window, the command line and import share."""

from __future__ import annotations

from dataclasses import replace

from scrutiny_desktop.domain.model import Person


def merge(old: Person | None, new: Person) -> Person:
    """``new`` as the directory should keep it, given what it held (``old``).

    A name, role, organisation or e-mail address given in ``new`` replaces the old one;
    one left out (None or blank) keeps what the directory has. The kind is ``new``'s.
    """
    if old is None:
        return new
    return replace(
        new,
        name=_given(new.name) or old.name,
        role=_given(new.role) or old.role,
        organisation=_given(new.organisation) or old.organisation,
        email=_given(new.email) or old.email,
    )


def _given(value: str | None) -> str | None:
    return value if value is not None and value.strip() else None
