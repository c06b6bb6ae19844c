"""Read local input into `Article`s and `Reject`s, streamed one record at a time.

Accepted input (`read_input(path)`):

* a JSON Lines file (`.jsonl`): one article per line with `text` and optionally
  `id`, `url`, `title`, `published` (ISO date), `published_source`, `outlet`/`site`,
  `source`, `author`, `language`; other fields (e.g. gold `events`) are ignored.
  `id` becomes the article id, else `Article.derive_id(url, text)`.
* a folder, walked recursively in name order: `.jsonl` files as above, `.txt` and
  `.html`/`.htm` files. Names starting with `.` or `_` are skipped; any other file
  is recorded as an `unsupported_file` reject.
  - `.txt`: optional header lines `Title:`, `Published: YYYY-MM-DD`, `URL:` at the top,
    ended by a blank line; the rest is the text. Without a `Title:` header, a short first
    line followed by a blank line is taken as the title (it stays in the text, so
    offsets are those of the file). Without a `Published:` header, a dateline date
    (`Nov 18, 2026`, `18 November 2026`, `2026-11-18`) in the first lines is the
    publication date (`published_source="page"`).
  - `.html`: text, title and date from trafilatura (`published_source="page"`).
  - date otherwise: the file's modification date (`published_source="mtime"`).
  - id: from the URL, else the file's path relative to the input folder, so an edited
    file keeps its id and its events are replaced, not duplicated.

Encodings (`Article.encoding` records the one used): a UTF-8 byte-order mark is removed
(`utf-8-sig`); a `.txt` or `.html` file that is not UTF-8 is read in the legacy encoding
charset-normalizer detects (Windows-1252 when it fits, as newsrooms' Latin-1 files do; an
`.html` file's own `<meta charset>` first); a JSON Lines file must be UTF-8 (RFC 8259), a line
that is not is an `invalid_utf8` reject.

Nothing is dropped silently: a bad line or file yields a `Reject` (kinds: `bad_json`,
`bad_record`, `invalid_utf8`, `missing_text`, `empty_text`, `binary`, `too_long`,
`duplicate_id`, `unreadable`, `unsupported_file`) and reading goes on. Safe repairs
instead of rejects: NUL characters become spaces (same length, so offsets stay valid);
lone surrogates become U+FFFD;
an unparseable or future `published` is dropped (published None) with a logged warning,
so the article is still extracted.
"""

from __future__ import annotations

import codecs
import dataclasses
import datetime as dt
import hashlib
import json
import logging
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extractors.lexicon import MONTH_REGEX, MONTHS
from extractors.schema import Article, Reject
from flows.inputs.pages import decode_html, decode_text, extract_document

