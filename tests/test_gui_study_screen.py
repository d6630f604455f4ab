"""Study and review of mistakes ask and answer as the quiz does, driven from the keyboard in the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from quizapp.core.model import ChoiceQuestion
from quizapp.core.percent import format_percent
from quizapp.core.session import cited_passage
from quizapp.core.study import Rating
from quizapp.gui.question_view import LETTER_KEYS

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def press(qtbot: QtBot, key: Qt.Key | str, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed where the focus is, as a person at the keyboard does."""
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def type_text(qtbot: QtBot, text: str) -> None:
    qtbot.keyClicks(QApplication.focusWidget(), text)


def open_screen(qtbot: QtBot, window, shortcut: Qt.Key):
    """Ctrl+D (study) or Ctrl+M (review mistakes) from the library; the screen it opens."""
    window.library.focus_list()
    press(qtbot, shortcut, CTRL)
    screen = window.study_screen
    assert window.stack.currentWidget() is screen
    return screen


def on_to_a_choice(qtbot: QtBot, screen) -> None:
    """Answer the number questions (right) and go on until a choice question is asked."""
    while not isinstance(screen.session.current.question, ChoiceQuestion):
        qtbot.waitUntil(lambda: not screen.view.settling)  # the question read (a moment, with the guard on)
        type_text(qtbot, f"{screen.session.current.question.answer:g}")
        press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: screen.view.settled)  # the feedback read (a moment, with the guard on)
        press(qtbot, Qt.Key.Key_Return)


def test_study_choices_are_as_compact_as_the_quiz(qtbot: QtBot, main_window) -> None:
    main_window.resize(1000, 720)
    screen = open_screen(qtbot, main_window, Qt.Key.Key_D)
    on_to_a_choice(qtbot, screen)
    choices = screen.session.current.choices
    buttons = screen.choice_buttons[:len(choices)]
    qtbot.waitUntil(lambda: all(b.isVisible() for b in buttons))
    for button, choice in zip(buttons, choices, strict=True):
        assert button.label.text().endswith(choice)
        # As tall as its text needs (one line here), not stretched to fill the window.
        assert button.height() <= button.heightForWidth(button.width()) < 3 * button.fontMetrics().height()
    assert QApplication.focusWidget() is buttons[0]  # as in the quiz: the first choice has the focus


def test_study_takes_letters_and_numbers_for_the_choices(qtbot: QtBot, main_window, store) -> None:
    screen = open_screen(qtbot, main_window, Qt.Key.Key_D)
    on_to_a_choice(qtbot, screen)
    for pick_by_letter in (True, False):
        while not isinstance(screen.session.current.question, ChoiceQuestion):
            on_to_a_choice(qtbot, screen)
        item = screen.session.current
        i = item.choices.index(item.question.answer)
        answered = len(store.answers())
        press(qtbot, LETTER_KEYS[i].lower() if pick_by_letter else str(i + 1))
        assert screen.in_feedback and screen.feedback.verdict.text().startswith("✓ Right")
        assert f"{i + 1}/{LETTER_KEYS[i]}" in screen.choice_buttons[i].key_label.text()  # the keys, as in the quiz
        assert len(store.answers()) == answered + 1 and store.answers()[-1].question_id == item.question.id
        press(qtbot, Qt.Key.Key_Return)  # keeps the suggested rating, goes on
        assert not screen.in_feedback


