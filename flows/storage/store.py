"""Parquet datasets under one output root (a local path or any fsspec URL).

Layout of `OUT` (e.g. `data`, `file:///srv/sitrep`, `s3://bucket/prefix`):

    OUT/articles/bucket-NN/part-0.parquet   one file per bucket, rows sorted by article_id
    OUT/events/bucket-NN/part-0.parquet     one file per bucket, sorted by event_type, event_date
    OUT/incidents/<type>-<YYYY-MM>/part-0.parquet  reports of one real-world event merged (incidents.py)
    OUT/rejects/<run_id>-<writer>-NNNNN.parquet  append-only log of what could not be used
    OUT/runs/<run_id>.parquet               one row per run (`extractors.schema.Run`)
    OUT/_staging/<run_id>/<writer>/...      a run's batches until it commits (ignored by readers)
    OUT/_lock.json                          who is writing now: pid, host, run_id, start time

Partitioning: an article and all its events live in bucket `bucket_of(article_id)`
(sha1 of the id, modulo `BUCKETS`). Replacing an article's events therefore rewrites
only the buckets a run touched. The bucket folders are plain names, not hive `key=value`
folders, so readers get no extra partition column; filters on `event_type` or
`event_date` are answered from row-group statistics of the sorted files:

    pd.read_parquet("OUT/events", filters=[("event_type", "==", "air_strike")],
                    dtype_backend="pyarrow")

(`dtype_backend="pyarrow"` keeps `date32` columns as dates; without it pandas 3 gives objects.)

Guarantees:
* schema from `extractors.schema` only, validated before every write; every file keeps
  `sitrep_schema_version` in its Parquet metadata; files of an older version are
  upgraded (new columns null) when their bucket is next rewritten (version 2 added
  `articles.encoding`: null in older rows).
* staged, atomic commit: a run writes batches under `_staging/<run_id>/`; `commit()`
  merges the incidents its events touch (`flows/storage/incidents.py`), then merges the
  batches bucket by bucket, each event with its `incident_id`, then the incident folders;
  each new file is written under a `_tmp-` name (pyarrow and pandas skip names starting
  with `_` or `.`) and renamed into place. Memory is bounded
  by one bucket, never the whole corpus.
* idempotent, replace by article: a committed article replaces every earlier row of the
  same article_id (articles) and every earlier event of that article (events), even when
  it now has none; the same input twice gives the same rows.
* one writer at a time: `lock()` refuses (or waits for) a second run and names the holder.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import hashlib
import json
import os
import socket
import time
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import fsspec
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as pads
import pyarrow.parquet as pq
from fsspec.implementations.local import LocalFileSystem

from extractors.incidents.rules import MergeTuning
from extractors.schema import (
    ARTICLE_SCHEMA,
    EVENT_SCHEMA,
    INCIDENT_SCHEMA,
    REJECT_SCHEMA,
    RUN_SCHEMA,
    SCHEMA_VERSION,
    Article,
    Event,
    Incident,
    Reject,
    Run,
    to_row,
)
from flows.storage.incidents import IncidentUpdate, partition_of, plan_incidents

BUCKETS = 16  # fixed: changing it would move articles between buckets and break replace-by-article
PART_NAME = "part-0.parquet"
SCHEMAS = {
    "articles": ARTICLE_SCHEMA,
    "events": EVENT_SCHEMA,
    "incidents": INCIDENT_SCHEMA,
    "rejects": REJECT_SCHEMA,
    "runs": RUN_SCHEMA,
}
SORT_KEYS = {
    "articles": [("article_id", "ascending")],
    "events": [("event_type", "ascending"), ("event_date", "ascending"), ("event_id", "ascending")],
    "incidents": [("date_earliest", "ascending"), ("incident_id", "ascending")],
}
_PYTHON_TYPES: dict[int, type | tuple[type, ...]] = {
    pa.string().id: str,
    pa.int64().id: int,
    pa.float64().id: (int, float),
    pa.bool_().id: bool,
    pa.date32().id: dt.date,
    pa.timestamp("us", tz="UTC").id: dt.datetime,
    pa.list_(pa.string()).id: (list, tuple),
}
_NOT_ACCEPTED: dict[int, type | tuple[type, ...]] = {
    pa.int64().id: bool,
    pa.float64().id: bool,
    pa.date32().id: dt.datetime,
}
LOCK_NAME = "_lock.json"
# A lock file still empty or garbled after this long was left by a run killed while creating it.
UNREADABLE_LOCK_GRACE = 10.0
STAGING = "_staging"


class StoreError(RuntimeError):
    """The output root cannot be written as asked (schema mismatch, bad layout)."""


class LockHeld(StoreError):
    """Another run holds the output root's lock."""

    def __init__(self, root: str, holder: dict[str, Any]) -> None:
        self.holder = holder
        super().__init__(
            f"{root} is locked by run {holder.get('run_id')} (pid {holder.get('pid')} on "
            f"{holder.get('host')}, started {holder.get('started')}); wait for it to finish, or "
            f"delete {root}/{LOCK_NAME} if that process is gone"
        )


