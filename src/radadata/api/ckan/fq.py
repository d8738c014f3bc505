"""The part of Solr's filter syntax (`fq`) that CKAN clients and harvesters send, read into
plain filters for the search service.

Understood: `field:value`, `field:"quoted value"`, `field:(a OR b)`, terms joined by spaces or
AND (all must hold), terms of ONE field joined by OR, a leading `+`, outer parentheses, `*:*`,
and ranges `metadata_modified:[X TO Y]` (`{}` for exclusive ends) with ISO 8601 times, `*`
and `NOW-1DAY`-style date maths, as ckanext-harvest sends them. Anything else — negation, OR
across different fields, fields we do not filter on — raises ValidationFailed naming the
part, so a client learns what is not supported instead of getting a silently wrong answer.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from radadata.core.errors import ValidationFailed
from radadata.registry.vocabularies import Periodicity

#: CKAN field → the search filter it sets.
LIST_FIELDS = {
    "organization": "owners",
    "owner_org": "owners",
    "tags": "keywords",
    "res_format": "formats",
    "groups": "themes",
    "update_frequency": "periodicities",
}
#: Fields whose value is the same for every dataset here: matching it filters nothing, any
#: other value matches nothing.
CONSTANT_FIELDS = {
    "state": "active", "dataset_type": "dataset", "type": "dataset", "private": "false",
    "capacity": "public", "license_id": "cc-by",
}
DATE_FIELDS = {"metadata_modified"}
FIELDS = {*LIST_FIELDS, *CONSTANT_FIELDS, *DATE_FIELDS}

_TOKEN = re.compile(r"""
    \s*(?:
      (?P<op>AND|OR|&&|\|\|)(?=[\s(]|$)
    | (?P<term>[+-]?[A-Za-z_][\w.]*:(?:"(?:[^"\\]|\\.)*"|\[[^\]]*\]|\{[^}]*\}|\([^)]*\)
                                     |(?:[^\s()\\]|\\.)+)
               |\*:\*)
    | (?P<other>\S+)
    )""", re.VERBOSE)
_RANGE = re.compile(r"^([\[{])\s*(\S+)\s+TO\s+(\S+)\s*([\]}])$")
_NOW = re.compile(r"^NOW(?:([+-])(\d+)(SECOND|MINUTE|HOUR|DAY)S?)?$")
_UNITS = {"SECOND": "seconds", "MINUTE": "minutes", "HOUR": "hours", "DAY": "days"}


#: Search filters that hold one value per dataset: AND-ing two different values matches nothing.
SINGLE_VALUED = {"owners", "periodicities"}


@dataclass
class Filters:
    #: search filter ("owners", "keywords", …) → its AND-ed clauses, each a list of OR-ed values
    clauses: dict[str, list[list[str]]] = field(default_factory=dict)
    modified_from: dt.datetime | None = None
    modified_to: dt.datetime | None = None
    matches_nothing: bool = False

    def values(self, target: str) -> tuple[str, ...]:
        """The values of one search filter, which the search service ORs. Several AND-ed
        clauses reduce to their common values on a field of one value per dataset; on the
        others (tags, groups, formats) "all of these" cannot be said, and is refused."""
        clauses = self.clauses.get(target, [])
        if not clauses:
            return ()
        common = set(clauses[0]).intersection(*clauses[1:])
        if len(clauses) > 1 and target not in SINGLE_VALUED and common != set(clauses[0]):
            name = next(k for k, v in LIST_FIELDS.items() if v == target)
            raise _refuse(name, _("several values of one field must be joined with OR, "
                                  "e.g. %(name)s:(a OR b).") % {"name": name})
        if not common:
            self.matches_nothing = True
        return tuple(v for v in clauses[0] if v in common)


def _refuse(part: str, reason: str) -> ValidationFailed:
    return ValidationFailed({"fq": [_("The filter %(part)s is not supported: %(reason)s")
                                    % {"part": part, "reason": reason}]})


def _strip_parentheses(text: str) -> str:
    text = text.strip()
    while text.startswith("(") and text.endswith(")"):
        depth = 0
        for index, char in enumerate(text):
            depth += {"(": 1, ")": -1}.get(char, 0)
            if depth == 0 and index < len(text) - 1:
                return text  # "(a) OR (b)": the first parenthesis closes early
        text = text[1:-1].strip()
    return text


def _unquote(value: str) -> str:
    if len(value) >= 2 and value.startswith('"') and value.endswith('"'):
        value = value[1:-1]
    return re.sub(r"\\(.)", r"\1", value)


def _values(raw: str) -> list[str]:
    """`a`, `"a b"` or `(a OR "b c")` → the values."""
    if raw.startswith("(") and raw.endswith(")"):
        parts = re.findall(r'"(?:[^"\\]|\\.)*"|\S+', raw[1:-1])
        values = [_unquote(p) for p in parts if p not in ("OR", "||")]
        if any(p in ("AND", "&&", "NOT") for p in parts):
            raise _refuse(raw, _("only OR may join values inside parentheses."))
        return values
    return [_unquote(raw)]


def _moment(text: str, *, now: dt.datetime, part: str) -> dt.datetime | None:
    if text == "*":
        return None
    match = _NOW.match(text)
    if match:
        sign, amount, unit = match.groups()
        if not sign:
            return now
        delta = dt.timedelta(**{_UNITS[unit]: int(amount)})
        return now + delta if sign == "+" else now - delta
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise _refuse(part, _("write times as 2026-03-01T09:00:00Z, * or NOW-1DAY.")) from None
    if moment.tzinfo is None:  # Solr's times are UTC
        moment = moment.replace(tzinfo=dt.UTC)
    return moment


def _apply_date(filters: Filters, raw: str, *, now: dt.datetime, part: str) -> None:
    match = _RANGE.match(raw)
    if match:
        opening, low, high, closing = match.groups()
        start = _moment(low, now=now, part=part)
        end = _moment(high, now=now, part=part)
        tick = dt.timedelta(microseconds=1)
        if start is not None and opening == "{":
            start += tick
        if end is not None and closing == "}":
            end -= tick
    else:
        start = end = _moment(_unquote(raw), now=now, part=part)
    if start is not None:
        filters.modified_from = max(filters.modified_from or start, start)
    if end is not None:
        filters.modified_to = min(filters.modified_to or end, end)


def _clauses(text: str) -> list[list[str]]:
    """Split into AND-ed clauses, each a list of OR-ed terms."""
    clauses: list[list[str]] = []
    joiner = "AND"
    for match in _TOKEN.finditer(text):
        if match.group("op"):
            joiner = "OR" if match.group("op") in ("OR", "||") else "AND"
            continue
        if match.group("other"):
            raise _refuse(match.group("other"), _("write filters as field:value."))
        term = match.group("term")
        if joiner == "OR" and clauses:
            clauses[-1].append(term)
        else:
            clauses.append([term])
        joiner = "AND"
    return clauses


def parse(text: str, *, now: dt.datetime, filters: Filters | None = None) -> Filters:
    """Read one fq string into `filters` (a new Filters if None); `now` resolves NOW."""
    filters = filters or Filters()
    for clause in _clauses(_strip_parentheses(text)):
        names = set()
        values: list[str] = []
        for term in clause:
            if term == "*:*":
                names.add("*")
                continue
            if term.startswith("-"):
                raise _refuse(term, _("excluding (-field:value) is not available; "
                                      "filter on the values you want."))
            name, raw = term.lstrip("+").split(":", 1)
            names.add(name)
            if name in DATE_FIELDS:
                if len(clause) > 1:
                    raise _refuse(term, _("a time range cannot be joined with OR."))
                _apply_date(filters, raw, now=now, part=term)
            elif name in CONSTANT_FIELDS:
                if CONSTANT_FIELDS[name] not in [v.lower() for v in _values(raw)]:
                    filters.matches_nothing = True
            elif name in LIST_FIELDS:
                values.extend(_values(raw))
            else:
                raise _refuse(term, _("filter on organization, tags, res_format, groups, "
                                      "update_frequency or metadata_modified."))
        if len(names - {"*"}) > 1:
            raise _refuse(" OR ".join(clause), _("OR may join values of one field only."))
        name = next(iter(names - {"*"}), "")
        if name in LIST_FIELDS:
            _add_values(filters, name, values)
    return filters


def _add_values(filters: Filters, name: str, values: list[str]) -> None:
    target = LIST_FIELDS[name]
    if name == "res_format":
        values = [v.upper() for v in values]
    if name == "groups":  # a group's name may carry the suffix that sets it apart
        values = [v.removesuffix("-tema") for v in values]  # dicts.GROUP_SUFFIX
    if name == "tags":  # tag names show an apostrophe as ʼ; the keyword may have ' or ’
        values = [w for v in values for w in (v, v.replace("\u02bc", "'"),
                                              v.replace("\u02bc", "\u2019"))]
    if name == "update_frequency":
        unknown = [v for v in values if v not in Periodicity.values]
        if unknown:
            raise _refuse(f"{name}:{unknown[0]}", _("use a data.gov.ua update_frequency code, "
                                                    "e.g. \"once a month\"."))
    filters.clauses.setdefault(target, []).append(list(dict.fromkeys(values)))
