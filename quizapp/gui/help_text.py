"""The text of the Help window: keys and the scoring rule (plain text)."""

from __future__ import annotations

from quizapp.core.scoring import SCORING_RULE

HELP_TEXT = f"""\
Taking a quiz
  Pick a bank in the library and press Enter (or Start quiz…), choose the options, then Start.
  Practice mode shows after each answer whether it was right, the right answer, and the
  sentence of the article that proves it; "Show in article" opens the article at that sentence.
  Exam mode shows nothing until the end.

Keys
  1-9 or A-D       pick a choice
  Enter            submit a number; after the feedback, next question
  Right arrow      next question (after the feedback)
  Ctrl+K           skip the question
  Esc              leave the quiz (asks first), or go back from the article
  Ctrl+O           open a bank file (or drop .yaml files on the library)
  Ctrl+= / Ctrl+-  larger / smaller text (Ctrl+0: normal)
  F11              full screen
  F1               this help
  Ctrl+Q           quit

Numbers
  Type 4500, 4,500 or 4 500; decimals with a point (2.5); negatives (-3); percentages (12%,
  read as 12). Anything else is refused with a hint before you submit.

Scoring
  {SCORING_RULE}

A bank with errors is listed in the library with each error's file and line; fix the file in
a text editor and open it again.
"""
