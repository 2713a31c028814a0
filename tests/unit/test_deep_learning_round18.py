"""Deep-learning notes (round 18): a definition indexed by a letter that is also a letter superscript
in its body (Adam's bias correction, m_t / (1 - beta_1^t)), used at a number."""
import pytest

from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.pipeline import check_documents
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.substitute import _bind

DEFINITION = "\\begin{align*}\n\\tilde{s}_n &= \\frac{s_n}{1 - \\gamma_2^n}\n\\end{align*}\n"


def _statuses(body: str) -> list[tuple[str, str, tuple[str, ...]]]:
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    res = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=5.0, seed=0))[0]
    rules = tuple(f.rule for f in res.findings)
    return [(s.verdict.status.value, s.verdict.reason, rules) for s in res.steps if s.verdict.status.value != "skipped"]


@pytest.mark.parametrize("claim, status", [
    # the name at n = 1: gamma_2^1 is gamma_2, as written out it would be
    ("\\tilde{s}_1 (1 - \\gamma_2) &= s_1", "verified"),
    ("\\tilde{s}_2 (1 - \\gamma_2^2) &= s_2", "verified"),
    ("\\tilde{s}_1 (1 - \\gamma_2) &= 3 s_1", "refuted"),
])
def test_definition_at_a_number_in_a_letter_superscript(claim: str, status: str) -> None:
    rows = _statuses(DEFINITION + "Then\n\\begin{align*}\n" + claim + "\n\\end{align*}\n")
    assert len(rows) == 1
    got, reason, rules = rows[0]
    assert got == status, reason
    assert "internal error" not in reason
    if status == "refuted":
        assert rules and rules[0] in ("LM201", "LM103")


def test_bound_superscript_letter_becomes_a_power() -> None:
    # before: the number sat where a letter is expected and crashed the next substitution round
    body = parse_math("\\frac{u_k}{1 - \\kappa_1^k}")
    bound = _bind(body, {"k": parse_math("3")})
    syms = [x for x in bound.walk() if isinstance(x, n.Sym)]
    assert all(s.sup_letter is None or isinstance(s.sup_letter, n.Sym) for s in syms)
    powers = [x for x in bound.walk() if isinstance(x, n.Pow) and isinstance(x.base, n.Sym) and x.base.base == "\\kappa"]
    assert len(powers) == 1 and isinstance(powers[0].exp, n.Num)
