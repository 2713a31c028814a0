"""Plain TeX fractions, floor and ceiling, the factorial of a bracket, and written decimals."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.pipeline import check_text
from lintmath.parse.tokens import tokenize

V, R, U = "verified", "refuted", "unverified"


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"{a \over b} + {c \over b}", r"{a + c \over b}", V),
    (r"{{1 \over 2} \over 3}", r"\frac{1}{6}", V),
    (r"1 \over 2", r"0.5", V),                      # outside a group the whole side is the fraction
    (r"{n \choose 2}", r"\frac{n(n-1)}{2}", V),
    (r"{n+1 \choose k}", r"{n \choose k} + {n \choose k-1}", V),
    (r"{u \over v}", r"{v \over u}", R),
])
def test_plain_tex_infix_fractions(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status


def test_an_infix_fraction_is_fixed_with_its_braces():
    verdict = check_step(r"{a \over b}", r"2{a \over b}", "=")
    assert verdict.status.value == R
    assert verdict.diagnosis.suggestion == r"{a \over b}"
    assert verdict.diagnosis.term == r"2{a \over b}"


@pytest.mark.parametrize("lhs, rhs", [
    (r"n!", r"n (n-1)!"),                           # the ! is the bracket's, not n(n-1)'s
    (r"n!", r"n(n-1)!"),
    (r"(m+1)!", r"(m+1) m!"),
    (r"\frac{(k+2)!}{k!}", r"(k+2)(k+1)"),
    (r"f(x)!", r"f(x)!"),
])
def test_the_factorial_of_a_bracket_after_a_letter(lhs, rhs):
    assert check_step(lhs, rhs, "=").status.value == V


def test_a_wrong_factorial_step_is_still_explained():
    verdict = check_step(r"n!", r"n(n-2)!", "=")
    assert verdict.status.value == R
    assert verdict.diagnosis.suggestion == r"n(n-1)!"


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\lfloor x + 1 \rfloor", r"\lfloor x \rfloor + 1", V),
    # holds at every real point sampled, and at no integer: not verified
    (r"\left\lceil y \right\rceil - 1", r"\lfloor y \rfloor", U),
    (r"\lceil x \rceil", r"\lfloor x \rfloor + 1", U),
    (r"\lfloor 7.5 \rfloor", r"7", V),
    (r"\lceil 7.5 \rceil", r"7", R),                                # numbers only: nothing to assume
    # holds for integers m only: a real point refutes it, so it is never an error
    (r"\lfloor m/2 \rfloor + \lceil m/2 \rceil", r"m", U),
    (r"2\lfloor t \rfloor", r"\lfloor 2t \rfloor", U),
])
def test_floor_and_ceiling(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"0.5 \times 0.4", r"0.2", V),
    (r"0.5 \times 0.4", r"0.3", R),                  # a one-digit decimal is exact, not 0.5 +- 0.5
    (r"1.5 y", r"2 y", R),
    (r"\frac{1}{7}", r"0.14", V),                    # rounded results keep their rounding
    (r"\frac{1}{6}", r"0.2", V),
    (r"0.69 \cdot 3", r"2.08", R),                   # two digits in the data: taken as exact
    (r"\sqrt{2}", r"1.41", V),
    (r"\sqrt{2}", r"1.51", R),
    # half a unit in the last place, as a share of the value, however small the value is
    (r"e^{-10}", r"0.04", R),
    (r"e^{-5}", r"0.0067", V),
    (r"e^{-5}", r"0.008", R),
    (r"\frac{1}{3}", r"0.30", R),
    (r"\pi", r"3.2", R),
    (r"\sqrt{2}", r"1.42", R),
    (r"\frac{s}{3}", r"0.35s", R),
    (r"\ln 2", r"0.693", V),
    (r"3 \times 0.693", r"2.08", V),                 # 0.693 carries ln 2's rounding into the product
    # one-digit probabilities are the data of the example, exact
    (r"0.3 \cdot 0.2 + 0.7 \cdot 0.1", r"0.14", R),
    (r"0.3 \cdot 0.2 + 0.7 \cdot 0.1", r"0.13", V),
    (r"0.5 + 0.4 - 0.2", r"0.9", R),
    (r"2\cdot 0.1", r"0.25", R),
    (r"\frac{0.9 \cdot 0.01}{0.9 \cdot 0.01 + 0.05 \cdot 0.99}", r"\frac{0.009}{0.0595}", R),
    (r"\frac{0.9 \cdot 0.01}{0.9 \cdot 0.01 + 0.05 \cdot 0.99}", r"\frac{0.009}{0.0585}", V),
    (r"\frac{1}{3}", r"0.3", V),                     # a result is rounded however short
])
def test_written_decimals(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status


def test_a_rounding_difference_is_not_explained_by_a_made_up_term():
    verdict = check_step(r"\frac{1}{3}", r"0.30", "=")
    assert verdict.diagnosis is None  # not "0.30 + \frac{1}{30}"
    assert "written decimals rounded to their last digit" in verdict.guessed  # so a warning, not an error


def test_a_dot_after_a_size_command_is_a_delimiter_not_a_decimal_point():
    texts = [t.text for t in tokenize(r"\left.2x\right|_0^1 + .5")]
    assert texts[:3] == [r"\left", ".", "2"]
    assert ".5" in texts
    assert check_step(r"\left.2x^2\right|_0^1", r"2", "=").status.value == V


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\sigma'(z)", r"\sigma(z)(1 - \sigma(z))", V),            # the logistic function's derivative
    (r"\sigma''(z)", r"\sigma(z)(1-\sigma(z))(1-2\sigma(z))", V),
    (r"\frac{d}{dx}\sigma(wx)", r"w\sigma'(wx)", V),
    (r"\sigma'(z)", r"\sigma(z)(1 + \sigma(z))", R),
    (r"\Gamma(n+1)", r"n!", V),                                  # Gamma applied is the gamma function
    (r"\Gamma(x+1)", r"x\Gamma(x)", V),
    (r"\Gamma(\tfrac{1}{2})", r"\sqrt{\pi}", V),
    (r"\Gamma (a + b)", r"\Gamma a + \Gamma b", V),              # and may still be a matrix
])
def test_library_functions(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status


@pytest.mark.parametrize("lhs, rhs", [
    # u(x) is an application, so u(x+1) is one too: no reading makes products of them
    (r"u(x+1)", r"u(x) + u(1)"),
    (r"T(u+v)", r"T(u)+T(v)"),
])
def test_a_letter_applied_somewhere_is_applied_everywhere(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == U
    assert verdict.reason.startswith("depends on what")


def test_a_bracketed_argument_is_not_a_bare_one():
    # inside \log[...] the bracket after \Gamma is its argument, as it is outside
    lhs = r"\log\left[\frac{1}{\Gamma(e^{w})}\right] + \log y"
    assert check_step(lhs, r"-\log\left[\Gamma(e^{w})\right] + \log y", "=").status.value == V


@pytest.mark.parametrize("lhs, rhs, status", [
    # two antiderivatives that differ by a constant, each "+ C": the constant absorbs it
    (r"\frac12\sin^2 x + C", r"-\frac14\cos 2x + C", V),
    (r"\frac{1}{a}e^{ax} + C", r"\frac{e^{ax} + 3}{a} + C", V),
    (r"\ln|x| + c", r"\ln|2x| + c", V),
    (r"\frac12\sin^2 x + C", r"\frac14\cos 2x + C", R),
    (r"x^2 + C", r"x^2 + 2x + C", R),
])
def test_antiderivatives_up_to_their_constant(lhs, rhs, status):
    assert check_step(lhs, rhs, "=", indefinite=True).status.value == status


def test_a_sign_slip_between_antiderivatives_is_explained():
    verdict = check_step(r"\frac12\sin^2 x + C", r"\frac14\cos 2x + C", "=", indefinite=True)
    assert verdict.diagnosis.suggestion == r"-\frac14\cos 2x + C"


def test_a_constant_term_is_a_constant_of_integration_only_where_the_chain_integrates():
    # completing the square, wrongly: c is the quadratic's coefficient, which absorbs nothing
    lhs, rhs = r"x^2 + bx + c", r"\left(x+\frac{b}{2}\right)^2 + c + \frac{b^2}{4}"
    assert check_step(lhs, rhs, "=").status.value == R
    text = "\n".join([r"\begin{align*}", r"\int \sin x\cos x\,\mathrm{d}x &= \tfrac12\sin^2 x + C \\",
                      r"&= -\tfrac14\cos 2x + C", r"\end{align*}"])
    result = check_text(text, "calculus.tex", Config(jobs=0))
    assert [s.verdict.status.value for s in result.steps] == [V, V]


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\frac{d}{dx}\ln|x|", r"\frac1x", V),                      # |u| differentiates as a real function
    (r"\frac{d}{dx}\ln|x|", r"-\frac1x", R),
    (r"\int\frac{1}{x(x+1)}\,dx", r"\ln|x|-\ln|x+1|+C", V),
    (r"\int\frac{1}{x(x+1)}\,dx", r"\ln|x|+\ln|x+1|+C", R),
    (r"\frac{d}{dw}\lambda|w|", r"\lambda\frac{w}{|w|}", V),
])
def test_derivatives_of_absolute_values(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status


@pytest.mark.parametrize("lhs, rhs, status", [
    # A may be any matrix: what holds only for a symmetric A is neither verified nor an error
    (r"\mathbf{A}^\top", r"\mathbf{A}", U),
    (r"\nabla_{\mathbf{x}}\,\mathbf{x}^\top\mathbf{A}\mathbf{x}", r"2\mathbf{A}\mathbf{x}", U),
    (r"\mathbf{x}^\top\mathbf{A}\mathbf{y}", r"\mathbf{y}^\top\mathbf{A}\mathbf{x}", U),
    (r"\nabla_{\mathbf{x}}\,\mathbf{x}^\top\mathbf{A}\mathbf{x}", r"(\mathbf{A}+\mathbf{A}^\top)\mathbf{x}", V),
    (r"\mathbf{x}^\top\mathbf{A}\mathbf{y}", r"\mathbf{y}^\top\mathbf{A}^\top\mathbf{x}", V),
    # a covariance is symmetric by convention
    (r"\nabla_{\mathbf{x}}\,\mathbf{x}^\top\Sigma\mathbf{x}", r"2\Sigma\mathbf{x}", V),
])
def test_symmetric_readings(lhs, rhs, status):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == status
    if status == U:
        assert verdict.reason == "holds if A is symmetric"


@pytest.mark.parametrize("lhs, rhs, status", [
    # n counts and indexes nothing: the range (0 to infinity, most often) is not written
    (r"\sum_n \frac{(-1)^n x^{2n}}{(2n)!}", r"\cos x", U),
    (r"\sum_{k} x^k", r"\sum_k x^k + 1", U),
    (r"\sum_n 2 a^n", r"2\sum_n a^n", V),                 # what holds for any range still verifies
    # an index ranges over what it indexes: decided on a few terms, as before
    (r"\sum_i x_i + \sum_i y_i", r"\sum_i (x_i + y_i)", V),
    (r"\sum_i x_i + \sum_i y_i", r"\sum_i (x_i - y_i)", R),
    # so does a sum over the values a function's argument takes
    (r"\sum_z q(z) \log p(z)", r"-\sum_z q(z) \log p(z)", R),
])
def test_sums_without_bounds_over_a_number(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status


@pytest.mark.parametrize("lhs, rhs, status", [
    # an arrow marks a vector whatever its case
    (r"\vec{E}\cdot\vec{B}", r"\vec B\cdot\vec E", V),
    (r"\vec A\times\vec B", r"-\vec B\times\vec A", V),
    (r"\vec{E}\cdot\vec{B}", r"-\vec B\cdot\vec E", R),
    # bold capitals in a cross product, or dotted with each other and nothing else, are vectors
    (r"\frac{1}{\mu_0}\mathbf E\times\mathbf B", r"-\frac{1}{\mu_0}\mathbf B\times\mathbf E", V),
    (r"\mathbf E\times\mathbf B", r"\mathbf B\times\mathbf E", R),
    (r"\mathbf E\cdot\mathbf B", r"\mathbf B\cdot\mathbf E", V),
    (r"q(\vec E+\vec v\times\vec B)", r"q\vec E+q\vec v\times\vec B", V),
    # bold capitals the step transposes stay matrices
    (r"(\mathbf{A}\mathbf{B})^{\top}", r"\mathbf{B}^{\top}\mathbf{A}^{\top}", V),
    (r"(\mathbf{A}\mathbf{B})^{\top}", r"\mathbf{A}^{\top}\mathbf{B}^{\top}", R),
])
def test_capital_vectors(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status


@pytest.mark.parametrize("lhs, rhs, status", [
    # \log is the natural log; what holds only in base 10 is not verified, and not an error
    (r"\log 100", r"2", U),
    (r"20\log(10)", r"20", U),
    (r"\log(10x)", r"1 + \log x", U),
    (r"\log 100", r"3", R),
    (r"\log(e^x)", r"x", V),
    (r"\ln 100", r"2", R),
    # \lg is base 10 or, in computer science, base 2: either verifies
    (r"\lg 1000", r"3", V),
    (r"\lg 8", r"3", V),
    (r"\lg(2^k)", r"k", V),
    (r"\lg 8", r"4", R),
])
def test_logarithm_bases(lhs, rhs, status):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == status
    if status == U:
        assert verdict.reason.startswith(r"holds if \log is base 10")


@pytest.mark.parametrize("lhs, rhs, status", [
    # units written as text are symbols of the step, not prose that ends the line
    (r"3\text{ kg} \cdot 2", r"6\text{ kg}", V),
    (r"3\text{ kg} \cdot 2", r"7\text{ kg}", R),
    (r"2\,\text{m} \cdot 3\,\text{m}", r"6\,\text{m}^2", V),
    (r"5\,\text{ms}", r"5\times10^{-3}\,\text{s}", V),          # a change of unit, in base units
    (r"5\,\text{ms}", r"5\times10^{-2}\,\text{s}", U),          # (which verifies only)
    (r"a + b \quad\text{(by parts)}", r"b + a", V),             # prose is still prose
    (r"(AB)^\text{T}", r"B^\text{T}A^\text{T}", V),             # and a transpose a transpose
])
def test_units_in_text(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status


@pytest.mark.parametrize("lhs, rhs", [
    # a recurrence defines a sequence: its two sides are different terms of it
    (r"x_{n+1}", r"\frac{1}{2}\left(x_n + \frac{2}{x_n}\right)"),
    (r"F_{n+2}", r"F_{n+1} + F_n"),
    (r"x_{n+1} - \sqrt 2", r"x_n - \frac{x_n^2-2}{2x_n} - \sqrt2"),
])
def test_a_recurrence_is_not_an_identity(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == U and verdict.reason.startswith("a recurrence")


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\sum_{i=1}^{n} (x_{i+1} - x_i)", r"x_{n+1} - x_1", V),   # telescoping: the shift is bound
    (r"\sum_{i=1}^{n} (x_{i+1} - x_i)", r"x_{n+1} + x_1", R),
])
def test_shifted_indices_under_a_sum_are_decided(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status


@pytest.mark.parametrize("lhs, rhs, status", [
    # I beside other capitals may be the identity, which behaves as 1 against every matrix
    (r"(I-P)^2", r"I-2P+P^2", V),
    (r"(I-A)(I+A)", r"I-A^2", V),
    (r"(I-A)(I+A)", r"I+A^2", R),
    (r"I\omega^2", r"\omega^2", R),                  # a moment of inertia is no identity
])
def test_the_identity(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status


@pytest.mark.parametrize("lhs, rhs, status", [
    # true where the letters are negative, which only the prose can say: not an error
    (r"|z|", r"-z", U),
    (r"\sqrt{t^2}", r"-t", U),
    (r"|x|", r"2x", R),
])
def test_steps_that_hold_for_negative_letters(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status


@pytest.mark.parametrize("lhs, rhs, status", [
    # x-bar beside a sum of the x_i is their mean, whether or not the document says so
    (r"\sum_{i=1}^n (x_i-\bar x)^2", r"\sum_{i=1}^n x_i^2 - n\bar{x}^2", V),
    (r"\sum_{k=1}^{m} (y_k - \bar y)^2", r"\sum_{k=1}^m y_k^2 - m\bar y^2", V),
    (r"\sum_{i=1}^n (x_i-\bar x)^2", r"\sum_{i=1}^n x_i^2 + n\bar{x}^2", R),   # wrong either way
])
def test_a_bar_over_summed_letters_is_their_mean(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"15\% \cdot 240", r"36", V),                    # a percentage is a hundredth
    (r"\frac{48}{160}", r"30\%", V),
    (r"x + 10\% x", r"1.1x", V),
    (r"15\% \cdot 240", r"38", R),
])
def test_percentages(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status


def test_a_wrong_percentage_is_fixed_in_percent():
    assert check_step(r"\frac{48}{160}", r"35\%", "=").diagnosis.suggestion == r"30\%"


@pytest.mark.parametrize("lhs, rhs, status", [
    # an identity with \pm holds with the upper signs and with the lower ones (\mp the other sign)
    (r"(a \pm b)^2", r"a^2 \pm 2ab + b^2", V),
    (r"\cos(\alpha \pm \beta)", r"\cos\alpha\cos\beta \mp \sin\alpha\sin\beta", V),
    (r"50 \pm 1.96\cdot\frac{10}{\sqrt{25}}", r"50 \pm 3.92", V),
    # one sign only: the roots of an equation are written so too, so never an error
    (r"(a \pm b)^2", r"a^2 \mp 2ab + b^2", U),
    (r"x", r"\pm\sqrt{x^2}", U),
])
def test_plus_minus(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status


@pytest.mark.parametrize("lhs, rhs, status", [
    # n, k, m count: in an exponent only their integer values may be meant
    (r"i^{4k+1}", r"i", U),
    (r"x^{n+1}", r"x \cdot x^n", V),
    (r"x^{n+1}", r"x^n + x", R),                        # wrong at the integers too
    (r"2^{n+1}", r"2^n + 2", R),
])
def test_counting_letters_in_exponents(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status.value == status
