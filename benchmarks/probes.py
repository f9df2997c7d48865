"""What a benchmark phase measures besides time: memory, CPU, and the machine.

Linux only (``/proc``); elsewhere the probes return what they can and ``None``
for the rest, so a phase never fails for want of them.

* :class:`TreeSampler` follows the phase's own process *and every descendant*
  (the sync's process pool uses the ``forkserver`` start method: its workers are
  children of the fork server, not of the phase, so ``RUSAGE_CHILDREN`` never
  sees them). It reads each process's peak RSS (``VmHWM``), the concurrent sum
  of RSS, and CPU time, a few times a second.
* :func:`cpu_times` / :func:`busy_fractions` read ``/proc/stat``, to show how
  busy each core was during a phase (other people's work included: it is the
  whole machine).
"""

from __future__ import annotations

import os
import platform
import resource
import shutil
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

__all__ = [
    "TreeSampler",
    "busy_fractions",
    "cpu_times",
    "evict_files",
    "loadavg",
    "machine",
    "peak_rss_mb",
    "warm_files",
]

_PROC = Path("/proc")
_PAGE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
MB = 1024 * 1024


def _own_peak_kib() -> int:
    """This process's peak RSS in KiB: ``VmHWM``, else ``ru_maxrss``.

    Not ``ru_maxrss`` first: Linux keeps it across ``fork`` and ``exec``, so a
    phase started by the runner would report at least the runner's own peak.
    """
    status = _read(_PROC / "self" / "status")
    if status is not None:
        kib = _status_kib(status, "VmHWM:")
        if kib:
            return kib
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def peak_rss_mb() -> float:
    """This process's peak resident set size so far, in MiB (see :func:`_own_peak_kib`)."""
    return round(_own_peak_kib() / 1024, 1)


def loadavg() -> list[float] | None:
    """The 1, 5 and 15 minute load averages."""
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def cpu_times() -> dict[str, tuple[int, int]]:
    """``{"cpu0": (busy, total), ...}`` in clock ticks since boot, from ``/proc/stat``."""
    result: dict[str, tuple[int, int]] = {}
    try:
        text = (_PROC / "stat").read_text()
    except OSError:
        return result
    for line in text.splitlines():
        if not line.startswith("cpu"):
            continue
        name, *values = line.split()
        ticks = [int(v) for v in values[:8]]
        idle = ticks[3] + ticks[4]  # idle + iowait
        result[name] = (sum(ticks) - idle, sum(ticks))
    return result


def busy_fractions(
    before: dict[str, tuple[int, int]], after: dict[str, tuple[int, int]]
) -> dict[str, float]:
    """How busy each CPU (and ``cpu``, all of them) was between two :func:`cpu_times`."""
    result: dict[str, float] = {}
    for name, (busy, total) in after.items():
        if name not in before:
            continue
        d_busy, d_total = busy - before[name][0], total - before[name][1]
        result[name] = round(d_busy / d_total, 3) if d_total > 0 else 0.0
    return result


def _read(path: Path) -> str | None:
    try:
        return path.read_text()
    except OSError:
        return None


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    try:
        entries = os.listdir(_PROC)
    except OSError:
        return children
    for entry in entries:
        if not entry.isdigit():
            continue
        text = _read(_PROC / entry / "stat")
        if text is None:
            continue
        rest = text[text.rfind(")") + 2 :].split()  # the name may hold spaces and brackets
        children.setdefault(int(rest[1]), []).append(int(entry))
    return children


def descendants(pid: int) -> list[int]:
    """Every live process below ``pid``."""
    tree = _children_map()
    found: list[int] = []
    stack = list(tree.get(pid, []))
    while stack:
        child = stack.pop()
        found.append(child)
        stack.extend(tree.get(child, []))
    return found


@dataclass(slots=True)
class _Seen:
    hwm_kib: int = 0
    cpu_ticks: int = 0


def _status_kib(text: str, key: str) -> int:
    for line in text.splitlines():
        if line.startswith(key):
            return int(line.split()[1])
    return 0


