"""The text of the Help window: keys and the scoring rule (plain text)."""

from __future__ import annotations

from quizapp.core.scoring import SCORING_RULE

HELP_TEXT = f"""\
Taking a quiz
  Pick a bank in the library and press Enter (or Start quiz…), choose the options, then Start.
  Practice mode shows after each answer whether it was right, the right answer, and the
  sentence of the article that proves it; "Show in article" opens the article at that sentence.
  Exam mode shows nothing until the end.
  Every answer is saved as you give it: if quizapp stops in the middle of a quiz, the library
  offers to resume it on the next start.

Studying
  Each bank shows how many questions are due today and how many new ones you may start.
  Study (Ctrl+D) asks the due questions, then new ones up to the daily limit (Quiz > New
  questions per day…). After each answer, 1 Again, 2 Hard, 3 Good, 4 Easy change the
  suggested rating; Enter keeps it. Review mistakes (Ctrl+M) asks what you got wrong last
  time. View > Statistics (Ctrl+T) shows your progress.

Keys
  1-9 or A-D       pick a choice
  Enter            submit a number; after the feedback, next question
  Right arrow      next question (after the feedback)
  Ctrl+K           skip the question
  Esc              leave the quiz (asks first), or go back from the article
  Ctrl+O           open a bank file (or drop .yaml files on the library)
  Ctrl+N           new bank from a news article
  Ctrl+Shift+E     edit the selected bank
  Ctrl+I / Ctrl+E  import GIFT, Moodle XML or Aiken questions / export the bank (Moodle, Anki, CSV, PDF)
  Ctrl+= / Ctrl+-  larger / smaller text (Ctrl+0: normal)
  F11              full screen
  F1               this help
  Ctrl+Q           quit

Numbers
  Type 4500, 4,500 or 4 500; decimals with a point (2.5); negatives (-3); percentages (12%,
  read as 12). Anything else is refused with a hint before you submit.

Scoring
  {SCORING_RULE}

A bank with errors is listed in the library with each error's file and line. Press Edit bank…
to fix it in quizapp's editor, which lists the problems and takes you to each, or fix the file
in a text editor: the library reads it again when you open it.
"""
