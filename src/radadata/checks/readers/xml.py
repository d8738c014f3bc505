"""XML: checked to be well-formed, streamed, and not turned into a table.

defusedxml refuses entity declarations and external references (the "billion laughs" and
XXE attacks); elements are cleared as they are read, so memory stays small on a large file.
"""

from __future__ import annotations

from collections.abc import Iterator
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from radadata.checks import codes_file as codes
from radadata.checks.readers.base import FileContext
from radadata.checks.readers.text import label, text_encoding
from radadata.checks.sniff import Sniffed
from radadata.checks.table import Table


def read(ctx: FileContext, sniffed: Sniffed) -> Iterator[Table]:
    text_encoding(ctx, sniffed, scale=0.3)
    try:
        # The parser reads the encoding from the XML declaration itself.
        for _event, element in iterparse(str(ctx.path), events=("end",),
                                         forbid_dtd=False, forbid_entities=True,
                                         forbid_external=True):
            element.clear()
    except ParseError as error:
        line = error.position[0] if getattr(error, "position", None) else None
        ctx.add(codes.XML_MALFORMED, row=line, line=line or "?",
                error=str(error).split(":")[0])
        return
    except DefusedXmlException:
        ctx.add(codes.XML_UNSAFE)
        return
    ctx.add(codes.CONTENT_NOT_CHECKED, format=label("xml"))
    return
    yield  # a generator that yields no table


def read_text_only(ctx: FileContext, sniffed: Sniffed) -> Iterator[Table]:
    """HTML and plain text: the encoding is checked, the content is not."""
    text_encoding(ctx, sniffed)
    ctx.add(codes.CONTENT_NOT_CHECKED, format=sniffed.format.upper())
    return
    yield
