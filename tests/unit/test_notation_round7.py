"""Max and min of a list with dots; differentials outside derivatives and integrals stay unread."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Macro, Status
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math
from lintmath.parse.tokens import ParseFailure, macro_table

V, R, U = Status.VERIFIED, Status.REFUTED, Status.UNVERIFIED
DER = macro_table((Macro("\\der", 0, "\\operatorname{d\\!}{}"),))


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\min\{y_1, \ldots, y_m\}", r"-\max\{-y_1, \ldots, -y_m\}", V),
    (r"\min\{y_1, \ldots, y_m\}", r"\max\{-y_1, \ldots, -y_m\}", R),
    (r"\max(b_1, b_2, \dots, b_k) + c", r"\max(b_1 + c, b_2 + c, \dots, b_k + c)", V),
    (r"\max(b_1, b_2, \dots, b_k) + c", r"\max(b_1 + c, b_2 + c, \dots, b_{k-1} + c)", R),
    (r"\max\{0, t_1, \cdots, t_r\}", r"\max\{0, \max\{t_1, \cdots, t_r\}\}", V),
    (r"\max\{2, \ldots, m\}", r"m", V),                                   # the numbers 2 to m
    (r"\max\{2, \ldots, m\}", r"m - 1", R),
    (r"\log\max\{e^{s_1}, \ldots, e^{s_p}\}", r"\max\{s_1, \ldots, s_p\}", V),
    (r"\max\{u_1, \ldots, u_j, \ldots, u_q\}", r"\max\{u_1, \ldots, u_q\}", V),  # a general entry shown
])
def test_max_and_min_of_a_list_with_dots(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status is status


@pytest.mark.parametrize("lhs, rhs", [
    (r"\max\{y_1, y_2, \ldots\}", "0"),                    # no last entry: no range
    (r"\max\{y_1, \ldots, z_m\}", "y_1"),                  # no pattern between the ends
    (r"\max\{0, \ldots, y, \ldots, 0\}", "y"),             # a sum's 0 + ... + y + ... + 0 is y; a max's is not
    (r"\max\{\mathbf{a}_1, \ldots, \mathbf{a}_m\}", r"\mathbf{a}_1"),  # no order on vectors
])
def test_a_list_with_dots_and_no_pattern_is_not_read(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is U


def test_the_same_first_and_last_entry_leave_no_range_to_count():
    # 2 + ... + y + ... + 2 once read as a sum from 2 to 2 of its index, which silently dropped y
    assert check_step(r"2 + \cdots + y + \cdots + 2", "2", "=").status is U
    with pytest.raises(ParseFailure):
        parse_math(r"\max\{1, \ldots, y, \ldots, 1\}")


def test_a_max_list_with_dots_folds_to_one_entry_over_the_index():
    tree = parse_math(r"\max\{w_1, \ldots, w_n\}")
    assert isinstance(tree, n.Func) and tree.name == "max"
    (entry,) = tree.args
    assert isinstance(entry, n.BigOp) and entry.kind == "max" and isinstance(entry.hi, n.Sym)


@pytest.mark.parametrize("lhs, rhs", [
    # m a dx = m v dv rests on a dx = v dv (a = dv/dt, dx = v dt), which the prose gives: read as
    # independent quantities, the differentials would make this correct step an error
    (r"m a\,\mathrm{d}x", r"m v\,\mathrm{d}v"),
    (r"\der(ab)", r"a \der b + b \der a"),                          # \operatorname{d}{} from a macro
    # (d(uv) = u dv + v du and d(kx^2) = 2kx dx, total differentials, are read since round 14: see
    # test_differentials_regions_round14.py)
    # an infinitesimal whose higher orders an author may drop
    (r"(s + \mathrm{d}s)^2 - s^2", r"2s\,\mathrm{d}s"),
    (r"\sqrt{1 + \mathrm{d}s}", r"1 + \frac{\mathrm{d}s}{2}"),
    # an area element: a Jacobian, not a product of independent numbers
    (r"\mathrm{d}x\,\mathrm{d}y", r"\rho\,\mathrm{d}\rho\,\mathrm{d}\phi"),
    # a ratio of differentials may be a derivative in disguise
    (r"\frac{a\,\mathrm{d}u}{\mathrm{d}t}", r"a\frac{\mathrm{d}u}{\mathrm{d}t}"),
    # beside a derivative of a function defined elsewhere (p = dL/dv, the chain rule)
    (r"\mathrm{d}(L) - \frac{\partial L}{\partial v}\mathrm{d}v", r"0"),
    (r"(p - \frac{\partial L}{\partial v})\mathrm{d}v + y\,\mathrm{d}p", r"y\,\mathrm{d}p"),
    # dx^2 is (dx)^2 in a metric and d(x^2) by the grammar; d^2 x a second differential
    (r"\mathrm{d}x^2", r"2x\,\mathrm{d}x"),
    (r"\mathrm{d}^2 x", r"0"),
    # a differential left after an integral may belong to it
    (r"\int_0^1 f(x)\,\mathrm{d}x\,\mathrm{d}y", r"0"),
    # the differential of a vector: its entries are numbers here, not variables
    (r"\mathrm{d}(2\mathbf{r})", r"2\,\mathrm{d}\mathbf{r}"),
])
def test_a_differential_outside_a_derivative_is_not_read(lhs, rhs):
    assert check_step(lhs, rhs, "=", macros=DER).status is U
