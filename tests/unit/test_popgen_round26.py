"""Population genetics notes: marginal fitnesses of alleles defined inline from genotype fitnesses
(w_A from w_{AA} and w_{Aa}), allele frequencies from haplotype frequencies (p_A from p_{AB}), a
subscript pair of capitals read as a label, not as a scaled random variable, and the standing
convention "with $p + q = 1$" of allele frequencies."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.parse.parser import parse_math
from lintmath.refusals import variable_subscript


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def _align(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


FITNESS = ("The genotypes $BB$, $Bb$, $bb$ have viabilities $v_{BB}$, $v_{Bb}$, $v_{bb}$, and the mean viability is\n"
           "\\[ \\bar v = x^2 v_{BB} + 2xy v_{Bb} + y^2 v_{bb} . \\]\n"
           "Define the marginal viabilities $v_B = x v_{BB} + y v_{Bb}$ and $v_b = x v_{Bb} + y v_{bb}$.\n")


def test_marginal_fitnesses_defined_inline_are_values_not_recurrences() -> None:
    # v_B from v_{BB} and v_{Bb}: the head's letter in its value only with two subscripts, another family
    statuses = _statuses(FITNESS + _align(
        "\\frac{x(v_B - \\bar v)}{\\bar v} &= \\frac{x(v_B - x v_B - y v_b)}{\\bar v}",
        "x v_B + y v_b &= x^2 v_{BB} + xy v_{Bb} + xy v_{Bb} + y^2 v_{bb}"))
    assert statuses["\\frac{x(v_B - \\bar v)}{\\bar v} = \\frac{x(v_B - x v_B - y v_b)}{\\bar v}"] == "verified"
    assert statuses["x v_B + y v_b = x^2 v_{BB} + xy v_{Bb} + xy v_{Bb} + y^2 v_{bb}"] == "verified"


@pytest.mark.parametrize("rhs", [
    "x^2 v_{BB} + xy v_{Bb} + y^2 v_{bb}",       # a heterozygote term dropped
    "x^2 v_{BB} + xy v_{Bb} + xy v_{bb} + y^2 v_{bb}",  # the wrong genotype
])
def test_a_slip_against_the_marginal_fitnesses_is_refuted(rhs: str) -> None:
    # (the genotype subscripts are labels: no reading of v_{Bb} as a parameter of a scaled variable b)
    statuses = _statuses(FITNESS + _align(f"x v_B + y v_b &= {rhs}"))
    assert statuses[f"x v_B + y v_b = {rhs}"] == "refuted"


def test_allele_frequency_from_haplotype_frequencies_is_a_value() -> None:
    body = ("The allele frequencies are the margins, $f_C = f_{CD} + f_{Cd}$ and $f_D = f_{CD} + f_{cD}$.\n"
            + _align("f_C f_D &= (f_{CD} + f_{Cd})(f_{CD} + f_{cD})",
                     "f_C f_D &= (f_{CD} + f_{Cd})(f_{CD} + f_{cD}) + f_{Cd}"))
    statuses = _statuses(body)
    assert statuses["f_C f_D = (f_{CD} + f_{Cd})(f_{CD} + f_{cD})"] == "verified"
    # (a value stated inline verifies; since round 28 it also refutes the wrong product, whose added
    # term f_{Cd} one small edit removes)
    assert statuses["f_C f_D = (f_{CD} + f_{Cd})(f_{CD} + f_{cD}) + f_{Cd}"] == "refuted"


def test_a_rule_over_index_letters_from_another_family_stays_a_relation() -> None:
    # y_{ij} = y_i y_j + c names no member: as a rule it would give every pair the same c (the coupling
    # of one haplotype given to all four), so it verifies nothing
    body = "Here $y_{ij} = y_i y_j + c$ for the pairs.\n" + _align("y_{kl} - y_k y_l &= c")
    assert _statuses(body)["y_{kl} - y_k y_l = c"] == "unverified"


@pytest.mark.parametrize("prose", [
    "Zygotes are in Hardy--Weinberg proportions, with allele frequencies $u + z = 1$.",
    "Let $u + z = 1$ be the frequencies of the two alleles.",
])
def test_a_sum_to_one_stated_inline_holds_past_the_next_paragraphs(prose: str) -> None:
    filler = "".join(f"\\[ m_{{{k}}} = {k} \\]\n" for k in range(30))  # other displays in between
    body = prose + "\n" + filler + _align("u^2 + 2uz + z^2 - 2uzhs - z^2 s &= 1 - 2uzhs - z^2 s",
                                            "(u+z)^2 - u^2 s &= 1 - u^2 s",
                                            "(u+z)^2 - u^2 s &= 1 - u^2 s + uz")
    statuses = _statuses(body)
    assert statuses["u^2 + 2uz + z^2 - 2uzhs - z^2 s = 1 - 2uzhs - z^2 s"] == "verified"
    assert statuses["(u+z)^2 - u^2 s = 1 - u^2 s"] == "verified"
    assert statuses["(u+z)^2 - u^2 s = 1 - u^2 s + uz"] == "refuted"  # an extra term is still caught


@pytest.mark.parametrize("prose", [
    "with $2u + z = 1$",       # a coefficient: a constraint, not a pair of frequencies
    "with $u + z_1 = 1$",      # an indexed letter
    "with $u + z = 2$",        # not a sum to one
    "with $u - z = 1$",
])
def test_other_inline_relations_give_no_value(prose: str) -> None:
    filler = "".join(f"\\[ m_{{{k}}} = {k} \\]\n" for k in range(30))
    body = prose + "\n" + filler + _align("(u+z)^2 - u^2 s &= 1 - u^2 s")
    assert _statuses(body)["(u+z)^2 - u^2 s = 1 - u^2 s"] != "verified"


@pytest.mark.parametrize("lhs, rhs", [
    ("v_B", "x v_{BB} + y v_{Bb}"),   # genotype labels beside the allele's
    ("f_C", "f_{CD} + f_{Cd}"),       # haplotype labels
])
def test_a_pair_of_capitals_in_a_subscript_is_no_scaled_random_variable(lhs: str, rhs: str) -> None:
    nodes = [x for text in (lhs, rhs) for x in parse_math(text, {}).walk()]
    assert not variable_subscript(nodes)


@pytest.mark.parametrize("lhs, rhs", [("\\sigma_{cW}", "|c|\\sigma_W"), ("\\mu_{2W}", "2\\mu_W")])
def test_a_scaled_random_variable_in_a_subscript_is_still_one(lhs: str, rhs: str) -> None:
    nodes = [x for text in (lhs, rhs) for x in parse_math(text, {}).walk()]
    assert variable_subscript(nodes)
