"""Desktop conventions: menus and shortcuts, text size, geometry, help, time limit, accessible names."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QLineEdit, QTextBrowser
from pytestqt.qtbot import QtBot

from quizapp import __version__
from quizapp.core.scoring import SCORING_RULE
from quizapp.core.session import Mode, QuizOptions, start_quiz


def test_menus_and_shortcuts(main_window) -> None:
    w = main_window
    menus = [a.text() for a in w.menuBar().actions()]
    assert menus == ["&File", "&Edit", "&Quiz", "&View", "&Help"]
    shortcuts = {
        w.open_action: "Ctrl+O", w.quit_action: "Ctrl+Q", w.help_action: "F1",
        w.smaller_action: "Ctrl+-", w.fullscreen_action: "F11", w.normal_action: "Ctrl+0",
    }
    for action, key in shortcuts.items():
        assert action.shortcut() == QKeySequence(key), action.text()
    assert QKeySequence("Ctrl+=") in w.bigger_action.shortcuts()
    teacher = {w.new_from_article_action: "Ctrl+N", w.import_action: "Ctrl+I",
               w.export_action: "Ctrl+E", w.edit_bank_action: "Ctrl+Shift+E"}
    for action, key in teacher.items():
        assert action.shortcut() == QKeySequence(key), action.text()
        assert action.isEnabled(), action.text()  # the bundled bank is selected
    assert w.start_action.isEnabled() and not w.skip_action.isEnabled()
    study = {w.study_action: "Ctrl+D", w.review_action: "Ctrl+M", w.statistics_action: "Ctrl+T"}
    for action, key in study.items():
        assert action.shortcut() == QKeySequence(key), action.text()
        assert action.isEnabled(), action.text()


def test_text_size_changes_and_is_remembered(main_window) -> None:
    w = main_window
    app = QApplication.instance()
    before = app.font().pointSizeF()
    title_before = w.library.name.font().pointSizeF()
    w.bigger_action.trigger()
    w.bigger_action.trigger()
    assert app.font().pointSizeF() == before + 2
    assert w.library.name.font().pointSizeF() > title_before  # scaled fonts follow
    assert float(QSettings().value("view/point_size")) == before + 2
    w.normal_action.trigger()
    assert app.font().pointSizeF() == before


def test_geometry_is_remembered(qtbot: QtBot, main_window) -> None:
    from quizapp.gui.app import create_main_window

    main_window.resize(702, 504)
    main_window.close()
    again = create_main_window(data_dir=main_window.data_dir)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (702, 504)


def test_help_states_the_scoring_rule_and_about_the_version(qtbot: QtBot, main_window) -> None:
    main_window.help_action.trigger()
    text = main_window.help_dialog.findChild(QTextBrowser).toPlainText()
    assert SCORING_RULE in text
    assert "1-9 or A-D" in text
    main_window.help_dialog.close()
    main_window.about_action.trigger()
    assert main_window.about_box.text() == f"quizapp {__version__}"
    main_window.about_box.close()


def test_time_limit_ends_the_quiz(qtbot: QtBot, main_window, bundled_bank) -> None:
    now = [0.0]
    session = start_quiz(bundled_bank, QuizOptions(count=3, time_limit=90, mode=Mode.EXAM),
                         clock=lambda: now[0])
    main_window.run_session(session)
    quiz = main_window.quiz
    quiz._tick()
    assert quiz.clock.text() == "Time left 1:30"
    now[0] = 61.5
    quiz._tick()
    assert quiz.clock.text() == "Time left 0:29"
    now[0] = 90
    quiz._tick()
    assert main_window.stack.currentWidget() is main_window.results
    assert main_window.results.score.text() == "0 / 3 points (0%)"
    assert main_window.results.details.text().startswith("Time ran out: 3 questions not answered. 0 right, 0 wrong ·")


def test_controls_have_accessible_names(main_window, bundled_bank) -> None:
    main_window.begin(bundled_bank, QuizOptions(count=2))
    for screen in (main_window.library, main_window.quiz):
        for widget in screen.findChildren(QAbstractButton) + screen.findChildren(QLineEdit):
            if widget.isVisibleTo(screen):
                assert widget.accessibleName() or widget.text(), widget
    assert main_window.quiz.number.accessibleName() == "Your answer (a number)"


def test_closing_the_window_mid_quiz_asks(qtbot: QtBot, main_window, bundled_bank) -> None:
    main_window.begin(bundled_bank, QuizOptions(count=2))
    asked = []
    main_window.quiz.confirm_quit = lambda parent: asked.append(parent) or False
    assert not main_window.close()
    assert asked and main_window.isVisible()
    main_window.quiz.confirm_quit = lambda parent: True
    assert main_window.close()


def test_dark_theme_recolours_the_feedback(qtbot: QtBot, main_window, bundled_bank) -> None:
    from PySide6.QtGui import QPalette

    from quizapp.gui.theme import Theme, is_dark, verdict_color

    main_window.set_theme(Theme.LIGHT)
    try:
        main_window.begin(bundled_bank, QuizOptions(count=1))
        quiz = main_window.quiz
        quiz.skip()
        role = QPalette.ColorRole.WindowText
        assert quiz.feedback.verdict.palette().color(role) == verdict_color("skipped", quiz.palette())
        light = quiz.feedback.verdict.palette().color(role)
        main_window.set_theme(Theme.DARK)
        assert is_dark(QApplication.instance().palette())
        assert QSettings().value("view/theme") == "dark"
        qtbot.waitUntil(lambda: is_dark(quiz.feedback.palette()))  # Qt passes it on to windows later
        dark = quiz.feedback.verdict.palette().color(role)
        assert dark != light
        assert dark == verdict_color("skipped", QApplication.instance().palette())
    finally:
        main_window.set_theme(Theme.SYSTEM)


def test_light_and_dark_themes_outline_an_unticked_box(qtbot: QtBot, main_window) -> None:
    """An unticked check box and radio button stand out from the window: Fusion alone outlines them a
    shade darker than the window, which no one sees on a dark one and hardly on a light one."""
    from quizapp.gui.theme import Theme

    for theme in (Theme.DARK, Theme.LIGHT):
        unticked_boxes_stand_out(qtbot, main_window, theme)


def unticked_boxes_stand_out(qtbot: QtBot, main_window, theme) -> None:
    from PySide6.QtWidgets import QCheckBox, QRadioButton, QStyle, QStyleOptionButton

    from quizapp.gui.theme import Theme

    main_window.set_theme(theme)
    try:
        for kind, element in ((QCheckBox, QStyle.SubElement.SE_CheckBoxIndicator),
                              (QRadioButton, QStyle.SubElement.SE_RadioButtonIndicator)):
            box = kind("Time limit")
            qtbot.addWidget(box)
            box.show()
            qtbot.waitExposed(box)
            option = QStyleOptionButton()
            option.initFrom(box)
            rect = box.style().subElementRect(element, option, box)
            image = box.grab().toImage()
            scale = image.width() / box.width()
            window = image.pixelColor(image.width() - 2, 1).lightness()  # beside the label: the window
            # the pixel along the indicator's middle row that differs most from the window: its outline
            row = round((rect.top() + rect.height() / 2) * scale)
            farthest = max(abs(image.pixelColor(x, row).lightness() - window)
                           for x in range(round(rect.left() * scale), round((rect.right() + 1) * scale)))
            assert farthest > 60, (theme, kind.__name__)
    finally:
        main_window.set_theme(Theme.SYSTEM)


def test_error_messages_stay_readable_in_the_dark_theme(qtbot: QtBot, main_window) -> None:
    """A message in red is the theme's red: light on a dark window, dark on a light one."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from quizapp.gui.theme import Theme, apply_theme
    from quizapp.gui.widgets import ErrorLabel

    window = QWidget()  # a window of its own, as the editor is, with the message in its layout
    qtbot.addWidget(window)
    label = ErrorLabel("The answer must be a number")
    layout = QVBoxLayout(window)
    layout.addWidget(label)
    window.show()
    role = QPalette.ColorRole.WindowText
    try:
        main_window.set_theme(Theme.LIGHT)
        qtbot.waitUntil(lambda: label.palette().color(role).lightness() < 128)
        apply_theme(QApplication.instance(), Theme.DARK)  # what the View menu does to every window
        qtbot.waitUntil(lambda: label.palette().color(role).lightness() > 150)
        background = label.palette().color(QPalette.ColorRole.Window).lightness()
        assert label.palette().color(role).lightness() - background > 100
    finally:
        main_window.set_theme(Theme.SYSTEM)
