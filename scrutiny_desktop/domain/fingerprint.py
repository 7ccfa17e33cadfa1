"""Fingerprints of signed-off minutes, by scheme.

A fingerprint is ``sha256:`` and the hex digest of a canonical document: sorted keys,
no spaces, UTF-8. The scheme says which document:

* scheme 1: the interchange version 1 document (``record_v1``). It leaves out things
  the minutes print, so it is used only to verify minutes signed off under it.
* scheme 2: the full record (``record.document``), less the audit entry of the
  sign-off being fingerprinted (which holds the fingerprint itself).

The scheme is stored with the fingerprint, and minutes are verified under the scheme
they were signed off under: a document that gains keys never breaks old sign-offs.
"""

from __future__ import annotations

import json
from dataclasses import replace
from typing import Any

from scrutiny_desktop.domain.model import AuditKind, Minutes
from scrutiny_desktop.domain.record import document
from scrutiny_desktop.domain.record_v1 import document_v1

SCHEME = 2
SCHEMES = (1, 2)


def canonical_document(minutes: Minutes, scheme: int = SCHEME) -> dict[str, Any]:
    """The document that ``scheme`` fingerprints."""
    if scheme == 1:
        return document_v1(minutes)
    if scheme == 2:
        return document(_without_own_signing(minutes))
    raise ValueError(f"unknown fingerprint scheme {scheme!r} (this release knows {SCHEMES})")


def canonical_bytes(minutes: Minutes, scheme: int = SCHEME) -> bytes:
    """The canonical document as bytes: sorted keys, no spaces, UTF-8."""
    return json.dumps(
        canonical_document(minutes, scheme),
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode("utf-8")


def fingerprint(minutes: Minutes, scheme: int = SCHEME) -> str:
    """``sha256:`` and the hex digest of the canonical document."""
    import hashlib  # here: loading OpenSSL costs ~5 ms of every window start (issue 7)

    return "sha256:" + hashlib.sha256(canonical_bytes(minutes, scheme)).hexdigest()


def _without_own_signing(minutes: Minutes) -> Minutes:
    """Signed-off minutes' audit ends with their own sign-off, whose fingerprint is the
    one being computed: it is left out (the sign-off itself is in ``meeting.signed_off``)."""
    audit = minutes.audit
    if minutes.meeting.is_signed_off and audit and audit[-1].event is AuditKind.SIGNED_OFF:
        return replace(minutes, audit=audit[:-1])
    return minutes
