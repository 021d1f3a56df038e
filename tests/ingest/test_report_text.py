"""Reading report files and giving every line its page (ingest/report_text.py)."""

from __future__ import annotations

import re

import pytest

from ingest.errors import IngestError
from ingest.report_text import page_texts, paginate, read_text_file
from tests.conftest import REPORT

HEADER = re.compile(r"(\d+)\(47\)\s*$")


def expected_pages(text: str) -> list[tuple[str, int]]:
    """An independent page count following the extractor's rules (shared/report/README.md):
    the first line is page 4; a line starting with exactly one space starts a page, except the
    status lines; a running header starts a page too and is not content."""
    lines = text.split("\n")
    while lines and not lines[-1].strip():
        lines.pop()
    page, out = 4, []
    for i, raw in enumerate(lines):
        header = HEADER.search(raw)
        single_space = raw.startswith(" ") and not raw.startswith("  ")
        if i > 0 and (header or (single_space and raw.strip() != "Förväntas uppnås")):
            page += 1
        if header:
            assert int(header.group(1)) == page, f"the oracle disagrees with the printed header {raw!r}"
            continue
        out.append((raw, page))
    return out


@pytest.fixture(scope="module")
def text() -> str:
    return read_text_file(REPORT)


@pytest.fixture(scope="module")
def paged(text):
    warnings: list[str] = []
    lines, total, title = paginate(text, warnings)
    return lines, total, title, warnings


def test_every_line_has_the_page_the_rules_give(text, paged):
    lines, _, _, _ = paged
    expected = expected_pages(text)
    assert len(lines) == len(expected)
    for line, (raw, page) in zip(lines, expected, strict=True):
        assert line.page == page, (raw, line.page, page)
        assert line.text.strip() == raw.strip()


def test_running_headers_agree_with_the_count_and_are_dropped(paged):
    lines, total, title, warnings = paged
    assert warnings == []
    assert total == 47
    assert title == "Delårsrapport 2025, Kommunstyrelsen"
    assert not any(HEADER.search(ln.text) for ln in lines), "running headers are furniture, not content"
    # page 12 starts right after the header `12(47)`, page 37 after `37(47)`
    body_12 = next(ln for ln in lines if ln.page == 12 and ln.text.strip())
    assert body_12.text.startswith("påverkar incitamenten för kostnadseffektivitet")
    body_37 = next(ln for ln in lines if ln.page == 37 and ln.text.strip())
    assert body_37.text.strip() == "Ekonomisk utveckling under året"
    prev = lines[lines.index(body_12) - 1 :: -1]
    assert next(ln for ln in prev if ln.text.strip()).page == 11


def test_first_and_last_page_and_no_gaps(paged):
    lines, _, _, _ = paged
    assert lines[0].page == 4 and lines[0].text.strip() == "Sammanfattning" and lines[0].page_start
    assert lines[-1].page == 47
    pages = [ln.page for ln in lines]
    assert pages == sorted(pages)
    assert sorted(set(pages)) == list(range(4, 48))
    # 44 pages; on pages 12 and 37 the running header (dropped) was the page's first line
    assert sum(ln.page_start for ln in lines) == 42


def test_status_lines_are_not_page_starts(paged):
    lines, _, _, _ = paged
    status = [ln for ln in lines if ln.text.strip() == "Förväntas uppnås"]
    assert len(status) == 12
    assert not any(ln.page_start for ln in status)


def test_page_starts_lose_their_marker_space(paged):
    lines, _, _, _ = paged
    starts = [ln for ln in lines if ln.page_start]
    assert all(not ln.text.startswith(" ") for ln in starts)
    assert next(ln for ln in lines if ln.page == 5).text.strip() == "Utveckling av verksamheten"


def test_header_that_disagrees_with_the_count_warns():
    text = (
        "Första sidan\ntext\n"
        " Andra sidan\ntext\n"
        "Rapport X 3(5)\ntext på sidan tre\n"  # agrees: anchors the count at page 3
        " Fjärde sidan\ntext\n"
        "Rapport X 9(5)\ntext\n"  # actually page 5
    )
    warnings: list[str] = []
    lines, total, title = paginate(text, warnings)
    assert total == 5 and title == "Rapport X"
    assert [ln.page for ln in lines if ln.text == "text på sidan tre"] == [3]
    assert lines[0].page == 1
    assert len(warnings) == 1
    assert "9(5)" in warnings[0] and "(5)" in warnings[0].split("sidräkningen")[1]


def test_headers_that_agree_do_not_warn_and_anchor_the_first_page():
    text = "Första\nx\n Andra\nRapport 12(20)\ny\n Sista\n"
    warnings: list[str] = []
    lines, total, _ = paginate(text, warnings)
    assert warnings == [] and total == 20
    assert [ln.page for ln in lines] == [10, 10, 11, 12, 13]


def test_no_header_numbers_from_one_and_crlf_is_handled():
    lines, total, title = paginate("a\r\nb\r\n c\r\n\r\n\r\n")
    assert (total, title) == (None, None)
    assert [(ln.text, ln.page) for ln in lines] == [("a", 1), ("b", 1), ("c", 2)]


def test_page_texts_joins_each_page(paged):
    lines, _, _, _ = paged
    pages = page_texts(lines)
    assert sorted(pages) == list(range(4, 48))
    assert "600 miljoner kronor" in pages[28]
    assert "600 miljoner kronor" not in pages[27]
    assert "12(47)" not in pages[12]


# -- reading files -------------------------------------------------------------
def test_read_text_file_bad_inputs_raise_swedish_messages(tmp_path):
    empty = tmp_path / "tom.txt"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.txt"
    blank.write_text("  \n\n \t\n", encoding="utf-8")
    binary = tmp_path / "bild.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    cases = {
        tmp_path / "saknas.txt": "finns inte",
        tmp_path: "mapp",
        empty: "tom",
        blank: "ingen text",
        binary: "binärfil",
    }
    for path, words in cases.items():
        with pytest.raises(IngestError) as err:
            read_text_file(path)
        assert words in str(err.value), (path, str(err.value))
        assert str(path) in str(err.value) or path.name in str(err.value)


def test_read_text_file_decodes_bom_and_windows_1252(tmp_path):
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeffMålområde".encode())
    assert read_text_file(bom) == "Målområde"
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Förväntas uppnås".encode("cp1252"))
    assert read_text_file(latin) == "Förväntas uppnås"
