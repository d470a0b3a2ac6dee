"""Theme a list of feedback texts: prepare, embed, group, describe, check.

``theme_texts`` needs no database: the caller passes texts and gets back a
``ThemingResult`` with one theme id per text (-1 = unthemed, non-answers
included), the themes with labels, keyphrases and typical texts, and a record
of how the run went (parameters, versions, seconds per stage, stability).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import replace

import numpy as np

from engage.errors import UserError
from engage.models import THEMING_STAGES
from engage.theming.alike import merge_alike
from engage.theming.answers import (
    NOTHING_DESCRIPTION,
    NOTHING_LABEL,
    duplicate_key,
    says_only_nothing,
)
from engage.theming.cache import EmbeddingCache, embed_with_cache
from engage.theming.cluster import (
    ClusterSettings,
    centroids,
    place_others,
    sized_min_cluster_size,
    stability,
)
from engage.theming.embedders import Embedder, get_embedder
from engage.theming.labels import clean_keyphrases, count_keyphrases
from engage.theming.naming import Naming
from engage.theming.prepare import Preparation, prepare_texts
from engage.theming.result import UNTHEMED, Theme, ThemingResult
from engage.theming.space import for_embedder
from engage.theming.subjects import load_lexicon_beside
from engage.theming.titles import name_theme
from engage.theming.versions import library_versions

Progress = Callable[[str, float], None]
STAGES = tuple(THEMING_STAGES)
MIN_DOCS_TO_CLUSTER = 10
REPRESENTATIVES = 3


class _Clock:
    """Seconds per stage, reported to the caller's progress callback as stages go by."""

    def __init__(self, progress: Progress | None) -> None:
        self.progress = progress
        self.seconds: dict[str, float] = {}

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        self.tell(name, 0.0)
        started = time.perf_counter()
        yield
        self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started
        self.tell(name, 1.0)

    def tell(self, name: str, fraction: float) -> None:
        if self.progress is not None:
            self.progress(name, fraction)


def theme_texts(
    texts: list[str],
    *,
    backend: str | Embedder = "fast",
    seed: int = 0,
    n_themes: int | None = None,
    embedding_cache: EmbeddingCache | None = None,
    progress: Progress | None = None,
    min_df: int | None = None,
    settings: ClusterSettings | None = None,
    stability_sample: int = 3000,
) -> ThemingResult:
    """Find the themes in ``texts`` (answers, ideally redacted); never touches the network.

    ``backend`` is "fast", "quality" or any ``Embedder``; ``seed`` makes the run
    reproducible; ``n_themes`` forces the number of themes (else 2-40, decided
    from the answers); ``embedding_cache`` keeps vectors between runs;
    ``progress(stage, fraction)`` hears each stage of ``STAGES`` start (0.0)
    and end (1.0). Raises ``UserError`` for an unknown backend or an impossible
    ``n_themes``. Fewer than 10 distinct answers are too few to group by meaning: each
    one given by 3 people or more is a theme, the others share one, beside the theme of
    the answers of "nothing" if any, with a ``message`` saying why.
    """
    if n_themes is not None and n_themes < 1:
        raise UserError(f"--themes must be at least 1 (got {n_themes})")
    embedder = get_embedder(backend) if isinstance(backend, str) else backend
    clock = _Clock(progress)
    with clock.stage("prepare"):
        prepared = _prepare(list(texts), n_themes)
    fit_docs = [prepared.texts[i] for i in prepared.fit_indices]
    _check_count(n_themes, prepared)
    grouped = n_themes - 1 if n_themes is not None and prepared.nothing else n_themes
    settings = settings or ClusterSettings()
    settings = replace(
        settings,
        n_themes=grouped,
        max_themes=settings.max_themes - bool(prepared.nothing),  # the theme of "nothing" counts
        space=for_embedder(settings.space, embedder),
    )
    if len(prepared.grouped) < MIN_DOCS_TO_CLUSTER:
        return _few_answers(prepared, embedder, seed, clock, settings, n_themes)
    with clock.stage("embed"):
        report = (lambda share: clock.tell("embed", share)) if progress else None
        embeddings = embed_with_cache(embedder, fit_docs, embedding_cache, report)
        aligned = _aligned(embedder, embeddings, fit_docs, prepared.grouped, embedding_cache)
    return _grouped(prepared, fit_docs, embeddings, aligned, embedder, seed, clock, settings,
                    min_df, stability_sample)  # fmt: skip


