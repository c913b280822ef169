"""Build examples/ngo_briefing_2014_camp_liberty.pdf, an example PDF for tellings.

The text lives in this script so the PDF can be rebuilt at any time:

    .venv/bin/python examples/make_pdf.py

The output is byte-for-byte reproducible (reportlab ``invariant=1`` fixes the
creation date and the document id). Each page has a running header and a
"Page N of M" footer, so ingest can be tested on repeated page furniture.
"""

from __future__ import annotations

import io
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer

OUT = Path(__file__).resolve().parent / "ngo_briefing_2014_camp_liberty.pdf"

LABEL = (
    "Example document written for tellings. Hypothetical account in the style of an "
    "NGO briefing by an invented organisation; figures as reported in public sources."
)
TITLE = "Camp Liberty under fire: the rocket attacks of 2013"
AUTHOR = "Harbour Rights Network (hypothetical NGO)"
HEADER = "Harbour Rights Network - Briefing paper 1/2014 - Camp Liberty"
DATELINE = "Briefing paper 1/2014 - published 20 January 2014"

# Each section is (heading, [paragraphs]); None as a section forces a page break.
SECTIONS: list[tuple[str, list[str]] | None] = [
    (
        "Summary",
        [
            "In 2013 the people living in Camp Liberty, a former United States base beside "
            "Baghdad airport that now holds Iranian exiles moved there from Camp Ashraf, went "
            "through three rocket attacks. This paper sets out each attack and who gives each "
            "figure; we could not visit the camp ourselves.",
        ],
    ),
    (
        "How the residents came to Liberty",
        [
            "The transfers from Ashraf began in February 2012 and went on until September "
            "2013, when the last group arrived. On 31 January 2012, before the first convoy "
            "left, the UN mission in Iraq (UNAMI) stated that the camp's infrastructure and "
            "facilities met the humanitarian standards set out in its memorandum of "
            "understanding with the Iraqi government. The residents disputed this from the start.",
            "Tahar Boumedra, who had handled the Ashraf file for the UN mission, resigned in "
            "protest in May 2012. On 23 November 2012 the UN Working Group on Arbitrary "
            "Detention found that conditions in the camp amounted to those of a detention centre.",
            "According to the residents' supporters, the camp covers just 0.6 square "
            "kilometres. The residents also say that once they had moved in, the Iraqi "
            "authorities took away the 17,500 concrete T-walls that American troops had put "
            "up around the trailers.",
        ],
    ),
    None,
    ("The attacks, one by one", []),
    (
        "9 February 2013",
        [
            "Rockets and mortar rounds landed among the trailers. The residents said eight "
            "people were killed and nearly 100 injured. This was the first of the year's "
            "three strikes on the camp.",
        ],
    ),
    (
        "15 June 2013",
        [
            "Dozens of rockets fell on the camp and set several trailers alight. Two "
            "residents died, according to the residents' organisation.",
        ],
    ),
    (
        "1 September 2013 (Camp Ashraf)",
        [
            "Not an attack on Liberty, but it struck the same community. About 100 "
            "residents had stayed at Ashraf to look after its property; gunmen killed 52 of "
            "them that day and carried off seven, six of them women.",
        ],
    ),
    (
        "26 December 2013",
        [
            "The camp was hit by twenty Katyusha rockets and mortar shells. Four "
            "residents were killed and 71 were injured, the residents said.",
        ],
    ),
    None,
    (
        "Our assessment",
        [
            "The residents' supporters say that 15 of their members have now died at "
            "Liberty. The three Liberty attacks listed above add up to 14 deaths; we have not been "
            "able to account for the difference.",
            "Residents say their requests for helmets, protective vests, bunkers, blast walls "
            "and double-layer roofs for the trailers have been refused, even though they "
            "offered to pay for all of it.",
        ],
    ),
    (
        "Recommendations",
        [
            "1. The Government of Iraq should put back protective walls around the "
            "residential areas and allow the residents to build shelters at their own cost.",
            "2. States able to take refugees should speed up resettlement out of Iraq.",
            "3. Each attack should be investigated independently, and the results published.",
        ],
    ),
]


def _styles() -> dict[str, ParagraphStyle]:
    base = getSampleStyleSheet()
    return {
        "title": ParagraphStyle("title", parent=base["Title"], fontSize=18, leading=22),
        "dateline": ParagraphStyle("dateline", parent=base["Italic"], fontSize=10, leading=14),
        "h2": ParagraphStyle("h2", parent=base["Heading2"], spaceBefore=10),
        "body": ParagraphStyle(
            "body", parent=base["BodyText"], fontSize=11, leading=16, spaceAfter=8
        ),
    }


def _story() -> list:
    st = _styles()
    story: list = [
        Paragraph(TITLE, st["title"]),
        Paragraph(f"{AUTHOR}. {DATELINE}", st["dateline"]),
        Spacer(1, 6 * mm),
    ]
    for section in SECTIONS:
        if section is None:
            story.append(PageBreak())
            continue
        heading, paragraphs = section
        story.append(Paragraph(heading, st["h2"]))
        story.extend(Paragraph(text, st["body"]) for text in paragraphs)
    return story


def _furniture(total: int):
    """Return a page callback that draws the label, running header and footer.

    It runs when a page begins, before the page's text, so extracted text starts
    with the label on page 1 and with the header on every page.
    """

    def draw(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        width, height = A4
        page = canvas.getPageNumber()
        canvas.saveState()
        canvas.setFont("Helvetica", 8)
        if page == 1:
            canvas.setFont("Helvetica", 7)
            canvas.drawString(15 * mm, height - 10 * mm, LABEL)
            canvas.setFont("Helvetica", 8)
        canvas.drawString(20 * mm, height - 16 * mm, HEADER)
        canvas.line(20 * mm, height - 18 * mm, width - 20 * mm, height - 18 * mm)
        canvas.drawCentredString(width / 2, 12 * mm, f"Page {page} of {total}")
        canvas.restoreState()

    return draw


def _build_once(target: str | io.BytesIO, total: int) -> int:
    doc = SimpleDocTemplate(
        target,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=26 * mm,
        bottomMargin=22 * mm,
        title=TITLE,
        author=AUTHOR,
        subject="Hypothetical NGO briefing on rocket attacks on Camp Liberty, Iraq, in 2013",
        keywords="Camp Liberty, Camp Ashraf, Iraq, example, tellings",
        creator="tellings examples/make_pdf.py",
        invariant=1,
    )
    callback = _furniture(total)
    doc.build(_story(), onFirstPage=callback, onLaterPages=callback)
    return doc.page


def build(out: Path = OUT) -> Path:
    """Write the briefing to ``out`` and return the path.

    A first pass into memory counts the pages; the second writes the file with
    the right "Page N of M" footers.
    """
    total = _build_once(io.BytesIO(), total=0)
    _build_once(str(out), total=total)
    return out


if __name__ == "__main__":
    print(build())
