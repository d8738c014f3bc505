"""The codes of the first stage: the file itself — size, format, encoding, and how its tables
are laid out (header, rows, cells that are formulas). Structure and personal data have their
own modules.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from radadata.checks.findings import CheckCode, Severity, register

ERROR, WARNING, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

# The file.
FILE_EMPTY = "file_empty"
FILE_UNREADABLE = "file_unreadable"
FILE_TOO_LARGE = "file_too_large"
FORMAT_UNKNOWN = "format_unknown"
FORMAT_MISMATCH = "format_mismatch"
FORMAT_NOT_RECOMMENDED = "format_not_recommended"
FORMAT_NOT_OPEN = "format_not_open"
CONTENT_NOT_CHECKED = "content_not_checked"
NO_DATA = "no_data"
SEVERAL_TABLES = "several_tables"
# Text encoding.
NOT_UTF8 = "not_utf8"
MIXED_ENCODING = "mixed_encoding"
ENCODING_UNKNOWN = "encoding_unknown"
BOM = "bom"
LINE_TOO_LONG = "line_too_long"
# The table as written.
RAGGED_ROW = "ragged_row"
RAGGED_ROWS_MORE = "ragged_rows_more"
CSV_QUOTES = "csv_quotes"
HEADER_DUPLICATE = "header_duplicate"
HEADER_EMPTY = "header_empty"
TITLE_ROWS = "title_rows"
TOO_MANY_COLUMNS = "too_many_columns"
FORMULA_CELL = "formula_cell"
MERGED_HEADER = "merged_header"
MERGED_CELLS = "merged_cells"
# JSON, GeoJSON, XML.
JSON_MALFORMED = "json_malformed"
JSON_NOT_TABULAR = "json_not_tabular"
JSON_NESTED = "json_nested"
XML_MALFORMED = "xml_malformed"
XML_UNSAFE = "xml_unsafe"
# ZIP archives.
ZIP_TOO_LARGE = "zip_too_large"
ZIP_TOO_MANY_FILES = "zip_too_many_files"
ZIP_RATIO = "zip_ratio"
ZIP_NESTED = "zip_nested"
ZIP_ENCRYPTED = "zip_encrypted"
ZIP_EMPTY = "zip_empty"
# The engine.
INTERNAL_ERROR = "internal_error"

#: The findings that mean "could not read the file" (`radadata check` exits with 2).
UNREADABLE = frozenset({FILE_EMPTY, FILE_UNREADABLE, FILE_TOO_LARGE, FORMAT_UNKNOWN,
                        LINE_TOO_LONG, JSON_MALFORMED, XML_MALFORMED, XML_UNSAFE, ZIP_TOO_LARGE,
                        ZIP_TOO_MANY_FILES, ZIP_RATIO, ZIP_EMPTY, ENCODING_UNKNOWN})

_SAVE_AGAIN = _("Open the file in Excel or LibreOffice, save it again (File → Save as) and "
                "upload the new file.")

register(
    CheckCode(
        FILE_EMPTY, ERROR, _("Empty file"),
        _("The file is empty: it has no bytes at all."),
        _("Check that you chose the right file; if it was exported from a program, export it "
          "again and upload the new file."),
    ),
    CheckCode(
        FILE_UNREADABLE, ERROR, _("Damaged file"),
        _("The file looks like %(format)s but cannot be opened: it is damaged or cut off "
          "(%(error)s)."),
        _SAVE_AGAIN,
    ),
    CheckCode(
        FILE_TOO_LARGE, ERROR, _("Too large to check"),
        _("The file has %(size_mb)s MB; the checks read files of up to %(limit_mb)s MB, so "
          "its content was not checked."),
        _("Split the data into several files (for example one per year) and upload each as "
          "its own resource."),
    ),
    CheckCode(
        FORMAT_UNKNOWN, ERROR, _("Unknown format"),
        _("The file's content is not text and not a format RadaData recognises, whatever its "
          "name says."),
        _("Save the data as CSV (File → Save as → CSV UTF-8) or XLSX and upload that file."),
    ),
    CheckCode(
        FORMAT_MISMATCH, ERROR, _("Name and content differ"),
        _("The file is named as %(extension)s, but its content is %(format)s."),
        _("Save the file in the format its name says, or rename it so that it ends with "
          "“.%(suggested)s”, then upload it again."),
    ),
    CheckCode(
        FORMAT_NOT_RECOMMENDED, ERROR, _("Format not recommended"),
        _("%(format)s is not on the list of recommended formats (§5.2)."),
        _("Save the data in a recommended format — CSV, JSON or XLSX for tables — and upload "
          "it again."),
    ),
    CheckCode(
        FORMAT_NOT_OPEN, WARNING, _("Not an open format"),
        _("%(format)s is a recommended format, but not an open one (§5.2)."),
        _("If you can, publish the data in an open format too: CSV for tables (File → Save as "
          "→ CSV UTF-8), or ODS."),
    ),
    CheckCode(
        CONTENT_NOT_CHECKED, WARNING, _("Content not checked"),
        _("RadaData does not read the content of %(format)s files, so it was not checked for "
          "personal data or structure."),
        _("Check the content yourself before publishing. Tables are better published as CSV "
          "or XLSX: their content is checked automatically."),
    ),
    CheckCode(
        NO_DATA, ERROR, _("No data"),
        _("The file has no rows of data below the header."),
        _("Check that you saved the right sheet or file, with the data in the rows below the "
          "column names, and upload it again."),
    ),
    CheckCode(
        SEVERAL_TABLES, INFO, _("Several tables"),
        _("The file has %(count)s tables; the first, “%(first)s”, is checked against the "
          "dataset's structure, every table for personal data."),
        _("If the other tables are part of the data, consider publishing each as its own "
          "resource."),
    ),
    CheckCode(
        NOT_UTF8, ERROR, _("Not UTF-8"),
        _("The text is in the encoding %(encoding)s; open data must be in UTF-8 (§5.2)."),
        _("Use the button “Convert to UTF-8”, or in Excel choose Save as → “CSV UTF-8 (comma "
          "delimited)” and upload the new file."),
    ),
    CheckCode(
        MIXED_ENCODING, ERROR, _("Mixed encodings"),
        _("Most of the text is in UTF-8, but %(count)s lines, the first of them line "
          "%(line)s, are in %(encoding)s: the file was put together from files saved "
          "differently."),
        _("Open each source file, save it as “CSV UTF-8”, put them together again and upload "
          "the result. An automatic conversion would damage the text."),
    ),
    CheckCode(
        ENCODING_UNKNOWN, ERROR, _("Unknown encoding"),
        _("The text is not in UTF-8 and its encoding could not be recognised (first at line "
          "%(line)s)."),
        _("Open the file in Excel or LibreOffice, check that the letters look right, then "
          "save it as “CSV UTF-8” and upload it again."),
    ),
    CheckCode(
        BOM, INFO, _("Byte order mark"),
        _("The file starts with a byte order mark (BOM), as Excel writes it; it is read "
          "correctly."),
        _("Nothing to do. Programs that do not expect the mark may show odd characters before "
          "the first column name."),
    ),
    CheckCode(
        LINE_TOO_LONG, ERROR, _("Line too long"),
        _("Line %(line)s is longer than %(limit_kb)s KB, so the file was not read further: "
          "it is probably not a table, or its line breaks are missing."),
        _("Open the file in a spreadsheet program, check that each record is on its own line, "
          "save it as “CSV UTF-8” and upload it again."),
    ),
    CheckCode(
        RAGGED_ROW, ERROR, _("Wrong number of cells"),
        _("The row has %(found)s cells, but the header has %(expected)s."),
        _("Open the file in a spreadsheet program and look at this row: a delimiter "
          "(%(delimiter)s) inside a value must be in quotes, and no cell may be missing or "
          "extra."),
    ),
    CheckCode(
        RAGGED_ROWS_MORE, ERROR, _("More rows with a wrong number of cells"),
        _("%(count)s more rows have a different number of cells than the header."),
        _("Fix the rows listed first; the others usually have the same cause."),
    ),
    CheckCode(
        CSV_QUOTES, WARNING, _("Quotation marks out of place"),
        _("Quotation marks in the file do not follow the CSV rules (a value in quotes must "
          "end with a quote before the next delimiter), so some cells may be split wrongly."),
        _("Save the file from a spreadsheet program as “CSV UTF-8” instead of editing it by "
          "hand; the program puts the quotes where they belong."),
    ),
    CheckCode(
        HEADER_DUPLICATE, ERROR, _("Repeated column name"),
        _("Column %(position)s has the same name as column %(first)s."),
        _("Give every column its own name in the header row."),
    ),
    CheckCode(
        HEADER_EMPTY, ERROR, _("Column without a name"),
        _("Column %(position)s has no name in the header row."),
        _("Write the column's name in the header row, or delete the column if it is empty."),
    ),
    CheckCode(
        TITLE_ROWS, WARNING, _("Rows above the header"),
        _("The table starts with %(count)s rows of titles or notes; the column names were "
          "found in row %(header_row)s."),
        _("Delete the rows above the column names: the name of the data belongs to the "
          "dataset's passport, and the first row of the file to the column names."),
    ),
    CheckCode(
        TOO_MANY_COLUMNS, ERROR, _("Too many columns"),
        _("The table has %(count)s columns; the checks read only the first %(limit)s."),
        _("Check that the delimiter is right and the file is a table; split a very wide "
          "table into several files."),
    ),
    CheckCode(
        FORMULA_CELL, WARNING, _("Formulas in cells"),
        _("%(count)s cells of the column hold a formula, such as “%(formula)s”. Open data "
          "holds values: a formula may show another value in another program, and in a CSV "
          "file it runs when someone opens the file in Excel."),
        _("Replace the formulas by their values (copy the column, then Paste special → "
          "Values) and upload the file again."),
    ),
    CheckCode(
        MERGED_HEADER, ERROR, _("Merged header cells"),
        _("Cells of the header row are merged (%(cells)s), so some columns have no name of "
          "their own."),
        _("Unmerge the cells (Home → Merge & Center → Unmerge cells) and give each column "
          "one name in a single header row; put sub-headings into the column names."),
    ),
    CheckCode(
        MERGED_CELLS, WARNING, _("Merged cells"),
        _("%(count)s ranges of cells are merged, such as %(cells)s; a merged value is read "
          "only in its first cell."),
        _("Unmerge the cells and write the value into every row it belongs to."),
    ),
    CheckCode(
        JSON_MALFORMED, ERROR, _("Broken JSON"),
        _("The JSON is not valid at line %(line)s: %(error)s."),
        _("Export the JSON again from the program that made it, or check it with a JSON "
          "validator and correct the place named."),
    ),
    CheckCode(
        JSON_NOT_TABULAR, WARNING, _("JSON is not a table"),
        _("The JSON is not a list of flat records, so its structure and personal data were "
          "not checked."),
        _("For table data, publish a list of objects with the same keys "
          "([{\"id\": 1, …}, …]), or publish a CSV file beside the JSON."),
    ),
    CheckCode(
        JSON_NESTED, WARNING, _("Nested values"),
        _("%(count)s values of the key hold objects or lists instead of single values."),
        _("Give each nested value a key of its own, so that every record is flat."),
    ),
    CheckCode(
        XML_MALFORMED, ERROR, _("Broken XML"),
        _("The XML is not well-formed at line %(line)s: %(error)s."),
        _("Export the XML again from the program that made it, or correct the place named."),
    ),
    CheckCode(
        XML_UNSAFE, ERROR, _("XML with entity declarations"),
        _("The XML declares entities or an external document type, which RadaData does not "
          "open for safety."),
        _("Export the XML without a DOCTYPE and entity declarations."),
    ),
    CheckCode(
        ZIP_TOO_LARGE, ERROR, _("Archive too large"),
        _("Unpacked, the archive would take %(size_mb)s MB; the checks open archives of up "
          "to %(limit_mb)s MB."),
        _("Put fewer or smaller files into the archive, or upload the files as separate "
          "resources."),
    ),
    CheckCode(
        ZIP_TOO_MANY_FILES, ERROR, _("Too many files in the archive"),
        _("The archive holds %(count)s files; the checks open archives of up to %(limit)s."),
        _("Split the files into several archives, or publish them as separate resources."),
    ),
    CheckCode(
        ZIP_RATIO, ERROR, _("Suspicious compression"),
        _("The file expands %(ratio)s times when unpacked, as a “zip bomb” does; it was not "
          "opened."),
        _("Upload the file unpacked, or check where the archive came from."),
    ),
    CheckCode(
        ZIP_NESTED, ERROR, _("Archive inside an archive"),
        _("The archive holds another archive, whose content is not checked."),
        _("Unpack the inner archive and put its files directly into the outer one."),
    ),
    CheckCode(
        ZIP_ENCRYPTED, ERROR, _("Password-protected file"),
        _("The file in the archive is protected with a password, so it cannot be checked or "
          "used."),
        _("Make the archive again without a password."),
    ),
    CheckCode(
        ZIP_EMPTY, ERROR, _("Empty archive"),
        _("The archive holds no files."),
        _("Put the data files into the archive and upload it again."),
    ),
    CheckCode(
        INTERNAL_ERROR, ERROR, _("Check failed"),
        _("The check “%(stage)s” stopped because of an error in RadaData, so the file was not "
          "fully checked."),
        _("Try again later; if it happens again, tell the open-data officer, who can report "
          "it together with the file."),
    ),
)
