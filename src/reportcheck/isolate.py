"""Each file's reading and checking where its failure is its own (issue 21).

A batch reads files it did not write. Whatever one of them does — raise, crash a C
library, loop, eat memory — must end as that file's one-line result and leave every other
file checked. Three places:

- **worker processes** (:class:`Workers`, a batch over several cores): each file is read
  and checked in a forked worker under an address-space limit (``RLIMIT_AS``, the
  ``max-memory`` setting) and watched from here against a wall-clock limit (``timeout``).
  A file over its time has its worker killed; a worker that dies (a signal, the memory
  limit in C code) is replaced; the file it was on gets the result that says why, and the
  files it had not started yet go to the other workers.
- **one child process** (:func:`call`): the PDF reader (PDFium, C code that expands what a
  page draws) runs in a child under the same limits even for a single file checked
  in-process. In a worker (already limited) it runs directly.
- **in-process** (:func:`guarded`): a file checked in this process (a run of a few files)
  has its exceptions caught; ``MemoryError`` is "out of memory", and on the main thread a
  timer (``SIGALRM``) stops Python code that runs past the time limit.

A failure is an :class:`~reportcheck.errors.InputError` (exit 2, one line naming the file):
「超出时间」 / timed out, 「超出内存」 / out of memory, 「内部错误」 / internal error.

Workers and children never outlive this process: they ignore Ctrl-C (the parent stops
them), die with it (``PR_SET_PDEATHSIG`` on Linux) and, waiting for work, check that their
parent is still there.
"""

from __future__ import annotations

import contextlib
import functools
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING, Any, TypeVar

from reportcheck.errors import InputError

if TYPE_CHECKING:
    from multiprocessing.connection import Connection

MAX_MEMORY_MB = 1024
"""Address space of a process reading one file (MB): Python and the program take about
250 MB of it; the largest real report needs another 100."""
TIMEOUT = 10.0
"""Seconds to read and check one file (the slowest real report takes under one)."""

T = TypeVar("T")
R = TypeVar("R")

_LIMITED = False
"""True in a worker or child process: limits are in force, nothing more to fork."""

CAN_FORK = hasattr(os, "fork") and sys.platform != "win32"


# ------------------------------------------------------------------ the results


def timed_out(path: str, seconds: float) -> InputError:
    return InputError(
        path,
        f"超出时间：读取和检查超过 {seconds:g} 秒，已停止（上限可用 --timeout 调整）",
        f"timed out: reading and checking took over {seconds:g} s and was stopped (limit: "
        "--timeout)",
    )


def out_of_memory(path: str, megabytes: int) -> InputError:
    return InputError(
        path,
        f"超出内存：读取和检查需要超过 {megabytes} MB，已停止（上限可用 --max-memory 调整）",
        f"out of memory: reading and checking needed over {megabytes} MB and was stopped "
        "(limit: --max-memory)",
    )


def internal_error(path: str, what: str) -> InputError:
    what = what[:300]
    return InputError(
        path,
        f"内部错误：{what}（请报告此问题；其他文件照常检查）",
        f"internal error: {what} (please report it; the other files are checked as usual)",
    )


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def _died(path: str, status: int, maxrss_kb: int, megabytes: int) -> InputError:
    """The result of a file whose process ended without answering."""
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
        # C code that cannot allocate aborts (PDFium); the kernel's OOM killer sends
        # SIGKILL: a process that got near its limit ran out of memory
        if maxrss_kb * 1024 >= megabytes * 1024 * 1024 // 2:
            return out_of_memory(path, megabytes)
        return internal_error(path, f"the reading process crashed ({_signal_name(sig)})")
    return internal_error(
        path, f"the reading process ended (exit {os.waitstatus_to_exitcode(status)})"
    )


# ------------------------------------------------------------------ a child's set-up


def _libc_prctl() -> Callable[..., int] | None:
    if not sys.platform.startswith("linux"):
        return None
    import ctypes  # Linux workers only (prctl)

    try:
        libc = ctypes.CDLL(None, use_errno=True)
        prctl: Callable[..., int] = libc.prctl
    except (OSError, AttributeError):
        return None
    return prctl


_PR_SET_PDEATHSIG = 1


