"""A deterministic (seeded) meeting book of N meetings for benchmarks and scale tests.

``python -m bench.make_book N OUT`` writes OUT (which must not exist). Eight series meet
monthly, round-robin, so 1,000 meetings are about ten years of minutes. Each meeting
has 8–12 of its series' regular attendees, 6–10 items of 3–15 paragraphs, 0–4 actions
per item (about 20,000 actions in 1,000 meetings), a Matters arising item reporting
progress on the series' open actions (most get done within a few meetings), and a
third of the meetings are signed off. Every meeting goes in through
``Book.import_minutes``, one transaction each, so the real code paths (triggers, the
search index, sign-off fingerprints) do the work.
"""

from __future__ import annotations

import random
import sys
import time
from dataclasses import dataclass, field
from datetime import date, timedelta
from datetime import time as clock
from pathlib import Path

from scrutiny_desktop.book import Book
from scrutiny_desktop.domain.model import (
    Action,
    ActionUpdate,
    Attendance,
    AttendanceStatus,
    Item,
    ItemKind,
    Meeting,
    MeetingStatus,
    Minutes,
    NextMeeting,
    Paragraph,
    Person,
    SignOff,
    Status,
)
from scrutiny_desktop.domain.refs import ActionRef

SERIES = (
    "Force Performance Scrutiny",
    "Audit Committee",
    "Police and Crime Panel",
    "Estates Board",
    "Ethics Committee",
    "Victims Board",
    "Custody Scrutiny",
    "Finance Board",
)
TOPICS = (
    "Domestic abuse", "Drugs", "Burglary", "Road safety", "Custody", "Body-worn video",
    "Stop and search", "Knife crime", "Cybercrime", "Hate crime", "Anti-social behaviour",
    "Estates", "Budget", "Recruitment", "Wellbeing", "Complaints", "Rural crime",
    "Youth offending", "Missing persons", "Fraud",
)  # fmt: skip
WORDS = [
    "the",
    "panel",
    "force",
    "report",
    "figures",
    "trend",
    "quarter",
    "district",
    "officers",
    "data",
    "performance",
    "victims",
    "offences",
    "arrests",
    "outcomes",
    "review",
    "partnership",
    "funding",
    "training",
    "community",
    "response",
    "calls",
    "demand",
    "risk",
    "strategy",
    "national",
    "local",
    "research",
    "analysis",
    "inspection",
    "recommendation",
    "improvement",
    "update",
    "progress",
    "information",
    "briefing",
    "meeting",
    "board",
    "reduction",
    "increase",
    "compared",
    "previous",
    "year",
    "month",
    "reported",
    "requested",
    "agreed",
    "noted",
    "concern",
    "assurance",
    "detail",
    "approach",
    "capacity",
    "resources",
    "plan",
    "delivery",
    "evaluation",
    "Gwŷn",
    "Łódź",
    "café",
    "naïve",
]
FIRST = [
    "Lindsay",
    "Susannah",
    "Wil",
    "Tom",
    "Paul",
    "Tina",
    "Jock",
    "Gareth",
    "Carys",
    "Dafydd",
    "Zofia",
    "Amir",
]
LAST = [
    "Whitehouse",
    "Hancock",
    "Kennedy",
    "Simons",
    "Lopez",
    "Bateman",
    "Gibson",
    "Morgan",
    "Jones",
    "Nowak",
    "Khan",
]


@dataclass
class _SeriesState:
    name: str
    regulars: list[str]
    open: dict[ActionRef, int] = field(default_factory=dict)  # ref -> meetings it stays open
    counters: dict[int, int] = field(default_factory=dict)


def _people(rng: random.Random) -> list[Person]:
    out, seen = [], set()
    while len(out) < 80:
        first, last = rng.choice(FIRST), rng.choice(LAST)
        initials = first[0] + last[0]
        n = 2
        while initials in seen:
            initials = f"{first[0]}{last[0]}{n}"
            n += 1
        seen.add(initials)
        out.append(Person(initials, f"{first} {last}", "Officer", rng.choice(["OPCC", "EP"])))
    return out


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(12, 40))]
    return " ".join(words).capitalize() + "."


