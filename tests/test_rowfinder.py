"""The row finder (model/rowfinder.py): rows found however a report writes their labels,
and never a label taken for a different row.

Property tests edit every row label of both format versions at random — characters
inserted, dropped, substituted or swapped, a conjunction added, the numbering's punctuation
changed, doubled or dropped, the label split over lines, merged-label characters glued on —
and check that the line is still read as its own row (or, at worst, not read: never as
another row).
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from reportcheck.model.labels import label_key
from reportcheck.model.rowfinder import (
    MIN_LENGTH,
    PREFIX_MIN,
    SIMILARITY_MIN,
    RowMatch,
    _body,
    candidates,
    distance,
    similarity,
    unglued,
)
from reportcheck.model.tables import FORMATS, RowDef, TableDef

TABLES = [(v, t) for v, fmt in FORMATS.items() for t in fmt.tables if t.id != "review_litigation"]
ROWS = [(v, t, r) for v, t in TABLES for r in t.rows]
FILLER = "和及的或者与其相关申请信息公开"


def align(table: TableDef, lines: list[tuple[tuple[str, ...], bool]]) -> list[RowMatch]:
    """The finder over (labels, has numbers) lines, every line eligible."""
    from reportcheck.model.rowfinder import align as real

    return real(table, [labels for labels, _ in lines], lambda i: lines[i][1])


def _lines(table: TableDef, replace: dict[str, str]) -> list[tuple[tuple[str, ...], bool]]:
    """The table's rows as a reader sees them (group label, then the row's own), with some
    labels replaced."""
    out = []
    for r in table.rows:
        label = replace.get(r.id, r.label)
        out.append(((r.group, label) if r.group else (label,), True))
    return out


def _body_len(r: RowDef) -> int:
    return len(_body(label_key(r.label)))


def _allowed_edits(r: RowDef) -> int:
    """How many single-character edits the label's length tolerates (by SIMILARITY_MIN)."""
    n = _body_len(r)
    return int(n * (1 - SIMILARITY_MIN) + 1e-9) if n >= MIN_LENGTH else 0


@st.composite
def edited(draw: st.DrawFn, r: RowDef) -> str:
    """The label of ``r`` with as many random edits as its length tolerates (at least one)."""
    key = label_key(r.label)
    body = _body(key)
    head = key[: len(key) - len(body)] if key.endswith(body) else ""
    text = list(body)
    for _ in range(draw(st.integers(1, _allowed_edits(r)))):
        kind = draw(st.sampled_from(["insert", "drop", "substitute", "swap"]))
        i = draw(st.integers(0, len(text) - 1))
        if kind == "insert":
            text.insert(i, draw(st.sampled_from(FILLER)))
        elif kind == "drop" and len(text) > MIN_LENGTH:
            del text[i]
        elif kind == "substitute":
            text[i] = draw(st.sampled_from(FILLER))
        elif kind == "swap" and i + 1 < len(text):
            text[i], text[i + 1] = text[i + 1], text[i]
    head = draw(
        st.sampled_from(
            [head, head.replace(".", "、"), head.replace("、", "，"), head + head, "", head[:-1]]
        )
    )
    out = head + "".join(text)
    cut = draw(st.integers(0, len(out)))
    return out[:cut] + draw(st.sampled_from(["", "\n", " "])) + out[cut:]


FUZZY_ROWS = [(v, t, r) for v, t, r in ROWS if _allowed_edits(r) >= 1]


def test_every_fuzzy_row_is_covered() -> None:
    # rows too short for a close match (规章, 3.其他, （七）总计) are matched exactly only
    assert len(FUZZY_ROWS) >= 40


@pytest.mark.parametrize(
    ("version", "table", "row"),
    FUZZY_ROWS,
    ids=[f"{v}-{r.id}" for v, _, r in FUZZY_ROWS],
)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_an_edited_label_in_its_table_is_read_as_its_row(
    version: str, table: TableDef, row: RowDef, data: st.DataObject
) -> None:
    label = data.draw(edited(row))
    # the finder promises rows within its documented similarity (edits may overlap)
    assume(similarity(_body(label_key(label)), _body(label_key(row.label))) >= SIMILARITY_MIN)
    found = align(table, _lines(table, {row.id: label}))
    here = found[[r.id for r in table.rows].index(row.id)]
    assert here.row is not None, (label, here)
    assert here.row.id == row.id, (label, here.row.id)


