"""Whole quizzes driven through the widgets, with clicks and with keys only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from quizapp.core.model import ChoiceQuestion
from quizapp.core.percent import format_percent, round_percent
from quizapp.core.session import cited_passage
from quizapp.gui.options_dialog import QuizOptionsDialog
from quizapp.gui.widgets import quoted
from tests.conftest import on_modal


def start_from_library(qtbot: QtBot, window, *, exam: bool) -> None:
    """Click Start quiz..., pick the mode in the options dialog, click Start."""
    def options(dialog: QuizOptionsDialog) -> None:
        assert isinstance(dialog, QuizOptionsDialog)
        qtbot.mouseClick(dialog.exam if exam else dialog.practice, Qt.MouseButton.LeftButton)
        assert dialog.count.value() == 18
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    on_modal(qtbot, options)
    qtbot.mouseClick(window.library.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.quiz)


def plan(question) -> tuple[str, str]:
    """What the test answers: the right answer for even-numbered ids' length, else a wrong one."""
    if isinstance(question, ChoiceQuestion):
        if len(question.id) % 2:
            return question.distractors[0], "wrong"
        return question.answer, "right"
    if len(question.id) % 2:
        return str(question.answer + 1), "close" if question.tolerance is None else "right"
    return f"{question.answer:,}", "right"


def expected_points(question) -> float:
    verdict = plan(question)[1]
    return {"right": 1, "close": 0.5, "wrong": 0}[verdict]


def answer_by_clicks(qtbot: QtBot, quiz) -> tuple[object, str, str]:
    item = quiz.session.current
    given, verdict = plan(item.question)
    if item.is_choice:
        button = quiz.choice_buttons[item.choices.index(given)]
        assert button.text().endswith(given)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    else:
        quiz.number.clear()
        qtbot.keyClicks(quiz.number, given)
        assert quiz.submit_button.isEnabled()
        qtbot.mouseClick(quiz.submit_button, Qt.MouseButton.LeftButton)
    return item.question, given, verdict


