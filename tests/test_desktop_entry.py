"""`quizapp desktop-entry` puts quizapp in a Linux desktop's application menu, and takes it out again."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quizapp import __version__
from quizapp.cli import main
from quizapp.paths import app_icon_file

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The XDG data folder of these tests (not there yet): never the user's."""
    folder = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(folder))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    return folder


def read_entry(path: Path) -> dict[str, str]:
    """The keys of the [Desktop Entry] group, after checking the file as desktops read it."""
    text = path.read_text(encoding="utf-8")
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
        assert (check.returncode, check.stdout + check.stderr) == (0, "")
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",), comment_prefixes=("#",))
    parser.optionxform = str  # (keys are case-sensitive)
    parser.read_string(text)
    assert parser.sections() == ["Desktop Entry"]
    return dict(parser["Desktop Entry"])


def exec_argv(value: str) -> list[str]:
    """Exec's value as the program and its arguments, as the spec reads it: the string escapes undone, then the
    arguments split at spaces outside double quotes (in which a backslash escapes the next character), then %%."""
    text = re.sub(r"\\(.)", lambda m: {"s": " ", "n": "\n", "t": "\t", "r": "\r"}.get(m[1], m[1]), value)
    argv = [re.sub(r"\\(.)", r"\1", quoted) if quoted else bare
            for quoted, bare in re.findall(r'"((?:[^"\\]|\\.)*)"|(\S+)', text)]
    return [a.replace("%%", "%") for a in argv]


def test_it_writes_an_entry_that_starts_this_quizapp_and_the_icon_and_removes_them(share: Path, tmp_path: Path,
                                                                                  capsys) -> None:
    assert main(["desktop-entry"]) == 0
    entry, icon = share / "applications" / "quizapp.desktop", share / "icons/hicolor/scalable/apps/quizapp.svg"
    assert capsys.readouterr().out.splitlines()[:2] == [f"{entry}: written", f"{icon}: written"]
    keys = read_entry(entry)
    assert {k: keys[k] for k in ("Type", "Name", "Icon", "Categories", "Terminal")} == {
        "Type": "Application", "Name": "quizapp", "Icon": "quizapp", "Categories": "Education;", "Terminal": "false"}
    assert keys["GenericName"] and keys["Comment"]
    assert icon.read_bytes() == app_icon_file().read_bytes()

    # Exec runs this Python on the quizapp package, with the files a person chose.
    argv = exec_argv(keys["Exec"])
    assert argv == [sys.executable, "-m", "quizapp", "%F"]
    started = subprocess.run([*argv[:-1], "--version"], cwd=tmp_path, capture_output=True, text=True, timeout=60,
                             env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert started.stdout.strip() == f"quizapp {__version__}"

    assert main(["desktop-entry", "--remove"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"{entry}: removed", f"{icon}: removed"]
    assert not entry.exists() and not icon.exists()
    assert main(["desktop-entry", "--remove"]) == 0
    assert capsys.readouterr().out.strip() == f"no desktop entry of quizapp in {share}"


def test_a_data_folder_given_is_the_one_the_entry_opens(share: Path, tmp_path: Path) -> None:
    assert main(["--data-dir", str(tmp_path / "stick"), "desktop-entry"]) == 0
    argv = exec_argv(read_entry(share / "applications" / "quizapp.desktop")["Exec"])
    assert argv == [sys.executable, "-m", "quizapp", "--data-dir", str(tmp_path / "stick"), "%F"]


def test_exec_quotes_a_python_in_an_awkward_folder(tmp_path: Path) -> None:
    from quizapp.desktop_entry import desktop_entry

    python = "/opt/my apps/$HOME's \"py\\thon\" 100%/bin/python3"
    path = tmp_path / "quizapp.desktop"
    path.write_text(desktop_entry([python, "-m", "quizapp"]), encoding="utf-8")
    assert exec_argv(read_entry(path)["Exec"]) == [python, "-m", "quizapp", "%F"]


def test_a_data_folder_that_is_a_file_is_named(share: Path, capsys) -> None:
    share.write_text("not a folder", encoding="utf-8")
    assert main(["desktop-entry"]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"quizapp: {share} is a file, not a folder (") and "XDG_DATA_HOME" in err
    assert share.read_text(encoding="utf-8") == "not a folder"


def test_without_xdg_data_home_it_is_the_local_share_folder_of_home(share: Path, tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    for value in ("", "relative/share"):  # (a relative one is to be ignored, the XDG spec says)
        monkeypatch.setenv("XDG_DATA_HOME", value)
        assert main(["desktop-entry"]) == 0
        assert (tmp_path / "home/.local/share/applications/quizapp.desktop").is_file()
    assert not share.exists() and not (tmp_path / "relative").exists()


def test_it_says_it_is_for_linux_desktops_elsewhere(share: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    assert main(["desktop-entry"]) == 1
    assert "for Linux desktops" in capsys.readouterr().err
    assert not share.exists()
