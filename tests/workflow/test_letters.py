import dataclasses
import datetime as dt
import io
import shutil
import subprocess
from importlib import resources

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt
from pypdf import PdfReader

from radadata.workflow.letters import LetterData, letter_docx, letter_pdf, signature_name, wording
from radadata.workflow.letters.wording import BLANK_DATE, council_genitive

LETTER = LetterData(
    council_name="Світлогірська міська рада",
    recipient="Відповідальному за відкриті дані Світлогірської міської ради",
    owner_name="Управління освіти Світлогірської міської ради",
    head_position="Начальник управління освіти Світлогірської міської ради",
    head_name="Коваленко Ірина Петрівна",
    deputy_position="Заступник міського голови з питань діяльності виконавчих органів ради",
    deputy_name="Дем'яненко Олег Васильович",
    dataset_title="Перелік закладів загальної середньої освіти громади",
    kind="new",
    files=["schools-2026.csv", "schools-structure.json"],
    date=dt.date(2026, 3, 12),
    number="01-15/245",
    uploaded_on=dt.date(2026, 3, 13),
    approved_on=dt.date(2026, 3, 16),
    officer_position="Начальник відділу з питань внутрішньої та інформаційної політики",
    officer_name="Шиян Ірина Миколаївна",
)
UPLOADED = "Завантажено на Єдиний державний портал відкритих даних"
APPROVED = "Схвалено адміністратором Єдиного державного порталу відкритих даних"
REJECTED = "Відхилено адміністратором Єдиного державного порталу відкритих даних"
PUBLISHED = "Оприлюднено на Єдиному державному порталі відкритих даних"


def _letter(**changes) -> LetterData:
    return dataclasses.replace(LETTER, **changes)


def _docx(data: LetterData):
    return Document(io.BytesIO(letter_docx(data)))


def _paragraphs(document) -> list[str]:
    return [paragraph.text for paragraph in document.paragraphs]


def _signatures(document) -> list[list[str]]:
    return [[cell.text for cell in table.rows[0].cells] for table in document.tables]


