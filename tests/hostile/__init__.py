"""Hostile and broken submissions: builders (``builders.py``) and the tests that screen them."""
