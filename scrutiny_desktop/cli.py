"""The command line: ``scrutiny-desktop import|list|export|open ...``.

Exit codes: 0 success, 2 bad input or a file we will not open (one line on stderr),
3 a refused change (a signed-off meeting), 1 anything unexpected.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from scrutiny_desktop import __version__
from scrutiny_desktop.book import Book, BookError, MeetingLocked

EXIT_OK, EXIT_UNEXPECTED, EXIT_BAD_INPUT, EXIT_REFUSED = 0, 1, 2, 3

Handler = Callable[[argparse.Namespace, TextIO], int]


class CliError(Exception):
    """Bad input: printed as one line, exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="scrutiny-desktop",
        description="Take the minutes of formal scrutiny meetings; export them as PDF or JSON.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("open", help="open the window on a book (the default command)")
    p.add_argument(
        "book", nargs="?", type=Path, help="the meeting book (default: your data folder)"
    )
    p.add_argument(
        "--screenshot",
        type=Path,
        metavar="PNG",
        help="render the window on the latest meeting to PNG and exit",
    )
    p.add_argument("--read-only", action="store_true", help="open the book without changing it")

    p = sub.add_parser("import", help="import a meeting from a JSON file; prints its id")
    p.add_argument("book", type=Path)
    p.add_argument("file", type=Path)
    p.set_defaults(handler=_import)

    p = sub.add_parser("list", help="one line per meeting: id, date, title, status")
    p.add_argument("book", type=Path)
    p.set_defaults(handler=_list)

    p = sub.add_parser("export", help="export a meeting as JSON or PDF")
    p.add_argument("book", type=Path)
    p.add_argument("meeting", help="an id, a date (YYYY-MM-DD) or 'latest'")
    p.add_argument("--format", choices=["json", "pdf"], default="json")
    p.add_argument(
        "--public",
        action="store_true",
        help="PDF: leave out restricted items, paragraphs and actions",
    )
    p.add_argument(
        "-o", "--output", type=Path, required=True, help="file to write ('-' for stdout, JSON only)"
    )
    p.set_defaults(handler=_export)
    return parser


def run(argv: Sequence[str], out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    """Run one non-window command; returns the exit code."""
    args = build_parser().parse_args(argv)
    handler: Handler = args.handler
    try:
        return handler(args, out)
    except MeetingLocked as e:
        print(f"scrutiny-desktop: refused: {e}", file=err)
        return EXIT_REFUSED
    except (BookError, CliError, ValueError) as e:
        print(f"scrutiny-desktop: {e}", file=err)
        return EXIT_BAD_INPUT
    except OSError as e:
        print(f"scrutiny-desktop: {e.strerror or e}: {e.filename or ''}".rstrip(": "), file=err)
        return EXIT_BAD_INPUT
    except Exception as e:  # the last resort: one line, not a traceback
        print(f"scrutiny-desktop: unexpected error: {type(e).__name__}: {e}", file=err)
        return EXIT_UNEXPECTED


def _import(args: argparse.Namespace, out: TextIO) -> int:
    from scrutiny_desktop.export import interchange

    minutes = interchange.load(args.file)  # validated before the book is touched
    with Book.open(args.book, create=True) as book:
        print(book.import_minutes(minutes), file=out)
    return EXIT_OK


def _list(args: argparse.Namespace, out: TextIO) -> int:
    with Book.open(args.book, read_only=True) as book:
        for m in book.meetings():
            print(f"{m.id}\t{m.date.isoformat()}\t{m.title}\t{m.status.value}", file=out)
    return EXIT_OK


def _export(args: argparse.Namespace, out: TextIO) -> int:
    from scrutiny_desktop.export import interchange
    from scrutiny_desktop.export.atomic import write_bytes_atomically

    with Book.open(args.book, read_only=True) as book:
        minutes = book.minutes(book.resolve_meeting(args.meeting))
    if args.format == "json":
        if args.public:
            raise CliError("--public applies to PDF; the JSON export is always the full record")
        text = interchange.dumps(minutes)
        if str(args.output) == "-":
            out.write(text)
        else:
            write_bytes_atomically(args.output, text.encode("utf-8"))
        return EXIT_OK
    if str(args.output) == "-":
        raise CliError("a PDF cannot be written to stdout; give a file name with -o")
    from scrutiny_desktop.export.pdf import export_pdf

    export_pdf(minutes, args.output, public=args.public)
    return EXIT_OK
