"""`sitrep serve`: the pipeline flow served as two Prefect deployments of the same flow.

- `sitrep-pipeline/nightly`: on a schedule, by default the cron `0 2 * * *` in an explicit
  timezone (default UTC), both taken from the config and overridable on the command line;
- `sitrep-pipeline/adhoc`: no schedule, for `prefect deployment run 'sitrep-pipeline/adhoc'`.

Schedules are turned into flow runs by the Prefect server's scheduler service, and this
process executes them (Prefect's `serve`). In ephemeral mode (no server) a schedule never
fires, so serving needs a real API: `PREFECT_API_URL` (environment or Prefect profile), or
`--start-server`, which runs `prefect server start` on 127.0.0.1 as a child process for as
long as this command runs.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import signal
import socket
import subprocess
import sys
import time
import zoneinfo
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import httpx

# What `sitrep serve --help` says.
DESCRIPTION = """\
Keep the pipeline available as two Prefect deployments, executed by this process until you stop
it (Ctrl-C or SIGTERM): `sitrep-pipeline/nightly` runs on the configured schedule (default
02:00 UTC), `sitrep-pipeline/adhoc` whenever you trigger it. Schedules need a Prefect server:
set PREFECT_API_URL to yours, or pass --start-server to run one for as long as this runs."""
EXAMPLES = """\
examples:
  sitrep serve --start-server
  sitrep serve --config my.toml --cron "30 3 * * *" --timezone Europe/Berlin
  PREFECT_API_URL=http://127.0.0.1:4200/api sitrep serve --config my.toml
then, from another shell with the same PREFECT_API_URL:
  prefect deployment run 'sitrep-pipeline/adhoc'"""

NIGHTLY = "nightly"
ADHOC = "adhoc"
DEFAULT_PORT = 4200
SERVER_ENV = {"DO_NOT_TRACK": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}


class ServeError(RuntimeError):
    """`sitrep serve` cannot start: no API, bad schedule, server not healthy."""


@dataclass(frozen=True)
class ScheduleSpec:
    """When the nightly deployment runs: a cron, or (for tests and demos) an interval in seconds."""

    cron: str = "0 2 * * *"
    timezone: str = "UTC"
    interval_seconds: float | None = None

    def to_schedule(self) -> Any:
        """The Prefect schedule; ServeError for an unknown timezone, a bad cron or interval."""
        from prefect.schedules import Cron, Interval

        try:
            zoneinfo.ZoneInfo(self.timezone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError) as exc:
            raise ServeError(f"unknown timezone {self.timezone!r} (use an IANA name such as UTC)") from exc
        if self.interval_seconds is not None:
            if self.interval_seconds <= 0:
                raise ServeError(f"interval must be positive seconds, got {self.interval_seconds}")
            return Interval(dt.timedelta(seconds=self.interval_seconds), timezone=self.timezone)
        try:
            return Cron(self.cron, timezone=self.timezone)
        except ValueError as exc:
            raise ServeError(f"bad cron expression {self.cron!r}: {exc}") from exc

    def describe(self) -> str:
        when = f"every {self.interval_seconds:g} s" if self.interval_seconds is not None else self.cron
        return f"{when} ({self.timezone})"


def build_deployments(flow: Any, spec: ScheduleSpec, parameters: dict[str, Any]) -> list[Any]:
    """The nightly (scheduled) and adhoc (unscheduled) deployments of one flow, same parameters."""
    from prefect.types.entrypoint import EntrypointType

    # a module entrypoint: runs import the installed package, whatever directory serve starts in
    common: dict[str, Any] = {
        "parameters": parameters,
        "tags": ["sitrep"],
        "entrypoint_type": EntrypointType.MODULE_PATH,
    }
    return [
        flow.to_deployment(
            NIGHTLY,
            schedules=[spec.to_schedule()],
            description=f"sitrep pipeline on a schedule: {spec.describe()}",
            **common,
        ),
        flow.to_deployment(ADHOC, description="sitrep pipeline, run on demand", **common),
    ]


# ---- a local Prefect server ------------------------------------------------------------------


def wait_healthy(
    api_url: str, process: subprocess.Popen[bytes] | None = None, timeout: float = 90, poll: float = 0.5
) -> None:
    """Poll `<api>/health` until it answers; ServeError if the process dies or time runs out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise ServeError(f"prefect server exited with code {process.returncode} before it was healthy")
        with contextlib.suppress(httpx.HTTPError):
            if httpx.get(f"{api_url}/health", timeout=2).status_code == 200:
                return
        time.sleep(poll)
    raise ServeError(f"prefect server at {api_url} not healthy after {timeout:g} s")


