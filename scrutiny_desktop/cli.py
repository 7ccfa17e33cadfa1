"""The command line: import, list, export, new-meeting, sign-off, reopen, verify, actions,
decisions, declarations, search, circulate.

Exit codes: 0 success, 2 bad input or a file we will not open (one line on stderr),
3 a refused change (a signed-off meeting) or signed-off content that fails ``verify``,
1 anything unexpected.

Each command imports what it uses when it runs: the parser is made from light modules
only, so ``--help`` or a mistyped option costs no book, and ``export --format pdf`` no
JSON reader (a command-line export is a whole process each time).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from scrutiny_desktop import __version__
from scrutiny_desktop.book.errors import BookError, BookLocked, MeetingLocked
from scrutiny_desktop.circulate import add_command as add_circulate_command
from scrutiny_desktop.cli_streams import Guarded, StdoutFailed, say
from scrutiny_desktop.domain.printable import printable
from scrutiny_desktop.export import formats
from scrutiny_desktop.files.atomic import OutputNotWritten
from scrutiny_desktop.files.outputs import OutputRefused, check_output
from scrutiny_desktop.window_options import add_open_arguments

if TYPE_CHECKING:
    from scrutiny_desktop.book.store import Book

EXIT_OK, EXIT_UNEXPECTED, EXIT_BAD_INPUT, EXIT_REFUSED = 0, 1, 2, 3

Handler = Callable[[argparse.Namespace, TextIO], int]

log = logging.getLogger(__name__)
MAX_LIMIT = 100_000

#: The commands that only read a book: they work while a window has it open.
READ_ONLY = ("list", "export", "verify", "actions", "search")


class CliError(Exception):
    """Bad input: printed as one line, exit code 2."""


class NotAsSigned(Exception):
    """``verify`` found content that no longer matches its sign-off: exit code 3."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scrutiny-desktop",
        description="Take the minutes of formal scrutiny meetings; export them as PDF or JSON.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    add_open_arguments(
        sub.add_parser("open", help="open the window on a book (the default command)")
    )

    p = sub.add_parser("import", help="import a meeting from a JSON file; prints its id")
    p.add_argument("book", type=Path)
    p.add_argument("file", type=Path)
    p.set_defaults(handler=_import)

    p = sub.add_parser("list", help="one line per meeting: id, date, title, status")
    p.add_argument("book", type=Path)
    p.set_defaults(handler=_list)

    p = sub.add_parser("export", help="export a meeting: PDF, Word, web page, JSON or CSV")
    p.add_argument("book", type=Path)
    p.add_argument("meeting", help="an id, a date (YYYY-MM-DD) or 'latest'")
    p.add_argument("--format", choices=formats.names(), default="json")
    p.add_argument(
        "--public",
        action="store_true",
        help="the public version: restricted items, paragraphs and actions left out",
    )
    p.add_argument(
        "-o", "--output", required=True, help="file to write ('-' for stdout, JSON only)"
    )
    p.set_defaults(handler=_export)
    _lifecycle_commands(sub)
    _register_commands(sub)
    add_circulate_command(sub, _circulate)
    return parser


def _limit(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = 0
    if not 1 <= n <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number of results from 1 to {MAX_LIMIT}"
        )
    return n


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (YYYY-MM-DD)") from None