def test_a_quick_second_key_after_the_answer_neither_rates_nor_goes_on(qtbot: QtBot, main_window, store,
                                                                       double_press_guard) -> None:
    """"1" pressed twice 120 ms apart chose A (right), then rated it Again and showed the next card at once:
    the proof was never seen, and the card was scheduled as missed. The choice keys and the rating keys are
    the same keys on consecutive screens: a key within a moment of the answer does nothing, nor does a key
    held down (its auto-repeat); after that moment "1" rates."""
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    screen = open_screen(qtbot, main_window, Qt.Key.Key_D)
    on_to_a_choice(qtbot, screen)
    item = screen.session.current
    position = screen.position.text()
    qtbot.wait(double_press_guard + 100)  # the question read
    press(qtbot, str(item.choices.index(item.question.answer) + 1))  # the right choice ("1" when it is A)
    press(qtbot, "1")  # the second press of the double press: 1 is Again
    press(qtbot, Qt.Key.Key_Return)
    assert screen.in_feedback and screen.feedback.isVisible() and screen.position.text() == position
    [stored] = [a for a in store.answers() if a.question_id == item.question.id]
    assert stored.rating == int(screen.suggested) and screen.suggested in (Rating.Good, Rating.Easy)

    qtbot.waitUntil(lambda: screen.view.settled)
    held = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_1, Qt.KeyboardModifier.NoModifier, "1", True)
    QApplication.sendEvent(QApplication.focusWidget(), held)  # "1" held down since: its auto-repeat
    assert screen.in_feedback and screen.position.text() == position
    press(qtbot, "1")
    assert not screen.in_feedback and screen.position.text() != position  # rated Again, the next card asked
    [stored] = [a for a in store.answers() if a.question_id == item.question.id]
    assert stored.rating == int(Rating.Again)

    # A quick second "1" after that rating is not an answer to the card just shown, unread: it waits.
    after = screen.session.current
    press(qtbot, "1")
    assert not screen.in_feedback and screen.session.current is after
    assert not [a for a in store.answers() if a.question_id == after.question.id]
    if after.question.type == "choice":  # once it has stood a moment, "1" answers (a number is typed)
        qtbot.wait(double_press_guard + 100)
        press(qtbot, "1")
        assert screen.in_feedback


def test_enter_goes_from_the_end_of_a_session_to_the_library(qtbot: QtBot, main_window,
                                                             double_press_guard) -> None:
    """The end of a session ("Done: 1 of 1 point") had the focus on no button: Enter did nothing there, and
    only Esc (said nowhere on it) or Tab and Enter went back. Back to library has the focus, so Enter goes
    back; not an Enter pressed twice on "Finish →", nor one held down, which would skip the summary."""
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    main_window.set_new_per_day(1)
    screen = open_screen(qtbot, main_window, Qt.Key.Key_D)
    assert len(screen.session.items) == 1
    question = screen.session.current.question
    qtbot.waitUntil(lambda: not screen.view.settling)  # the question read
    if isinstance(question, ChoiceQuestion):
        press(qtbot, str(screen.session.current.choices.index(question.answer) + 1))
    else:
        type_text(qtbot, f"{question.answer:g}")
        press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.view.settled)  # the proof read
    assert screen.next_button.text() == "&Finish →"
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Return)  # the second of a double press
    assert screen.done.isVisible() and screen.done.text().startswith("Done: 1 of 1 point (100%).")
    back = QApplication.focusWidget()
    assert isinstance(back, QPushButton) and back.window() is main_window and back.text() == "&Back to library"
    qtbot.waitUntil(lambda: not screen.quick_keys.settling)
    held = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier, "\r", True)
    QApplication.sendEvent(QApplication.focusWidget(), held)  # Enter held down since "Finish →"
    assert screen.done.isVisible()
    press(qtbot, Qt.Key.Key_Return)
    assert main_window.stack.currentWidget() is main_window.library
    assert QApplication.focusWidget() is main_window.library.list


def test_study_shows_the_proof_in_the_article_and_esc_comes_back(qtbot: QtBot, main_window, bundled_bank,
                                                                  store) -> None:
    window = main_window
    screen = open_screen(qtbot, window, Qt.Key.Key_D)
    question = screen.session.current.question
    type_text(qtbot, "40")
    press(qtbot, Qt.Key.Key_Return)
    qtbot.mouseClick(screen.feedback.article_button, Qt.MouseButton.LeftButton)
    view = window.article
    assert window.stack.currentWidget() is view
    assert view.highlighted_text() == [cited_passage(bundled_bank, question).text]
    press(qtbot, Qt.Key.Key_Escape)
    assert window.stack.currentWidget() is screen and screen.in_feedback
    assert QApplication.focusWidget() is screen.next_button  # as in the quiz: Space or Enter goes on
    press(qtbot, Qt.Key.Key_3)  # still rates, from where the focus came back to
    assert store.answers()[-1].rating == 3
    assert not screen.in_feedback and screen.session.position == 1


