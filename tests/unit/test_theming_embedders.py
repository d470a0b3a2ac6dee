"""Embedding backends load lazily, offline, and the distilled model is built once."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from engage.theming import distill
from engage.theming.cache import MemoryEmbeddingCache, embed_with_cache
from engage.theming.embedders import FastEmbedder, QualityEmbedder, get_embedder
from engage.theming.offline import go_offline
from engage.theming.testing import HashingEmbedder
from engage.theming.vectors import text_hash, unit_rows

HEAVY = ("torch", "sklearn", "bertopic", "model2vec", "hdbscan", "umap", "sentence_transformers")


def test_importing_theming_loads_no_heavy_library():
    code = (
        "import sys, engage.theming, engage.theming.files, engage.cli.theme_file; "
        "print([m for m in %r if m in sys.modules])"
    )
    run = subprocess.run([sys.executable, "-c", code % (HEAVY,)], capture_output=True, text=True)
    found = run.stdout.strip()
    assert found == "[]"


def test_grouping_without_a_transformer_never_loads_the_deep_learning_libraries():
    code = (
        "import sys\n"
        "from engage.theming import ThemingOptions, theme_texts\n"
        "from engage.theming.testing import HashingEmbedder\n"
        "texts = [f'parking lot {i} car spaces' for i in range(40)]\n"
        "texts += [f'wait line counter {i} queue' for i in range(40)]\n"
        "run = theme_texts(texts, ThemingOptions(backend=HashingEmbedder()))\n"
        "loaded = lambda: sorted(m for m in ('torch', 'transformers') if m in sys.modules)\n"
        "print(run.n_themes, loaded())\n"
        "import sentence_transformers\n"  # the quality backend can still load them
        "print(loaded())"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split("\n")[:2] == ["2 []", "['torch', 'transformers']"]


def test_backends_by_name_without_loading_models():
    assert isinstance(get_embedder("fast"), FastEmbedder)
    assert isinstance(get_embedder("quality"), QualityEmbedder)
    assert get_embedder("fast")._model is None
    assert get_embedder("quality").name == "all-MiniLM-L6-v2"


def test_rows_are_unit_length_float32():
    rows = unit_rows(np.array([[3.0, 4.0], [0.0, 0.0]]))
    assert rows.dtype == np.float32
    assert np.allclose(rows, [[0.6, 0.8], [0.0, 0.0]])


def test_go_offline_sets_the_hub_switches(monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.delenv("TRANSFORMERS_OFFLINE", raising=False)
    go_offline()
    import os

    assert os.environ["HF_HUB_OFFLINE"] == "1" and os.environ["TRANSFORMERS_OFFLINE"] == "1"


def test_the_first_run_on_a_machine_says_what_it_builds_once(monkeypatch):
    from engage.config import cache_dir
    from engage.theming.runtime import NUMBA_FOLDER, first_run_note

    monkeypatch.delenv("NUMBA_CACHE_DIR", raising=False)  # set by earlier runs in this process
    assert "distils the fast model and compiles the grouping code" in first_run_note("fast")
    assert "distils" not in first_run_note("quality")
    (cache_dir() / NUMBA_FOLDER / "umap_0123").mkdir(parents=True)
    built = cache_dir() / distill.FAST_MODEL_DIR
    built.mkdir(parents=True)
    _fake_build(built)
    assert first_run_note("fast") == first_run_note("quality") == ""


def test_cache_serves_known_texts_and_stores_new_ones():
    embedder, cache = HashingEmbedder(), MemoryEmbeddingCache()
    first = embed_with_cache(embedder, ["long wait", "no parking"], cache)
    calls = embedder.calls
    second = embed_with_cache(embedder, ["no parking", "long wait"], cache)
    assert embedder.calls == calls
    assert np.allclose(second, first[::-1])
    assert set(cache.get_many(embedder.name, [text_hash("long wait"), "x"])) == {
        text_hash("long wait")
    }


def _fake_build(folder):
    for name in ("model.safetensors", "tokenizer.json", "config.json"):
        (folder / name).write_text("x")
    (folder / "engage-distill.json").write_text(
        json.dumps({"recipe_version": distill.RECIPE_VERSION})
    )


def test_static_model_is_built_once_and_rebuilt_when_the_recipe_changes(tmp_path, monkeypatch):
    builds = []
    monkeypatch.setattr(
        distill, "_build_static_model", lambda f: (builds.append(f), _fake_build(f))
    )
    target = tmp_path / "model2vec-minilm"
    assert distill.ensure_distilled(target) == target
    assert distill.ensure_distilled(target) == target
    assert len(builds) == 1 and distill.is_distilled(target)
    (target / "engage-distill.json").write_text(json.dumps({"recipe_version": 0}))
    distill.ensure_distilled(target)
    assert len(builds) == 2 and distill.is_distilled(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "model2vec-minilm",
        "model2vec-minilm.lock",
    ]


def test_a_failed_build_leaves_no_half_written_model(tmp_path, monkeypatch):
    def broken(folder):
        (folder / "model.safetensors").write_text("partial")
        raise RuntimeError("out of memory")

    monkeypatch.setattr(distill, "_build_static_model", broken)
    with pytest.raises(RuntimeError):
        distill.ensure_distilled(tmp_path / "model2vec-minilm")
    assert not (tmp_path / "model2vec-minilm").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["model2vec-minilm.lock"]
