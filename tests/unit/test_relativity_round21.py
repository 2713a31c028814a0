"""Round 21, relativistic and orbital mechanics notes: four-vector components written as superscripts
(p^0, p^1), an eccentricity e beside Euler's number, and definitions written through the document's
own macros (\\gm = 1/\\sqrt{1 - \\bt^2}) that rescue steps which drop their names."""
import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.context import ContextItem, with_letters
from lintmath.extract import extract_text
from lintmath.model import Macro, Status
from lintmath.modular import has_letters
from lintmath.pipeline import check_documents


def _statuses(body: str) -> list[tuple[str, str]]:
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    res = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=4.0, seed=0))[0]
    return [(s.step.rhs.text.strip(), s.verdict.status.value) for s in res.steps]


# --- superscripts 0, 1, ... as the components of a four-vector ---------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    # a Minkowski square written out: its truth is the signature's, which only the prose gives
    (r"k \cdot k", r"(k^0)^2 - (k^1)^2 - (k^2)^2 - (k^3)^2"),
    (r"q\cdot q", r"(q^0)^2 - (q^1)^2"),
    (r"w \cdot w", r"(w^0)^2 - w^1 w^1"),
])
def test_four_vector_beside_its_components_is_not_refuted(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED
    assert "components of a four-vector" in verdict.reason


@pytest.mark.parametrize("lhs, rhs", [
    # a boost of two four-vectors keeps their product: true only with the superscripts as components
    (r"\gamma^2(k^0 - \beta k^1)(q^0 - \beta q^1) - \gamma^2(k^1 - \beta k^0)(q^1 - \beta q^0)",
     r"\gamma^2(1-\beta^2)(k^0q^0 - k^1q^1)"),
    (r"(k^0 + q^0)^2 - (k^1 + q^1)^2 - (k^0 - q^0)^2 + (k^1 - q^1)^2", r"4k^0q^0 - 4k^1q^1"),
])
def test_components_read_as_components_verify(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    # slips that fail with the superscripts as powers and as components alike
    (r"\gamma^2(k^0 - \beta k^1)(q^0 - \beta q^1) - \gamma^2(k^1 - \beta k^0)(q^1 - \beta q^0)",
     r"\gamma^2(1+\beta^2)(k^0q^0 - k^1q^1)"),
    (r"(k^0 + q^0)^2 - (k^1 + q^1)^2 - (k^0 - q^0)^2 + (k^1 - q^1)^2", r"2k^0q^0 - 4k^1q^1"),
])
def test_component_slips_are_still_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


def test_a_power_zero_without_a_first_component_is_a_power():
    # x^0 alone is the power it reads as: no component reading is asked for
    assert check_step("y^0 + y^2", "1 + 2y^2", "=").status is Status.REFUTED


# --- e that may be an eccentricity -------------------------------------------------------------------

@pytest.mark.parametrize("lhs, rhs", [
    # true for 0 <= e < 1 (an orbit's eccentricity), false for Euler's number: a domain question
    (r"\sqrt{\frac{(1+e)^2}{(1-e)^2}}", r"\frac{1+e}{1-e}"),
    (r"\sqrt{(1-e)^2}", "1-e"),
    (r"\left|\frac{1-e}{1+e}\right|", r"\frac{1-e}{1+e}"),
])
def test_step_true_for_an_eccentricity_is_not_refuted(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.UNVERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sqrt{(1-e)^2}", "1+e"),            # wrong for every e
    (r"\frac{2}{1+e} - 1", r"\frac{1+e}{1+e}"),
])
def test_slips_with_e_are_still_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


# --- definitions written with the document's macros ---------------------------------------------------

def test_letters_seen_through_macros():
    macros = {"\\bt": Macro("\\bt", 0, "\\beta"), "\\half": Macro("\\half", 0, "\\frac12")}
    assert not has_letters(r"\frac{1}{\sqrt{1-\bt^2}}")
    assert has_letters(r"\frac{1}{\sqrt{1-\bt^2}}", macros)
    assert not has_letters(r"3\half", macros)
    item = ContextItem("define", "\\gamma", "\\gm", "=", r"\frac{1}{\sqrt{1-\bt^2}}", "t.tex:3", 3, lettered=True)
    assert with_letters(item)
    assert not with_letters(ContextItem("define", "x", "x", "=", "2", "t.tex:3", 3))


MACRO_PREAMBLE = r"""\newcommand{\gm}{\gamma}
\newcommand{\bt}{\beta}
Let
\begin{equation}
\gm = \frac{1}{\sqrt{1-\bt^2}}.
\end{equation}
"""


@pytest.mark.parametrize("lhs, rhs, status", [
    (r"\gm^2 (1-\bt^2)(w^2 - z^2)", "w^2 - z^2", "verified"),     # gamma and beta gone: put back in
    (r"\gm z (1 - \bt^2)", r"\frac{z}{\gm}", "verified"),
    (r"\gm^2 - \gm^2\bt^2", "1", "verified"),                        # a side without letters
    (r"\gamma^2\beta^2", r"\gamma^2 - 1", "verified"),                # the name, as the macro writes it
    (r"\gm z (1 - \bt^2)", r"\frac{z}{2\gm}", "unverified"),          # verify-only: never refuted by it
    (r"\gm^2 - \gm^2\bt^2", "2", "unverified"),
])
def test_definition_through_macros_verifies(lhs, rhs, status):
    body = MACRO_PREAMBLE + f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}"
    assert _statuses(body)[-1] == (rhs, status)



SOFTMAX_JACOBIAN = (r"\frac{\exp(u_a)\delta_{ab}}{\sum_{c=1}^{m} \exp(u_c)} - \frac{\exp(u_a)\exp(u_b)}"
                    r"{\left[\sum_{c=1}^{m} \exp(u_c)\right]^2}")


@pytest.mark.parametrize("rhs, kind", [
    (r"-\sigma(u)_a\delta_{ab} - \sigma(u)_a\sigma(u)_b", "sign_flip"),
    (r"2\sigma(u)_a\delta_{ab} - \sigma(u)_a\sigma(u)_b", "constant_factor"),
])
def test_a_reading_that_holds_somewhere_other_than_e_as_a_letter_does_not_stop_a_repair(rhs, kind) -> None:
    # no reading of e is involved: another reading that holds at some points (a sign of the slip as
    # often as not) leaves the default reading's refutation and its repair standing
    verdict = check_step(SOFTMAX_JACOBIAN, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind
