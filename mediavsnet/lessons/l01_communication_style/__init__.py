"""Lesson 01's home: its explorer, kept tables and presets (see mediavsnet/lessons/__init__.py)."""
