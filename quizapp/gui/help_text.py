"""The Help window (F1): how to take a quiz and study, the keys in a table, the scoring rule."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from quizapp.core.scoring import SCORING_RULE
from quizapp.gui.widgets import FitsText, fitted_size

HELP_CHARS, HELP_LINES = 60, 24  # the Help window's size, in characters and lines of its text

KEYS = (
    ("1-9 or A-D", "pick a choice"),
    ("Enter", "submit a number; after the feedback, next question"),
    ("Right arrow", "next question (after the feedback)"),
    ("Ctrl+K", "skip the question (in study it is not rated, and comes back at the end of the session)"),
    ("Ctrl+Enter", "start a quiz on the selected bank"),
    ("Ctrl+D / Ctrl+M", "study the questions due now / review last time's mistakes"),
    ("1-4", "after a study answer: Again, Hard, Good, Easy (Enter keeps the suggested rating)"),
    ("Ctrl+L / Ctrl+T", "the library / statistics"),
    ("Ctrl+C", "on the results: copy them as text"),
    ("Esc", "leave the quiz (asks first) or the study session (its answers are kept), or go back from the "
            "article, the results or the statistics"),
    ("Ctrl+O", "open a bank file (or drop .yaml files on the library)"),
    ("Ctrl+N", "new bank from a news article"),
    ("Ctrl+Z", "undo: in the library, put back the bank last removed from the list (again: the one before it); "
               "in the editor, the last edit"),
    ("Ctrl+Shift+E", "edit the selected bank (in the editor: Ctrl+S saves, Ctrl+Z undoes, Alt+B asks about "
                     "the words selected in the article)"),
    ("Alt+Up / Alt+Down", "in the editor's list of questions: move the selected question up / down"),
    ("Ctrl+I / Ctrl+E", "import GIFT, Moodle XML or Aiken questions / export the bank (Moodle, Anki, CSV, PDF), "
                        "in the library or in the editor"),
    ("Ctrl+= / Ctrl+-", "larger / smaller text (Ctrl+0: normal)"),
    ("F11", "full screen"),
    ("F1", "this help"),
    ("Ctrl+Q", "quit"),
    ("Alt+letter", "press the button, or go to the field, whose name has that letter underlined"),
)

# (heading, paragraph) in order; the keys table comes after the first two.
BEFORE_KEYS = (
    ("Taking a quiz",
     "Pick a bank in the library and press Enter (or Start quiz…), choose the options, then Start. "
     "Practice mode shows after each answer whether it was right, the right answer, and the sentence "
     "of the article that proves it; \"Show in article\" opens the article at that sentence. Exam mode "
     "shows nothing until the end. Every answer is saved as you give it: a quiz you leave, or that "
     "quizapp stopped in the middle of, the library offers to resume (Quiz > Resume unfinished quiz)."),
    ("Studying",
     "Each bank shows how many questions are due now, how many are due later today (a question you "
     "missed comes back after a few minutes) and how many new ones you may start. Study (Ctrl+D) asks "
     "the questions due now, then new ones up to the daily limit (Quiz > New questions per "
     "day…). After each answer, 1 Again, 2 Hard, 3 Good, 4 Easy change the suggested rating; Enter keeps "
     "it. Skip (Ctrl+K) puts a question off unrated: it comes back at the end of the session, and skipped "
     "again it waits for your next session. Review mistakes (Ctrl+M) asks what you got wrong last time. "
     "View > Statistics (Ctrl+T) shows your progress; every figure there counts points, as a quiz's score "
     "does (a close number half a point)."),
)
AFTER_KEYS = (
    ("Numbers",
     "Type 4500, 4,500 or 4 500; decimals with a point (2.5); negatives (-3); percentages (12%, read "
     "as 12). The unit may follow the number (13 soldiers). A point before three digits (4.500) reads as a "
     "decimal (4.5): the app says so and asks for Enter once more. Anything else is refused with a hint "
     "before you submit."),
    ("Scoring", SCORING_RULE),
    ("Making banks",
     "File > New bank from article… (Ctrl+N) reads an article (a file, a web address, or pasted text) and "
     "drafts questions, each with the generator's confidence; those it trusts come ticked. Review each "
     "against its cited sentence, then Add; or, whatever it kept, press Make the bank and ask my own (Alt+B) to "
     "write your own. In the editor (Edit bank…), select words of a sentence in the "
     "Article tab (Alt+T) and press Ask about it (Alt+B) for a question with them left out, cited; Use as citation "
     "sets the proof of the question shown. A bank made by quizapp generate is listed as a draft until you press "
     "Mark as reviewed in the editor (or change its description in Edit > Bank details…). "
     "File > Import… reads GIFT, Moodle XML or Aiken files; Export "
     "bank… (Ctrl+E, in the library or the editor) writes Moodle, Anki, CSV or a printable PDF; a bank with errors "
     "is exported once they are fixed."),
    ("Banks with errors",
     "A bank with errors is listed in the library with each error's file and line. Press Edit bank… to "
     "fix it in quizapp's editor, which lists the problems and takes you to each, or fix the file in a "
     "text editor: the library reads it again when you save it (or an article it cites)."),
    ("Your files",
     "Your answers, banks you make and copies of the bundled banks are kept in {data} (the banks in its "
     "banks folder). Banks you open stay where they are; Remove from list forgets one, and its file stays "
     "(Ctrl+Z puts it back, and each one removed before it in turn)."),
)


def anchor(heading: str) -> str:
    """The name of a heading's place in the help: "making-banks" for "Making banks"."""
    return "-".join(heading.lower().split())


