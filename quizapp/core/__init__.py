"""The core of quizapp: models, bank files, articles, scoring. No Qt here."""
