"""The public view: a pure function from the full record to what may be published.

Every outward channel (PDF, CSV, DOCX, HTML, e-mail) takes either the full record or
this view of it and never decides restriction itself. Restriction is decided here, in
one place. Material is left out when it is marked restricted or belongs to a restricted
item: paragraphs and sub-headings (and a sub-heading left with nothing public under it:
its name alone may say what the restricted part was about), actions, matters-arising
updates (the book marks an
update restricted whenever the action it reports on, or that action's item, is),
resolutions. Of a restricted item only its number stays, with the wording that it was
taken in private, its Schedule 12A paragraphs and public summary; its title stays only
when it is an exempt item (taken under Schedule 12A paragraphs), whose title councils
publish. The classification, the sign-off's fingerprint and note, and the audit (with
its free-text reasons) go; so do people named only by what was left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from scrutiny_desktop.domain.model import Action, ActionUpdate, Item, Minutes, Paragraph

if TYPE_CHECKING:
    from scrutiny_desktop.domain.carry import Tracked
    from scrutiny_desktop.domain.registers import Decision, DeclaredInterest


def action_restricted(item: Item, action: Action) -> bool:
    """Whether a full version marks ``action`` not for publication (it, or its item, is)."""
    return action.restricted or item.restricted


def update_restricted(item: Item, update: ActionUpdate) -> bool:
    """Whether a full version marks ``update`` not for publication."""
    return update.restricted or item.restricted


def public_item(item: Item) -> Item:
    """One item as the public may read it."""
    if item.restricted:
        return Item(
            id=item.id,
            number=item.number,
            title=item.title if item.exempt_paragraphs else "",
            kind=item.kind,
            restricted=True,
            started=item.started,
            exempt_paragraphs=item.exempt_paragraphs,
            public_summary=item.public_summary,
        )
    return replace(
        item,
        body=public_body(item.body),
        actions=tuple(a for a in item.actions if not a.restricted),
        updates=tuple(u for u in item.updates if not u.restricted),
        resolutions=tuple(r for r in item.resolutions if not r.restricted),
    )


def public_body(body: Iterable[Paragraph]) -> tuple[Paragraph, ...]:
    """The paragraphs the public may read: the restricted ones left out, and with them
    the sub-headings (one or several in a row) over restricted text with no public
    paragraph between. A clerk restricted the paragraph under "Operation Kestrel" but
    not the heading, and the public minutes named the covert operation over nothing."""
    out: list[Paragraph] = []
    pending: list[Paragraph] = []  # public sub-headings waiting for what follows them
    hidden = False  # restricted text has followed them
    for p in body:
        if p.heading:
            if hidden:
                pending, hidden = [], False
            if not p.restricted:
                pending.append(p)
        elif p.restricted:
            hidden = True
        else:
            out.extend(pending)
            out.append(p)
            pending, hidden = [], False
    if not hidden:
        out.extend(pending)  # headings over nothing at all, in the full version too
    return tuple(out)


def public_view(minutes: Minutes) -> Minutes:
    """The minutes with everything restricted removed (see the module)."""
    items = tuple(public_item(i) for i in minutes.items)
    meeting = replace(minutes.meeting, classification=None)
    if meeting.signed_off is not None:
        # The fingerprint hashes the full record, restricted text included: printed in a
        # public copy it would let anyone confirm a guess at what was left out.
        meeting = replace(
            meeting, signed_off=replace(meeting.signed_off, fingerprint=None, note=None)
        )
    named = _named(minutes, items)
    people = tuple(p for p in minutes.people if p.initials in named)
    return replace(minutes, meeting=meeting, people=people, items=items, audit=())


def _named(minutes: Minutes, items: Iterable[Item]) -> set[str]:
    """Initials the public version still mentions."""
    named = {a.initials for a in minutes.attendance}
    named |= {a.substitute_for for a in minutes.attendance if a.substitute_for}
    for item in items:
        for action in item.actions:
            named.update(action.owners)
        named.update(d.initials for d in item.declarations)
        for r in item.resolutions:
            if r.vote is not None:
                named.update(v.initials for v in r.vote.named)
    return named


def public_register(tracked: Iterable[Tracked]) -> list[Tracked]:
    """The action register as it may circulate publicly: restricted actions (or actions
    of restricted items) left out, and the notes of restricted updates (their status,
    which says only where the action stands, is kept)."""
    out = []
    for t in tracked:
        if t.restricted:
            continue
        if any(u.restricted for u in t.updates):
            t = replace(
                t, updates=tuple(replace(u, note=None) if u.restricted else u for u in t.updates)
            )
        out.append(t)
    return out


def public_decisions(decisions: Iterable[Decision]) -> list[Decision]:
    """The decisions register as it may circulate: restricted resolutions (or resolutions
    of restricted items) left out."""
    return [d for d in decisions if not d.restricted]


def public_declarations(declared: Iterable[DeclaredInterest]) -> list[DeclaredInterest]:
    """Declarations as they may circulate: those at restricted items left out, as the
    public minutes leave them out (``public_item``)."""
    return [d for d in declared if not d.item_restricted]
