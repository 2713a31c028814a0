"""Review of round 31's readings: the Gaussian tail Q is not the Q of a document whose prose names Q a charge,
a heat or an action value; f^2(x) is not re-read as f(x)^2 where the document states what f^2 is (the
iterate of dynamics); a single capital beside the identity, (I - A)B, makes the capitals matrices as a
product of them (I - KG) already did; SD and Corr by name with a letter coefficient (SD(aX) = a SD(X)) are
not verified by the positive sign letters are sampled with."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import CAPITALS_BESIDE_IDENTITY, NEGATIVE_COEFFICIENT, POWER_STATED, _negated_letter, check_step
from lintmath.normalcdf import other_qs_of


def _verdicts(body: str) -> dict[str, tuple[str, str]]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": (s.verdict.status.value, s.verdict.reason)
            for s in checked_steps(body)}


def _chain(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


@pytest.mark.parametrize("prose", [
    "The charge on the capacitor is $Q(t) = Q_0 e^{-t/RC}$.",  # (a value the context keeps no item of)
    "The charge $Q(t)$ decays with time.",
    "Let $Q(T)$ be the heat absorbed at temperature $T$.",
    "The action value $Q(s)$ of a state is learned from returns.",
])
@pytest.mark.parametrize("row", ["Q(0) &= \\frac{1}{2}", "Q(-t) &= 1 - Q(t)"])
def test_a_q_the_prose_names_another_quantity_is_not_read_as_the_gaussian_tail(prose: str, row: str) -> None:
    [(status, _)] = _verdicts(prose + "\n\n" + _chain(row)).values()
    assert status == "unverified"


@pytest.mark.parametrize("prose", [
    "",
    "Here $Q(x)$ is the Gaussian tail function.",
    "The Q-function $Q(x)$, the tail of the standard normal, is symmetric about one half.",
    "The charge is conserved.",  # no Q in the sentence
])
def test_the_tail_still_verifies_where_the_prose_names_no_other_q(prose: str) -> None:
    [(status, _)] = _verdicts(prose + "\n\n" + _chain("Q(-x) &= 1 - Q(x)")).values()
    assert status == "verified"


def test_a_sentence_naming_q_a_charge_is_found_but_not_one_naming_the_tail() -> None:
    lines = ["The charge $Q$ on the plate is fixed.", "", "The tail $Q(x)$ of the normal gives the error probability.",
             "", "The cost $C$ is the heat absorbed."]
    assert [line for line, _ in other_qs_of(lines)] == [1]


@pytest.mark.parametrize("prose", [
    "Let $f^2 = f \\circ f$ denote the second iterate of the map $f$.",
    "Here $f^n$ denotes the $n$-th iterate, so that $f^2(x) = f(f(x))$.",
])
@pytest.mark.parametrize("rhs", ["f(x)^2", "f(x) \\cdot f(x)"])
def test_a_power_of_a_function_the_document_states_is_neither_squared_nor_refuted(prose: str, rhs: str) -> None:
    [(status, reason)] = _verdicts(prose + "\n\n" + _chain(f"f^2(x) &= {rhs}")).values()
    assert (status, reason) == ("unverified", POWER_STATED)


@pytest.mark.parametrize("body", [
    _chain("f^2(x) &= f(x)^2"),
    "The energy of the signal is\n\n" + _chain("E &= \\int_0^T s^2(t)\\,dt", "&= \\int_0^T s(t)s(t)\\,dt"),
    "Let $x = 2$ in the first example.\n\n" + _chain("y^2(t) + y(t) &= y(t)\\left(y(t) + 1\\right)"),
])
def test_a_power_of_a_call_with_no_stated_power_still_reads_as_before(body: str) -> None:
    assert all(status != "refuted" for status, _ in _verdicts(body).values())
    assert any(status == "verified" for status, _ in _verdicts(body).values())


@pytest.mark.parametrize("lhs, rhs", [
    ("(I - A)B", "B - BA"),
    ("(I + A)B", "B + BA"),
    ("B(I - A)", "B - AB"),
])
def test_a_single_capital_beside_the_identity_makes_the_capitals_matrices(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert (verdict.status.value, verdict.reason) == ("unverified", CAPITALS_BESIDE_IDENTITY)


@pytest.mark.parametrize("lhs, rhs", [
    ("(I - A)B", "B - AB"),
    ("(I - A)(I + A)", "I - A^2"),
    ("(I - A)x", "x - Ax"),
    ("B(I - A)", "B - BA"),
])
def test_a_capital_beside_the_identity_in_its_place_still_verifies(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


SD, CORR, VAR, COV = (f"\\operatorname{{{name}}}" for name in ("SD", "Corr", "Var", "Cov"))


@pytest.mark.parametrize("lhs, rhs", [
    (f"{SD}(aX)", f"a{SD}(X)"),
    (f"{SD}(aX + b)", f"a{SD}(X)"),
    (f"{CORR}(aX + b, Y)", f"{CORR}(X, Y)"),
    (f"{CORR}(aX + b, cY + d)", f"{CORR}(X, Y)"),
])
def test_sd_and_corr_with_a_letter_coefficient_are_not_verified_by_its_sampled_sign(lhs: str, rhs: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert (verdict.status.value, verdict.reason) == ("unverified", NEGATIVE_COEFFICIENT)


@pytest.mark.parametrize("lhs, rhs", [
    (f"{SD}(aX + b)", f"|a|{SD}(X)"),
    (f"{CORR}(aX, aY)", f"{CORR}(X, Y)"),
    (f"{CORR}(aX, Y)", f"\\frac{{a}}{{|a|}}{CORR}(X, Y)"),
    (f"{SD}(aX)^2", f"a^2{VAR}(X)"),
    (f"{SD}(X + b)", f"{SD}(X)"),
    (f"{CORR}(X, Y){SD}(X){SD}(Y)", f"{COV}(X, Y)"),
])
def test_sd_and_corr_that_hold_for_either_sign_still_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("text, negated", [
    ("\\operatorname{SD}(aX + b_a)", "\\operatorname { S D } ( (-a) X + b _ a )"),
    ("e^{at}\\frac{a}{2}\\mathbf{a}", "e ^ { a t } \\frac { (-a) } { 2 } \\mathbf { a }"),
])
def test_a_letter_is_negated_outside_scripts_and_names_only(text: str, negated: str) -> None:
    assert _negated_letter(text, "a") == negated


KL, JSD = "\\mathrm{KL}", "\\mathrm{JSD}"
BINARY = "p\\log\\frac{p}{q} + (1-p)\\log\\frac{1-p}{1-q}"


@pytest.mark.parametrize("lhs, rhs", [
    (f"{KL}(p \\| q)", BINARY),
    ("D(p \\| q)", BINARY),
    (f"{KL}\\left(p \\| \\frac{{p+q}}{{2}}\\right)", "p\\log\\frac{2p}{p+q} + (1-p)\\log\\frac{2(1-p)}{2-p-q}"),
    (f"{JSD}(p \\| q)", "\\frac12 p\\log\\frac{2p}{p+q} + \\frac12(1-p)\\log\\frac{2(1-p)}{2-p-q}"
                        " + \\frac12 q\\log\\frac{2q}{p+q} + \\frac12(1-q)\\log\\frac{2(1-q)}{2-p-q}"),
])
def test_a_divergence_between_parameters_written_as_numbers_is_the_binary_one(lhs: str, rhs: str) -> None:
    # (before: KL(p \| q) written out over a variable, p(x), refuted the Bernoulli closed form)
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs", [
    (f"{KL}(p \\| q)", "p\\log\\frac{p}{q} + (1-p)\\log\\frac{1-q}{1-p}"),
    (f"{KL}(p \\| q)", "p\\log\\frac{p}{q}"),
])
def test_a_binary_divergence_written_wrong_is_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "refuted"


@pytest.mark.parametrize("lhs, rhs, status", [
    (f"{KL}(p \\| q)", "H(p, q) - H(p)", "verified"),  # names as arguments of entropies: distributions
    (f"{JSD}(p \\| q)", f"\\frac12 {KL}(p \\| \\frac{{p+q}}{{2}}) + \\frac12 {KL}(q \\| \\frac{{p+q}}{{2}})", "verified"),
    (f"{KL}(p \\| q)", "\\sum_x p(x)\\log\\frac{p(x)}{q(x)}", "verified"),
    (f"{KL}(p \\| q)", "\\sum_x q(x)\\log\\frac{p(x)}{q(x)}", "refuted"),
])
def test_distributions_written_as_names_stay_distributions(lhs: str, rhs: str, status: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == status