def test_study_number_entry_reads_the_number_as_typed(qtbot: QtBot, main_window, store) -> None:
    screen = open_screen(qtbot, main_window, Qt.Key.Key_D)
    assert QApplication.focusWidget() is screen.number
    assert screen.hint.text() == "Numbers like 4500, 4,500, 4 500, 2.5, -3 or 12% are fine."
    type_text(qtbot, "4 5")
    assert screen.hint.text() == ("Not a number yet. Group thousands in threes (4,500 or 4 500) "
                                  "and use a point for decimals")
    press(qtbot, Qt.Key.Key_Return)
    assert not screen.in_feedback and store.answers() == []  # refused: nothing stored
    type_text(qtbot, "00")
    assert screen.hint.text() == "Reads as 4,500. Press Enter to submit."
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, "4,500")
    assert screen.hint.text() == "Reads as 4,500. Press Enter to submit."
    press(qtbot, Qt.Key.Key_Return)
    assert screen.in_feedback
    assert store.answers()[-1].given == "4,500"
    assert screen.feedback.given.text() == "Your answer: 4,500"


def test_study_text_follows_the_text_size(qtbot: QtBot, main_window) -> None:
    screen = open_screen(qtbot, main_window, Qt.Key.Key_D)
    app = QApplication.instance()
    try:
        for _ in range(2):
            before = screen.prompt.font().pointSizeF()
            press(qtbot, Qt.Key.Key_Equal, CTRL)
            assert screen.prompt.font().pointSizeF() > before
            # As large, against the text around it, as the quiz's question.
            assert screen.prompt.font().pointSizeF() == app.font().pointSizeF() * 1.4
            assert screen.number.font().pointSizeF() == app.font().pointSizeF() * 1.3
    finally:
        main_window.change_text_size(0)


def test_review_of_mistakes_asks_as_the_quiz(qtbot: QtBot, main_window, bundled_bank, store) -> None:
    window = main_window
    # Study: the first question (a number) answered wrong, then back to the library.
    screen = open_screen(qtbot, window, Qt.Key.Key_D)
    missed = screen.session.current.question
    type_text(qtbot, "4000")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_B, ALT)  # &Back to library
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.library)

    screen = open_screen(qtbot, window, Qt.Key.Key_M)
    assert [i.question.id for i in screen.session.items] == [missed.id]
    type_text(qtbot, "1,3")
    assert screen.hint.text() == "Not a number yet. Write decimals with a point: 1.3"
    press(qtbot, Qt.Key.Key_A, CTRL)
    type_text(qtbot, f"{missed.answer:g}")
    press(qtbot, Qt.Key.Key_Return)
    assert screen.feedback.verdict.text().startswith("✓ Right")
    assert not screen.ratings.isVisible() and QApplication.focusWidget() is screen.next_button
    press(qtbot, Qt.Key.Key_A, ALT)  # Show in &article
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.article)  # a mnemonic clicks after a flash
    assert window.article.highlighted_text() == [cited_passage(bundled_bank, missed).text]
    press(qtbot, Qt.Key.Key_Escape)
    press(qtbot, Qt.Key.Key_Right)  # next, as in the quiz: the review is done
    assert screen.done.isVisible() and screen.done.text().startswith("Done: 1 of 1 point (100%).")


def test_esc_leaves_a_study_session_for_the_library_as_in_the_quiz(qtbot: QtBot, main_window, store) -> None:
    ready = main_window.library.status.text()
    screen = open_screen(qtbot, main_window, Qt.Key.Key_D)
    type_text(qtbot, "12")  # half typed: Esc from the number box too
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: main_window.stack.currentWidget() is not screen)
    assert main_window.stack.currentWidget() is main_window.library
    assert main_window.library.status.text() == ready  # nothing answered: nothing to say