def stop_process_group(process: subprocess.Popen[bytes], grace: float = 15) -> None:
    """SIGTERM the process group led by `process`, SIGKILL it after `grace` seconds."""
    for sig, wait in ((signal.SIGTERM, grace), (signal.SIGKILL, 5)):
        if process.poll() is not None:
            break
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, sig)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(wait)
    with contextlib.suppress(ProcessLookupError):  # children left behind by a dead leader
        os.killpg(process.pid, signal.SIGKILL)


@contextlib.contextmanager
def local_server(port: int, *, log: IO[bytes] | None = None, timeout: float = 90) -> Iterator[str]:
    """Run `prefect server start` on 127.0.0.1:`port` in its own process group; yield its API URL.

    The server is stopped (whole process group, bounded wait) when the block exits.
    """
    from flows.server_guard import command as guarded

    env = {**os.environ, **SERVER_ENV}
    env.pop("PREFECT_API_URL", None)  # the server must not try to reach another server
    # guarded: the server ends when this process does, even when this one is killed with SIGKILL
    command = guarded("prefect", "server", "start", "--host", "127.0.0.1", "--port", str(port))
    process = subprocess.Popen(
        command,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT if log else None,
        stdin=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        api_url = f"http://127.0.0.1:{port}/api"
        wait_healthy(api_url, process, timeout)
        yield api_url
    finally:
        stop_process_group(process)


# Prefect's flags for its own temporary server: no UI, no background services.
TEMPORARY_SERVER_ENV = {**SERVER_ENV, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1"}


class TemporaryServer:
    """The Prefect API of one `sitrep run` when none is configured, started as early as possible.

    Without an API, Prefect starts a temporary server itself, but only at the flow call: after
    the run has imported its modules and loaded the model, so the two waits (~6 s each here) add
    up. Started here, the server boots while the run gets ready. With `PREFECT_API_URL` set in
    the environment nothing is started; set in a Prefect profile, the server started on
    speculation is stopped at once; either way the configured server is used.
    """

    def __init__(self) -> None:
        from flows.server_guard import command as guarded

        self.process: subprocess.Popen[bytes] | None = None
        self.configured: str | None = os.environ.get("PREFECT_API_URL") or None
        if self.configured:
            return
        # started before Prefect's settings are read (~1 s to import), so it boots meanwhile
        self.port = free_port()
        env = {**os.environ, **TEMPORARY_SERVER_ENV}
        # guarded: the server ends when this process does, even when this one is killed with SIGKILL
        command = guarded(
            "uvicorn",
            "--factory",
            "prefect.server.api.server:create_app",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--log-level",
            "error",
            "--lifespan",
            "on",
        )
        self.process = subprocess.Popen(command, env=env, stdin=subprocess.DEVNULL, start_new_session=True)
        try:
            from prefect.settings import PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED

            configured = PREFECT_API_URL.value() or not PREFECT_SERVER_EPHEMERAL_ENABLED.value()
        except BaseException:
            self.stop()
            raise
        if configured:
            # a Prefect profile names a server: use that one; this one is still importing its
            # modules (~4 s), long before it would open its database
            self.configured = PREFECT_API_URL.value() or None
            self.stop()

    def check_configured(self) -> None:
        """ServeError at once when a configured Prefect API does not answer (the API-URL trap:
        `prefect config set PREFECT_API_URL=...` left behind by a server that has since stopped)."""
        if self.configured and not _answers(self.configured, timeout=5):
            raise ServeError(unreachable_api_message(self.configured))

    @contextlib.contextmanager
    def in_use(self, timeout: float = 90) -> Iterator[None]:
        """Wait until the server answers and point Prefect at it inside the block.

        If it never answers (port taken, broken install), Prefect's own temporary server is
        used instead, and says what is wrong if it fails too.
        """
        if self.process is None:
            yield
            return
        from prefect.settings import PREFECT_API_URL, PREFECT_UI_URL, temporary_settings

        api_url = f"http://127.0.0.1:{self.port}/api"
        try:
            wait_healthy(api_url, self.process, timeout, poll=0.1)
        except ServeError:
            self.stop()
            yield
            return
        # no UI is served: no "View at" links to it
        with temporary_settings(updates={PREFECT_API_URL: api_url, PREFECT_UI_URL: ""}):
            try:
                yield
            finally:
                send_pending_logs_and_events()

    def stop(self) -> None:
        if self.process is not None:
            stop_process_group(self.process, grace=5)
            self.process = None


def send_pending_logs_and_events(timeout: float = 5) -> None:
    """Block until Prefect's background workers have sent their queues, so that a server about
    to stop is not retried for a minute at exit (as Prefect's test harness does before it stops)."""
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for worker in (APILogWorker, EventsWorker):
        with contextlib.suppress(Exception):  # a worker never started has nothing to send
            worker.drain_all(timeout=timeout)


def unreachable_api_message(api_url: str) -> str:
    """Why a command cannot use the configured API, which setting points there, how to change it."""
    if os.environ.get("PREFECT_API_URL"):
        where, unset = "in the environment", "`unset PREFECT_API_URL`"
    else:
        from prefect.context import get_settings_context

        profile = get_settings_context().profile.name
        where = f"in the Prefect profile {profile!r} (`prefect config view`)"
        unset = "`prefect config unset PREFECT_API_URL`"
    return (
        f"no Prefect server answers at {api_url}, where PREFECT_API_URL points ({where}). Start that "
        f"server (e.g. `prefect server start`), or run {unset} so that sitrep starts its own temporary one."
    )


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


# ---- the command -----------------------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", type=Path, help="sitrep TOML config (schedule, timezone, out, input)")
    when = parser.add_mutually_exclusive_group()
    when.add_argument("--cron", help="cron of the nightly deployment (default: the config's [schedule] cron)")
    when.add_argument(
        "--interval",
        type=float,
        metavar="SECONDS",
        help="run the scheduled deployment every SECONDS instead of a cron (tests, demos)",
    )
    parser.add_argument("--timezone", help="IANA timezone of the schedule (default: the config's, else UTC)")
    parser.add_argument(
        "--start-server",
        action="store_true",
        help="when PREFECT_API_URL is not set, run a local Prefect server while serving",
    )
    parser.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help=f"port of the server started by --start-server (default {DEFAULT_PORT})",
    )


def _schedule_from(args: argparse.Namespace) -> ScheduleSpec:
    """The config's `[schedule]` (the sample config without --config), overridden by the options."""
    from flows.config import load_settings

    configured = load_settings(args.config).schedule
    return ScheduleSpec(
        cron=args.cron or configured.cron,
        timezone=args.timezone or configured.timezone,
        interval_seconds=args.interval,
    )


def _serve(spec: ScheduleSpec, parameters: dict[str, Any]) -> None:
    from prefect import serve

    from flows.pipeline import sitrep_pipeline

    deployments = build_deployments(sitrep_pipeline, spec, parameters)
    print(
        f"serving {sitrep_pipeline.name}/{NIGHTLY} ({spec.describe()}) and {sitrep_pipeline.name}/{ADHOC}",
        flush=True,
    )
    # one run at a time: runs share the output root, whose lock would make a second one fail
    serve(*deployments, print_starting_message=False, limit=1)


def _answers(api_url: str, timeout: float = 10) -> bool:
    """Whether anything answers HTTP at the API URL (Prefect Cloud may answer 401: still there)."""
    try:
        httpx.get(f"{api_url}/health", timeout=timeout)
    except httpx.HTTPError:
        return False
    return True


def _raise_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    """Serve until interrupted (Ctrl-C or SIGTERM); 2 on a usage or setup error."""
    from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

    from flows.config import ConfigError

    try:
        spec = _schedule_from(args)
        spec.to_schedule()  # fail on a bad cron/timezone before any server starts
    except (ServeError, ConfigError) as exc:
        print(f"sitrep serve: {exc}", file=sys.stderr)
        return 2
    parameters = {"config": str(args.config.resolve())} if args.config is not None else {}
    _handle_stop_signals()
    api_url = get_current_settings().api.url
    if api_url:
        if not _answers(api_url):
            print(f"sitrep serve: {unreachable_api_message(api_url)}", file=sys.stderr)
            return 1
        if args.start_server:
            print(
                f"sitrep serve: PREFECT_API_URL is set ({api_url}): serving there, no server started",
                file=sys.stderr,
            )
        with contextlib.suppress(KeyboardInterrupt):
            _serve(spec, parameters)
        print("sitrep serve: stopped", flush=True)
        return 0
    if not args.start_server:
        print(
            "sitrep serve: no Prefect API to serve against: schedules only fire on a Prefect server.\n"
            "Set PREFECT_API_URL (e.g. http://127.0.0.1:4200/api after `prefect server start`) "
            "or pass --start-server.",
            file=sys.stderr,
        )
        return 2
    api_url = f"http://127.0.0.1:{args.port}/api"
    try:
        with (
            _server_log() as log,
            local_server(args.port, log=log) as api_url,
            temporary_settings(updates={PREFECT_API_URL: api_url}),
        ):
            print(api_hint(api_url), flush=True)
            _serve(spec, parameters)
    except ServeError as exc:
        print(f"sitrep serve: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    print(f"sitrep serve: stopped; stopped the Prefect server it started at {api_url}", flush=True)
    return 0


def api_hint(api_url: str) -> str:
    """What `sitrep serve --start-server` says about its server: where it is, and how to use it."""
    return (
        f"started a Prefect server: {api_url} (UI: {api_url.removesuffix('/api')}); it stops with this "
        "command.\n"
        "To trigger runs or watch them from a second shell, point that shell (only) at it:\n"
        f"    export PREFECT_API_URL={api_url}\n"
        "    prefect deployment run 'sitrep-pipeline/adhoc'\n"
        "(not `prefect config set PREFECT_API_URL=...`: that would stay in your Prefect profile after this "
        "server stops, and `sitrep run` would then refuse to run until you unset it)"
    )


@contextlib.contextmanager
def _server_log() -> Iterator[IO[bytes]]:
    """The server's own output goes to a file, `$PREFECT_HOME/sitrep-server.log`, not the terminal
    (its banner advises `prefect config set PREFECT_API_URL=...`, a trap once the server stops)."""
    from prefect.settings import PREFECT_HOME

    home = Path(PREFECT_HOME.value())
    home.mkdir(parents=True, exist_ok=True)
    with (home / "sitrep-server.log").open("ab") as log:
        yield log


def _handle_stop_signals() -> None:
    """Ctrl-C and SIGTERM both stop `serve`, even when it was started as a background job of a
    script (the shell starts those with SIGINT ignored). Prefect's runner replaces the SIGTERM
    handler with its own graceful stop while it serves."""
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, _raise_interrupt)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="sitrep serve",
        description=DESCRIPTION,
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_arguments(parser)
    return run(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
