"""Aligning the fast model to MiniLM on a sample of a run's own answers (fake models)."""

from __future__ import annotations

import numpy as np

from engage.theming import ThemingOptions, theme_texts
from engage.theming.cache import MemoryEmbeddingCache
from engage.theming.teacher import SAMPLE, align_to_teacher, teacher_sample
from engage.theming.testing import HashingEmbedder
from engage.theming.vectors import unit_rows
from tests.unit.test_theming_pipeline import three_topics


class Teacher(HashingEmbedder):
    """A fake teacher that reads the first five words of a text."""

    def cut(self, texts: list[str]) -> list[str]:
        return [" ".join(text.split()[:5]) for text in texts]


class Student(HashingEmbedder):
    """A fake fast model whose teacher is another fake model."""

    def __init__(self) -> None:
        super().__init__(dim=48)
        self.name = "student-48"
        self.teacher = Teacher(dim=32)


def test_the_sample_does_not_depend_on_the_order_of_the_answers():
    texts = [f"answer number {i} about the counter" for i in range(SAMPLE + 200)]
    first = {texts[i] for i in teacher_sample(texts)}
    backwards = texts[::-1]
    again = {backwards[i] for i in teacher_sample(backwards)}
    assert len(first) == SAMPLE and first == again
    assert list(teacher_sample(texts[:30])) == list(range(30))  # a few: all of them


def test_aligned_vectors_are_near_the_teachers_outside_the_sample_too():
    """Student vectors that are a scrambled, noisy view of the teacher's come back close
    to the teacher's for the answers MiniLM did not read."""
    rng = np.random.default_rng(0)
    truth = unit_rows(rng.standard_normal((800, 24)))
    student = unit_rows(
        truth @ rng.standard_normal((24, 40)) + 0.05 * rng.standard_normal((800, 40))
    )
    sample = np.arange(0, 800, 2)
    aligned = align_to_teacher(student, student[sample], truth[sample])
    unread = np.arange(1, 800, 2)
    assert np.mean(np.sum(aligned[unread] * truth[unread], axis=1)) > 0.95


def test_a_run_with_a_teacher_records_it_and_keeps_its_vectors():
    texts, _ = three_topics(per_topic=20)
    cache, student = MemoryEmbeddingCache(), Student()
    run = theme_texts(texts, ThemingOptions(backend=student, embedding_cache=cache))
    assert run.n_themes >= 3
    assert run.params["teacher"] == "hashing-32"
    assert run.params["teacher_sample"] == len(set(texts))
    cut = set(student.teacher.cut(list(set(texts))))
    assert len(cache) == len(set(texts)) + len(cut)  # the student's vectors, the teacher's
    calls = student.teacher.calls
    theme_texts(texts, ThemingOptions(backend=student, embedding_cache=cache, seed=1))
    assert student.teacher.calls == calls  # re-theming does not ask the teacher again
