"""Optimisation and operations research notes, round 27: partial derivatives of a function of several
variables written bare (\\frac{\\partial L}{\\partial x} beside L(x, y, \\mu) defined), functions of the
numbered variables x_1, x_2 of linear and quadratic programs (f(x_1, x_2) = ..., a Lagrangian
L(x_1, x_2, \\nu)), and a quadratic form's gradient through a definition beside "$Q$ symmetric"."""
from __future__ import annotations

import pytest

from documents import checked_steps, display

from lintmath.check import check_step
from lintmath.model import Status

V, U, R, S = Status.VERIFIED, Status.UNVERIFIED, Status.REFUTED, Status.SKIPPED


def _verdicts(body: str) -> dict[str, object]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict for s in checked_steps(body)}


def _chain(prose: str, *rows: str) -> str:
    """``prose`` above an align* whose rows are ``lhs &= rhs``, each given as "lhs = rhs"."""
    lines = " \\\\\n".join(row.replace(" = ", " &= ", 1) for row in rows)
    return f"{prose}\n\\begin{{align*}}\n{lines}\n\\end{{align*}}\n"


# a Lagrangian displayed as the first row of a chain: its partial derivatives below follow from it
LAGRANGIAN = ("Minimise $(x - 1)^2 + (y + 2)^2$ subject to $x + 2y \\le 3$. The Lagrangian is\n"
              "\\begin{equation}\n\\mathcal{L}(x, y, \\mu) = (x - 1)^2 + (y + 2)^2 + \\mu(x + 2y - 3)\n"
              "\\end{equation}\nand stationarity reads\n")


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\frac{\partial \mathcal{L}}{\partial x}", r"2(x - 1) + \mu", V),
    (r"\frac{\partial \mathcal{L}}{\partial y}", r"2(y + 2) + 2\mu", V),
    (r"\frac{\partial \mathcal{L}}{\partial \mu}", r"x + 2y - 3", V),
    (r"\frac{\partial^2 \mathcal{L}}{\partial x\,\partial \mu}", r"1", V),
    # slips against the displayed definition: a sign, a dropped factor, a dropped constant
    (r"\frac{\partial \mathcal{L}}{\partial x}", r"2(x - 1) - \mu", R),
    (r"\frac{\partial \mathcal{L}}{\partial y}", r"2(y + 2) + \mu", R),
    (r"\frac{\partial \mathcal{L}}{\partial \mu}", r"x + 2y", R),
])
def test_a_bare_partial_derivative_of_a_displayed_function_of_several_variables(lhs, rhs, expected):
    verdicts = _verdicts(LAGRANGIAN + display("", lhs, rhs))
    assert verdicts[f"{lhs} = {rhs}"].status is expected


def test_the_slip_names_the_definition_it_does_not_follow_from():
    verdict = _verdicts(LAGRANGIAN + display("", r"\frac{\partial \mathcal{L}}{\partial x}", r"2(x - 1) - \mu"))[
        r"\frac{\partial \mathcal{L}}{\partial x} = 2(x - 1) - \mu"]
    assert verdict.status is R
    assert any("\\mathcal{L}" in d for d in verdict.definitions)


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\partial f}{\partial x}", r"2x + y - 1"),
    (r"\frac{\partial f}{\partial y}", r"x + 4y"),
    (r"\frac{\partial^2 f}{\partial x \partial y}", r"1"),
    (r"\frac{\partial^2 f}{\partial y^2}", r"4"),
])
def test_a_bare_partial_derivative_of_a_function_the_prose_gives(lhs, rhs):
    prose = "For $f(x, y) = x^2 + xy + 2y^2 - x$ we have"
    assert _verdicts(display(prose, lhs, rhs))[f"{lhs} = {rhs}"].status is V


@pytest.mark.parametrize("lhs, rhs", [
    # a variable the function does not take, a total derivative, variables held fixed: not the partial
    # derivative at its own variables, so nothing is put in
    (r"\frac{\partial f}{\partial r}", r"2xy\cos\theta"),
    (r"\frac{d f}{d x}", r"2xy"),
    (r"\left(\frac{\partial f}{\partial x}\right)_z", r"2xy"),
])
def test_other_derivatives_of_such_a_name_stay_unread(lhs, rhs):
    body = "\\begin{equation}\nf(x, y) = x^2 y + y^3\n\\end{equation}\n" + display("Then", lhs, rhs)
    assert _verdicts(body)[f"{lhs} = {rhs}"].status is U


