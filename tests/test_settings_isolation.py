"""The tests keep away from the user's settings, also where a test asks for no `settings_dir`."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


def test_qt_s_own_settings_go_to_the_run_s_folder_not_the_user_s_config(qapp) -> None:
    # Qt's file dialog keeps its history in the native format under the organisation "QtProject":
    # a test that opens one without `settings_dir` wrote it to the real ~/.config/QtProject.conf.
    where = Path(QSettings(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, "QtProject").fileName())
    assert not where.is_relative_to(Path.home() / ".config")
