"""The shipped national structures: one folder per edition under `data/`, read once.

    data/<edition>/edition.json   title, source, status ("official" or "unconfirmed") and a note
    data/<edition>/index.csv      id, appendix, title, table: one line per structure
    data/<edition>/<id>.json      the structure as published (W3C CSVW JSON)
    data/<edition>/officials.csv  id, column: columns that name people acting in their office
                                  (heads, deputies voting, inspectors; §2.5), optional

A new edition is a new folder: no code changes. A structure's id is `EDITION/ID`, e.g.
`2025/72-shelters` or `2019/RegisterOfDatasets`.
"""

from __future__ import annotations

import csv
import difflib
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from django.utils.translation import get_language

from radadata.checks.personal import OFFICIALS_KEY
from radadata.structures.errors import StructureNotFound
from radadata.structures.schema import csvw_columns, from_csvw

DATA = Path(__file__).resolve().parent / "data"


@dataclass(frozen=True)
class Edition:
    code: str
    title: str
    title_en: str
    status: str  # "official" | "unconfirmed"
    status_note: str
    status_note_en: str
    source: str

    @property
    def confirmed(self) -> bool:
        return self.status != "unconfirmed"

    def label(self) -> str:
        return self.title_en if _english() and self.title_en else self.title

    def note(self) -> str:
        return self.status_note_en if _english() and self.status_note_en else self.status_note


@dataclass(frozen=True)
class NationalStructure:
    id: str  # EDITION/STEM
    edition: Edition
    stem: str
    appendix: str
    title: str  # Ukrainian, as the edition names it
    table: str
    csvw: dict[str, Any] = field(repr=False, hash=False, compare=False)
    #: Columns naming people in their office (§2.5): their names are presumed lawful and the
    #: check asks the owner to confirm instead of blocking publication.
    officials: tuple[str, ...] = ()

    @property
    def columns(self) -> list[dict[str, Any]]:
        """name, title, description, datatype, required of each column, as published."""
        return csvw_columns(self.csvw)

    def table_schema(self) -> dict[str, Any]:
        """The Table Schema files are checked against. Its name and title carry the id and the
        edition, so a check report (which keeps its schema) says which edition it used."""
        schema = from_csvw(self.csvw)
        extra = {OFFICIALS_KEY: list(self.officials)} if self.officials else {}
        return {"name": self.slug.lower(), "title": f"{self.title} ({self.id})", **schema,
                **extra}

    @property
    def full_title(self) -> str:
        """The title with the table where an appendix has several tables."""
        if self.table and self.edition.code != "2019" and _shared_title(self):
            return f"{self.title} ({self.table})"
        return self.title

    @property
    def slug(self) -> str:
        return self.id.replace("/", "-")


def _english() -> bool:
    return (get_language() or "uk").startswith("en")


def _shared_title(structure: NationalStructure) -> bool:
    return sum(1 for s in editions_structures(structure.edition.code)
               if s.title == structure.title) > 1


@cache
def editions() -> tuple[Edition, ...]:
    found = []
    for folder in sorted(p for p in DATA.iterdir() if (p / "edition.json").is_file()):
        meta = json.loads((folder / "edition.json").read_text(encoding="utf-8"))
        found.append(Edition(
            code=folder.name, title=meta.get("title", folder.name),
            title_en=meta.get("title_en", ""), status=meta.get("status", "official"),
            status_note=meta.get("status_note", ""),
            status_note_en=meta.get("status_note_en", ""), source=meta.get("source", "")))
    return tuple(found)


@cache
def editions_structures(code: str) -> tuple[NationalStructure, ...]:
    edition = next(e for e in editions() if e.code == code)
    folder = DATA / code
    officials: dict[str, list[str]] = {}
    if (folder / "officials.csv").is_file():
        with (folder / "officials.csv").open(encoding="utf-8", newline="") as stream:
            for row in csv.DictReader(stream):
                officials.setdefault(row["id"].strip(), []).append(row["column"].strip())
    items = []
    with (folder / "index.csv").open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            stem = row["id"].strip()
            document = json.loads((folder / f"{stem}.json").read_text(encoding="utf-8-sig"))
            items.append(NationalStructure(
                id=f"{code}/{stem}", edition=edition, stem=stem,
                appendix=(row.get("appendix") or "").strip(), title=row["title"].strip(),
                table=(row.get("table") or "").strip(), csvw=document,
                officials=tuple(officials.get(stem, ()))))
    return tuple(items)


def all_structures() -> list[NationalStructure]:
    return [s for e in editions() for s in editions_structures(e.code)]


def get(ident: str) -> NationalStructure:
    """The structure with this id (`2025/72-shelters`); StructureNotFound names near ids."""
    wanted = ident.strip().strip("/")
    structures = {s.id: s for s in all_structures()}
    if wanted in structures:
        return structures[wanted]
    folded = {key.casefold(): s for key, s in structures.items()}
    if wanted.casefold() in folded:
        return folded[wanted.casefold()]
    stems = [s for s in structures.values() if s.stem.casefold() == wanted.casefold()]
    if len(stems) == 1:
        return stems[0]
    near = difflib.get_close_matches(wanted, list(structures), n=5, cutoff=0.5)
    if not near:
        tail = wanted.rsplit("/", 1)[-1].casefold()
        near = [key for key, s in structures.items()
                if tail and (tail in s.stem.casefold() or s.stem.casefold() in tail)][:5]
    raise StructureNotFound(ident, near)
