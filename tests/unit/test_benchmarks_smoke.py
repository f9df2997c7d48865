"""The benchmark runner, as CI runs it: 1,000 articles, fewest repetitions, every phase.

A smoke test only: it checks that the runner finishes, prints its table and
writes every figure to the JSON. It asserts no time (the figures of a shared CI
machine mean little); ``benchmarks/RESULTS.md`` holds the real measurements.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from benchmarks import report
from benchmarks.corpora import Mutation, corpus_files, prepare_corpus
from benchmarks.inprocess import build_parser, sizes_for

REPO = Path(__file__).resolve().parents[2]
SMOKE_ARTICLES = 1000
FZF_FIGURES = {"fzf_p50_ms", "fzf_p95_ms", "search_fzf_ratio_p50", "search_fzf_ratio_p95"}


def test_the_runner_measures_every_figure_at_1000_articles(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = tmp_path / "results.json"
    markdown = tmp_path / "table.md"
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks.inprocess", "--articles", str(SMOKE_ARTICLES), "--quick",
         "--out", str(out), "--json", str(result), "--markdown", str(markdown)],
        cwd=REPO, capture_output=True, text=True, timeout=300, check=False,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    assert "cold index" in done.stdout and "verdict" in done.stdout

    data = json.loads(result.read_text(encoding="utf-8"))
    assert data["machine"]["nproc"] >= 1
    assert data["command"].startswith("python -m benchmarks.inprocess")
    assert not data["errors"]
    size = data["sizes"][str(SMOKE_ARTICLES)]
    assert size["corpus"]["files"] == SMOKE_ARTICLES
    figures = size["figures"]
    optional = FZF_FIGURES if shutil.which("fzf") is None else set()
    missing = [f.key for f in report.FIGURES
               if f.key not in optional and not isinstance(figures.get(f.key), int | float)]
    assert not missing, f"figures not measured: {missing}"
    assert set(size["verdicts"]) == {t.key for t in report.TARGETS}
    phases = size["phases"]
    assert phases["index"]["report"]["new"] == SMOKE_ARTICLES
    assert phases["resync_noop"][0]["report"]["unchanged"] == SMOKE_ARTICLES
    assert phases["resync_changed"][0]["report"]["changed"] == SMOKE_ARTICLES // 100
    assert phases["resync_changed_cold"]["report"]["changed"] == SMOKE_ARTICLES // 100
    assert phases["profile"]["by_tottime"]
    assert "| cold index |" in markdown.read_text(encoding="utf-8")

    # the corpus is reused, and the files changed for the re-sync were put back
    manifest = json.loads((out / f"corpus-s1-n{SMOKE_ARTICLES}.json").read_text("utf-8"))
    assert manifest["files"] == SMOKE_ARTICLES
    assert not (out / f"corpus-s1-n{SMOKE_ARTICLES}.backup").exists()


def test_the_help_prints() -> None:
    assert "--articles" in build_parser().format_help()


def test_sizes_follow_the_ladder_up_to_the_largest() -> None:
    assert sizes_for(100_000) == [1000, 10_000, 100_000]
    assert sizes_for(10_000) == [1000, 10_000]
    assert sizes_for(1000) == [1000]
    assert sizes_for(200) == [200]
    assert sizes_for(50_000) == [1000, 10_000, 50_000]


def test_a_mutation_is_put_back_byte_for_byte(tmp_path: Path) -> None:
    corpus = prepare_corpus(tmp_path, 50, seed=3)
    files = corpus_files(corpus.root)
    before = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files}
    with Mutation(corpus, 0.1, seed=4) as changed:
        assert len(changed) == 5
        assert all(p.read_bytes() != before[p][0] for p in changed)
    assert {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in files} == before
    assert prepare_corpus(tmp_path, 50, seed=3).generated_s is None  # reused
