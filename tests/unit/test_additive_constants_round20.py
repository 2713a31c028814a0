"""``+ \\text{const}`` and its kin: a term constant in the variable of interest (see check._up_to_constant)."""
import pytest

from lintmath.additive import without_constants
from lintmath.check import check_step
from lintmath.model import Status


@pytest.mark.parametrize("side, expected", [
    (r"y^2 + \text{const}", "y^2"),
    (r"y^2 - 3y + \mathrm{const.}", r"y^2 - 3y"),
    (r"y^2 + \text{constant}.", "y^2"),
    (r"y^2 + \textrm{const}", "y^2"),
    (r"y + \, \text{ const }", "y"),
    (r"\text{const} + y^2", "+ y^2"),
    (r"a + \text{const} + b", "a  + b"),
    (r"y^2 + \text{const}, \quad \text{by (3)}", r"y^2 , \quad \text{by (3)}"),  # a note stays for the parser
])
def test_the_word_is_blanked_out_keeping_offsets(side, expected):
    stripped, found = without_constants(side)
    assert found
    assert len(stripped) == len(side)
    assert " ".join(stripped.split()) == " ".join(expected.split())


@pytest.mark.parametrize("side", [
    r"e^{t + \text{const}}",             # inside an exponent
    r"\left(t + \text{const}\right)^2",  # inside a bracket
    r"3\text{const}",                    # a coefficient
    r"t + \text{const}\cdot t",          # multiplied by something
    r"t + C",                            # a letter is a quantity of its own
    r"t + \text{constants}",             # not the word
])
def test_no_additive_constant(side):
    assert without_constants(side) == (side, False)


@pytest.mark.parametrize("lhs, rhs", [
    # completing the square, a Gaussian's exponent, Bayes' rule up to the evidence
    (r"-\frac{(t-m)^2}{2s^2}", r"-\frac{t^2}{2s^2} + \frac{tm}{s^2} + \text{const}"),
    (r"(u+3)^2", r"u^2 + 6u + \mathrm{const.}"),
    (r"(u+3)^2", r"u^2 + 6u + \text{constant}"),
    (r"q^2 + r^2", r"q^2 + \text{const}"),  # holds in q
    (r"\text{const} + 5u^2 - 4uv", r"5u^2 - 4uv + v^2"),  # leading, on the left
    (r"(u-1)^2 + \text{const}", r"u^2 - 2u + \textrm{const}"),  # both sides: one constant
    (r"\cos^2 u + \text{const}", r"-\sin^2 u + \text{const}"),
    (r"\log p(\theta \mid y)", r"\log p(y \mid \theta) + \log p(\theta) + \text{const}"),
    (r"-\frac{k}{2}(z - a b)^2 - \frac{g}{2} b^2", r"-\frac{k a^2 + g}{2} b^2 + k z a b + \text{const}"),
    (r"p u^2 + q u + r", r"p\left(u + \frac{q}{2p}\right)^2 + \text{const}"),
    (r"\sum_{i=1}^N (y_i - b z_i)^2", r"b^2 \sum_{i=1}^N z_i^2 - 2b\sum_{i=1}^N y_i z_i + \text{const}"),
])
def test_correct_steps_verify(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.VERIFIED, verdict.reason


@pytest.mark.parametrize("lhs, rhs, kind", [
    (r"(t-m)^2", r"t^2 - m t + \text{const}", "constant_factor"),  # the lost factor 2
    (r"\cos^2 u + \text{const}", r"\sin^2 u + \text{const}", None),
    (r"-\frac{(t-m)^2}{2s^2}", r"-\frac{t^2}{2s^2} + \frac{tm}{2s^2} + \text{const}", None),
    (r"(u+3)^2", r"u^2 + 3u + \mathrm{const}", None),
])
def test_slips_are_refuted(lhs, rhs, kind):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED, verdict.reason
    assert "more than a constant" in verdict.reason
    assert verdict.counterexample
    if kind is not None:
        assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind
        assert verdict.diagnosis.suggestion.replace(" ", "") == "t^2-2mt"


def test_a_chain_that_writes_the_constant_on_every_line():
    # the second line keeps the constant, and a slip there is found with its repair
    assert check_step(r"(u+2)^2", r"u^2 + 4u + \mathrm{const}", "=").status is Status.VERIFIED
    verdict = check_step(r"u^2 + 4u + \mathrm{const}", r"u^2 + 2u + \mathrm{const}", "=")
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is not None and verdict.diagnosis.suggestion.replace(" ", "") == "u^2+4u"


def test_diagnosis_points_into_the_written_side():
    rhs = r"t^2 - m t + \text{const}"
    verdict = check_step(r"(t-m)^2", rhs, "=")
    assert verdict.diagnosis is not None
    assert rhs[verdict.diagnosis.start:verdict.diagnosis.end].strip() == "m t"


@pytest.mark.parametrize("lhs, rhs", [
    # the difference misses only a letter the line is not about (a slip in the b terms)
    (r"-\frac{k a^2 + g}{2} b^2 + k z a b + \text{const}", r"-\frac{k a^2 + g}{2} b^2 + 2k z a b + \text{const}"),
    # undefined functions: what p is decides
    (r"\log p(\theta \mid y)", r"\log p(y \mid \theta) - \log p(\theta) + \text{const}"),
    (r"\log p(\theta \mid y)", r"\log p(\theta) + \text{const}"),
    (r"f(u)", r"u^2 + \text{const}"),
    # a side that is only the constant: constant in what?
    (r"u^2 + v^2", r"\text{const}"),
    # vectors get random entries: nothing to hold constant
    (r"(\mathbf{u}-\mathbf{m})^T(\mathbf{u}-\mathbf{m})", r"\mathbf{u}^T\mathbf{u} - \mathbf{m}^T\mathbf{u} + \text{const}"),
])
def test_undecided_steps_stay_unverified(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED, verdict.reason


def test_a_constant_in_an_inequality_is_not_read():
    # only equalities are read up to a constant
    verdict = check_step(r"u^2", r"u^2 + \text{const}", "<=")
    assert verdict.status is Status.UNVERIFIED
    assert "could not read" in verdict.reason
