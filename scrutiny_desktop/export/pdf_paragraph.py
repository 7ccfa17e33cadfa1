"""reportlab's Paragraph as the minutes use it: its lines broken once for each width.

Imported only while exporting (it imports reportlab).
"""

from __future__ import annotations

from reportlab.platypus import Paragraph as _ReportlabParagraph


class Paragraph(_ReportlabParagraph):  # type: ignore[misc]
    """reportlab's Paragraph, its lines broken once per width however often it is wrapped.

    A table lays out every cell each time it is wrapped, and it is wrapped again for each
    page it is split across, so the rows after page N have their paragraphs broken into
    lines about N times over: most of the time a long PDF took. A wrap at the width of the
    last one, with its lines (``blPara``) and size untouched since, returns that size:
    breaking the same text at the same width gives the same lines. Anything that drops or
    replaces the lines (``split`` deletes them when a paragraph must move on) or changes
    the size makes the next wrap a full one.
    """

    _wrapped: tuple[float, tuple[float, float], object] | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        last = self._wrapped
        if (
            last is not None
            and last[0] == avail_width
            and getattr(self, "blPara", None) is last[2]
            and (self.width, self.height) == last[1]
        ):
            return last[1]
        size: tuple[float, float] = super().wrap(avail_width, avail_height)
        self._wrapped = (avail_width, size, getattr(self, "blPara", None))
        return size
