"""What the book refuses, each with a message a minute-taker can act on."""


class BookError(Exception):
    """Base class: the message is one clear sentence, naming the file where it helps."""


class NotABook(BookError):
    """The file is not a meeting book (text, PDF, empty, another program's database)."""


class NewerSchema(BookError):
    """The book was written by a newer version of Scrutiny Desktop."""


class ReadOnlyBook(BookError):
    """The book was opened read-only, or the file cannot be written."""


class MeetingLocked(BookError):
    """The meeting is signed off: its minutes are a record and do not change."""


class NotFound(BookError):
    """No meeting, item, action or person with that id or name."""
