"""quizapp: fact-checking quizzes from news articles."""

__version__ = "0.1.0"
