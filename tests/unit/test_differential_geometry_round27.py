"""Differential geometry of curves and surfaces: a curve or a vector-valued function defined by a list,
``\\mathbf{r}(t) = (a\\cos t, a\\sin t, bt)`` in the prose or at the head of a display, is a column vector
put in for the name (its derivatives entry by entry, its value at a number each entry's), so that the
steps of a worked example (r', |r'|, r' x r'', the curvature and the torsion) are read. A name that may
be no vector (an interval I = (0, 1), a point p = (a, b)) keeps its list unread."""
from __future__ import annotations

import pytest

from documents import checked_steps


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def _align(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


HELIX = "Consider the circular helix $\\mathbf{r}(t) = (a\\cos t, a\\sin t, bt)$ with $a > 0$.\n\n"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathbf{r}'(t)", r"(-a\sin t, a\cos t, b)"),
    (r"\mathbf{r}''(t)", r"(-a\cos t, -a\sin t, 0)"),
    (r"|\mathbf{r}'(t)|^2", r"a^2\sin^2 t + a^2\cos^2 t + b^2"),
    (r"\mathbf{r}' \times \mathbf{r}''", r"(ab\sin t, -ab\cos t, a^2)"),
    (r"|\mathbf{r}' \times \mathbf{r}''|", r"\sqrt{a^2b^2\sin^2 t + a^2 b^2\cos^2 t + a^4}"),
    (r"(\mathbf{r}'\times\mathbf{r}'')\cdot\mathbf{r}'''", r"a^2b\sin^2 t + a^2 b\cos^2 t"),
    (r"\frac{|\mathbf{r}'\times\mathbf{r}''|}{|\mathbf{r}'|^3}", r"\frac{a\sqrt{a^2+b^2}}{(a^2+b^2)^{3/2}}"),
])
def test_a_curve_the_prose_defines_by_its_components_is_read(lhs: str, rhs: str) -> None:
    assert _statuses(HELIX + _align(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"] == "verified"


def test_a_derivative_of_a_curve_at_a_number_is_each_entry_there() -> None:
    body = "The curve $\\mathbf{c}(t) = (\\cos t, \\sin t, t^2)$ has\n" + _align(
        r"\mathbf{c}'(0)\times\mathbf{c}''(0) &= (2, 0, 1)", r"\mathbf{c}'(t)\cdot\mathbf{c}''(t) &= 4t")
    statuses = _statuses(body)
    assert statuses[r"\mathbf{c}'(0)\times\mathbf{c}''(0) = (2, 0, 1)"] == "verified"
    assert statuses[r"\mathbf{c}'(t)\cdot\mathbf{c}''(t) = 4t"] == "verified"


def test_a_plane_curve_named_by_a_plain_letter_of_its_parameter_is_read() -> None:
    body = "For the ellipse $\\gamma(t) = (a\\cos t, b\\sin t)$,\n" + _align(
        r"\gamma'(t) &= (-a\sin t, b\cos t)", r"\gamma''(t) &= (-a\cos t, -b\sin t)")
    statuses = _statuses(body)
    assert statuses[r"\gamma'(t) = (-a\sin t, b\cos t)"] == "verified"
    assert statuses[r"\gamma''(t) = (-a\cos t, -b\sin t)"] == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathbf{r}'(t)", r"(-a\sin t, a\cos t, -b)"),
    (r"\mathbf{r}''(t)", r"(a\cos t, -a\sin t, 0)"),
    (r"\mathbf{r}' \times \mathbf{r}''", r"(ab\sin t, ab\cos t, a^2)"),
])
def test_a_slip_against_a_curve_the_prose_states_is_never_verified(lhs: str, rhs: str) -> None:
    # a value the prose states only rescues a step: the slip stays unread, never verified
    assert _statuses(HELIX + _align(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"] != "verified"


def test_a_curve_defined_at_the_head_of_a_display_refutes_a_slip() -> None:
    body = "We define the space curve by\n" + _align(r"\mathbf{r}(t) &= (2\cos t, 2\sin t, t)") + "so that\n" + _align(
        r"\mathbf{r}'(t) &= (-2\sin t, 2\cos t, -1)", r"|\mathbf{r}'(t)|^2 &= 4",
        r"\mathbf{r}''(t) &= (-2\cos t, -2\sin t, 1)", r"|\mathbf{r}'(t)|^2 &= 5")
    steps = {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict for s in checked_steps(body)}
    assert steps[r"\mathbf{r}'(t) = (-2\sin t, 2\cos t, -1)"].status.value == "refuted"
    assert steps[r"|\mathbf{r}'(t)|^2 = 4"].status.value == "refuted"
    assert steps[r"\mathbf{r}''(t) = (-2\cos t, -2\sin t, 1)"].status.value == "refuted"
    assert steps[r"|\mathbf{r}'(t)|^2 = 5"].status.value == "verified"


def test_the_derivative_of_a_defined_curve_is_verified_where_its_slip_is_refuted() -> None:
    body = "We define\n" + _align(r"\mathbf{r}(t) &= (t, t^2, t^3)") + "Then\n" + _align(
        r"\mathbf{r}''(t) &= (0, 2, 6t)", r"\mathbf{r}'(t) \times \mathbf{r}''(t) &= (6t^2, -6t, 2)",
        r"\mathbf{r}''(t) &= (0, 2, 3t)")
    statuses = _statuses(body)
    assert statuses[r"\mathbf{r}''(t) = (0, 2, 6t)"] == "verified"
    assert statuses[r"\mathbf{r}'(t) \times \mathbf{r}''(t) = (6t^2, -6t, 2)"] == "verified"
    assert statuses[r"\mathbf{r}''(t) = (0, 2, 3t)"] == "refuted"


@pytest.mark.parametrize("prose, lhs, rhs", [
    # an interval, a gcd: the list is no vector, and nothing is claimed from its vector reading
    ("Let $I = (0, 1)$.", r"|I|", "1"),
    ("Let $I = (a, b)$.", r"|I|", "b - a"),
])
def test_a_list_a_plain_name_is_given_stays_unread(prose: str, lhs: str, rhs: str) -> None:
    assert _statuses(f"{prose}\n\n" + _align(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"] != "refuted"


def test_an_interval_of_a_parameter_is_not_refuted_by_its_length() -> None:
    # I(t) = (t, 2t) reads as a vector by the same rule, but a pair is as much an interval: |I(t)| = t
    body = "We consider the intervals\n" + _align(r"I(t) &= (t, 2t)") + _align(r"|I(t)| &= t")
    assert _statuses(body)["|I(t)| = t"] != "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    # scalar steps of the field that already hold and must stay refuted when slipped
    (r"\frac{a\sqrt{a^2+b^2}}{(a^2+b^2)^{3/2}}", r"\frac{a}{\sqrt{a^2+b^2}}"),
    (r"\frac{a^2 b}{a^2(a^2+b^2)}", r"\frac{a}{a^2+b^2}"),
    (r"\int_0^{2\pi} 2\sin(t/2)\,dt", "4"),
    (r"(1-\cos t)^2 + \sin^2 t", r"2 + 2\cos t"),
    (r"\int_0^{2\pi}\int_{-\pi/2}^{\pi/2} R^2 \cos u \, du\, dv", r"2\pi R^2"),
    (r"\frac{1}{2\sin^2\theta}\partial_\theta(\sin^2\theta)", r"\frac{\sin\theta}{\cos\theta}"),
    (r"\frac{d}{dt}\left(r^2\dot\theta\right)", r"r\dot r\dot\theta + r^2\ddot\theta"),
])
def test_slips_of_curvature_and_area_computations_are_refuted(lhs: str, rhs: str) -> None:
    assert _statuses(_align(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"] == "refuted"


def test_a_capital_radius_in_the_components_of_a_list_is_a_number() -> None:
    # R beside \cos u in a component: a matrix there would make the list a block vector
    body = "For the sphere of radius $R$,\n" + _align(r"\mathbf{x}_v &= (-R\cos u\sin v, R\cos u\cos v, 0)") + _align(
        r"\mathbf{x}_v\cdot\mathbf{x}_v &= R^2\cos^2 u") + \
        "The sphere is $\\mathbf{y}(u,v) = (R\\cos u\\cos v, R\\cos u\\sin v, R\\sin u)$.\n" + _align(
        r"\mathbf{y}(u,v)\cdot\mathbf{y}(u,v) &= R^2", r"\mathbf{y}(0,0) &= (R, 0, 0)")
    statuses = _statuses(body)
    assert statuses[r"\mathbf{x}_v\cdot\mathbf{x}_v = R^2\cos^2 u"] == "verified"
    assert statuses[r"\mathbf{y}(u,v)\cdot\mathbf{y}(u,v) = R^2"] == "verified"
    assert statuses[r"\mathbf{y}(0,0) = (R, 0, 0)"] == "verified"


def test_capitals_alone_as_components_may_be_blocks() -> None:
    body = "Let the block vector be\n" + _align(r"\mathbf{z} &= (A, B)") + _align(r"\mathbf{z}\cdot\mathbf{z} &= A^2 + B^2")
    assert _statuses(body)[r"\mathbf{z}\cdot\mathbf{z} = A^2 + B^2"] != "refuted"


TWISTED = "We work with the twisted cubic, defined by\n" + _align(r"\boldsymbol{\gamma}(t) &= (t, t^2, t^3)")


@pytest.mark.parametrize("lhs, rhs, verdict", [
    (r"\boldsymbol{\gamma}'(1)", "(1, 2, 3)", "verified"),
    (r"\boldsymbol{\gamma}'(1)\times\boldsymbol{\gamma}''(1)", "(6, -6, 2)", "verified"),
    (r"|\boldsymbol{\gamma}'(1)|^2", "14", "verified"),
    (r"\boldsymbol{\gamma}'(t)", "(1, 2t, 3t)", "refuted"),
    (r"\boldsymbol{\gamma}'(1)", "(1, 2, 2)", "refuted"),
    (r"\boldsymbol{\gamma}'(1)\times\boldsymbol{\gamma}''(1)", "(6, 6, 2)", "refuted"),
    (r"\boldsymbol{\gamma}'(t)\cdot\boldsymbol{\gamma}''(t)", "4t + 9t^3", "refuted"),
])
def test_the_twisted_cubic_at_a_point(lhs: str, rhs: str, verdict: str) -> None:
    assert _statuses(TWISTED + _align(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"] == verdict


def test_a_slip_in_a_component_is_diagnosed_against_the_curve() -> None:
    steps = checked_steps(TWISTED + _align(r"\boldsymbol{\gamma}''(t) &= (0, 2, 3t)"))
    slip = next(s for s in steps if s.step.rhs.stripped == "(0, 2, 3t)")
    assert slip.verdict.status.value == "refuted"
    assert slip.verdict.diagnosis is not None and "(0, 2, 6t)" in str(slip.verdict.diagnosis)


SPHERE_TANGENTS = ("For the sphere of radius $R$ the coordinate tangent vectors are\n"
                   + _align(r"\mathbf{x}_u &= (-R\sin u\cos v, -R\sin u\sin v, R\cos u)")
                   + _align(r"\mathbf{x}_v &= (-R\cos u\sin v, R\cos u\cos v, 0)"))


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathbf{x}_u\cdot\mathbf{x}_u", "R^2"),
    (r"\mathbf{x}_u\cdot\mathbf{x}_v", "0"),
    (r"\mathbf{x}_v\cdot\mathbf{x}_v", r"R^2\cos^2 u"),
    (r"\mathbf{x}_u\times\mathbf{x}_v", r"(-R^2\cos^2 u\cos v, -R^2\cos^2 u\sin v, -R^2\sin u\cos u)"),
])
def test_the_partial_derivatives_of_a_surface_are_defined_side_by_side(lhs: str, rhs: str) -> None:
    # x_u and x_v written as lists are two vectors, the later no redefinition of the earlier
    assert _statuses(SPHERE_TANGENTS + _align(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"] == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathbf{x}_u\cdot\mathbf{x}_u", r"R^2\cos^2 u"),
    (r"\mathbf{x}_v\cdot\mathbf{x}_v", r"R^2\sin^2 u"),
])
def test_a_slip_in_a_first_fundamental_form_is_not_verified(lhs: str, rhs: str) -> None:
    assert _statuses(SPHERE_TANGENTS + _align(f"{lhs} &= {rhs}"))[f"{lhs} = {rhs}"] != "verified"


def test_a_vector_written_as_a_list_is_no_rule_for_other_subscripts() -> None:
    # read as a rule over u, x_u = (-a sin u, a cos u, 0) would give x_v = (-a sin v, a cos v, 0), and the
    # true x_u . x_v = 0 would look wrong; as a label it names x_u only
    body = "The cylinder is parametrised by $\\mathbf{x}(u,v) = (a\\cos u, a\\sin u, v)$.\n" + _align(
        r"\mathbf{x}_u &= (-a\sin u, a\cos u, 0)") + _align(r"\mathbf{x}_u\cdot\mathbf{x}_v &= 0",
                                                            r"\mathbf{x}_u\cdot\mathbf{x}_u &= a^2")
    statuses = _statuses(body)
    assert statuses[r"\mathbf{x}_u\cdot\mathbf{x}_v = 0"] != "refuted"
    assert statuses[r"\mathbf{x}_u\cdot\mathbf{x}_u = a^2"] == "verified"