def _pdf_text(data: LetterData) -> list[str]:
    """The text of each page, through poppler's pdftotext."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    result = subprocess.run(
        ["pdftotext", "-layout", "-", "-"],
        input=letter_pdf(data),
        capture_output=True,
        check=True,
    )
    return result.stdout.decode().split("\f")


def test_docx_holds_the_filled_fields():
    document = _docx(LETTER)
    paragraphs = _paragraphs(document)
    text = "\n".join(paragraphs)

    assert paragraphs[:3] == [
        "СВІТЛОГІРСЬКА МІСЬКА РАДА",
        "УПРАВЛІННЯ ОСВІТИ СВІТЛОГІРСЬКОЇ МІСЬКОЇ РАДИ",
        "12.03.2026 № 01-15/245",
    ]
    assert LETTER.recipient in paragraphs
    assert "Щодо оприлюднення\nнаборів відкритих даних" in paragraphs
    assert (
        "Відповідно до Положення про відкриті дані Світлогірської міської ради та відповідно до "
        "Переліку наборів даних, які підлягають оприлюдненню у формі відкритих даних, надаємо для "
        "оприлюднення на Єдиному державному порталі відкритих даних Набір даних у формі "
        "відкритих даних «Перелік закладів загальної середньої освіти громади»."
    ) in paragraphs
    assert "Додатки:" in paragraphs
    assert "1. Електронні файли Набору даних (2) додаються:" in paragraphs
    assert "– schools-2026.csv" in paragraphs and "– schools-structure.json" in paragraphs
    assert "ПОГОДЖЕНО:" in paragraphs and "згідно" not in text
    assert "декржавного" not in text  # the form's typo is not copied

    assert _signatures(document) == [
        [LETTER.head_position, "(підпис)", "Ірина КОВАЛЕНКО"],
        [LETTER.deputy_position, "(підпис)", "Олег ДЕМ'ЯНЕНКО"],
        [LETTER.officer_position, "(підпис)", "Ірина ШИЯН"],
    ]
    assert document.core_properties.title == f"Супровідний лист: {LETTER.dataset_title}"


def test_docx_prints_filled_portal_dates_and_blank_forms_for_the_rest():
    paragraphs = _paragraphs(_docx(LETTER))
    # Each date on its step's line, after a right tab.
    date_after = dict(p.split("\t") for p in paragraphs if "\t" in p)

    assert date_after == {
        UPLOADED: "13.03.2026",
        APPROVED: "16.03.2026",
        REJECTED: BLANK_DATE,
        PUBLISHED: BLANK_DATE,
    }
    assert BLANK_DATE == "«___»__________20__"


def test_docx_update_asks_for_an_update_not_a_first_publication():
    paragraphs = _paragraphs(_docx(_letter(kind="update")))
    body = next(p for p in paragraphs if p.startswith("Відповідно до"))

    assert "надаємо для оновлення на Єдиному державному порталі" in body
    assert "для оприлюднення" not in body


def test_docx_attachment_line_agrees_with_one_file_and_is_left_out_without_files():
    one = _paragraphs(_docx(_letter(files=["budget.xlsx"])))
    assert "1. Електронний файл Набору даних додається:" in one
    assert "– budget.xlsx" in one

    none = _paragraphs(_docx(_letter(files=[])))
    assert "Додатки:" not in none


def test_docx_blank_number_and_officer_leave_lines_to_fill_in():
    document = _docx(_letter(number="", officer_position="", officer_name=""))

    assert _paragraphs(document)[2] == "12.03.2026 № __________"
    assert _signatures(document)[2] == ["Відповідальний за відкриті дані", "(підпис)",
                                        "________________"]


def test_docx_is_an_a4_letter_in_times_new_roman_14_with_borderless_signature_tables():
    document = _docx(LETTER)
    section = document.sections[0]

    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    margins = (section.left_margin, section.right_margin, section.top_margin, section.bottom_margin)
    assert [round(margin.cm, 1) for margin in margins] == [3.0, 1.0, 2.0, 2.0]
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman" and normal.font.size == Pt(14)
    addressee = document.paragraphs[3]
    assert round(addressee.paragraph_format.left_indent.cm, 1) == 9.0  # at the right
    for table in document.tables:
        borders = table._tbl.tblPr.find(qn("w:tblBorders"))
        assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def test_body_names_the_council_in_the_genitive_or_as_given():
    document = _docx(_letter(council_name="Вугледарська міська рада"))
    assert any("відкриті дані Вугледарської міської ради та відповідно до Переліку" in p
               for p in _paragraphs(document))

    given = _docx(_letter(council_name="Виконавчий комітет Світлогірської міської ради",
                          council_name_genitive="виконавчого комітету Світлогірської ради"))
    assert any("відкриті дані виконавчого комітету Світлогірської ради та відповідно до" in p
               for p in _paragraphs(given))


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Світлогірська міська рада", "Світлогірської міської ради"),
        ("Глибоцька селищна рада", "Глибоцької селищної ради"),
        ("Кам'янець-Подільська міська рада", "Кам'янець-Подільської міської ради"),
        ("СВІТЛОГІРСЬКА МІСЬКА РАДА", "СВІТЛОГІРСЬКОЇ МІСЬКОЇ РАДИ"),
        ("Виконавчий комітет", "Виконавчий комітет"),
    ],
)
def test_council_genitive(name, expected):
    assert council_genitive(name) == expected


@pytest.mark.parametrize(
    ("full_name", "expected"),
    [
        ("Коваленко Ірина Петрівна", "Ірина КОВАЛЕНКО"),
        ("  Коваленко   Ірина  ", "Ірина КОВАЛЕНКО"),
        ("Дем'яненко Олег Васильович", "Олег ДЕМ'ЯНЕНКО"),
        ("Демʼяненко Марʼяна Іванівна", "Марʼяна ДЕМʼЯНЕНКО"),
        ("Петренко-Іваненко Олена", "Олена ПЕТРЕНКО-ІВАНЕНКО"),
        ("Ірина КОВАЛЕНКО", "Ірина КОВАЛЕНКО"),
        ("КОВАЛЕНКО Ірина Петрівна", "Ірина КОВАЛЕНКО"),
        ("Коваленко І.П.", "І. КОВАЛЕНКО"),
        ("І.П. Коваленко", "І. КОВАЛЕНКО"),
        ("Коваленко", "КОВАЛЕНКО"),
        ("", ""),
    ],
)
def test_signature_name(full_name, expected):
    assert signature_name(full_name) == expected


def test_letter_data_refuses_an_unknown_kind_and_freezes_the_file_list():
    with pytest.raises(ValueError, match="kind"):
        _letter(kind="publish")
    assert _letter(files=["a.csv"]).files == ("a.csv",)


def test_pdf_is_a4_with_dejavu_embedded():
    pdf = letter_pdf(LETTER)

    assert pdf.startswith(b"%PDF-")
    assert b"/FontFile2" in pdf  # an embedded TrueType font program
    assert b"DejaVuSerif" in pdf
    assert b"/MediaBox [0 0 595.28 841.89]" in pdf


def test_pdf_text_holds_the_filled_fields():
    pages = _pdf_text(LETTER)
    text = " ".join(" ".join(pages).split())  # undo the layout's line breaks and padding

    assert "СВІТЛОГІРСЬКА МІСЬКА РАДА" in text
    assert "«Перелік закладів загальної середньої освіти громади»" in text
    assert "надаємо для оприлюднення" in text
    assert "schools-2026.csv" in text and "schools-structure.json" in text
    assert "Ірина КОВАЛЕНКО" in text and "Олег ДЕМ'ЯНЕНКО" in text
    assert f"{UPLOADED} 13.03.2026" in text
    assert f"{PUBLISHED} {BLANK_DATE}" in text


def test_pdf_keeps_the_portal_marks_on_the_page_of_the_officers_signature():
    long_positions = _letter(
        head_position="Начальник управління освіти, молоді та спорту Світлогірської міської "
        "ради Світлогірського району Світлогірської області",
        files=[f"schools-{year}.csv" for year in range(2018, 2027)],
    )
    pages = [" ".join(page.split()) for page in _pdf_text(long_positions)]

    marks_page = next(page for page in pages if UPLOADED in page)
    assert PUBLISHED in marks_page and "Ірина ШИЯН" in marks_page


def test_fonts_ship_inside_the_package_with_their_licence():
    fonts = resources.files("radadata.core") / "fonts"
    for name in ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSans.ttf",
                 "DejaVuSans-Bold.ttf", "LICENSE-DejaVu.txt"):
        assert (fonts / name).is_file(), name


def _pages(data) -> int:
    return len(PdfReader(io.BytesIO(letter_pdf(data))).pages)


@pytest.mark.parametrize("files", [["schools-2026.csv"], ["a.csv", "a.xlsx", "a.json"]])
def test_a_usual_letter_is_one_page_ready_to_sign(files):
    """Long names of a real council's department, deputy and officer, the four portal marks:
    still one page (the signed scan is one sheet)."""
    data = _letter(
        owner_name="Управління житлово-комунального господарства та комунальної власності "
                   "Світлогірської міської ради",
        head_position="Начальник управління житлово-комунального господарства та комунальної "
                      "власності",
        deputy_position="Заступник міського голови з питань діяльності виконавчих органів ради",
        officer_position="Головний спеціаліст відділу інформаційної політики та комунікацій",
        dataset_title="Інформація про тарифи на теплову енергію, що постачається "
                      "КП «Світлогірськтеплоенерго»",
        files=files)
    assert _pages(data) == 1


def test_a_letter_that_runs_over_keeps_more_than_a_signature_on_its_last_page():
    data = _letter(files=[f"schools-{year}-{part}.csv" for year in range(2010, 2027)
                          for part in ("a", "b")])
    pages = [" ".join(page.split()) for page in _pdf_text(data) if page.strip()]
    assert len(pages) == 2
    last = pages[-1]
    assert UPLOADED in last and PUBLISHED in last and "Ірина ШИЯН" in last


@pytest.mark.parametrize(("title", "printed"), [
    ("Тарифи КП «Світлогірськтеплоенерго»", "«Тарифи КП «Світлогірськтеплоенерго»»"),
    ("«Перелік закладів освіти»", "«Перелік закладів освіти»"),
    ("«Школи» і «Садки»", "««Школи» і «Садки»»"),
    ("Перелік закладів", "«Перелік закладів»"),
])
def test_a_title_keeps_its_own_closing_quote(title, printed):
    body = wording.body(_letter(dataset_title=title))
    assert body.endswith(f"Набір даних у формі відкритих даних {printed}.")