def _aligned(embedder, embeddings, fit_docs, grouped, cache) -> tuple[np.ndarray, dict]:
    """The grouped answers' vectors as grouping reads them, and what the run record says of
    it: the fast model's are mapped toward MiniLM's, learnt on a sample of the answers that
    its ``teacher`` read (``teacher.py``); other embedders' are used as they are."""
    vectors = embeddings[grouped]
    teacher = getattr(embedder, "teacher", None)
    if teacher is None:
        return vectors, {}
    from engage.theming.teacher import align_to_teacher, teacher_sample

    docs = [fit_docs[i] for i in grouped]
    sample = teacher_sample(docs)
    read = teacher.cut([docs[i] for i in sample])  # a long answer: as far as MiniLM reads it
    taught = embed_with_cache(teacher, read, cache)
    aligned = align_to_teacher(vectors, embedder.encode(read), taught)
    return aligned, {"teacher": teacher.name, "teacher_sample": len(sample)}


def _prepare(texts: list[str], n_themes: int | None) -> Preparation:
    """Prepare the texts; a single forced theme leaves no room for the answers of "nothing"
    beside the other answers, so those are set aside (and the run says so)."""
    prepared = prepare_texts(texts)
    if n_themes == 1 and prepared.nothing and prepared.grouped:
        prepared = prepare_texts(texts, nothing_theme=False)
        prepared.note = 'with --themes 1 the answers of "nothing" are left unthemed'
    return prepared


def _themes_word(count: int) -> str:
    return f"{count} theme{'s' * (count != 1)}"


def _check_count(n_themes: int | None, prepared: Preparation) -> None:
    """Refuse a forced number of themes the answers cannot make (the answers of "nothing"
    make one theme, however many ways they put it; fewer than 10 others make one)."""
    if n_themes is None:
        return
    grouped, nothing = len(prepared.grouped), bool(prepared.nothing)
    if grouped < MIN_DOCS_TO_CLUSTER and n_themes > min(grouped, 1) + nothing:
        raise UserError(
            f"asked for {_themes_word(n_themes)} but {grouped} distinct answer"
            f"{'s' * (grouped != 1)} are too few to split (at least {MIN_DOCS_TO_CLUSTER} are "
            "needed); leave out --themes"
        )
    if n_themes <= grouped + nothing:
        return
    if nothing:
        raise UserError(
            f"asked for {_themes_word(n_themes)} but there are only {grouped} distinct answers "
            f'besides the answers of "nothing" (at most {_themes_word(grouped + 1)})'
        )
    raise UserError(
        f"asked for {_themes_word(n_themes)} but there are only {grouped} distinct answers"
    )


