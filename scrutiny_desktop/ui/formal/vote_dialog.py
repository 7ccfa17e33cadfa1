"""A recorded vote: for, against or abstained per member present, or the counts alone."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from scrutiny_desktop.domain.model import NamedVote, Person, Resolution, Vote, VoteChoice
from scrutiny_desktop.ui.dialog_buttons import ok_cancel

CHOICES: list[tuple[str, VoteChoice | None]] = [
    ("—", None),
    ("For", VoteChoice.FOR),
    ("Against", VoteChoice.AGAINST),
    ("Abstained", VoteChoice.ABSTAINED),
]


class VoteDialog(QDialog):
    """Edit one resolution's vote; ``vote()`` gives the result (None: no vote taken).

    ``members``: who is offered, the members in the room at the item first. With any
    member's vote chosen the counts are theirs; with none, the counts are typed.
    """

    def __init__(
        self, resolution: Resolution, members: Sequence[Person], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Recorded vote")
        vote = resolution.vote
        self.taken = QCheckBox("A &vote was taken")
        self.taken.setChecked(True)
        self.counts: dict[VoteChoice, QSpinBox] = {}
        counts = QHBoxLayout()
        for label, choice in CHOICES[1:]:
            assert choice is not None
            spin = QSpinBox()
            spin.setRange(0, 999)
            spin.setAccessibleName(f"Votes {label.lower()}")
            counts.addWidget(QLabel(f"{label}:"))
            counts.addWidget(spin)
            self.counts[choice] = spin
        if vote is not None:
            self.counts[VoteChoice.FOR].setValue(vote.for_)
            self.counts[VoteChoice.AGAINST].setValue(vote.against)
            self.counts[VoteChoice.ABSTAINED].setValue(vote.abstained)
        named = {v.initials: v.vote for v in vote.named} if vote else {}
        self.choices: dict[str, QComboBox] = {}
        box = QGroupBox("Who voted which way (leave all at — for the counts alone)")
        form = QFormLayout(box)
        for p in members:
            combo = QComboBox()
            combo.setAccessibleName(f"Vote of {p.display_name}")
            combo.addItems([label for label, _ in CHOICES])
            combo.setCurrentIndex(
                next(i for i, (_, c) in enumerate(CHOICES) if c is named.get(p.initials))
            )
            combo.currentIndexChanged.connect(self._named_changed)
            form.addRow(f"{p.display_name} ({p.initials})", combo)
            self.choices[p.initials] = combo
        text = QLabel(f"RESOLVED: {resolution.text}")
        text.setWordWrap(True)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(self.taken)
        layout.addLayout(counts)
        layout.addWidget(box)
        layout.addWidget(buttons)
        first = next(iter(self.choices.values()), None)
        (first or self.counts[VoteChoice.FOR]).setFocus()
        self.taken.toggled.connect(self._taken_changed)
        self._named_changed()

    def named(self) -> tuple[NamedVote, ...]:
        out = []
        for initials, combo in self.choices.items():
            choice = CHOICES[combo.currentIndex()][1]
            if choice is not None:
                out.append(NamedVote(initials, choice))
        return tuple(out)

    def vote(self) -> Vote | None:
        if not self.taken.isChecked():
            return None
        named = self.named()
        if named:
            return Vote(
                sum(v.vote is VoteChoice.FOR for v in named),
                sum(v.vote is VoteChoice.AGAINST for v in named),
                sum(v.vote is VoteChoice.ABSTAINED for v in named),
                named,
            )
        return Vote(
            self.counts[VoteChoice.FOR].value(),
            self.counts[VoteChoice.AGAINST].value(),
            self.counts[VoteChoice.ABSTAINED].value(),
        )

    def _named_changed(self) -> None:
        named = self.named()
        for choice, spin in self.counts.items():
            if named:
                spin.setValue(sum(v.vote is choice for v in named))
            spin.setEnabled(self.taken.isChecked() and not named)

    def _taken_changed(self, taken: bool) -> None:
        for combo in self.choices.values():
            combo.setEnabled(taken)
        self._named_changed()
