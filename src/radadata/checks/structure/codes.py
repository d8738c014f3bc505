"""The codes of the structure checks: the header against the structure, then every cell.

Each frictionless-py error type has a code here (extra-label is `column_extra`, blank-row is
`row_blank`, …); its catch-all type-error and constraint-error are split by type and by
constraint, because "write the date as 2024-03-31" helps a clerk more than "constraint error".
The frictionless adapter translates its reports into these same codes.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from radadata.checks.findings import CheckCode, Severity, register

ERROR, WARNING = Severity.ERROR, Severity.WARNING

# The header compared with the structure's fields (the finding's row is None).
EXTRA_LABEL = "column_extra"
MISSING_LABEL = "column_missing"
INCORRECT_LABEL = "column_renamed"
BLANK_LABEL = "column_unnamed"
DUPLICATE_LABEL = "column_name_repeated"
COLUMNS_REORDERED = "columns_reordered"
# Rows.
BLANK_ROW = "row_blank"
PRIMARY_KEY = "primary_key"
# Cells: one code per type…
TYPE_INTEGER = "type_integer"
TYPE_NUMBER = "type_number"
TYPE_DATE = "type_date"
TYPE_DATE_YEAR = "type_date_year"  # a year alone in a date column: said as such
TYPE_DATETIME = "type_datetime"
TYPE_BOOLEAN = "type_boolean"
TYPE_YEAR = "type_year"
TYPE_OTHER = "type_other"
# … and one per constraint.
REQUIRED = "constraint_required"
UNIQUE = "constraint_unique"
ENUM = "constraint_enum"
PATTERN = "constraint_pattern"
MINIMUM = "constraint_minimum"
MAXIMUM = "constraint_maximum"
EXCLUSIVE_MINIMUM = "constraint_exclusive_minimum"
EXCLUSIVE_MAXIMUM = "constraint_exclusive_maximum"
MIN_LENGTH = "constraint_min_length"
MAX_LENGTH = "constraint_max_length"
# More cells of one column share a code than a report lists.
MORE = "structure_omitted"
# Something frictionless reported that has no code of ours (the adapter only).
OTHER = "structure_other"

TYPE_CODES = {
    "integer": TYPE_INTEGER, "number": TYPE_NUMBER, "date": TYPE_DATE,
    "datetime": TYPE_DATETIME, "boolean": TYPE_BOOLEAN, "year": TYPE_YEAR,
}
#: Table Schema constraint → our code (frictionless names them in its constraint-error notes).
CONSTRAINT_CODES = {
    "required": REQUIRED, "unique": UNIQUE, "enum": ENUM, "pattern": PATTERN,
    "minimum": MINIMUM, "maximum": MAXIMUM, "exclusiveMinimum": EXCLUSIVE_MINIMUM,
    "exclusiveMaximum": EXCLUSIVE_MAXIMUM, "minLength": MIN_LENGTH, "maxLength": MAX_LENGTH,
}

register(
    CheckCode(
        EXTRA_LABEL, ERROR, _("Column not in the structure"),
        _("The file has a column “%(label)s” that the dataset's structure does not describe."),
        _("Delete the column from the file, or add it to the dataset's structure first."),
    ),
    CheckCode(
        MISSING_LABEL, ERROR, _("Column missing"),
        _("The structure describes a column “%(field)s”, but the file has no such column."),
        _("Add the column “%(field)s” to the file (keep its cells empty if there is no data), "
          "or remove it from the dataset's structure."),
    ),
    CheckCode(
        INCORRECT_LABEL, ERROR, _("Column renamed"),
        _("Column %(position)s is called “%(label)s”, but the structure names it "
          "“%(field)s”."),
        _("Rename the column back to “%(field)s”, or change the name in the dataset's "
          "structure if the new name is right."),
    ),
    CheckCode(
        BLANK_LABEL, ERROR, _("Column without a name"),
        _("Column %(position)s has no name in the header; the structure names it "
          "“%(field)s”."),
        _("Write “%(field)s” in the first row above the column."),
    ),
    CheckCode(
        DUPLICATE_LABEL, ERROR, _("Column name repeated"),
        _("The name “%(label)s” of column %(position)s is used by an earlier column too."),
        _("Give every column its own name, as in the dataset's structure."),
    ),
    CheckCode(
        COLUMNS_REORDERED, WARNING, _("Columns in another order"),
        _("The columns are in a different order than in the structure; they were matched by "
          "their names."),
        _("Put the columns in the order of the structure (%(expected)s), so that people who "
          "rely on the order get the same file every time."),
    ),
    CheckCode(
        BLANK_ROW, ERROR, _("Empty row"),
        _("The row is empty."),
        _("Delete the empty rows from the file."),
    ),
    CheckCode(
        PRIMARY_KEY, ERROR, _("Key repeated or empty"),
        _("The key (%(fields)s) of the row is empty or repeats an earlier row."),
        _("Every row needs its own value in %(fields)s: fill the empty key or correct the "
          "repeated one."),
    ),
    CheckCode(
        TYPE_INTEGER, ERROR, _("Not a whole number"),
        _("The value is not a whole number."),
        _("Write only digits (and a minus sign if needed), without spaces, letters or a "
          "decimal part, for example 1250."),
    ),
    CheckCode(
        TYPE_NUMBER, ERROR, _("Not a number"),
        _("The value is not a number in the form the structure requires."),
        _("Write the number as %(example)s: digits, with “%(decimal)s” before the decimal part "
          "and no spaces or currency signs."),
    ),
    CheckCode(
        TYPE_DATE_YEAR, ERROR, _("A year, not a date"),
        _("The cell holds only a year (%(year)s); the structure wants a full date."),
        _("Write the full date as %(example)s (%(format)s); if only the year is known, say so "
          "in the dataset's description and use its first day, %(year)s-01-01."),
    ),
    CheckCode(
        TYPE_DATE, ERROR, _("Not a date"),
        _("The value is not a date in the form the structure requires."),
        _("Write the date as %(example)s (%(format)s). In Excel, format the column as text "
          "before typing, or save dates in the form yyyy-mm-dd."),
    ),
    CheckCode(
        TYPE_DATETIME, ERROR, _("Not a date and time"),
        _("The value is not a date and time in the form the structure requires."),
        _("Write the date and time as %(example)s: year-month-day, the letter T, then "
          "hours:minutes:seconds (ISO 8601)."),
    ),
    CheckCode(
        TYPE_BOOLEAN, ERROR, _("Not yes or no"),
        _("The value is not one of the values the structure allows for yes and no."),
        _("Write one of: %(allowed)s."),
    ),
    CheckCode(
        TYPE_YEAR, ERROR, _("Not a year"),
        _("The value is not a year."),
        _("Write the year with four digits, for example 2024."),
    ),
    CheckCode(
        TYPE_OTHER, ERROR, _("Wrong type of value"),
        _("The value does not fit the column's type (%(type)s)."),
        _("Correct the value, or change the column's type in the dataset's structure."),
    ),
    CheckCode(
        REQUIRED, ERROR, _("Required value missing"),
        _("The cell is empty, but the column must be filled in every row."),
        _("Fill in the cell, or mark the column as optional in the dataset's structure."),
    ),
    CheckCode(
        UNIQUE, ERROR, _("Value repeated"),
        _("The value repeats one of row %(first)s, but the column must be unique."),
        _("Correct the repeated value, or remove the duplicate row."),
    ),
    CheckCode(
        ENUM, ERROR, _("Value not on the list"),
        _("The value is not one of the values the structure allows."),
        _("Write one of: %(allowed)s. Check the spelling and the spaces."),
    ),
    CheckCode(
        PATTERN, ERROR, _("Value in the wrong form"),
        _("The value does not have the form the structure requires (%(pattern)s)."),
        _("Correct the value; for an ЄДРПОУ code write all eight digits, leading zeros "
          "included."),
    ),
    CheckCode(
        MINIMUM, ERROR, _("Value too small"),
        _("The value is less than %(limit)s, the smallest value the structure allows."),
        _("Correct the value, or change the minimum in the dataset's structure."),
    ),
    CheckCode(
        MAXIMUM, ERROR, _("Value too large"),
        _("The value is more than %(limit)s, the largest value the structure allows."),
        _("Correct the value, or change the maximum in the dataset's structure."),
    ),
    CheckCode(
        EXCLUSIVE_MINIMUM, ERROR, _("Value too small"),
        _("The value must be more than %(limit)s."),
        _("Correct the value, or change the limit in the dataset's structure."),
    ),
    CheckCode(
        EXCLUSIVE_MAXIMUM, ERROR, _("Value too large"),
        _("The value must be less than %(limit)s."),
        _("Correct the value, or change the limit in the dataset's structure."),
    ),
    CheckCode(
        MIN_LENGTH, ERROR, _("Value too short"),
        _("The value is shorter than %(limit)s characters."),
        _("Complete the value, or change the minimum length in the dataset's structure."),
    ),
    CheckCode(
        MAX_LENGTH, ERROR, _("Value too long"),
        _("The value is longer than %(limit)s characters."),
        _("Shorten the value, or change the maximum length in the dataset's structure."),
    ),
    CheckCode(
        MORE, ERROR, _("More cells with the same problem"),
        _("%(total)s cells of this column have the problem “%(of)s”; the report lists the "
          "first %(shown)s."),
        _("Fix the listed cells first: the rest usually share the same cause, such as a "
          "column saved in another format."),
    ),
    CheckCode(
        OTHER, ERROR, _("Problem in the table"),
        _("The table check reported “%(type)s”: %(note)s"),
        _("Correct the file at the place named, then upload it again."),
    ),
)
