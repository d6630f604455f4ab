"""The JSON Schema of the bank format, for editors that check YAML as it is typed."""

from __future__ import annotations

from typing import Any

from quizapp.core.model import Bank


def bank_json_schema() -> dict[str, Any]:
    """A JSON Schema (draft 2020-12) of a bank file."""
    schema = Bank.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = "https://quizapp.invalid/bank.schema.json"
    return schema
