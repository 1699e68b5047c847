"""Renderers: one module per format, each registering a reporter."""
