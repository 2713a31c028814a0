"""Round 22, circuits notes: the parallel combination of resistors written with \\parallel (read as
1/(1/a + 1/b), binding tighter than a sum and looser than a product; a sign left with nothing to
combine, as a norm's bars, stays unread), and the units of AC power (VA, VAR) after a number."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math


@pytest.mark.parametrize("lhs, rhs", [
    (r"G_a \parallel G_b", r"\frac{G_a G_b}{G_a + G_b}"),
    (r"Z_1 \parallel Z_2", r"\frac{1}{\frac{1}{Z_1} + \frac{1}{Z_2}}"),
    (r"x \parallel y \parallel w", r"\frac{x y w}{x y + y w + x w}"),
    (r"5 \parallel 20", r"4"),
    (r"12 \parallel 12 \parallel 6", r"6 \parallel 6"),
    (r"3R \parallel 6R", r"2R"),                         # each side a product
    (r"r_0 + r_1 \parallel r_2", r"r_0 + \frac{r_1 r_2}{r_1 + r_2}"),  # tighter than the sum
    (r"(a \parallel b) \cdot (a + b)", r"a b"),
    (r"\frac{v}{a \parallel b}", r"\frac{v}{a} + \frac{v}{b}"),
])
def test_parallel_combination_verified(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"5 \parallel 20", r"5"),
    (r"G_a \parallel G_b", r"\frac{G_a + G_b}{G_a G_b}"),
    (r"x \parallel x", r"2x"),
    (r"r_0 + r_1 \parallel r_2", r"\frac{(r_0 + r_1) r_2}{r_0 + r_1 + r_2} + 1"),
])
def test_parallel_combination_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


def test_parallel_parses_as_one_function_of_the_products():
    tree = parse_math(r"q + 2s \parallel t \parallel u")
    parallel = [x for x in tree.walk() if isinstance(x, n.Func) and x.name == "parallel"]
    assert len(parallel) == 1 and len(parallel[0].args) == 3
    assert isinstance(parallel[0].args[0], n.Mul)  # 2s, not s alone


@pytest.mark.parametrize("lhs, rhs", [
    (r"c \parallel u \parallel", r"|c| \parallel u \parallel"),  # norm bars: nothing after the last
    (r"\parallel u \parallel^2", r"u^T u"),
])
def test_parallel_as_norm_bars_unread(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.UNVERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"D_\beta(M \parallel N)", r"D_\beta(N \parallel M)"),     # an ordered pair: never made symmetric
    (r"D_f[M \parallel N]", r"D_f[N \parallel M]"),
    (r"I_0 (r_1 \parallel r_2)", r"\frac{I_0 r_1 r_2}{r_1 + r_2}"),  # a product only with a \cdot
])
def test_parallel_as_the_arguments_of_a_function_unread(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.UNVERIFIED


def test_a_jensen_shannon_divergence_is_symmetric_whatever_its_bars():
    # JS is read as the Jensen-Shannon divergence (round 31), which, unlike D_beta or D_f, is symmetric
    assert check_step(r"\mathrm{JS}(m \parallel n)", r"\mathrm{JS}(n \parallel m)", "=").status is Status.VERIFIED
    assert check_step(r"\mathrm{JS}(m \parallel n)", r"2\mathrm{JS}(n \parallel m)", "=").status is not Status.VERIFIED


def test_parallel_after_an_explicit_product():
    assert check_step(r"I_0 \cdot (r_1 \parallel r_2)", r"\frac{I_0 r_1 r_2}{r_1 + r_2}", "=").status \
        is Status.VERIFIED


def test_parallel_subscript_is_still_a_label():
    assert check_step(r"B_{\parallel} + B_\perp", r"B_\perp + B_{\parallel}", "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"230 \cdot 5", r"1150\,\text{VA}", Status.VERIFIED),
    (r"25 \cdot 40", r"1000 \text{ VAR}", Status.VERIFIED),
    (r"0.5\,\text{kVA} + 0.25\,\text{kVA}", r"0.75\,\text{kVA}", Status.VERIFIED),
    (r"25 \cdot 40", r"100 \text{ VAR}", Status.UNVERIFIED),      # a unit on one side: not compared
    (r"2\,\text{kVA}", r"2000\,\text{VA}", Status.VERIFIED),      # one quantity in two scales
    (r"3\,\text{var}(Y)", r"\text{var}(Y) + 2\,\text{var}(Y)", Status.VERIFIED),  # lowercase: a variance
])
def test_ac_power_units(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status
