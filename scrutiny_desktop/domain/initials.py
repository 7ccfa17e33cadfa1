"""Initials proposed from a name, and the one-line person entry ("Name, Role, Organisation")."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection

from scrutiny_desktop.domain.model import Person

# Honorifics, titles and ranks: a run of them before a name is not part of its initials
# ("Cty Cllr P Ruffles" -> PR, "Detective Chief Inspector Tom Simons" -> TS). Compared
# lower-case without full stops, one word at a time, so "Rt Hon" and "Det Supt" are two.
_TITLES = frozenset(
    {
        # forms of address
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame",
        "lord", "lady", "baroness", "baron", "viscount", "earl", "rt", "right", "hon",
        "honourable", "the", "rev", "revd", "reverend", "canon", "father", "fr",
        # councils and panels
        "cllr", "councillor", "cty", "county", "borough", "district", "mayor",
        "alderman", "deputy", "chair", "chairman", "vice",
        # police ranks
        "detective", "chief", "inspector", "superintendent", "sergeant", "constable",
        "det", "ch", "insp", "supt", "sgt", "pc", "pcso", "acc", "dcc", "cc", "dci", "ds",
        "di", "dc", "dsupt", "assistant", "commander", "commissioner",
    }
)  # fmt: skip
# Letters after a name: not initials either ("Jane Smith OBE" -> JS).
_POST_NOMINALS = frozenset(
    {"obe", "mbe", "cbe", "qpm", "kpm", "jp", "dl", "mp", "kc", "qc", "esq", "phd"}
)
# Parts of a surname that are not where it is alphabetised ("Ŵyn Ó Briain" -> WB).
_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "del", "della", "di", "da", "du", "la", "le", "ter",
     "ten", "ap", "ab", "bin", "ibn", "y", "ó", "ní", "nic", "ua", "uí"}
)  # fmt: skip
# Latin letters that Unicode does not decompose into an ASCII base letter.
_NO_DECOMPOSITION = str.maketrans({"Ł": "L", "Ø": "O", "Đ": "D", "Æ": "A", "Œ": "O", "Þ": "T"})
INITIALS_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9&'.-]{0,11}$")


def _key(word: str) -> str:
    return word.casefold().replace(".", "")


def _ascii(letters: str) -> str:
    # Initials are ASCII letters (the interchange format says so): Ŵ -> W, Ó -> O.
    text = unicodedata.normalize("NFKD", letters.translate(_NO_DECOMPOSITION))
    return "".join(c for c in text if c.isascii() and c.isalpha()).upper()


def _name_parts(name: str) -> tuple[str | None, list[str], str | None]:
    """(the title nearest the name, given names, surname) of ``name``."""
    words = [w for w in re.split(r"[\s,]+", name) if w and w[0].isalpha()]
    # "R.G. Hannam": each letter before a full stop is a given initial of its own.
    split: list[str] = []
    for w in words:
        parts = [p for p in w.split(".") if p]
        split += parts if len(parts) > 1 and all(len(p) == 1 for p in parts) else [w]
    words = split
    title = None
    while len(words) > 1 and _key(words[0]) in _TITLES:
        title = words.pop(0)
    if "of" in words[1:]:  # "Lord Smith of Finsbury": a peer's place is not a name
        words = words[: words.index("of", 1)]
    while len(words) > 1 and _key(words[-1]) in _POST_NOMINALS:
        words.pop()
    core = [w for w in words if _key(w) not in _PARTICLES] or words
    if not core:
        return title, [], None
    return title, core[:-1], core[-1]


def initials_for(name: str) -> str:
    """The initials a name gives, before any are known to be taken: the first letter of
    every given name and of the surname ("Cllr R G Hannam" -> RGH). A surname alone
    takes its title's letter ("Lord Smith" -> LS), or else its first two letters."""
    title, given, surname = _name_parts(name)
    if surname is None:
        return "X"
    if given:
        letters = "".join(p[0] for g in given for p in g.split("-") if p) + surname[0]
    elif title is not None:
        letters = title[0] + surname[0]
    else:
        letters = surname[:2]
    return _ascii(letters)[:12] or "X"


