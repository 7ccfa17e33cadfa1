"""One meeting's actions as register CSV: those it raised and those it reported progress on.

The same columns, encoding and formula guard as the action register (``csv_export``), made
from the full record or its public view alone, with no book: the full version marks each
restricted row "[Not for publication]" in its text (and note), the public one has none.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from scrutiny_desktop.domain.carry import Key, Progress, Raised, Tracked, track
from scrutiny_desktop.domain.model import Minutes
from scrutiny_desktop.domain.public import action_restricted, public_view, update_restricted
from scrutiny_desktop.export.csv_export import register_csv
from scrutiny_desktop.export.wording import NOT_FOR_PUBLICATION
from scrutiny_desktop.files.atomic import write_bytes_atomically


def meeting_rows(minutes: Minutes) -> list[Tracked]:
    """The meeting's actions and updates followed as the register follows them."""
    m = minutes.meeting
    raised: list[Raised] = []
    progress: list[Progress] = []
    for i, item in enumerate(minutes.items):
        for j, a in enumerate(item.actions):
            key: Key = (0, a.ref if a.ref is not None else f"raised {i}.{j}")
            if action_restricted(item, a):  # marked only: the public view has none
                a = replace(a, text=_marked(a.text), restricted=True)
            raised.append(Raised(key, a, m.series, m.id or 0, m.date, item.id or 0, (i, j)))
        for k, u in enumerate(item.updates):
            what = u.ref if u.ref is not None else (u.action_id or u.text or "")
            hidden = update_restricted(item, u)
            note = _marked(u.note or "") if hidden else u.note
            text = _marked(u.text) if (hidden and u.text) else u.text
            progress.append(
                Progress(
                    key=(0, what),
                    update_id=u.id or 0,
                    series=m.series,
                    meeting_id=m.id or 0,
                    meeting_date=m.date,
                    item_id=item.id or 0,
                    position=k,
                    status=u.status,
                    note=note,
                    ref=u.ref,
                    text=text,
                    restricted=hidden,
                )
            )
    return track(raised, progress)


def _marked(text: str) -> str:
    return f"{text} {NOT_FOR_PUBLICATION}".strip()


def write_meeting_csv(
    minutes: Minutes, out: Path, *, public: bool = False, presentation: object = None
) -> None:
    """Write the meeting's actions as CSV (UTF-8 with a BOM, CRLF), full or public."""
    source = public_view(minutes) if public else minutes
    write_bytes_atomically(out, register_csv(meeting_rows(source)))
