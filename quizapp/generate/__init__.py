"""Article -> facts -> questions. spaCy is imported only when generation runs."""

from quizapp.generate.api import GenerationCancelled, generate_bank

__all__ = ["GenerationCancelled", "generate_bank"]
