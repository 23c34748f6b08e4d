"""Train the statistical Arabic NER and write the model folder the package ships.

    python -m silkgraph.extract.tools.train_ner --data ../shared/data --out extract/models/ner

Three steps, each printed with its figures:

1. benchmark: a model with the standard ANERcorp labels (PERS/LOC/ORG/MISC) trained on
   ANERcorp train + NewsFANE (its copy of the test texts removed) + AQMAR, scored on the
   ANERcorp test split;
2. holdout: the shipped recipe (NewsFANE mapped to schema types) trained without the
   ANERcorp test texts and scored on them, per schema type;
3. final: the shipped recipe on all of NewsFANE (and the project's written articles,
   ``tests/fixtures/written/``, when train.toml lists them), written to ``--out`` with its
   config, gazetteer, metrics.json and licence/attribution files.

Settings live in ``extract/data/ner/train.toml``; ``--max-steps`` and ``--limit-sentences``
shrink a run (tests use them).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
import tomllib
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from silkgraph.extract.tools import ner_data, written_corpus
from silkgraph.extract.ner import (
    CLUSTERS_FILE,
    CONFIG_FILE,
    GAZETTEER_FILE,
    MODEL_FILE,
    SECOND_PASS_FILE,
    bio_to_spans,
    first_pass,
    scored_spans,
    scored_tags,
)
from silkgraph.extract.ner_features import FeatureConfig, Featuriser, document_features
from silkgraph.normalize import light_stem

EXTRACT = Path(__file__).resolve().parents[1]  # the extract package
REPO = EXTRACT.parent
TRAIN_CONFIG = EXTRACT / "data" / "ner" / "train.toml"
ATTRIBUTION = EXTRACT / "data" / "ner" / "ATTRIBUTION.md"
DEFAULT_DATA = REPO.parent / "shared" / "data"
DEFAULT_OUT = EXTRACT / "models" / "ner"

Sentence = ner_data.Sentence


def build_gazetteer(names: dict[str, set[str]]) -> dict[str, str]:
    """Stem -> class table for the gazetteer feature: one-word names as their class, words
    of longer names as ``<class>_part``; a country reading wins over a city one.

    >>> build_gazetteer({"country": {"الصين", "كوريا الجنوبية"}, "city": {"بكين", "الصين"}})
    {'صين': 'country', 'بكين': 'city', 'كوريا': 'country_part', 'جنوبيه': 'country_part'}
    """
    table: dict[str, str] = {}
    for kind in ("country", "city"):
        for name in sorted(names.get(kind, ())):
            words = name.split()
            if len(words) == 1:
                stem = light_stem(words[0])
                if len(stem) >= 2 and stem not in table:
                    table[stem] = kind
    for kind in ("country", "city"):
        for name in sorted(names.get(kind, ())):
            words = name.split()
            if len(words) > 1:
                for word in words:
                    stem = light_stem(word)
                    if len(stem) >= 3 and stem not in table:
                        table[stem] = f"{kind}_part"
    return table


def write_gazetteer(table: dict[str, str], path: Path) -> None:
    lines = ["stem\tclass", *(f"{k}\t{v}" for k, v in sorted(table.items()))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def word_clusters(
    sentences: Sequence[Sequence[str]],
    sizes: Sequence[int] = (64, 256),
    min_count: int = 3,
    n_context: int = 3000,
    dims: int = 100,
    seed: int = 0,
) -> dict[str, tuple[str, ...]]:
    """Distributional word classes of the light stems in ``sentences``, one id per size in ``sizes``.

    Positive PMI of each stem with the frequent stems at offsets -2..+2, reduced by a
    randomized SVD to ``dims`` dimensions, then spherical k-means per size. Stems seen fewer
    than ``min_count`` times get no cluster. Deterministic for a given ``seed``.

    >>> text = [["زار", "الرئيس", name, "بكين"] for name in ["شي", "بوتين", "توكاييف"]] * 3
    >>> table = word_clusters(text, sizes=(2,), min_count=3, n_context=10, dims=2)
    >>> table["شي"] == table["بوتين"] == table["توكاييف"]
    True
    """
    import numpy as np

    stems = [[light_stem(w) for w in s] for s in sentences]
    freq = Counter(x for s in stems for x in s)
    vocab = [w for w, c in freq.most_common() if c >= min_count]
    if not vocab:
        return {}
    index = {w: i for i, w in enumerate(vocab)}
    context = {w: i for i, (w, _) in enumerate(freq.most_common(n_context))}
    offsets = (-2, -1, 1, 2)
    counts = np.zeros((len(vocab), len(offsets) * len(context)), dtype=np.float32)
    for s in stems:
        for i, w in enumerate(s):
            row = index.get(w)
            if row is None:
                continue
            for k, off in enumerate(offsets):
                j = i + off
                if 0 <= j < len(s) and (col := context.get(s[j])) is not None:
                    counts[row, k * len(context) + col] += 1
    total = counts.sum()
    row_sums = counts.sum(1, keepdims=True)
    col_sums = counts.sum(0, keepdims=True) ** 0.75  # context smoothing as in word2vec
    with np.errstate(divide="ignore", invalid="ignore"):
        ppmi = np.log(counts * col_sums.sum() / (row_sums * col_sums))
    ppmi[~np.isfinite(ppmi)] = 0
    np.maximum(ppmi, 0, out=ppmi)
    del counts, total
    rng = np.random.default_rng(seed)
    k = min(dims, *ppmi.shape)
    probe = ppmi @ rng.standard_normal((ppmi.shape[1], k + 10)).astype(np.float32)
    for _ in range(2):  # power iterations sharpen the randomized range finder
        probe, _r = np.linalg.qr(probe)
        probe = ppmi @ (ppmi.T @ probe)
    basis, _r = np.linalg.qr(probe)
    u, sv, _vt = np.linalg.svd(basis.T @ ppmi, full_matrices=False)
    vectors = (basis @ u)[:, :k] * np.sqrt(sv[:k])
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    ids: list[np.ndarray] = []
    for size in sizes:
        size = min(size, len(vocab))
        centres = vectors[rng.choice(len(vectors), size, replace=False)]
        for _ in range(25):
            assign = np.argmax(vectors @ centres.T, axis=1)
            for c in range(size):
                members = vectors[assign == c]
                if len(members):
                    centre = members.mean(0)
                    centres[c] = centre / (np.linalg.norm(centre) + 1e-9)
        ids.append(np.argmax(vectors @ centres.T, axis=1))
    return {w: tuple(str(int(level[i])) for level in ids) for i, w in enumerate(vocab)}


def write_clusters(table: dict[str, tuple[str, ...]], path: Path) -> None:
    lines = ["stem\tclusters (coarse to fine)", *("\t".join((k, *v)) for k, v in sorted(table.items()))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --- scoring -------------------------------------------------------------------------------


def score(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> dict:
    """Exact-match entity precision/recall/F1 (conlleval), overall and per label, in percent.

    >>> s = score([["B-LOC", "O", "B-PERS", "I-PERS"]], [["B-LOC", "O", "B-PERS", "O"]])
    >>> s["overall"]["f1"], s["per_label"]["LOC"]["f1"], s["per_label"]["PERS"]["recall"]
    (50.0, 100.0, 0.0)
    """
    tp: Counter[str] = Counter()
    n_gold: Counter[str] = Counter()
    n_pred: Counter[str] = Counter()
    for g, p in zip(gold, predicted, strict=True):
        gs, ps = set(bio_to_spans(g)), set(bio_to_spans(p))
        for *_, label in gs:
            n_gold[label] += 1
        for *_, label in ps:
            n_pred[label] += 1
        for *_, label in gs & ps:
            tp[label] += 1

    def prf(t: int, g: int, p: int) -> dict:
        precision = 100 * t / p if p else 0.0
        recall = 100 * t / g if g else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 2), "recall": round(recall, 2), "f1": round(f1, 2), "support": g}

    labels = sorted(set(n_gold) | set(n_pred))
    return {
        "overall": prf(sum(tp.values()), sum(n_gold.values()), sum(n_pred.values())),
        "per_label": {lab: prf(tp[lab], n_gold[lab], n_pred[lab]) for lab in labels},
    }


# --- training ------------------------------------------------------------------------------


def train_crf(xseqs: Sequence[list[list[str]]], yseqs: Sequence[Sequence[str]], crf: dict, model_path: Path) -> None:
    """Train a CRFsuite model on feature/tag sequences into ``model_path``."""
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for x, y in zip(xseqs, yseqs, strict=True):
        if x:
            trainer.append(x, list(y))
    trainer.set_params(
        {
            "c1": crf["c1"],
            "c2": crf["c2"],
            "max_iterations": crf["max_iterations"],
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(model_path))


def documents(sentences: list[Sentence], size: int) -> list[list[Sentence]]:
    """Consecutive blocks of ``size`` sentences: the corpora keep article order but not article
    boundaries, so a block stands in for an article when names are pooled across a document.

    >>> [len(d) for d in documents([[("a", "O")]] * 5, 2)]
    [2, 2, 1]
    """
    return [sentences[i:i + size] for i in range(0, len(sentences), size)]


def fit(train: list[Sentence], featuriser: Featuriser, crf: dict, stacking: dict, folder: Path) -> None:
    """Train the first-pass model (``model.crfsuite``) and, when ``stacking["folds"]`` > 1, the
    second pass (``model2.crfsuite``) on document features computed from cross-validated
    first-pass tags, so it learns how far to trust tags on text the first pass never saw."""
    import pycrfsuite

    xs = [featuriser.sentence_features([w for w, _ in s]) for s in train]
    ys = [[t for _, t in s] for s in train]
    train_crf(xs, ys, crf, folder / MODEL_FILE)
    folds = int(stacking.get("folds", 0))
    if folds < 2:
        return
    size = int(stacking["document_sentences"])
    n_docs = (len(train) + size - 1) // size
    fold_of_sentence = [min(folds - 1, (i // size) * folds // max(n_docs, 1)) for i in range(len(train))]
    soft = bool(stacking.get("soft", False))
    cv_tags: list[list[str]] = [[] for _ in train]
    cv_probs: list[list[dict[str, float]]] = [[] for _ in train]
    for f in range(folds):
        inside = [i for i, g in enumerate(fold_of_sentence) if g == f]
        outside = [i for i, g in enumerate(fold_of_sentence) if g != f]
        path = folder / f".fold{f}.crfsuite"
        train_crf([xs[i] for i in outside], [ys[i] for i in outside], crf, path)
        tagger = pycrfsuite.Tagger()
        tagger.open(str(path))
        for i in inside:
            if xs[i]:
                cv_tags[i], cv_probs[i] = first_pass(tagger, xs[i])
        tagger.close()
        path.unlink()
    xs2: list[list[list[str]]] = []
    for start in range(0, len(train), size):
        block = range(start, min(start + size, len(train)))
        extra = document_features([[w for w, _ in train[i]] for i in block], [cv_tags[i] for i in block],
                                  [cv_probs[i] for i in block] if soft else None)
        xs2 += [[b + e for b, e in zip(xs[i], d, strict=True)] for i, d in zip(block, extra, strict=True)]
    train_crf(xs2, ys, crf, folder / SECOND_PASS_FILE)


def evaluate(folder: Path, sentences: list[Sentence], featuriser: Featuriser, document_sentences: int,
             soft: bool = False, confidence_levels: Sequence[float] = ()) -> dict:
    """Score the model in ``folder`` on ``sentences`` (tagged document by document), and time it.

    ``confidence_levels`` adds, per level, the overall score when spans under that confidence
    are dropped (the component's ``min_confidence``): the precision/recall trade-off."""
    import pycrfsuite

    first = pycrfsuite.Tagger()
    first.open(str(folder / MODEL_FILE))
    second = None
    if (folder / SECOND_PASS_FILE).is_file():
        second = pycrfsuite.Tagger()
        second.open(str(folder / SECOND_PASS_FILE))
    gold, scored = [], []
    started = time.perf_counter()
    for doc in documents(sentences, document_sentences):
        scored += scored_tags(first, second, [[w for w, _ in s] for s in doc], featuriser, soft)
        gold += [[t for _, t in s] for s in doc]
    seconds = time.perf_counter() - started
    result = score(gold, [tags for tags, _ in scored])
    if confidence_levels:
        result["by_min_confidence"] = {
            str(level): score(gold, [spans_to_tags([sp for sp in scored_spans(tags, conf) if sp[3] >= level], len(tags))
                                     for tags, conf in scored])["overall"]
            for level in confidence_levels
        }
    n_words = sum(len(s) for s in sentences)
    result["words"] = n_words
    result["words_per_second"] = round(n_words / seconds) if seconds else None
    return result


def spans_to_tags(spans: Sequence[tuple], length: int) -> list[str]:
    """IOB2 tags of ``length`` tokens from ``(start, end, label, ...)`` spans.

    >>> spans_to_tags([(1, 3, "PERS", 0.9)], 4)
    ['O', 'B-PERS', 'I-PERS', 'O']
    """
    tags = ["O"] * length
    for start, end, label, *_ in spans:
        tags[start:end] = [f"B-{label}", *[f"I-{label}"] * (end - start - 1)]
    return tags


def load_corpora(data: Path, task: dict, *, drop_test_texts: bool) -> list[Sentence]:
    """The training sentences of a task (see [tasks] in train.toml)."""
    labels = task["labels"]
    sentences: list[Sentence] = []
    for corpus in task["corpora"]:
        if corpus == "anercorp_train":
            sentences += ner_data.load_anercorp(data, "train")
        elif corpus == "newsfane":
            newsfane = ner_data.load_newsfane(data, labels)
            if drop_test_texts:
                newsfane, _ = ner_data.split_by_source(
                    newsfane,
                    held_out=ner_data.load_anercorp(data, "test"),
                    kept=ner_data.load_anercorp(data, "train"),
                )
            sentences += newsfane
        elif corpus == "aqmar":
            sentences += ner_data.load_aqmar(data, labels)
        elif corpus == "aqmar_without_misc":
            # AQMAR's MIS classes follow other guidelines than ANERcorp's MISC: keep the
            # sentences that have none, for their people, places and organisations
            raw = ner_data.load_aqmar(data, labels)
            sentences += [s for s in raw if not any(t.endswith("MISC") for _, t in s)]
        elif corpus == "written":
            # the project's own annotated articles of the genre, `written_repeat` times: 8,000
            # words beside NewsFANE's 170,000
            written = written_corpus.load_written(task["written_types"], ner_data.label_maps()["clitics"]["proclitics"])
            sentences += written * int(task.get("written_repeat", 1))
        else:
            raise ner_data.CorpusError(f"unknown corpus {corpus!r} in {TRAIN_CONFIG}")
    return sentences


def newsfane_test_part(data: Path, labels: str) -> list[Sentence]:
    """NewsFANE's copy of the ANERcorp test texts, with ``labels``."""
    _, held = ner_data.split_by_source(
        ner_data.load_newsfane(data, labels),
        held_out=ner_data.load_anercorp(data, "test"),
        kept=ner_data.load_anercorp(data, "train"),
    )
    return held


def limited(sentences: list[Sentence], limit: int | None) -> list[Sentence]:
    """Every k-th sentence so that at most ``limit`` remain (a spread-out slice, not the first ones)."""
    if not limit or len(sentences) <= limit:
        return sentences
    step = len(sentences) / limit
    return [sentences[int(i * step)] for i in range(limit)]


def run(args: argparse.Namespace) -> dict:
    config_text = args.config.read_text(encoding="utf-8")
    config = tomllib.loads(config_text)
    crf = dict(config["crf"])
    if args.max_steps:
        crf["max_iterations"] = args.max_steps
    features = FeatureConfig.from_dict(config.get("features", {}))
    cluster_settings = config.get("clusters", {})
    data: Path = args.data
    if not data.is_dir():
        raise ner_data.CorpusError(f"data folder not found: {data} (pass --data)")

    gazetteer = build_gazetteer(ner_data.load_gazetteer_names(data))
    metrics: dict = {"trained_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()), "crf": crf}
    limit = args.limit_sentences

    stacking = config.get("stacking", {})
    doc_size = int(stacking.get("document_sentences", 30))
    soft = bool(stacking.get("soft", False))

    def fit_in(train: list[Sentence], folder: Path) -> tuple[Featuriser, dict, float]:
        """Clusters from the training text itself (never the test text), then the CRF(s)."""
        started = time.perf_counter()
        clusters = word_clusters([[w for w, _ in s] for s in train], **cluster_settings) if cluster_settings else {}
        featuriser = Featuriser(features, gazetteer, clusters)
        folder.mkdir(exist_ok=True)
        fit(train, featuriser, crf, stacking, folder)
        return featuriser, clusters, time.perf_counter() - started

    with tempfile.TemporaryDirectory() as scratch:
        scratch_dir = Path(scratch)

        def fit_and_score(name: str, task: dict, test: list, key: str, title: str) -> None:
            """Train on the task's corpora without the test texts, score on ``test``, record it."""
            train = limited(load_corpora(data, task, drop_test_texts=True), limit)
            featuriser, _, seconds = fit_in(train, scratch_dir / name)
            result = evaluate(scratch_dir / name, limited(test, limit), featuriser, doc_size, soft,
                              config.get("report", {}).get("confidence_levels", ()))
            result.update(train_sentences=len(train), train_seconds=round(seconds, 1), corpora=task["corpora"])
            metrics[key] = result
            print_scores(title, result)

        if not args.skip_benchmark:
            fit_and_score("benchmark", config["tasks"]["benchmark"], ner_data.load_anercorp(data, "test"),
                          "anercorp_test", "benchmark: ANERcorp test split (PERS/LOC/ORG/MISC)")
            if args.save_benchmark:
                shutil.copytree(scratch_dir / "benchmark", args.save_benchmark, dirs_exist_ok=True)

        task = config["tasks"]["shipped"]
        if not args.skip_holdout and not args.benchmark_only:
            fit_and_score("holdout", task, newsfane_test_part(data, task["labels"]), "newsfane_test_texts_schema",
                          "holdout: NewsFANE copy of the ANERcorp test texts (schema types)")

        if args.benchmark_only:
            return metrics
        train = limited(load_corpora(data, task, drop_test_texts=False), limit)
        staging = Path(tempfile.mkdtemp(prefix=".ner-", dir=args.out.parent))
        try:
            staging.chmod(0o755)  # mkdtemp makes it private; the package folder is not
            _, clusters, seconds = fit_in(train, staging)
            metrics["final"] = {
                "train_sentences": len(train),
                "train_words": sum(len(s) for s in train),
                "train_seconds": round(seconds, 1),
                "corpora": task["corpora"],
                "labels": task["labels"],
            }
            print(f"final: trained on {len(train)} sentences in {seconds:.0f} s", flush=True)
            (staging / CONFIG_FILE).write_text(config_text, encoding="utf-8")
            write_gazetteer(gazetteer, staging / GAZETTEER_FILE)
            if clusters:
                write_clusters(clusters, staging / CLUSTERS_FILE)
            shutil.copyfile(ATTRIBUTION, staging / "ATTRIBUTION.md")
            shutil.copyfile(data / "newsfane" / "License.txt", staging / "LICENSE.NewsFANE.txt")
            metrics["model_bytes"] = (staging / MODEL_FILE).stat().st_size
            (staging / "metrics.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
            replace_folder(staging, args.out)
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    print(f"wrote {args.out} ({metrics['model_bytes'] / 1e6:.1f} MB model)")
    return metrics


def replace_folder(new: Path, target: Path) -> None:
    """Put the folder ``new`` at ``target``, replacing any old one without a half-written state."""
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
    os.replace(new, target)
    if old is not None:
        shutil.rmtree(old)


def print_scores(title: str, result: dict) -> None:
    o = result["overall"]
    print(f"{title}: F1 {o['f1']:.1f} (P {o['precision']:.1f} R {o['recall']:.1f}); "
          f"{result['words_per_second']} words/s; trained in {result['train_seconds']} s", flush=True)
    for label, s in result["per_label"].items():
        print(f"  {label:14s} F1 {s['f1']:5.1f}  P {s['precision']:5.1f}  R {s['recall']:5.1f}  n={s['support']}")
    for level, o in result.get("by_min_confidence", {}).items():
        print(f"  spans with confidence >= {level}: F1 {o['f1']:5.1f}  P {o['precision']:5.1f}  R {o['recall']:5.1f}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m silkgraph.extract.tools.train_ner", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="model folder to write (default: %(default)s)")
    parser.add_argument("--max-steps", type=int, default=None, help="CRF training iterations (default: train.toml)")
    parser.add_argument("--limit-sentences", type=int, default=None, help="use at most N sentences per corpus set")
    parser.add_argument("--skip-benchmark", action="store_true", help="do not train/score the ANERcorp benchmark model")
    parser.add_argument("--skip-holdout", action="store_true", help="do not train/score the schema holdout model")
    parser.add_argument("--benchmark-only", action="store_true", help="train and score the benchmark model, write nothing")
    parser.add_argument("--save-benchmark", type=Path, default=None, help="also keep the benchmark model file here")
    parser.add_argument("--config", type=Path, default=TRAIN_CONFIG, help="training settings (default: %(default)s)")
    args = parser.parse_args(argv)
    if args.out == DEFAULT_OUT:
        DEFAULT_OUT.parent.mkdir(exist_ok=True)
    if not args.benchmark_only and not args.out.parent.is_dir():
        parser.error(f"the folder for --out does not exist: {args.out.parent}")
    try:
        run(args)
    except (ner_data.CorpusError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
