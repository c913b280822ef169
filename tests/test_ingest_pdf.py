"""PDFs: the text layer of each page, without running headers, footers and page numbers."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from tellings.errors import BrokenDocument, EncryptedFile, NoTextLayer
from tellings.ingest import locate, read_document, text_offset_to_byte
from tellings.ingest.pdf import clean_pages
from tellings.model import ExtractedText

PdfMaker = Callable[..., Path]  # the make_pdf fixture
RUNNING_HEADER = "Example Report — Camp Liberty"  # what make_pdf draws by default


def read_pdf_file(path: Path) -> ExtractedText:
    return read_document(str(path), path.read_bytes())


def test_running_header_and_page_footer_are_removed(sample_pdf: Path) -> None:
    extracted = read_pdf_file(sample_pdf)
    assert extracted.format == "pdf"
    assert extracted.pages == 4
    assert "Camp Liberty" not in extracted.text
    assert "Page" not in extracted.text
    assert extracted.text == (
        "Monitors visited the camp on three days in early spring.\nThey counted 14 tents."
        "\n\nA water pump failed on the second day.\nRepairs took about 6 hours."
        "\n\nResidents reported 2 injuries after a storm.\nNobody was killed."
        "\n\nThe visit ended on a Friday.\nA follow-up is planned."
    )


def test_each_page_is_a_segment_with_its_page_number(sample_pdf: Path) -> None:
    extracted = read_pdf_file(sample_pdf)
    segments = extracted.offset_map.segments
    assert extracted.offset_map.kind == "segments"
    assert [s.page for s in segments] == [1, 2, 3, 4]
    pages = extracted.text.split("\n\n")
    assert [extracted.text[s.text_start : s.text_end] for s in segments] == pages
    assert all(s.byte_start is None and not s.exact for s in segments)
    quote = "2 injuries"
    start = extracted.text.index(quote)
    where = locate(extracted.text, extracted.offset_map, start, start + len(quote))
    assert where == {"byte_start": None, "byte_end": None, "page": 3, "exact": False}
    assert text_offset_to_byte(extracted.text, extracted.offset_map, start) is None


def test_document_information_gives_title_author_and_date(sample_pdf: Path) -> None:
    extracted = read_pdf_file(sample_pdf)
    assert extracted.title == "Camp Liberty monitoring visit"
    assert extracted.author == "Field Monitoring Unit"
    assert extracted.published == "2013-02-09"


def test_missing_document_information_is_unknown(make_pdf: PdfMaker) -> None:
    extracted = read_pdf_file(make_pdf([["A single line of text."]], header=None))
    assert (extracted.title, extracted.author) == (None, None)


@pytest.mark.parametrize(
    ("raw", "published"),
    [("D:20090728", "2009-07-28"), ("D:200907", "2009-07"), ("D:2009", "2009"),
     ("D:20090230120000Z", "2009-02"), ("yesterday", None)],
)  # fmt: skip
def test_creation_dates_keep_the_precision_they_have(
    make_pdf: PdfMaker, raw: str, published: str | None
) -> None:
    path = make_pdf([["Some text."]], info={"/CreationDate": raw})
    assert read_pdf_file(path).published == published


def test_a_two_page_document_loses_header_and_footer_on_both_pages(make_pdf: PdfMaker) -> None:
    path = make_pdf([["First page body."], ["Second page body."]])
    extracted = read_pdf_file(path)
    assert extracted.text == "First page body.\n\nSecond page body."
    assert [s.page for s in extracted.offset_map.segments] == [1, 2]


def test_a_single_page_keeps_its_header_but_not_its_page_number(make_pdf: PdfMaker) -> None:
    extracted = read_pdf_file(make_pdf([["The only page."]]))
    assert extracted.text == f"{RUNNING_HEADER}\nThe only page."


def test_a_line_on_only_some_pages_is_kept(make_pdf: PdfMaker) -> None:
    pages = [["Interim summary", f"Body of page {n}."] for n in range(1, 3)]
    pages += [[f"Body of page {n}."] for n in range(3, 6)]
    extracted = read_pdf_file(make_pdf(pages))
    assert extracted.text.count("Interim summary") == 2  # 2 of 5 pages: not furniture


def test_a_recurring_line_in_the_middle_of_pages_is_kept(make_pdf: PdfMaker) -> None:
    words = ["north", "south", "east"]
    pages = [
        [f"The {word} side had {n} tents.", f"Water on the {word} side.", "Table 1: families",
         f"Latrines on the {word} side.", f"The {word} clinic was open."]
        for n, word in enumerate(words)
    ]  # fmt: skip
    extracted = read_pdf_file(make_pdf(pages))
    assert extracted.text.count("Table 1: families") == 3
    for page in pages:
        for line in page:
            assert line in extracted.text


def test_bullets_and_words_broken_across_lines(make_pdf: PdfMaker) -> None:
    lines = [
        "The team met 40 resi-",
        "dents of block C.",
        "\u2022 Water: two tankers a day",
        "A statement from the al-",
        "Maliki office followed.",
        "Figures for 2012-",
        "2013 are missing.",
    ]
    extracted = read_pdf_file(make_pdf([lines], header=None))
    assert extracted.text == (
        "The team met 40 residents of block C.\n"
        "• Water: two tankers a day\n"
        "A statement from the al-Maliki office followed.\n"
        "Figures for 2012-\n2013 are missing."
    )


@pytest.mark.parametrize(
    ("pages", "expected"),
    [
        (["Header A\nbody one\n3", "Header A\nbody two\n4", "Header A\nbody three\n5"],
         ["body one", "body two", "body three"]),
        (["- 1 -\nalpha", "- 2 -\nbeta"], ["alpha", "beta"]),
        (["Page 7\nalpha\nbeta\ngamma\ndelta\nepsilon\nzeta\n250"],
         ["alpha\nbeta\ngamma\ndelta\nepsilon\nzeta"]),
        (["alpha\nbeta\ngamma\n1500\ndelta\nepsilon\nzeta"],
         ["alpha\nbeta\ngamma\n1500\ndelta\nepsilon\nzeta"]),
    ],
    ids=["recurring-header", "dashed-numbers", "numbers-at-the-edges", "number-in-the-middle"],
)  # fmt: skip
def test_clean_pages(pages: list[str], expected: list[str]) -> None:
    assert clean_pages(pages) == expected


def test_a_pdf_of_drawings_has_no_text_layer(make_pdf: PdfMaker) -> None:
    path = make_pdf([[], []], shapes_only=True, name="scan.pdf")
    with pytest.raises(NoTextLayer) as caught:
        read_pdf_file(path)
    assert caught.value.path.endswith("scan.pdf")
    assert caught.value.reason == "the PDF has no text layer (scanned images?); run OCR first"


def test_a_password_protected_pdf_is_refused(make_pdf: PdfMaker) -> None:
    path = make_pdf([["Secret text."]], user_password="s3cret", name="locked.pdf")
    with pytest.raises(EncryptedFile) as caught:
        read_pdf_file(path)
    assert caught.value.path.endswith("locked.pdf")
    assert "password" in caught.value.reason


def test_an_empty_user_password_is_tried(make_pdf: PdfMaker) -> None:
    path = make_pdf([["Readable by anyone."]], user_password="", owner_password="owner")
    extracted = read_pdf_file(path)
    assert "Readable by anyone." in extracted.text
    assert any("empty password" in note for note in extracted.notes)


def _truncated(data: bytes) -> bytes:
    return data[: len(data) // 2]


def _garbled(data: bytes) -> bytes:
    return data[:9] + bytes(reversed(data[9:]))


def _not_a_pdf(data: bytes) -> bytes:
    return b"GIF89a" + data[100:]


@pytest.mark.parametrize(
    ("damage", "reason"),
    [(_truncated, "truncated or damaged"), (_garbled, "PDF"), (_not_a_pdf, "not a PDF file")],
)
def test_a_damaged_pdf_is_broken(
    sample_pdf: Path, tmp_path: Path, damage: Callable[[bytes], bytes], reason: str
) -> None:
    path = tmp_path / "damaged.pdf"
    path.write_bytes(damage(sample_pdf.read_bytes()))
    with pytest.raises(BrokenDocument) as caught:
        read_pdf_file(path)
    assert caught.value.path.endswith("damaged.pdf")
    assert reason in caught.value.reason


def test_a_repairable_pdf_is_read_without_log_noise(
    sample_pdf: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data = sample_pdf.read_bytes()
    marker = data.rindex(b"startxref")
    wrong_pointer = data[:marker] + b"startxref\n123\n%%EOF\n"
    path = tmp_path / "repairable.pdf"
    path.write_bytes(wrong_pointer)
    with caplog.at_level(logging.DEBUG):
        extracted = read_pdf_file(path)
    assert "A water pump failed on the second day." in extracted.text
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]