# (lhs, rhs, status) beside a function of the numbered variables of a program, stated in the prose
NUMBERED = [
    (r"\frac{\partial f}{\partial x_1}", r"2x_1 + 3x_2", V),
    (r"\frac{\partial f}{\partial x_2}", r"3x_1 + 2x_2", V),
    (r"\frac{\partial f(x_1, x_2)}{\partial x_1}", r"2x_1 + 3x_2", V),
    (r"f(1, 2)", r"1 + 6 + 4", V),
    # the arguments swapped, bound at once (a first row f(x_2, x_1) = ... would define f, as f(y, x) does)
    (r"f(x_2, x_1) - x_1^2", r"x_2^2 + 3x_1x_2", V),
    # a slip beside a prose definition: refuted since round 28, where one small edit repairs it (3x_2)
    (r"\frac{\partial f}{\partial x_1}", r"2x_1 + 2x_2", R),
    (r"f(1, 2)", r"1 + 6 + 2", U),
    # a variable the function does not take
    (r"\frac{\partial f}{\partial x_3}", r"0", U),
]


@pytest.mark.parametrize("lhs, rhs, expected", NUMBERED)
def test_a_function_of_numbered_variables_given_in_the_prose(lhs, rhs, expected):
    prose = "Minimise $f(x_1, x_2) = x_1^2 + 3x_1x_2 + x_2^2$ over the feasible set."
    assert _verdicts(display(prose, lhs, rhs))[f"{lhs} = {rhs}"].status is expected


PROGRAM = ("The problem $\\min \\tfrac{1}{2}(x_1^2 + 3x_2^2)$ subject to $x_1 + x_2 = 4$ has the Lagrangian\n"
           "\\begin{equation}\n\\mathcal{L}(x_1, x_2, \\nu) = \\tfrac{1}{2}(x_1^2 + 3x_2^2) + \\nu(x_1 + x_2 - 4)\n"
           "\\end{equation}\n")


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\frac{\partial \mathcal{L}}{\partial x_1}", r"x_1 + \nu", V),
    (r"\frac{\partial \mathcal{L}}{\partial x_2}", r"3x_2 + \nu", V),
    (r"\frac{\partial \mathcal{L}}{\partial \nu}", r"x_1 + x_2 - 4", V),
    (r"\mathcal{L}(1, 3, 2)", r"\tfrac{1}{2}(1 + 27)", V),
    (r"\frac{\partial \mathcal{L}}{\partial x_2}", r"3x_2 - \nu", R),
    (r"\frac{\partial \mathcal{L}}{\partial x_2}", r"6x_2 + \nu", R),
    (r"\mathcal{L}(1, 3, 2)", r"\tfrac{1}{2}(1 + 9)", R),
])
def test_a_displayed_lagrangian_of_numbered_variables(lhs, rhs, expected):
    assert _verdicts(PROGRAM + display("Stationarity:", lhs, rhs))[f"{lhs} = {rhs}"].status is expected


def test_a_lagrangian_of_numbered_variables_is_a_definition():
    verdicts = _verdicts(PROGRAM)
    assert [v.status for v in verdicts.values()] == [S]


@pytest.mark.parametrize("sentence", [
    # one numbered argument is as often a value at a point (f(x_0) = 3) as a function: not a definition
    "Here $f(x_0) = 3$ at the start.",
    # a subscript that is an expression names no variable
    "Here $f(x_{k+1}, x_k) = x_k^2$ along the iterates.",
])
def test_a_value_at_a_numbered_point_is_no_function(sentence):
    verdicts = _verdicts(display(sentence, "f(x_0) + f(1, 2)", "5"))
    assert verdicts["f(x_0) + f(1, 2) = 5"].status is U


# a quadratic form's gradient through its definition: the form's matrix symmetric only when stated
QUADRATIC = "Let $f(\\mathbf{x}) = \\tfrac{1}{2}\\mathbf{x}^\\top Q \\mathbf{x} - \\mathbf{b}^\\top \\mathbf{x}${}."


