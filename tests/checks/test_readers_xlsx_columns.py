"""The XLSX reader builds its columns from calamine's values at once and looks for formulas and
merged cells only in the parts of the sheet's XML that have them: the same cells and findings
wherever they are in the sheet, with or without a namespace prefix."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from openpyxl import Workbook

from radadata.checks import codes_file as codes
from radadata.checks.limits import Limits
from radadata.checks.readers import xlsx
from radadata.checks.readers.base import FileContext

DATA = Path(__file__).resolve().parents[1] / "data" / "checks"


def _read(tmp_path: Path, path: Path):
    work = tmp_path / "work"
    work.mkdir(exist_ok=True)
    ctx = FileContext(path=path, name=path.name, limits=Limits(), workdir=work)
    return ctx, list(xlsx.read(ctx, None))


def test_formulas_without_values_beyond_the_values_calamine_saw(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["a"])
    sheet.append([1, "=A2*2"])
    sheet.append([2, "=A3*2"])
    path = tmp_path / "book.xlsx"
    book.save(path)
    ctx, [table] = _read(tmp_path, path)
    assert table.header == ["a", ""]
    assert table.frame.rows() == [("1", "=A2*2"), ("2", "=A3*2")]
    assert {f.code for f in ctx.findings} == {codes.HEADER_EMPTY, codes.FORMULA_CELL}


def test_formulas_and_merges_found_across_the_chunks_of_a_long_sheet(tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["номер", "назва", "подвоєно"])
    for n in range(2, 40_002):
        sheet.append([n, f"Заклад №{n}", f"=A{n}*2" if n % 1000 == 0 else n * 2])
    sheet.merge_cells("B39000:B39001")
    path = tmp_path / "long.xlsx"
    book.save(path)
    with zipfile.ZipFile(path) as archive:
        assert archive.getinfo("xl/worksheets/sheet1.xml").file_size > 2 * 1024 * 1024
    ctx, [table] = _read(tmp_path, path)
    formula = next(f for f in ctx.findings if f.code == codes.FORMULA_CELL)
    assert (formula.row, formula.column, formula.count) == (1000, "подвоєно", 40)
    merged = next(f for f in ctx.findings if f.code == codes.MERGED_CELLS)
    assert merged.params["cells"] == "B39000:B39001"
    assert table.frame["подвоєно"][998] == "=A1000*2"
    assert table.frame["подвоєно"][999] == "2002"


def test_a_sheet_written_with_a_namespace_prefix(tmp_path):
    path = tmp_path / "prefixed.xlsx"
    with zipfile.ZipFile(DATA / "formulas.xlsx") as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.startswith("xl/worksheets/sheet"):
                text = re.sub(r"<(/?)([A-Za-z]+)([\s>/])", r"<\1x:\2\3", data.decode())
                data = text.replace('xmlns="http', 'xmlns:x="http').encode()
            target.writestr(info.filename, data)
    ctx, [table] = _read(tmp_path, path)
    plain_ctx, [plain] = _read(tmp_path, DATA / "formulas.xlsx")
    assert table.frame.rows() == plain.frame.rows()
    assert [f.key() for f in ctx.findings] == [f.key() for f in plain_ctx.findings]
    assert codes.FORMULA_CELL in {f.code for f in ctx.findings}
