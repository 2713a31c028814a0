"""Structures and continuum mechanics notes: beam formulas and worked numbers in kN, MPa and mm, and index
notation under a summation convention the prose announces once ("we use the summation convention"),
components written \\sigma_{11}, traces \\sigma_{kk} \\delta_{ii}, and rows that say "(no sum on i)"."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath import einstein_prose
from lintmath.check import check_step

CONVENTION = "We use the summation convention: a repeated index is summed over $1, 2, 3$.\n\n"


def _statuses(body: str) -> dict[str, str]:
    return {f"{s.step.lhs.stripped} = {s.step.rhs.stripped}": s.verdict.status.value for s in checked_steps(body)}


def _chain(*rows: str) -> str:
    return "\\begin{align*}\n" + " \\\\\n".join(rows) + "\n\\end{align*}\n"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sigma_{kk}", r"\sigma_{11} + \sigma_{22} + \sigma_{33}"),
    (r"\delta_{kk}", r"\delta_{11} + \delta_{22} + \delta_{33}"),
    (r"\tau_{ii} - \frac13\tau_{kk}\delta_{ii}", r"\tau_{ii} - \tau_{kk}"),
    (r"\frac{\partial}{\partial x_j}(x_i x_i)", r"2x_j"),
])
def test_a_convention_the_prose_announces_reads_the_steps_below(lhs: str, rhs: str) -> None:
    statuses = _statuses(CONVENTION + "For the trace,\n" + _chain(f"q &= {lhs}", f"&= {rhs}"))
    assert statuses[f"{lhs} = {rhs}"] == "verified"
    # without the sentence nothing in the step says that its repeated index is summed
    assert _statuses("For the trace,\n" + _chain(f"q &= {lhs}", f"&= {rhs}"))[f"{lhs} = {rhs}"] != "refuted"


def test_prose_that_waives_the_convention_announces_nothing() -> None:
    body = "Here we do not use the summation convention.\n\n" + _chain(r"q &= \sigma_{kk}",
                                                                       r"&= \sigma_{11} + \sigma_{22} + \sigma_{33}")
    assert _statuses(body)[r"\sigma_{kk} = \sigma_{11} + \sigma_{22} + \sigma_{33}"] == "unverified"
    assert einstein_prose.statements_of(["Einstein's summation convention is implied throughout."])
    assert not einstein_prose.statements_of(["The summation convention is not used in this section."])


def test_labels_of_materials_are_no_indices_of_the_convention() -> None:
    # A_s E_s: the steel's area and modulus, which no convention sums over s = 1, 2, 3
    body = CONVENTION + "For the composite bar,\n" + _chain(r"k &= A_s E_s + A_c E_c",
                                                            r"&= A_1 E_1 + A_2 E_2 + A_3 E_3 + A_c E_c")
    assert _statuses(body)[r"A_s E_s + A_c E_c = A_1 E_1 + A_2 E_2 + A_3 E_3 + A_c E_c"] != "verified"


def test_a_trace_written_on_two_symbols_of_one_product_is_no_reading() -> None:
    # k four times in one product: each trace summed apart, or all at once, is a guess
    body = CONVENTION + _chain(r"q &= \lambda\varepsilon_{kk}\delta_{kk} + 2\mu\varepsilon_{kk}",
                               r"&= (3\lambda + 2\mu)\varepsilon_{kk}")
    assert _statuses(body)[r"\lambda\varepsilon_{kk}\delta_{kk} + 2\mu\varepsilon_{kk} = "
                           r"(3\lambda + 2\mu)\varepsilon_{kk}"] == "unverified"


ONE_ENTRY = r"\lambda\delta_{ii} + 2\mu = \lambda + 2\mu"


@pytest.mark.parametrize("where", [
    "row",
    "sentence",
])
def test_no_sum_on_the_index_is_one_entry_not_a_slip(where: str) -> None:
    # the stiffness C_{iiii} (no sum): a delta written twice gives the convention away only where no
    # sentence or note beside it says otherwise
    note = r" && \text{(no sum on $i$)}" if where == "row" else ""
    after = "where there is no sum on $i$.\n" if where == "sentence" else ""
    body = CONVENTION + _chain(r"c &= \lambda\delta_{ii} + 2\mu", r"&= \lambda + 2\mu" + note) + after
    assert _statuses(body)[ONE_ENTRY] == "unverified"


def test_the_same_row_without_the_waiver_is_still_a_slip() -> None:
    body = CONVENTION + _chain(r"c &= \lambda\delta_{ii} + 2\mu", r"&= \lambda + 2\mu")
    assert _statuses(body)[ONE_ENTRY] == "refuted"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\epsilon_{ijk}\epsilon_{imn}", r"\delta_{jm}\delta_{kn} - \delta_{jn}\delta_{km}"),
    (r"\epsilon_{ijk}\epsilon_{ijn}", r"2\delta_{kn}"),
    (r"\epsilon_{ijk}\epsilon_{ijk}", r"6"),
    (r"\delta_{ij}\delta_{jk}", r"\delta_{ik}"),
    (r"\frac{P}{EI}\left(\frac{L^3}{2} - \frac{L^3}{6}\right)", r"\frac{PL^3}{3EI}"),
    (r"\frac{\pi^2 EI}{(0.5L)^2}", r"\frac{4\pi^2 EI}{L^2}"),
    (r"\int_{-h/2}^{h/2} b y^2\,dy", r"\frac{bh^3}{12}"),
    (r"\frac{T (d/2)}{\pi d^4/32}", r"\frac{16T}{\pi d^3}"),
    (r"\frac{E\nu}{(1+\nu)(1-2\nu)} + \frac{E}{3(1+\nu)}", r"\frac{E}{3(1-2\nu)}"),
    (r"\sqrt{\frac12\left[\tau^2 + \tau^2 + 4\tau^2\right]}", r"\sqrt{3}\tau"),
    (r"\frac{5 \times 10 \times 6000^4}{384 \times 200\,000 \times 300\times 10^6}", r"2.8125"),
])
def test_the_fields_identities_verify(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status.value == "verified"


@pytest.mark.parametrize("lhs, rhs, rule", [
    (r"\epsilon_{ijk}\epsilon_{imn}", r"\delta_{jm}\delta_{kn} + \delta_{jn}\delta_{km}", "sign_flip"),
    (r"\epsilon_{ijk}\epsilon_{ijn}", r"3\delta_{kn}", "arithmetic"),
    (r"\delta_{ij}\delta_{ij}", r"1", "arithmetic"),
    (r"\frac{P}{EI}\left(\frac{L^3}{2} - \frac{L^3}{6}\right)", r"\frac{PL^3}{6EI}", "arithmetic"),
    (r"\frac{\pi^2 EI}{(0.5L)^2}", r"\frac{2\pi^2 EI}{L^2}", "arithmetic"),
    (r"\int_{-h/2}^{h/2} b y^2\,dy", r"\frac{bh^3}{3}", "arithmetic"),
    (r"\frac{wL}{2}x - \frac{wx^2}{2}", r"\frac{wx}{2}(L + x)", "sign_flip"),
    (r"\frac{E\nu}{(1+\nu)(1-2\nu)} + \frac{E}{3(1+\nu)}", r"\frac{E}{3(1+2\nu)}", "sign_flip"),
    (r"\frac{50\times 10^3 \times 2000}{500 \times 200\times 10^3}", r"10", "arithmetic"),
    (r"\sqrt{\frac12\left[\tau^2 + \tau^2 + 4\tau^2\right]}", r"\sqrt{2}\tau", "arithmetic"),
])
def test_slips_of_the_field_stay_refuted_with_their_diagnosis(lhs: str, rhs: str, rule: str) -> None:
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status.value == "refuted"
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == rule
