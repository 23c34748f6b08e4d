"""The CRF features of the statistical NER: one feature path for training and inference.

Every token is seen through ``normalize_letters`` (NewsFANE writes every hamza-alef as bare
alef) and ``light_stem`` (proclitics and article off), with stem prefixes/suffixes, the
proclitics themselves, a shape class, gazetteer membership (country/city names shipped with
the model), word clusters and the same features of the neighbouring tokens (``Featuriser``).
A second pass also sees ``document_features``: what the first pass said about the same name
elsewhere in the document.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from silkgraph.normalize import clitic_candidates, light_stem, normalize_letters

_EDGE_PUNCT = re.compile(r"^[^\w]+|[^\w]+$")
CACHE_SIZE = 200_000  # words whose features a Featuriser keeps



@dataclass(frozen=True)
class FeatureConfig:
    """Which features ``sentence_features`` emits (the [features] table of the model config)."""

    affixes: tuple[int, ...] = (2, 3, 4)
    window: int = 2
    context_affixes: bool = True
    bigrams: bool = True

    @classmethod
    def from_dict(cls, table: dict) -> FeatureConfig:
        """Build from a config table; unknown keys are an error, not ignored.

        >>> FeatureConfig.from_dict({"window": 1}).window
        1
        """
        unknown = set(table) - set(cls.__dataclass_fields__)
        if unknown:
            raise ValueError(f"unknown feature settings: {', '.join(sorted(unknown))}")
        values = dict(table)
        if "affixes" in values:
            values["affixes"] = tuple(values["affixes"])
        return cls(**values)


def shape_class(word: str) -> str:
    """A coarse shape: digit, latin, punct, arabic or other.

    >>> [shape_class(w) for w in ["2027", "SCO", "،", "الصين", "C919"]]
    ['digit', 'latin', 'punct', 'arabic', 'mixed']
    """
    if word.isdigit():
        return "digit"
    if word.isascii() and word.isalpha():
        return "latin"
    if not any(ch.isalnum() for ch in word):
        return "punct"
    if all("\u0621" <= ch <= "\u064a" or ch in "\u0671\u067e\u0686\u06a4\u06af" for ch in word):
        return "arabic"
    return "mixed"


class Featuriser:
    """The features of words for one model: it owns the model's stem tables (gazetteer class,
    word clusters) and a cache of each word's features, so two models never share either.

    >>> f = Featuriser(FeatureConfig(window=1), {"صين": "country"}, {"وزير": ("7", "31")})
    >>> feats = f.sentence_features(["زار", "وزير", "بالصين"])
    >>> "s=صين" in feats[2], "g=country" in feats[2], "cl=بال" in feats[2], "-1:s=وزير" in feats[2], "-1:k1=31" in feats[2]
    (True, True, True, True, True)
    >>> Featuriser(FeatureConfig(window=1), {}).sentence_features(["زار", "وزير", "بالصين"]) == feats
    False
    """

    def __init__(self, config: FeatureConfig, gazetteer: dict[str, str],
                 clusters: dict[str, tuple[str, ...]] | None = None, cache_size: int = CACHE_SIZE):
        self.config = config
        self.gazetteer = dict(gazetteer)  # stem -> class
        self.clusters = dict(clusters or {})  # stem -> cluster ids, coarse to fine
        self._cached = lru_cache(maxsize=cache_size)(self.token_features)
        self._neighbour = lru_cache(maxsize=cache_size)(self.neighbour_features)

    def clear_cache(self) -> None:
        """Forget the cached word features (a cold cache, as for new text)."""
        self._cached.cache_clear()
        self._neighbour.cache_clear()

    def neighbour_features(self, word: str, offset: int) -> tuple[str, ...]:
        """The features ``word`` gives the token ``offset`` places from it (cached: formatting
        them for every token was the largest part of featurising).

        >>> Featuriser(FeatureConfig(), {}).neighbour_features("بالصين", -1)[:2]
        ('-1:s=صين', '-1:cl=بال')
        """
        shared = self._cached(word)[1]
        if not self.config.context_affixes:
            shared = shared[:1]
        return tuple(f"{offset}:{f}" for f in shared)

    def token_features(self, word: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """(own features, features repeated for the neighbours) of one word.

        >>> own, shared = Featuriser(FeatureConfig(), {"صين": "country"}).token_features("بالصين")
        >>> [f for f in own if f.startswith(("s=", "g=", "cl="))], shared[:2]
        (['s=صين', 'cl=بال', 'g=country'], ('s=صين', 'cl=بال'))
        """
        core = _EDGE_PUNCT.sub("", word) or word  # ANERcorp leaves some punctuation on words: كابول؛
        folded = normalize_letters(core)
        stem = light_stem(core)
        # a gazetteer name may carry a preposition light_stem keeps (بكابول): try each clitic reading
        gaz = next((g for c in clitic_candidates(folded) if (g := self.gazetteer.get(light_stem(c)))), "")
        clitic = folded[: len(folded) - len(stem)] if folded.endswith(stem) else "?"
        shape = shape_class(core)
        own = [f"w={folded}", f"s={stem}", f"cl={clitic}", f"len={min(len(stem), 9)}", f"sh={shape}"]
        if core != word:
            own.append("glued_punct")
        for n in self.config.affixes:
            if len(stem) > n:
                own.append(f"p{n}={stem[:n]}")
                own.append(f"x{n}={stem[-n:]}")
        shared = [f"s={stem}", f"cl={clitic}", f"sh={shape}"]
        if len(stem) > 3:
            shared.append(f"x3={stem[-3:]}")
        if gaz:
            own.append(f"g={gaz}")
            shared.append(f"g={gaz}")
        for level, cluster in enumerate(self.clusters.get(stem, ("none",))):
            own.append(f"k{level}={cluster}")
            shared.append(f"k{level}={cluster}")
        return tuple(own), tuple(shared)

    def sentence_features(self, words: Sequence[str]) -> list[list[str]]:
        """The CRF features of every token of one sentence (the one feature path for train and inference)."""
        config = self.config
        bases = [self._cached(w) for w in words]
        n = len(words)
        out: list[list[str]] = []
        for i, (own, _) in enumerate(bases):
            feats = ["b", *own]
            if i == 0:
                feats.append("BOS")
            if i == n - 1:
                feats.append("EOS")
            for offset in range(-config.window, config.window + 1):
                j = i + offset
                if offset == 0 or not 0 <= j < n:
                    continue
                feats.extend(self._neighbour(words[j], offset))
            if config.bigrams:
                stem = own[1][2:]
                if i > 0:
                    feats.append(f"s-1|s={bases[i - 1][1][0][2:]}|{stem}")
                if i < n - 1:
                    feats.append(f"s|s+1={stem}|{bases[i + 1][1][0][2:]}")
            out.append(feats)
        return out


@lru_cache(maxsize=200_000)
def document_key(word: str) -> str:
    """The key under which mentions of one name are pooled across a document ("" for none).

    >>> document_key("ورامسفيلد،") == document_key("رامسفيلد")
    True
    >>> document_key("في"), document_key("2006")
    ('', '')
    """
    core = _EDGE_PUNCT.sub("", word)
    if shape_class(core) not in ("arabic", "latin"):
        return ""
    stem = light_stem(core)
    return stem if len(stem) >= 3 else ""


def document_features(
    sentences: Sequence[Sequence[str]],
    first_pass: Sequence[Sequence[str]],
    probabilities: Sequence[Sequence[dict[str, float]]] | None = None,
) -> list[list[list[str]]]:
    """Second-pass features: the first pass's tag of each token and its neighbours, and the
    label the first pass gave the same name elsewhere in the document (so a name found once
    is found everywhere: رامسفيلد in a headline and in the fifth paragraph).

    With ``probabilities`` (per token, entity label -> first-pass marginal probability), the
    token's own confidence and the summed confidence of the other mentions are features too,
    so a name the first pass half-believed at every mention can still be found.

    >>> feats = document_features([["قال", "رامسفيلد"], ["ورامسفيلد", "اليوم"]], [["O", "B-PERS"], ["O", "O"]])
    >>> feats[1][0]
    ['p1=O', 'p1+1=O', 'doc=PERS']
    >>> feats[0][1]
    ['p1=B-PERS', 'p1-1=O']
    >>> probs = [[{}, {"PERS": 0.4}], [{"PERS": 0.45}, {}]]
    >>> document_features([["قال", "رامسفيلد"], ["ورامسفيلد", "اليوم"]], [["O", "O"], ["O", "O"]], probs)[1][0]
    ['p1=O', 'p1+1=O', 'm=PERS:3', 'docsoft=PERS:3']
    """
    votes: dict[str, Counter[str]] = {}
    soft: dict[str, Counter[str]] = {}
    keys = [[document_key(w) for w in words] for words in sentences]
    for si, (sent_keys, tags) in enumerate(zip(keys, first_pass, strict=True)):
        for i, (key, tag) in enumerate(zip(sent_keys, tags, strict=True)):
            if key and tag != "O":
                votes.setdefault(key, Counter())[tag[2:]] += 1
            if key and probabilities is not None and probabilities[si][i]:
                soft.setdefault(key, Counter()).update(probabilities[si][i])
    out: list[list[list[str]]] = []
    for si, (sent_keys, tags) in enumerate(zip(keys, first_pass, strict=True)):
        sent_feats = []
        for i, (key, tag) in enumerate(zip(sent_keys, tags, strict=True)):
            feats = [f"p1={tag}"]
            if i > 0:
                feats.append(f"p1-1={tags[i - 1]}")
            if i + 1 < len(tags):
                feats.append(f"p1+1={tags[i + 1]}")
            counts = votes.get(key)
            if counts:
                own_label = tag[2:] if tag != "O" else None  # only the other mentions count
                n, label = max((c - (lab == own_label), lab) for lab, c in counts.items())
                if n > 0:
                    feats.append(f"doc={label}")
            if probabilities is not None:
                own = probabilities[si][i]
                if own:
                    label, p = max(own.items(), key=lambda kv: (kv[1], kv[0]))
                    if p >= 0.1:
                        feats.append(f"m={label}:{_bucket(p)}")
                if key and soft.get(key):
                    p, label = max((q - own.get(lab, 0.0), lab) for lab, q in soft[key].items())
                    if p >= 0.1:
                        feats.append(f"docsoft={label}:{_bucket(p)}")
            sent_feats.append(feats)
        out.append(sent_feats)
    return out


def _bucket(p: float) -> int:
    """A coarse confidence level: 0.1-0.2 -> 1, 0.2-0.35 -> 2, 0.35-0.5 -> 3, ... above 0.9 -> 6."""
    return 1 + sum(p >= t for t in (0.2, 0.35, 0.5, 0.7, 0.9))
