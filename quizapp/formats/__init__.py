"""Exports to and imports from the tools teachers already use."""
