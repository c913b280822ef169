"""Fixtures shared by the tests."""

from __future__ import annotations

import io
import os
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the repository: the seeds and gold files used for evaluation.

    Its absence fails the test loudly; set TELLINGS_NO_SHARED=1 to skip such tests
    on purpose, with that reason shown.
    """
    if (SHARED / "seeds").is_dir():
        return SHARED
    if os.environ.get("TELLINGS_NO_SHARED") == "1":
        pytest.skip(f"{SHARED} not found and TELLINGS_NO_SHARED=1: seed tests not run")
    pytest.fail(
        f"{SHARED} not found: these tests need ../shared (seeds and gold files) beside the "
        "repository; set TELLINGS_NO_SHARED=1 to skip them on purpose"
    )


# --- ingest: PDFs drawn with reportlab -------------------------------------------------

PdfMaker = Callable[..., Path]

RUNNING_HEADER = "Example Report — Camp Liberty"


@pytest.fixture
def make_pdf(tmp_path: Path) -> PdfMaker:
    """Write a PDF to tmp_path and return its path.

    `pages` is a list of pages, each a list of body lines. `header` is drawn at the top
    of every page and, with `footer=True`, "Page N of M" at the bottom. `shapes_only`
    draws rectangles and circles and no text. `info` sets document information
    entries ("/CreationDate", ...) and `user_password`/`owner_password` encrypt it.
    """

    def make(
        pages: list[list[str]],
        *,
        name: str = "report.pdf",
        header: str | None = RUNNING_HEADER,
        footer: bool = True,
        title: str | None = None,
        author: str | None = None,
        info: dict[str, str] | None = None,
        shapes_only: bool = False,
        user_password: str | None = None,
        owner_password: str | None = None,
    ) -> Path:
        from pypdf import PdfReader, PdfWriter
        from reportlab.lib.pagesizes import A4
        from reportlab.pdfgen import canvas

        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer, pagesize=A4, invariant=True)
        if title:
            pdf.setTitle(title)
        if author:
            pdf.setAuthor(author)
        width, height = A4
        for number, lines in enumerate(pages, start=1):
            if shapes_only:
                pdf.rect(72, 400, 200, 150, fill=1)
                pdf.circle(300, 600, 40)
            else:
                if header:
                    pdf.setFont("Helvetica", 9)
                    pdf.drawString(72, height - 40, header)
                pdf.setFont("Helvetica", 11)
                y = height - 90
                for line in lines:
                    pdf.drawString(72, y, line)
                    y -= 16
                if footer:
                    pdf.setFont("Helvetica", 9)
                    pdf.drawCentredString(width / 2, 30, f"Page {number} of {len(pages)}")
            pdf.showPage()
        pdf.save()
        data = buffer.getvalue()
        if info or user_password is not None:
            writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
            if info:
                writer.add_metadata(info)
            if user_password is not None:
                writer.encrypt(user_password, owner_password, algorithm="AES-128")
            out = io.BytesIO()
            writer.write(out)
            data = out.getvalue()
        path = tmp_path / name
        path.write_bytes(data)
        return path

    return make


@pytest.fixture
def sample_pdf(make_pdf: PdfMaker) -> Path:
    """A 4-page report with a running header and "Page N of M" footers."""
    pages = [
        ["Monitors visited the camp on three days in early spring.", "They counted 14 tents."],
        ["A water pump failed on the second day.", "Repairs took about 6 hours."],
        ["Residents reported 2 injuries after a storm.", "Nobody was killed."],
        ["The visit ended on a Friday.", "A follow-up is planned."],
    ]
    return make_pdf(
        pages,
        title="Camp Liberty monitoring visit",
        author="Field Monitoring Unit",
        info={"/CreationDate": "D:20130209083000+01'00'"},
    )


# --- end of ingest fixtures --------------------------------------------------------------