@pytest.mark.parametrize(
    ("version", "table", "row"),
    FUZZY_ROWS,
    ids=[f"{v}-{r.id}" for v, _, r in FUZZY_ROWS],
)
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_an_edited_label_alone_is_never_another_row(
    version: str, table: TableDef, row: RowDef, data: st.DataObject
) -> None:
    """Without the rows around it, a label may be unsure (two candidates), but its best
    candidate is never a different row when the edit leaves it closer to its own."""
    label = data.draw(edited(row))
    cands = candidates(table, ((row.group, label) if row.group else (label,)))
    assume(cands)
    own = [c for c in cands if c.row.id == row.id]
    assert own, (label, [c.row.id for c in cands])
    assert cands[0].score <= own[0].score + 1e-9


def test_close_labels_are_read_and_said() -> None:
    t3 = FORMATS["2021"].table("applications")
    cases = {
        "denied_2": "2.其他法律和行政法规禁止公开",  # a conjunction added
        "denied_3": "3.危害“三安全一稳定”",  # a verb replaced
        "unable_1": "1.本机关不掌握相关的政府信息",
        "not_processed_5": "5.要求行政机关确认或者重新出具已获取的信息",
        "other_1": "1.申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请",
        "new_received": "一一、本年新收政府信息公开申请数量",  # numbering doubled
        "carried_over": "二上年结转政府信息公开申请数量",  # no 、
        "granted": "(一予以公开",  # bracket not closed
    }
    found = align(t3, _lines(t3, cases))
    by_id = {r.id: m for r, m in zip(t3.rows, found, strict=True)}
    for row_id in cases:
        assert by_id[row_id].row is not None and by_id[row_id].row.id == row_id, row_id
    for r in t3.rows:
        if r.id not in cases:
            assert by_id[r.id].exact, r.id


def test_glued_merged_label_characters_are_not_a_variant() -> None:
    t3 = FORMATS["2021"].table("applications")
    lines = _lines(
        t3, {"denied_1": "办理1.属于国家秘密", "denied_2": "结果2.其他法律行政法规禁止公开"}
    )
    found = align(t3, lines)
    assert found[4].row is not None and found[4].row.id == "denied_1" and found[4].exact
    assert found[5].row is not None and found[5].row.id == "denied_2" and found[5].exact
    assert unglued(t3, "结果2.其他法律行政止公开") == "2.其他法律行政止公开"
    assert unglued(t3, "申请2.重复申请") == "申请2.重复申请"  # 申 is no merged label's


def test_a_label_as_close_to_two_rows_is_ambiguous() -> None:
    t3 = FORMATS["2021"].table("applications")
    # halfway between the two 不再处理 rows of （六）, with no exact rows to place it
    lines = [(("（六）其他处理", "申请人逾期不补正、行政机关不再处理其政府信息公开申请"), True)]
    lines = [(("一、本年新收政府信息公开申请数量",), True), *lines]
    m = align(t3, lines)[1]
    if m.row is None:
        assert {r.id for r in m.ambiguous} >= {"other_1"} or not m.ambiguous
    else:
        assert m.row.id in {"other_1", "other_2"}


def test_order_decides_between_equally_close_rows() -> None:
    t3 = FORMATS["2021"].table("applications")
    # 「2.没有现成信息需要另行制作」 garbled; only its place tells it from the rows around
    lines = _lines(t3, {"unable_2": "2.没有现成信息需另行制作的"})
    found = align(t3, lines)
    i = [r.id for r in t3.rows].index("unable_2")
    assert found[i].row is not None and found[i].row.id == "unable_2"


