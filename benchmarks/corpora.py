"""The generated corpora the benchmark runs on, kept between runs.

A corpus lives in ``OUT/corpus-s{seed}-n{count}/`` with a manifest beside it
(``corpus-s{seed}-n{count}.json``) written once generation has finished; a
corpus whose manifest matches (seed, count, and a hash of the generator's
source) is reused as it is.

The "1% changed" phase mutates files in place. :class:`Mutation` first copies
the chosen files (bytes and times) aside, and puts them back afterwards — also
at the start of the next run if a run died in between — so a reused corpus is
always the generator's output, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import generate

__all__ = ["Corpus", "Mutation", "corpus_files", "prepare_corpus"]

_GENERATOR = Path(generate.__file__)


def _generator_hash() -> str:
    return hashlib.sha256(_GENERATOR.read_bytes()).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Corpus:
    """A generated corpus on disk."""

    root: Path
    count: int
    seed: int
    files: int
    bytes: int
    generated_s: float | None  # None: reused from an earlier run
    manifest: Path

    @property
    def backup(self) -> Path:
        """Where the files a mutation changes are kept meanwhile."""
        return self.root.with_name(self.root.name + ".backup")

    def to_json(self) -> dict[str, Any]:
        return {
            "path": str(self.root),
            "articles": self.count,
            "seed": self.seed,
            "files": self.files,
            "bytes": self.bytes,
            "mb": round(self.bytes / 1e6, 1),
            "generated_s": self.generated_s,
            "reused": self.generated_s is None,
        }


def corpus_files(root: Path) -> list[Path]:
    """Every article file of a generated corpus, in name order."""
    return sorted(p for p in root.glob("*/*.txt") if p.is_file())


def prepare_corpus(out: Path, count: int, seed: int) -> Corpus:
    """The corpus of ``count`` articles for ``seed`` under ``out``: reused or generated."""
    root = out / f"corpus-s{seed}-n{count}"
    manifest = root.with_name(root.name + ".json")
    wanted = {"count": count, "seed": seed, "generator": _generator_hash()}
    restore_backup(root)
    if manifest.is_file() and root.is_dir():
        try:
            data = json.loads(manifest.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}
        if all(data.get(k) == v for k, v in wanted.items()):
            return Corpus(root, count, seed, data["files"], data["bytes"], None, manifest)
    manifest.unlink(missing_ok=True)
    if root.exists():
        shutil.rmtree(root)
    started = time.perf_counter()
    made = generate.generate_corpus(root, count, seed)
    elapsed = round(time.perf_counter() - started, 2)
    data = {**wanted, "files": len(made.files), "bytes": made.total_bytes, "generated_s": elapsed}
    manifest.write_text(json.dumps(data, indent=1), encoding="utf-8")
    return Corpus(root, count, seed, len(made.files), made.total_bytes, elapsed, manifest)


def restore_backup(root: Path) -> int:
    """Put back the files a mutation changed (if a backup is there); how many."""
    backup = root.with_name(root.name + ".backup")
    index = backup / "index.json"
    if not index.is_file():
        if backup.exists():
            shutil.rmtree(backup)
        return 0
    entries: list[dict[str, Any]] = json.loads(index.read_text(encoding="utf-8"))
    for entry in entries:
        target = root / entry["rel"]
        target.write_bytes((backup / entry["copy"]).read_bytes())
        os.utime(target, ns=(entry["atime_ns"], entry["mtime_ns"]))
    shutil.rmtree(backup)
    return len(entries)


class Mutation:
    """Change ``fraction`` of a corpus's files (with :func:`generate.mutate_files`), reversibly.

    ``with Mutation(corpus, 0.01, seed) as changed: ...`` — the files are back
    as generated when the block ends.
    """

    def __init__(self, corpus: Corpus, fraction: float, seed: int) -> None:
        self.corpus = corpus
        self.fraction = fraction
        self.seed = seed
        self.changed: list[Path] = []

    def __enter__(self) -> list[Path]:
        root, backup = self.corpus.root, self.corpus.backup
        restore_backup(root)
        files = corpus_files(root)
        count = min(len(files), max(1, round(len(files) * self.fraction)))
        chosen = sorted(random.Random(self.seed).sample(files, count))
        backup.mkdir(parents=True)
        entries = []
        for number, path in enumerate(chosen):
            info = path.stat()
            copy = f"{number:06d}.bin"
            shutil.copyfile(path, backup / copy)
            entries.append({"rel": str(path.relative_to(root)), "copy": copy,
                            "atime_ns": info.st_atime_ns, "mtime_ns": info.st_mtime_ns})
        tmp = backup / "index.json.tmp"
        tmp.write_text(json.dumps(entries), encoding="utf-8")
        tmp.replace(backup / "index.json")  # from here on the files can be restored
        self.changed = generate.mutate_files(chosen, 1.0, self.seed)
        return self.changed

    def __exit__(self, *_: object) -> None:
        restore_backup(self.corpus.root)