def _child_setup(parent: int, megabytes: int) -> None:
    """In a fresh child: no Ctrl-C of its own, die with the parent, the memory limit."""
    global _LIMITED
    _LIMITED = True
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops its children
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if "faulthandler" in sys.modules:  # C code that aborts (out of memory) says so here
        sys.modules["faulthandler"].disable()
    prctl = _libc_prctl()
    if prctl is not None:
        prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)
    global _INHERITED
    _INHERITED = _address_space()
    set_memory(megabytes)


_INHERITED = 0
"""Bytes of address space a forked child had from its parent (its libraries and heap,
shared until written): the limit is what the child may add to it. A parent that has
loaded big libraries (OpenCV alone maps some 400 MB) leaves its children the same room."""


def _address_space() -> int:
    """This process's address space in bytes (0 where it cannot be read)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError, AttributeError):
        return 0


def set_memory(megabytes: int) -> None:
    """Limit this process's address space to ``megabytes`` beyond what it had from its
    parent when forked (no-op where unsupported)."""
    try:
        import resource  # a worker or PDF child only

        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        soft = _INHERITED + megabytes * 1024 * 1024
        if hard != resource.RLIM_INFINITY:
            soft = min(soft, hard)
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
    except (ImportError, ValueError, OSError):
        pass


def _fork(megabytes: int) -> tuple[int, Connection]:
    """Fork a child set up by :func:`_child_setup`: (pid, this side's connection); in the
    child, pid is 0 and the connection is the child's side."""
    from multiprocessing import Pipe  # a batch or PDF only (~15 ms)

    ours, theirs = Pipe(duplex=True)
    parent = os.getpid()
    # Ctrl-C held back over the fork: a child interrupted before it ignores it would run on
    # as a copy of the parent (its cleanup, its exit); the parent takes it just after
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        pid = os.fork()
    except BaseException:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        raise
    if pid == 0:
        try:
            ours.close()
            _child_setup(parent, megabytes)  # Ctrl-C ignored from here
            signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
        except BaseException:
            os._exit(1)
        return 0, theirs
    signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    theirs.close()
    return pid, ours


def _reap(pid: int, block: bool = True) -> tuple[int, int] | None:
    """(status, peak resident KB) of a finished child; None if it has not finished."""
    try:
        got, status, usage = os.wait4(pid, 0 if block else os.WNOHANG)
    except ChildProcessError:
        return 0, 0
    if got == 0:
        return None
    return status, usage.ru_maxrss


def _kill(pid: int) -> tuple[int, int]:
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    got = _reap(pid)
    assert got is not None
    return got


def _answer(conn: Connection, func: Callable[[], object]) -> None:
    """Run ``func`` and send what came of it: ("ok", value), ("input", InputError),
    ("memory", None) or ("internal", text)."""
    try:
        reply: tuple[str, object] = ("ok", func())
    except InputError as err:
        reply = ("input", err)
    except MemoryError:
        reply = ("memory", None)
    except RecursionError:
        reply = ("internal", "RecursionError")
    except Exception as exc:
        reply = ("internal", f"{type(exc).__name__}: {exc}")
    try:
        conn.send(reply)
    except MemoryError:
        conn.send(("memory", None))
    except Exception as exc:  # a value that cannot be pickled
        conn.send(("internal", f"{type(exc).__name__}: {exc}"))


def _outcome(path: str, kind: str, value: object, megabytes: int) -> object:
    if kind == "ok":
        return value
    if kind == "input":
        assert isinstance(value, InputError)
        raise value
    if kind == "memory":
        raise out_of_memory(path, megabytes)
    raise internal_error(path, str(value))


# ------------------------------------------------------------------ one call in a child


def call(
    path: str,
    func: Callable[[], T],
    megabytes: int = MAX_MEMORY_MB,
    timeout: float = TIMEOUT,
) -> T:
    """``func()`` in a forked child under the limits; its value (pickled back), or the
    :class:`InputError` it raised or that says why it did not finish. In a worker or a
    child already limited, or where there is no fork, ``func()`` runs here."""
    if _LIMITED or not CAN_FORK:
        return func()
    global _CALL_CONN
    pid, conn = _fork(megabytes)
    if pid == 0:
        try:
            _CALL_CONN = conn
            _answer(conn, func)
        finally:
            os._exit(0)
    try:
        deadline = time.monotonic() + timeout
        allowed = timeout
        while True:
            if not conn.poll(max(0.0, deadline - time.monotonic())):
                _kill(pid)
                raise timed_out(path, allowed)
            try:
                kind, value = conn.recv()
            except (EOFError, OSError):
                status, rss = _reap(pid) or (0, 0)
                raise _died(path, status, rss, megabytes) from None
            if kind != "more":
                break
            extra = min(float(value), MAX_MORE_SECONDS)
            deadline += extra
            allowed += extra
            _extend_alarm(extra)
        _reap(pid)
    except BaseException:
        _kill(pid)
        raise
    finally:
        conn.close()
    return _outcome(path, kind, value, megabytes)  # type: ignore[return-value]


MAX_MORE_SECONDS = 600.0
"""The most time a child may ask for beyond its limit (:func:`more`)."""
_CALL_CONN: Connection | None = None
"""In a child of :func:`call`: its connection to the parent."""


def _extend_alarm(seconds: float) -> None:
    """The in-process timer of :func:`guarded` (when running) given ``seconds`` more."""
    try:
        left = signal.getitimer(signal.ITIMER_REAL)[0]
        if left > 0:
            signal.setitimer(signal.ITIMER_REAL, left + seconds)
    except (AttributeError, ValueError, OSError):  # no timers here (Windows), not main thread
        pass


def more(seconds: float, megabytes: int) -> None:
    """Called by a reader that has just learnt it has slow, costly work ahead (text
    recognition of scanned pages): in a child of :func:`call`, the parent gives it
    ``seconds`` more (at most :data:`MAX_MORE_SECONDS`), and the address-space limit is
    raised to ``megabytes`` when lower (the recognition model and its threads need it).
    In a batch worker the same: its parent gives the task more time, and the worker keeps
    the larger address space for the files after it. In this process (no child: a library
    call where fork is missing) only the in-process timer of :func:`guarded` is extended."""
    if _CALL_CONN is None:
        _extend_alarm(min(seconds, MAX_MORE_SECONDS))
    else:
        _CALL_CONN.send(("more", seconds))
    try:
        import resource

        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        want = _INHERITED + megabytes * 1024 * 1024
        if soft != resource.RLIM_INFINITY and soft < want:
            resource.setrlimit(
                resource.RLIMIT_AS,
                (want if hard == resource.RLIM_INFINITY else min(want, hard), hard),
            )
    except (ImportError, ValueError, OSError):
        pass


# ------------------------------------------------------------------ in this process


class _Alarm(BaseException):
    """Raised by the timer into the code that ran past its time (not an Exception: the
    code's own ``except Exception`` does not swallow it)."""


def _on_alarm(signum: int, frame: object) -> None:
    raise _Alarm


def guarded(path: str, func: Callable[[], T], timeout: float = TIMEOUT) -> T:
    """``func()`` here, its failures turned into this file's :class:`InputError` (an
    exception: internal error; MemoryError: out of memory; on the main thread, over
    ``timeout`` seconds of Python code: timed out)."""
    timer = (
        timeout > 0
        and hasattr(signal, "setitimer")  # not on Windows
        and threading.current_thread() is threading.main_thread()
    )
    previous: Any = None
    if timer:
        previous = signal.signal(signal.SIGALRM, _on_alarm)
        signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return func()
    except InputError:
        raise
    except _Alarm:
        raise timed_out(path, timeout) from None
    except MemoryError:
        raise out_of_memory(path, 0) from None
    except RecursionError:
        raise internal_error(path, "RecursionError") from None
    except Exception as exc:
        raise internal_error(path, f"{type(exc).__name__}: {exc}") from None
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)


