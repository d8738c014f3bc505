"""GeoJSON: the properties of the features are the table; the geometries are not checked."""

from __future__ import annotations

from typing import Any

_TYPES = {"FeatureCollection", "Feature"}


def is_geojson(data: Any) -> bool:
    return isinstance(data, dict) and data.get("type") in _TYPES


def properties(data: Any) -> list[dict[str, Any]] | None:
    """One record per feature (an empty one for a feature without properties)."""
    if not is_geojson(data):
        return None
    features = data.get("features") if data.get("type") == "FeatureCollection" else [data]
    if not isinstance(features, list) or not all(isinstance(f, dict) for f in features):
        return None
    records = []
    for feature in features:
        values = feature.get("properties")
        records.append(values if isinstance(values, dict) else {})
    return records
