"""Checker tests: each step's status, and the precision rules (unverified, never wrong)."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status

V, R, U, S = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED, Status.SKIPPED

CASES = [
    ("(a+b)^2", "a^2 + 2ab + b^2", "=", V),
    ("(a-b)^2", "a^2 + 2ab + b^2", "=", R),
    (r"\log(ab)", r"\log a + \log b", "=", V),  # positive quantities
    (r"\sqrt{x^2}", "x", "=", V),
    ("a(b+c)", "ab + ac", "=", V),  # a product: a also stands alone
    ("a(b+c)", "ab - ac", "=", R),
    ("p(1-p)", "p - p^2", "=", V),
    (r"\sum_{k=1}^{n} k", r"\frac{n(n+1)}{2}", "=", V),
    (r"\sum_{i=1}^{n} x_i", r"x_1 + \sum_{i=2}^{n} x_i", "=", V),
    (r"\frac{\partial}{\partial w_j} \sum_k w_k^2", "2 w_j", "=", V),  # the sum collapses
    (r"\frac{\partial}{\partial w_j} \sum_k w_k^2", "2 w_k", "=", R),  # a free k is a changed index
    (r"\frac{d}{dx} \sigma(x)", r"\sigma(x)(1 - \sigma(x))", "=", V),
    (r"\frac{d}{dx} f(x)^2", r"2 f(x) f'(x)", "=", V),
    ("x^2", "x^2 + 1", "<=", U),  # holds at every sample: not proved, so unverified
    ("x^2 + 1", "x^2", "<=", R),
    ("x", "x + 0.001", r"~=", S),
    ("10^{10^{10}}", "1", "=", U),
    ("x^{x^{x^{x^{x}}}}", "x", "=", R),
]


@pytest.mark.parametrize("lhs,rhs,relation,status", CASES)
def test_status(lhs, rhs, relation, status):
    assert check_step(lhs, rhs, relation).status is status


def test_refutation_carries_a_counterexample():
    verdict = check_step("(a-b)^2", "a^2 + 2ab + b^2", "=")
    assert dict(verdict.counterexample).keys() == {"a", "b"}


def test_a_definition_at_the_head_of_a_chain_is_unverified():
    verdict = check_step(r"\frac{\partial E_x}{\partial o_j^x}", r"\frac{t_j^x}{o_j^x}", "=", first=True)
    assert verdict.status is U and "E" in verdict.reason


def test_an_undefined_name_on_one_side_is_unverified():
    assert check_step("a + b", "a + c", "=").status is U
    assert check_step(r"\frac{dy}{dx}", "2x", "=").status is U


def test_a_refutation_that_depends_on_what_f_is_is_unverified():
    # f(x + y) = f(x) + f(y) holds for linear f: nothing in the step says f is not linear
    assert check_step("f(x + y)", "f(x) + f(y)", "=").status is U
    assert check_step("h(x, y)", r"h(x \mid y) h(y)", "=").status is U
    # (with p, a distribution's name, it is the product rule: see test_probability.py)
    assert check_step("p(x, y)", r"p(x \mid y) p(y)", "=").status is Status.VERIFIED


def test_a_refutation_that_holds_for_every_f_is_an_error():
    verdict = check_step("2 f(x) + g(y)", "3 f(x) + g(y)", "=")
    assert verdict.status is R and not verdict.guessed


def test_expectation_is_an_operator_not_a_product():
    assert check_step(r"\mathbb{E}[X] + \mathbb{E}[Y]", r"\mathbb{E}[Y] + \mathbb{E}[X]", "=").status is V
    assert check_step(r"E[X + Y]", r"E[X] + E[Y] + 1", "=").status is R  # linear, never e*(x+y): the 1 is extra
    assert check_step(r"E\{x[k]\}", r"E\{x[k]\}", "=").status is V


def test_same_input_same_output():
    one = check_step("(a-b)^3", "a^3 - b^3", "=", seed=3)
    two = check_step("(a-b)^3", "a^3 - b^3", "=", seed=3)
    assert one.counterexample == two.counterexample


def test_sign_error_is_diagnosed_with_the_authors_text():
    verdict = check_step(r"-\left(\frac{t_j}{o_j} - \frac{1-t_j}{1-o_j}\right)",
                         r"\frac{t_j}{o_j} + \frac{1-t_j}{1-o_j}", "=")
    assert verdict.status is R
    d = verdict.diagnosis
    assert d.kind == "sign_flip" and d.term == r"\frac{t_j}{o_j}"
    assert d.suggestion == r"-\frac{t_j}{o_j} + \frac{1-t_j}{1-o_j}"


def test_whole_line_sign_is_diagnosed():
    d = check_step(r"\frac{d}{dx}\cos x", r"\sin x", "=").diagnosis
    assert d.kind == "sign_flip" and d.suggestion == r"-\sin x"


@pytest.mark.parametrize("lhs, rhs", [
    ("x", "m + x - m"),                                   # m cancels: any m will do
    (r"\frac{\Delta z}{\Delta x}", r"\frac{\Delta z}{\Delta y} \cdot \frac{\Delta y}{\Delta x}"),
    ("g(a) - g(a) + b", "b"),                             # a function from elsewhere that cancels
])
def test_a_name_from_elsewhere_that_cancels_is_verified(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    ("x + y", "x + m"),       # m may well be y, defined in the prose
    ("a b", "a g(b)"),
])
def test_a_name_from_elsewhere_the_step_depends_on_stays_unverified(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert "defined elsewhere" in verdict.reason


@pytest.mark.parametrize("lhs, rhs, kind", [
    ("x", "m - x - m", "sign_flip"),          # wrong whatever m is
    ("2y + x", "m + 2y + 2x - m", "constant_factor"),
])
def test_a_step_wrong_whatever_the_name_from_elsewhere_is_refuted(lhs, rhs, kind):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is R
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_i x_i", r"\sum_i x_i + \epsilon - 2\epsilon"),     # holds when epsilon is 0
    ("x", "x + 2f(y) - f(y)"),                                  # f(y) may be 0: a function
    (r"\begin{bmatrix} 1 & 0 \\ 0 & 2 \end{bmatrix}", "D"),    # D given elsewhere
])
def test_a_difference_that_moves_with_the_name_from_elsewhere_stays_unverified(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is U


def test_free_indices_stay_within_the_range_of_the_sums_beside_them():
    # j beyond k would drop s_j from the sum, whose derivative would then be 0
    lhs = r"\frac{\partial}{\partial s_j} \frac{\exp(s_i)}{\sum_{c=1}^{k} \exp(s_c)}"
    rhs = r"\frac{\exp(s_i)\delta_{ij}}{\sum_{c=1}^{k}\exp(s_c)} - \frac{\exp(s_i)\exp(s_j)}{(\sum_{c=1}^{k}\exp(s_c))^2}"
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


def test_mixed_partials_of_a_quantity_from_elsewhere_commute():
    # E is taken to be smooth (Schwarz): the order of the variables does not change the derivative
    assert check_step(r"\frac{\partial^2 E}{\partial x \partial y}", r"\frac{\partial^2 E}{\partial y \partial x}",
                      "=").status is Status.VERIFIED
    assert check_step(r"\frac{\partial^2 E}{\partial x^2}", r"\frac{\partial^2 E}{\partial y \partial x}",
                      "=").status is U


@pytest.mark.parametrize("rhs, kind", [
    (r"-\ell'(y_{i}w^{T}x_{i})y_{i}x_{i}", "sign_flip"),
    (r"\ell'(y_{i}w^{T}x_{i})^2 y_{i}x_{i}", "exponent"),
])
def test_a_typo_beside_an_undefined_function_of_a_vector_is_found(rhs, kind):
    # only one reading of the letters can be built (x a vector, y_i a number), with stand-ins for
    # the loss: the step is refuted when a small edit makes it hold for those same stand-ins
    lhs = r"\nabla_{w}\ell(y_{i}w^{T}x_{i})"
    assert check_step(lhs, r"\ell'(y_{i}w^{T}x_{i})y_{i}x_{i}", "=").status is Status.VERIFIED
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is R and verdict.diagnosis.kind == kind
    assert verdict.diagnosis.suggestion == rhs.lstrip("-").replace("^2", "")


def test_a_change_inside_an_undefined_function_of_a_vector_stays_unverified():
    # what l' does with a different argument is l's business: no small edit of the kinds named
    assert check_step(r"\nabla_{w}\ell(y_{i}w^{T}x_{i})", r"\ell'(w^{T}x_{i})y_{i}x_{i}", "=").status is U


def test_sides_that_are_about_0_everywhere_are_compared_by_exact_values():
    # both exponentials underflow to 0 at every sampled point: a factor 2 in the exponent must not
    # pass as agreement; their exact values, the same at two precisions, tell them apart
    lhs = r"e^{-1000/x^2}"
    assert check_step(lhs, r"e^{-2000/x^2}", "=").status is Status.REFUTED
    assert check_step(lhs, r"\frac{1}{e^{1000/x^2}}", "=").status is Status.VERIFIED
    assert check_step(r"x - x", "0", "=").status is Status.VERIFIED  # 0 = 0 as expressions


def test_a_candidate_comparison_stops_at_the_first_confirmed_difference(monkeypatch):
    """The diagnosis asks only "equal or not" of each candidate edit: one confirmed difference
    answers it, where a decision goes on to every point (a domain question needs them all)."""
    from lintmath import check, comparator

    parsed = check.parse_step("(x + 1)^2", "x^2 + 3x + 1", {})
    compared = comparator.Comparator(parsed, "=", 0)
    confirmations = []
    real = comparator.evaluate

    def counted(expr, point, precision=comparator.PRECISION, *args, **kwargs):
        if precision > comparator.PRECISION:
            confirmations.append(point)
        return real(expr, point, precision, *args, **kwargs)

    monkeypatch.setattr(comparator, "evaluate", counted)
    full = compared.compare(parsed.lhs, parsed.rhs)
    every_point = len(confirmations)
    confirmations.clear()
    quick = compared.compare(parsed.lhs, parsed.rhs, equal_only=True)
    assert full.kind == quick.kind == "differ"
    assert every_point > 2 and len(confirmations) == 2  # one point, both sides
    right = check.parse_step("(x + 1)^2", "x^2 + 2x + 1", {})
    assert comparator.Comparator(right, "=", 0).compare(right.lhs, right.rhs, equal_only=True).kind == "equal"


def test_a_counterexample_names_its_coordinates_as_the_reader_writes_them():
    verdict = check_step(r"m_A \ddot{r} + \dot{x}_{12}", r"m_A \ddot{r} - \dot{x}_{12}", "=")
    assert verdict.status is Status.REFUTED
    names = {name for name, _ in verdict.counterexample}
    assert names == {"m_A", r"\ddot{r}", r"\dot{x}_{12}"}
