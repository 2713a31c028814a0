"""QuantEcon-style MyST lectures (round 31): a horizon T over a plain Latin letter beside its count
(``c^T`` beside ``c^{T+1}``, or under a sum to T of its powers) is a power, not a transpose, and a
capital's (``R^T`` beside ``R^{-t}`` summed to T, a gross return) may be, so no refutation; a prime on
a written matrix of numbers is its transpose; a step verified with primed capitals as commuting numbers
(``\\Sigma G'K' = K'G'\\Sigma``) or with a product of capitals beside the identity (``(I - KG)\\Sigma``) is
not verified where those matrices would not commute; an open series whose first term is not 1 (``w +
\\beta w + \\beta^2 w + \\cdots``) is read as that term times a known one, and a geometric series of a
number at least 1 in size has no sum. And the MyST reader: code cells, ``$$ .. $$
(label)``, ``{math}`` fences with options and admonitions, with their line numbers."""
from __future__ import annotations

import pytest

from lintmath.check import CAPITALS_BESIDE_IDENTITY, PRIMES_AS_NUMBERS, check_step
from lintmath.config import Config
from lintmath.conventions import HORIZON_POWER
from lintmath.extract.markdown import extract_markdown
from lintmath.pipeline import check_documents

CONFIG = Config(jobs=0, budget=5.0, seed=0)


def _steps(text: str) -> list[tuple[int, str, str, str]]:
    result = check_documents([extract_markdown(text, "lecture.md")], ["lecture.md"], CONFIG)[0]
    return [(s.step.lhs.line, s.step.lhs.stripped, s.step.rhs.stripped, s.verdict.status.value) for s in result.steps]


# (1) a horizon T over a plain Latin letter

