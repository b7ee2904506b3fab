"""Saluran: a turn-based political career game."""
