"""Agreement measures used to check themes against people and against other runs."""

from __future__ import annotations

import pytest

from engage.theming.metrics import ari, cohen_kappa, nmi, stability


def test_same_grouping_under_other_names_scores_one():
    truth = ["wait", "wait", "parking", "parking", "online"]
    found = [2, 2, 0, 0, -1]
    assert nmi(truth, found) == pytest.approx(1.0)
    assert ari(truth, found) == pytest.approx(1.0)


def test_unrelated_grouping_scores_low():
    truth = [0, 0, 1, 1, 2, 2, 3, 3]
    found = [0, 1, 2, 3, 0, 1, 2, 3]
    assert ari(truth, found) < 0.1
    assert nmi(truth, found) < 0.75


def test_cohen_kappa_matches_a_worked_example():
    # 10 texts, coders agree on 8; each used "a" 5 times: p_o = 0.8, p_e = 0.5, kappa = 0.6
    coder_a = ["a"] * 5 + ["b"] * 5
    coder_b = ["a", "a", "a", "a", "b", "b", "b", "b", "a", "b"]
    assert cohen_kappa(coder_a, coder_b) == pytest.approx(0.6)
    assert cohen_kappa(["x", "x"], ["x", "x"]) == 1.0


def test_stability_is_one_for_identical_runs_and_lower_otherwise():
    run = [0, 0, 1, 1, 2, 2]
    assert stability([run, run, run]) == pytest.approx(1.0)
    assert stability([run, [0, 1, 0, 1, 2, 2], run]) < 1.0
    with pytest.raises(ValueError):
        stability([run])


def test_label_lists_of_different_length_are_refused():
    with pytest.raises(ValueError, match="differ in length"):
        ari([0, 1], [0])