def initials_choices(name: str, taken: Collection[str] = ()) -> list[str]:
    """Initials for ``name`` that nobody in ``taken`` has, the likeliest first.

    ``initials_for(name)`` when free; else longer ones made from the name itself (Tom
    Smith beside Tom Simons: TSM, TOS, ...), never a silent number. A number is the
    last resort, when every such choice is taken.
    """
    base = initials_for(name)
    _, given, surname = _name_parts(name)
    candidates = [base]
    if surname is not None:
        first = given[0] if given else ""
        more = _ascii(surname[1:])
        candidates += [base + c for c in more[:3]]
        if len(_ascii(first)) > 1:
            candidates.append(_ascii(first)[:2] + base[1:])
        candidates += [base + c for c in more[3:]]
    seen: list[str] = []
    for c in candidates:
        if c not in seen and c not in taken and INITIALS_PATTERN.match(c):
            seen.append(c)
    if not seen:
        n = 2
        while f"{base}{n}" in taken:
            n += 1
        seen.append(f"{base}{n}")
    return seen


def propose_initials(name: str, taken: Collection[str] = ()) -> str:
    """The initials proposed for ``name``: its own when free, else the first other choice."""
    return initials_choices(name, taken)[0]


def parse_person_line(line: str, taken: Collection[str] = ()) -> Person:
    """Read "Tina Bateman, Performance and Scrutiny Officer, OPCC [TB]" into a Person.

    One part is a name; two are name and role ("Police and Crime Commissioner", "Chief
    Executive") when the second reads as a role, else name and organisation ("OPCC",
    "Essex Police"); three or more are name, role (which may itself contain commas) and
    organisation. Initials in square brackets at the end override the proposal.
    """
    text = line.strip()
    initials = None
    if m := re.search(r"\[([^\]]+)\]\s*$", text):
        initials = m.group(1).strip()
        text = text[: m.start()].strip()
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        raise ValueError("type a name, e.g. 'Tina Bateman, Performance and Scrutiny Officer, OPCC'")
    name = parts[0]
    role = organisation = None
    if len(parts) == 2:
        if reads_as_role(parts[1]):
            role = parts[1]
        else:
            organisation = parts[1]
    elif len(parts) >= 3:
        role, organisation = ", ".join(parts[1:-1]), parts[-1]
    if initials is None:
        initials = propose_initials(name, taken)
    if not INITIALS_PATTERN.match(initials):
        raise ValueError(f"{initials!r} cannot be initials: letters first, at most 12 characters")
    return Person(initials=initials, name=name, role=role, organisation=organisation)


# A role ends in what someone is, or starts with a rank of one; an organisation is anything
# else ("OPCC", "Essex Police", "Hertfordshire County Council").
_ROLE_LAST = frozenset(
    (  # noqa: SIM905 (a paragraph of words reads better than forty lines of them)
        "officer commissioner member executive director manager clerk chair chairman "
        "chairwoman chairperson constable inspector superintendent secretary treasurer lead "
        "adviser advisor analyst coordinator co-ordinator solicitor accountant auditor mayor "
        "councillor governor representative assistant deputy minister monitor scrutineer"
    ).split()
)
_ROLE_FIRST = frozenset(
    (  # noqa: SIM905
        "chief deputy assistant head vice co-opted independent elected acting interim senior "
        "principal lay"
    ).split()
)


def reads_as_role(text: str) -> bool:
    """Whether a person's second detail is a role rather than an organisation."""
    for words in (text.lower().split(), re.split(r"[\s-]+", text.lower().strip())):
        if words and words[0] and (words[-1] in _ROLE_LAST or words[0] in _ROLE_FIRST):
            return True  # "Vice-Chair" as "vice chair" too
    return False


def split_owners(text: str) -> tuple[str, ...]:
    """``SH/CF``, ``SH, CF`` or ``SH and CF`` -> ("SH", "CF"), in order, without repeats."""
    parts = re.split(r"\s*(?:/|,|;|\band\b)\s*|\s+", text.strip())
    seen: dict[str, None] = {}
    for p in parts:
        if p:
            seen.setdefault(p, None)
    return tuple(seen)