def _grouped(prepared, fit_docs, embeddings, aligned, embedder, seed, clock, settings, min_df,
             sample):  # fmt: skip
    """The full pipeline once there are enough distinct answers to group (``aligned``: their
    vectors as grouping reads them and the record of how, see ``_aligned``); the stability
    check runs beside it, in a thread of its own."""
    from engage.theming.space import feedback_space, language_groups
    from engage.theming.topic_model import fit_topic_model

    clock.tell("reduce", 0.0)
    load_lexicon_beside()  # titles need it; it loads while the answers are grouped
    started = time.perf_counter()
    docs = [fit_docs[n] for n in prepared.grouped]
    copies = prepared.copies()[prepared.grouped]  # the texts each answer stands for
    languages = language_groups(docs, copies)
    vectors, alignment = aligned
    space = feedback_space(vectors, docs, seed, settings.space, languages)
    main = _main_language(languages, copies, settings.n_themes)
    with _beside(stability, space[main], seed, settings, sample, copies=copies[main]) as checked:
        outcome = fit_topic_model([docs[i] for i in main], space[main], embedder, seed,
                                  settings, min_df, clock.tell, copies[main])  # fmt: skip
    later = ("cluster", "outliers", "represent")
    # reduce: everything else since the stage began (the space, cutting the answers into
    # words and phrases, loading UMAP, fitting it)
    outcome.seconds["reduce"] = (
        time.perf_counter() - started - sum(outcome.seconds[stage] for stage in later)
    )
    started = time.perf_counter()
    grouped = place_others(space, main, outcome.labels)
    outcome.seconds["outliers"] += time.perf_counter() - started
    started = time.perf_counter()
    labels = _with_nothing(prepared, grouped)
    near = _alike_across_languages(embeddings, prepared.grouped, languages)
    size = settings.smallest_group(len(main))
    naming = Naming(fit_docs, prepared.copies(), labels, near, embedder)
    keyphrases = outcome.keyphrases
    if settings.n_themes is None:  # a forced count is kept as asked
        keyphrases = merge_alike(naming, dict(keyphrases), _nothing_theme(prepared, labels),
                                 fewest=settings.min_themes)  # fmt: skip
    labels = naming.labels
    themes, order = _themes(prepared, naming, keyphrases, size)
    for theme, centre in zip(themes, _centres(embeddings, labels, _ids(order)), strict=True):
        theme.centroid = centre  # kept as the model sees it, to match themes across runs
    outcome.seconds["represent"] += time.perf_counter() - started
    clock.tell("represent", 1.0)
    for stage in ("reduce", *later):
        clock.seconds[stage] = outcome.seconds[stage]
    clock.tell("stability", 0.0)
    score, clock.seconds["stability"] = checked.result()  # its own time, mostly overlapped
    clock.tell("stability", 1.0)
    asked = settings.n_themes and settings.n_themes + bool(prepared.nothing)
    params = _params(embedder, settings, prepared, outcome.min_df, sample, len(main), asked)
    themed = bool((outcome.labels != UNTHEMED).any())
    placed = int(copies.sum() - copies[main].sum()) if themed else 0
    params.update(alignment)
    params["n_other_language"] = placed  # texts, not distinct answers
    if params["n_other_language"]:  # language_groups gives the English answers, then French
        params["other_language"] = "French" if main is languages[0] else "English"
    message = "" if themes else "no recurring themes found: the answers have little in common"
    return _result(prepared, near, labels, themes, order, params, seed, clock,
                   score, message)  # fmt: skip


@contextmanager
def _beside(work: Callable, *args, **kwargs) -> Iterator[Future]:
    """Run ``work(*args, **kwargs)`` in a thread while the block runs; the future gives (result,
    seconds). UMAP's layout releases the GIL (``runtime.cache_umap_compilation``), so on a
    machine with two cores the stability check costs little wall time. Leaving the block
    early (a cancelled run) does not wait for the work."""
    from engage.theming.runtime import cache_umap_compilation, import_bertopic

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
    from engage.theming.embedders import unit_rows
    from engage.theming.space import centre_groups

    shifted = embeddings.copy()
    answers = embeddings[grouped]
    shifted[grouped] = centre_groups(answers, languages) + answers.mean(axis=0)
    return unit_rows(shifted)


def _ids(order: dict[int, int]) -> list[int]:
    """The model's theme ids in the order of the themes' numbers."""
    return sorted(order, key=order.__getitem__)


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