# Long texts are extracted in chunks (flows.extract); beyond this a record is a data error.
MAX_TEXT_CHARS = 20_000_000
# Share of U+FFFD and control characters above which a text is binary junk, not prose.
MAX_JUNK_SHARE = 0.10
# A publication date this far past "today" is a data error, not a timezone effect.
FUTURE_TOLERANCE = dt.timedelta(days=1)
# `published_source` values an input record may bring along (see extractors.schema.Article).
KNOWN_PUBLISHED_SOURCES = frozenset({"page", "feed", "input", "fetch", "assigned"})
TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
TXT_HEADERS = ("title", "published", "url")
# A dateline sits in the first lines; a date deep in the body is an event date, not the publication's.
DATELINE_CHARS = 300
MAX_HEADLINE_CHARS = 200
_DATELINE_DATE = re.compile(
    r"\b(?:(?P<iso>\d{4}-\d{2}-\d{2})"
    rf"|(?P<month1>{MONTH_REGEX})\s+(?P<day1>\d{{1,2}}),?\s+(?P<year1>\d{{4}})"
    rf"|(?P<day2>\d{{1,2}})\s+(?P<month2>{MONTH_REGEX}),?\s+(?P<year2>\d{{4}}))\b",
    re.IGNORECASE,
)
_HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z]+):[ \t]*(?P<value>.*)$")
_WHITESPACE = re.compile(r"\s+")
_JUNK = re.compile("[\ufffd\x01-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Arrow strings must be valid UTF-8: a lone surrogate (from a JSON `\ud800` escape) cannot be stored.
_SURROGATE = re.compile("[\ud800-\udfff]")

Record = Article | Reject
logger = logging.getLogger(__name__)


class InputError(ValueError):
    """The input path itself is unusable (missing, or not a supported file)."""


@dataclass(frozen=True)
class _Fields:
    """What one input record says about an article, before validation."""

    where: str
    text: object
    article_id: object = None
    url: object = None
    title: object = None
    published: object = None
    published_source: str | None = None
    site: object = None
    source: object = None
    author: object = None
    language: object = None
    encoding: str | None = None


def content_hash(text: str) -> str:
    """sha256 of the text after Unicode NFC and whitespace folding (same story, same hash)."""
    folded = _WHITESPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()
    return hashlib.sha256(folded.encode("utf-8", "surrogatepass")).hexdigest()


def check_input(path: str | Path) -> Path:
    """The input path if it is a folder or a `.jsonl` file, else a clear `InputError`."""
    root = Path(path)
    if root.is_dir() or (root.is_file() and root.suffix.lower() in JSONL_SUFFIXES):
        return root
    if root.exists():
        raise InputError(f"{root}: expected a .jsonl file or a folder")
    raise InputError(f"{root}: no such file or folder")


def read_input(path: str | Path, *, today: dt.date | None = None) -> Iterator[Record]:
    """Articles and rejects from a `.jsonl` file or a folder; duplicate ids become rejects.

    The path is checked at once (`InputError`); records are then read lazily.
    """
    root = check_input(path)
    today = today or dt.datetime.now(dt.UTC).date()
    records = _read_folder(root, today) if root.is_dir() else read_jsonl(root, today=today)
    return _first_of_each_id(records)


def _first_of_each_id(records: Iterator[Record]) -> Iterator[Record]:
    seen: set[str] = set()
    for record in records:
        if isinstance(record, Article):
            if record.article_id in seen:
                duplicate = Reject.now(
                    "read",
                    "duplicate_id",
                    f"article id {record.article_id!r} already read earlier in this input",
                    url=record.url,
                    article_id=record.article_id,
                )
                yield dataclasses.replace(duplicate, content_hash=record.content_hash)
                continue
            seen.add(record.article_id)
        yield record


def read_jsonl(path: Path, *, today: dt.date) -> Iterator[Record]:
    """One record per non-blank line; each bad line is a reject naming `file:line`."""
    for raw, record in _jsonl_records(path, today):
        yield _versioned(record, raw)


def _versioned(record: Record, data: bytes) -> Record:
    """A reject carries the digest of the bytes it rejects (one reject per input version)."""
    if isinstance(record, Reject) and data:
        return dataclasses.replace(record, content_hash=hashlib.sha256(data).hexdigest())
    return record


def _jsonl_records(path: Path, today: dt.date) -> Iterator[tuple[bytes, Record]]:
    try:
        handle = path.open("rb")
    except OSError as exc:
        yield b"", Reject.now("read", "unreadable", f"{path}: {exc}")
        return
    with handle:
        encoding = "utf-8"
        for number, raw in enumerate(handle, 1):
            where = f"{path}:{number}"
            if number == 1 and raw.startswith(codecs.BOM_UTF8):  # saved "UTF-8 with BOM"
                raw, encoding = raw[len(codecs.BOM_UTF8) :], "utf-8-sig"
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield raw, Reject.now("read", "invalid_utf8", f"{where}: {exc} (JSON Lines must be UTF-8)")
                continue
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                yield raw, Reject.now("read", "bad_json", f"{where}: {exc}")
                continue
            if not isinstance(row, dict):
                yield (
                    raw,
                    Reject.now(
                        "read", "bad_record", f"{where}: expected a JSON object, got {type(row).__name__}"
                    ),
                )
                continue
            yield raw, _build(_replace(_jsonl_fields(row, where), encoding=encoding), today)


def _jsonl_fields(row: dict[str, Any], where: str) -> _Fields:
    claimed = row.get("published_source")
    return _Fields(
        where=where,
        text=row.get("text"),
        article_id=row.get("id"),
        url=row.get("url"),
        title=row.get("title"),
        published=row.get("published"),
        published_source=claimed if claimed in KNOWN_PUBLISHED_SOURCES else "input",
        site=row.get("outlet", row.get("site")),
        source=row.get("source"),
        author=row.get("author"),
        language=row.get("language"),
    )


def _read_folder(root: Path, today: dt.date) -> Iterator[Record]:
    for path in sorted(root.rglob("*")):
        relative = path.relative_to(root)
        if any(part.startswith((".", "_")) for part in relative.parts) or path.is_dir():
            continue
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(path, today=today)
        elif suffix in TEXT_SUFFIXES | HTML_SUFFIXES:
            yield _read_document(path, relative.as_posix(), today)
        else:
            skipped = Reject.now("read", "unsupported_file", f"{path}: not .jsonl, .txt or .html; skipped")
            yield _versioned(skipped, _file_digest(path).encode())


def _file_digest(path: Path) -> str:
    """sha256 of a file's bytes, read in blocks (an unsupported file may be large); "" if unreadable."""
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return ""


def _read_document(path: Path, relative: str, today: dt.date) -> Record:
    try:
        data = path.read_bytes()
        mtime = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC).date()
    except OSError as exc:
        return Reject.now("read", "unreadable", f"{path}: {exc}")
    if path.suffix.lower() in HTML_SUFFIXES:
        html, encoding = decode_html(data)
        fields = _html_fields(html, str(path))
    else:
        content, encoding = decode_text(data)
        fields = _txt_fields(content, str(path))
    fields = _replace(fields, encoding=encoding)
    if fields.published is None:
        fields = _replace(fields, published=mtime.isoformat(), published_source="mtime")
    if fields.article_id is None:
        basis = fields.url if isinstance(fields.url, str) and fields.url else f"file:{relative}"
        fields = _replace(fields, article_id=Article.derive_id(basis, ""))
    return _versioned(_build(fields, today), data)