def _lifecycle_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    meeting_help = "an id, a date (YYYY-MM-DD) or 'latest'"
    p = sub.add_parser("new-meeting", help="create the next meeting of a series; prints its id")
    p.add_argument("book", type=Path)
    p.add_argument("--after", required=True, metavar="MEETING", help=meeting_help)
    p.add_argument("--date", type=_iso_date, help="default: the previous meeting's next meeting")
    p.set_defaults(handler=_new_meeting)

    p = sub.add_parser("sign-off", help="sign a meeting's minutes off; they then cannot change")
    p.add_argument("book", type=Path)
    p.add_argument("meeting", help=meeting_help)
    p.add_argument("--by", required=True, metavar="INITIALS", help="who agreed them (the chair)")
    p.add_argument("--on", type=_iso_date, help="the date they were agreed (default: today)")
    p.add_argument("--note", help="e.g. 'agreed with one correction to item 3'")
    p.set_defaults(handler=_sign_off)

    p = sub.add_parser("reopen", help="make signed-off minutes a draft again (audited)")
    p.add_argument("book", type=Path)
    p.add_argument("meeting", help=meeting_help)
    p.add_argument("--reason", required=True, help="why; kept in the audit and on the PDF")
    p.add_argument("--by", metavar="INITIALS", help="who reopens them (default: your user name)")
    p.set_defaults(handler=_reopen)

    p = sub.add_parser("verify", help="check signed-off minutes against their fingerprint")
    p.add_argument("book", type=Path)
    p.add_argument("meeting", help=meeting_help)
    against = p.add_mutually_exclusive_group()
    against.add_argument(
        "--expect", metavar="FINGERPRINT", help="the fingerprint printed on a circulated copy"
    )
    against.add_argument(
        "--against", type=Path, metavar="PDF", help="a circulated PDF: its fingerprint is read"
    )
    p.set_defaults(handler=_verify)

    p = sub.add_parser("actions", help="the action register: every action of a series")
    p.add_argument("book", type=Path)
    p.add_argument("--series", help="one series (default: all)")
    p.add_argument("--open", action="store_true", help="only actions not completed or closed")
    p.add_argument("--overdue", action="store_true", help="only actions overdue (see --today)")
    p.add_argument("--owner", metavar="INITIALS")
    p.add_argument("--text", help="words that must appear in the reference, text or notes")
    p.add_argument("--today", type=_iso_date, help="the day 'overdue' is judged on")
    p.add_argument(
        "--public",
        action="store_true",
        help="leave out restricted actions and notes (for circulation outside)",
    )
    p.add_argument("--format", choices=["table", "csv"], default="table")
    p.add_argument("-o", "--output", help="write to this file (CSV gets a BOM)")
    p.set_defaults(handler=_actions)

    p = sub.add_parser("search", help="search every meeting: titles, bodies, actions, updates")
    p.add_argument("book", type=Path)
    p.add_argument("text", nargs="+")
    p.add_argument("--limit", type=_limit, default=50, help="at most this many (1 to 100000)")
    p.set_defaults(handler=_search)


def _register_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("decisions", help="the decisions register: every resolution of a series")
    p.add_argument("book", type=Path)
    p.add_argument("--series", help="one series (default: all)")
    p.add_argument("--text", help="words that must appear in the resolution or item")
    p.add_argument("--public", action="store_true", help="leave out restricted resolutions")
    p.add_argument("--format", choices=["table", "csv"], default="table")
    p.add_argument("-o", "--output", type=Path, help="write to this file (CSV gets a BOM)")
    p.set_defaults(handler=_decisions)

    p = sub.add_parser("declarations", help="every interest declared, by a person or by all")
    p.add_argument("book", type=Path)
    p.add_argument("--person", metavar="INITIALS", help="one person's declarations")
    p.add_argument("--public", action="store_true", help="leave out those at restricted items")
    p.add_argument("--format", choices=["table", "csv"], default="table")
    p.add_argument("-o", "--output", type=Path, help="write to this file (CSV gets a BOM)")
    p.set_defaults(handler=_declarations)


