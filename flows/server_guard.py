"""Run a Python module (a Prefect API server) that ends when the process that started it ends.

    python -m flows.server_guard PARENT_PID MODULE [ARGS ...]

runs `python -m MODULE ARGS ...` in this very process, with a watchdog thread that checks
twice a second whether PARENT_PID is still its parent. When it is not (the parent was killed,
even with SIGKILL, and this process was handed to init), the watchdog sends SIGTERM to this
process's group (this process and anything it started; the server is started as the leader of
its own session) and, if anything is still alive `GRACE_SECONDS` later, SIGKILL. (Linux's
parent-death signal, `prctl(PR_SET_PDEATHSIG)`, is not used: it fires when the *thread* that
started the child ends, which would stop a server started from a short-lived thread.)

`sitrep run`, `sitrep extract` and `sitrep serve --start-server` start their servers this way,
so a sitrep process killed by anything leaves no server behind.
"""

from __future__ import annotations

import contextlib
import os
import runpy
import signal
import sys
import threading
import time

POLL_SECONDS = 0.5
GRACE_SECONDS = 8.0


def _end_group() -> None:
    """SIGTERM this process's group (or only this process, if it leads no group), then SIGKILL."""
    own_group = os.getpgid(0) == os.getpid()
    for sig, pause in ((signal.SIGTERM, GRACE_SECONDS), (signal.SIGKILL, 0.0)):
        with contextlib.suppress(ProcessLookupError):
            if own_group:
                os.killpg(os.getpid(), sig)
            else:
                os.kill(os.getpid(), sig)
        time.sleep(pause)


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(POLL_SECONDS)
    _end_group()


def main(argv: list[str]) -> None:
    if len(argv) < 2 or not argv[0].isdigit():
        sys.exit("usage: python -m flows.server_guard PARENT_PID MODULE [ARGS ...]")
    parent, module = int(argv[0]), argv[1]
    if os.getppid() != parent:  # the parent died before the watch began
        sys.exit(1)
    threading.Thread(target=_watch, args=(parent,), name="sitrep-parent-watch", daemon=True).start()
    sys.argv = [module, *argv[2:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)


def command(module: str, *args: str) -> list[str]:
    """The argv that runs `python -m module args` guarded by this process's life."""
    return [sys.executable, "-m", "flows.server_guard", str(os.getpid()), module, *args]


if __name__ == "__main__":
    main(sys.argv[1:])
