"""Process settings theming needs before heavy libraries load: offline hubs, numba's cache."""

from __future__ import annotations

import functools
import os
import sys
from pathlib import Path

from engage.config import cache_dir
from engage.theming.distill import FAST_MODEL_DIR, is_distilled

# numba keys its cache by a function's code, not by how it was compiled: the folder is
# renamed when engage compiles UMAP differently (here: its layout epochs release the GIL).
NUMBA_FOLDER = "numba-2"


def use_numba_cache() -> None:
    """Keep numba's compiled functions (UMAP, pynndescent) under engage's cache folder."""
    if "NUMBA_CACHE_DIR" in os.environ:
        return
    folder = cache_dir() / NUMBA_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    os.environ["NUMBA_CACHE_DIR"] = str(folder)
    if "numba" in sys.modules:  # imported earlier by someone else: make it read the setting
        sys.modules["numba"].config.reload_config()


# BERTopic imports these for parts engage never uses (multimodal and transformer
# backends, text-generation representations, saving to a model hub) and copes without
# them: its "lightweight install".
_UNUSED_BY_BERTOPIC = ("sentence_transformers", "transformers", "torch")


def import_bertopic() -> None:
    """Import BERTopic (with numba's cache set) without the deep-learning libraries when
    nothing has loaded them yet: the fast backend needs torch alone (for MiniLM's sample,
    ``teacher.py``), and transformers with sentence-transformers would cost it seconds
    and serve nothing. A later import of them (the quality backend) works as usual."""
    if "bertopic" in sys.modules:
        return
    use_numba_cache()  # before bertopic imports umap and numba
    import scipy.stats  # noqa: F401  -- these look torch up as they load: load them first
    import sklearn  # noqa: F401 -- lazy: scikit-learn is heavy

    blocked = [name for name in _UNUSED_BY_BERTOPIC if name not in sys.modules]
    for name in blocked:
        sys.modules[name] = None  # type: ignore[assignment]  # import raises ModuleNotFoundError
    try:
        import bertopic.backend  # noqa: F401 -- lazy: BERTopic is heavy
        import bertopic.representation  # noqa: F401 -- lazy: BERTopic is heavy
        import bertopic.vectorizers  # noqa: F401 -- lazy: BERTopic is heavy
    finally:
        for name in blocked:
            sys.modules.pop(name, None)


@functools.cache
def cache_umap_compilation() -> None:
    """Let numba keep UMAP's compiled layout code on disk (it does not ask to be cached), and
    let the seeded, single-threaded layout release the GIL, so that the stability check's
    UMAP runs on the second core beside the real run's (results are unchanged).

    The first UMAP fit in a process spends seconds compiling; with the code
    cached under ``cache_dir()/numba-2`` later processes load it instead. Called
    once per process, before any thread fits UMAP.
    """
    use_numba_cache()
    import umap.layouts  # lazy: UMAP and numba are heavy
    import umap.umap_  # lazy: UMAP and numba are heavy
    import umap.utils  # lazy: UMAP and numba are heavy
    from numba.core.registry import CPUDispatcher  # lazy: numba is heavy

    # (with a UMAP that has no such function, the layout keeps the GIL: slower, same result)
    serial = getattr(umap.layouts, "_nb_optimize_layout_euclidean_single_epoch", None)
    if isinstance(serial, CPUDispatcher) and not serial.overloads:
        serial.targetoptions["nogil"] = True
    for module in (umap.umap_, umap.layouts, umap.utils):
        for function in vars(module).values():
            if isinstance(function, CPUDispatcher):
                try:
                    function.enable_caching()
                except AttributeError:  # another numba: compile each time, as UMAP intends
                    return


def first_run_note(backend: str) -> str:
    """What the first theming run on a machine does once and a person would otherwise
    wonder about: distilling the fast model and compiling UMAP, both kept under engage's
    cache folder. Empty once done."""
    work = []
    if backend == "fast" and not is_distilled(cache_dir() / FAST_MODEL_DIR):
        work.append("distils the fast model")
    compiled = Path(os.environ.get("NUMBA_CACHE_DIR") or cache_dir() / NUMBA_FOLDER)
    if not any(compiled.glob("umap_*")):
        work.append("compiles the grouping code")
    if not work:
        return ""
    return f"first run on this machine: engage {' and '.join(work)} once (up to a minute)"
