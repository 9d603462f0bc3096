"""Renderers: findings in, text out. ``rich`` is imported only by the terminal renderer."""
