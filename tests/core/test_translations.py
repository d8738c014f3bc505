"""The Ukrainian catalogue is complete and its compiled .mo matches the .po (a fresh machine
has no gettext tools, so the .mo is committed and must not fall behind)."""

from __future__ import annotations

import ast
import gettext
from pathlib import Path

import radadata

LOCALE = Path(radadata.__file__).parent / "locale" / "uk" / "LC_MESSAGES"


def _po_entries() -> list[tuple[str, list[str], bool]]:
    """(msgid, msgstrs, fuzzy) of every entry but the header."""
    entries, fuzzy, key, parts = [], False, None, {}
    text = (LOCALE / "django.po").read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        fuzzy, key, parts = False, None, {}
        for line in block.splitlines():
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            elif line.startswith("#") or not line.strip():
                continue
            elif line.startswith('"'):
                parts[key] += ast.literal_eval(line)
            else:
                key, _space, value = line.partition(" ")
                parts[key] = ast.literal_eval(value)
        msgid = parts.get("msgid")
        if msgid:
            strs = [v for k, v in parts.items() if k.startswith("msgstr")]
            entries.append((msgid, strs, fuzzy))
    return entries


def test_every_message_is_translated_and_none_is_fuzzy():
    entries = _po_entries()
    assert len(entries) > 500
    assert [m for m, _s, fuzzy in entries if fuzzy] == []
    assert [m for m, strs, _f in entries if not all(strs)] == []


def test_the_compiled_catalogue_matches_the_po():
    with (LOCALE / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    stale = [msgid for msgid, strs, _f in _po_entries()
             if "\x04" not in msgid and len(strs) == 1 and compiled.gettext(msgid) != strs[0]]
    assert stale == [], "run `make messages` to compile django.mo"
