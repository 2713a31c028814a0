"""A LaTeX body checked as a whole document, for the tests of readings that rest on the prose around a
display (this module holds no tests: test files import it)."""
from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.pipeline import check_documents


def checked_steps(body: str, budget: float = 2.0, name: str = "t.tex") -> list:
    """The checked steps (each with its step and verdict) of the document whose body is ``body``."""
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    return check_documents([extract_text(doc, name)], [name], Config(jobs=0, budget=budget, seed=0))[0].steps


def display(prose: str, lhs: str, rhs: str) -> str:
    """``prose`` above a one-row align* of ``lhs = rhs``."""
    return f"{prose}\n\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"
