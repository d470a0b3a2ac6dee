"""Keep Hugging Face libraries off the network: engage reads only the weights it ships."""

from __future__ import annotations

import os


def go_offline() -> None:
    """Forbid Hugging Face libraries to reach a model hub (set before they are imported)."""
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")
