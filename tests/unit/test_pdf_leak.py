"""Nothing public leaks anything restricted: canaries in restricted material never appear in the
public PDF, nor in any public entry of the format table (Word, web page, CSV), nor in the
public circulation drafts and their attachments; the full documents hold every one."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from scrutiny_desktop.domain.model import (
    Action,
    ActionUpdate,
    Attendance,
    Item,
    ItemKind,
    Meeting,
    Minutes,
    Paragraph,
    Person,
)
from scrutiny_desktop.domain.refs import ActionRef
from scrutiny_desktop.export.pdf import default_filename, export_pdf
from tests.unit.pdf_helpers import pdf_everything, pdftotext, squash

# Public text: letters, spaces and markup characters, never the canary marker.
PUBLIC_TEXT = st.text(alphabet="abcdefghijklmnopqrstuvwxyz &<>'\"", min_size=1, max_size=30).map(
    lambda s: s.strip() or "text"
)


@dataclass(frozen=True)
class ItemPlan:
    restricted: bool
    paragraphs: tuple[tuple[bool, bool, str], ...]  # (restricted, heading, public text)
    actions: tuple[tuple[bool, str], ...]  # (restricted, public text)
    title: str
    updates: tuple[tuple[bool, bool, str], ...] = ()  # (restricted, numbered, public text)


ITEM_PLANS = st.builds(
    ItemPlan,
    restricted=st.booleans(),
    paragraphs=st.lists(st.tuples(st.booleans(), st.booleans(), PUBLIC_TEXT), max_size=4).map(
        tuple
    ),
    actions=st.lists(st.tuples(st.booleans(), PUBLIC_TEXT), max_size=3).map(tuple),
    title=PUBLIC_TEXT,
    updates=st.lists(st.tuples(st.booleans(), st.booleans(), PUBLIC_TEXT), max_size=3).map(tuple),
)


def _build(plans: list[ItemPlan]) -> tuple[Minutes, list[str]]:
    """Minutes whose every restricted piece carries a unique canary; returns the canaries."""
    canaries: list[str] = []

    def canary() -> str:
        c = f"CANARY{len(canaries):04x}{0xBEEF:04x}"
        canaries.append(c)
        return c

    items: list[Item] = []
    for n, plan in enumerate(plans, start=1):
        title = f"{canary()} {plan.title}" if plan.restricted else plan.title
        body = tuple(
            Paragraph(
                f"{canary()} {text}" if (plan.restricted or r) else text,
                heading=heading,
                restricted=r,
            )
            for r, heading, text in plan.paragraphs
        )
        actions = tuple(
            Action(
                id=None,
                ref=None,
                text=f"{text} {canary()}" if (plan.restricted or r) else text,
                owners=("LW",),
                restricted=r,
            )
            for r, text in plan.actions
        )
        # Progress on carried actions: a restricted one names its action (a numbered one
        # by a reference, no canary there) and says more in its note.
        updates = tuple(
            ActionUpdate(
                id=None,
                ref=ActionRef(year=15, number=k + 1) if numbered else None,
                text=None
                if numbered
                else (f"{text} {canary()}" if (plan.restricted or r) else text),
                note=f"{text} {canary()}" if (plan.restricted or r) else text,
                restricted=r,
            )
            for k, (r, numbered, text) in enumerate(plan.updates)
        )
        items.append(
            Item(
                id=None,
                number=str(n),
                title=title,
                restricted=plan.restricted,
                body=body,
                actions=actions,
                updates=updates,
            )
        )
    items.append(
        Item(id=None, number=str(len(items) + 1), title="Next", kind=ItemKind.NEXT_MEETING)
    )
    meeting = Meeting(id=None, title="Leak Test Meeting", date=date(2015, 2, 26))
    return Minutes(meeting=meeting, items=tuple(items)), canaries


_everything = pdf_everything


@settings(max_examples=25, deadline=None)
@given(plans=st.lists(ITEM_PLANS, min_size=1, max_size=5))
def test_public_pdf_holds_no_canary_and_full_pdf_holds_all(plans: list[ItemPlan]) -> None:
    minutes, canaries = _build(plans)
    with tempfile.TemporaryDirectory() as folder:
        public = Path(folder) / default_filename(minutes, public=True)
        full = Path(folder) / default_filename(minutes, public=False)
        export_pdf(minutes, public, public=True)
        export_pdf(minutes, full)
        leaked = [c for c in canaries if c in _everything(public)]
        assert leaked == []
        full_text = squash(pdftotext(full, "-raw"))
        assert [c for c in canaries if c not in full_text] == []
        private_rows = sum(p.restricted for p in plans)
        assert squash(pdftotext(public, "-raw")).count("considered in private") == private_rows


# ---------------------------------------------------------------- every public output


def _with_an_owner(minutes: Minutes) -> Minutes:
    """The generated meeting with LW, who owns every action, present and addressed."""
    lw = Person("LW", "Lindsay Whitehouse", email="lw@example.org")
    return replace(minutes, people=(lw,), attendance=(Attendance("LW"),))


@settings(max_examples=12, deadline=None)
@given(plans=st.lists(ITEM_PLANS, min_size=1, max_size=4))
def test_no_public_format_or_draft_holds_a_canary_and_full_documents_hold_all(
    plans: list[ItemPlan],
) -> None:
    from scrutiny_desktop.domain.public import public_view
    from scrutiny_desktop.export import circulation
    from scrutiny_desktop.export.formats import FORMATS
    from scrutiny_desktop.export.pdf import render_pdf
    from tests.unit.publication_helpers import eml_body, everything, read_eml, readable

    minutes, canaries = _build(plans)
    minutes = _with_an_owner(minutes)
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        for fmt in FORMATS:  # every entry of the table, and so every future format
            out = folder / fmt.filename(minutes)
            fmt.write(minutes, out)
            if fmt.public:
                assert [c for c in canaries if c in everything(out)] == [], fmt.label
            elif fmt.name in ("pdf", "docx", "html"):  # the documents print everything
                text = squash(readable(out))
                assert [c for c in canaries if c not in text] == [], fmt.label
        for public in (True, False):
            source = public_view(minutes) if public else minutes
            data, _ = render_pdf(minutes, public=public)
            drafts = circulation.Circulation(
                source,
                circulation.meeting_actions(source),
                circulation.Attachment(default_filename(minutes, public), data),
                people={"LW": minutes.people[0]},
                public=public,
            ).drafts()
            (folder / str(public)).mkdir()
            written = circulation.write_drafts(folder / str(public), drafts)
            for path in written:
                if public:
                    assert [c for c in canaries if c in everything(path)] == [], path.name
                elif "LW" not in path.name:  # only LW's own draft may list restricted actions
                    assert [c for c in canaries if c in eml_body(read_eml(path))] == []
