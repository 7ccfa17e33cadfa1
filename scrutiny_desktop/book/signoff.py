"""Signing minutes off, verifying them, and reopening them with an audit trail.

Signing off stores the initials, the date, the fingerprint of the full record (with its
scheme, ``domain.fingerprint``), that record itself (the snapshot, kept for ever, also
when the minutes are reopened) and an audit entry. Once signed, triggers refuse every
change to the meeting's rows; the people it names are read from the snapshot, so the
shared directory can change without changing what the minutes print.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from scrutiny_desktop.book import rows
from scrutiny_desktop.book.content import ContentStore
from scrutiny_desktop.book.errors import BookError, NotFound
from scrutiny_desktop.book.triggers import trigger_problems
from scrutiny_desktop.domain import limits
from scrutiny_desktop.domain.initials import INITIALS_PATTERN
from scrutiny_desktop.domain.model import (
    AuditEvent,
    AuditKind,
    Meeting,
    MeetingStatus,
    Minutes,
    Person,
    Reopening,
    SignOff,
)


@dataclass(frozen=True, slots=True)
class Verification:
    """What ``verify`` found: ``ok`` when the stored content still has its fingerprint."""

    ok: bool
    message: str
    recorded: str | None = None
    computed: str | None = None


class SignOffStore(ContentStore):
    """Sign-off, verification and reopening of a meeting's minutes."""

    if TYPE_CHECKING:  # provided by Book

        def minutes(self, meeting_id: int) -> Minutes: ...

    # ------------------------------------------------------------ sign-off

    def sign_off(self, meeting_id: int, by: str, on: date, note: str | None = None) -> Meeting:
        """Record who agreed the minutes and when, fingerprint them, and lock them."""
        with self._limits():
            limits.check(note, limits.TEXT, "the sign-off note")
        with self._writing():
            self._sign_off(meeting_id, by, on, note)
        return self.minutes(meeting_id).meeting

    def _sign_off(self, meeting_id: int, by: str, on: date, note: str | None) -> None:
        by = by.strip()
        if not INITIALS_PATTERN.match(by):
            raise BookError(f"{by!r} are not initials (e.g. LW): say who agreed the minutes")
        self._check_draft(meeting_id)
        live = self.minutes(meeting_id)
        signed = replace(
            live,
            meeting=replace(
                live.meeting,
                status=MeetingStatus.SIGNED_OFF,
                signed_off=SignOff(by=by, on=on, note=note),
            ),
        )
        # The record and its fingerprint: imported when first signing (not at start-up).
        from scrutiny_desktop.domain.fingerprint import SCHEME, canonical_bytes, fingerprint

        snapshot = canonical_bytes(signed, SCHEME).decode("utf-8")
        print_ = fingerprint(signed, SCHEME)
        self._db.execute(
            "INSERT INTO signed_snapshots (meeting_id, scheme, fingerprint, document) "
            "VALUES (?, ?, ?, ?)",
            [meeting_id, SCHEME, print_, snapshot],
        )
        self._db.execute(
            "UPDATE meetings SET status = 'signed_off', signed_by = ?, signed_on = ?, "
            "signed_note = ?, fingerprint = ?, fingerprint_scheme = ? WHERE id = ?",
            [by, on.isoformat(), note, print_, SCHEME, meeting_id],
        )
        self._put_audit(meeting_id, [AuditEvent(AuditKind.SIGNED_OFF, by, on, None, print_)])

    # ------------------------------------------------------------ the audit

    def audit(self, meeting_id: int) -> list[AuditEvent]:
        """Every sign-off and reopening of the meeting, oldest first."""
        return [
            rows.audit_event(r)
            for r in self._q("SELECT * FROM audit WHERE meeting_id = ? ORDER BY id", [meeting_id])
        ]

    def _put_audit(self, meeting_id: int, events: Sequence[AuditEvent]) -> None:
        for e in events:
            self._db.execute(
                "INSERT INTO audit (meeting_id, event, by, on_day, reason, fingerprint) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [meeting_id, e.event.value, e.by, e.on.isoformat(), e.reason, e.fingerprint],
            )

    def _signed_people(self, meeting_id: int) -> tuple[Person, ...] | None:
        """The people a signed-off meeting named when it was signed (None: no snapshot)."""
        found = self._q(
            "SELECT document FROM signed_snapshots s JOIN meetings m ON m.id = s.meeting_id "
            "WHERE s.meeting_id = ? AND m.status = 'signed_off' ORDER BY s.id DESC LIMIT 1",
            [meeting_id],
        )
        if not found:
            return None
        doc = json.loads(found[0]["document"])
        return tuple(
            rows.person(
                {
                    "initials": p["initials"],
                    "name": p.get("name"),
                    "role": p.get("role"),
                    "organisation": p.get("organisation"),
                    "kind": p.get("kind") or "person",
                    "email": p.get("email"),
                }
            )
            for p in doc["people"]
        )

    # ------------------------------------------------------------ verify

    def verify(self, meeting_id: int, expect: str | None = None) -> Verification:
        """Recompute a signed-off meeting's fingerprint (under the scheme it was signed
        under) and compare it with the recorded one, and with ``expect`` when given (the
        fingerprint printed on a circulated copy: tampering with the book and its stored
        fingerprint together is still caught by anyone holding the PDF)."""
        from scrutiny_desktop.domain.fingerprint import canonical_document, fingerprint

        m = self.minutes(meeting_id)
        where = f"the minutes of {m.meeting.date.isoformat()} (meeting {meeting_id})"
        if not m.meeting.is_signed_off or m.meeting.signed_off is None:
            raise BookError(f"{where} are a draft: there is no sign-off to verify")
        recorded = m.meeting.signed_off.fingerprint
        scheme = m.meeting.signed_off.scheme or 1
        computed = fingerprint(m, scheme)
        locks = self.lock_problems()
        lock_note = f"; besides, {locks}" if locks else ""
        if recorded is None:
            return Verification(
                False,
                f"{where} were signed off without a fingerprint{lock_note}",
                recorded,
                computed,
            )
        if expect is not None and expect.strip() != recorded:
            return Verification(
                False,
                f"{where} do not match the fingerprint given ({expect.strip()}): the book "
                f"records {recorded} and its content gives {computed}{lock_note}",
                recorded,
                computed,
            )
        last = m.audit[-1] if m.audit else None
        if recorded == computed and (
            last is None
            or (last.event, last.by, last.on, last.fingerprint)
            != (AuditKind.SIGNED_OFF, m.meeting.signed_off.by, m.meeting.signed_off.on, recorded)
        ):
            # The audit's last entry is this sign-off (it holds the fingerprint, so the
            # fingerprint cannot cover it): it must say what the sign-off says.
            return Verification(
                False,
                f"{where} have an audit whose last entry is not their sign-off "
                f"(the audit was changed outside the application){lock_note}",
                recorded,
                computed,
            )
        if recorded == computed:
            return Verification(
                not locks, f"{where} are as signed off ({recorded}){lock_note}", recorded, computed
            )
        where_changed = self._first_difference(meeting_id, canonical_document(m, scheme))
        return Verification(
            False,
            f"{where} were changed outside the application after sign-off: "
            f"recorded fingerprint {recorded}, content now gives {computed}"
            + (f"; first difference at {where_changed}" if where_changed else "")
            + lock_note,
            recorded,
            computed,
        )

    def _first_difference(self, meeting_id: int, now: dict[str, Any]) -> str | None:
        found = self._q(
            "SELECT document FROM signed_snapshots WHERE meeting_id = ? ORDER BY id DESC LIMIT 1",
            [meeting_id],
        )
        if not found:
            return "the sign-off snapshot (it is missing)"
        return _diff(json.loads(found[0]["document"]), json.loads(json.dumps(now)), "")

    def lock_problems(self) -> str | None:
        """What is wrong with the triggers that lock signed-off minutes, if anything."""
        return trigger_problems(self._conn)

    # ------------------------------------------------------------ reopen

    def reopen(
        self, meeting_id: int, reason: str, by: str, *, at: datetime | None = None
    ) -> Meeting:
        """Make signed-off minutes a draft again, recording who, when, why and the old fingerprint."""
        reason, by = reason.strip(), by.strip()
        if not reason:
            raise BookError("give a reason for reopening signed-off minutes")
        if not by:
            raise BookError("say who is reopening the minutes")
        with self._limits():
            limits.check(reason, limits.TEXT, "the reason")
            limits.check(by, limits.NAME, "who reopens them")
        at = at or datetime.now(UTC)
        with self._writing():
            r = self._one(
                "SELECT status, signed_by, signed_on, fingerprint, date FROM meetings WHERE id = ?",
                [meeting_id],
                f"meeting with id {meeting_id}",
            )
            if r["status"] != MeetingStatus.SIGNED_OFF.value:
                raise BookError(f"the minutes of {r['date']} are not signed off; nothing to reopen")
            self._db.execute(
                "INSERT INTO reopenings (meeting_id, at, by, reason, old_fingerprint, "
                "old_signed_by, old_signed_on) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    meeting_id,
                    at.isoformat(timespec="seconds"),
                    by,
                    reason,
                    r["fingerprint"],
                    r["signed_by"],
                    r["signed_on"],
                ],
            )
            self._put_audit(
                meeting_id,
                [AuditEvent(AuditKind.REOPENED, by, at.date(), reason, r["fingerprint"])],
            )
            self._db.execute(
                "UPDATE meetings SET status = 'draft', signed_by = NULL, signed_on = NULL, "
                "signed_note = NULL, fingerprint = NULL, fingerprint_scheme = NULL WHERE id = ?",
                [meeting_id],
            )
        return self.minutes(meeting_id).meeting

    def reopenings(self, meeting_id: int) -> list[Reopening]:
        """Every reopening of this meeting's minutes, oldest first (the PDF prints them)."""
        if not self._q("SELECT 1 FROM meetings WHERE id = ?", [meeting_id]):
            raise NotFound(f"no meeting with id {meeting_id}")
        return [
            Reopening(
                at=datetime.fromisoformat(r["at"]),
                by=r["by"],
                reason=r["reason"],
                old_fingerprint=r["old_fingerprint"],
                old_signed_by=r["old_signed_by"],
                old_signed_on=rows.d(r["old_signed_on"]),
            )
            for r in self._q(
                "SELECT * FROM reopenings WHERE meeting_id = ? ORDER BY id", [meeting_id]
            )
        ]


def _diff(old: Any, new: Any, path: str) -> str | None:
    """The JSON path of the first place two documents differ."""
    if isinstance(old, dict) and isinstance(new, dict):
        for k in sorted(set(old) | set(new)):
            found = _diff(old.get(k), new.get(k), f"{path}.{k}" if path else k)
            if found:
                return found
        return None
    if isinstance(old, list) and isinstance(new, list):
        for i in range(max(len(old), len(new))):
            a = old[i] if i < len(old) else None
            b = new[i] if i < len(new) else None
            found = _diff(a, b, f"{path}[{i}]")
            if found:
                return found
        return None
    return None if old == new else (path or "(document)")