@dataclass(slots=True)
class TreeSampler:
    """Samples the memory and CPU of this process and its descendants in a thread.

    Use as a context manager around the work; then read :meth:`summary`.
    """

    interval: float = 0.1
    rescan_every: int = 5  # look for new descendants every this many samples
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None
    _seen: dict[int, _Seen] = field(default_factory=dict)
    _pids: list[int] = field(default_factory=list)
    peak_sum_rss_kib: int = 0
    samples: int = 0

    def __enter__(self) -> TreeSampler:
        self._thread = threading.Thread(target=self._run, name="bench-sampler", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self._sample(rescan=True)

    def _run(self) -> None:
        count = 0
        while not self._stop.wait(self.interval):
            self._sample(rescan=count % self.rescan_every == 0)
            count += 1

    def _sample(self, *, rescan: bool) -> None:
        me = os.getpid()
        if rescan:
            self._pids = descendants(me)
        total = 0
        for pid in [me, *self._pids]:
            status = _read(_PROC / str(pid) / "status")
            stat = _read(_PROC / str(pid) / "stat")
            if status is None or stat is None:
                continue
            seen = self._seen.setdefault(pid, _Seen())
            seen.hwm_kib = max(seen.hwm_kib, _status_kib(status, "VmHWM:"))
            total += _status_kib(status, "VmRSS:")
            fields = stat[stat.rfind(")") + 2 :].split()
            seen.cpu_ticks = max(seen.cpu_ticks, int(fields[11]) + int(fields[12]))
        self.peak_sum_rss_kib = max(self.peak_sum_rss_kib, total)
        self.samples += 1

    def summary(self) -> dict[str, Any]:
        """Peaks in MiB and CPU seconds: this process, the others, and all together.

        ``peak_total_mb`` is this process's peak plus every other process's
        peak: an upper bound of what the phase held at once (shared pages
        counted in each process). ``peak_concurrent_mb`` is the largest sum of
        RSS seen in one sample: a lower bound.
        """
        me = os.getpid()
        others = {pid: seen for pid, seen in self._seen.items() if pid != me}
        main_kib = max(self._seen.get(me, _Seen()).hwm_kib, _own_peak_kib())
        other_peaks = sorted((s.hwm_kib for s in others.values()), reverse=True)
        return {
            "peak_main_mb": round(main_kib / 1024, 1),
            "processes": 1 + len(others),
            "peak_each_other_mb": [round(k / 1024, 1) for k in other_peaks],
            "peak_total_mb": round((main_kib + sum(other_peaks)) / 1024, 1),
            "peak_concurrent_mb": round(self.peak_sum_rss_kib / 1024, 1),
            "cpu_main_s": round(sum(os.times()[:2]), 2),
            "cpu_others_s": round(sum(s.cpu_ticks for s in others.values()) / _TICKS, 2),
            "samples": self.samples,
        }


def warm_files(paths: Sequence[Path]) -> float:
    """Read every byte of ``paths`` (into the page cache); the seconds it took."""
    started = time.perf_counter()
    for path in paths:
        try:
            with open(path, "rb", buffering=0) as handle:
                while handle.read(1 << 20):
                    pass
        except OSError:
            continue
    return round(time.perf_counter() - started, 3)


def evict_files(paths: Sequence[Path]) -> int:
    """Drop ``paths`` from the page cache (``POSIX_FADV_DONTNEED``); how many were.

    Written pages are flushed first (``sync``): only clean pages can be dropped.
    No privileges needed; where ``posix_fadvise`` is missing, nothing happens.
    """
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return 0
    os.sync()
    dropped = 0
    for path in paths:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            dropped += 1
        finally:
            os.close(fd)
    return dropped


def _lscpu_model() -> str | None:
    if shutil.which("lscpu") is None:
        return None
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    for line in out.splitlines():
        if line.startswith("Model name:"):
            return line.split(":", 1)[1].strip()
    return None


def _mem_total_mb() -> float | None:
    text = _read(_PROC / "meminfo")
    if text is None:
        return None
    return round(_status_kib(text, "MemTotal:") / 1024, 0)


def _version_of(command: list[str]) -> str | None:
    if shutil.which(command[0]) is None:
        return None
    try:
        out = subprocess.run(command, capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return out.strip().splitlines()[0] if out.strip() else None


def _package_version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def machine() -> dict[str, Any]:
    """What the results depend on: cores, CPU model, memory, versions, load."""
    return {
        "nproc": os.cpu_count(),
        "cpu_model": _lscpu_model() or platform.processor() or None,
        "mem_total_mb": _mem_total_mb(),
        "platform": platform.platform(),
        "python": sys.version.split()[0],
        "sqlite": sqlite3.sqlite_version,
        "textual": _package_version("textual"),
        "fzf": _version_of(["fzf", "--version"]),
        "loadavg": loadavg(),
    }