def new_run_id(now: dt.datetime) -> str:
    """Sortable, unique run id: UTC start time plus a random suffix; it names the run's staging and lock."""
    return f"{now:%Y%m%dT%H%M%SZ}-{uuid.uuid4().hex[:6]}"


def bucket_of(article_id: str) -> int:
    """Stable bucket of an article (and of its events): not Python's salted hash()."""
    return int.from_bytes(hashlib.sha1(article_id.encode("utf-8", "surrogatepass")).digest()[:4]) % BUCKETS


def to_table(records: Iterable[Article | Event | Incident | Reject | Run], schema: pa.Schema) -> pa.Table:
    """Records as an Arrow table of `schema`, refusing wrong types and nulls in required columns."""
    rows = [to_row(r) for r in records]
    for row in rows:
        check_types(row, schema)
    try:
        table = pa.Table.from_pylist(rows, schema=schema)
    except (pa.ArrowInvalid, pa.ArrowTypeError) as exc:
        raise StoreError(f"records do not fit the schema: {exc}") from exc
    validate(table, schema)
    return table


def check_types(row: dict[str, object], schema: pa.Schema) -> None:
    """Refuse values Arrow would silently coerce (2.5 into an int column, a bool as an int)."""
    for field in schema:
        value = row[field.name]
        if value is None:
            continue
        expected = _PYTHON_TYPES[field.type.id]
        if not isinstance(value, expected) or isinstance(value, _NOT_ACCEPTED.get(field.type.id, ())):
            raise StoreError(
                f"records do not fit the schema: column {field.name!r} expects {field.type}, got {value!r}"
            )


def validate(table: pa.Table, schema: pa.Schema) -> None:
    """Same columns and types as `schema`, no null in a required column, version in metadata."""
    if not table.schema.equals(schema, check_metadata=False):
        raise StoreError(f"table schema differs from the dataset schema:\n{table.schema}\n---\n{schema}")
    for field in schema:
        if not field.nullable and table.column(field.name).null_count:
            raise StoreError(f"column {field.name!r} is required but has nulls")
    if (table.schema.metadata or {}).get(b"sitrep_schema_version") != SCHEMA_VERSION.encode():
        raise StoreError("table metadata lacks the current sitrep_schema_version")


def upgrade(table: pa.Table, schema: pa.Schema) -> pa.Table:
    """A table read from an older file, as `schema`: added columns null, types cast."""
    unknown = set(table.schema.names) - set(schema.names)
    if unknown:
        raise StoreError(f"stored file has columns this version does not know: {sorted(unknown)}")
    columns = [
        table.column(f.name).cast(f.type) if f.name in table.schema.names else pa.nulls(len(table), f.type)
        for f in schema
    ]
    return pa.Table.from_arrays(columns, schema=schema)


