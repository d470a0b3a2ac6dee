"""The embedding cache in the office database: re-theming a consultation does not re-embed."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import sqlite_utils

from engage.db.connection import transaction

BATCH = 500


class DatabaseEmbeddingCache:
    """Vectors keyed by (model, text hash), stored as float32 blobs."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def get_many(self, model: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(hashes), BATCH):
            chunk = list(hashes[start : start + BATCH])
            marks = ", ".join("?" for _ in chunk)
            for text_hash, blob in self.db.execute(
                f"SELECT text_hash, vector FROM embeddings WHERE model = ? "
                f"AND text_hash IN ({marks})",
                [model, *chunk],
            ):
                found[text_hash] = np.frombuffer(blob, dtype=np.float32)
        return found

    def put_many(self, model: str, hashes: Sequence[str], vectors: np.ndarray) -> None:
        rows = (
            (model, text_hash, np.asarray(vector, dtype=np.float32).tobytes())
            for text_hash, vector in zip(hashes, vectors, strict=True)
        )
        with transaction(self.db):
            self.db.conn.executemany(
                "INSERT OR REPLACE INTO embeddings (model, text_hash, vector) VALUES (?, ?, ?)",
                rows,
            )
