"""Issue 8, point 3: "missing" means missing.

RC101 (table missing) and RC102 (row missing) are never given for a table or row whose
labels are in the document; a table or row that is there but whose numbers could not be
placed gets RC003 naming it. The texts are our own, damaged the way extractions damage
real pages.
"""

from __future__ import annotations

from tests.test_rules_sections import full_report, report_from_text, t4_lines

from reportcheck import api
from reportcheck.findings import Finding


def _check(text: str) -> list[Finding]:
    return api.check(report_from_text(text))


def _codes(findings: list[Finding], table: str) -> list[tuple[str, str | None]]:
    return sorted((f.code, f.row) for f in findings if f.table == table)


def test_a_table_whose_numbers_cannot_be_placed_is_unreadable_not_missing() -> None:
    # 表四's header broken two characters per line, and its numbers left out of the text
    broken = [
        "行政复议",
        "行政诉讼",
        "未经复议直接起诉",
        "复议后起诉",
        "结果 结果 其他 尚未 总",
        "维持 纠正 结果 审结 计 结果 结果 其他 尚未 总 结果 结果 其他 尚未 总",
        "维持 纠正 结果 审结 计 维持 纠正 结果 审结 计",
        "（数据见附表）",
    ]
    text = full_report().replace("\n".join(t4_lines()), "\n".join(broken))
    found = _check(text)
    assert ("RC101", None) not in _codes(found, "review_litigation")
    rc003 = [f for f in found if f.code == "RC003" and f.table == "review_litigation"]
    assert len(rc003) == 1
    assert "不是缺表" in rc003[0].message and rc003[0].location is not None


def test_a_table_replaced_by_a_sentence_is_still_missing() -> None:
    text = full_report().replace(
        "\n".join(t4_lines()), "本年度未发生因政府信息公开引起的行政复议、行政诉讼。"
    )
    assert _codes(_check(text), "review_litigation") == [("RC101", None)]


def test_a_row_whose_label_is_broken_around_its_numbers_is_unreadable_not_missing() -> None:
    lines = full_report().split("\n")
    i = next(k for k, x in enumerate(lines) if x.startswith("2.其他法律行政法规禁止公开"))
    # PDF text: the label's first part, its numbers, then the rest of the label below
    lines[i : i + 1] = ["2.其他法律行政法规禁止 0", "公开"]
    found = _check("\n".join(lines))
    keys = _codes(found, "applications")
    assert ("RC102", "denied_2") not in keys
    assert ("RC003", "denied_2") in keys
    rc003 = next(f for f in found if f.code == "RC003" and f.row == "denied_2")
    assert "不是缺行" in rc003.message and rc003.location is not None
    assert rc003.location.line == i + 1


def test_a_row_named_only_in_the_prose_is_still_missing() -> None:
    text = full_report(prose={3: ["本年予以公开20件，部分公开3件。"]})
    text = text.replace("三、本年度办理结果 | （一）予以公开 | 0 |", "三、本年度办理结果 | 0 |")
    assert "（一）予以公开" not in text
    keys = _codes(_check(text), "applications")
    assert ("RC102", "granted") in keys
    assert ("RC003", "granted") not in keys


def test_a_row_written_otherwise_whose_numbers_cannot_be_placed_is_unreadable() -> None:
    # text in reading order (the labels on lines of their own, the figures elsewhere): a
    # label written otherwise — a typo, a loose numbering — is still the row's, on the page
    lines = full_report().split("\n")
    i = next(k for k, x in enumerate(lines) if x.startswith("2.其他法律行政法规禁止公开"))
    lines[i : i + 1] = ["2.其他法律行政止公开", "0"]
    keys = _codes(_check("\n".join(lines)), "applications")
    assert ("RC102", "denied_2") not in keys
    assert ("RC003", "denied_2") in keys


def test_a_short_label_on_a_line_of_its_own_is_on_the_page() -> None:
    # 「规章」 alone on its line, its figures one per line below (text in reading order)
    lines = full_report().split("\n")
    i = next(k for k, x in enumerate(lines) if x.startswith("规章"))
    lines[i : i + 1] = ["规章", "0", "", "0", "", "2"]
    keys = _codes(_check("\n".join(lines)), "proactive_disclosure")
    assert ("RC102", "regulations") not in keys
    assert ("RC003", "regulations") in keys


def test_radicals_that_stand_for_characters_are_read_as_them() -> None:
    # some PDFs map 一 人 行 见 to the 康熙部首 (U+2F00…) and CJK radicals (U+2E80…): text
    # taken from them prints 「⼀、总体情况」; the headings and labels are found as written
    text = full_report()
    odd = text.replace("一、", "⼀、").replace("人", "⼈").replace("行政", "⾏政")
    assert odd != text and "⼀、" in odd

    def read(t: str) -> list[tuple[str, str | None]]:
        return [(f.code, f.row) for f in api.check(api.read_bytes("r.txt", t.encode()))]

    assert read(odd) == read(text)


def test_radicals_in_a_web_page_are_read_as_characters() -> None:
    # a page pasted from a PDF's text keeps its radicals: the same findings as the page
    from pathlib import Path

    page = (Path(__file__).parent / "data" / "textforms" / "county-bureau-2024.html").read_text(
        encoding="utf-8"
    )
    odd = page.replace("一、", "⼀、").replace("人", "⼈").replace("行政", "⾏政")
    assert odd != page

    def read(t: str) -> list[tuple[str, str | None]]:
        return sorted((f.code, f.row) for f in api.check(api.read_bytes("p.html", t.encode())))

    assert read(odd) == read(page)


def test_a_row_written_otherwise_beside_pieces_of_its_group_label_is_on_the_page() -> None:
    # text laid out with spaces: the group label printed down the side (「不予公」 「开」)
    # before a row's label written otherwise, its cells empty (printed as nothing)
    lines = full_report().split("\n")
    i = next(k for k, x in enumerate(lines) if x.startswith("2.其他法律行政法规禁止公开"))
    lines[i : i + 1] = ["度  不予公 2.其他法律行政止公开"]
    keys = _codes(_check("\n".join(lines)), "applications")
    assert ("RC102", "denied_2") not in keys
    assert ("RC003", "denied_2") in keys
    # prose that merely names the row is no row on the page
    lines[i : i + 1] = ["本年度依法不予公开的申请中 2.其他法律行政止公开的有三件"]
    assert ("RC102", "denied_2") in _codes(_check("\n".join(lines)), "applications")
