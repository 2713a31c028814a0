"""Round 16 battery: optimisations over a variable (\\max_x, \\inf_{w \\in S}, \\arg\\min_\\theta,
\\operatorname*{argmax}, \\mathop{\\mathrm{arg\\,min}}) read as binders over their body. The same
optimisation on both sides (its body as a function of the bound variables, however written and whatever
the variables are called) is the same value: a step verifies when the rest agrees, and is refuted only
when the difference lies outside the optimisations. A step whose sides differ inside a body, or
through an optimisation, stays unverified: never a false alarm."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status
from lintmath.parse import nodes as n
from lintmath.parse.parser import parse_math

V, R, U = "verified", "refuted", "unverified"


def status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=", explain=False).status.value


@pytest.mark.parametrize("text, kind, variables, domain", [
    (r"\max_y g(y) - b", "max", ("y",), ""),
    (r"\min_{\theta} J(\theta)", "min", (r"\theta",), ""),
    (r"\sup_{t \in T} h(t)", "sup", ("t",), r"\in T"),
    (r"\inf_{u, v} F(u, v)", "inf", ("u", "v"), ""),
    (r"\arg\max_\phi \log q(\phi)", "argmax", (r"\phi",), ""),
    (r"\operatorname*{argmin}_{z} (z - 3)^2", "argmin", ("z",), ""),
    (r"\mathop{\mathrm{arg\,min}}_{v} G(v)", "argmin", ("v",), ""),
    (r"\operatorname{arg\,max}_s r(s)", "argmax", ("s",), ""),
    (r"\sup_{\mu \succeq 0} K(x, \mu)", "sup", (r"\mu",), r"\succeq 0"),
])
def test_optimisations_parse_as_binders(text, kind, variables, domain):
    found = [x for x in parse_math(text).walk() if isinstance(x, n.Optimum)]
    assert len(found) == 1
    assert (found[0].kind, found[0].variables, found[0].domain) == (kind, variables, domain)


def test_extremum_over_an_index_stays_a_bounded_extremum():
    tree = parse_math(r"\max_k c_k")
    assert isinstance(tree, n.BigOp) and not any(isinstance(x, n.Optimum) for x in tree.walk())


@pytest.mark.parametrize("lhs, rhs", [
    # the rest of the step around one optimisation
    (r"\max_y g(y) + b", r"b + \max_y g(y)"),
    (r"3\min_t h(t) - a", r"-a + (\min_t h(t)) \cdot 3"),
    (r"\sup_{t \in T} h(t) + c^2", r"c \cdot c + \sup_{t\in T} h(t)"),
    # the bound variable renamed, several variables in another order
    (r"\max_u g(u) + 1", r"1 + \max_v g(v)"),
    (r"\inf_{u, v} F(u, v, c) + 2c", r"c + \inf_{v, u} F(u, v, c) + c"),
    # the body rewritten: a log of a product expanded, a square multiplied out
    (r"\arg\max_\phi \log \prod_{k=1}^{m} q(y_k \mid \phi)", r"\arg\max_\phi \sum_{k=1}^{m} \log q(y_k \mid \phi)"),
    (r"\operatorname*{argmin}_{z} (z - b)^2", r"\arg\min_{z} (z^2 - 2bz + b^2)"),
    (r"\mathop{\mathrm{arg\,min}}_{v} (v + 1)(v - 1)", r"\operatorname*{argmin}_v (v^2 - 1)"),
    (r"\min_s (s^2 + a s)", r"\min_s s (s + a)"),
])
def test_same_optimisation_on_both_sides_verifies(lhs, rhs):
    assert status(lhs, rhs) == V


@pytest.mark.parametrize("lhs, rhs", [
    (r"\max_y g(y) + 1", r"\max_y g(y) + 3"),
    (r"\inf_{u, v} F(u, v, c)", r"\inf_{u, v} F(u, v, c) + c"),
    (r"-b + \arg\min_{z} (z - b)^2", r"b + \arg\min_{z} (z - b)^2"),
])
def test_difference_outside_the_optimisation_is_refuted(lhs, rhs):
    assert status(lhs, rhs) == R


@pytest.mark.parametrize("lhs, rhs", [
    # true, but through what the optimisation is worth, or inside its body
    (r"\arg\max_v g(v)", r"\arg\max_v 3 g(v)"),
    (r"\max_v 3g(v)", r"3\max_v g(v)"),
    (r"\max_y (g(y) + b)", r"\max_y g(y) + b"),
    # false, but only through the optimisation or inside its body: not decided, never refuted
    (r"\max_v (-g(v))", r"-\max_v g(v)"),
    (r"\max_v g(v) \cdot 2", r"3\max_v g(v)"),
    (r"(\max_v g(v))^2", r"\max_v g(v)"),
    (r"\min_s (s^2 + a s)", r"\min_s s (s + 2a)"),
    (r"\sup_{t \in T} h(t)", r"\sup_{t \in W} h(t)"),
    (r"\max_y g(y)", r"\min_y g(y)"),
    # bodies that agree only where the variables are between 0 and 1
    (r"\max_s |s|", r"\max_s s"),
    (r"\max_y |a| g(y)", r"\max_y a g(y)"),
    # the reach of the body is unclear: \max_x g(x) + h(x)
    (r"\max_y g(y) + h(y)", r"\max_y g(y) + h(y) + 1"),
    # nested optimisations, and one over a function
    (r"\inf_u \sup_v F(u, v)", r"\inf_u \sup_v F(u, v) + 1"),
    (r"\arg\min_{G} \sum_{i=1}^{N} (y_i - G(x_i))^2", r"\arg\min_{G} \sum_{i=1}^{N} (G(x_i) - y_i)^2 + 1"),
])
def test_through_or_inside_the_optimisation_stays_unverified(lhs, rhs):
    assert status(lhs, rhs) == U


@pytest.mark.parametrize("lhs, rhs", [
    # a quadratic over a domain not written: its optimum over the real line (round 30), verified only
    (r"2\max_y (a - y^2)", r"\max_y (a - y^2) + a"),
    (r"\min_s (s - a)^2", r"0"),
])
def test_a_quadratic_through_the_optimisation_is_verified(lhs, rhs):
    assert status(lhs, rhs) == V


@pytest.mark.parametrize("lhs, rhs, expected", [
    # sums and products over a set share the linearity of a bounded sum
    (r"\sum_{v \in V} (a g(v) + h(v))", r"a\sum_{v \in V} g(v) + \sum_{v \in V} h(v)", V),
    (r"\sum_{v \in V} (a g(v) + h(v))", r"a\sum_{v \in V} g(v) + a\sum_{v \in V} h(v)", R),
    (r"\prod_{s \in \mathcal{S}} b_s c_s", r"\prod_{s \in \mathcal{S}} b_s \prod_{s \in \mathcal{S}} c_s", V),
    (r"\log \prod_{s \in \mathcal{S}} p(s)", r"\sum_{s \in \mathcal{S}} \log p(s)", V),
])
def test_sums_over_sets(lhs, rhs, expected):
    assert status(lhs, rhs) == expected


@pytest.mark.parametrize("lhs, rhs, expected", [
    # sums over the tuples of a set: the same set has the same elements wherever it is summed over
    (r"\sum_{(u,v) \in F} c_{uv} y_u y_v", r"\sum_{(u,v) \in F} y_v c_{uv} y_u", V),
    (r"\sum_{(u,v) \in F} (a c_{uv} + d_{uv})", r"a\sum_{(u,v) \in F} c_{uv} + \sum_{(u,v) \in F} d_{uv}", V),
    (r"\sum_{(u,v) \in F} (y_u - y_v)^2", r"\sum_{(u,v) \in F} (y_u^2 - 2 y_u y_v + y_v^2)", V),
    (r"\max_{(u,v) \in F} c_{uv} - 2", r"-2 + \max_{(u,v) \in F} c_{uv}", V),
    # whether the set is symmetric only the prose says: a sum over tuples is never refuted by itself
    (r"\sum_{(u,v) \in F} y_u", r"\sum_{(u,v) \in F} y_v", U),
    (r"\sum_{(u,v) \in F} (a c_{uv} + d_{uv})", r"a\sum_{(u,v) \in F} c_{uv} + 2\sum_{(u,v) \in F} d_{uv}", U),
])
def test_sums_over_tuples_of_a_set(lhs, rhs, expected):
    assert status(lhs, rhs) == expected


@pytest.mark.parametrize("lhs, rhs, expected", [
    # over a vector: its entries are the bound variables
    (r"\argmin_{\mathbf v} \|\mathbf b - A\mathbf v\|^2", r"\argmin_{\mathbf v} (\mathbf b - A\mathbf v)^T(\mathbf b - A\mathbf v)", V),
    (r"\argmin_{\mathbf{v}} \|\mathbf b - A\mathbf v\|^2",
     r"\argmin_{\mathbf v} (\mathbf b^T \mathbf b - 2\mathbf v^T A^T \mathbf b + \mathbf v^T A^T A \mathbf v)", V),
    (r"\argmin_{\mathbf{v}} \|\mathbf b - A\mathbf v\|^2",
     r"\argmin_{\mathbf v} (\mathbf b^T \mathbf b - 3\mathbf v^T A^T \mathbf b + \mathbf v^T A^T A \mathbf v)", U),
    (r"\min_{\mathbf v} \|\mathbf v\|^2 + c", r"c + \min_{\mathbf v} \mathbf v^T \mathbf v", V),
])
def test_optimisation_over_a_vector(lhs, rhs, expected):
    assert status(lhs, rhs) == expected


@pytest.mark.parametrize("lhs, rhs", [
    (r"\arg\min_w \ell(w)", r"\arg\min_w \ell(w) + c"),  # argmin of l + c, written without brackets
    (r"\operatorname*{argmax}_\theta g(\theta) - 5", r"\operatorname*{argmax}_\theta g(\theta)"),
])
def test_what_follows_an_arg_optimum_may_belong_to_it(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.REFUTED