def _few_answers(prepared: Preparation, embedder, seed, clock: _Clock, settings,
                 n_themes) -> ThemingResult:  # fmt: skip
    """Fewer than 10 distinct answers to group: too few to group by meaning. Each answer as
    many people gave as the smallest theme holds (3) is a theme of its own, named by what it
    says; the others form one theme (or none), beside the theme of the answers of "nothing"."""
    count = len(prepared.grouped)
    params = _params(embedder, settings, prepared, None, 0, n_themes=n_themes)
    if not prepared.fit_indices:
        total = len(prepared.texts)
        message = "no texts to theme" if total == 0 else (
            f'nothing to theme: all {total} texts are empty or non-answers ("n/a", "-", "idk")'
        )  # fmt: skip
        return _result(prepared, None, np.zeros(0, int), [], {}, params, seed, clock, None, message)
    docs = [prepared.texts[prepared.fit_indices[n]] for n in prepared.grouped]
    size = sized_min_cluster_size(count)
    given = prepared.copies()[prepared.grouped]
    alone = np.flatnonzero(given >= size) if n_themes is None else np.zeros(0, dtype=int)
    grouped = np.full(count, len(alone), dtype=int)  # the others share the theme after them
    grouped[alone] = np.arange(len(alone))
    members = {
        theme: [docs[i] for i in np.flatnonzero(grouped == theme)]
        for theme in set(grouped.tolist())
    }
    keyphrases = {theme: [(k, 1.0) for k in count_keyphrases(texts)]
                  for theme, texts in members.items()}  # fmt: skip
    labels = _with_nothing(prepared, grouped)
    fit_docs = [prepared.texts[i] for i in prepared.fit_indices]
    with clock.stage("represent"):
        themes, order = _themes(prepared, Naming(fit_docs, prepared.copies(), labels), keyphrases,
                                size)  # fmt: skip
    besides = ' besides the answers of "nothing"' if prepared.nothing else ""
    rest = count - len(alone)
    if len(alone) + bool(rest) > 1:
        message = (
            f"only {count} distinct answers{besides}: too few to group by meaning (at least "
            f"{MIN_DOCS_TO_CLUSTER} are needed), so each answer given by {size} or more people "
            "is a theme of its own" + (f" and the other {rest} form one" if rest else "")
        )
    else:
        message = "" if not count else (
            f"only {count} distinct answer{'s' * (count != 1)}{besides}: too few to find "
            f"separate themes (at least {MIN_DOCS_TO_CLUSTER} are needed), so they form one theme"
        )  # fmt: skip
    return _result(prepared, None, labels, themes, order, params, seed, clock, None, message)


def _themes(prepared, naming: Naming, keyphrases, size) -> tuple[list[Theme], dict[int, int]]:
    """Themes numbered by size (1 = largest, counting every text that carries the theme),
    each with a plain title and a one-sentence description drawn from its answers (see
    ``titles``), or titled by what was said when that is mostly one short answer given
    word for word by at least ``size`` people ("Nobody told me what was happening")."""
    labels = naming.labels
    ids = sorted(set(labels.tolist()) - {UNTHEMED})
    carried = labels[prepared.source[prepared.source >= 0]]
    sizes = {theme: int(np.sum(carried == theme)) for theme in ids}
    ids.sort(key=lambda theme: (-sizes[theme], theme))
    nothing = _nothing_theme(prepared, labels)
    taken = {NOTHING_LABEL.lower()} if nothing is not None else set()
    centres = _centres(naming.vectors, labels, ids)
    themes = []
    for number, theme in enumerate(ids, start=1):
        phrases = (nothing_keyphrases(prepared) if theme == nothing
                   else clean_keyphrases(keyphrases.get(theme, [])))  # fmt: skip
        if theme == nothing:
            title, description = NOTHING_LABEL, NOTHING_DESCRIPTION
        else:
            title, description = name_theme(naming, theme, taken, phrases)
            title = _given_word_for_word(prepared, labels, theme, size, sizes[theme]) or title
        taken.add(title.lower())
        typical = _typical(naming.vectors, labels, theme, centres[number - 1])
        representatives = [prepared.fit_indices[i] for i in typical]
        themes.append(Theme(number, title, phrases, sizes[theme], representatives,
                            centres[number - 1], description))  # fmt: skip
    return themes, {theme: number for number, theme in enumerate(ids, start=1)}


def _nothing_theme(prepared: Preparation, labels: np.ndarray) -> int | None:
    return int(labels[prepared.nothing[0]]) if prepared.nothing else None


def _given_word_for_word(prepared, labels, theme: int, size: int, carried: int) -> str:
    """The answer most of a theme's texts give word for word, when as many people as the
    smallest theme holds gave it and it is short enough to be a title; else ""."""
    copies = prepared.copies()
    members = np.flatnonzero(labels == theme)
    most = members[int(np.argmax(copies[members]))]
    if copies[most] < size or 2 * copies[most] < carried:
        return ""
    return _as_title(prepared.texts[prepared.fit_indices[most]])