@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{1-c^{T+1}}{1-c} - \frac{1-c^{T}}{1-c}", r"\frac{c^T - c^{T+1}}{1-c}"),
    (r"\frac{c^T - c^{T+1}}{1-c}", r"\frac{c^T (1 - c)}{1-c}"),
    (r"\sum_{t=0}^{T} q^t", r"\frac{1 - q^{T+1}}{1-q}"),
    (r"\sum_{t=0}^{T} \beta^t y", r"y \frac{1 - \beta^{T+1}}{1-\beta}"),
])
def test_a_latin_letter_to_a_horizon_is_a_power(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs, exponent", [
    (r"\sum_{t=0}^{T} c^t", r"\frac{1 - c^{T}}{1-c}", "T+1"),
    (r"\sum_{t=0}^{T} \beta^t y", r"y \frac{1 - \beta^{T}}{1-\beta}", "T+1"),
    (r"\frac{1-c^{T+1}}{1-c} - \frac{1-c^{T}}{1-c}", "c^{T+1}", "T"),
])
def test_a_slip_in_the_horizon_is_a_wrong_exponent(lhs: str, rhs: str, exponent: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == "exponent"
    assert verdict.diagnosis.detail.endswith(f"should be {exponent}")


@pytest.mark.parametrize("lhs, rhs", [
    (r"x^T x", r"x^T x"),  # no count by T: a vector's transpose
    (r"x^T A x + \sum_{t=0}^{T} \gamma^t", r"x^T A x + \sum_{t=0}^{T} \gamma^t"),  # another letter's T
])
def test_a_transposed_vector_stays_a_transpose(lhs: str, rhs: str) -> None:
    from lintmath.parse import nodes as n
    from lintmath.sides import parse_step
    parsed = parse_step(lhs, rhs, {})
    assert any(isinstance(x, n.Transpose) for x in parsed.lhs.walk())


@pytest.mark.parametrize("lhs, rhs", [
    (r"R^{T} \sum_{t=0}^{T} R^{-t}", r"\sum_{t=0}^{T} R^{T-t}"),
    (r"R^T \sum_{t=0}^{T} R^{-t} c_t", r"\sum_{t=0}^{T} R^{T-t} c_t"),
])
def test_a_capital_to_a_horizon_is_no_transpose_to_refute(lhs: str, rhs: str) -> None:
    # a gross return R to the T: a power (a capital's T stays a transpose in the main reading, as in the
    # Gramian's A^t B B^T (A^T)^t, so the step is left undecided rather than verified)
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified"
    assert verdict.reason == HORIZON_POWER


@pytest.mark.parametrize("lhs, rhs", [
    (r"R^{T} \sum_{t=0}^{T} R^{-t}", r"\sum_{t=0}^{T} R^{T+t}"),
    (r"R^T \sum_{t=0}^{T} R^{-t} c_t", r"\sum_{t=0}^{T} R^{t-T} c_t"),
    (r"(A B)^T", r"A^T B^T"),
])
def test_a_slip_beside_a_capital_horizon_stays_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


# (2) a prime on a written matrix of numbers

@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\begin{bmatrix} 1 & 2 \\ 0 & 1 \end{bmatrix}'", r"\begin{bmatrix} 1 & 0 \\ 2 & 1 \end{bmatrix}", "verified"),
    (r"\begin{bmatrix} 1 & 2 \\ 0 & 1 \end{bmatrix}'", r"\begin{bmatrix} 1 & 2 \\ 0 & 1 \end{bmatrix}", "refuted"),
    (r"\begin{bmatrix} 1 & 2 \end{bmatrix}' \begin{bmatrix} 1 & 2 \end{bmatrix}",
     r"\begin{bmatrix} 1 & 2 \\ 2 & 4 \end{bmatrix}", "verified"),
    # a curve's entries are functions of t: the prime stays a derivative
    (r"\begin{pmatrix} t^2 \\ t \end{pmatrix}'", r"\begin{pmatrix} 2t \\ 1 \end{pmatrix}", "verified"),
])
def test_a_prime_on_numbers_written_out_is_a_transpose(lhs: str, rhs: str, expected: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == expected


# (3) primed capitals and products beside the identity that would have to commute

@pytest.mark.parametrize("lhs, rhs", [
    (r"\Sigma - \Sigma G' K'", r"\Sigma - K' G' \Sigma"),
    (r"A \Sigma A' + C' C", r"C C' + \Sigma A' A"),
])
def test_primed_capitals_that_only_commute_as_numbers_are_not_verified(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "unverified"
    assert verdict.reason == PRIMES_AS_NUMBERS


@pytest.mark.parametrize("lhs, rhs", [
    (r"A \Sigma A' + C C'", r"C C' + A \Sigma A'"),
    (r"(y - X\beta)'(y - X\beta)", r"y'y - 2\beta'X'y + \beta'X'X\beta"),
    (r"(A B C)'", r"C' B' A'"),
    (r"\Sigma - \Sigma G' K'", r"\Sigma - \Sigma G' K'"),
])
def test_primes_that_hold_as_transposes_stay_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"(I - K G) \Sigma", r"\Sigma - K G \Sigma", "verified"),
    (r"(I - K G) P", r"P - K G P", "verified"),
    (r"(I + A B)^2", r"I + 2 A B + A B A B", "verified"),
    (r"(I - K G) \Sigma", r"\Sigma - \Sigma K G", "unverified"),
    (r"(I + A B)^2", r"I + 2 A B + A^2 B^2", "unverified"),
])
def test_a_product_of_capitals_beside_the_identity_is_of_matrices(lhs: str, rhs: str, expected: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == expected
    if expected == "unverified":
        assert verdict.reason == CAPITALS_BESIDE_IDENTITY


# (4) open series with a first term other than 1

@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\frac{w}{1-\beta}", r"w + \beta w + \beta^2 w + \cdots", "verified"),
    (r"a + a r + a r^2 + a r^3 + \cdots", r"\frac{a}{1-r}", "verified"),
    (r"3 + \frac32 + \frac34 + \cdots", "6", "verified"),
    (r"x + x^2 + \frac{x^3}{2} + \cdots", r"x e^x", "verified"),
    (r"1 - \frac12 + \frac13 - \cdots", r"\ln 2", "verified"),
    # slips and sums that do not exist are never verified
    (r"\frac{w}{1+\beta}", r"w + \beta w + \beta^2 w + \cdots", "unverified"),
    (r"a + a r + a r^2 + a r^3 + \cdots", r"\frac{a}{1-r^2}", "unverified"),
    (r"1 + 2 + 4 + \cdots", "-1", "unverified"),
    (r"3 + 6 + 12 + \cdots", "-3", "unverified"),
    (r"1 - 1 + 1 - \cdots", r"\frac12", "unverified"),
])
def test_an_open_series_scaled_by_its_first_term(lhs: str, rhs: str, expected: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == expected


# (5) the MyST reader and slips that stay refuted

LECTURE = """---
jupytext:
  text_representation:
    extension: .md
---

# Present values

```{code-cell} ipython3
pv = d / (1 - beta)
x = y = 3
print(f"cost ${pv:.2f} and $x = 1$")
```

```{math}
:label: pv

\\sum_{t=0}^\\infty \\beta^t d = \\frac{d}{1-\\beta}
```

$$
\\begin{aligned}
\\frac{d}{1-\\beta} - \\beta \\frac{d}{1-\\beta} &= \\frac{(1-\\beta) d}{1-\\beta} \\\\
&= d
\\end{aligned}
$$ (pv2)

````{note}
$$
\\frac{D_0}{1-(1-r)} = \\frac{D_0}{1-r}
$$
````

$$
\\begin{aligned}
a^2 \\frac{b^2}{1-a^2} + b^2 &= \\frac{b^2}{1-a^2}
\\end{aligned}
$$
"""


def test_a_myst_lecture_reads_its_math_and_not_its_code() -> None:
    # (the line of a step is that of its left side: the row above for a continued row)
    steps = _steps(LECTURE)
    assert steps == [
        (18, r"\sum_{t=0}^\infty \beta^t d", r"\frac{d}{1-\beta}", "verified"),
        (23, r"\frac{d}{1-\beta} - \beta \frac{d}{1-\beta}", r"\frac{(1-\beta) d}{1-\beta}", "verified"),
        (23, r"\frac{(1-\beta) d}{1-\beta}", "d", "verified"),
        (30, r"\frac{D_0}{1-(1-r)}", r"\frac{D_0}{1-r}", "refuted"),
        (36, r"a^2 \frac{b^2}{1-a^2} + b^2", r"\frac{b^2}{1-a^2}", "verified"),
    ]


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{t=0}^\infty \beta^t d", r"\frac{d}{1+\beta}"),
    (r"\frac{x_0}{1 - \frac{1+g}{1+r}}", r"\frac{(1+r) x_0}{r + g}"),
    (r"\begin{bmatrix} 0.5 & 0.5 \\ 0.2 & 0.8 \end{bmatrix}^2", r"\begin{bmatrix} 0.35 & 0.65 \\ 0.36 & 0.74 \end{bmatrix}"),
    (r"\frac{\partial}{\partial n} \left( A k^\alpha n^{1-\alpha} \right)", r"(1-\alpha) A k^\alpha n^{\alpha}"),
    (r"\left( \frac{1}{\sigma^2} + \frac{1}{r} \right)^{-1}", r"\sigma^2 + r"),
    (r"\begin{bmatrix} 2 & 1 \\ 1 & 1 \end{bmatrix}^{-1}", r"\begin{bmatrix} 1 & -1 \\ -1 & 1 \end{bmatrix}"),
    (r"\max\left\{ \frac{10}{1-0.5}, 15 \right\}", "15"),
])
def test_economics_slips_stay_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"