def test_esc_mid_study_leaves_at_once_and_the_library_says_the_answers_are_kept(qtbot: QtBot, main_window,
                                                                                store, data_dir,
                                                                                bundled_copy) -> None:
    """As in Anki, no question (the conftest fails any message box): each answer is already stored. And the
    session ends there: the next start showed "A study session… was not finished: 2 of 18 answered. Resume
    it?" beside Study; the next Study asks what is due instead."""
    from tests.test_gui_history import new_window

    screen = open_screen(qtbot, main_window, Qt.Key.Key_D)
    planned = len(screen.session.items)
    for _ in range(2):
        if isinstance(screen.session.current.question, ChoiceQuestion):
            press(qtbot, Qt.Key.Key_1)
        else:
            type_text(qtbot, f"{screen.session.current.question.answer:g}")
            press(qtbot, Qt.Key.Key_Return)
        if len(store.answers()) < 2:
            press(qtbot, Qt.Key.Key_Return)  # rated as suggested, on to the next
    assert screen.in_feedback  # Esc mid-feedback
    press(qtbot, Qt.Key.Key_Escape)
    assert main_window.stack.currentWidget() is main_window.library
    assert len(store.answers()) == 2
    assert main_window.library.status.text().startswith("Left the study session: your 2 answers are kept. "
                                                         "The rest wait for your next session.\n")
    main_window.close()

    again = new_window(qtbot, data_dir, bundled_copy)
    assert not again.library.resume_banner.isVisibleTo(again.library)
    # Study again: a new session, on the questions not answered yet (the two answered are due later).
    again.library.focus_list()
    press(qtbot, Qt.Key.Key_D, CTRL)
    screen = again.study_screen
    assert again.stack.currentWidget() is screen
    assert screen.session.position == 0 and len(screen.session.items) == planned - 2


def test_study_choices_follow_the_text_size(qtbot: QtBot, main_window) -> None:
    """The options' text grows with Ctrl+=, as the question's does (the walkthrough saw it stay small)."""
    screen = open_screen(qtbot, main_window, Qt.Key.Key_D)
    on_to_a_choice(qtbot, screen)
    app = QApplication.instance()
    first = screen.choice_buttons[0]
    try:
        before = first.label.fontInfo().pointSizeF()
        press(qtbot, Qt.Key.Key_Equal, CTRL)
        press(qtbot, Qt.Key.Key_Equal, CTRL)
        assert first.label.font().pointSizeF() == app.font().pointSizeF() * 1.15
        assert first.label.fontInfo().pointSizeF() > before
    finally:
        main_window.change_text_size(0)


def test_enter_on_a_focused_rating_presses_it_not_the_suggestion(qtbot: QtBot, main_window, store) -> None:
    """Tab to a rating and press Enter: that rating, as in any dialog (the walkthrough got the suggested one)."""
    screen = open_screen(qtbot, main_window, Qt.Key.Key_D)
    type_text(qtbot, f"{screen.session.current.question.answer:g}")
    press(qtbot, Qt.Key.Key_Return)
    assert screen.in_feedback and screen.ratings.isVisible()
    suggested = store.answers()[-1].rating
    for _ in range(10):  # Tab along: Next, then the ratings
        press(qtbot, Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        if focus in screen.rating_buttons and screen.rating_buttons.index(focus) + 1 != suggested:
            break
    chosen = screen.rating_buttons.index(QApplication.focusWidget()) + 1
    assert chosen != suggested
    press(qtbot, Qt.Key.Key_Return)
    assert store.answers()[-1].rating == chosen
    assert not screen.in_feedback and screen.session.position == 1


def test_enter_on_a_focused_show_in_article_opens_the_article(qtbot: QtBot, main_window, store) -> None:
    screen = open_screen(qtbot, main_window, Qt.Key.Key_D)
    type_text(qtbot, f"{screen.session.current.question.answer:g}")
    press(qtbot, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is screen.next_button
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is screen.feedback.article_button
    press(qtbot, Qt.Key.Key_Return)
    assert main_window.stack.currentWidget() is main_window.article  # not on to the next question
    press(qtbot, Qt.Key.Key_Escape)
    assert main_window.stack.currentWidget() is screen and screen.in_feedback


def test_the_library_and_statistics_say_due_in_the_same_words(qtbot: QtBot, main_window, store) -> None:
    """After a short session the library said "0 due" while Statistics counted the missed question as due
    today: both now say what is due now and what is due later today."""
    import datetime as dt

    from quizapp.core.study import day_start

    window = main_window
    screen = open_screen(qtbot, window, Qt.Key.Key_D)
    missed = screen.session.current.question
    type_text(qtbot, "4000")  # wrong: Again, back in a minute
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_B, ALT)  # &Back to library
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.library)
    (card,) = store.cards()
    assert card.question_id == missed.id
    # (a minute before midnight it falls due tomorrow: then nothing is due today)
    today = card.due < (day_start(dt.datetime.now(dt.UTC)) + dt.timedelta(days=1)).timestamp()
    due = "0 due now · 1 due later today" if today else "0 due now"
    assert window.library.list.item(0).text().endswith(f" · {due} · 17 new")
    assert window.library.study_line.text() == f"{due} · 17 new for study today"

    press(qtbot, Qt.Key.Key_T, CTRL)  # Statistics
    assert window.stack.currentWidget() is window.statistics
    forecast = window.statistics.forecast
    assert forecast.title.text() == f"Due in the next 14 days (today: {due.replace(' · ', ', ')})"
    (bars,) = forecast.chart.series()[0].barSets()
    assert bars.at(0) == (1 if today else 0)


