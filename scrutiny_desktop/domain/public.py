"""The public view: a pure function from the full record to what may be published.

Every outward channel (PDF, CSV, DOCX, HTML, e-mail) takes either the full ``Minutes``
or ``public_view(minutes)``; none decides restriction itself. Restriction is derived
here, in one place: an item, paragraph, heading, action or update is left out when it
is marked restricted, or belongs to a restricted item (an update is marked restricted
by the book when the action it reports on, or that action's item, is).
"""

from __future__ import annotations

from dataclasses import replace

from scrutiny_desktop.domain.model import Item, Minutes


def public_view(minutes: Minutes) -> Minutes:
    """The minutes with restricted items, paragraphs, actions and updates removed.

    A restricted item becomes a bare placeholder: its number, nothing else. The
    classification, the sign-off's fingerprint and the reopening audit go too.
    """
    items: list[Item] = []
    for item in minutes.items:
        if item.restricted:
            items.append(Item(id=item.id, number=item.number, title="", restricted=True))
            continue
        items.append(
            replace(
                item,
                body=tuple(p for p in item.body if not p.restricted),
                actions=tuple(a for a in item.actions if not a.restricted),
                updates=tuple(u for u in item.updates if not u.restricted),
            )
        )
    meeting = replace(minutes.meeting, classification=None)
    if meeting.signed_off is not None:
        # The fingerprint hashes the full record, restricted text included: printed in a
        # public copy it would let anyone confirm a guess at what was left out.
        meeting = replace(meeting, signed_off=replace(meeting.signed_off, fingerprint=None))
    return replace(minutes, meeting=meeting, items=tuple(items))
