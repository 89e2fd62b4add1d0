"""Hashiya from Python: the documents of an annotated article or corpus, for training models.

Everything is read by the ``hashiya`` program installed with this package (its ``export``
command), so Python sees exactly what the window and the command line see::

    import hashiya
    docs = hashiya.load("news/")          # a corpus folder, an article or its annotation file
    docs[0]["entities"][0]                 # {'start': 0, 'end': 5, 'label': 'PER', 'text': '...'}
    data = hashiya.to_hf("news/")          # Hugging Face-style token classification records
    data["records"][0]["tokens"], data["records"][0]["ner_tags"], data["label_names"]

Offsets are Unicode code points, end exclusive, as Python indexes ``str``. A file the program
cannot read raises :class:`HashiyaError` with the file, line and column it reported.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from importlib import metadata
from pathlib import Path
from typing import Any, Dict, List, Optional, Union

__all__ = ["HashiyaError", "Problem", "binary", "load", "to_hf", "version", "__version__"]

try:
    __version__ = metadata.version("hashiya")
except metadata.PackageNotFoundError:  # run from a source checkout
    __version__ = "0+unknown"

PathLike = Union[str, "os.PathLike[str]"]

#: What is appended to an article's path to name its annotation file.
ANNOTATION_SUFFIX = ".hashiya.ron"

# `path:line:column: reason` as the program prints a located problem (an optional
# `hashiya: ` before it).
_LOCATED = re.compile(r"^(?:hashiya: )?(?P<file>.+?):(?P<line>\d+):(?P<column>\d+): (?P<reason>.+)$")


class Problem:
    """One problem the program reported: the file, and the line and column when it gave them."""

    def __init__(self, file: str, line: Optional[int], column: Optional[int], reason: str):
        self.file = file
        self.line = line
        self.column = column
        self.reason = reason

    def __repr__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}:{self.column}"
        return f"Problem({where}: {self.reason})"


class HashiyaError(Exception):
    """The program refused a file. ``file``, ``line`` and ``column`` locate the first problem
    (``line`` and ``column`` are ``None`` when the program gave no place); ``problems`` lists
    all of them; ``stderr`` is what the program said."""

    def __init__(self, message: str, problems: List[Problem], stderr: str = ""):
        super().__init__(message)
        self.problems = problems
        first = problems[0] if problems else None
        self.file = first.file if first else None
        self.line = first.line if first else None
        self.column = first.column if first else None
        self.stderr = stderr


def binary() -> str:
    """The ``hashiya`` program: ``$HASHIYA_BIN`` if set, else the one installed with this
    package, else the first on ``PATH``."""
    explicit = os.environ.get("HASHIYA_BIN")
    if explicit:
        return explicit
    try:
        files = metadata.distribution("hashiya").files or []
    except metadata.PackageNotFoundError:
        files = []
    for file in files:
        if file.name in ("hashiya", "hashiya.exe") and file.parent.name in ("bin", "Scripts", "scripts"):
            path = Path(str(file.locate())).resolve()
            if path.is_file():
                return str(path)
    found = shutil.which("hashiya")
    if found:
        return found
    raise HashiyaError("the hashiya program was not found (set HASHIYA_BIN or reinstall hashiya)", [])


def _problems(stderr: str) -> List[Problem]:
    """The problems in the program's stderr, located ones with their place."""
    problems = []
    for raw in stderr.splitlines():
        line = raw.strip()
        match = _LOCATED.match(line)
        if match:
            problems.append(
                Problem(match["file"], int(match["line"]), int(match["column"]), match["reason"])
            )
        elif line.startswith("hashiya: ") and not line.startswith("hashiya: note:"):
            text = line[len("hashiya: "):]
            file, sep, reason = text.partition(": ")
            problems.append(Problem(file if sep else "", None, None, reason if sep else text))
    return problems


def _run(args: List[str]) -> str:
    """Runs the program; its stdout, or :class:`HashiyaError` when it fails."""
    proc = subprocess.run(
        [binary(), *args], capture_output=True, text=True, encoding="utf-8", errors="replace"
    )
    if proc.returncode != 0:
        problems = _problems(proc.stderr)
        first = problems[0] if problems else None
        message = proc.stderr.strip().splitlines()[0] if proc.stderr.strip() else "hashiya failed"
        if first and first.line is not None:
            message = f"{first.file}:{first.line}:{first.column}: {first.reason}"
        raise HashiyaError(message, problems, proc.stderr)
    return proc.stdout


def version() -> str:
    """What ``hashiya --version`` prints, e.g. ``hashiya 0.1.0 (1a2b3c4d5e 2026-12-05)``."""
    return _run(["--version"]).strip()