@dataclass(frozen=True)
class Store:
    """One output root: read and write its datasets. Cheap to build; holds no open files."""

    out: str

    @property
    def fs(self) -> fsspec.AbstractFileSystem:
        return fsspec.core.url_to_fs(self.out)[0]

    @property
    def root(self) -> str:
        root = fsspec.core.url_to_fs(self.out)[1]
        return root.rstrip("/")

    def path(self, *parts: str) -> str:
        return "/".join([self.root, *parts])

    # ---- writing -------------------------------------------------------------------------

    @contextlib.contextmanager
    def lock(self, run_id: str, *, wait: float = 0.0) -> Iterator[None]:
        """Hold the root's lock for `run_id` (re-entrant for the same run_id).

        A second run waits up to `wait` seconds, then raises `LockHeld` naming the holder.
        A lock left by a dead process on this host is broken.
        """
        fs, path = self.fs, self.path(LOCK_NAME)
        fs.makedirs(self.root, exist_ok=True)
        me = {
            "run_id": run_id,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        }
        deadline = time.monotonic() + wait
        while True:
            if _create_exclusive(fs, path, json.dumps(me).encode()):
                break
            holder = self._lock_holder()
            if holder.get("run_id") == run_id:
                yield  # already ours (an inner writer of the same run): the outer one releases
                return
            if _is_dead_local(holder) or (not holder and self._unreadable_lock_is_stale()):
                with contextlib.suppress(FileNotFoundError):
                    fs.rm_file(path)
                continue
            if time.monotonic() >= deadline:
                raise LockHeld(self.out, holder)
            time.sleep(0.2)
        try:
            self._clean_staging(keep=run_id)
            yield
        finally:
            if self._lock_holder().get("run_id") == run_id:
                with contextlib.suppress(FileNotFoundError):
                    fs.rm_file(path)

    def check_unlocked(self) -> None:
        """Raise `LockHeld` at once if a live run holds the lock (a fast check before a run)."""
        holder = self._lock_holder()
        if holder and not _is_dead_local(holder):
            raise LockHeld(self.out, holder)

    def _lock_holder(self) -> dict[str, Any]:
        try:
            with self.fs.open(self.path(LOCK_NAME), "rb") as handle:
                holder = json.loads(handle.read() or b"{}")
        except (FileNotFoundError, json.JSONDecodeError):
            return {}
        return holder if isinstance(holder, dict) else {}

    def _unreadable_lock_is_stale(self) -> bool:
        """True when the lock file exists, names no holder, and is older than the grace period."""
        try:
            modified = self.fs.modified(self.path(LOCK_NAME))
        except (FileNotFoundError, NotImplementedError):
            return False
        return time.time() - modified.timestamp() > UNREADABLE_LOCK_GRACE

    def _clean_staging(self, keep: str) -> None:
        """Drop staging and `_tmp-` files left by runs that died mid-write (we hold the lock)."""
        for orphan in self.fs.glob(self.path("**", "_tmp-*")):
            if f"/{STAGING}/{keep}/" not in orphan:
                with contextlib.suppress(FileNotFoundError):
                    self.fs.rm_file(orphan)
        staging = self.path(STAGING)
        if not self.fs.exists(staging):
            return
        for entry in self.fs.ls(staging, detail=False):
            if entry.rstrip("/").rsplit("/", 1)[-1] != keep:
                self.fs.rm(entry, recursive=True)

    def stage(self, run_id: str, merging: MergeTuning | None = None) -> RunWriter:
        """A writer collecting one run's batches; nothing is visible before `commit()`.

        `merging` tunes how its events are merged into incidents (`[merge]` of sitrep.toml).
        """
        if not run_id:
            raise StoreError("a run_id is needed to stage writes")
        return RunWriter(self, run_id, merging or MergeTuning())

    def ensure_datasets(self) -> None:
        """Give every dataset at least one (possibly empty) file, so it can be read before it has rows."""
        for name, schema in SCHEMAS.items():
            if name == "runs" or (self.fs.exists(self.path(name)) and self.fs.find(self.path(name))):
                continue
            at_top = name in ("rejects", "incidents")  # no buckets: a file of their own at the top
            first = self.path(name, PART_NAME) if at_top else self.path(name, "bucket-00", PART_NAME)
            self.write_file(schema.empty_table(), first)

    def write_run(self, run: Run) -> None:
        """Record (or overwrite) the run's row in `runs/`."""
        self.write_file(to_table([run], RUN_SCHEMA), self.path("runs", f"{run.run_id}.parquet"))

    def write_file(self, table: pa.Table, final: str) -> None:
        """Write `table` next to `final` under a `_tmp-` name, then rename it into place."""
        fs = self.fs
        folder = final.rsplit("/", 1)[0]
        fs.makedirs(folder, exist_ok=True)
        temp = f"{folder}/_tmp-{uuid.uuid4().hex}.parquet"
        pq.write_table(table, temp, filesystem=fs)
        if isinstance(fs, LocalFileSystem):
            os.replace(temp, final)  # atomic on POSIX, replaces an existing file
        else:
            fs.mv(temp, final)

    # ---- reading -------------------------------------------------------------------------

    def dataset(self, name: str) -> pads.Dataset | None:
        """The named dataset read with the current schema (older files get null columns), or None."""
        folder = self.path(name)
        if not self.fs.exists(folder):
            return None
        return pads.dataset(folder, schema=SCHEMAS[name], format="parquet", filesystem=self.fs)

    def read_table(
        self, name: str, columns: Sequence[str] | None = None, filter: pc.Expression | None = None
    ) -> pa.Table:
        """Columns of a dataset (e.g. `read_table("articles", ["url", "content_hash"])`)."""
        data = self.dataset(name)
        if data is None:
            return SCHEMAS[name].empty_table().select(list(columns or SCHEMAS[name].names))
        return data.to_table(columns=list(columns) if columns else None, filter=filter)

    def iter_articles(self, run_id: str | None = None, batch_size: int = 256) -> Iterator[list[Article]]:
        """Stored articles in batches, optionally only those written by `run_id`."""
        data = self.dataset("articles")
        if data is None:
            return
        where = pc.field("run_id") == run_id if run_id else None
        pending: list[Article] = []
        for batch in data.to_batches(filter=where, batch_size=batch_size):
            pending.extend(Article(**row) for row in batch.to_pylist())
            while len(pending) >= batch_size:
                yield pending[:batch_size]
                pending = pending[batch_size:]
        if pending:
            yield pending