@pytest.mark.parametrize("statement", [" with $Q$ symmetric", ", where $Q$ is a symmetric positive definite matrix"])
def test_a_gradient_through_a_definition_with_the_matrix_stated_symmetric(statement):
    body = display(QUADRATIC.replace("{}", statement), r"\nabla f(\mathbf{x})", r"Q\mathbf{x} - \mathbf{b}")
    verdict = _verdicts(body)[r"\nabla f(\mathbf{x}) = Q\mathbf{x} - \mathbf{b}"]
    assert verdict.status is V
    assert any(g.startswith("Q symmetric (as stated at") for g in verdict.guessed)


def test_without_the_statement_the_gradient_stays_unverified():
    body = display(QUADRATIC.replace("{}", ""), r"\nabla f(\mathbf{x})", r"Q\mathbf{x} - \mathbf{b}")
    assert _verdicts(body)[r"\nabla f(\mathbf{x}) = Q\mathbf{x} - \mathbf{b}"].status is U


@pytest.mark.parametrize("rhs", [r"2Q\mathbf{x} - \mathbf{b}", r"Q\mathbf{x} + \mathbf{b}"])
def test_a_slip_in_the_gradient_is_not_verified_by_the_statement(rhs):
    body = display(QUADRATIC.replace("{}", " with $Q$ symmetric"), r"\nabla f(\mathbf{x})", rhs)
    assert _verdicts(body)[rf"\nabla f(\mathbf{{x}}) = {rhs}"].status is not V


def test_a_gradient_descent_chain_through_the_definition():
    body = _chain(QUADRATIC.replace("{}", " with $Q$ symmetric"),
                  r"\mathbf{x}_k - \alpha \nabla f(\mathbf{x}_k) = \mathbf{x}_k - \alpha(Q\mathbf{x}_k - \mathbf{b})",
                  r" = (I - \alpha Q)\mathbf{x}_k + \alpha\mathbf{b}")
    assert [v.status for v in _verdicts(body).values()] == [V, V]


