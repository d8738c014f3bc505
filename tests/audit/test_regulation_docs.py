"""docs/regulation.md gives every clause of the regulation a home, and stays in step with the
`§` references in the code and the tests."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TABLE = ROOT / "docs" / "regulation.md"
#: The regulation's sections: (section, clauses, {clause: number of sub-clauses}).
SECTIONS = [(1, 15, {15: 3}), (2, 21, {}), (3, 7, {}), (4, 13, {}), (5, 7, {}),
            (6, 21, {6: 3, 7: 2, 15: 6}), (7, 5, {}), (8, 10, {}), (9, 3, {})]
REFERENCE = re.compile(r"§\s?(\d+\.\d+(?:\.\d+)?)")
ROW = re.compile(r"^\| (\d+\.\d+(?:\.\d+)?) \| (.*?) \| (.*) \|$")
PATH = re.compile(r"`((?:src|tests)/[^`]+\.(?:py|html))`")


def _clauses() -> list[str]:
    found = []
    for section, count, subs in SECTIONS:
        for n in range(1, count + 1):
            found.append(f"{section}.{n}")
            found += [f"{section}.{n}.{k}" for k in range(1, subs.get(n, 0) + 1)]
    return found


def _rows() -> dict[str, str]:
    rows = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        match = ROW.match(line)
        if match:
            assert match.group(1) not in rows, f"§{match.group(1)} twice"
            rows[match.group(1)] = match.group(3)
    return rows


def _references() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for folder in ("src/radadata", "tests"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix not in (".py", ".html") or "migrations" in path.parts:
                continue
            for match in REFERENCE.finditer(path.read_text(encoding="utf-8", errors="ignore")):
                found.setdefault(match.group(1), set()).add(str(path.relative_to(ROOT)))
    return found


def _names(text: str, clause: str) -> bool:
    return re.search(rf"§\s?{re.escape(clause)}(?!\d|\.\d)", text) is not None


def test_every_clause_has_exactly_one_row():
    assert len(_clauses()) == 116
    assert list(_rows()) == _clauses()


def test_every_clause_named_in_code_or_tests_has_a_home_in_the_table():
    rows = _rows()
    for clause, files in _references().items():
        assert clause in rows, f"§{clause} (in {sorted(files)[0]}) is not a clause"
        assert not rows[clause].startswith("no "), (
            f"§{clause} is named in {sorted(files)} but the table says it needs no code")


def test_every_file_the_table_names_names_its_clause():
    for clause, where in _rows().items():
        for name in PATH.findall(where):
            path = ROOT / name
            assert path.exists(), f"§{clause}: {name} does not exist"
            assert _names(path.read_text(encoding="utf-8"), clause), (
                f"§{clause}: {name} does not name the clause")
