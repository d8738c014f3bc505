"""The stored file of a version as a path on this machine: the check engine and the
anonymisation tools read paths. Local storage gives its own path; any other (S3) is copied to
a temporary file first, in chunks."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from radadata.registry.files import short_name
from radadata.registry.models import ResourceVersion


@contextmanager
def local_path(version: ResourceVersion) -> Iterator[Path]:
    storage = version.file.storage
    try:
        path = Path(storage.path(version.file.name))
    except NotImplementedError:  # remote storage has no path
        path = None
    if path is not None:
        yield path
        return
    with tempfile.TemporaryDirectory(prefix="radadata-check-") as folder:
        copy = Path(folder) / short_name(version.original_name)
        with storage.open(version.file.name, "rb") as source, copy.open("wb") as target:
            shutil.copyfileobj(source, target, length=1024 * 1024)
        yield copy


@contextmanager
def scratch_file(name: str) -> Iterator[Path]:
    """A path to write a derived file to (a converted or anonymised copy), removed after."""
    with tempfile.TemporaryDirectory(prefix="radadata-derived-") as folder:
        yield Path(folder) / short_name(name)
