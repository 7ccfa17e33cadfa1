"""Search: FTS5 kept in step by triggers, title hits first, snippets, places to open."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from scrutiny_desktop.book import Book
from scrutiny_desktop.book.search import MARK_END, MARK_START, match_expression
from scrutiny_desktop.domain.model import Action, Meeting, Paragraph


def test_finds_a_word_written_a_moment_ago(seeded_book):
    book, mid = seeded_book
    assert book.search("zebracrossing") == []
    item = book.items(mid)[5]
    book.set_body(item.id, [*book.body(item.id), Paragraph("The zebracrossing was discussed.")])
    (hit,) = book.search("zebracrossing")
    assert (hit.kind, hit.meeting_id, hit.item_id, hit.item_title) == (
        "paragraph",
        mid,
        item.id,
        "Any other business",
    )
    assert f"{MARK_START}zebracrossing{MARK_END}" in hit.snippet
    book.set_body(item.id, [Paragraph("Nothing else.")])
    assert book.search("zebracrossing") == []


def test_title_hits_rank_first(seeded_book):
    book, mid = seeded_book
    hits = book.search("domestic abuse")
    assert hits[0].kind == "item" and hits[0].item_title == "Domestic Abuse Quarterly Report"
    assert {h.kind for h in hits[1:]} <= {"paragraph", "action", "update"}
    assert len(hits) > 3
    m = book.add_meeting(Meeting(id=None, title="Drugs summit", date=date(2015, 6, 1)))
    kinds = [(h.kind, h.meeting_id) for h in book.search("drugs")]
    assert set(kinds[:2]) == {("meeting", m.id), ("item", mid)}
    assert all(k in ("paragraph", "action", "update") for k, _ in kinds[2:])


def test_actions_updates_and_edits_are_indexed(seeded_book):
    book, mid = seeded_book
    item = book.items(mid)[2]
    a = book.add_action(item.id, Action(id=None, ref=None, text="Quokka census"))
    assert [h.kind for h in book.search("quokka")] == ["action"]
    book.update_action(Action(id=a.id, ref=a.ref, text="Wombat census"))
    assert book.search("quokka") == [] and book.search("wombat")[0].source_id == a.id
    book.delete_action(a.id)
    assert book.search("wombat") == []
    march = book.new_meeting_after(mid)
    u = book.items(march, full=True)[0].updates[0]
    book.set_progress(u.id, "to_follow", "awaiting the platypus report")
    (hit,) = book.search("platypus")
    assert (hit.kind, hit.meeting_id) == ("update", march)
    assert [h.kind for h in book.search("81/14")][:2] == ["update", "update"]


def test_deleting_a_meeting_empties_its_hits(seeded_book):
    book, mid = seeded_book
    march = book.new_meeting_after(mid)
    book.update_meeting(Meeting(id=march, title="Narwhal meeting", date=date(2015, 3, 26)))
    assert book.search("narwhal")
    book.delete_meeting(march)
    assert book.search("narwhal") == []


def test_welsh_and_polish_words_are_found_with_or_without_accents(seeded_book):
    book, mid = seeded_book
    item = book.items(mid)[5]
    book.set_body(item.id, [Paragraph("Adroddiad ar yr ŵyl; zażółć gęślą jaźń")])
    assert book.search("ŵyl") and book.search("wyl") and book.search("gęślą")


def test_typed_text_is_never_fts_syntax():
    assert match_expression("") is None and match_expression('"*()') is None
    assert match_expression('drug AND "seiz') == '"drug" "AND" "seiz"*'
    assert match_expression("NEAR(a b)") == '"NEAR" "a" "b"*'


def test_declarations_and_resolutions_are_found(tmp_path):
    from scrutiny_desktop.export import interchange

    panel = Path(__file__).resolve().parents[1] / "data" / "panel-meeting.v2.json"
    with Book.create(tmp_path / "panel.sqlite") as book:
        book.import_minutes(interchange.load(panel))
        declared = book.search("force finance")
        resolved = book.search("rural crime team")
    assert [(h.kind, h.item_number) for h in declared] == [("declaration", "42/26")]
    assert ("resolution", "44/26") in [(h.kind, h.item_number) for h in resolved]