def _article(path: Path) -> Path:
    """An annotation file's article (the path without ``.hashiya.ron``); others unchanged."""
    name = path.name
    if name.endswith(ANNOTATION_SUFFIX) and len(name) > len(ANNOTATION_SUFFIX):
        return path.with_name(name[: -len(ANNOTATION_SUFFIX)])
    return path


def _export(path: PathLike, fmt: str) -> str:
    """The program's export of an article (stdout) or a corpus folder (through a temp file)."""
    target = Path(path)
    if not target.is_dir():
        return _run(["export", str(_article(target)), "--format", fmt])
    with tempfile.TemporaryDirectory(prefix="hashiya-") as tmp:
        out = Path(tmp) / f"export.{fmt}"
        _run(["export", str(target), "--format", fmt, "-o", str(out)])
        return out.read_text(encoding="utf-8")


def load(path: PathLike) -> List[Dict[str, Any]]:
    """The documents of an article, its annotation file or a corpus folder.

    Each is a dict: ``name`` (path in the corpus, or the article's file name), ``text``,
    ``labels`` (the label set, in order), ``entities`` (``start``, ``end`` in code points, end
    exclusive, ``label``, ``text``), ``status`` (``new``, ``in-progress``, ``done``,
    ``skipped``) and ``annotator``. Skipped documents of a corpus are left out, as in every
    export. Raises :class:`HashiyaError` naming the file, line and column of a broken file.
    """
    single = not Path(path).is_dir()
    docs = []
    for line in _export(path, "jsonl").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        text = raw["text"]
        name = raw.get("name") or (_article(Path(path)).name if single else "")
        docs.append(
            {
                "name": name,
                "text": text,
                "labels": raw.get("labels", []),
                "entities": [
                    {"start": s, "end": e, "label": label, "text": text[s:e]}
                    for s, e, label in raw.get("label", [])
                ],
                "status": raw.get("status", "new"),
                "annotator": raw.get("annotator", ""),
            }
        )
    return docs


def _conll_documents(conll: str) -> List[List[List[tuple]]]:
    """The program's CoNLL export as documents of sentences of (token, tag)."""
    docs: List[List[List[tuple]]] = []
    sentence: List[tuple] = []
    for line in conll.split("\n"):
        if line.startswith("-DOCSTART- "):
            docs.append([])
            continue
        if not line.strip():
            if sentence:
                if not docs:
                    docs.append([])
                docs[-1].append(sentence)
            sentence = []
            continue
        token, _, tag = line.rpartition("\t")
        sentence.append((token, tag))
    if sentence:
        if not docs:
            docs.append([])
        docs[-1].append(sentence)
    return docs


def _label_names(labels: List[str], tags: List[str]) -> List[str]:
    """``O``, then ``B-X``, ``I-X`` for each label in order (named as the CoNLL export writes
    it: white space becomes ``_``), then any other tag the export wrote."""
    names = ["O"]
    for label in labels:
        written = re.sub(r"\s", "_", label)
        names.extend(n for n in ("B-" + written, "I-" + written) if n not in names)
    names.extend(sorted(set(tags) - set(names)))
    return names


def to_hf(path: PathLike) -> Dict[str, Any]:
    """Hugging Face-style token classification data for an article or a corpus folder.

    Returns ``{"label_names": [...], "records": [...]}``: one record per sentence, with ``id``,
    ``document`` (the document's name), ``tokens`` and ``ner_tags`` (indices into
    ``label_names``: ``O``, ``B-X``, ``I-X``). Tokens are the program's CoNLL tokens, so they
    never cross an entity's edge. Works without ``datasets``; with it::

        datasets.Dataset.from_list(data["records"]).cast_column(
            "ner_tags", datasets.Sequence(datasets.ClassLabel(names=data["label_names"])))
    """
    docs = load(path)
    sentences = _conll_documents(_export(path, "conll"))
    labels: List[str] = []
    for doc in docs:
        labels.extend(name for name in doc["labels"] if name not in labels)
    tags = [tag for doc in sentences for sent in doc for _, tag in sent]
    names = _label_names(labels, tags)
    index = {name: i for i, name in enumerate(names)}
    records = []
    for doc, doc_sentences in zip(docs, sentences):
        for sent in doc_sentences:
            records.append(
                {
                    "id": str(len(records)),
                    "document": doc["name"],
                    "tokens": [token for token, _ in sent],
                    "ner_tags": [index[tag] for _, tag in sent],
                }
            )
    return {"label_names": names, "records": records}


if __name__ == "__main__":  # pragma: no cover - a quick look: python -m hashiya PATH
    for document in load(sys.argv[1]):
        print(document["name"], document["status"], len(document["entities"]), "entities")
