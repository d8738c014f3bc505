"""The demo council: a fictional city council with believable owners, people and datasets.

    from radadata.registry.demo import load_demo
    summary = load_demo()  # None when the council already has owners

`council` and the `sets_*` modules hold the content as data; `builder` loads it through the
real services; `files` renders each dataset's table as CSV, XLSX or JSON.
"""

from .builder import Summary, load_demo

__all__ = ["Summary", "load_demo"]
