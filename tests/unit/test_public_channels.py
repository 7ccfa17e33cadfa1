"""Issue 13, must-show 2: no canary from restricted material reaches any public channel.

Meetings are generated with restricted paragraphs, sub-headings, items, actions,
resolutions and updates, the updates carried into the next meeting, typed by hand on
restricted actions, and imported into a book that lacks the meeting that raised them.
Every restricted text carries a unique canary; every public output of every meeting
must hold none of them, and the full versions must hold every one.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scrutiny_desktop.book import Book
from scrutiny_desktop.domain.model import (
    Action,
    ActionUpdate,
    Meeting,
    NextMeeting,
    Paragraph,
    Resolution,
    Status,
)
from scrutiny_desktop.domain.public import public_decisions, public_register
from scrutiny_desktop.export import interchange
from scrutiny_desktop.export.csv_export import register_csv_text
from scrutiny_desktop.export.formats import FORMATS
from scrutiny_desktop.export.pdf import default_filename, export_pdf
from scrutiny_desktop.export.registers_csv import decisions_csv_text
from tests.unit.pdf_helpers import pdftotext, squash
from tests.unit.publication_helpers import everything

JAN, FEB = date(2026, 1, 15), date(2026, 2, 12)
WORDS = st.text(alphabet="abcdefghij &<>'", min_size=1, max_size=12).map(lambda s: s.strip() or "w")


@dataclass(frozen=True)
class ItemPlan:
    restricted: bool
    paragraphs: tuple[tuple[bool, bool], ...]  # (restricted, heading)
    actions: tuple[bool, ...]  # restricted
    resolutions: tuple[bool, ...]  # restricted
    words: str


@dataclass(frozen=True)
class Plan:
    january: tuple[ItemPlan, ...]
    february: tuple[ItemPlan, ...]
    typed: tuple[tuple[int, bool], ...]  # (which January action, typed twice?)


ITEMS = st.builds(
    ItemPlan,
    restricted=st.booleans(),
    paragraphs=st.lists(st.tuples(st.booleans(), st.booleans()), max_size=3).map(tuple),
    actions=st.lists(st.booleans(), max_size=3).map(tuple),
    resolutions=st.lists(st.booleans(), max_size=2).map(tuple),
    words=WORDS,
)
PLANS = st.builds(
    Plan,
    january=st.lists(ITEMS, min_size=1, max_size=3).map(tuple),
    february=st.lists(ITEMS, max_size=2).map(tuple),
    typed=st.lists(st.tuples(st.integers(0, 8), st.booleans()), max_size=3).map(tuple),
)


class Canaries:
    """Unique words planted in restricted text."""

    def __init__(self) -> None:
        self.all: list[str] = []

    def __call__(self, secret: bool, text: str) -> str:
        if not secret:
            return text
        c = f"CANARY{len(self.all):03d}Q"
        self.all.append(c)
        return f"{text} {c}"


def _fill(book: Book, meeting_id: int, plans: tuple[ItemPlan, ...], c: Canaries) -> list[Action]:
    """Items as planned; the actions raised, each with whether it is secret."""
    raised = []
    for n, plan in enumerate(plans):
        item = book.add_item(meeting_id, c(plan.restricted, f"Item {n} {plan.words}"))
        assert item.id is not None
        book.update_item(replace(item, restricted=plan.restricted))
        book.set_body(
            item.id,
            [
                Paragraph(c(plan.restricted or r, f"para {plan.words}"), heading=h, restricted=r)
                for r, h in plan.paragraphs
            ],
        )
        for r in plan.actions:
            raised.append(
                book.add_action(
                    item.id,
                    Action(
                        None,
                        None,
                        c(plan.restricted or r, f"do {plan.words}"),
                        ("SH",),
                        restricted=r,
                    ),
                )
            )
        for r in plan.resolutions:
            book.add_resolution(
                item.id, Resolution(c(plan.restricted or r, f"That {plan.words}"), restricted=r)
            )
    return raised


def _secret(book: Book, action: Action) -> bool:
    return (
        action.restricted
        or book.item(
            book._q("SELECT item_id FROM actions WHERE id = ?", [action.id])[0]["item_id"]
        ).restricted
    )


def _book(path: Path, plan: Plan, c: Canaries) -> tuple[Book, int, int]:
    book = Book.create(path)
    jan = book.add_meeting(
        Meeting(None, "Panel", JAN, series="Panel", next_meeting=NextMeeting(FEB))
    ).id
    assert jan is not None
    raised = _fill(book, jan, plan.january, c)
    feb = book.new_meeting_after(jan)
    arising = book.matters_arising_item(feb)
    assert arising is not None and arising.id is not None
    secret = {a.id: _secret(book, a) for a in raised}
    for u in book.updates(arising.id):  # progress reported on the carried ones
        action = next((a for a in raised if a.ref == u.ref), None)
        hidden = action is not None and secret[action.id]
        book.set_progress(u.id, Status.TO_FOLLOW, c(hidden, "progress noted"))  # type: ignore[arg-type]
    for index, twice in plan.typed:  # typed by hand (Ctrl+Shift+M), restricted or not
        if not raised:
            break
        action = raised[index % len(raised)]
        assert action.ref is not None
        for _ in range(2 if twice else 1):
            book.add_update(
                arising.id,
                ActionUpdate(None, action.ref, Status.OPEN, c(secret[action.id], "typed")),
            )
    _fill(book, feb, plan.february, c)
    return book, jan, feb


def _public_channels(book: Book, meeting_id: int, folder: Path) -> dict[str, str]:
    """Every public output of one meeting, as text: each public entry of the table of
    formats (so every future format too), the PDF read every way, and the registers."""
    minutes = book.minutes(meeting_id)
    out: dict[str, str] = {}
    for fmt in FORMATS:
        if fmt.public:
            path = folder / fmt.filename(minutes)
            fmt.write(minutes, path)
            out[fmt.label] = everything(path) + path.name
    out["public action register"] = register_csv_text(public_register(book.register("Panel")))
    out["public decisions register"] = decisions_csv_text(public_decisions(book.decisions()))
    return out


def _full_text(book: Book, meeting_id: int, folder: Path) -> str:
    minutes = book.minutes(meeting_id)
    pdf = folder / default_filename(minutes, public=False)
    export_pdf(minutes, pdf)
    return squash(pdftotext(pdf, "-raw")) + interchange.dumps(minutes)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan=PLANS)
def test_no_canary_reaches_a_public_channel(plan: Plan) -> None:
    c = Canaries()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        book, jan, feb = _book(folder / "book.sqlite", plan, c)
        try:
            channels = {
                f"{name} of {when}": text
                for when, mid in (("January", jan), ("February", feb))
                for name, text in _public_channels(book, mid, folder).items()
            }
            full = _full_text(book, jan, folder) + _full_text(book, feb, folder)
            doc = interchange.dumps(book.minutes(feb))
        finally:
            book.close()
        # February moved to a colleague's book that never saw January.
        with Book.create(folder / "colleague.sqlite") as other:
            moved = other.import_minutes(interchange.loads(doc))
            for name, text in _public_channels(other, moved, folder).items():
                channels[f"{name} of February, imported"] = text
        leaks = {name: [x for x in c.all if x in text] for name, text in channels.items()}
        assert {name: found for name, found in leaks.items() if found} == {}
        assert [x for x in c.all if x not in full] == []
