"""Article -> facts -> questions. spaCy is imported only when generation runs."""
