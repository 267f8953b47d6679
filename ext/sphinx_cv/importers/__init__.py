"""CVs in other formats (JSON Resume, RenderCV) as MyST pages of a sphinx-cv repository."""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import jsonresume, rendercv
from .document import Document, InputError

if TYPE_CHECKING:
    from pathlib import Path

__all__ = ["Document", "InputError", "read"]


def read(path: Path) -> Document:
    """The CV in ``path``: JSON Resume for ``.json``, RenderCV for ``.yaml``/``.yml``."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read: {error}") from None
    if path.suffix.lower() in (".yaml", ".yml"):
        return rendercv.read(text, str(path), path.parent)
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        return jsonresume.read(text, str(path))
    raise InputError(f"{path}: unknown format: expected .json (JSON Resume) or .yaml (RenderCV)")
