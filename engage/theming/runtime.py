"""Process settings theming needs before heavy libraries load: offline hubs, numba's cache."""

from __future__ import annotations

import os


def go_offline() -> None:
    """Forbid Hugging Face libraries to reach a model hub (set before they are imported)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")


def use_numba_cache() -> None:
    """Keep numba's compiled functions (UMAP, pynndescent) under engage's cache folder."""
    if "NUMBA_CACHE_DIR" not in os.environ:
        from engage.config import cache_dir

        folder = cache_dir() / "numba"
        folder.mkdir(parents=True, exist_ok=True)
        os.environ["NUMBA_CACHE_DIR"] = str(folder)
