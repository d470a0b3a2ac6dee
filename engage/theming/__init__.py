"""Theming: find the themes in free-text feedback, offline (BERTopic behind a small interface).

Importing this package, or one of its modules, is cheap: the names below load their module
when first used (the app reads a coder agreement from ``metrics`` without numpy), and
BERTopic, torch, sentence-transformers, model2vec, hdbscan and scikit-learn load only when a
run starts.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from engage.theming.cache import EmbeddingCache, MemoryEmbeddingCache
    from engage.theming.embedders import Embedder, FastEmbedder, QualityEmbedder, get_embedder
    from engage.theming.pipeline import theme_texts
    from engage.theming.result import Campaign, DocFlags, Theme, ThemingResult
    from engage.theming.run import ThemingOptions

_HOMES = {
    "EmbeddingCache": "cache",
    "MemoryEmbeddingCache": "cache",
    "Embedder": "embedders",
    "FastEmbedder": "embedders",
    "QualityEmbedder": "embedders",
    "get_embedder": "embedders",
    "theme_texts": "pipeline",
    "Campaign": "result",
    "DocFlags": "result",
    "Theme": "result",
    "ThemingResult": "result",
    "ThemingOptions": "run",
}
__all__ = [
    "Campaign",
    "DocFlags",
    "Embedder",
    "EmbeddingCache",
    "FastEmbedder",
    "MemoryEmbeddingCache",
    "QualityEmbedder",
    "Theme",
    "ThemingOptions",
    "ThemingResult",
    "get_embedder",
    "theme_texts",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module 'engage.theming' has no attribute {name!r}")
    return getattr(importlib.import_module(f"engage.theming.{_HOMES[name]}"), name)
