"""Theming with the real offline models on the demo consultation (marked slow; CI runs them)."""

from __future__ import annotations

import csv
import socket
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from engage.theming import QualityEmbedder, ThemingOptions, theme_texts
from engage.theming.metrics import nmi
from engage.theming.space import language_groups
from engage.theming.teacher import SAMPLE, MiniLMTeacher

pytestmark = pytest.mark.slow

DATA = Path(__file__).resolve().parents[2] / "data"
Q1 = "What is the main thing we should change about how you get service from us?"


def demo_rows(name: str) -> list[dict[str, str]]:
    with (DATA / f"{name}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def demo_answers(limit: int) -> list[str]:
    return [row[Q1] for row in demo_rows("survey_export") if row[Q1].strip()][:limit]


def demo_labelled() -> tuple[list[str], list[str]]:
    """Every demo answer with the topic it was written for (data/topics.csv)."""
    cells = {}
    for name in ("survey_export", "session_notes"):
        for number, row in enumerate(demo_rows(name), 1):
            for column, value in row.items():
                cells[(name, str(number), "Session notes" if column == "text" else column)] = value
    key = demo_rows("topics")
    return [cells[(r["source"], r["row"], r["question"])] for r in key], [r["topic"] for r in key]


@pytest.fixture(scope="module")
def shared_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("theming-models")


@pytest.fixture
def models_home(shared_home, monkeypatch) -> Path:
    """One ENGAGE_HOME for the module, so the fast model is distilled once."""
    monkeypatch.setenv("ENGAGE_HOME", str(shared_home))
    return shared_home


@pytest.fixture
def no_network(monkeypatch) -> list[object]:
    attempts: list[object] = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise OSError("network is cut off in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


def test_fast_backend_themes_demo_answers(models_home):
    texts = demo_answers(400)
    result = theme_texts(texts, ThemingOptions(backend="fast"))
    assert 4 <= result.n_themes <= 40
    assert result.unthemed_share <= 0.15
    assert result.stability is not None and result.stability >= 0.5
    assert all(theme.label and theme.keyphrases for theme in result.themes)
    assert result.params["backend"].startswith("model2vec-minilm")
    assert result.params["teacher"].startswith("all-MiniLM-L6-v2")
    assert 350 <= result.params["teacher_sample"] < SAMPLE  # the distinct answers of 400


def test_quality_backend_themes_demo_answers(models_home):
    result = theme_texts(demo_answers(250), ThemingOptions(backend="quality"))
    assert 3 <= result.n_themes <= 40
    assert result.unthemed_share <= 0.2
    assert result.params["embedding_dim"] == 384
    assert "sentence-transformers" in result.versions


def test_theming_works_with_the_network_cut_off(no_network, engage_home):
    """A fresh ENGAGE_HOME: the fast model is distilled under the block, then both models run."""
    assert not (engage_home / "cache" / "model2vec-minilm").exists()
    result = theme_texts(demo_answers(150), ThemingOptions(backend="fast"))
    assert result.n_themes >= 1
    assert (engage_home / "cache" / "model2vec-minilm" / "model.safetensors").is_file()
    vectors = QualityEmbedder().encode(["The wait at the counter was far too long"])
    assert vectors.shape == (1, 384)
    assert no_network == []


def test_demo_themes_recover_most_topics(models_home):
    texts, topics = demo_labelled()
    result = theme_texts(texts, ThemingOptions(backend="fast"))
    plurality = {}
    for theme in set(result.assignments) - {-1}:
        held = Counter(t for t, a in zip(topics, result.assignments, strict=True) if a == theme)
        plurality[theme] = held.most_common(1)[0][0]
    recovered = []
    for topic in set(topics) - {"non_answer", "campaign", "nothing"}:
        placed = [a for t, a in zip(topics, result.assignments, strict=True) if t == topic]
        held = sum(1 for a in placed if a != -1 and plurality[a] == topic)
        if held * 2 > len(placed):
            recovered.append(topic)
    assert len(recovered) >= 7, recovered
    non_answers = [a for t, a in zip(topics, result.assignments, strict=True) if t == "non_answer"]
    assert sum(a == -1 for a in non_answers) >= 0.8 * len(non_answers)
    french = [i for i in language_groups(texts)[1] if topics[i] not in ("non_answer", "nothing")]
    themes_of_french = Counter(result.assignments[i] for i in french)
    assert themes_of_french.most_common(1)[0][1] < 0.5 * len(french)  # not one "French" theme
    assert nmi([topics[i] for i in french], [result.assignments[i] for i in french]) > 0.2
    nothing = [a for t, a in zip(topics, result.assignments, strict=True) if t == "nothing"]
    theme, held = Counter(nothing).most_common(1)[0]
    assert result.themes[theme - 1].label == "Nothing to add or change"  # numbered from 1
    assert held >= 0.9 * len(nothing)  # "Nothing else, the staff were great." too
    assert result.campaigns and result.campaigns[0].size >= 20


def test_the_teacher_reads_answers_as_sentence_transformers_does(models_home):
    """The fast model is aligned to MiniLM read without sentence-transformers: the same
    vectors."""
    teacher = MiniLMTeacher()
    texts = teacher.cut(demo_answers(60))  # sentence-transformers would read further
    ours = teacher.encode(texts)
    theirs = QualityEmbedder().encode(texts)
    assert ours.shape == theirs.shape == (60, 384)
    assert np.min(np.sum(ours * theirs, axis=1)) > 0.9999
