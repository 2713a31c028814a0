"""Speed shortcuts of the third round give what the slower forms gave: lintmath's own
differentiation against sp.diff, and stand-ins whose products are not gathered into one exp."""
import random

import pytest
import sympy as sp

from lintmath.check import check_step
from lintmath.evaluate import quick_value
from lintmath.lower import StandInExp, _stand_in, derivative
from lintmath.model import Status

x, y, z = sp.symbols("x y z")
f = sp.Function("f")


def _random_expression(rng: random.Random, depth: int) -> sp.Expr:
    if depth == 0:
        return rng.choice([x, y, z, sp.Integer(2), sp.Rational(1, 3), sp.pi])
    a, b = _random_expression(rng, depth - 1), _random_expression(rng, depth - 1)
    return rng.choice([a + b, a * b, a - b, a / b if b != 0 else a, sp.exp(a), sp.log(a), sp.sin(a) * b,
                       a**b, f(a) + sp.Abs(b), sp.atan(a) * sp.sqrt(b), sp.cosh(a) / b])


class _RealAbs(sp.Function):
    """|u| of a real u, as lintmath differentiates it (SymPy's Abs assumes u may be complex)."""

    def fdiff(self, argindex=1):
        return sp.sign(self.args[0])


def _reference(expr: sp.Expr, var: sp.Symbol) -> sp.Expr:
    return sp.diff(expr.replace(sp.Abs, _RealAbs), var).replace(_RealAbs, sp.Abs)


def test_derivative_is_sp_diff():
    rng = random.Random(3)
    for _ in range(300):
        expr = _random_expression(rng, rng.randrange(1, 5))
        for var in (x, y):
            mine, sympys = derivative(expr, var), _reference(expr, var)
            # the same rules give the same tree; zoo * 0 is nan to one and zoo * ... to the other
            assert mine == sympys or sympys.has(sp.nan, sp.zoo)


@pytest.mark.parametrize("expr, var, order", [
    (x**3 * sp.exp(2 * x), x, 2),
    (sp.Matrix([x**2, sp.sin(x) * y]), x, 1),  # matrices are left to sp.diff
    (sp.Integral(sp.exp(-y**2), (y, 0, x)), x, 1),  # so are integrals
    (sp.Abs(x - y) * x, x, 1),  # |u| as a real function
    (f(x) * f(y), x, 1),
])
def test_derivative_by_name(expr, var, order):
    mine, sympys = derivative(expr, var, order), _reference(expr, var) if order == 1 else sp.diff(expr, var, order)
    # a second derivative is the first one's, where SymPy multiplies by Leibniz's rule at once
    assert mine == sympys or sp.simplify(mine - sympys) == 0


def test_stand_ins_multiply_without_gathering_their_exponents():
    a, b = _stand_in(0, "f", 1, -1), _stand_in(0, "g", 2, -1)
    product = a.expr.subs(a.variables[0], x) * b.expr.subs({b.variables[0]: x, b.variables[1]: y})
    assert sum(isinstance(factor, StandInExp) for factor in product.args) == 2
    gathered = sp.exp(sum(factor.exp for factor in product.args if isinstance(factor, StandInExp)))
    point = {x: sp.Rational(3, 7), y: sp.Rational(-5, 4)}
    assert abs(product.subs(point).evalf(40) - gathered.subs(point).evalf(40)) < 1e-35
    assert quick_value(product, point) == pytest.approx(float(gathered.subs(point).evalf(30)), rel=1e-12)
    # its powers and derivatives are exp's
    assert abs((product**-2).subs(point).evalf(30) - (gathered**-2).subs(point).evalf(30)) < 1e-25
    assert abs(derivative(product, x).subs(point).evalf(30) - sp.diff(gathered, x).subs(point).evalf(30)) < 1e-25


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\frac{d}{dx} f(x) g(x)", r"f'(x) g(x) + f(x) g'(x)", Status.VERIFIED),
    (r"\lim_{h \to 0} \frac{g(y + h) - g(y)}{h}", r"g'(y)", Status.VERIFIED),
    (r"\frac{\partial}{\partial w} \log \sigma(w x)", r"(1 - \sigma(w x)) x", Status.VERIFIED),
    (r"\frac{d}{dx} e^{f(x)} e^{g(x)}", r"(f'(x) + g'(x)) e^{f(x) + g(x)}", Status.VERIFIED),
])
def test_steps_with_stand_ins_and_derivatives(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status == status


def test_integer_powers_of_a_stand_in_stay_stand_ins_of_the_same_value():
    stand_in = _stand_in(3, "p", 1, -1)
    value = stand_in.expr.subs(stand_in.variables[0], x)
    point = {x: sp.Rational(2, 9)}
    for k in (-2, -1, 2, 3):
        power = value**k
        assert isinstance(power, StandInExp)
        assert abs(power.subs(point).evalf(40) - sp.exp(k * value.exp).subs(point).evalf(40)) < 1e-30
    assert abs((value ** sp.Rational(1, 2)).subs(point).evalf(30) - sp.sqrt(value.subs(point)).evalf(30)) < 1e-25


def test_log_of_a_number_is_evaluated_and_of_a_letter_is_left_as_written():
    from lintmath.lower import apply_function

    assert apply_function("log", [sp.Integer(1)]) == 0 and apply_function("log", [sp.E]) == 1
    assert apply_function("log", [sp.exp(x)]) == sp.log(sp.exp(x), evaluate=False)
    assert sp.diff(apply_function("log", [x**2 + 1]), x) == 2 * x / (x**2 + 1)


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\log(e^{x})", "x", Status.VERIFIED),
    (r"\log 1 + \log(x y)", r"\log x + \log y", Status.VERIFIED),
    (r"\frac{1}{f(x)^2}", r"f(x)^{-2}", Status.VERIFIED),
    (r"\frac{d}{dx} \log f(x)", r"\frac{f'(x)}{f(x)}", Status.VERIFIED),
    (r"\frac{d}{dx} \log(x^2 + 1)", r"\frac{2x}{(x^2 + 1)^2}", Status.REFUTED),
])
def test_steps_with_logs_and_powers_of_stand_ins(lhs, rhs, status):
    assert check_step(lhs, rhs, "=").status == status


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_{i=1}^{n} 2 a_i x_i + c", r"\sum_{i=1}^{n} a_i x_i + c"),
    (r"\sum_{i=1}^{n} (a_i - b_i) + c", r"\sum_{i=1}^{n} (a_i + b_i) + c"),
    (r"x_j + \sum_{k} w_{jk} y_k", r"x_j - \sum_{k} w_{jk} y_k"),
    (r"(p+q)^2 + r s", r"p^2 + q^2 + r s"),
    (r"\sin(x) \cos(y) + x_j", r"\cos(x) \cos(y) + x_j"),
])
def test_the_prefilters_memo_changes_no_diagnosis(lhs, rhs, monkeypatch):
    """The diagnosis prefilter reuses the lowering of the line's unchanged subtrees; without the reuse
    every verdict and diagnosis is the same."""
    from lintmath import lower

    with_memo = check_step(lhs, rhs, "=")
    monkeypatch.setattr(lower.Lowerer, "_lower_memoized", lambda self, node: self._lower_node(node))
    without = check_step(lhs, rhs, "=")
    assert with_memo.status is Status.REFUTED and with_memo.diagnosis is not None
    assert (with_memo.status, with_memo.diagnosis) == (without.status, without.diagnosis)
