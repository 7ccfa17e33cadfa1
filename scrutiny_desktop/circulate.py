"""Circulate one meeting from a book: the drafts of ``export.circulation`` written to a folder.

Gathers what the drafts need — the minutes (full or public view), this meeting's actions,
the series' actions still open from earlier meetings, the people's addresses and the PDF
to attach — and writes nothing at all for signed-off minutes whose content no longer
matches their fingerprint. Used by the command line (``circulate``) and, later, the window.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TextIO

if TYPE_CHECKING:
    from scrutiny_desktop.book.signoff import Verification
    from scrutiny_desktop.domain.carry import Tracked
    from scrutiny_desktop.domain.model import Item, Minutes, Person
    from scrutiny_desktop.domain.presentation import Presentation
    from scrutiny_desktop.export.circulation import OwnedAction


class MinutesAltered(Exception):
    """Signed-off minutes that differ from their fingerprint: nothing is circulated."""


class Source(Protocol):
    """What circulation reads from a book (``Book`` is one)."""

    def minutes(self, meeting_id: int) -> Minutes: ...
    def verify(self, meeting_id: int) -> Verification: ...
    def register(self, series: str | None = None) -> list[Tracked]: ...
    def item(self, item_id: int) -> Item: ...
    def people(self) -> list[Person]: ...
    def presentation(self, meeting_id: int) -> Presentation: ...


def circulate(
    book: Source,
    meeting_id: int,
    folder: Path,
    *,
    public: bool = False,
    sender: str | None = None,
) -> list[Path]:
    """Write the meeting's circulation drafts into ``folder`` (made if missing); their paths."""
    from scrutiny_desktop.domain.public import public_view
    from scrutiny_desktop.export import circulation
    from scrutiny_desktop.export.formats import default_filename
    from scrutiny_desktop.export.pdf import render_pdf

    full = book.minutes(meeting_id)
    if full.meeting.is_signed_off:
        check = book.verify(meeting_id)
        if not check.ok:
            raise MinutesAltered(f"{check.message}: nothing was circulated")
    source = public_view(full) if public else full
    actions = circulation.meeting_actions(source) + _earlier(book, full, meeting_id, public)
    people = {p.initials: p for p in book.people()}
    people.update({p.initials: p for p in full.people})  # as the minutes name them
    data, _ = render_pdf(full, public=public, presentation=book.presentation(meeting_id))
    drafts = circulation.Circulation(
        source,
        actions,
        circulation.Attachment(default_filename(full, public), data),
        people=people,
        public=public,
        sender=sender,
    ).drafts()
    if folder.exists() and not folder.is_dir():
        raise NotADirectoryError(20, "not a folder", str(folder))
    folder.mkdir(exist_ok=True)
    return circulation.write_drafts(folder, drafts)


def _earlier(book: Source, full: Minutes, meeting_id: int, public: bool) -> list[OwnedAction]:
    """The series' actions raised before this meeting and open as it stands after it."""
    from scrutiny_desktop.domain.public import public_register
    from scrutiny_desktop.export.circulation import OwnedAction
    from scrutiny_desktop.export.layout import action_line

    m = full.meeting
    out: list[OwnedAction] = []
    register = book.register(m.series)
    for t in public_register(register) if public else register:
        raised = t.raised
        if raised is None or raised.meeting_id == meeting_id or raised.meeting_date > m.date:
            continue  # owners are known only for actions this book saw raised
        # Progress reported up to and including this meeting; later meetings do not count.
        so_far = [u for u in t.updates if (u.meeting_date, u.meeting_id) <= (m.date, meeting_id)]
        status = so_far[-1].status if so_far else raised.action.status
        if status.is_done:
            continue
        item = book.item(raised.item_id)
        line = action_line(raised.action)
        latest = so_far[-1] if so_far else None
        out.append(
            OwnedAction(
                ref=line.ref,
                text=raised.action.text,
                owners=raised.action.owners,
                due=line.due,
                item=f"{item.number} {item.title}".strip(),
                restricted=t.restricted,
                raised_on=raised.meeting_date,
                latest=None
                if latest is None
                else (
                    f"{latest.status.label}, {latest.note}" if latest.note else latest.status.label
                ),
            )
        )
    return out


def add_command(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    handler: Callable[[argparse.Namespace, TextIO], int],
) -> None:
    """The ``circulate`` command's arguments (the command line wires its handler)."""
    p = sub.add_parser(
        "circulate",
        help="write e-mail drafts: each owner's actions, the minutes to attendees (nothing is sent)",
    )
    p.add_argument("book", type=Path)
    p.add_argument("meeting", help="an id, a date (YYYY-MM-DD) or 'latest'")
    p.add_argument(
        "--out", type=Path, required=True, metavar="FOLDER", help="where the .eml drafts go"
    )
    p.add_argument(
        "--public",
        action="store_true",
        help="attach the public PDF; no restricted action is listed",
    )
    p.add_argument("--from", dest="sender", metavar="ADDRESS", help="the minute-taker's address")
    p.set_defaults(handler=handler)
