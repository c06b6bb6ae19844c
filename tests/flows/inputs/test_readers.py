"""Input readers: every line or file becomes an Article or a Reject, never a crash or a silent loss."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from fixtures.hostile import folder_files, jsonl_cases, write_folder, write_jsonl

from extractors.schema import Article, Reject
from flows.inputs.readers import InputError, content_hash, dateline_date, parse_published, read_input

TODAY = dt.date(2025, 6, 1)
# sentences written for these tests
STRIKE = "Helicopters dropped two barrel bombs on the village of Tell Qasr on Friday, residents said."
OTHER = "A council statement said the water network had been repaired in three districts."


def row(**fields: object) -> bytes:
    return json.dumps(fields).encode()


def read_bytes(tmp_path: Path, data: bytes) -> list[Article | Reject]:
    path = tmp_path / "input.jsonl"
    path.write_bytes(data)
    return list(read_input(path, today=TODAY))


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        (row(id="a1", text=STRIKE, published="2025-05-30"), None),
        (row(id=7, text=STRIKE), None),
        (row(url="https://news.example/x", text=STRIKE, events=[], outlet="x"), None),
        (row(id="a1", text=STRIKE, published="2025-05-30T10:00:00+03:00"), None),
        (row(id="a1", text=STRIKE, published="last Friday"), None),
        (row(id="a1", text=STRIKE, published="2031-01-01"), None),
        (row(id="a1", text=STRIKE + "\u0000" + OTHER), None),
        (b'{"id": "a1", "text": "Jets \\ud800 struck"}', None),
        (row(id="a1", text=""), "empty_text"),
        (row(id="a1", text="  \n\t "), "empty_text"),
        (row(id="a1"), "missing_text"),
        (row(id="a1", text=["a", "list"]), "missing_text"),
        (b'{"id": "a1", "text": "Jets str', "bad_json"),
        (b"[1, 2, 3]", "bad_record"),
        (b'{"id": "a1", "text": "caf\xe9 struck"}', "invalid_utf8"),
        (row(id="a1", text="\x01\x02\x03\x04 abc \x05\x06\x07\x08"), "binary"),
    ],
)
def test_jsonl_rows(tmp_path: Path, line: bytes, kind: str | None) -> None:
    (record,) = read_bytes(tmp_path, line + b"\n\n")
    if kind is None:
        assert isinstance(record, Article)
        assert record.text.strip() and record.content_hash == content_hash(record.text)
        assert "\x00" not in record.text
        record.text.encode("utf-8")  # storable as an Arrow string
    else:
        assert isinstance(record, Reject)
        assert (record.stage, record.error_kind) == ("read", kind)
        assert "input.jsonl:1" in record.message


def test_jsonl_fields_map_onto_the_article(tmp_path: Path) -> None:
    line = row(
        id="dev-1",
        url="https://a.example/1",
        title=" Raid ",
        published="2025-05-30",
        published_source="assigned",
        outlet="a.example",
        text=STRIKE,
    )
    (article,) = read_bytes(tmp_path, line)
    assert isinstance(article, Article)
    assert (article.article_id, article.url, article.title, article.site) == (
        "dev-1",
        "https://a.example/1",
        "Raid",
        "a.example",
    )
    assert (article.published, article.published_source) == (dt.date(2025, 5, 30), "assigned")


def test_bad_and_future_dates_keep_the_article_without_a_date(tmp_path: Path) -> None:
    lines = [
        row(id="bad", text=STRIKE, published="the 45th"),
        row(id="future", text=STRIKE, published="2031-01-01"),
    ]
    records = read_bytes(tmp_path, b"\n".join(lines))
    assert [(r.article_id, r.published) for r in records if isinstance(r, Article)] == [
        ("bad", None),
        ("future", None),
    ]


def test_missing_id_is_derived_from_the_url_then_the_text(tmp_path: Path) -> None:
    lines = [row(url="https://a.example/2", text=STRIKE), row(text=OTHER)]
    first, second = read_bytes(tmp_path, b"\n".join(lines))
    assert isinstance(first, Article) and isinstance(second, Article)
    assert first.article_id == Article.derive_id("https://a.example/2", STRIKE)
    assert second.article_id == Article.derive_id(None, OTHER)


def test_duplicate_id_keeps_the_first_and_rejects_the_second(tmp_path: Path) -> None:
    lines = [row(id="same", text=STRIKE), row(id="same", text=OTHER)]
    first, second = read_bytes(tmp_path, b"\n".join(lines))
    assert isinstance(first, Article) and first.text == STRIKE
    assert isinstance(second, Reject) and second.error_kind == "duplicate_id" and second.article_id == "same"


def test_hostile_jsonl_rows_all_accounted_for(tmp_path: Path) -> None:
    cases = jsonl_cases()
    records = list(read_input(write_jsonl(tmp_path / "hostile.jsonl", cases), today=TODAY))
    assert len(records) == len(cases)
    for case, record in zip(cases, records, strict=True):
        # language is judged at extraction, so a French row is still an article here
        expected_article = case.accepted or case.name == "non_english"
        assert isinstance(record, Article) is expected_article, case.name


def test_hostile_folder_files_all_accounted_for(tmp_path: Path) -> None:
    files = folder_files()
    folder = write_folder(tmp_path / "in", files)
    records = list(read_input(folder, today=TODAY))
    assert len(records) == len(files)
    rejected = sorted(Path(r.message.split(":")[0]).name for r in records if isinstance(r, Reject))
    assert rejected == sorted(f.name for f in files if not f.accepted)


@pytest.mark.parametrize(
    ("content", "title", "published", "source", "text_start"),
    [
        (
            f"Title: Raid on the market\nPublished: 2025-05-20\nURL: https://b.example/r\n\n{STRIKE}",
            "Raid on the market",
            dt.date(2025, 5, 20),
            "input",
            STRIKE[:20],
        ),
        (
            f"Barrel bombs hit village\n\nTELL QASR, Syria (May 23, 2025) - {STRIKE}",
            "Barrel bombs hit village",
            dt.date(2025, 5, 23),
            "page",
            "Barrel bombs",
        ),
        (
            f"Barrel bombs hit village\n\nTELL QASR, 23 May 2025 - {STRIKE}",
            "Barrel bombs hit village",
            dt.date(2025, 5, 23),
            "page",
            "Barrel bombs",
        ),
        (f"{STRIKE}\n{OTHER}", None, None, "mtime", STRIKE[:20]),
        (f"Title: not a header block\n{STRIKE}", None, None, "mtime", "Title: not"),
        (f"Damascus: {STRIKE}\n\n{OTHER}", None, None, "mtime", "Damascus:"),
    ],
)
def test_txt_files(
    tmp_path: Path, content: str, title: str | None, published: dt.date | None, source: str, text_start: str
) -> None:
    path = tmp_path / "in" / "story.txt"
    path.parent.mkdir()
    path.write_text(content, encoding="utf-8")
    stamp = dt.datetime(2025, 5, 28, 12, tzinfo=dt.UTC).timestamp()
    os.utime(path, (stamp, stamp))
    (article,) = read_input(path.parent, today=TODAY)
    assert isinstance(article, Article)
    assert article.title == title
    assert article.published == (published or dt.date(2025, 5, 28))
    assert article.published_source == source
    assert article.text.startswith(text_start)


def test_txt_file_with_headers_only_has_no_text(tmp_path: Path) -> None:
    (tmp_path / "stub.txt").write_text("Title: Raid on the market\nPublished: 2025-05-20\n")
    (record,) = read_input(tmp_path, today=TODAY)
    assert isinstance(record, Reject) and record.error_kind == "empty_text"


def test_file_id_survives_an_edit_and_uses_the_url_when_given(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text(STRIKE)
    before = next(iter(read_input(folder, today=TODAY)))
    (folder / "a.txt").write_text(STRIKE + " " + OTHER)
    after = next(iter(read_input(folder, today=TODAY)))
    assert isinstance(before, Article) and isinstance(after, Article)
    assert before.article_id == after.article_id and before.content_hash != after.content_hash
    (folder / "a.txt").write_text(f"URL: https://c.example/a\n\n{STRIKE}")
    with_url = next(iter(read_input(folder, today=TODAY)))
    assert isinstance(with_url, Article) and with_url.article_id == Article.derive_id(
        "https://c.example/a", ""
    )


def test_html_file_through_trafilatura(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    paragraphs = "".join(f"<p>{s}</p>" for s in (STRIKE, OTHER, OTHER.replace("three", "four")))
    (folder / "page.html").write_text(
        "<html><head><title>Bombs on Tell Qasr</title>"
        '<meta property="article:published_time" content="2025-05-24T09:00:00Z"></head>'
        "<body><nav>Home | World</nav><article><h1>Bombs on Tell Qasr</h1>"
        f"{paragraphs}</article></body></html>"
    )
    (article,) = read_input(folder, today=TODAY)
    assert isinstance(article, Article)
    assert (article.title, article.published, article.published_source) == (
        "Bombs on Tell Qasr",
        dt.date(2025, 5, 24),
        "page",
    )
    assert STRIKE in article.text and "Home | World" not in article.text


def test_folder_walk_skips_hidden_and_rejects_unknown_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "b.txt").write_text(STRIKE)
    (folder / "list.jsonl").write_bytes(row(id="j1", text=OTHER))
    (folder / ".hidden.txt").write_text(OTHER)
    (folder / "_draft.txt").write_text(OTHER)
    (folder / "photo.png").write_bytes(b"\x89PNG")
    records = list(read_input(folder, today=TODAY))
    kinds = sorted(r.error_kind if isinstance(r, Reject) else "article" for r in records)
    assert kinds == ["article", "article", "unsupported_file"]


def test_bad_input_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        list(read_input(tmp_path / "missing"))
    (tmp_path / "notes.csv").write_text("a,b")
    with pytest.raises(InputError, match="expected a .jsonl file or a folder"):
        list(read_input(tmp_path / "notes.csv"))


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("BEIRUT (Reuters, Jan 3, 2024) - ", "2024-01-03"),
        ("Posted 3 January 2024 by staff", "2024-01-03"),
        ("DAMASCUS, Sept. 14, 2023 - ", "2023-09-14"),
        ("2024-02-29 morning brief", "2024-02-29"),
        ("Feb 30, 2024 was no day", None),
        ("ALEPPO - officials said on Monday", None),
        ("In 2019 the town changed hands", None),
        ("Posted 31 Jun 2024, corrected 1 Jul 2024", "2024-07-01"),
        ("MOSUL, Iraq, Oct. 2, 2022 (AP)", "2022-10-02"),
        ("12 Dec 2021", "2021-12-12"),
    ],
)
def test_dateline_date(head: str, expected: str | None) -> None:
    assert dateline_date(head) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-05-06", dt.date(2024, 5, 6)),
        (" 2024-05-06 ", dt.date(2024, 5, 6)),
        ("2024-05-06T23:10:00Z", dt.date(2024, 5, 6)),
        ("2024-05-06 08:00", dt.date(2024, 5, 6)),
        ("06/05/2024", None),
        ("yesterday", None),
        ("", None),
        (20240506, None),
        (None, None),
        ("2024-13-01", None),
    ],
)
def test_parse_published(value: object, expected: dt.date | None) -> None:
    assert parse_published(value) == expected


def test_content_hash_ignores_whitespace_layout_only() -> None:
    assert content_hash(f"{STRIKE}\n\n{OTHER}") == content_hash(f"  {STRIKE} {OTHER}\n")
    assert content_hash("Cafe\u0301") == content_hash("Caf\u00e9")
    assert content_hash(STRIKE) != content_hash(OTHER)
