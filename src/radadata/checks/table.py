"""A table read from a file, as every content check sees it.

All cells are strings (None for an empty cell): a check decides what a cell should be, the
reader never guesses. Columns get unique names for the frame (`columns`), while findings name
the header as the owner wrote it (`header`).
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

#: The file row of the first data row: the header is row 1 (as frictionless counts).
FIRST_DATA_ROW = 2


@dataclass
class Table:
    frame: pl.DataFrame  # every column pl.String; None = empty cell
    header: list[str]  # as written in the file (may be empty or repeated)
    part: str = ""  # ZIP member or sheet name; "" for a plain file
    first_row: int = FIRST_DATA_ROW  # file row number of frame row 0
    titles_rows: int = 0  # rows of column titles between the names and the data

    @property
    def header_row(self) -> int:
        """The file row of the column names."""
        return self.first_row - 1 - self.titles_rows

    @property
    def columns(self) -> list[str]:
        return self.frame.columns

    def header_of(self, column: str) -> str:
        return self.header[self.frame.columns.index(column)]

    def file_row(self, index: int) -> int:
        return self.first_row + index
