"""Renderers: each turns a built report into one format, computing nothing the builder did not."""
