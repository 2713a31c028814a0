"""Function-space notation: a function left open in one slot (``k(x, \\cdot)``, a kernel's feature map)
read as one named object, and an inner product labelled by its space (``\\langle f, g\\rangle_{\\mathcal{H}}``)
read as the inner product when every product of the step carries that one label."""
from __future__ import annotations

import pytest

from lintmath.check import check_step


def _status(lhs: str, rhs: str, relation: str = "=") -> str:
    return check_step(lhs, rhs, relation).status.value


@pytest.mark.parametrize("lhs, rhs", [
    # linearity in the vector slot, the open function standing as one vector
    (r"\langle u, \phi(z,\cdot)\rangle + \langle w, \phi(z,\cdot)\rangle", r"\langle u + w, \phi(z,\cdot)\rangle"),
    (r"\left\langle 3h, q(\cdot, s)\right\rangle", r"3\left\langle h, q(\cdot, s)\right\rangle"),
    (r"\langle g - g_0 + g_0, \psi(t,\cdot)\rangle", r"\langle g, \psi(t,\cdot)\rangle"),
])
def test_a_function_left_open_in_a_slot_is_one_vector(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


def test_a_slip_beside_a_function_left_open_is_still_refuted() -> None:
    verdict = check_step(r"\langle 4h, q(z,\cdot)\rangle", r"5\langle h, q(z,\cdot)\rangle", "=")
    assert verdict.status.value == "refuted"
    # the open function is named in the finding's point like any vector of the step
    assert verdict.diagnosis is not None or verdict.counterexample


@pytest.mark.parametrize("lhs, rhs", [
    # a symmetric kernel makes the two one function: the prose would say so
    (r"\langle q(z,\cdot), h\rangle", r"\langle q(\cdot,z), h\rangle"),
    # the prose may name the open function (q_z = q(z, \cdot))
    (r"\langle q(z,\cdot), h\rangle", r"\langle q_z, h\rangle"),
    # the reproducing property needs the definition of the space
    (r"\langle h, q(z,\cdot)\rangle", r"h(z)"),
    (r"\langle q(z,\cdot), q(s,\cdot)\rangle", r"q(z,s)"),
])
def test_what_the_open_slot_cannot_show_stays_unverified(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "unverified"


def test_two_open_slots_may_be_one_symmetric_function_as_a_guess() -> None:
    # as for any name with two indices (q_{zw} beside q_{wz}), the symmetry a kernel has is guessed, and said
    verdict = check_step(r"\langle 2q(z,\cdot), h\rangle",
                         r"\langle q(\cdot,z), h\rangle + \langle q(z,\cdot), h\rangle", "=")
    assert verdict.status.value == "verified"
    assert "q symmetric" in verdict.guessed


@pytest.mark.parametrize("lhs", [
    r"\mathbb{E}(\cdot)",        # an operator's slot, not a function's
    r"p(\cdot \mid z)",          # a conditional list
    r"g_1(z, \cdot)",            # a subscripted name: k_{1,z,.} would run the indices together
])
def test_a_slot_on_other_names_is_not_read(lhs: str) -> None:
    assert _status(lhs, "2") == "unverified"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\langle a + b, c\rangle_{\mathcal{G}}", r"\langle a, c\rangle_{\mathcal{G}} + \langle b, c\rangle_{\mathcal{G}}"),
    (r"\left|\langle a, c\rangle_{V} - \langle b, c\rangle_{V}\right|", r"\left|\langle a - b, c\rangle_{V}\right|"),
])
def test_inner_products_of_one_named_space_are_read(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "verified"


def test_a_slip_in_a_named_space_is_refuted() -> None:
    lhs, rhs = r"\langle a + b, c\rangle_{V}", r"\langle a, c\rangle_{V} - \langle b, c\rangle_{V}"
    assert _status(lhs, rhs) == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    # a weighted product: the subscript is a matrix of the step
    (r"\langle a, c\rangle_{M}", r"a^T M c"),
    # two spaces, or a named one beside an unnamed one, are not known to be one product
    (r"\langle a, c\rangle_{V}", r"\langle a, c\rangle_{W}"),
    (r"\langle a, c\rangle_{V}", r"\langle a, c\rangle"),
    (r"\langle a, c\rangle_{V}", r"2\langle a, c\rangle"),
])
def test_inner_products_of_other_or_weighted_spaces_stay_unverified(lhs: str, rhs: str) -> None:
    assert _status(lhs, rhs) == "unverified"
