"""The privacy guard's eyes: what in a piece of text looks like it names or locates a child
or a family member (a name, an address, a postcode, a phone number, an e-mail address,
an NHS number, a date of birth), with where it starts and ends.

A placement records children by case reference and initials only, and PEs print and carry
what they write; this finds what slipped in by accident. It reads plain text and knows
nothing of Qt, the database or the file: the services and the file scanner give it text
and the names it must leave alone (the placement's own people, the PE's own list).

The given names come from ``resources/names/`` (see its README: the US Census 1990 lists,
public domain, and our own list of names common in the UK).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import islice
from pathlib import Path
from typing import Final

NAMES_DIR: Final = Path(__file__).resolve().parents[2] / "resources" / "names"

KINDS: Final = {
    "name": "a person's name",
    "address": "an address",
    "postcode": "a postcode",
    "phone": "a phone number",
    "email": "an e-mail address",
    "nhs-number": "an NHS number",
    "date-of-birth": "a date of birth",
}
# What to write instead, as the tooltip and the dialogs say it.
INSTEAD: Final = {
    "name": "the child's initials or the case reference, or the person's role (mum, the GP)",
    "address": "the area or the kind of place (the family home, the school)",
    "postcode": "the area, if it matters at all",
    "phone": "nothing: the number is on the child's record",
    "email": "nothing: the address is on the child's record",
    "nhs-number": "nothing: the number is on the child's record",
    "date-of-birth": "the child's age",
}


def _words(text: str) -> frozenset[str]:
    """A table of words, written as text so that it reads as one."""
    return frozenset(text.split())


TITLES: Final = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "master"})
# Words after a capitalised word that make it an organisation or a place, not a person.
PLACE_WORDS: Final = _words(
    """centre center house school academy primary secondary college university road street
    avenue lane close drive hill way crescent grove terrace court place gardens square mews
    park green hall hospital surgery clinic nursery project trust service services unit ward
    church mosque temple team group club foundation council partnership estate village
    town city library station centres children's family infant junior high"""
)
# Given names that are also ordinary words, months or places: a person only with more to
# go on (a title before, a surname after, or in the middle of a sentence).
AMBIGUOUS: Final = _words(
    """al an angel april art asia august autumn bee bell belle berry bill blossom bo brook
    buck bud buddy bunny buster candy carry chance chase cherry china clay cliff coral
    crystal dale dawn desire destiny dot drew easter echo eden else era faith fairy fern
    forest foster france frank gay german ginger glen glory golden grace grant guy happy
    harmony hazel heather holly honey hope hunter in india iris irish ivory ivy jack jade
    jasmine jewel joy june junior king lady lane le long love lucky ma major man many maple
    mark marry marvel max may melody mercy merry miss misty moon my noble olive page patience
    pearl penny poppy precious price rich robin rocky rose royal ruby rusty sage sandy sky
    star sterling summer sunny trinity van violet ward wade will willow winter young case
    early carol daisy lily amber sue sunday monday tuesday wednesday thursday friday saturday
    chester kendal lincoln preston denton ashton stanley clifton hyde sale crewe dudley barry
    lewis harrow shirley sydney jersey georgia carolina virginia florida"""
)
# Words that begin a sentence in notes often enough that a name list's odd entry must not
# turn them into a person ("Will", "Many", "Long").
# Family words before a name ("sister Poppy") or in brackets after it ("Precious (mum)"):
# with one, a word that is also a name is a name.
RELATIONS: Final = _words(
    """mum mother dad father sister brother sibling cousin aunt auntie uncle nan nana gran
    granny grandma grandmother grandad grandpa grandfather carer stepmum stepdad stepfather
    stepmother partner boyfriend girlfriend son daughter baby niece nephew friend neighbour
    husband wife"""
)
MONTHS_AND_DAYS: Final = _words(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday"""
)

STREET: Final = (
    r"road|rd|street|st|avenue|ave|close|lane|ln|drive|dr|hill|way|crescent|cres|grove|"
    r"terrace|court|ct|place|pl|gardens|gdns|square|sq|mews|row|view|walk|rise|green|parade|"
    r"croft|fold|brow|vale|boulevard|approach|park|gate|wharf|meadows?|fields?|heights"
)
ADDRESS: Final = re.compile(
    rf"\b(?:(?:flat|apartment|apt|unit|room)\s*\d{{1,4}}[a-z]?,?\s+)?\d{{1,4}}[a-z]?,?\s+"
    rf"(?:[A-Za-z][\w'’.-]*\s+){{1,3}}(?:{STREET})\b",
    re.IGNORECASE,
)
POSTCODE: Final = re.compile(
    r"\b(?:[A-PR-UWYZ][0-9]{1,2}|[A-PR-UWYZ][A-HK-Y][0-9]{1,2}|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY])\s?[0-9][ABD-HJLNP-UW-Z]{2}\b",
    re.IGNORECASE,
)
EMAIL: Final = re.compile(r"\b[\w.+'-]+@[\w-]+(?:\.[\w-]+)+\b")
TEN_DIGITS: Final = re.compile(r"(?<![\d-])(\d{3})[ -]?(\d{3})[ -]?(\d{4})(?![\d-])")
DOB_WORDS: Final = re.compile(
    r"\b(?:born|d\.?o\.?b\.?|date\s+of\s+birth|birthday)\b", re.IGNORECASE
)
MONTH: Final = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
DATE: Final = re.compile(
    rf"\b(?:\d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH})\.?,?\s+\d{{4}}|(?:{MONTH})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}})\b",
    re.IGNORECASE,
)
DOB_REACH: Final = 40  # characters between "DOB" and its date
WORD: Final = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?")
# Where a word may start with a capital: a letter other than a-z that no word runs into
# (upper case checked after; most words of a note are passed over by this alone).
CAPITALISED: Final = re.compile(r"(?<![\w'’-])[^\W\d_a-z]")
SENTENCE_END: Final = re.compile(r"[.!?:;\n]\s*$|^\s*$")
PHONE_DIGITS: Final = re.compile(r"\d")


@dataclass(frozen=True, slots=True)
class Hit:
    """Something that looks identifying: its kind, where it is, and the text itself."""

    kind: str
    start: int
    end: int
    text: str

    @property
    def looks_like(self) -> str:
        return KINDS[self.kind]

    @property
    def instead(self) -> str:
        return INSTEAD[self.kind]


@lru_cache(maxsize=65536)
def plain(word: str) -> str:
    """A word as the name list holds it: no accents, any case (Zoë → zoe, Siobhán → siobhan)."""
    if word.isascii():
        return word.casefold()
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@cache
def given_names() -> frozenset[str]:
    """Every given name in resources/names/*.txt (one a line, # for comments)."""
    names: set[str] = set()
    for path in sorted(NAMES_DIR.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = line.split("#", 1)[0].strip()
            if line:
                names.add(plain(line))
    return frozenset(names)


def people_words(people: Iterable[str]) -> frozenset[str]:
    """The words of the placement's own people's names, never flagged ("Pat", "Kendrick")."""
    words: set[str] = set()
    for person in people:
        for w in WORD.findall(person or ""):
            words.add(plain(w))
            words.update(plain(part) for part in re.split(r"[-'’]", w) if part)
    return frozenset(words)


@dataclass(frozen=True)
class Guard:
    """What the guard looks for, and what it leaves alone."""

    kinds: frozenset[str] = frozenset(KINDS)
    people: frozenset[str] = frozenset()  # plain words of the placement's own people
    never: frozenset[str] = frozenset()  # the PE's own words never to flag, plain

    @classmethod
    def made(
        cls,
        people: Iterable[str] = (),
        never: Iterable[str] = (),
        kinds: Iterable[str] = tuple(KINDS),
    ) -> Guard:
        never_words: set[str] = set()
        for entry in never:
            never_words.update(plain(w) for w in WORD.findall(entry))
        return cls(frozenset(kinds), people_words(people), frozenset(never_words))

    def scan(self, text: str, initials: Iterable[str] = ()) -> list[Hit]:
        """Every hit in ``text``, in order; ``initials`` are the children's whose record
        the text belongs to ("KM"): a pair of words with those initials is a name."""
        if not text or not text.strip():
            return []
        hits: list[Hit] = []
        taken: list[tuple[int, int]] = []  # kept in order: a hit never overlaps an earlier one

        def add(kind: str, start: int, end: int) -> None:
            if kind not in self.kinds:
                return
            at = bisect_left(taken, (start, end))
            if (at > 0 and taken[at - 1][1] > start) or (at < len(taken) and taken[at][0] < end):
                return
            taken.insert(at, (start, end))
            hits.append(Hit(kind, start, end, text[start:end]))

        if "@" in text:
            for m in EMAIL.finditer(text):
                add("email", m.start(), m.end())
        digits = len(PHONE_DIGITS.findall(text))
        if digits:  # every kind but names and e-mail holds a digit
            for start, end in _dates_of_birth(text):
                add("date-of-birth", start, end)
            for m in TEN_DIGITS.finditer(text):
                if nhs_number_valid("".join(m.groups())):
                    add("nhs-number", m.start(), m.end())
            if "phone" in self.kinds and digits >= 10:
                for start, end in _phones(text):
                    add("phone", start, end)
            for m in POSTCODE.finditer(text):
                if _postcode_shaped(m.group()):
                    add("postcode", m.start(), m.end())
            for m in ADDRESS.finditer(text):
                start = m.start() + (len(m.group()) - len(m.group().lstrip()))
                add("address", start, m.end())
        if "name" in self.kinds:
            wanted = {plain(i.replace(" ", "").replace(".", "")) for i in initials if i}
            for start, end in self._names(text, wanted):
                add("name", start, end)
        return sorted(hits, key=lambda h: h.start)

    # ------------------------------------------------------------------ names

    def _names(self, text: str, initials: set[str]) -> Iterator[tuple[int, int]]:
        """Each name: only words with a capital are looked at, and only a given name, a
        title or (on a case with initials) a word with the initials' first letter goes on
        to its next words."""
        names = given_names()
        firsts = {i[0] for i in initials if i}
        done = 0
        for m in CAPITALISED.finditer(text):
            if m.start() < done or not m.group().isupper():
                continue
            found = WORD.match(text, m.start())
            if found is None:
                continue
            first = _without_possessive(found.start(), found.group())
            key = plain(first[2])
            if (
                key[:1] not in firsts
                and key not in names
                and key.rstrip(".") not in TITLES
                and plain(re.split(r"[-'’]", first[2])[0]) not in names
            ):
                continue  # "The", "Robin", "School": no name starts here
            after = islice(WORD.finditer(text, first[1]), 2)
            words = [first, *(_without_possessive(w.start(), w.group()) for w in after)]
            last = self._name_at(text, words, key, names, initials)
            if last is not None:
                yield words[0][0], words[last][1]
                done = words[last][1]

    def _name_at(
        self,
        text: str,
        words: list[tuple[int, int, str]],
        key: str,
        names: frozenset[str],
        initials: set[str],
    ) -> int | None:
        """The index in ``words`` of the last word of a name that starts at ``words[0]``."""
        i = 0
        start, _end, word = words[0]
        if self._known(key) or not _capitalised(word):
            return None
        following = self._surname_run(text, words, i + 1)
        if following is None:
            return None  # "Rose Centre", "Hazel Grove": a place, not a person
        if key.rstrip(".") in TITLES and following:
            return following[-1]  # "Mrs Morris", "Mr O'Neill"
        pair = [words[i], *(words[j] for j in following[:1])]
        if initials and len(pair) == 2 and "".join(plain(w[2])[0] for w in pair) in initials:
            return following[0]  # "Kayla Morris" on the case of KM
        first = plain(re.split(r"[-'’]", word)[0])
        if first not in names and key not in names:
            return None
        if key in AMBIGUOUS or first in AMBIGUOUS or key in MONTHS_AND_DAYS:
            if following:
                return following[-1]  # "Grace Morris"
            if _beside_a_relation(text, start, words[0][1]):
                return i  # "sister Poppy", "Precious (mum)"
            if key in MONTHS_AND_DAYS or _starts_sentence(text, start):
                return None  # "May need", "Will attend", "in June"
            return i  # "spoke with Grace about school"
        return following[-1] if following else i  # "Kayla", "Kayla Morris"

    def _surname_run(
        self, text: str, words: list[tuple[int, int, str]], j: int
    ) -> list[int] | None:
        """The capitalised words right after a given name that carry on the name; None when
        they make it a place or an organisation ("Rose Centre", "Hazel Grove")."""
        run: list[int] = []
        while j < len(words) and len(run) < 2:
            prev_end = words[j - 1][1]
            gap = text[prev_end : words[j][0]]
            after_title = plain(words[j - 1][2]) in TITLES and gap == ". "  # "Mr. O'Neill"
            if (gap not in (" ", "\u00a0") and not after_title) or not _capitalised(words[j][2]):
                break
            key = plain(words[j][2])
            if key in PLACE_WORDS or self._known(key) or key in MONTHS_AND_DAYS:
                if key in PLACE_WORDS:
                    return None
                break
            run.append(j)
            j += 1
        return run

    def _known(self, key: str) -> bool:
        return key in self.people or key in self.never


def _without_possessive(start: int, word: str) -> tuple[int, int, str]:
    """A word without its 's ("Tyler's" is Tyler): the name ends before it."""
    if word[-1] in "s'’" and ("'" in word or "’" in word):
        for ending in ("'s", "’s", "'", "’"):
            if word.endswith(ending) and len(word) > len(ending) + 1:
                word = word[: -len(ending)]
                break
    return start, start + len(word), word


def _beside_a_relation(text: str, start: int, end: int) -> bool:
    earlier = WORD.findall(text[max(0, start - 24) : start])
    before = plain(earlier[-1]) if earlier else ""
    after = text[end : end + 24].lstrip()
    inside = after[1:].split(")", 1)[0].replace(",", " ").split() if after[:1] == "(" else []
    return before in RELATIONS or bool(inside and plain(inside[0]) in RELATIONS)


def _capitalised(word: str) -> bool:
    return word[:1].isupper() and not (len(word) > 1 and word.isupper())


def _starts_sentence(text: str, start: int) -> bool:
    return bool(SENTENCE_END.search(text[max(0, start - 3) : start])) or start == 0


def _postcode_shaped(found: str) -> bool:
    """Postcodes are written in capitals or all lower case, never Title Case words."""
    squashed = found.replace(" ", "")
    return squashed in (squashed.upper(), squashed.lower())


def nhs_number_valid(digits: str) -> bool:
    """The NHS number's Modulus 11 check: ten digits, the last one checks the nine before."""
    if len(digits) != 10 or not digits.isdigit() or len(set(digits)) == 1:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:9], range(10, 1, -1), strict=True))
    check = 11 - total % 11
    if check == 11:
        check = 0
    return check != 10 and check == int(digits[9])


def _dates_of_birth(text: str) -> Iterator[tuple[int, int]]:
    for word in DOB_WORDS.finditer(text):
        reach = text[word.end() : word.end() + DOB_REACH]
        date = DATE.search(reach)
        if date:
            yield word.end() + date.start(), word.end() + date.end()
            continue
        before = text[max(0, word.start() - DOB_REACH) : word.start()]
        dates = list(DATE.finditer(before))
        if dates:
            offset = max(0, word.start() - DOB_REACH)
            yield offset + dates[-1].start(), offset + dates[-1].end()


def _phones(text: str) -> Iterator[tuple[int, int]]:
    import phonenumbers  # loaded when a text has enough digits to hold a number

    # POSSIBLE, not VALID: a number in a range not yet given out (Ofcom's drama numbers,
    # 07700 900…) still looks like a phone number to whoever reads the page.
    matcher = phonenumbers.PhoneNumberMatcher(text, "GB", leniency=phonenumbers.Leniency.POSSIBLE)
    for match in matcher:
        raw = match.raw_string.lstrip()
        # a UK number is written from its 0 or +44: ten bare digits are not dialled so
        if raw.startswith(("0", "(0", "+")) and len(PHONE_DIGITS.findall(raw)) >= 10:
            yield match.start, match.end


def scan_text(text: str, guard: Guard | None = None, initials: Iterable[str] = ()) -> list[Hit]:
    return (guard or Guard()).scan(text, initials)
