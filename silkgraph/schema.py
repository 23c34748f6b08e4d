"""The schema: entity and relation types read from ``schema.toml``.

Every module asks this one for type names, labels and colours, so adding a type
is an edit to the data file, not to code.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SCHEMA_PATH = Path(__file__).with_name("schema.toml")


@dataclass(frozen=True)
class NodeType:
    name: str
    label_en: str
    label_ar: str
    color: str
    shape: str
    description: str
    # Types of one family name the same kind of thing (a Leader is a Person holding office): a
    # model's doubt between them is not doubt that the words are a name.
    family: str = ""

    @property
    def kind(self) -> str:
        """The type's family, or its own name when it has none.

        >>> schema().node("Leader").kind == schema().node("Person").kind
        True
        """
        return self.family or self.name


@dataclass(frozen=True)
class EdgeType:
    name: str
    label_en: str
    label_ar: str
    color: str
    directed: bool
    core: bool
    subjects: tuple[str, ...]
    objects: tuple[str, ...]
    collapsible: bool = False  # an office or role (leads, serves): the explorer can fold these away
    within: bool = False  # the subject lies within the object (a city in a country): questions may count it

    def allows(self, subject_type: str, object_type: str) -> bool:
        """True when this relation may join a ``subject_type`` to an ``object_type``.

        >>> schema().edge_types["leads"].allows("Leader", "Country")
        True
        """
        return subject_type in self.subjects and object_type in self.objects


@dataclass(frozen=True)
class Schema:
    node_types: dict[str, NodeType]
    edge_types: dict[str, EdgeType]

    def node(self, name: str) -> NodeType:
        """The node type called ``name``; a KeyError names the known ones."""
        try:
            return self.node_types[name]
        except KeyError:
            raise KeyError(f"unknown node type {name!r}; known: {', '.join(self.node_types)}") from None

    def edge(self, name: str) -> EdgeType:
        """The edge type called ``name``; a KeyError names the known ones."""
        try:
            return self.edge_types[name]
        except KeyError:
            raise KeyError(f"unknown edge type {name!r}; known: {', '.join(self.edge_types)}") from None

    @property
    def core_edge_types(self) -> tuple[str, ...]:
        return tuple(n for n, e in self.edge_types.items() if e.core)

    @property
    def collapsible_edge_types(self) -> tuple[str, ...]:
        """Relation types a view may fold away (schema ``collapsible = true``).

        >>> schema().collapsible_edge_types
        ('leads', 'serves')
        """
        return tuple(n for n, e in self.edge_types.items() if e.collapsible)

    @property
    def within_edge_types(self) -> tuple[str, ...]:
        """Relations that put their subject within their object (schema ``within = true``).

        >>> schema().within_edge_types
        ('located_in', 'part_of')
        """
        return tuple(n for n, e in self.edge_types.items() if e.within)


def load_schema(path: Path | str = SCHEMA_PATH) -> Schema:
    """Read a schema file.

    >>> s = load_schema()
    >>> s.node("Country").label_ar
    'دولة'
    """
    raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    nodes = {name: NodeType(name=name, **spec) for name, spec in raw["node_types"].items()}
    edges = {}
    for name, spec in raw["edge_types"].items():
        spec = dict(spec)
        spec["subjects"] = tuple(spec["subjects"])
        spec["objects"] = tuple(spec["objects"])
        edge = EdgeType(name=name, **spec)
        unknown = set(edge.subjects + edge.objects) - set(nodes)
        if unknown:
            raise ValueError(f"{path}: edge type {name!r} names unknown node types {sorted(unknown)}")
        edges[name] = edge
    return Schema(node_types=nodes, edge_types=edges)


@lru_cache(maxsize=1)
def schema() -> Schema:
    """The project's schema, loaded once.

    >>> "signed" in schema().edge_types
    True
    """
    return load_schema()
