"""Theme a list of feedback texts: prepare, embed, group, describe, check.

``theme_texts`` needs no database: the caller passes texts and gets back a
``ThemingResult`` with one theme id per text (-1 = unthemed, non-answers
included), the themes with labels, keyphrases and typical texts, and a record
of how the run went (parameters, versions, seconds per stage, stability).

Each stage reads the ``ThemingRun`` (``run.py``) and fills in what it found.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import numpy as np

from engage.errors import ThemeCount, TooFewToSplit
from engage.theming.alike import merge_alike
from engage.theming.cache import embed_with_cache
from engage.theming.cluster import place_others, stability
from engage.theming.embedders import get_embedder
from engage.theming.labels import count_keyphrases
from engage.theming.naming import Naming
from engage.theming.prepare import Preparation, prepare_texts
from engage.theming.represent import centres_of, nothing_theme, number_themes
from engage.theming.result import UNTHEMED, ThemingResult
from engage.theming.run import STAGES, StageClock, ThemingOptions, ThemingRun
from engage.theming.runtime import cache_umap_compilation, import_bertopic
from engage.theming.settings import sized_min_cluster_size
from engage.theming.space import centre_groups, feedback_space, for_embedder, language_groups
from engage.theming.subjects import load_lexicon_beside
from engage.theming.teacher import align_to_teacher, teacher_sample
from engage.theming.topic_model import AnswersToGroup, fit_topic_model
from engage.theming.vectors import unit_rows

__all__ = ["STAGES", "ThemingOptions", "theme_texts"]

MIN_DOCS_TO_CLUSTER = 10


def theme_texts(texts: list[str], options: ThemingOptions | None = None) -> ThemingResult:
    """Find the themes in ``texts`` (answers, ideally redacted); never touches the network.

    ``options`` (``ThemingOptions``) choose the backend, the seed, a forced number of
    themes (else 2-40, decided from the answers), the embedding cache and the progress
    callback, which hears each stage of ``STAGES`` start (0.0) and end (1.0). Raises
    ``UserError`` for an unknown backend and ``ThemeCount`` for an impossible number of
    themes. Fewer than 10
    distinct answers are too few to group by meaning: each one given by 3 people or more
    is a theme, the others share one, beside the theme of the answers of "nothing" if
    any, with a ``message`` saying why.
    """
    options = options or ThemingOptions()
    if options.n_themes is not None and options.n_themes < 1:
        raise ThemeCount(f"the number of themes must be at least 1 (got {options.n_themes})")
    backend = options.backend
    embedder = get_embedder(backend) if isinstance(backend, str) else backend
    run = ThemingRun(list(texts), embedder, options, StageClock(options.progress))
    _prepare(run)
    if len(run.prepared.grouped) < MIN_DOCS_TO_CLUSTER:
        _few_answers(run)
        return run.result()
    with run.clock.stage("embed"):
        _embed(run)
    checked = _group(run)
    _name(run)
    _check(run, checked)
    return run.result()


def _prepare(run: ThemingRun) -> None:
    """Flag non-answers, duplicates and campaigns, and size the grouping to what is left.

    A single forced theme leaves no room for the answers of "nothing" beside the other
    answers, so those are set aside (and the run says so)."""
    n_themes = run.options.n_themes
    with run.clock.stage("prepare"):
        prepared = prepare_texts(run.texts)
        if n_themes == 1 and prepared.nothing and prepared.grouped:
            prepared = prepare_texts(run.texts, nothing_theme=False)
            prepared.note = (
                'with a single theme asked for, the answers of "nothing" are left unthemed'
            )
    run.prepared = prepared
    run.fit_docs = [prepared.texts[i] for i in prepared.fit_indices]
    _check_count(n_themes, prepared)
    grouped = n_themes - 1 if n_themes is not None and prepared.nothing else n_themes
    settings = run.options.settings or run.settings
    run.settings = replace(
        settings,
        n_themes=grouped,
        max_themes=settings.max_themes - bool(prepared.nothing),  # the theme of "nothing" counts
        space=for_embedder(settings.space, run.embedder),
    )


def _themes_word(count: int) -> str:
    return f"{count} theme{'s' * (count != 1)}"


def _check_count(n_themes: int | None, prepared: Preparation) -> None:
    """Refuse a forced number of themes the answers cannot make (the answers of "nothing"
    make one theme, however many ways they put it; fewer than 10 others make one)."""
    if n_themes is None:
        return
    grouped, nothing = len(prepared.grouped), bool(prepared.nothing)
    if grouped < MIN_DOCS_TO_CLUSTER and n_themes > min(grouped, 1) + nothing:
        raise TooFewToSplit(
            f"asked for {_themes_word(n_themes)} but {grouped} distinct answer"
            f"{'s' * (grouped != 1)} are too few to split (at least {MIN_DOCS_TO_CLUSTER} are "
            "needed)"
        )
    if n_themes <= grouped + nothing:
        return
    if nothing:
        raise ThemeCount(
            f"asked for {_themes_word(n_themes)} but there are only {grouped} distinct answers "
            f'besides the answers of "nothing" (at most {_themes_word(grouped + 1)})'
        )
    raise ThemeCount(
        f"asked for {_themes_word(n_themes)} but there are only {grouped} distinct answers"
    )


def _embed(run: ThemingRun) -> None:
    """Embed the fitted answers (through the cache), and the grouped answers as grouping
    reads them: the fast model's vectors mapped toward MiniLM's, learnt on a sample of the
    answers its ``teacher`` read (``teacher.py``); other embedders' used as they are."""
    clock, cache = run.clock, run.options.embedding_cache
    report = (lambda share: clock.tell("embed", share)) if clock.progress else None
    run.embeddings = embed_with_cache(run.embedder, run.fit_docs, cache, report)
    run.vectors = run.embeddings[run.prepared.grouped]
    teacher = getattr(run.embedder, "teacher", None)
    if teacher is None:
        return
    docs = [run.fit_docs[i] for i in run.prepared.grouped]
    sample = teacher_sample(docs)
    read = teacher.cut([docs[i] for i in sample])  # a long answer: as far as MiniLM reads it
    taught = embed_with_cache(teacher, read, cache)
    run.vectors = align_to_teacher(run.vectors, run.embedder.encode(read), taught)
    run.alignment = {"teacher": teacher.name, "teacher_sample": len(sample)}


