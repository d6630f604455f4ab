"""`quizapp desktop-entry`: quizapp in the application menu of a Linux desktop, as a freedesktop desktop entry
and an icon in the hicolor theme, both in the user's XDG data folder."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from quizapp.core.atomic import write_bytes_atomic, write_text_atomic
from quizapp.core.errors import QuizappError
from quizapp.paths import app_icon_file

# The desktop entry's and the icon's name; the app gives it to Qt as its desktop file name (gui/app.py).
NAME = "quizapp"
# The characters for which the desktop entry spec asks an argument of Exec to be quoted.
_RESERVED = frozenset(" \t\n\"'\\><~|&;$*?#()`")


class DesktopEntryError(QuizappError):
    """The desktop entry or the icon cannot be written where the XDG data folder says."""


def add_desktop_entry_parser(sub: argparse._SubParsersAction) -> None:
    """Register `quizapp desktop-entry [--remove]`."""
    p = sub.add_parser("desktop-entry", help="add quizapp to the desktop's application menu (Linux)",
                       description="Write quizapp's desktop entry and icon into your data folder ($XDG_DATA_HOME, "
                       "or ~/.local/share), so that the desktop's application menu starts quizapp and file "
                       "managers can open bank files with it. The entry starts this quizapp, with this Python.")
    p.add_argument("--remove", action="store_true", help="remove the desktop entry and the icon")
    p.set_defaults(run=cmd_desktop_entry)


def data_home() -> Path:
    """$XDG_DATA_HOME, or ~/.local/share where it is unset, empty or relative (which the XDG spec says to ignore)."""
    value = os.environ.get("XDG_DATA_HOME", "")
    return Path(value) if os.path.isabs(value) else Path.home() / ".local" / "share"


def entry_files(home: Path) -> tuple[Path, Path]:
    """Where the desktop entry and the icon go under the data folder `home`."""
    return (home / "applications" / f"{NAME}.desktop",
            home / "icons" / "hicolor" / "scalable" / "apps" / f"{NAME}.svg")


def app_command(data_dir: Path | None = None) -> list[str]:
    """The command that starts this quizapp: this Python (a virtual environment's keeps it) running the package."""
    command = [sys.executable, "-m", "quizapp"]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir.resolve())]
    return command


def desktop_entry(command: list[str]) -> str:
    """The desktop entry's text: its Exec runs `command` with the files chosen (%F)."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        f"Name={NAME}",
        "GenericName=Fact-checking quiz",
        "Comment=Quizzes on news articles, every answer cited from the article",
        f"Icon={NAME}",
        f"Exec={_exec_value(command)} %F",
        "Terminal=false",
        "Categories=Education;",
        "Keywords=quiz;news;fact-check;study;",
        f"StartupWMClass={NAME}",  # (the class of its windows on X11: Qt gives them the application name)
        "",
    ])


def _exec_value(command: list[str]) -> str:
    """`command` as Exec's value: each argument with a reserved character quoted, `%` doubled; then the string
    escapes of any value (so a backslash in a quoted argument is written as four)."""
    arguments = []
    for argument in command:
        argument = argument.replace("%", "%%")
        if _RESERVED.intersection(argument):
            argument = '"' + "".join("\\" + c if c in '"`$\\' else c for c in argument) + '"'
        arguments.append(argument)
    return " ".join(arguments).replace("\\", "\\\\").replace("\n", "\\n")


def _make_folder(folder: Path, home: Path) -> None:
    existing = next(p for p in (folder, *folder.parents) if p.exists())
    if not existing.is_dir():
        whose = (" (the data folder desktop entries go in: $XDG_DATA_HOME, or else ~/.local/share)"
                 if existing == home else "")
        raise DesktopEntryError(f"{existing} is a file, not a folder{whose}")
    folder.mkdir(parents=True, exist_ok=True)


def install_desktop_entry(home: Path, command: list[str]) -> list[Path]:
    """Write the desktop entry running `command` and the icon into the data folder `home`; the files written."""
    entry, icon = entry_files(home)
    try:
        for path in (entry, icon):
            _make_folder(path.parent, home)
        # (written whole or not at all, as every file quizapp writes: a menu never meets half an entry)
        write_text_atomic(entry, desktop_entry(command))
        write_bytes_atomic(icon, app_icon_file().read_bytes())
    except OSError as exc:
        raise DesktopEntryError(f"cannot write {exc.filename}: {exc.strerror or exc}") from exc
    return [entry, icon]


def remove_desktop_entry(home: Path) -> list[Path]:
    """Remove the desktop entry and the icon from the data folder `home`; those that were there."""
    removed = []
    for path in entry_files(home):
        try:
            path.unlink()
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError as exc:
            raise DesktopEntryError(f"cannot remove {path}: {exc.strerror or exc}") from exc
        removed.append(path)
    return removed


def cmd_desktop_entry(args: argparse.Namespace) -> int:
    if sys.platform in ("win32", "darwin"):
        print("quizapp: desktop-entry is for Linux desktops (and others that follow freedesktop.org)",
              file=sys.stderr)
        return 1
    home = data_home()
    try:
        if args.remove:
            removed = remove_desktop_entry(home)
            for path in removed:
                print(f"{path}: removed")
            if not removed:
                print(f"no desktop entry of quizapp in {home}")
            return 0
        written = install_desktop_entry(home, app_command(args.data_dir))
    except DesktopEntryError as exc:
        print(f"quizapp: {exc}", file=sys.stderr)
        return 1
    for path in written:
        print(f"{path}: written")
    print("quizapp is in the application menu; `quizapp desktop-entry --remove` takes it out.")
    return 0
