"""Where the portal keeps each field we send: as its own (top-level) field, in `extras`, or not at
all.

CKAN keeps the core package fields (title, notes, tags, maintainer, author, licence, url) on any
portal. Everything else depends on the portal's dataset schema: a CKAN with ckanext-scheming
(or data.gov.ua's own schema) keeps its schema's fields at the top level, and silently DROPS a
top-level key its schema does not know; free `extras` are kept by stock CKAN and by scheming.
So a field named in the portal's schema goes top-level, any other goes into `extras` (CKAN
refuses an extra that repeats a schema field).

The connection check reads the schema where the portal publishes it
(`scheming_dataset_schema_show`). A portal that does not (a stock CKAN, an old CKAN such as
data.gov.ua's) is verified by the first push: the data.gov.ua fields go top-level; whatever the
portal did not keep is sent again in `extras`, and a field it keeps nowhere is recorded as
dropped (then it is neither compared for drift nor sent again).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Fields every CKAN keeps at the top level.
CORE = ("title", "notes", "tag_string", "maintainer", "maintainer_email", "owner_org",
        "license_id", "url", "author")
#: The data.gov.ua fields (its schema keeps them top-level).
DGUA = ("purpose_of_collecting_information", "update_frequency", "language")
#: What an import needs besides: the publisher and its ЄДРПОУ, our identifier, the first
#: publication (DCAT-AP's names).
MORE = ("publisher_name", "publisher_identifier", "identifier", "issued")
SCHEMA_DEPENDENT = DGUA + MORE

SCHEMA = "schema"  # read from scheming_dataset_schema_show
PUSH = "push"  # verified by a push: the portal kept these, dropped those
GUESS = ""  # not known yet: the data.gov.ua fields top-level, the rest in extras


@dataclass(frozen=True)
class Layout:
    top_level: frozenset[str] = frozenset(DGUA)
    dropped: frozenset[str] = frozenset()
    source: str = GUESS
    ckan_version: str = ""
    schema_fields: tuple[str, ...] = field(default=())

    @classmethod
    def from_stored(cls, stored: dict[str, Any] | None) -> Layout:
        if not stored:
            return cls()
        return cls(top_level=frozenset(stored.get("top_level") or ()),
                   dropped=frozenset(stored.get("dropped") or ()),
                   source=stored.get("source") or GUESS,
                   ckan_version=stored.get("ckan_version") or "",
                   schema_fields=tuple(stored.get("schema_fields") or ()))

    @classmethod
    def from_schema(cls, schema: dict[str, Any], *, ckan_version: str = "") -> Layout:
        names = tuple(f.get("field_name") for f in schema.get("dataset_fields") or []
                      if isinstance(f, dict) and f.get("field_name"))
        return cls(top_level=frozenset(k for k in SCHEMA_DEPENDENT if k in names),
                   source=SCHEMA, ckan_version=ckan_version, schema_fields=names)

    def stored(self) -> dict[str, Any]:
        return {"top_level": sorted(self.top_level), "dropped": sorted(self.dropped),
                "source": self.source, "ckan_version": self.ckan_version,
                "schema_fields": list(self.schema_fields)}

    @property
    def known(self) -> bool:
        return self.source in (SCHEMA, PUSH)

    def place(self, key: str) -> str:
        """"top", "extras" or "none" (the portal keeps it nowhere)."""
        if key in CORE or key in self.top_level:
            return "top"
        if key in self.dropped:
            return "none"
        return "extras"

    def kept(self, fields: dict[str, str]) -> dict[str, str]:
        """The fields the portal keeps (what drift compares)."""
        return {key: value for key, value in fields.items() if self.place(key) != "none"}

    def payload(self, fields: dict[str, str]) -> dict[str, Any]:
        """The package_create / package_patch body. tags beside tag_string: a patch replaces
        the old tag list instead of merging into it; `extras` is always sent whole, so a patch
        replaces the extras we sent before."""
        body: dict[str, Any] = {}
        extras = []
        for key, value in fields.items():
            where = self.place(key)
            if where == "top":
                body[key] = value
            elif where == "extras" and str(value).strip():
                extras.append({"key": key, "value": value})
        words = [w.strip() for w in fields.get("tag_string", "").split(",") if w.strip()]
        body["tags"] = [{"name": w} for w in words]
        body["extras"] = extras
        return body

    def verified(self, sent: dict[str, str], package: dict[str, Any]) -> Layout:
        """The layout as the portal's answer shows it: a top-level field it did not keep moves
        to extras; a field it kept in neither place is dropped."""
        extras = {e.get("key"): e.get("value") for e in package.get("extras") or []
                  if isinstance(e, dict)}
        top, dropped = set(self.top_level), set(self.dropped)
        for key in SCHEMA_DEPENDENT:
            value = str(sent.get(key) or "").strip()
            if not value or self.place(key) == "none":
                continue
            if str(package.get(key) or "").strip():
                top.add(key)
            elif str(extras.get(key) or "").strip():
                top.discard(key)
            elif key in top:
                top.discard(key)  # try extras next
            else:
                dropped.add(key)
        if (top, dropped) == (set(self.top_level), set(self.dropped)) and self.known:
            return self
        return Layout(top_level=frozenset(top), dropped=frozenset(dropped),
                      source=PUSH if self.source != SCHEMA else SCHEMA,
                      ckan_version=self.ckan_version, schema_fields=self.schema_fields)
