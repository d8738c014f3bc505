"""The personal-data scan of one table (§2.3–2.10, §6.21): per column, what identifies people.

How it stays fast on a million rows: a sample of rows shows which kinds fill a column (a column
of phones); those need no pass of their own. The patterns of the other kinds run combined, in
one pass over each column that polars spreads over the cores with no Python per cell; each
detector's own pattern then runs on the few cells that pass. Only what it matches reaches the
exact tests in Python, and of those at most CHECK_CELLS per column and kind, drawn at random
with a fixed seed, the count being scaled up from them (`estimated`). So a tax number hidden in
one cell of a million is found, and a column of a million phones costs a sample of two
thousand.

Then the table as a whole decides what blocks (judge the column, not the cell): a column marked
lawful gives an INFO finding; the contacts in a table about organisations (§2.8) or officials
in their office (§2.5) a warning, and so do the names of staff who recur through the table;
names inside longer texts are about private people whatever the table; private citizens among
officials block on their own; columns of single words that together make full names (split
names) block; an address is a home address only next to names of people, with a flat number,
or under a header that says so, and never under a header of a place of works or an offence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import polars as pl

from radadata.checks.findings import Finding
from radadata.checks.personal import codes
from radadata.checks.personal.base import Detector
from radadata.checks.personal.contacts import Email, Phone
from radadata.checks.personal.context import OFFICIAL_NAME_HEADER, Context, table_context
from radadata.checks.personal.identifiers import BankCard, Document, Iban, Rnokpp, VehiclePlate
from radadata.checks.personal.names import CITIZEN, SHORT_TEXT
from radadata.checks.personal.people import (
    ANIMALS,
    Address,
    BirthInText,
    PersonName,
    birth_dates,
)
from radadata.checks.personal.split_names import split_names
from radadata.checks.table import Table

DETECTORS: tuple[Detector, ...] = (Rnokpp(), Document(), BankCard(), Iban(), PersonName(),
                                   Address(), Phone(), Email(), VehiclePlate(), BirthInText())
#: The reasons a column may be marked lawful, and the clause each rests on.
LAWFUL_REASONS = {"official": "§2.5", "legal_entity": "§2.8"}

SAMPLE_ROWS = 2_000  # the rows the table's context is read from
CHECK_CELLS = 2_000  # the most candidate cells of one column one kind's exact test reads
FILLS = 0.5  # a kind whose filter matches this share of a column's sample fills the column
EARLY_STOP = 200  # a kind with a minimum share gives up after this many candidates, none real
SEED = 0  # samples are reproducible: the same file gives the same report


@dataclass
class _Hit:
    code: str
    column: str  # frame column
    header: str
    count: int
    estimated: bool
    examples: list[str] = field(default_factory=list)
    hinted: bool = False
    flats: bool = False  # addresses only: some have a flat number
    citizens: int = 0  # names only: cells that mark a private citizen ("гр.", "заявник")
    citizen_examples: list[str] = field(default_factory=list)
    in_text: int = 0  # names only: cells where the name is part of a longer text
    distinct: int = 0  # distinct cells with items
    valid: int = 0  # cells with items among those tested
    params: dict = field(default_factory=dict)  # more for the finding's message


#: The Table Schema property (custom, as the spec allows) that names the columns of people
#: acting in their office: the national structures declare theirs (heads, deputies voting,
#: inspectors), and the scan presumes those names lawful (§2.5) and asks to confirm.
OFFICIALS_KEY = "radadataOfficials"


def officials_of(schema: dict | None) -> frozenset[str]:
    return frozenset(_folded(name) for name in (schema or {}).get(OFFICIALS_KEY) or ()
                     if isinstance(name, str))


def _folded(header: str) -> str:
    return re.sub(r"\s+", "", header).casefold()


def scan_table(table: Table, *, lawful: dict[str, str] | None = None,
               officials: frozenset[str] = frozenset()) -> list[Finding]:
    """Per-column findings of personal data in `table`. `lawful` maps a column's header to the
    reason it may be published as it is ("official", §2.5; "legal_entity", §2.8); `officials`
    (from `officials_of(schema)`) are headers of columns naming people in their office."""
    lawful = dict(lawful or {})
    unknown = set(lawful.values()) - set(LAWFUL_REASONS)
    if unknown:
        raise ValueError(f"unknown lawful reasons: {sorted(unknown)}")
    frame = table.frame.select(pl.all().cast(pl.String))
    if frame.height == 0:
        return []
    sample = _sample(frame)
    context = table_context(table, sample)
    headers = {column: table.header_of(column) for column in frame.columns}
    plans = {column: _plan(sample[column], headers[column]) for column in frame.columns}
    # One pass over each column for the kinds that do not fill it, all in one query, which
    # polars spreads over the cores (a lazy one: the same eager select costs half as much again).
    masks = frame.lazy().select(
        pl.col(column).str.contains(plan.pattern).fill_null(False).alias(column)
        for column, plan in plans.items() if plan.rest
    ).collect()
    hits: list[_Hit] = []
    for column, plan in plans.items():
        cells = frame[column]
        found = dict.fromkeys(plan.filling, cells.drop_nulls())
        if plan.rest:
            passed = cells.filter(masks[column])
            for detector in plan.rest:
                candidates = passed.filter(
                    passed.str.contains(detector.pattern_for(headers[column])))
                if candidates.len():
                    found[detector] = candidates
        for detector, candidates in found.items():
            hit = _confirm(detector, candidates, detector.pattern_for(headers[column]), column,
                           headers[column])
            if hit:
                hits.append(hit)
    split = split_names(table, sample, frame)
    if split:
        hits += [_Hit(codes.PD_SPLIT_NAME.code, column, headers[column], split.rows, False,
                      [], params={"columns": " + ".join(f"«{h}»" for h in split.headers),
                                  "shape": split.shape}, valid=split.rows, distinct=split.rows)
                 for column in split.columns]
    names_nearby = any(h.code in (PersonName.code, codes.PD_SPLIT_NAME.code) for h in hits)
    animals = any(ANIMALS.search(h) for h in headers.values())
    for column in frame.columns:
        if animals and (ANIMALS.search(headers[column])
                        or not _PERSON_WORDS.search(headers[column])):
            continue  # a pet's date of birth
        count, examples = birth_dates(frame[column], headers[column], names_nearby=names_nearby)
        if count:
            hits.append(_Hit(codes.PD_BIRTH_DATE.code, column, headers[column], count, False,
                             examples))
    context.declared_officials = {column for column, header in headers.items()
                                  if _folded(header) in officials}
    return _decide(hits, frame, context, lawful, part=table.part)


def _sample(frame: pl.DataFrame) -> pl.DataFrame:
    """The first rows (where a file's character shows) and a random spread of the rest."""
    if frame.height <= SAMPLE_ROWS:
        return frame
    head = frame.head(SAMPLE_ROWS // 4)
    rest = frame.slice(SAMPLE_ROWS // 4).sample(SAMPLE_ROWS - head.height, seed=SEED)
    return pl.concat([head, rest])


@dataclass
class _Plan:
    filling: list[Detector]  # kinds that fill the column: their candidates are all its cells
    rest: list[Detector]  # the others, looked for in one pass over the whole column
    pattern: str = ""  # the patterns of `rest` combined


def _plan(probe: pl.Series, header: str) -> _Plan:
    """What one column needs. A kind that fills most of the sample needs no pass of its own:
    the exact test reads a sample of the whole column anyway."""
    probe = probe.drop_nulls()
    filling, rest = [], []
    for detector in DETECTORS:
        if not detector.applies(header):
            continue
        share = probe.str.contains(detector.pattern_for(header)).mean() if probe.len() else 0.0
        if share and share >= FILLS:
            filling.append(detector)
        elif share or not detector.sample_only:
            rest.append(detector)
    # A flag such as (?i) inside a group holds to the end of that group only.
    return _Plan(filling, rest, "|".join(f"(?:{d.pattern_for(header)})" for d in rest))


def _confirm(detector: Detector, candidates: pl.Series, pattern: str, column: str,
             header: str) -> _Hit | None:
    """Run the exact test on the candidates (or a sample of them) that pass the detector's
    filter; None if the column does not hold this kind."""
    hinted = detector.hinted(header)
    total = candidates.len()
    sampled = candidates if total <= CHECK_CELLS else candidates.sample(CHECK_CELLS, seed=SEED)
    checked = sampled.filter(sampled.str.contains(pattern))
    seen: dict[str, list[str]] = {}
    shown: set[str] = set()
    valid, examples, flats = 0, [], False
    citizens, citizen_examples, in_text, found = 0, [], 0, []
    shapes = dict.fromkeys(("full", "initials", "pair", "in_text"), 0)
    for tested, cell in enumerate(checked.to_list()):
        if tested == EARLY_STOP and not valid and detector.min_share and not hinted:
            return None  # none of the first ones is real: this column is not of that kind
        if cell not in seen:
            seen[cell] = detector.items(cell, hinted=hinted)
        items = seen[cell]
        if not items:
            continue
        valid += 1
        if len(found) < CHECK_CELLS:
            found.extend(items[:1])
        if isinstance(detector, Address):
            flats = flats or detector.has_flat(cell)
        elif isinstance(detector, PersonName):
            shape = _shape(cell, items[0])
            shapes[shape] += 1
            in_text += shape == "in_text"
            if CITIZEN.search(cell):
                citizens += 1
                if len(citizen_examples) < 3:
                    citizen_examples.append(detector.mask(items[0]))
        if len(examples) < 3 and cell not in shown:
            shown.add(cell)  # each distinct cell is masked once
            for item in items[:3]:
                if len(examples) < 3 and (masked := detector.mask(item)) not in examples:
                    examples.append(masked)
    if not valid or (not hinted and valid < detector.min_share * checked.len()):
        return None
    if not hinted and not detector.column_ok(found):
        return None
    estimated = total > sampled.len()
    count = round(valid * total / sampled.len()) if estimated else valid
    distinct = sum(1 for items in seen.values() if items)
    # What the values read looked like, for the finding to say why (names only).
    why = {"read": valid, **shapes} if isinstance(detector, PersonName) else {}
    return _Hit(detector.code, column, header, count, estimated, examples, hinted, flats,
                citizens=citizens, citizen_examples=citizen_examples, in_text=in_text,
                distinct=distinct, valid=valid, params=why)


def _shape(cell: str, name: str) -> str:
    """The form a name takes in its cell: a longer text, or the whole cell as "Surname
    Given-name Patronymic", "Surname I. P." or "Given-name Surname"."""
    if len(cell.split()) > SHORT_TEXT:
        return "in_text"
    if "." in name:
        return "initials"
    return "full" if len(name.split()) >= 3 else "pair"


#: Names of people in the rows (whole or split over columns).
_NAME_CODES = (PersonName.code, codes.PD_SPLIT_NAME.code)
#: A column in which a few people recur through the whole table names the staff who handled
#: the rows (the ЦНАП administrator, the inspector who issued the fines), not their subjects.
STAFF_ROWS, STAFF_SHARE = 20, 0.15
_PERSON_WORDS = re.compile(r"(?i)власник|особ|людин|громадян|заявник|дитин|person|owner")


def _staff(hit: _Hit) -> bool:
    return hit.valid >= STAFF_ROWS and hit.distinct <= max(3, STAFF_SHARE * hit.valid)


def _in_texts(hit: _Hit) -> bool:
    """Names inside longer texts (appeals, agenda items): the texts are about those people."""
    return hit.in_text > 0.5 * hit.valid


def _decide(hits: list[_Hit], frame: pl.DataFrame, context: Context, lawful: dict[str, str],
            *, part: str) -> list[Finding]:
    """Turn what was found into findings, in the light of the whole table."""
    names = [h for h in hits if h.code in _NAME_CODES and not _in_texts(h)]
    official_names = {h.column for h in names if OFFICIAL_NAME_HEADER.search(h.header)
                      or _staff(h) or h.column in context.offices
                      or h.column in context.declared_officials
                      or (context.about_officials and h.column not in context.organisations)}
    # Names in a column of mostly organisations: sole traders among companies, data on
    # legal entities (§2.8) more than on people; a warning asks the owner to look.
    entity_names = {h.column for h in names
                    if h.column in context.organisations and h.column not in official_names}
    private_names = any(h.code in _NAME_CODES and h.header not in lawful
                        and h.column not in official_names | entity_names for h in hits)
    about_officials = context.about_officials or bool(official_names)
    order = {c.code: i for i, c in enumerate(codes.BLOCKING_CODES)}
    columns = {c: i for i, c in enumerate(frame.columns)}
    kept: list[tuple[tuple[int, int], Finding]] = []
    for hit in hits:
        presumed = ""  # the clause that presumes the column lawful, if any
        if hit.code in _NAME_CODES and hit.column in official_names | entity_names:
            presumed = "§2.5" if hit.column in official_names else "§2.8"
            if hit.citizens and hit.header not in lawful:
                # Private citizens among the officials or organisations: those values block.
                citizens = _Hit(codes.PD_PRIVATE_CITIZENS.code, hit.column, hit.header,
                                hit.citizens, False, hit.citizen_examples)
                kept.append(((columns[hit.column], order[citizens.code]),
                             _finding(citizens, frame.height, None, "", part)))
        elif hit.code in (Phone.code, Email.code):
            if about_officials or OFFICIAL_NAME_HEADER.search(hit.header):
                presumed = "§2.5"
            elif context.about_organisations and not private_names \
                    and not context.sole_traders:
                presumed = "§2.8"  # a sole trader's mobile is a person's
        elif hit.code in (Iban.code, VehiclePlate.code) and context.about_organisations \
                and not private_names:
            presumed = "§2.8"
        elif hit.code == Address.code:
            home = hit.hinted or (not Address.place.search(hit.header) and (private_names or (
                hit.flats and not context.about_organisations and not about_officials)))
            if not home:
                continue  # the address of a building, a school, an office: not personal data
        finding = _finding(hit, frame.height, lawful.get(hit.header), presumed, part)
        kept.append(((columns[hit.column], order[hit.code]), finding))
    return [finding for _, finding in sorted(kept, key=lambda pair: pair[0])]


def _finding(hit: _Hit, rows: int, reason: str | None, presumed: str, part: str) -> Finding:
    share = hit.count / rows
    params = {"column": hit.header, "count": hit.count, "share": round(share, 4),
              "percent": f"{share:.1%}", "estimated": hit.estimated, **hit.params}
    code = hit.code
    if reason:
        code = codes.PD_MARKED_LAWFUL.code
        params |= {"detected": hit.code, "reason": reason, "clause": LAWFUL_REASONS[reason]}
    elif presumed:
        code = codes.PD_PRESUMED_LAWFUL.code
        params |= {"detected": hit.code, "clause": presumed}
    return Finding(code=code, column=hit.header, excerpt="; ".join(hit.examples),
                   count=hit.count, params=params, part=part)
