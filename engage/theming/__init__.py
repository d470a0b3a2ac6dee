"""Theming: find the themes in free-text feedback, offline (BERTopic behind a small interface).

Importing this package is cheap: BERTopic, torch, sentence-transformers,
model2vec, hdbscan and scikit-learn load only when a run starts.
"""

from engage.theming.cache import EmbeddingCache, MemoryEmbeddingCache
from engage.theming.embedders import Embedder, FastEmbedder, QualityEmbedder, get_embedder
from engage.theming.pipeline import theme_texts
from engage.theming.result import Campaign, DocFlags, Theme, ThemingResult
from engage.theming.run import ThemingOptions

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
