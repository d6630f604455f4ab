"""Where the bundled banks, the app's icon and the user's data live."""

from __future__ import annotations

import os
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
# What a bank file is called (here, where the command line can tell one without loading yaml or Qt).
BANK_SUFFIXES = (".yaml", ".yml")


def bundled_root() -> Path:
    """The folder holding questions/ and seeds/: the checkout, or the installed package."""
    checkout = _PACKAGE.parent
    if (checkout / "questions").is_dir() and (checkout / "pyproject.toml").is_file():
        return checkout
    return _PACKAGE / "_bundled"


def bundled_banks_dir() -> Path:
    return bundled_root() / "questions"


def bundled_seeds_dir() -> Path:
    return bundled_root() / "seeds"


def app_icon_file() -> Path:
    """quizapp's icon (SVG): on its windows, and in the desktop entry `quizapp desktop-entry` writes."""
    return _PACKAGE / "gui" / "icons" / "quizapp.svg"


def is_installed(path: Path) -> bool:
    """Whether `path` is one of the app's own files (a bundled bank), which the app must not change."""
    resolved = path.resolve()
    return any(resolved.is_relative_to(folder.resolve())
               for folder in (bundled_banks_dir(), bundled_seeds_dir(), _PACKAGE))


def user_banks_dir() -> Path:
    """Where new banks and copies of the bundled ones are saved."""
    return user_data_dir() / "banks"


def user_data_dir() -> Path:
    """The user's data folder; QUIZAPP_DATA_DIR overrides it (tests point it at a temp folder)."""
    override = os.environ.get("QUIZAPP_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_path

    return user_data_path("quizapp", appauthor=False)
