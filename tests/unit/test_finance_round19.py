"""Quantitative finance notation: Euler's number raised to a bracketed rate times a time
(e^{(r-q)T}, read as a power, not as a labelled e transposed), a sum whose body opens with a minus
(the derivative of a bond price, \\sum_t -t C_t (1+y)^{-t-1}), and a factor before a bracketed
evaluation (c[-e^{-\\delta t}/\\delta]_0^T). Each wrong neighbour must still be refuted."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math

RIGHT = [
    # a growth factor under a carry rate q and a drift correction
    (r"e^{(r - q)\tau}e^{q\tau}", r"e^{r\tau}"),
    (r"e^{(r - q)T}", r"e^{rT}e^{-qT}"),
    (r"F e^{(a - \frac12 b^2)T} e^{\frac12 b^2 T}", r"F e^{aT}"),
    (r"\frac{X e^{(m - \frac12 v^2)T}}{X e^{mT}}", r"e^{-\frac12 v^2 T}"),
    (r"e^{(r - s)}e^{s}", r"e^{r}"),
    # sums whose body opens with a minus
    (r"\sum_{j=1}^{m} -j\,a_j(1+z)^{-j-1}", r"-\frac{1}{1+z}\sum_{j=1}^{m} j\,a_j(1+z)^{-j}"),
    (r"\frac{d}{dz}\sum_{j=1}^{m} a_j(1+z)^{-j}", r"\sum_{j=1}^{m} -j\,a_j(1+z)^{-j-1}"),
    (r"\sum_{k=1}^{m} -k", r"-\frac{m(m+1)}{2}"),
    (r"\sum_{k=1}^{m} -k + 3", r"3 - \frac{m(m+1)}{2}"),
    # a rate of payment times an evaluation in brackets
    (r"\int_0^\tau p\,e^{-\kappa u}\,du", r"p\left[-\frac{e^{-\kappa u}}{\kappa}\right]_0^\tau"),
    (r"p\Big[-\frac{e^{-\kappa u}}{\kappa}\Big]_{0}^{\tau}", r"\frac{p}{\kappa}\left(1 - e^{-\kappa\tau}\right)"),
    (r"b\left[u^2\right]^{2}_{1}", r"3b"),
]

WRONG = [
    (r"e^{(r - q)\tau}e^{q\tau}", r"e^{-r\tau}"),
    (r"e^{(r - q)T}", r"e^{rT}e^{qT}"),
    (r"\sum_{j=1}^{m} -j\,a_j(1+z)^{-j-1}", r"\sum_{j=1}^{m} j\,a_j(1+z)^{-j-1}"),
    (r"\sum_{k=1}^{m} -k", r"\frac{m(m+1)}{2}"),
    (r"\int_0^\tau p\,e^{-\kappa u}\,du", r"p\left[\frac{e^{-\kappa u}}{\kappa}\right]_0^\tau"),
    (r"b\left[u^2\right]^{2}_{1}", r"4b"),
]


@pytest.mark.parametrize("lhs,rhs", RIGHT)
def test_finance_notation_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs,rhs", WRONG)
def test_finance_slips_still_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("text", [r"e^{(i)T}", r"e^{(k+1)}", r"e^{(i,j)}", r"e^{(2)}"])
def test_bracketed_index_on_e_stays_a_label(text: str) -> None:
    # unit and error vectors e^{(i)}, e^{(k+1)} keep their index reading
    tree = parse_math(text)
    inner = tree.inner if isinstance(tree, n.Transpose) else tree
    assert isinstance(inner, n.Sym) and "()" in inner.labels


@pytest.mark.parametrize("text", [r"e^{(r - q)T}", r"e^{(a - \frac12 b^2)t}", r"e^{(r - s)}"])
def test_bracketed_rate_on_e_is_a_power(text: str) -> None:
    tree = parse_math(text)
    assert isinstance(tree, n.Pow) and isinstance(tree.base, n.Const) and tree.base.name == "e"


def test_labelled_sample_transposed_unchanged() -> None:
    # x^{(i)T}: the i-th sample transposed, as before
    assert check_step(r"x^{(i)T}x^{(i)}", r"\|x^{(i)}\|^2", "=").status is Status.VERIFIED