def _group(run: ThemingRun) -> Future:
    """Reduce, cluster, settle and place outliers, in the answers' main language; the other
    language's answers join the nearest theme. The stability check starts beside it, in a
    thread of its own; its future is returned."""
    clock, prepared, settings = run.clock, run.prepared, run.settings
    clock.tell("reduce", 0.0)
    load_lexicon_beside()  # titles need it; it loads while the answers are grouped
    started = time.perf_counter()
    docs = [run.fit_docs[n] for n in prepared.grouped]
    copies = prepared.copies()[prepared.grouped]  # the texts each answer stands for
    languages = language_groups(docs, copies)
    space = feedback_space(run.vectors, docs, run.seed, settings.space, languages)
    main = _main_language(languages, copies, settings.n_themes)
    answers = AnswersToGroup(
        docs=[docs[i] for i in main],
        vectors=space[main],
        embedder=run.embedder,
        seed=run.seed,
        settings=settings,
        min_df=run.options.min_df,
        copies=copies[main],
    )
    sample = run.options.stability_sample
    with _beside(stability, space[main], run.seed, settings, sample, copies=copies[main]) as check:
        run.outcome = fit_topic_model(answers, clock.tell)
    later = ("cluster", "outliers", "represent")
    # reduce: everything else since the stage began (the space, cutting the answers into
    # words and phrases, loading UMAP, fitting it)
    seconds = run.outcome.seconds
    seconds["reduce"] = time.perf_counter() - started - sum(seconds[stage] for stage in later)
    started = time.perf_counter()
    grouped = place_others(space, main, run.outcome.labels)
    seconds["outliers"] += time.perf_counter() - started
    run.labels = _with_nothing(prepared, grouped)
    run.near = _alike_across_languages(run.embeddings, prepared.grouped, languages)
    run.languages, run.main = languages, main
    return check


