"""lintmath: a linter for the mathematics in lecture slides, notes and tutorials."""
__version__ = "0.1.0"