class RunWriter:
    """One run's staged writes: `add_*` per batch, then `commit()` (or `abort()`)."""

    def __init__(self, store: Store, run_id: str, merging: MergeTuning) -> None:
        self.store = store
        self.run_id = run_id
        self.merging = merging
        # time the last commit spent on incidents: planning, their folders, buckets rewritten only
        # because stored events changed incident (bench/merge.py)
        self.merge_seconds = 0.0
        # own folder per writer: an inner writer of the same run (e.g. ingest) never touches ours
        self.folder = store.path(STAGING, run_id, uuid.uuid4().hex[:12])

    def add_articles(self, articles: Sequence[Article]) -> None:
        """Stage articles; at commit each replaces any stored row with its article_id."""
        self._stage_by_bucket("articles", to_table(articles, ARTICLE_SCHEMA))

    def add_events(self, article_ids: Iterable[str], events: Sequence[Event]) -> None:
        """Stage the events of the articles `article_ids`, which replace all their stored events."""
        ids = sorted(set(article_ids))
        stray = {e.article_id for e in events} - set(ids)
        if stray:
            raise StoreError(f"events of articles not listed as extracted: {sorted(stray)[:5]}")
        self._stage_by_bucket("events", to_table(events, EVENT_SCHEMA))
        self._stage_by_bucket("extracted", pa.table({"article_id": pa.array(ids, pa.string())}))

    def add_rejects(self, rejects: Sequence[Reject]) -> None:
        """Stage rejects; they are appended to the `rejects` log at commit."""
        if rejects:
            self._write("rejects", "all", to_table(rejects, REJECT_SCHEMA))

    def commit(self) -> None:
        """Merge every staged bucket into the datasets, then drop the staging folder."""
        with self.store.lock(self.run_id):
            for bucket in self._staged_buckets("articles"):
                self._merge("articles", bucket, replace_ids=None)
            clock = time.monotonic()
            update = self._plan_incidents()
            if update is not None:
                planned = time.monotonic() - clock
                only_for_incidents = self._merge_events(update)
                clock = time.monotonic()
                self._write_incidents(update)
                self.merge_seconds = planned + only_for_incidents + time.monotonic() - clock
            for path in self._staged_files("rejects", "all"):
                table = upgrade(pq.read_table(path, filesystem=self.store.fs), REJECT_SCHEMA)
                name = path.rsplit("/", 1)[-1]
                writer = self.folder.rsplit("/", 1)[-1]  # several writers of one run must not collide
                self.store.write_file(table, self.store.path("rejects", f"{self.run_id}-{writer}-{name}"))
            # every completed run leaves readable datasets, even one that read nothing: an empty
            # input gives `pd.read_parquet(OUT/events)` 0 rows with the schema, not FileNotFoundError
            self.store.ensure_datasets()
            self.abort()

    def abort(self) -> None:
        """Forget everything staged by this run."""
        fs = self.store.fs
        if fs.exists(self.folder):
            fs.rm(self.folder, recursive=True)
        run_folder = self.folder.rsplit("/", 1)[0]
        for folder in (run_folder, self.store.path(STAGING)):  # the run's, then the root's, if empty
            if fs.exists(folder) and not fs.ls(folder, detail=False):
                fs.rm(folder, recursive=True)

    def _plan_incidents(self) -> IncidentUpdate | None:
        """The incidents the staged events make or change; None when no events were staged."""
        extracted = self._staged_buckets("extracted")
        if not extracted:
            return None
        staged = [self._read_staged("events", b) for b in self._staged_buckets("events")]
        events = _last_per_key(
            upgrade(pa.concat_tables(staged), EVENT_SCHEMA) if staged else EVENT_SCHEMA.empty_table(),
            "event_id",
        )
        articles = {
            a for b in extracted for a in self._read_staged("extracted", b).column("article_id").to_pylist()
        }
        return plan_incidents(self.store, events, articles, self.merging)

    def _merge_events(self, update: IncidentUpdate) -> float:
        """Merge every staged events bucket, and rewrite those whose stored events change incident;
        returns the seconds spent on buckets rewritten only for that."""
        replaced_by_bucket = {
            b: self._read_staged("extracted", b).column("article_id")
            for b in self._staged_buckets("extracted")
        }
        changed = {f"bucket-{bucket_of(a):02d}" for a in update.stored_articles.values()}
        nothing = pa.chunked_array([], pa.string())
        ids = {**update.stored_changes, **update.incident_of_event}
        only_for_incidents = 0.0
        for bucket in sorted(set(replaced_by_bucket) | changed):
            clock = time.monotonic()
            replaced = replaced_by_bucket.get(bucket, nothing)
            self._merge("events", bucket, replace_ids=replaced, incident_ids=ids)
            if bucket not in replaced_by_bucket:
                only_for_incidents += time.monotonic() - clock
        return only_for_incidents

    def _write_incidents(self, update: IncidentUpdate) -> None:
        """Rewrite each touched incident folder: its stored rows minus the replaced ones, plus the new."""
        fresh: dict[str, list[Incident]] = {p: [] for p in update.partitions}
        for row in update.rows:
            fresh[partition_of(row.event_type, row.date_earliest)].append(row)
        dropped = pa.array(sorted(update.replaced | {r.incident_id for r in update.rows}), pa.string())
        for partition, rows in sorted(fresh.items()):
            final = self.store.path("incidents", partition, PART_NAME)
            parts = [to_table(rows, INCIDENT_SCHEMA)]
            if self.store.fs.exists(final):
                stored = upgrade(pq.read_table(final, filesystem=self.store.fs), INCIDENT_SCHEMA)
                parts.insert(
                    0, stored.filter(pc.invert(pc.is_in(stored.column("incident_id"), value_set=dropped)))
                )
            merged = (
                pa.concat_tables(parts)
                .sort_by(SORT_KEYS["incidents"])
                .replace_schema_metadata(INCIDENT_SCHEMA.metadata)
            )
            validate(merged, INCIDENT_SCHEMA)
            self.store.write_file(merged, final)

    def _stage_by_bucket(self, name: str, table: pa.Table) -> None:
        if not len(table):
            return
        buckets = pa.array([bucket_of(a) for a in table.column("article_id").to_pylist()], pa.int32())
        for bucket in sorted(set(buckets.to_pylist())):
            self._write(name, f"bucket-{bucket:02d}", table.filter(pc.equal(buckets, bucket)))

    def _write(self, name: str, bucket: str, table: pa.Table) -> None:
        # unique across processes (tasks on Dask workers share the writer), ordered by time
        final = f"{self.folder}/{name}/{bucket}/{time.time_ns():020d}-{uuid.uuid4().hex[:8]}.parquet"
        self.store.write_file(table, final)

    def _staged_buckets(self, name: str) -> list[str]:
        folder = f"{self.folder}/{name}"
        if not self.store.fs.exists(folder):
            return []
        return sorted(p.rstrip("/").rsplit("/", 1)[-1] for p in self.store.fs.ls(folder, detail=False))

    def _staged_files(self, name: str, bucket: str) -> list[str]:
        folder = f"{self.folder}/{name}/{bucket}"
        if not self.store.fs.exists(folder):
            return []
        files = self.store.fs.ls(folder, detail=False)
        return sorted(p for p in files if p.rsplit("/", 1)[-1][0] not in "._")

    def _read_staged(self, name: str, bucket: str) -> pa.Table:
        tables = [pq.read_table(p, filesystem=self.store.fs) for p in self._staged_files(name, bucket)]
        return pa.concat_tables(tables)

    def _merge(
        self,
        name: str,
        bucket: str,
        replace_ids: pa.ChunkedArray | None,
        incident_ids: Mapping[str, str] | None = None,
    ) -> None:
        """Rewrite one bucket file: stored rows minus replaced articles, plus the staged rows;
        events named in `incident_ids` take that incident."""
        schema = SCHEMAS[name]
        staged = (
            upgrade(self._read_staged(name, bucket), schema) if self._staged_files(name, bucket) else None
        )
        final = self.store.path(name, bucket, PART_NAME)
        keep_from_staged = staged if staged is not None else schema.empty_table()
        if replace_ids is None:
            replace_ids = keep_from_staged.column("article_id")
        key = "article_id" if name == "articles" else "event_id"
        fresh = _last_per_key(keep_from_staged, key)
        parts = [fresh]
        if self.store.fs.exists(final):
            stored = upgrade(pq.read_table(final, filesystem=self.store.fs), schema)
            mask = pc.invert(pc.is_in(stored.column("article_id"), value_set=replace_ids.combine_chunks()))
            parts.insert(0, stored.filter(mask))
        merged = pa.concat_tables(parts).sort_by(SORT_KEYS[name]).replace_schema_metadata(schema.metadata)
        if incident_ids:
            merged = _with_incidents(merged, incident_ids)
        validate(merged, schema)
        self.store.write_file(merged, final)