def _name(run: ThemingRun) -> None:
    """Merge themes that say the same thing (unless the count was forced), then number,
    title and describe them; each keeps its centre as the model sees it, to match themes
    across runs."""
    started = time.perf_counter()
    prepared, settings = run.prepared, run.settings
    naming = Naming(run.fit_docs, prepared.copies(), run.labels, run.near, run.embedder)
    keyphrases = run.outcome.keyphrases
    if settings.n_themes is None:  # a forced count is kept as asked
        nothing = nothing_theme(prepared, run.labels)
        keyphrases = merge_alike(naming, dict(keyphrases), nothing, fewest=settings.min_themes)
    run.labels = naming.labels
    size = settings.smallest_group(len(run.main))
    run.themes, run.order = number_themes(prepared, naming, keyphrases, size)
    ids = sorted(run.order, key=run.order.__getitem__)  # the model's ids by theme number
    for theme, centre in zip(run.themes, centres_of(run.embeddings, run.labels, ids), strict=True):
        theme.centroid = centre
    run.outcome.seconds["represent"] += time.perf_counter() - started
    run.clock.tell("represent", 1.0)


def _check(run: ThemingRun, checked: Future) -> None:
    """Wait for the stability check and write the run's record."""
    clock, prepared, settings, outcome = run.clock, run.prepared, run.settings, run.outcome
    for stage in ("reduce", "cluster", "outliers", "represent"):
        clock.seconds[stage] = outcome.seconds[stage]
    clock.tell("stability", 0.0)
    run.stability, clock.seconds["stability"] = checked.result()  # mostly overlapped
    clock.tell("stability", 1.0)
    asked = settings.n_themes and settings.n_themes + bool(prepared.nothing)
    sample = run.options.stability_sample
    run.params = _params(run, outcome.min_df, sample, len(run.main), asked)
    copies = prepared.copies()[prepared.grouped]
    themed = bool((outcome.labels != UNTHEMED).any())
    placed = int(copies.sum() - copies[run.main].sum()) if themed else 0
    run.params.update(run.alignment)
    run.params["n_other_language"] = placed  # texts, not distinct answers
    if placed:  # language_groups gives the English answers, then French
        run.params["other_language"] = "French" if run.main is run.languages[0] else "English"
    if not run.themes:
        run.message = "no recurring themes found: the answers have little in common"


@contextmanager
def _beside(work: Callable, *args, **kwargs) -> Iterator[Future]:
    """Run ``work(*args, **kwargs)`` in a thread while the block runs; the future gives (result,
    seconds). UMAP's layout releases the GIL (``runtime.cache_umap_compilation``), so on a
    machine with two cores the stability check costs little wall time. Leaving the block
    early (a cancelled run) does not wait for the work."""
    import_bertopic()  # both before the thread starts: they change how modules import
    cache_umap_compilation()

    def timed() -> tuple[object, float]:
        started = time.perf_counter()
        return work(*args, **kwargs), time.perf_counter() - started

    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="engage-theming")
    try:
        yield pool.submit(timed)
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _alike_across_languages(embeddings, grouped: list[int], languages) -> np.ndarray:
    """The vectors typical answers and closeness are measured in: as embedded, except that
    in a bilingual run each language's answers are moved to share one mean, so that an
    answer in French can be as typical of its theme as one in English."""
    if len(languages) == 1:
        return embeddings
    shifted = embeddings.copy()
    answers = embeddings[grouped]
    shifted[grouped] = centre_groups(answers, languages) + answers.mean(axis=0)
    return unit_rows(shifted)


def _main_language(languages: list[np.ndarray], copies: np.ndarray, n_themes) -> np.ndarray:
    """The answers themes are found in: those of the language most texts are in, unless it
    has too few distinct answers to group (a petition), or fewer than the themes asked for;
    then the other language's, or both together."""
    if len(languages) == 1:
        return languages[0]
    for members in sorted(languages, key=lambda members: -copies[members].sum()):
        if len(members) >= max(MIN_DOCS_TO_CLUSTER, n_themes or 0):
            return members
    return np.arange(len(copies))


