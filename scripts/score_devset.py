"""Score the parser on the real-page development set (issue 10).

    python scripts/score_devset.py /work/devset/pages [--truth devset/truth-north.jsonl ...]
                                   [--layout flat|mirror] [--json] [--show FIELD]

Every truth line (see ``devset/``: one JSON object per page, decided by an
editor) names a text file in the pages folder. Each file goes through the very
pipeline a sync runs (:func:`wardtui.library.sync.parse_found`: decode, parse,
settle the ward by the file's origin, place), and the article is compared field
by field with the truth; a file the parser skips (or that is missing) is wrong
for every field. ``--layout flat`` (the default) reads the files where they are
(``n031.txt``: no address to see); ``--layout mirror`` first copies each one to
``<tmp>/<host>/<url path>.txt`` from the truth's ``url``, as a site mirror
(``wget -r``) stores it, so the file's origin counts. The figures printed, per
field:

- ``title``: equal after NFC, whitespace normalisation and case folding (an
  ALL-CAPS headline shown in sentence case still counts); ``title_headline`` and
  ``title_lead`` split it by the truth's ``title_kind``;
- ``byline``: of pages whose truth author is set, how many the parser gives
  (case-folded); ``false_byline``: of pages without an author, how many get
  one from the parser (reported as ``false``/``total``: fewer is better);
- ``credit``: the same for the source credit, or ``n/a`` while the article has
  no ``credit`` field; ``false_credit`` likewise;
- ``date``: equal, precision included;
- ``ward``: ward and unit both equal (the ward compared with case and tone
  placement folded: ``Hoà``/``Hòa``, ``Thuỷ``/``Thủy`` are one spelling);
- ``ward_in_text``: the same, over the pages whose text names the truth ward at
  all (or has none): a ward named only in the address or the site is out of the
  parser's sight (a secondary figure; ``ward`` stays the main one);
- ``furniture_free``: no truth furniture line is found in the article's text (its
  paragraphs of kind ``text``: a photo caption the parser labels ``caption`` is shown
  apart from the text, as a paper prints it);
- ``furniture_free_captions``: the same over the whole body, captions included
  (a secondary, stricter figure);
- ``kept``: every truth ``keep`` sentence is found in the article's text (a sentence
  taken for a caption is not kept).

Body comparisons are on whitespace-normalised text (every run of whitespace is
one space), so hard-wrapped lines joined back count. ``--show FIELD`` lists the
pages wrong for that field (file, truth, got). The exit status is always 0.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from wardtui.corpus import Article
from wardtui.library.sync import FoundFile, parse_found
from wardtui.vntext import spelling_key

REPO = Path(__file__).resolve().parents[1]
FIELDS = (
    "title",
    "title_headline",
    "title_lead",
    "byline",
    "false_byline",
    "credit",
    "false_credit",
    "date",
    "ward",
    "ward_in_text",
    "furniture_free",
    "furniture_free_captions",
    "kept",
)


_ETH = str.maketrans("Ðð", "Đđ")


def norm(text: str) -> str:
    """NFC text with every whitespace run made one space, trimmed, and an eth written
    for Đ/đ read as Đ/đ (a page's look-alike the parser reads as the letter it stands for)."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_ETH).split())


def folded(text: str | None) -> str | None:
    return None if text is None else norm(text).casefold()


def ward_key(name: str | None) -> str | None:
    """A ward name folded for comparison: case, spaces and tone placement."""
    return None if name is None else spelling_key(name)


def names_ward(text: str, ward: str | None) -> bool:
    """Does the page text name ``ward`` (as a whole word run)? True for no ward."""
    key = ward_key(ward)
    if not key:
        return True
    haystack = f" {spelling_key(text)} "
    return any(
        not haystack[at - 1].isalnum() and not haystack[at + len(key)].isalnum()
        for at in _find_all(haystack, key)
    )


def _find_all(haystack: str, needle: str) -> Iterable[int]:
    at = haystack.find(needle)
    while at >= 0:
        yield at
        at = haystack.find(needle, at + 1)


_END_PUNCT = ".!?…;: "
MIN_CLIPPED = 60  # a title clipped with "…" must keep at least this many characters


def same_title(got: str | None, truth: str | None) -> bool:
    """Is ``got`` the truth's title?

    Equal after :func:`folded`, ignoring final punctuation (a lead sentence used as a
    title loses its full stop); a long lead clipped with ``…`` counts when what is
    left (at least :data:`MIN_CLIPPED` characters) begins the truth.
    """
    a, b = folded(got), folded(truth)
    if a is None or b is None:
        return a == b
    if a.rstrip(_END_PUNCT) == b.rstrip(_END_PUNCT):
        return True
    clipped = a.rstrip(_END_PUNCT)
    return a.endswith("…") and len(clipped) >= MIN_CLIPPED and b.startswith(clipped)


@dataclass(slots=True)
class Tally:
    """Right/total for one field, with the wrong pages kept for ``--show``."""

    right: int = 0
    total: int = 0
    wrong: list[tuple[str, Any, Any]] = field(default_factory=list)

    def add(self, ok: bool, file: str, truth: Any, got: Any) -> None:
        self.total += 1
        if ok:
            self.right += 1
        else:
            self.wrong.append((file, truth, got))

    def figure(self) -> dict[str, Any]:
        pct = round(100.0 * self.right / self.total, 1) if self.total else None
        return {"right": self.right, "total": self.total, "pct": pct}

    def false_figure(self) -> dict[str, Any]:
        """For ``false_*`` fields: how many pages WITH a false value (fewer is better)."""
        false = self.total - self.right
        pct = round(100.0 * false / self.total, 1) if self.total else None
        return {"false": false, "total": self.total, "pct": pct}


@dataclass(slots=True)
class Score:
    pages: int = 0
    skipped: list[tuple[str, str]] = field(default_factory=list)
    credit_available: bool = False
    tallies: dict[str, Tally] = field(default_factory=lambda: {f: Tally() for f in FIELDS})

    def figures(self) -> dict[str, Any]:
        out: dict[str, Any] = {"pages": self.pages, "skipped": len(self.skipped)}
        for name, tally in self.tallies.items():
            if name in ("credit", "false_credit") and not self.credit_available:
                out[name] = "n/a"
            elif name.startswith("false_"):
                out[name] = tally.false_figure()
            else:
                out[name] = tally.figure()
        return out


def read_truth(paths: Iterable[Path]) -> list[dict[str, Any]]:
    """Every truth object of the files; bad lines are reported on stderr and skipped."""
    rows: list[dict[str, Any]] = []
    for path in paths:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            print(f"{path}: unreadable ({error.strerror})", file=sys.stderr)
            continue
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as error:
                print(f"{path}:{number}: not JSON ({error.msg})", file=sys.stderr)
                continue
            if not isinstance(row, dict) or not isinstance(row.get("file"), str):
                print(f'{path}:{number}: no "file" in the truth line', file=sys.stderr)
                continue
            rows.append(row)
    return rows


def _parse(path: Path) -> tuple[Article | None, str, str]:
    """The article as a sync stores it (or None and why) and the page's raw text."""
    try:
        data = path.read_bytes()
        stat = path.stat()
    except OSError as error:
        return None, f"unreadable ({error.strerror})", ""
    text = data.decode("utf-8", "replace")
    outcome = parse_found(FoundFile.of(str(path), stat.st_size, stat.st_mtime_ns))
    if outcome.article is None:
        return None, f"skipped ({outcome.reason})", text
    return outcome.article, "", text


MAX_SEGMENT_BYTES = 200


def mirror_path(root: Path, url: str) -> Path:
    """Where a site mirror keeps the page at ``url``: ``<root>/<host>/<path>.txt``
    (the query kept in the last name, as ``wget -r`` does; ``index.html`` for a
    folder's address; names cut to fit a file system)."""
    parts = urlsplit(url)
    segments = [unquote(s) for s in parts.path.split("/") if s not in ("", ".", "..")]
    if not segments or parts.path.endswith("/"):
        segments.append("index.html")
    if parts.query:
        segments[-1] += "?" + unquote(parts.query)
    segments[-1] += ".txt"
    safe = [
        s.replace("\x00", "").encode("utf-8")[-MAX_SEGMENT_BYTES:].decode("utf-8", "ignore")
        for s in segments
    ]
    return root.joinpath((parts.hostname or "unknown-host").lower(), *safe)


def mirror(pages: Path, rows: Sequence[dict[str, Any]], root: Path) -> dict[str, Path]:
    """Copy every truth row's page to its :func:`mirror_path` under ``root``."""
    placed: dict[str, Path] = {}
    for row in rows:
        source = pages / row["file"]
        target = mirror_path(root, str(row.get("url") or row["file"]))
        if target in placed.values() or not source.is_file():
            continue  # two rows with one address (or no page): scored from the flat file
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        placed[row["file"]] = target
    return placed


def _in_body(needles: Sequence[str], body: str) -> list[str]:
    """The needles found in the (normalised) body."""
    return [n for n in needles if norm(n) and norm(n) in body]


def score(
    pages: Path, rows: Sequence[dict[str, Any]], paths: dict[str, Path] | None = None
) -> Score:
    """Parse the page of every truth row and tally each field; ``paths`` maps a row's
    file to where it is read from instead (a mirror)."""
    result = Score()
    for row in rows:
        file = row["file"]
        article, why, text = _parse((paths or {}).get(file, pages / file))
        result.pages += 1
        if article is None:
            result.skipped.append((file, why))
        else:
            result.credit_available = result.credit_available or hasattr(article, "credit")
        _score_one(result.tallies, file, row, article, why, text)
    return result


def _score_one(
    t: dict[str, Tally],
    file: str,
    row: dict[str, Any],
    article: Article | None,
    why: str,
    text: str = "",
) -> None:
    title = row.get("title")
    got_title: Any = article.title if article else why
    title_ok = article is not None and same_title(article.title, title)
    t["title"].add(title_ok, file, title, got_title)
    kind = "title_lead" if row.get("title_kind") == "lead" else "title_headline"
    t[kind].add(title_ok, file, title, got_title)

    for name, key, attr in (("byline", "author", "author"), ("credit", "credit", "credit")):
        truth = row.get(key)
        value = getattr(article, attr, None) if article else None
        got = value if isinstance(value, str) else None
        if truth:
            ok = article is not None and folded(got) == folded(truth)
            t[name].add(ok, file, truth, got if article else why)
        else:
            t[f"false_{name}"].add(
                article is not None and not got, file, truth, got if article else why
            )

    got_date = article.date if article else why
    t["date"].add(
        article is not None and article.date == row.get("date"), file, row.get("date"), got_date
    )

    truth_ward = (row.get("ward"), row.get("unit"))
    ward_ok = (
        article is not None
        and ward_key(article.ward) == ward_key(truth_ward[0])
        and article.unit == truth_ward[1]
    )
    got_ward = (article.ward, article.unit) if article else why
    t["ward"].add(ward_ok, file, truth_ward, got_ward)
    if names_ward(text, truth_ward[0]):
        t["ward_in_text"].add(ward_ok, file, truth_ward, got_ward)

    body = norm(article.body) if article else ""
    # The article's text: the paragraphs the reader shows as running text (captions it
    # labels as such are shown apart, as a paper prints them).
    text_body = (
        norm("\n".join(p.text for p in article.paragraphs if p.kind == "text")) if article else ""
    )
    furniture = [str(x) for x in row.get("furniture") or []]
    found = _in_body(furniture, text_body)
    t["furniture_free"].add(
        article is not None and not found, file, furniture, found if article else why
    )
    found_any = _in_body(furniture, body)
    t["furniture_free_captions"].add(
        article is not None and not found_any, file, furniture, found_any if article else why
    )
    keep = [str(x) for x in row.get("keep") or []]
    present = set(_in_body(keep, text_body))
    missing = [k for k in keep if k not in present]
    t["kept"].add(article is not None and not missing, file, keep, missing if article else why)


def _line(name: str, figure: Any) -> str:
    if not isinstance(figure, dict):
        return f"{name:<24} {figure}"
    pct = "-" if figure["pct"] is None else f"{figure['pct']:.1f}%"
    count = figure.get("right", figure.get("false"))
    return f"{name:<24} {count:>4}/{figure['total']:<4} {pct:>7}"


def report(result: Score, as_json: bool, show: str | None) -> str:
    figures = result.figures()
    if as_json:
        text = json.dumps(figures, ensure_ascii=False)
    else:
        out = [f"{'pages':<25}{result.pages} (skipped by the parser: {len(result.skipped)})"]
        out += [_line(name, figures[name]) for name in FIELDS]
        out.append(
            "(false_byline / false_credit: pages WITH a false value, of those with none in"
            " the truth; fewer is better)"
        )
        text = "\n".join(out)
    if show:
        lines = [f"\nwrong for {show}:"]
        for file, truth, got in result.tallies[show].wrong:
            lines.append(f"{file}\n  truth: {truth!r}\n  got:   {got!r}")
        text += "\n".join(lines)
    return text


HELD_OUT = "truth-holdout"  # truth-holdout.jsonl, truth-holdout2.jsonl: never fitted on


def development_truth() -> list[Path]:
    """The development set's truth files: every ``devset/truth-*.jsonl`` but the
    held-out set's, which is scored only when named."""
    found = sorted((REPO / "devset").glob("truth-*.jsonl"))
    return [p for p in found if not p.name.startswith(HELD_OUT)]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", type=Path, help="folder holding the page texts")
    parser.add_argument(
        "--truth",
        type=Path,
        nargs="+",
        help="truth files (default: the development set, every devset/truth-*.jsonl of the"
        " repository but the held-out truth-holdout*.jsonl)",
    )
    parser.add_argument(
        "--layout",
        choices=("flat", "mirror"),
        default="flat",
        help="flat: the files as they are; mirror: copied to <tmp>/<host>/<url path>.txt first",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    parser.add_argument("--show", choices=FIELDS, help="list the pages wrong for this field")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    truth = args.truth or development_truth()
    if not truth:
        print("no truth files (devset/truth-*.jsonl)", file=sys.stderr)
        return 0
    if not args.pages.is_dir():
        print(f"{args.pages}: not a folder", file=sys.stderr)
        return 0
    rows = read_truth(truth)
    if args.layout == "mirror":
        with tempfile.TemporaryDirectory(prefix="devset-mirror-") as tmp:
            result = score(args.pages, rows, mirror(args.pages, rows, Path(tmp)))
    else:
        result = score(args.pages, rows)
    print(report(result, args.json, args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