def _as_title(answer: str, max_words: int = 8) -> str:
    """A short answer as a theme's title ("The website kept crashing"); "" when too long."""
    title = answer.strip().rstrip(".!?…;:, ").strip()
    if not title or len(title.split()) > max_words or len(title) > 60:
        return ""
    return title[0].upper() + title[1:]


def _centres(embeddings, labels, ids) -> np.ndarray:
    if embeddings is None:
        return np.zeros((len(ids), 0), dtype=np.float32)
    found, centres = centroids(embeddings, labels)
    position = {theme: n for n, theme in enumerate(found)}
    return centres[[position[theme] for theme in ids]]


def _typical(embeddings, labels, theme, centre) -> list[int]:
    """Positions (among fitted answers) of the theme's answers closest to its centre."""
    members = np.flatnonzero(labels == theme)
    if embeddings is None:
        return members[:REPRESENTATIVES].tolist()
    closeness = embeddings[members] @ centre
    return members[np.argsort(-closeness, kind="stable")[:REPRESENTATIVES]].tolist()


def _result(prepared, embeddings, labels, themes, order, params, seed, clock, score, message):
    """Spread the fitted answers' themes to every input text and assemble the result."""
    message = "; ".join(part for part in (prepared.note, message) if part)
    count = len(prepared.texts)
    assignments = [UNTHEMED] * count
    probabilities = [0.0] * count
    closeness = _closeness(embeddings, labels)
    for i, position in enumerate(prepared.source.tolist()):
        if position >= 0 and labels[position] != UNTHEMED:
            assignments[i] = order[int(labels[position])]
            probabilities[i] = closeness[position]
    return ThemingResult(
        assignments=assignments, probabilities=probabilities, themes=themes,
        flags=prepared.flags, campaigns=prepared.campaigns, params=params, seed=seed,
        versions=library_versions(params["backend"]),
        seconds={stage: clock.seconds.get(stage, 0.0) for stage in STAGES},
        stability=score, message=message,
    )  # fmt: skip


def _closeness(embeddings, labels) -> list[float]:
    """Each fitted answer's cosine to its theme's centre, clipped to 0..1 (1 without vectors)."""
    if embeddings is None:
        return [1.0] * len(labels)
    values = np.zeros(len(labels))
    ids, centres = centroids(embeddings, labels)
    for theme, centre in zip(ids, centres, strict=True):
        members = labels == theme
        values[members] = embeddings[members] @ centre
    return np.clip(values, 0.0, 1.0).round(4).tolist()


def nothing_keyphrases(prepared: Preparation, limit: int = 5) -> list[str]:
    """How the answers of "nothing" were put, most frequent first: "nothing", "none" (short
    forms only: "Nothing, the staff were great" or "Nothing - 10/10" are not keyphrases)."""
    copies = prepared.copies()
    forms: Counter[str] = Counter()
    for n in prepared.nothing:
        text = prepared.texts[prepared.fit_indices[n]]
        form = duplicate_key(text)
        if says_only_nothing(text) and len(form.split()) <= 4 and not any(map(str.isdigit, form)):
            forms[form] += int(copies[n])
    return [form for form, _ in forms.most_common(limit)] or ["nothing"]


def _params(embedder, settings, prepared: Preparation, min_df, sample, n_grouped=None,
            n_themes=None) -> dict:  # fmt: skip
    """The parameters of the run as stored with it (``n_grouped``: the answers the themes
    were found in, when not all of ``prepared.grouped``; ``n_themes``: the count asked for)."""
    n_grouped = len(prepared.grouped) if n_grouped is None else n_grouped
    chosen = settings.as_dict()
    chosen["n_themes"] = n_themes  # the grouping may have been asked for one fewer
    chosen["max_themes"] += bool(prepared.nothing)  # ... and allowed one fewer
    chosen["min_cluster_size"] = settings.smallest_group(n_grouped)
    return {
        "backend": getattr(embedder, "name", type(embedder).__name__),
        "embedding_dim": int(getattr(embedder, "dim", 0)),
        "clusterer": "hdbscan",
        "n_fitted": len(prepared.fit_indices),
        "n_nothing": len(prepared.nothing),
        "min_df": min_df,
        "stability_sample": sample,
        **chosen,
    }