def test_practice_quiz_with_clicks(qtbot: QtBot, main_window) -> None:
    window = main_window
    start_from_library(qtbot, window, exam=False)
    quiz = window.quiz
    loaded = quiz.session.loaded
    total = 0.0
    for n in range(18):
        assert quiz.position.text() == f"Question {n + 1} of 18"
        assert quiz.score.text() == f"Score {total:g}"
        question, _given, verdict = answer_by_clicks(qtbot, quiz)
        total += expected_points(question)
        assert quiz.feedback.isVisible()
        assert quiz.feedback.verdict.text().lower().split(":")[0].endswith(verdict)
        cited = cited_passage(loaded, question)
        assert quiz.feedback.quote.text() == quoted(cited.text)
        assert quiz.feedback.source.text() == "— mali-helicopter-collision.txt by Paquette"
        if verdict != "right":
            assert quiz.feedback.right.text().startswith("Right answer: ")
        assert quiz.score.text() == f"Score {total:g}"
        qtbot.mouseClick(quiz.next_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.results
    results = window.results
    percent = 100 * total / 18
    assert results.score.text() == f"{total:g} / 18 points ({format_percent(percent)})"
    assert results.list.count() == 18
    assert window.scores.get(loaded.path).last == round_percent(percent)
    # Retry mistakes asks only what was not right.
    mistakes = [a.question.id for a in results.session.answers if a.verdict.value != "right"]
    qtbot.mouseClick(results.retry_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is quiz
    assert sorted(i.question.id for i in quiz.session.items) == sorted(mistakes)


def test_exam_quiz_with_clicks_shows_nothing_until_the_end(qtbot: QtBot, main_window) -> None:
    window = main_window
    start_from_library(qtbot, window, exam=True)
    quiz = window.quiz
    assert not quiz.score.isVisible() and not quiz.streak.isVisible()
    total = 0.0
    questions = []
    for n in range(18):
        assert quiz.position.text() == f"Question {n + 1} of 18"
        question, _given, _verdict = answer_by_clicks(qtbot, quiz)
        questions.append(question)
        total += expected_points(question)
        assert not quiz.feedback.isVisible()
    assert window.stack.currentWidget() is window.results
    results = window.results
    assert results.score.text() == f"{total:g} / 18 points ({format_percent(100 * total / 18)})"
    assert "exam mode" in results.details.text()
    # The review shows each question with its answer and citation.
    results.list.setCurrentRow(3)
    answer = results.session.answers[3]
    assert results.feedback.prompt.text() == questions[3].prompt
    assert results.feedback.given.text() == f"Your answer: {answer.given}"
    cited = cited_passage(results.session.loaded, questions[3])
    assert results.feedback.quote.text() == quoted(cited.text)


def test_enter_pressed_twice_quickly_does_not_skip_the_proof(qtbot: QtBot, main_window, bundled_bank,
                                                             double_press_guard) -> None:
    """A number typed and Enter pressed twice (the second a slip, 120 ms later) went on before the proof
    could be read: a key within a moment of the answer does not go on; after it, Enter does."""
    from PySide6.QtWidgets import QApplication

    from quizapp.core.session import QuizOptions

    window = main_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.begin(bundled_bank, QuizOptions(count=18, seed=5))
    quiz = window.quiz
    while quiz.session.current.is_choice:
        qtbot.keyClick(QApplication.focusWidget(), "1")
        qtbot.waitUntil(lambda: quiz.view.settled)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    position = quiz.position.text()
    qtbot.waitUntil(lambda: not quiz.view.settling)  # the question read
    qtbot.keyClicks(QApplication.focusWidget(), f"{quiz.session.current.question.answer:g}")
    for k in (Qt.Key.Key_Return, Qt.Key.Key_Return, Qt.Key.Key_Right, Qt.Key.Key_Space):
        qtbot.keyClick(QApplication.focusWidget(), k)
    assert quiz.in_feedback and quiz.feedback.isVisible() and quiz.position.text() == position
    qtbot.waitUntil(lambda: quiz.view.settled)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not quiz.in_feedback and quiz.position.text() != position


def test_enter_pressed_twice_on_the_last_answer_shows_the_results(qtbot: QtBot, main_window, bundled_bank,
                                                                  double_press_guard) -> None:
    """Enter pressed twice quickly on "See results →" (or held down) went through the results, to the button
    focused there, Retry mistakes: a new quiz started and the results were never seen. A key within a moment
    of the results showing, or held down, presses nothing; after it, Enter retries."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from quizapp.core.session import QuizOptions, QuizScope, start_quiz

    window = main_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    question = bundled_bank.bank.question("helicopter-types")
    window.run_session(start_quiz(bundled_bank, QuizOptions(), questions=[question]))
    quiz = window.quiz
    qtbot.waitUntil(lambda: not quiz.view.settling)  # the question read
    wrong = quiz.session.current.choices.index(question.distractors[0])
    qtbot.keyClick(QApplication.focusWidget(), str(wrong + 1))
    qtbot.waitUntil(lambda: quiz.view.settled)  # the proof read
    assert QApplication.focusWidget() is quiz.next_button and quiz.next_button.text() == "See &results →"
    for k in (Qt.Key.Key_Return, Qt.Key.Key_Return, Qt.Key.Key_Space):
        qtbot.keyClick(QApplication.focusWidget(), k)
    results = window.results
    assert window.stack.currentWidget() is results and QApplication.focusWidget() is results.retry_button
    qtbot.waitUntil(lambda: not results.settling)
    held = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r", True)
    QApplication.sendEvent(QApplication.focusWidget(), held)  # Enter held down since "See results"
    assert window.stack.currentWidget() is results
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.stack.currentWidget() is quiz and quiz.session.scope is QuizScope.RETRY


def test_esc_on_the_results_goes_back_to_the_library_and_the_results_are_kept(qtbot: QtBot, main_window,
                                                                               bundled_bank) -> None:
    """Esc did nothing on the results, though it goes back from the statistics, the article and a study session.
    It goes back to the library now, as Library does; the answers are in the history, the session finished, and
    the library shows the score. An Esc held down since the article view, which it took back to the results,
    does not go on to the library too."""
    from PySide6.QtCore import QEvent
    from PySide6.QtGui import QKeyEvent
    from PySide6.QtWidgets import QApplication

    from quizapp.core.history import bank_key
    from quizapp.core.session import QuizOptions, start_quiz
    from tests.conftest import alt, key

    window = main_window
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    questions = [bundled_bank.bank.question(i) for i in ("helicopter-types", "soldiers-killed")]
    window.run_session(start_quiz(bundled_bank, QuizOptions(shuffle_questions=False), questions=questions))
    quiz = window.quiz
    wrong = quiz.session.current.choices.index(questions[0].distractors[0])
    qtbot.keyClick(QApplication.focusWidget(), str(wrong + 1))
    key(qtbot, Qt.Key.Key_Return)
    qtbot.keyClicks(QApplication.focusWidget(), "13")
    key(qtbot, Qt.Key.Key_Return)
    key(qtbot, Qt.Key.Key_Return)  # See results →
    results = window.results
    assert window.stack.currentWidget() is results and results.score.text() == "1 / 2 points (50%)"

    alt(qtbot, "a")  # Show in article, of the first question's answer
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.article)
    key(qtbot, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is results
    held = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier, "", True)
    QApplication.sendEvent(QApplication.focusWidget(), held)
    assert window.stack.currentWidget() is results

    key(qtbot, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is window.library
    assert QApplication.focusWidget() is window.library.list
    store = window.history()
    [record] = store.sessions(kind="quiz")
    assert record.finished and not record.abandoned and record.answered == 2
    assert [(a.question_id, a.points) for a in store.answers(session_id=record.id)] == [
        ("helicopter-types", 0.0), ("soldiers-killed", 1.0)]
    assert record.bank_key == bank_key(bundled_bank.path)
    assert window.library.resume_id is None  # nothing to resume: the quiz was finished


def test_whole_quiz_with_keys_only(qtbot: QtBot, main_window) -> None:
    window = main_window
    window.library.list.setFocus()
    on_modal(qtbot, lambda d: qtbot.keyClick(d.focusWidget() or d, Qt.Key.Key_Return))
    qtbot.keyClick(window.library.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.quiz)
    quiz = window.quiz
    answered = 0
    letters = "ABCD"
    while quiz.session is not None:
        item = quiz.session.current
        q = item.question
        focus = window.focusWidget()
        if item.is_choice:
            i = item.choices.index(q.answer)
            # Alternate digit keys and letter keys.
            key = str(i + 1) if answered % 2 else letters[i]
            qtbot.keyClick(focus, key)
            assert quiz.feedback.verdict.text().startswith("✓ Right")
        else:
            assert focus is quiz.number, (answered, focus.text())
            qtbot.keyClicks(focus, "x")
            assert quiz.hint.text().startswith("Not a number yet")
            qtbot.keyClick(focus, Qt.Key.Key_Return)
            assert quiz.session.index == answered  # refused: nothing recorded
            qtbot.keyClick(focus, Qt.Key.Key_Backspace)
            qtbot.keyClicks(focus, f"{q.answer:,}".replace(",", " "))
            qtbot.keyClick(focus, Qt.Key.Key_Return)
            assert quiz.feedback.verdict.text().startswith("✓ Right")
        answered += 1
        assert quiz.streak.text() == f"Streak {answered}"
        next_key = Qt.Key.Key_Right if answered % 2 else Qt.Key.Key_Return
        qtbot.keyClick(window.focusWidget(), next_key)
    assert answered == 18
    assert window.stack.currentWidget() is window.results
    assert window.results.score.text() == "18 / 18 points (100%)"
    assert not window.results.retry_button.isEnabled()


def test_show_in_article_highlights_the_cited_sentence(qtbot: QtBot, main_window, bundled_bank) -> None:
    from quizapp.core.session import Mode, QuizOptions

    window = main_window
    q = bundled_bank.bank.question("displaced-malians")
    from quizapp.core.session import start_quiz

    window.run_session(start_quiz(bundled_bank, QuizOptions(mode=Mode.PRACTICE), questions=[q]))
    quiz = window.quiz
    qtbot.keyClicks(quiz.number, "1")
    qtbot.keyClick(quiz.number, Qt.Key.Key_Return)
    qtbot.mouseClick(quiz.feedback.article_button, Qt.MouseButton.LeftButton)
    view = window.article
    assert window.stack.currentWidget() is view
    cited = cited_passage(bundled_bank, q)
    assert view.highlighted_text() == [cited.text]
    cursor_rect = view.text.cursorRect()
    assert view.text.viewport().rect().contains(cursor_rect.center())
    assert view.text.textCursor().position() > 1000  # well down the article: it scrolled there
    qtbot.keyClick(view.text, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is quiz
    assert quiz.in_feedback


def test_leaving_a_quiz_asks_first(qtbot: QtBot, main_window, bundled_bank) -> None:
    from quizapp.core.session import QuizOptions

    window = main_window
    window.begin(bundled_bank, QuizOptions(count=3))
    quiz = window.quiz

    def answer(button: QMessageBox.StandardButton):
        return lambda box: qtbot.mouseClick(box.button(button), Qt.MouseButton.LeftButton)

    on_modal(qtbot, answer(QMessageBox.StandardButton.No))
    qtbot.mouseClick(quiz.leave_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is quiz and quiz.running
    on_modal(qtbot, answer(QMessageBox.StandardButton.Yes))
    qtbot.mouseClick(quiz.leave_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.library
    assert window.scores.get(bundled_bank.path).last is None  # a left quiz is not scored


def test_export_results_to_csv(qtbot: QtBot, main_window, bundled_bank, tmp_path) -> None:
    from quizapp.core.session import QuizOptions

    window = main_window
    window.begin(bundled_bank, QuizOptions(count=2))
    window.quiz.skip()
    qtbot.keyClick(window.quiz.next_button, Qt.Key.Key_Return)
    window.quiz.skip()
    qtbot.keyClick(window.quiz.next_button, Qt.Key.Key_Return)
    out = tmp_path / "results"
    with qtbot.waitSignal(window.results.exported) as signal:
        window.results.export_to(out)
    assert signal.args == [tmp_path / "results.csv"]
    text = (tmp_path / "results.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0].startswith("number,id,question,your answer,right answer")
    assert text.count(",skipped,0,") == 2


def test_ctrl_q_mid_quiz_asks_whether_to_quit_the_app(qtbot: QtBot, main_window, bundled_bank) -> None:
    """Ctrl+Q asked "Leave the quiz?" with Leave and Stay: it did not say the app would close."""
    from PySide6.QtWidgets import QApplication

    from quizapp.core.session import QuizOptions

    window = main_window
    window.begin(bundled_bank, QuizOptions(count=2))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    seen: list[tuple[str, str, list[str]]] = []

    def read_and_stay(box: QMessageBox) -> None:
        seen.append((box.windowTitle(), box.text(), [b.text() for b in box.buttons()]))
        box.activateWindow()
        qtbot.waitUntil(box.isActiveWindow)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)

    on_modal(qtbot, read_and_stay)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    [(title, text, buttons)] = seen
    assert title == "Quit quizapp?" and text.startswith("Quit quizapp")
    assert sorted(buttons) == ["&Quit", "&Stay"]
    assert window.isVisible() and window.stack.currentWidget() is window.quiz  # stayed


TITLED_BANK = """\
title: Town council
sources:
  vote: {file: vote.txt, title: Council votes for a new bridge}
questions:
  - id: votes
    type: numeric
    prompt: How many councillors voted for the bridge?
    answer: 9
    cite: {source: vote, quote: Nine councillors voted for the bridge}
"""


def test_show_in_article_titles_the_article_as_the_bank_names_its_source(qtbot: QtBot, main_window,
                                                                          tmp_path) -> None:
    """A .txt without front matter has no title of its own: the article view said "vote.txt" over a "Source:" line
    giving the headline its bank's source gives it. It names the article as the editor's Article tab does."""
    from PySide6.QtWidgets import QApplication

    from quizapp.core.bank import load_bank
    from quizapp.core.session import Mode, QuizOptions, start_quiz
    from tests.conftest import alt, key

    (tmp_path / "vote.txt").write_text("Nine councillors voted for the bridge on Monday.\n", encoding="utf-8")
    (tmp_path / "bank.yaml").write_text(TITLED_BANK, encoding="utf-8")
    window = main_window
    window.run_session(start_quiz(load_bank(tmp_path / "bank.yaml"), QuizOptions(mode=Mode.PRACTICE)))
    qtbot.waitUntil(window.isActiveWindow)
    assert QApplication.focusWidget() is window.quiz.number
    qtbot.keyClicks(QApplication.focusWidget(), "9")
    key(qtbot, Qt.Key.Key_Return)
    assert window.quiz.feedback.source.text() == "— Council votes for a new bridge"
    alt(qtbot, "a")  # Show in &article (a mnemonic clicks its button a moment later)
    view = window.article
    qtbot.waitUntil(lambda: window.stack.currentWidget() is view)
    assert QApplication.focusWidget() is view.text
    assert view.title.text() == "Council votes for a new bridge"
    assert view.source.text().startswith("Source: Council votes for a new bridge  ·  ")