def _txt_fields(content: str, where: str) -> _Fields:
    """Split optional `Key: value` header lines (ended by a blank line) from the body."""
    lines = content.split("\n")
    headers: dict[str, str] = {}
    for index, line in enumerate(lines):
        match = _HEADER_LINE.match(line.rstrip("\r"))
        if match and match["key"].lower() in TXT_HEADERS:
            headers[match["key"].lower()] = match["value"].strip()
            continue
        if headers and not line.strip():
            content = "\n".join(lines[index + 1 :])
        else:
            headers = {}  # no blank line after them: not a header block, all of it is text
        break
    else:
        content = ""  # nothing but header lines: no body
    published, published_source = headers.get("published") or None, "input"
    if published is None:
        published, published_source = dateline_date(content[:DATELINE_CHARS]), "page"
    return _Fields(
        where=where,
        text=content,
        url=headers.get("url") or None,
        title=headers.get("title") or _headline(content),
        published=published,
        published_source=published_source if published else None,
    )


def _headline(content: str) -> str | None:
    """A short first line standing alone above the body, not ending a sentence, reads as a headline."""
    first, blank, _ = (content.split("\n", 2) + ["", ""])[:3]
    if blank.strip() or len(first.strip()) > MAX_HEADLINE_CHARS or first.rstrip().endswith((".", "!", "?")):
        return None
    return first.strip() or None


def dateline_date(head: str) -> str | None:
    """The first full date written in `head` (ISO, `Nov 18, 2026`, `18 November 2026`), as ISO."""
    for match in _DATELINE_DATE.finditer(head):
        parts = match.groupdict()
        try:
            if parts["iso"]:
                return dt.date.fromisoformat(parts["iso"]).isoformat()
            day = parts["day1"] or parts["day2"]
            month = (parts["month1"] or parts["month2"])[:3].lower()
            return dt.date(int(parts["year1"] or parts["year2"]), MONTHS[month], int(day)).isoformat()
        except (KeyError, ValueError):
            continue
    return None


def _html_fields(data: str, where: str) -> _Fields:
    doc = extract_document(data)
    if doc is None:
        return _Fields(where=where, text="")
    return _Fields(
        where=where,
        text=doc.text or "",
        url=doc.url or None,
        title=doc.title or None,
        published=doc.date or None,
        published_source="page" if doc.date else None,
        site=doc.sitename or None,
        author=doc.author or None,
    )


def _replace(fields: _Fields, **changes: object) -> _Fields:
    return _Fields(**{**fields.__dict__, **changes})


def _build(fields: _Fields, today: dt.date) -> Record:
    """Validate one record's fields into an Article, or say why not in a Reject."""
    url = _optional_str(fields.url)
    if fields.text is None:
        return Reject.now("read", "missing_text", f"{fields.where}: no text field", url=url)
    if not isinstance(fields.text, str):
        return Reject.now("read", "missing_text", f"{fields.where}: text is not a string", url=url)
    # a byte-order mark at the start of a text is an encoding artefact, not a character of it
    text = _SURROGATE.sub("\ufffd", fields.text.replace("\x00", " ")).removeprefix("\ufeff")
    if not text.strip():
        return Reject.now("read", "empty_text", f"{fields.where}: text is empty", url=url)
    if len(text) > MAX_TEXT_CHARS:
        return Reject.now(
            "read", "too_long", f"{fields.where}: {len(text)} characters > {MAX_TEXT_CHARS}", url=url
        )
    if junk_share(text) > MAX_JUNK_SHARE:
        return Reject.now("read", "binary", f"{fields.where}: looks like binary data, not text", url=url)
    raw_id = fields.article_id
    article_id = _optional_str(raw_id) or (str(raw_id) if isinstance(raw_id, int) else None)
    article_id = article_id or Article.derive_id(url, text)
    published = _checked_date(fields.published, today, fields.where)
    return Article(
        article_id=article_id,
        text=text,
        url=url,
        title=_optional_str(fields.title),
        published=published,
        published_source=fields.published_source if published else None,
        language=_optional_str(fields.language),
        source=_optional_str(fields.source),
        author=_optional_str(fields.author),
        site=_optional_str(fields.site),
        content_hash=content_hash(text),
        encoding=fields.encoding,
    )


def _checked_date(value: object, today: dt.date, where: str) -> dt.date | None:
    """The publication date, or None (with a warning) when it is unreadable or in the future."""
    if value is None:
        return None
    published = parse_published(value)
    if published is None:
        logger.warning("%s: published %r is not an ISO date; using none", where, value)
    elif published > today + FUTURE_TOLERANCE:
        logger.warning("%s: published %s is after %s; using none", where, published, today)
        return None
    return published


def junk_share(text: str) -> float:
    """Share of replacement and non-whitespace control characters in `text`."""
    return len(_JUNK.findall(text)) / len(text)


def parse_published(value: object) -> dt.date | None:
    """An ISO date or datetime string to its date; anything else is None."""
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value.strip()).date()
    except ValueError:
        return None


def _optional_str(value: object) -> str | None:
    return (_SURROGATE.sub("\ufffd", value).strip() or None) if isinstance(value, str) else None
