"""What reading a corpus gives back: the articles, and a ``Problem`` for every file or line not used."""
from __future__ import annotations

from dataclasses import dataclass, field

from silkgraph.records import Article

SKIPPED, NOTE = "skipped", "note"


@dataclass(frozen=True)
class Problem:
    """Something ``read_corpus`` could not use (``skipped``) or did on the user's behalf (``note``).

    >>> str(Problem("a.jsonl", 3, "malformed JSON", "skipped"))
    'a.jsonl:3: skipped: malformed JSON'
    """

    path: str
    line: int | None
    message: str
    severity: str = SKIPPED  # "skipped" | "note"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.severity}: {self.message}"


@dataclass
class CorpusResult:
    """The articles read, and the problems met on the way."""

    articles: list[Article] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def skipped(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == SKIPPED]

    @property
    def notes(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == NOTE]
