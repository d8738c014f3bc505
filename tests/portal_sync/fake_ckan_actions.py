"""The actions of the fake portal (fake_ckan.FakeCKAN): CKAN's behaviour and data.gov.ua's
validation, on the in-memory packages. Split from the server so each file stays readable."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib
import re
import uuid
from typing import Any

WRITE_ACTIONS = {"package_create", "package_update", "package_patch", "resource_create",
                 "resource_update", "package_delete"}
FREQUENCIES = {"more than once a day", "once a day", "once a week", "once a month",
               "once a quarter", "once a half year", "once a year",
               "immediately after making changes", "no longer updated"}
NAME = re.compile(r"^[a-z0-9_-]{2,100}$")
#: The package keys a package_update replaces (everything else is the portal's own).
PORTAL_KEYS = {"id", "metadata_created", "metadata_modified", "organization", "resources",
               "num_resources", "num_tags", "state", "type", "creator_user_id"}


class ActionError(Exception):
    def __init__(self, status: int, error: dict[str, Any]):
        super().__init__(error)
        self.status = status
        self.error = error


def validation(**fields: list[str]) -> ActionError:
    return ActionError(409, {"__type": "Validation Error", **fields})


def not_found(what: str = "Not found") -> ActionError:
    return ActionError(404, {"__type": "Not Found Error", "message": f"Not found: {what}"})


class CkanActions:
    """What the portal does with a call; FakeCKAN supplies the state, the clock and the WSGI."""

    base_url: str
    moderation: bool
    organizations: dict[str, dict[str, Any]]
    packages: dict[str, dict[str, Any]]
    files: dict[str, bytes]

    def _tick(self) -> dt.datetime:
        raise NotImplementedError

    # State ---------------------------------------------------------------------------------------
    def _package(self, ref: str) -> dict[str, Any]:
        """A package by id or name, a deleted one too: CKAN shows it to its organisation and
        keeps its name taken until it is purged."""
        for package in self.packages.values():
            if ref in (package["id"], package["name"]):
                return package
        raise not_found("package")

    def _organization(self, ref: str) -> dict[str, Any]:
        for org in self.organizations.values():
            if ref in (org["id"], org["name"]):
                return org
        raise not_found("organization")

    def _validate(self, package: dict[str, Any], *, exclude_id: str | None = None) -> None:
        errors: dict[str, list[str]] = {}
        name = str(package.get("name") or "")
        if not NAME.match(name):
            errors["name"] = ["Must be purely lowercase alphanumeric (ascii) characters and "
                              "these symbols: -_"]
        elif any(p["name"] == name and p["id"] != exclude_id for p in self.packages.values()):
            errors["name"] = ["That URL is already in use."]
        for key in ("title", "notes", "purpose_of_collecting_information", "update_frequency",
                    "language"):
            if not str(package.get(key) or "").strip():
                errors[key] = ["Missing value"]
        if len(str(package.get("title") or "")) > 254:
            errors["title"] = ["Length must be at most 254"]
        if len(str(package.get("purpose_of_collecting_information") or "")) > 512:
            errors["purpose_of_collecting_information"] = ["Length must be at most 512"]
        if package.get("update_frequency") and package["update_frequency"] not in FREQUENCIES:
            errors["update_frequency"] = ["Value must be one of the update frequencies"]
        if not package.get("tags"):
            errors["tag_string"] = ["Missing value"]
        try:
            self._organization(str(package.get("owner_org") or ""))
        except ActionError:
            errors["owner_org"] = ["Organization does not exist"]
        if errors:
            raise validation(**errors)

    def _store(self, package: dict[str, Any]) -> dict[str, Any]:
        org = self._organization(package["owner_org"])
        package["owner_org"] = org["id"]
        package["organization"] = dict(org)
        package["num_resources"] = len(package["resources"])
        package["num_tags"] = len(package["tags"])
        package["metadata_modified"] = self._tick().isoformat()
        self.packages[package["id"]] = package
        return copy.deepcopy(package)

    def _new_resource(self, package: dict, data: dict, upload: tuple | None) -> dict[str, Any]:
        resource = {"id": str(uuid.uuid4()), "package_id": package["id"],
                    "created": self._tick().isoformat(), "state": "active"}
        self._fill_resource(resource, data, upload)
        package["resources"].append(resource)
        package["num_resources"] = len(package["resources"])
        package["metadata_modified"] = self._tick().isoformat()
        return resource

    def _fill_resource(self, resource: dict, data: dict, upload: tuple | None) -> None:
        for key in ("name", "description", "format"):
            resource[key] = data.get(key, resource.get(key, ""))
        if upload is not None:
            filename, content = upload
            self.files[resource["id"]] = content
            resource.update(
                url=f"{self.base_url}/dataset/{resource['package_id']}/resource/"
                    f"{resource['id']}/download/{filename}",
                url_type="upload", size=len(content),
                hash=hashlib.sha256(content).hexdigest(),
                last_modified=self._tick().isoformat())
        elif data.get("url"):
            resource.update(url=data["url"], url_type="")

    # Actions -------------------------------------------------------------------------------------
    def action_status_show(self, data: dict) -> dict:
        return {"ckan_version": "2.10.4", "site_title": "Fake data.gov.ua",
                "site_url": self.base_url, "extensions": ["dgua", "scheming_datasets"]}

    def action_organization_show(self, data: dict) -> dict:
        org = dict(self._organization(str(data.get("id") or "")))
        org["package_count"] = sum(1 for p in self.packages.values()
                                   if p["owner_org"] == org["id"] and p["state"] != "deleted")
        return org

    def action_package_show(self, data: dict) -> dict:
        return copy.deepcopy(self._package(str(data.get("id") or "")))

    def action_package_list(self, data: dict) -> list[str]:
        return sorted(p["name"] for p in self.packages.values() if p["state"] != "deleted")

    def action_package_search(self, data: dict) -> dict:
        packages = [p for p in self.packages.values() if p["state"] != "deleted"]
        fq = str(data.get("fq") or "")
        org = re.search(r'owner_org:"?([^"\s]+)"?', fq)
        if org:
            packages = [p for p in packages if p["owner_org"] == org.group(1)]
        q = str(data.get("q") or "").strip()
        if q and q != "*:*":
            packages = [p for p in packages if q.lower() in (p["title"] + p["notes"]).lower()]
        packages.sort(key=lambda p: p["name"])
        start, rows = int(data.get("start") or 0), int(data.get("rows") or 10)
        return {"count": len(packages), "sort": "name asc", "facets": {},
                "search_facets": {},
                "results": copy.deepcopy(packages[start:start + rows])}

    def action_package_create(self, data: dict) -> dict:
        package = _package_fields(data)
        package.update(id=str(uuid.uuid4()), type="dataset", state="active",
                       private=bool(data.get("private", False)), resources=[],
                       metadata_created=self._tick().isoformat())
        if self.moderation:
            package.update(moderation_status="pending", moderation_comment="",
                           moderation_date="")
        self._validate(package)
        return self._store(package)

    def action_package_update(self, data: dict) -> dict:
        current = self._package(str(data.get("id") or data.get("name") or ""))
        package = {key: value for key, value in current.items() if key in PORTAL_KEYS
                   or key.startswith("moderation_")}
        package.update(_package_fields(data))
        if "resources" in data:  # CKAN keeps the resources when the list is left out
            package["resources"] = data["resources"]
        self._validate(package, exclude_id=current["id"])
        return self._store(package)

    def action_package_patch(self, data: dict) -> dict:
        current = self._package(str(data.get("id") or data.get("name") or ""))
        package = copy.deepcopy(current)
        package.update(_package_fields(data, partial=True))
        self._validate(package, exclude_id=current["id"])
        return self._store(package)

    def action_resource_show(self, data: dict) -> dict:
        for package in self.packages.values():
            for resource in package["resources"]:
                if resource["id"] == data.get("id"):
                    return copy.deepcopy(resource)
        raise not_found("resource")

    def action_resource_create(self, data: dict, upload: tuple | None) -> dict:
        package = self._package(str(data.get("package_id") or ""))
        if not str(data.get("name") or "").strip():
            raise validation(name=["Missing value"])
        return copy.deepcopy(self._new_resource(package, data, upload))

    def action_resource_update(self, data: dict, upload: tuple | None) -> dict:
        for package in self.packages.values():
            for resource in package["resources"]:
                if resource["id"] == data.get("id"):
                    self._fill_resource(resource, data, upload)
                    package["metadata_modified"] = self._tick().isoformat()
                    return copy.deepcopy(resource)
        raise not_found("resource")


def tags_of(tag_string: Any) -> list[dict[str, str]]:
    words = [w.strip() for w in str(tag_string or "").split(",") if w.strip()]
    return [{"name": w, "display_name": w, "state": "active"} for w in words]


def _package_fields(data: dict, *, partial: bool = False) -> dict[str, Any]:
    """The dataset fields of a request, with tags from `tags` or `tag_string` (as CKAN does)."""
    # `state` may be sent (an organisation's editor revives a deleted package with it).
    fields = {key: value for key, value in data.items()
              if key not in PORTAL_KEYS - {"state"} and key not in {"tags", "tag_string"}}
    if data.get("tags"):
        fields["tags"] = [{"name": t["name"], "display_name": t["name"], "state": "active"}
                          for t in data["tags"]]
    elif "tag_string" in data:
        fields["tags"] = tags_of(data["tag_string"])
    elif not partial:
        fields["tags"] = []
    if "tags" in fields:
        fields["tag_string"] = ",".join(t["name"] for t in fields["tags"])
    return fields