def answer_right(qtbot: QtBot, screen, guard: int) -> None:
    """Answer the current question right with keys, once it has stood long enough (`guard` ms) to be read."""
    item = screen.session.current
    qtbot.wait(guard + 100)
    if isinstance(item.question, ChoiceQuestion):
        press(qtbot, str(item.choices.index(item.question.answer) + 1))
    else:
        type_text(qtbot, f"{item.question.answer:g}")
        press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.view.settled)  # the feedback read


def test_digits_typed_just_after_going_on_are_not_the_next_number(qtbot: QtBot, main_window,
                                                                   double_press_guard) -> None:
    """Enter, 1, 2 about 60 ms apart on a card's feedback: the next question, a number, opened with "12"
    already typed ("Reads as 12. Press Enter to submit."). A character typed within a moment of a question's
    showing is not typed, as a choice key is not taken, nor is a key held down since; after it, it is."""
    main_window.activateWindow()
    qtbot.waitUntil(main_window.isActiveWindow)
    screen = open_screen(qtbot, main_window, Qt.Key.Key_D)
    session = screen.session
    answer_right(qtbot, screen, double_press_guard)
    while isinstance(session.items[session.position].question, ChoiceQuestion):  # the next one a number
        press(qtbot, Qt.Key.Key_Return)
        answer_right(qtbot, screen, double_press_guard)
    press(qtbot, Qt.Key.Key_Return)
    type_text(qtbot, "12")
    assert not screen.in_feedback and QApplication.focusWidget() is screen.number
    assert screen.number.text() == ""
    assert screen.hint.text() == "Numbers like 4500, 4,500, 4 500, 2.5, -3 or 12% are fine."

    qtbot.wait(double_press_guard + 100)  # the question read
    held = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_1, Qt.KeyboardModifier.NoModifier, "1", True)
    QApplication.sendEvent(QApplication.focusWidget(), held)  # "1" held down since the last card: its auto-repeat
    assert screen.number.text() == ""
    type_text(qtbot, "12")
    assert screen.number.text() == "12" and screen.hint.text().startswith("Reads as 12")
    QApplication.sendEvent(QApplication.focusWidget(), held)  # a digit held down while typing repeats
    assert screen.number.text() == "121"


def test_ctrl_k_and_skip_put_a_study_question_off_unrated(qtbot: QtBot, main_window, store) -> None:
    """Help lists Ctrl+K as skip, and the guide says study takes the quiz's keys, but Ctrl+K did nothing in
    study, and there was no Skip. A question skipped is not answered nor rated: it comes back at the end of
    the session; skipped again, it waits for the next session."""
    screen = open_screen(qtbot, main_window, Qt.Key.Key_D)
    first = screen.session.current.question
    count = len(screen.session.items)
    press(qtbot, Qt.Key.Key_K, CTRL)
    assert screen.session.current.question is not first and not screen.in_feedback
    assert screen.skip_button.isVisible() and screen.skip_button.isEnabled()
    assert screen.session.items[-1].question is first and store.answers() == [] and store.cards() == []
    assert screen.position.text().startswith(f"1 of {count}")

    on_to_a_choice(qtbot, screen)  # answers are kept as ever; a choice question, skipped with its button
    second = screen.session.current.question
    press(qtbot, Qt.Key.Key_K, ALT)  # S&kip
    qtbot.waitUntil(lambda: screen.session.current.question is not second)  # a mnemonic clicks after a flash
    assert [i.question for i in screen.session.items[-2:]] == [first, second]
    assert not [a for a in store.answers() if a.question_id in (first.id, second.id)]

    type_text(qtbot, "1")  # in the feedback Skip waits: the answer is given
    if screen.session.current.question.type == "numeric":
        press(qtbot, Qt.Key.Key_Return)
    assert screen.in_feedback and not screen.skip_button.isEnabled()
    press(qtbot, Qt.Key.Key_K, CTRL)
    assert screen.in_feedback