# ------------------------------------------------------------------ worker processes


class _Worker:
    __slots__ = ("conn", "megabytes", "pid", "since", "tasks")

    def __init__(self, pid: int, conn: Connection, megabytes: int) -> None:
        self.pid = pid
        self.conn = conn
        self.megabytes = megabytes
        self.tasks: deque[Any] = deque()
        """Tasks sent and not answered yet; the first is the one being worked on."""
        self.since = 0.0
        """When the first task was started (monotonic)."""


def _serve(conn: Connection, func: Callable[[Any], Any], parent: int) -> None:
    """A worker's loop: a list of tasks in, one answer per task out, until None or EOF."""
    global _CALL_CONN
    _CALL_CONN = conn  # (a task asking for more time says so on it: :func:`more`)
    while True:
        while not conn.poll(1.0):
            if os.getppid() != parent:  # orphaned (no PR_SET_PDEATHSIG here)
                return
        try:
            tasks = conn.recv()
        except (EOFError, OSError):
            return
        if tasks is None:
            return
        for task in tasks:
            _answer(conn, functools.partial(func, task))


class Workers:
    """Worker processes that run ``func`` on tasks, each task under the limits.

    ``name(task)`` is the file a task is about (for its result), ``limits(task)`` its
    (megabytes, seconds). :meth:`run` yields ``(task, value)`` for every task, in the
    order they finish; ``value`` is what ``func`` returned or the :class:`InputError`
    that stands for its failure.
    """

    def __init__(
        self,
        jobs: int,
        func: Callable[[Any], Any],
        name: Callable[[Any], str],
        limits: Callable[[Any], tuple[int, float]],
        setup: Callable[[], None] | None = None,
        chunk: int = 1,
    ) -> None:
        self.jobs = jobs
        self.func = func
        self.name = name
        self.limits = limits
        self.setup = setup
        self.chunk = max(1, chunk)
        self.workers: list[_Worker] = []
        self.started = 0
        """Worker processes started (more than ``jobs`` when some were replaced)."""

    def _start(self, megabytes: int) -> _Worker:
        pid, conn = _fork(megabytes)
        if pid == 0:
            code = 0
            try:
                for w in self.workers:  # the other workers' pipes are not this one's
                    w.conn.close()
                if self.setup is not None:
                    self.setup()
                _serve(conn, self.func, os.getppid())
            except BaseException:
                code = 1
            finally:
                os._exit(code)
        self.started += 1
        worker = _Worker(pid, conn, megabytes)
        self.workers.append(worker)
        return worker

    def _drop(self, worker: _Worker, kill: bool) -> tuple[int, int]:
        self.workers.remove(worker)
        worker.conn.close()
        if kill:
            return _kill(worker.pid)
        return _reap(worker.pid) or (0, 0)

    def close(self) -> None:
        """Stop every worker (after the work, on Ctrl-C, on an error here)."""
        for w in list(self.workers):
            self._drop(w, kill=True)

    def run(self, tasks: Iterable[Any]) -> Iterator[tuple[Any, Any]]:
        from multiprocessing.connection import wait  # see _fork

        todo: deque[Any] = deque()
        source = iter(tasks)
        exhausted = False
        try:
            while True:
                # hand out work: each idle worker gets up to ``chunk`` tasks
                idle = [w for w in self.workers if not w.tasks]
                while not exhausted and len(todo) < self.chunk * self.jobs:
                    try:
                        todo.append(next(source))
                    except StopIteration:
                        exhausted = True
                if not todo and not any(w.tasks for w in self.workers):
                    return
                while todo and len(self.workers) < self.jobs:
                    idle.append(self._start(self.limits(todo[0])[0]))
                for w in idle:
                    if not todo:
                        break
                    batch = [todo.popleft() for _ in range(min(self.chunk, len(todo)))]
                    w.tasks.extend(batch)
                    w.since = time.monotonic()
                    with contextlib.suppress(OSError):  # it died: seen below
                        w.conn.send(batch)
                busy = [w for w in self.workers if w.tasks]
                now = time.monotonic()
                wait_for = min(self.limits(w.tasks[0])[1] - (now - w.since) for w in busy)
                ready = wait([w.conn for w in busy], timeout=max(0.0, wait_for))
                now = time.monotonic()
                for w in busy:
                    if w.conn in ready:
                        try:
                            kind, value = w.conn.recv()
                        except (EOFError, OSError):
                            status, rss = self._drop(w, kill=False)
                            task = w.tasks.popleft()
                            todo.extendleft(reversed(w.tasks))
                            yield task, _died(self.name(task), status, rss, w.megabytes)
                            continue
                        if kind == "more":  # the task has slow work ahead: its time grows
                            w.since += min(float(value), MAX_MORE_SECONDS)
                            continue
                        task = w.tasks.popleft()
                        w.since = now
                        megabytes = self.limits(task)[0]
                        try:
                            yield task, _outcome(self.name(task), kind, value, megabytes)
                        except InputError as err:
                            yield task, err
                        if kind == "memory":  # what is left of it after a MemoryError
                            todo.extendleft(reversed(w.tasks))
                            self._drop(w, kill=True)
                    else:
                        seconds = self.limits(w.tasks[0])[1]
                        if now - w.since >= seconds:
                            self._drop(w, kill=True)
                            task = w.tasks.popleft()
                            todo.extendleft(reversed(w.tasks))
                            yield task, timed_out(self.name(task), seconds)
        finally:
            self.close()
