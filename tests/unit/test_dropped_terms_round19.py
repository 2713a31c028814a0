"""Dropped terms, round 19: a term the step lost that the line before does not write as a term of a
sum is put back as another line of the chain writes it (the line after the step first, then the
earlier lines), beside the neighbour it has there, and only when its value is what the line lacks.
The chain's lines reach only the diagnosis of a step refuted anyway: they never change a verdict."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status
from lintmath.pipeline import _chain_lines, check_text

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED


# (line before, wrong new line, the chain's other lines, suggested new line)
CASES = [
    # the line after still writes the lost 2x, after the x^2 it follows there
    (r"(x+1)^2 + (y+1)^2", r"x^2 + 1 + y^2 + 2y + 1", (r"x^2 + 2x + y^2 + 2y + 2",),
     r"x^2 + 2x + 1 + y^2 + 2y + 1"),
    # ... and a lost term that comes first there goes before the term after it there
    (r"(x+1)^2 + (y+1)^2", r"2x + 1 + y^2 + 2y + 1", (r"x^2 + 2x + y^2 + 2y + 2",),
     r"x^2 + 2x + 1 + y^2 + 2y + 1"),
    # the line before has it inside a bracket; the chain's head writes it, between its neighbours there
    (r"2(x + 3y + 2)", r"2x + 4", (r"2x + 6y + 4",), r"2x + 6y + 4"),
    (r"3(a - 2b) + c", r"3a + c", (r"c + 3a - 6b",), r"3a - 6b + c"),
    # a copy of the line's own term with the letter it lost comes before the chain's spelling of it
    (r"(x + y)c", r"xc", (r"cx + cy",), r"xc + yc"),
    # no neighbour there that the line writes: the last term of the chain's sum goes last
    # (and spelled as there, not as SymPy prints the difference: \sin^2{(q )})
    (r"(p+\sin q)^2 + r", r"p^2 + 2p\sin q + r", (r"r + p^2 + 2\sin q\, p + \sin^2 q",),
     r"p^2 + 2p\sin q + r + \sin^2 q"),
    # a function's term, spelled as the author spells it
    (r"\frac{1}{2}(e^{t} + e^{-t}) + \sin t", r"\frac{1}{2}e^{t} + \sin t",
     (r"\frac{1}{2}e^{t} + \frac{1}{2}e^{-t} + \sin t",), r"\frac{1}{2}e^{t} + \frac{1}{2}e^{-t} + \sin t"),
]


@pytest.mark.parametrize("lhs,rhs,chain,suggestion", CASES)
def test_lost_term_from_the_chain(lhs, rhs, chain, suggestion):
    verdict = check_step(lhs, rhs, "=", chain=chain)
    assert verdict.status is R, verdict.reason
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "dropped_term"
    assert "".join(verdict.diagnosis.suggestion.split()) == "".join(suggestion.split())


# (line before, wrong new line, a chain whose terms do not repair it): the diagnosis is the one
# made without the chain
NO_HELP = [
    # 3x is not what the line lacks (2x): not put in
    (r"(x+1)^2 + (y+1)^2", r"x^2 + 1 + y^2 + 2y + 1", (r"x^2 + 3x + y^2 + 2y + 2",)),
    # a chain line that is the step's own line lends nothing
    (r"(x+1)^2 + (y+1)^2", r"x^2 + 1 + y^2 + 2y + 1", (r"x^2 + 1 + y^2 + 2y + 1",)),
    # a line the parser cannot read is passed over
    (r"(x+1)^2 + (y+1)^2", r"x^2 + 1 + y^2 + 2y + 1", (r"x^2 + \frac{", r"(x+1)^2")),
]


@pytest.mark.parametrize("lhs,rhs,chain", NO_HELP)
def test_chain_without_the_term(lhs, rhs, chain):
    alone, chained = check_step(lhs, rhs, "="), check_step(lhs, rhs, "=", chain=chain)
    assert chained.status is alone.status is R
    assert chained.diagnosis == alone.diagnosis


# steps whose verdict the chain must not change, whatever its lines write
VERDICTS = [
    (r"(a+b)^2", r"a^2 + 2ab + b^2", (r"a^2 + b^2", r"2ab"), V),
    (r"x + y", r"x", (r"x + y", r"y"), None),  # a quantity lost: decided by the short search alone
    (r"\sum_{i=1}^{n} (a_i + b_i)", r"\sum_{i=1}^{n} a_i", (r"\sum_{i=1}^{n} a_i + \sum_{i=1}^{n} b_i",), None),
    (r"0.3 \cdot 0.2 + 0.7 \cdot 0.1", r"0.06", (r"0.06 + 0.07", r"0.13"), None),  # beside decimals
]


@pytest.mark.parametrize("lhs,rhs,chain,status", VERDICTS)
def test_chain_decides_no_verdict(lhs, rhs, chain, status):
    alone, chained = check_step(lhs, rhs, "="), check_step(lhs, rhs, "=", chain=chain)
    assert chained.status is alone.status
    assert status is None or chained.status is status
    if alone.status is not R:
        assert chained.diagnosis is None


def test_chain_lines_nearest_first():
    lines = ["L0", "L1", "L2", "L3", "L4", "L5", "L6"]
    # step 2 is L2 = L3: the line after it, then back to the head, then the later lines (four at most)
    assert _chain_lines(lines, 2) == ("L4", "L1", "L0", "L5")
    assert _chain_lines(lines, 0) == ("L2", "L3", "L4", "L5")
    assert _chain_lines(lines, 5) == ("L4", "L3", "L2", "L1")
    assert _chain_lines(["L0", "L1"], 0) == ()


def test_the_pipeline_passes_the_chain():
    source = "\n".join([
        r"\begin{align*}",
        r"(x+1)^2 + (y+1)^2 &= x^2 + 1 + y^2 + 2y + 1 \\",
        r"&= x^2 + 2x + y^2 + 2y + 2",
        r"\end{align*}",
    ])
    result = check_text(source, "notes.tex")
    first = [f for f in result.findings if f.step == 0]
    assert [f.rule for f in first] == ["LM102"]
    assert "".join(first[0].suggestion.split()) == "x^2+2x+1+y^2+2y+1"