def _with_incidents(events: pa.Table, incident_ids: Mapping[str, str]) -> pa.Table:
    """`events` with `incident_id` set from `incident_ids` where it names the event."""
    current = events.column("incident_id").to_pylist()
    ids = [
        incident_ids.get(e, c) for e, c in zip(events.column("event_id").to_pylist(), current, strict=True)
    ]
    index = events.schema.get_field_index("incident_id")
    return events.set_column(index, events.schema.field(index), pa.array(ids, pa.string()))


def _last_per_key(table: pa.Table, key: str) -> pa.Table:
    """Rows of `table` with one row per `key`, the last staged one winning."""
    last = {value: index for index, value in enumerate(table.column(key).to_pylist())}
    if len(last) == len(table):
        return table
    return table.take(pa.array(sorted(last.values()), pa.int64()))


def _create_exclusive(fs: fsspec.AbstractFileSystem, path: str, content: bytes) -> bool:
    """Create `path` with `content` only if absent; False if it exists.

    Local files are written whole under a `_tmp-` name, then hard-linked into place (atomic and
    exclusive), so a run killed while taking the lock never leaves a lock without a holder.
    """
    if isinstance(fs, LocalFileSystem):
        staged = os.path.join(os.path.dirname(path), f"_tmp-lock-{uuid.uuid4().hex}")
        with open(staged, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.link(staged, path)
        except (FileExistsError, FileNotFoundError):  # taken, or the holder swept our staged copy
            return False
        finally:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(staged)
        return True
    try:
        with fs.open(path, "xb") as handle:
            handle.write(content)
        return True
    except FileExistsError:
        return False
    except (ValueError, NotImplementedError):  # no exclusive create on this backend: check, then write
        if fs.exists(path):
            return False
        with fs.open(path, "wb") as handle:
            handle.write(content)
        return True


def _is_dead_local(holder: dict[str, Any]) -> bool:
    """True when the lock names a process of this host that no longer exists."""
    if holder.get("host") != socket.gethostname() or not isinstance(holder.get("pid"), int):
        return False
    try:
        os.kill(holder["pid"], 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


def replace_run_id(records: Iterable[Any], run_id: str) -> list[Any]:
    """Records stamped with the run that wrote them."""
    return [dataclasses.replace(r, run_id=run_id) for r in records]


def write_batch(
    out: str, *, run_id: str, articles: Sequence[Article] = (), rejects: Sequence[Reject] = ()
) -> None:
    """Commit a batch of articles and rejects at once (for the ingest flow): one lock, stage, merge."""
    store = Store(out)
    with store.lock(run_id):
        writer = store.stage(run_id)
        if articles:
            writer.add_articles(replace_run_id(articles, run_id))
        writer.add_rejects(replace_run_id(rejects, run_id))
        writer.commit()


def iter_articles(out: str, run_id: str | None = None, batch_size: int = 256) -> Iterator[list[Article]]:
    """Stored articles of `out` in batches, optionally only those of `run_id`."""
    return Store(out).iter_articles(run_id=run_id, batch_size=batch_size)


def read_column(out: str, dataset: str, columns: Sequence[str]) -> pa.Table:
    """Some columns of a dataset of `out` (e.g. seen `url`, `content_hash` for dedup)."""
    return Store(out).read_table(dataset, columns)