def _meeting(
    rng: random.Random, s: _SeriesState, on: date, people: dict[str, Person], signed: bool
) -> Minutes:
    present = rng.sample(s.regulars, rng.randint(8, min(12, len(s.regulars))))
    attendance = tuple(
        Attendance(
            p,
            AttendanceStatus.APOLOGIES if rng.random() < 0.1 else AttendanceStatus.PRESENT,
            chair=i == 0,
        )
        for i, p in enumerate(present)
    )
    updates = []
    for ref in sorted(s.open):
        s.open[ref] -= 1
        done = s.open[ref] <= 0
        status = rng.choice([Status.COMPLETED, Status.CLOSED]) if done else Status.TO_FOLLOW
        note = None if rng.random() < 0.7 else _sentence(rng)[:60]
        updates.append(ActionUpdate(id=None, ref=ref, status=status, note=note))
        if done:
            del s.open[ref]
    items = [
        Item(
            id=None,
            number="1",
            title="Matters arising",
            body=(Paragraph("The actions from the last meeting were addressed as follows:"),),
            updates=tuple(updates),
        )
    ]
    year = on.year % 100
    for n in range(2, rng.randint(6, 10) + 2):
        topic = rng.choice(TOPICS)
        body = [Paragraph(topic, heading=True)] if rng.random() < 0.3 else []
        body += [Paragraph(_sentence(rng)) for _ in range(rng.randint(3, 15))]
        actions = []
        for _ in range(rng.choices(range(5), weights=(1, 2, 3, 3, 3))[0]):
            ref = None
            if rng.random() > 0.03:
                s.counters[year] = s.counters.get(year, 0) + 1
                ref = ActionRef(year, s.counters[year])
                s.open[ref] = rng.choice([1, 1, 1, 2, 2, 3, 6])
            due = on + timedelta(days=rng.randint(7, 60)) if rng.random() < 0.6 else None
            owners = tuple(rng.sample(present, rng.choice([1, 1, 1, 2])))
            actions.append(
                Action(id=None, ref=ref, text=_sentence(rng)[:120], owners=owners, due=due)
            )
        items.append(
            Item(
                id=None,
                number=str(n),
                title=f"{topic} report",
                body=tuple(body),
                actions=tuple(actions),
            )
        )
    nxt = on + timedelta(days=28)
    items.append(
        Item(id=None, number=str(len(items) + 1), title="Date of Next Meeting",
             kind=ItemKind.NEXT_MEETING)
    )  # fmt: skip
    meeting = Meeting(
        id=None,
        title=f"{s.name} Meeting",
        date=on,
        series=s.name,
        start=clock(9, 0),
        venue="OPCC Conference room",
        status=MeetingStatus.SIGNED_OFF if signed else MeetingStatus.DRAFT,
        signed_off=SignOff(present[0], nxt) if signed else None,
        next_meeting=NextMeeting(nxt, clock(9, 0), clock(11, 0), "OPCC Conference room"),
    )
    named = dict.fromkeys(present)
    for i in items:
        for a in i.actions:
            named.update(dict.fromkeys(a.owners))
    return Minutes(meeting, tuple(people[p] for p in named), attendance, tuple(items))


def make_book(n: int, out: Path, *, seed: int = 2015) -> Path:
    """Write a book of ``n`` meetings to ``out`` (must not exist); the same seed, the same book."""
    rng = random.Random(seed)
    people = _people(rng)
    by_initials = {p.initials: p for p in people}
    states = [_SeriesState(name, [p.initials for p in rng.sample(people, 14)]) for name in SERIES]
    start = date(2015, 1, 8)
    with Book.create(out) as book:
        for k in range(n):
            s = states[k % len(states)]
            on = start + timedelta(days=28 * (k // len(states)) + k % len(states))
            book.import_minutes(_meeting(rng, s, on, by_initials, signed=k % 3 == 0))
    return out


def main(argv: list[str]) -> int:
    if len(argv) != 2 or not argv[0].isdigit():
        print("usage: python -m bench.make_book N OUT", file=sys.stderr)
        return 2
    t0 = time.perf_counter()
    make_book(int(argv[0]), Path(argv[1]))
    print(f"{argv[1]}: {argv[0]} meetings in {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