# what already held in the field and must keep holding: worked examples and their slips
@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\min\left\{\frac{12}{2}, \frac{18}{2}\right\}", r"6", V),
    (r"\min\left\{\frac{12}{2}, \frac{18}{2}\right\}", r"9", R),
    (r"4 \cdot 0 + 12 \cdot \tfrac{3}{2} + 18 \cdot 1", r"36", V),
    (r"4 \cdot 0 + 12 \cdot \tfrac{3}{2} + 18 \cdot 1", r"34", R),
    (r"\frac{3}{2} - \frac{(3/2)^2 - 2}{2 \cdot 3/2}", r"\frac{17}{12}", V),
    (r"\frac{3}{2} - \frac{(3/2)^2 - 2}{2 \cdot 3/2}", r"\frac{19}{12}", R),
    (r"\begin{pmatrix} 2 & 1 \\ 1 & 4 \end{pmatrix}^{-1}", r"\frac{1}{7}\begin{pmatrix} 4 & -1 \\ -1 & 2 \end{pmatrix}", V),
    (r"\begin{pmatrix} 2 & 1 \\ 1 & 4 \end{pmatrix}^{-1}", r"\frac{1}{7}\begin{pmatrix} 4 & 1 \\ 1 & 2 \end{pmatrix}", R),
    (r"(Ax - b)^\top(Ax - b)", r"x^\top A^\top A x - 2 b^\top A x + b^\top b", V),
    (r"(Ax - b)^\top(Ax - b)", r"x^\top A^\top A x - b^\top A x + b^\top b", R),
    (r"\mathbf{x}_k - \alpha(Q\mathbf{x}_k - \mathbf{b})", r"(I - \alpha Q)\mathbf{x}_k - \alpha\mathbf{b}", R),
    (r"\operatorname{sign}(-2.5)\max(|-2.5| - 1, 0)", r"-1.5", V),
    (r"\operatorname{sign}(-2.5)\max(|-2.5| - 1, 0)", r"1.5", R),
    (r"\frac{d}{dx}(x - \mu \ln x)", r"1 - \frac{\mu}{x}", V),
    (r"\frac{d}{dx}(x - \mu \ln x)", r"1 - \mu x", R),
])
def test_worked_examples_and_their_slips(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status is expected


# a constraint written as a chain to zero names its function on the way: g(x) = x_1 + x_2 - 1 = 0
CONSTRAINED = ("Let $f(x) = x_1^2 + 2x_2^2$ and consider the constraint $h(x) = x_1 + x_2 - 1 = 0$. "
               "The Lagrangian is $L(x, \\lambda) = f(x) + \\lambda h(x)$, so")


@pytest.mark.parametrize("rhs, expected", [
    (r"x_1^2 + 2x_2^2 + \lambda(x_1 + x_2 - 1)", V),
    # the slip is refuted against the prose's h (since round 28: the sign of 1 flipped)
    (r"x_1^2 + 2x_2^2 + \lambda(x_1 + x_2 + 1)", R),
])
def test_a_constraint_chain_to_zero_defines_its_function(rhs, expected):
    body = display(CONSTRAINED, r"f(x) + \lambda h(x)", rhs)
    assert _verdicts(body)[rf"f(x) + \lambda h(x) = {rhs}"].status is expected


def test_a_chain_to_another_value_defines_nothing():
    # h(x) = x - 1 = 2 is an equation for x (x = 3), not the function h
    body = display("Solve $h(x) = x - 1 = 2$ first.", r"h(x) + 1", r"x")
    assert _verdicts(body)["h(x) + 1 = x"].status is not V


# the gradient of a function of x_1, ..., x_n: the column of its partial derivatives in that order
GRADIENT = "\\begin{equation}\nf(x_1, x_2) = x_1^2 + 3x_1x_2 + 2x_2^2 - x_1\n\\end{equation}\n"


@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\nabla f(x_1, x_2)", r"\begin{pmatrix} 2x_1 + 3x_2 - 1 \\ 3x_1 + 4x_2 \end{pmatrix}", V),
    (r"\nabla f", r"\begin{pmatrix} 2x_1 + 3x_2 - 1 \\ 3x_1 + 4x_2 \end{pmatrix}", V),
    (r"\nabla f(1, 0)", r"\begin{pmatrix} 1 \\ 3 \end{pmatrix}", V),
    (r"\|\nabla f(1, 0)\|^2", r"10", V),
    (r"\begin{pmatrix} 1 \\ 0 \end{pmatrix} - 0.1 \nabla f(1, 0)", r"\begin{pmatrix} 0.9 \\ -0.3 \end{pmatrix}", V),
    # slips: an entry, a sign in a gradient step, a factor dropped
    (r"\nabla f(1, 0)", r"\begin{pmatrix} 1 \\ 2 \end{pmatrix}", R),
    (r"\begin{pmatrix} 1 \\ 0 \end{pmatrix} - 0.1 \nabla f(1, 0)", r"\begin{pmatrix} 0.9 \\ 0.3 \end{pmatrix}", R),
    (r"\nabla f(x_1, x_2)", r"\begin{pmatrix} 2x_1 + 3x_2 - 1 \\ 3x_1 + 2x_2 \end{pmatrix}", R),
    # a row for the gradient is another convention (Df): its shape is not the column's, nothing claimed
    (r"\nabla f(x_1, x_2)", r"\begin{pmatrix} 2x_1 + 3x_2 - 1 & 3x_1 + 4x_2 \end{pmatrix}", U),
    # the variables themselves in another order: not decided
    (r"\nabla f(x_2, x_1)", r"\begin{pmatrix} 1 \\ 3 \end{pmatrix}", U),
])
def test_the_gradient_of_a_function_of_numbered_variables(lhs, rhs, expected):
    assert _verdicts(GRADIENT + display("Then", lhs, rhs))[f"{lhs} = {rhs}"].status is expected


def test_the_gradient_of_a_function_of_x_and_y_is_read_as_before():
    body = display("Let $f(x, y) = x^2 y - x$.", r"\nabla f", r"\begin{pmatrix} 2xy - 1 \\ x^2 \end{pmatrix}")
    assert _verdicts(body)[r"\nabla f = \begin{pmatrix} 2xy - 1 \\ x^2 \end{pmatrix}"].status is V


