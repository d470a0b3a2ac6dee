"""Process settings theming needs before heavy libraries load: offline hubs, numba's cache."""

from __future__ import annotations

import os
import sys


def go_offline() -> None:
    """Forbid Hugging Face libraries to reach a model hub (set before they are imported)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")


def use_numba_cache() -> None:
    """Keep numba's compiled functions (UMAP, pynndescent) under engage's cache folder."""
    if "NUMBA_CACHE_DIR" in os.environ:
        return
    from engage.config import cache_dir

    folder = cache_dir() / "numba"
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["NUMBA_CACHE_DIR"] = str(folder)
    if "numba" in sys.modules:  # imported earlier by someone else: make it read the setting
        sys.modules["numba"].config.reload_config()


def cache_umap_compilation() -> None:
    """Let numba keep UMAP's compiled layout code on disk (it does not ask to be cached).

    The first UMAP fit in a process spends about 4 s compiling; with the code
    cached under ``cache_dir()/numba`` later processes load it instead.
    """
    use_numba_cache()
    import umap.layouts
    import umap.umap_
    import umap.utils
    from numba.core.registry import CPUDispatcher

    for module in (umap.umap_, umap.layouts, umap.utils):
        for function in vars(module).values():
            if isinstance(function, CPUDispatcher):
                try:
                    function.enable_caching()
                except AttributeError:  # another numba: compile each time, as UMAP intends
                    return
