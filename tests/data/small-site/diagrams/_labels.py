"""A helper that both diagrams import: editing it must redraw both."""

PREFIX = "Old"
