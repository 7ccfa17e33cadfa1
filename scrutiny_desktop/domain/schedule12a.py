"""The paragraphs of Part 1 of Schedule 12A to the Local Government Act 1972: the kinds
of exempt information an item may be taken in private for, as a window offers them."""

from __future__ import annotations

from typing import NamedTuple


class ExemptParagraph(NamedTuple):
    """One paragraph: its number, a few words to choose it by, and what it says."""

    number: int
    short: str
    text: str


PARAGRAPHS: tuple[ExemptParagraph, ...] = (
    ExemptParagraph(1, "An individual", "Information relating to any individual."),
    ExemptParagraph(
        2,
        "Identity of an individual",
        "Information which is likely to reveal the identity of an individual.",
    ),
    ExemptParagraph(
        3,
        "Financial or business affairs",
        "Information relating to the financial or business affairs of any particular "
        "person (including the authority holding that information).",
    ),
    ExemptParagraph(
        4,
        "Labour relations",
        "Information relating to any consultations or negotiations, or contemplated "
        "consultations or negotiations, in connection with any labour relations matter "
        "arising between the authority or a Minister of the Crown and employees of, or "
        "office holders under, the authority.",
    ),
    ExemptParagraph(
        5,
        "Legal professional privilege",
        "Information in respect of which a claim to legal professional privilege could be "
        "maintained in legal proceedings.",
    ),
    ExemptParagraph(
        6,
        "Notices, orders or directions",
        "Information which reveals that the authority proposes (a) to give under any "
        "enactment a notice under or by virtue of which requirements are imposed on a "
        "person; or (b) to make an order or direction under any enactment.",
    ),
    ExemptParagraph(
        7,
        "Crime",
        "Information relating to any action taken or to be taken in connection with the "
        "prevention, investigation or prosecution of crime.",
    ),
)
