"""Mathematical biology and epidemiology notes: a numbered name a display defines (R_0 = \\beta/\\gamma) rescues
the steps below it that write it; a parameter the worked example gives a number is a factor before a bracket,
not a function (\\gamma(R_0 - 1), R_0(1 - p)); a number a new sentence below a step gives a letter (the
worked example's q = 0.2) leaves the value with letters above it (q = 1 - p) in force for the step."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step


def _verdicts(body: str) -> dict[str, object]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict for s in checked_steps(body)}


def _chain(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


DISPLAYED_R0 = ("For the SIR model the basic reproduction number is the contact rate times the mean "
                "infectious period,\n" + _chain(r"R_0 &= \beta \cdot \frac{1}{\gamma}", r"&= \frac{\beta}{\gamma}")
                + "Dividing the two equations,\n")


def test_a_numbered_name_a_display_defines_rescues_a_step_below() -> None:
    body = DISPLAYED_R0 + _chain(r"\frac{dI}{dS} &= -1 + \frac{\gamma N}{\beta S}", r"&= -1 + \frac{N}{R_0 S}")
    assert _verdicts(body)[r"-1 + \frac{\gamma N}{\beta S} = -1 + \frac{N}{R_0 S}"].status.value == "verified"


@pytest.mark.parametrize("rhs", [r"-1 + \frac{R_0 N}{S}", r"1 + \frac{N}{R_0 S}"])
def test_a_slip_against_a_displayed_numbered_name_is_not_verified(rhs: str) -> None:
    # the displayed value only rescues: a wrong line is never verified by it
    body = DISPLAYED_R0 + _chain(r"\frac{dI}{dS} &= -1 + \frac{\gamma N}{\beta S}", f"&= {rhs}")
    assert _verdicts(body)[rf"-1 + \frac{{\gamma N}}{{\beta S}} = {rhs}"].status.value != "verified"


def test_a_displayed_numbered_name_before_a_bracket_is_a_factor() -> None:
    body = DISPLAYED_R0 + _chain(r"r &= \beta - \gamma", r"&= \gamma(R_0 - 1)")
    assert _verdicts(body)[r"\beta - \gamma = \gamma(R_0 - 1)"].status.value == "verified"


@pytest.mark.parametrize("prose, lhs, rhs", [
    (r"With $\gamma = 0.2$ per day and $R_0 = 2.5$ the doubling time is",
     r"\frac{\ln 2}{\gamma (R_0 - 1)}", r"\frac{\ln 2}{0.2 \cdot 1.5}"),
    (r"Take $R_0 = 3$ and a fraction $p = 0.5$ immune. Then", r"R_0 (1 - p)", r"3 \cdot 0.5"),
])
def test_a_parameter_given_a_number_is_no_function_before_a_bracket(prose: str, lhs: str, rhs: str) -> None:
    body = "We now work an example.\n\n" + prose + "\n" + _chain(f"X &= {lhs}", f"&= {rhs}")
    assert _verdicts(body)[f"{lhs} = {rhs}"].status.value == "verified"


@pytest.mark.parametrize("prose, lhs, rhs", [
    (r"With $\gamma = 0.2$ per day and $R_0 = 2.5$ the doubling time is",
     r"\frac{\ln 2}{\gamma (R_0 - 1)}", r"\frac{\ln 2}{0.2 \cdot 1.6}"),
    (r"Take $R_0 = 3$ and a fraction $p = 0.5$ immune. Then", r"R_0 (1 - p)", r"3 \cdot 0.6"),
])
def test_a_worked_example_with_the_wrong_numbers_is_not_verified(prose: str, lhs: str, rhs: str) -> None:
    body = "We now work an example.\n\n" + prose + "\n" + _chain(f"X &= {lhs}", f"&= {rhs}")
    assert _verdicts(body)[f"{lhs} = {rhs}"].status.value != "verified"


HARDY_WEINBERG = ("With allele frequencies $p$ and $q = 1 - p$, the frequency of $A$ after random mating is\n"
                  + _chain(r"p' &= p^2 + \frac{1}{2}(2pq)", r"&= p(p + q)", r"&= {last}") +
                  "If the recessive phenotype has frequency $q^2 = 0.04$ then $q = 0.2$, $p = 0.8$ and the "
                  "carrier frequency is\n" + _chain(r"2pq &= 2 \cdot 0.8 \cdot 0.2", r"&= 0.32"))


def test_a_worked_example_below_leaves_the_general_value_in_force() -> None:
    verdicts = _verdicts(HARDY_WEINBERG.replace("{last}", "p"))
    assert verdicts["p(p + q) = p"].status.value == "verified"
    assert verdicts[r"2pq = 2 \cdot 0.8 \cdot 0.2"].status.value == "verified"


def test_a_slip_above_a_worked_example_is_refuted_with_the_general_value() -> None:
    verdict = _verdicts(HARDY_WEINBERG.replace("{last}", "2p"))["p(p + q) = 2p"]
    assert verdict.status.value == "refuted"
    assert "q = 1 - p" in " ".join(verdict.guessed)


def test_a_letter_given_another_formula_below_is_still_no_claim() -> None:
    # a value with letters below the step may explain it: the step is left undecided, never refuted
    body = ("Let $u = x^2$.\n" + _chain(r"u + 1 &= x^3 + 1") + "Here $u = x^3$ instead.\n")
    assert _verdicts(body)["u + 1 = x^3 + 1"].status.value != "refuted"


@pytest.mark.parametrize("lhs, rhs, kind", [
    # the Jacobian determinant's sign, the logistic solution's exponent, the herd immunity threshold
    (r"\frac{\partial(f, g)}{\partial(x, y)}",
     r"\frac{\partial f}{\partial x}\frac{\partial g}{\partial y} + \frac{\partial f}{\partial y}\frac{\partial g}{\partial x}",
     "sign_flip"),
    (r"\frac{K}{1 + \frac{K - N_0}{N_0}e^{-rt}}", r"\frac{K N_0}{N_0 + (K - N_0)e^{rt}}", "reciprocal"),
    (r"1 - \frac{1}{R_0}", r"\frac{R_0 + 1}{R_0}", "sign_flip"),
    (r"\beta \cdot \frac{1}{\gamma}", r"\frac{\gamma}{\beta}", "reciprocal"),
    (r"\frac{K_M + S}{V_{\max} S}", r"\frac{K_M}{V_{\max}}\frac{1}{S} + \frac{1}{K_M}", None),
    (r"\begin{pmatrix} 0 & 1.5 & 1 \\ 0.5 & 0 & 0 \\ 0 & 0.4 & 0 \end{pmatrix}\begin{pmatrix} 10 \\ 10 \\ 10 \end{pmatrix}",
     r"\begin{pmatrix} 25 \\ 5 \\ 5 \end{pmatrix}", "arithmetic"),
    (r"\frac{\beta}{\gamma + \mu}\cdot\frac{\sigma}{\sigma + \mu}",
     r"\frac{\beta\sigma}{(\gamma + \mu)(\sigma - \mu)}", "sign_flip"),
    (r"\sum_{n=0}^{\infty} e^{-nk\tau}", r"\frac{1}{1 + e^{-k\tau}}", "sign_flip"),
])
def test_slips_of_the_field_stay_refuted(lhs: str, rhs: str, kind: str | None) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert (verdict.diagnosis.kind if verdict.diagnosis is not None else None) == kind


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\partial(f, g)}{\partial(x, y)}",
     r"\frac{\partial f}{\partial x}\frac{\partial g}{\partial y} - \frac{\partial f}{\partial y}\frac{\partial g}{\partial x}"),
    (r"\frac{K}{1 + \frac{K - N_0}{N_0}e^{-rt}}", r"\frac{K N_0 e^{rt}}{K + N_0(e^{rt} - 1)}"),
    (r"\frac{K}{N(K - N)}", r"\frac{1}{N} + \frac{1}{K - N}"),
    (r"\frac{(\operatorname{tr}J)^2 - ((\operatorname{tr}J)^2 - 4\det J)}{4}", r"\det J"),
    (r"\lim_{\mu \to 0} \frac{\beta\sigma}{(\gamma + \mu)(\sigma + \mu)}", r"\frac{\beta}{\gamma}"),
])
def test_correct_steps_of_the_field_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"
