"""What a pattern rule builds before it is written to the Doc (``silk_patterns``), and the token
shapes the rules read."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span

from silkgraph.records import Entity

NUMBER = re.compile(r"^[0-9٠-٩]+$")
YEAR = re.compile(r"^(?:19|20)[0-9]{2}$")


@dataclass
class Built:
    """A pattern entity before it is written to the Doc."""

    start: int
    end: int
    entity: Entity
    inner: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    relations: list[tuple[str, str, str, float]] = field(default_factory=list)  # (type, source, target, conf)
    # a corridor whose route follows a definite head alone (وتمر تلك الأنابيب من …): where the head ends,
    # so the route may belong to the corridor named just before (``silkgraph.extract.corridor_topics``)
    head_end: int = 0
    topic_only: bool = False  # a route of one place (ويمر هذا الخط عبر ألماتي): kept only for a corridor before
    apposed: bool = False  # a description after a comma (الممر الأوسط، وهو طريق يربط …): perhaps the corridor before it
    works: list["Built"] = field(default_factory=list)  # the projects and corridors a document names (اتفاقية لبناء محطة …)


def slug(text: str) -> str:
    """An id part from a text.

    >>> slug("Gas pipeline")
    'gas-pipeline'
    """
    return re.sub(r"[^0-9a-z\u0600-\u06ff]+", "-", text.lower()).strip("-")