def test_the_end_of_a_study_session_counts_points_as_statistics_does(qtbot: QtBot, main_window, store) -> None:
    """The tester's session: "Done: 7 of 17 right." while Statistics counted the same session as 8 of 17 points
    (two close numbers, half a point each), and "17 answers in 1 sessions". A question skipped twice waits
    for the next session: the end says so."""
    from quizapp.core.scoring import close_range

    window = main_window
    screen = open_screen(qtbot, window, Qt.Key.Key_D)
    session = screen.session
    skipped = session.current.question
    press(qtbot, Qt.Key.Key_K, CTRL)  # to the end of the session
    close, wrong = 2, 1  # two numbers close, a choice wrong, the rest right
    while not session.finished:
        question = session.current.question
        if question is skipped:
            press(qtbot, Qt.Key.Key_K, CTRL)  # again: it waits for the next session
            continue
        qtbot.waitUntil(lambda: not screen.view.settling)
        if isinstance(question, ChoiceQuestion):
            given = question.distractors[0] if wrong else question.answer
            wrong = 0
            press(qtbot, str(session.current.choices.index(given) + 1))
        else:
            value = close_range(question)[0] if close else question.answer
            close = max(0, close - 1)
            type_text(qtbot, f"{value:g}")
            press(qtbot, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: screen.view.settled)
        press(qtbot, Qt.Key.Key_Return)
    answered = len(session.answers)
    assert [a.verdict for a in session.answers].count("close") == 2 and session.right == answered - 3
    points = answered - 2  # a wrong choice, and half of each close number
    score = f"{points:g} of {answered} points ({format_percent(100 * points / answered)})"
    assert screen.done.isVisible() and screen.done.text() == (
        f"Done: {score}. 1 question skipped, "
        "waiting for your next session. Questions you missed come back soon; the ones you knew, later.")

    press(qtbot, Qt.Key.Key_B, ALT)  # &Back to library
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.library)
    press(qtbot, Qt.Key.Key_T, CTRL)  # Statistics
    assert window.stack.currentWidget() is window.statistics
    assert window.statistics.summary.text().startswith(f"{answered} answers in 1 session: {score}.")



@pytest.mark.parametrize("shortcut", [Qt.Key.Key_L, Qt.Key.Key_T], ids=["Ctrl+L", "Ctrl+T"])
def test_ctrl_l_or_t_mid_study_ends_the_session_as_esc_does(qtbot: QtBot, main_window, store,
                                                            shortcut: Qt.Key) -> None:
    """Ctrl+L (View > Library) and Ctrl+T (Statistics) went on leaving the session open in the history: the
    library said nothing of the answer kept, and the session, never ended, came back at the next start as one
    to resume."""
    screen = open_screen(qtbot, main_window, Qt.Key.Key_D)
    if isinstance(screen.session.current.question, ChoiceQuestion):
        press(qtbot, Qt.Key.Key_1)
    else:
        type_text(qtbot, f"{screen.session.current.question.answer:g}")
        press(qtbot, Qt.Key.Key_Return)
    assert len(store.answers()) == 1 and store.unfinished_sessions()
    press(qtbot, shortcut, CTRL)
    shown = main_window.library if shortcut == Qt.Key.Key_L else main_window.statistics
    assert main_window.stack.currentWidget() is shown
    assert store.unfinished_sessions() == []
    assert main_window.library.status.text().startswith("Left the study session: your 1 answer is kept. "
                                                         "The rest wait for your next session.")