def help_html() -> str:
    """The help as rich text: headings, paragraphs, and the keys in a two-column table."""
    from quizapp.paths import user_data_dir

    def section(heading: str, text: str) -> str:
        # Each heading an anchor, so that Help can open at the part about the window it was asked from.
        return (f"<h3><a name='{anchor(heading)}'></a>{escape(heading)}</h3>"
                f"<p>{escape(text.replace('{data}', str(user_data_dir())))}</p>")

    # A table, not spaces: in a proportional font no run of spaces lines the descriptions up.
    rows = "".join(f"<tr><td style='white-space:pre; padding-right:16px'>{escape(key)}</td><td>{escape(what)}</td></tr>"
                   for key, what in KEYS)
    return ("".join(section(h, t) for h, t in BEFORE_KEYS)
            + f"<h3>Keys</h3><table cellspacing='0' cellpadding='3'>{rows}</table>"
            + "".join(section(h, t) for h, t in AFTER_KEYS))


class HelpWindow(FitsText, QDialog):
    """The help in a window of its own, with a Close button."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Help")  # the platform adds "— quizapp"
        self.text = QTextBrowser()
        self.text.setOpenLinks(False)
        self.text.setHtml(help_html())
        self.text.setAccessibleName("Help")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(self.wanted_size())
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def wanted_size(self) -> QSize:
        """Some 60 characters by 24 lines at least, whatever the text size (640x520 at the normal size), within the
        window it opens over: at the largest text, 640x520 held 8 lines of some 25 characters."""
        metrics = self.fontMetrics()
        return fitted_size(self, max(640, metrics.averageCharWidth() * HELP_CHARS),
                           max(520, metrics.lineSpacing() * HELP_LINES))


def show_help_window(parent: QWidget, section: str | None = None) -> QDialog:
    """Open the Help window beside `parent` (it does not block), at the heading `section` if given;
    return it."""
    dialog = HelpWindow(parent)
    text = dialog.text
    dialog.show()
    if section is not None:  # once laid out at its size: before that the heading's place is not known
        QTimer.singleShot(0, text, lambda: text.scrollToAnchor(anchor(section)))
    return dialog