@pytest.mark.parametrize(("version", "table"), TABLES, ids=[f"{v}-{t.id}" for v, t in TABLES])
def test_a_label_cut_short_is_read_as_its_row_in_order(version: str, table: TableDef) -> None:
    """The head of a label whose tail a text extraction wrapped onto a lost line: read as
    its row (not exactly: said as a variant) when PREFIX_MIN characters or more of it are
    there, never as another row; a shorter head is not guessed."""
    for row in table.rows:
        body = _body(label_key(row.label))
        numbering = label_key(row.label)[: len(label_key(row.label)) - len(body)]
        for n in range(PREFIX_MIN, len(body)):
            head = numbering + body[:n]
            found = align(table, _lines(table, {row.id: head}))
            here = found[[r.id for r in table.rows].index(row.id)]
            assert not here.exact, head
            if here.row is None:  # at worst unread — only when it begins other rows too
                others = [
                    r
                    for r in table.rows
                    if r is not row and _body(label_key(r.label))[:n] == body[:n]
                ]
                assert others, head
            else:
                assert here.row.id == row.id, (head, here.row.id)
        if len(body) > 4:
            short = numbering + body[: min(PREFIX_MIN, len(body)) - 1]
            if len(short) < len(label_key(row.label)):
                assert all(c.row.id == row.id or c.score < 0.8 for c in candidates(table, (short,)))


def test_a_cut_label_out_of_its_place_is_not_read() -> None:
    t3 = FORMATS["2021"].table("applications")
    # the head of （五）5's label where （一）予以公开 stands: out of order, not taken
    found = align(t3, _lines(t3, {"granted": "5.要求行政机关确认或重新出"}))
    i = [r.id for r in t3.rows].index("granted")
    assert found[i].row is None


def test_unrelated_and_short_labels_are_not_guessed() -> None:
    t3 = FORMATS["2021"].table("applications")
    for label in ("合计", "其他主动公开文件", "备注", "申请人情况", "本年度办理情况说明"):
        assert candidates(t3, (label,)) == (), label


def test_distance() -> None:
    assert distance("", "abc") == 3
    assert distance("abc", "abc") == 0
    assert distance("abcd", "abdc") == 1
    assert distance("予以公开", "予以公开的") == 1
    assert similarity("", "") == 1.0


def test_similarity_below_a_floor_is_decided_by_the_lengths() -> None:
    """A label far longer than a row's cannot be close to it: the bound is returned without
    the edit distance (a 100,000-character label took seconds per row)."""
    from reportcheck.model.rowfinder import similarity

    row = "其他法律行政法规禁止公开"
    assert similarity("其他法律行政止公开", row, 0.75) == similarity("其他法律行政止公开", row)
    long = "很长的标签" * 20_000
    bound = similarity(long, row, 0.75)
    assert bound == len(row) / len(long) < 0.75
    assert similarity(long[:30], row) <= len(row) / 30  # the bound holds for the exact value


def test_may_name_never_rules_out_a_candidate() -> None:
    # the cheap test before the edit distances (RC102's search for a row written otherwise
    # on a long page) never drops a row the finder would offer: labels written exactly,
    # with a typo, cut short, with glued group characters, and prose
    from reportcheck.model.rowfinder import candidates, may_name
    from reportcheck.model.tables import FORMATS

    texts = [
        "2.其他法律行政止公开",
        "（一）以予公开",
        "5.要求行政机关确认或重新出",
        "结果2.其他法律行政法规禁止公开",
        "（三）不予公开3.危及三安全一稳定",
        "二上年结转政府信息公开申请数量",
        "1.申请人无正当理由逾期不补正、行政机关不再处理",
        "本局进一步加强政府信息公开工作的规范化建设",
        "4.无正当理由的大量反复申请",
        "规范性文件",
        "行政事业收费",
    ]
    checked = 0
    for fmt in FORMATS.values():
        for table in fmt.tables:
            for row in table.rows:
                texts.append(row.label[: max(4, len(row.label) - 3)])
            for text in texts:
                found = {c.row.id for c in candidates(table, (text,))}
                for row in table.rows:
                    if row.id in found:
                        checked += 1
                        assert may_name(table, row, (text,)), (table.id, row.id, text)
    assert checked > 50
