"""Exports: the record in formats other tools read."""