# (lhs, rhs, status): optimisations a worked example writes in numbers, found exactly
OPTIMA = [
    (r"\min_{x \in \mathbb{R}} \left[(x - 3)^2 + 1\right]", r"1", V),
    (r"\arg\min_{x \in \mathbb{R}} \left[(x - 3)^2 + 1\right]", r"3", V),
    (r"\max_{x \in [0, 2]} (4x - x^2)", r"4", V),
    # the maximum at an end of the interval, not at the vertex outside it
    (r"\max_{x \in [0, 1]} (4x - x^2)", r"3", V),
    (r"\arg\max_{x \in [0, 1]} (4x - x^2)", r"1", V),
    (r"\min_{x \ge 0} (x^2 - 2x)", r"-1", V),
    (r"\min_{x \ge 2} (x^2 - 2x)", r"0", V),
    (r"\min_{x \in [-3, 3]} (x^3 - 3x)", r"-18", V),
    (r"\min_{x \in \mathbb{R}} (x^2 + 0.5x)", r"-0.0625", V),
    (r"\sup_{x \in [0, 1]} (x - x^2)", r"\frac{1}{4}", V),
    # slips: the value at the minimiser, the minimiser's sign, the vertex outside the interval
    (r"\min_{x \in \mathbb{R}} \left[(x - 3)^2 + 1\right]", r"0", R),
    (r"\arg\min_{x \in \mathbb{R}} \left[(x - 3)^2 + 1\right]", r"-3", R),
    (r"\max_{x \in [0, 1]} (4x - x^2)", r"4", R),
    # unbounded below over the line (-2 is a local minimum only): nothing claimed
    (r"\min_{x \in \mathbb{R}} (x^3 - 3x)", r"-2", U),
    # two minimisers, +-sqrt 2: no one arg min
    (r"\arg\min_{x \in \mathbb{R}} (x^2 - 2)^2", r"\sqrt{2}", U),
    # another letter in the body: a quadratic's minimum over the written line is 0 whatever a (round 30);
    # no domain written: read over the line for a verification only
    (r"\min_{x \in \mathbb{R}} (x - a)^2", r"1", R),
    (r"\min_{x \in \mathbb{R}} (x - a)^2", r"0", V),
    (r"\min_{x} (x - 1)^2", r"1", U),
    # a counting letter over a half-line may run through the integers (where this minimum is 1/4)
    (r"\min_{n \ge 1} (n - 1.5)^2", r"0.25", U),
]


@pytest.mark.parametrize("lhs, rhs, expected", OPTIMA)
def test_optimisations_in_numbers(lhs, rhs, expected):
    assert check_step(lhs, rhs, "=").status is expected


# the objective stated with the problem's verb in the math: \min f(x_1, x_2) = ..., \max\; z = ...
@pytest.mark.parametrize("prose, lhs, rhs, expected", [
    ("We solve $\\min\\, f(x_1, x_2) = x_1^2 + x_2^2 - 4x_1$ subject to $x_1 + x_2 \\le 2$.",
     r"\frac{\partial f}{\partial x_1}", r"2x_1 - 4", V),
    ("We solve $\\min\\, f(x_1, x_2) = x_1^2 + x_2^2 - 4x_1$ subject to $x_1 + x_2 \\le 2$.",
     r"f(1, 1)", r"-2", V),
    ("We solve $\\min\\, f(x_1, x_2) = x_1^2 + x_2^2 - 4x_1$ subject to $x_1 + x_2 \\le 2$.",
     r"f(1, 1)", r"-1", U),
    ("The program is $\\max\\; z = 3x_1 + 5x_2$ over the polytope.", r"z - 3x_1", r"5x_2", V),
    # the optimum's value, not the objective's: nothing defined
    ("At the optimum $\\max f(x_1, x_2) = 36$.", r"f(1, 1)", r"36", U),
])
def test_an_objective_stated_with_its_verb(prose, lhs, rhs, expected):
    assert _verdicts(display(prose, lhs, rhs))[f"{lhs} = {rhs}"].status is expected