def _with_nothing(prepared: Preparation, grouped_labels: np.ndarray) -> np.ndarray:
    """The theme of every fitted answer: the grouped answers' themes, and one theme more
    (numbered after them) for the answers of "nothing"."""
    labels = np.full(len(prepared.fit_indices), UNTHEMED, dtype=int)
    labels[prepared.grouped] = grouped_labels
    if prepared.nothing:
        labels[prepared.nothing] = max(int(labels.max()), UNTHEMED) + 1
    return labels


def _few_answers(run: ThemingRun) -> None:
    """Fewer than 10 distinct answers to group: too few to group by meaning. Each answer as
    many people gave as the smallest theme holds (3) is a theme of its own, named by what it
    says; the others form one theme (or none), beside the theme of the answers of "nothing"."""
    prepared, n_themes = run.prepared, run.options.n_themes
    count = len(prepared.grouped)
    run.params = _params(run, None, 0, n_themes=n_themes)
    if not prepared.fit_indices:
        total = len(prepared.texts)
        run.message = "no texts to theme" if total == 0 else _all_non_answers(total)
        return
    docs = [prepared.texts[prepared.fit_indices[n]] for n in prepared.grouped]
    size = sized_min_cluster_size(count)
    given = prepared.copies()[prepared.grouped]
    alone = np.flatnonzero(given >= size) if n_themes is None else np.zeros(0, dtype=int)
    grouped = np.full(count, len(alone), dtype=int)  # the others share the theme after them
    grouped[alone] = np.arange(len(alone))
    keyphrases = {}
    for theme in set(grouped.tolist()):
        texts = [docs[i] for i in np.flatnonzero(grouped == theme)]
        keyphrases[theme] = [(k, 1.0) for k in count_keyphrases(texts)]
    run.labels = _with_nothing(prepared, grouped)
    with run.clock.stage("represent"):
        naming = Naming(run.fit_docs, prepared.copies(), run.labels)
        run.themes, run.order = number_themes(prepared, naming, keyphrases, size)
    run.message = _few_answers_message(prepared, len(alone), size)


def _all_non_answers(total: int) -> str:
    return f'nothing to theme: all {total} texts are empty or non-answers ("n/a", "-", "idk")'


def _few_answers_message(prepared: Preparation, alone: int, size: int) -> str:
    """Why a short list was not grouped by meaning, and what was done instead (``alone``:
    the answers that are a theme of their own)."""
    count = len(prepared.grouped)
    besides = ' besides the answers of "nothing"' if prepared.nothing else ""
    rest = count - alone
    if alone + bool(rest) > 1:
        return (
            f"only {count} distinct answers{besides}: too few to group by meaning (at least "
            f"{MIN_DOCS_TO_CLUSTER} are needed), so each answer given by {size} or more people "
            "is a theme of its own" + (f" and the other {rest} form one" if rest else "")
        )
    if not count:
        return ""
    return (
        f"only {count} distinct answer{'s' * (count != 1)}{besides}: too few to find "
        f"separate themes (at least {MIN_DOCS_TO_CLUSTER} are needed), so they form one theme"
    )


def _params(run: ThemingRun, min_df, sample, n_grouped=None, n_themes=None) -> dict[str, Any]:
    """The parameters of the run as stored with it (``n_grouped``: the answers the themes
    were found in, when not all of ``prepared.grouped``; ``n_themes``: the count asked for)."""
    prepared, settings = run.prepared, run.settings
    n_grouped = len(prepared.grouped) if n_grouped is None else n_grouped
    chosen = settings.as_dict()
    chosen["n_themes"] = n_themes  # the grouping may have been asked for one fewer
    chosen["max_themes"] += bool(prepared.nothing)  # ... and allowed one fewer
    chosen["min_cluster_size"] = settings.smallest_group(n_grouped)
    return {
        "backend": getattr(run.embedder, "name", type(run.embedder).__name__),
        "embedding_dim": int(getattr(run.embedder, "dim", 0)),
        "clusterer": "hdbscan",
        "n_fitted": len(prepared.fit_indices),
        "n_nothing": len(prepared.nothing),
        "min_df": min_df,
        "stability_sample": sample,
        **chosen,
    }