def run(argv: Sequence[str], out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run one non-window command; returns the exit code.

    ``out`` and ``err`` default to the standard streams, which Python sets to None when
    they were closed when the program started (``>&-``).
    """
    out = sys.stdout if out is None else out
    err = sys.stderr if err is None else err
    args = build_parser().parse_args(argv)
    args.err = err  # where _open says what opening a book found (restored locks, ...)
    handler: Handler = args.handler
    if out is None and _shows_result(args):
        say(err, "standard output is closed, so nothing could be shown; nothing was done")
        return EXIT_BAD_INPUT
    guarded = Guarded(out)
    try:
        code = handler(args, cast(TextIO, guarded))
        guarded.flush()
        return code
    except StdoutFailed as e:
        say(err, f"standard output cannot be written: {e.strerror}")
        guarded.discard()
        return EXIT_BAD_INPUT
    except MeetingLocked as e:
        say(err, f"refused: {e}")
        return EXIT_REFUSED
    except BookLocked as e:
        readers = f"{', '.join(READ_ONLY[:-1])} and {READ_ONLY[-1]}"
        say(
            err,
            f"{args.book} is open for writing in {e.who}; "
            f"close it there first ({readers} still work)",
        )
        return EXIT_BAD_INPUT
    except NotAsSigned as e:
        say(err, str(e))
        return EXIT_REFUSED
    except (BookError, CliError, OutputRefused, OutputNotWritten, ValueError) as e:
        say(err, str(e))
        return EXIT_BAD_INPUT
    except OSError as e:
        say(err, f"{e.strerror or e}: {e.filename or ''}".rstrip(": "))
        return EXIT_BAD_INPUT
    except Exception as e:  # the last resort: one line, not a traceback
        say(err, f"unexpected error: {type(e).__name__}: {e}")
        return EXIT_UNEXPECTED


def _open(args: argparse.Namespace, **kwargs: Any) -> Book:
    """``Book.open(args.book, ...)``, saying on stderr what opening found (``notices``)."""
    from scrutiny_desktop.book.store import Book

    book = Book.open(args.book, **kwargs)
    for notice in book.notices:
        say(args.err, f"{args.book}: {notice}")
    return book


def _shows_result(args: argparse.Namespace) -> bool:
    """Whether the command prints its result (rather than writing it to an -o file)."""
    output = getattr(args, "output", None)
    return args.command not in ("export", "actions", "decisions", "declarations") or output in (
        None,
        "-",
    )


def _import(args: argparse.Namespace, out: TextIO) -> int:
    from scrutiny_desktop.export import interchange

    minutes = interchange.load(args.file)  # validated before the book is touched
    with _for_writing(args, create=True) as book:
        print(book.import_minutes(minutes), file=out)
    return EXIT_OK


def _for_writing(args: argparse.Namespace, *, create: bool = False) -> Book:
    """The book, for a command that writes: locked as the window locks it, or BookLocked.

    One writer at a time, window or command; the lock names the command to a window
    that tries to open the book meanwhile.
    """
    return _open(args, create=create, lock=True, holder=args.command)


def _list(args: argparse.Namespace, out: TextIO) -> int:
    with _open(args, read_only=True) as book:
        for m in book.meetings():
            print(f"{m.id}\t{m.date.isoformat()}\t{printable(m.title)}\t{m.status.value}", file=out)
    return EXIT_OK


def _export(args: argparse.Namespace, out: TextIO) -> int:
    to_stdout = str(args.output) == "-"
    if to_stdout and args.format != "json":
        raise CliError(f"{args.format} cannot be written to stdout; give a file name with -o")
    target = None if to_stdout else check_output(args.output, args.book)
    with _open(args, read_only=True) as book:
        meeting_id = book.resolve_meeting(args.meeting)
        minutes = book.minutes(meeting_id)
        presentation = book.presentation(meeting_id)
    if args.format == "json":
        from scrutiny_desktop.export import interchange
        from scrutiny_desktop.files.atomic import write_bytes_atomically

        if args.public:
            raise CliError("--public does not apply to JSON: it is always the full record")
        text = interchange.dumps(minutes)
        if target is None:
            out.write(text)
        else:
            write_bytes_atomically(target, text.encode("utf-8"))
        return EXIT_OK
    assert target is not None
    written = formats.find(args.format, public=args.public).write(
        minutes, target, presentation=presentation
    )
    for sub in getattr(written, "substitutions", ()):  # the PDF's characters with no glyph
        log.warning("PDF %s: %s", target.name, sub)
    return EXIT_OK


def _circulate(args: argparse.Namespace, out: TextIO) -> int:
    from scrutiny_desktop.circulate import MinutesAltered, circulate

    with _open(args, read_only=True) as book:
        meeting_id = book.resolve_meeting(args.meeting)
        try:
            paths = circulate(book, meeting_id, args.out, public=args.public, sender=args.sender)
        except MinutesAltered as e:
            raise NotAsSigned(str(e)) from None
    for path in paths:
        print(path, file=out)
    return EXIT_OK


# ---------------------------------------------------------------- lifecycle


def _new_meeting(args: argparse.Namespace, out: TextIO) -> int:
    with _for_writing(args) as book:
        print(book.new_meeting_after(book.resolve_meeting(args.after), args.date), file=out)
    return EXIT_OK


def _sign_off(args: argparse.Namespace, out: TextIO) -> int:
    with _for_writing(args) as book:
        m = book.sign_off(
            book.resolve_meeting(args.meeting), args.by, args.on or date.today(), args.note
        )
    assert m.signed_off is not None
    print(f"{m.id}\tsigned off by {m.signed_off.by} on {m.signed_off.on}", file=out)
    print(m.signed_off.fingerprint, file=out)
    return EXIT_OK


def _reopen(args: argparse.Namespace, out: TextIO) -> int:
    import getpass

    with _for_writing(args) as book:
        m = book.reopen(
            book.resolve_meeting(args.meeting), args.reason, args.by or getpass.getuser()
        )
    print(f"{m.id}\treopened: a draft again", file=out)
    return EXIT_OK


def _verify(args: argparse.Namespace, out: TextIO) -> int:
    expect = args.expect
    if args.against is not None:
        from scrutiny_desktop.export.pdf_fingerprint import fingerprint_in_pdf

        expect = fingerprint_in_pdf(args.against)
    with _open(args, read_only=True) as book:
        result = book.verify(book.resolve_meeting(args.meeting), expect=expect)
    if not result.ok:
        raise NotAsSigned(result.message)
    print(result.message, file=out)
    return EXIT_OK


def _actions(args: argparse.Namespace, out: TextIO) -> int:
    from scrutiny_desktop.domain.carry import RegisterFilter
    from scrutiny_desktop.export import csv_export
    from scrutiny_desktop.files.atomic import write_bytes_atomically

    target = None if args.output is None else check_output(args.output, args.book)
    today = args.today or date.today()
    filters = RegisterFilter(
        open_only=args.open,
        overdue_on=today if args.overdue else None,
        owner=args.owner,
        text=args.text,
    )
    with _open(args, read_only=True) as book:
        rows = book.register(args.series, filters=filters)
    if args.public:
        from scrutiny_desktop.domain.public import public_register

        rows = public_register(rows)
    if args.format == "csv":
        if target is not None:
            write_bytes_atomically(target, csv_export.register_csv(rows, today=today))
        else:
            out.write(csv_export.register_csv_text(rows, today=today))
        return EXIT_OK
    text = printable(csv_export.register_table(rows, today=today), keep="\n")
    if target is not None:
        write_bytes_atomically(target, text.encode("utf-8"))
    else:
        out.write(text)
    return EXIT_OK


def _search(args: argparse.Namespace, out: TextIO) -> int:
    from scrutiny_desktop.book.search import MARK_END, MARK_START

    with _open(args, read_only=True) as book:
        hits = book.search(" ".join(args.text), limit=args.limit)
    for h in hits:
        where = f"item {h.item_number} {h.item_title}" if h.item_id is not None else "title"
        snippet = h.snippet.replace(MARK_START, "[").replace(MARK_END, "]").replace("\n", " ")
        print(
            f"{h.meeting_date}\t{h.meeting_id}\t{printable(where)}\t{printable(snippet)}", file=out
        )
    return EXIT_OK


# ---------------------------------------------------------------- registers


def _decisions(args: argparse.Namespace, out: TextIO) -> int:
    from scrutiny_desktop.domain.public import public_decisions
    from scrutiny_desktop.export import registers_csv as r

    with _open(args, read_only=True) as book:
        found = book.decisions(args.series, text=args.text)
    if args.public:
        found = public_decisions(found)
    rows = [r.decision_row(d) for d in found]
    if args.format == "csv":
        return _write_register(args, out, r.decisions_csv_text(found))
    cols = (1, 2, 6, 5, 4)  # Meeting, Item, Restricted, Vote, Resolution
    return _write_register(
        args,
        out,
        r.table(
            ("Meeting", "Item", "R", "Vote", "Resolution"),
            [tuple(row[c] for c in cols) for row in rows],
        ),
    )


def _declarations(args: argparse.Namespace, out: TextIO) -> int:
    from scrutiny_desktop.domain.public import public_declarations
    from scrutiny_desktop.export import registers_csv as r

    with _open(args, read_only=True) as book:
        found = book.declarations_of(args.person)
    if args.public:
        found = public_declarations(found)
    if args.format == "csv":
        return _write_register(args, out, r.declarations_csv_text(found))
    cols = (0, 2, 3, 5, 7, 6)  # Initials, Meeting, Item, Kind, Left, Interest
    return _write_register(
        args,
        out,
        r.table(
            ("Who", "Meeting", "Item", "Kind", "Left", "Interest"),
            [tuple(row[c] for c in cols) for row in map(r.declaration_row, found)],
        ),
    )


def _write_register(args: argparse.Namespace, out: TextIO, text: str) -> int:
    """A register to ``-o`` (CSV with a byte-order mark, for spreadsheets) or stdout; a
    table's text shown with its control characters escaped."""
    from scrutiny_desktop.export.csv_export import csv_bytes
    from scrutiny_desktop.files.atomic import write_bytes_atomically

    if args.format != "csv":
        text = printable(text, keep="\n")
    if args.output is None:
        out.write(text)
    else:
        data = csv_bytes(text) if args.format == "csv" else text.encode("utf-8")
        write_bytes_atomically(check_output(args.output, args.book), data)
    return EXIT_OK
