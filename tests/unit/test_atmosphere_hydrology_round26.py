"""Red team of atmospheric science and hydrology notes (round 26): units typed through a preamble macro
(``\\newcommand{\\unit}[1]{\\,\\mathrm{#1}}``, ``\\unit{kg\\,m^{-3}}``) keep the space command between their
words, so kilograms per cubic metre are no "kgm"; the weather map's hectopascal and millibar and the
hectare convert; a reference value written with subscript 0 (T_0 in the integrated Clausius-Clapeyron
law, z_0 in the log wind profile) is a constant of a derivative by the bare letter; and a slip beside
the document's own letter e (the vapour pressure) is refuted when it fails with e as a free letter as
well as with Euler's number."""
from __future__ import annotations

import pytest

from documents import checked_steps

from lintmath.check import check_step
from lintmath.model import Status

UNIT_MACROS = ("\\newcommand{\\unit}[1]{\\,\\mathrm{#1}}\n\\newcommand{\\flux}{\\,\\mathrm{W\\,m^{-2}}}\n"
               "\\newcommand{\\rate}{\\,\\mathrm{mm\\,h^{-1}}}\n")


def _statuses(body: str) -> list[str]:
    return [s.verdict.status.value for s in checked_steps(body)]


def _aligned(lhs: str, rhs: str) -> str:
    return f"\\begin{{align*}}\n{lhs} &= {rhs}\n\\end{{align*}}\n"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{90000}{287 \times 270}\unit{kg\,m^{-3}}", r"\frac{90000}{77490}\unit{kg\,m^{-3}}"),
    (r"\frac{90000}{77490}\unit{kg\,m^{-3}}", r"1.1614\unit{kg\,m^{-3}}"),
    (r"1.1614\unit{kg\,m^{-3}}", r"1.1614\times10^{-3}\unit{g\,cm^{-3}}"),
    (r"\frac{3 \times 240}{255}\flux\,\mathrm{K^{-1}}", r"2.824\flux\,\mathrm{K^{-1}}"),
    (r"2\rate \times 3\ \mathrm{km^2}", r"\frac{2\times10^{-3}\ \mathrm{m}}{3600\ \mathrm{s}} \times 3\times10^{6}\ \mathrm{m^2}"),
])
def test_units_typed_through_a_macro_are_read_word_by_word(lhs: str, rhs: str) -> None:
    assert _statuses(UNIT_MACROS + _aligned(lhs, rhs)) == ["verified"]


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{90000}{77490}\unit{kg\,m^{-3}}", r"1.1614\unit{g\,cm^{-3}}"),  # the factor 1000 forgotten
    (r"2\rate \times 5\ \mathrm{km^2}", r"\frac{2\times10^{-3}\ \mathrm{m}}{3600\ \mathrm{s}} \times 3\times10^{6}\ \mathrm{m^2}"),
])
def test_a_wrong_conversion_through_a_macro_is_never_verified(lhs: str, rhs: str) -> None:
    assert _statuses(UNIT_MACROS + _aligned(lhs, rhs)) != ["verified"]


def test_letters_of_one_macro_still_make_one_word() -> None:
    # \kv for \text{KV}: no kelvin-volt, as before
    body = "\\newcommand{\\kv}{\\text{KV}}\n" + _aligned(r"3\kv", r"\kv + 2\kv")
    assert _statuses(body) != ["refuted"]


@pytest.mark.parametrize("lhs, rhs", [
    (r"850\ \mathrm{hPa}", r"8.5\times10^{4}\ \mathrm{Pa}"),
    (r"1\,\mathrm{hPa}", r"1\,\mathrm{mb}"),
    (r"996\ \mathrm{mbar}", r"99.6\ \mathrm{kPa}"),
    (r"2\ \mathrm{atm}", r"2026.5\ \mathrm{hPa}"),
    (r"1020\ \mathrm{hPa} - 985\ \mathrm{hPa}", r"35\ \mathrm{hPa}"),
    (r"\frac{40\ \mathrm{ha}}{8}", r"5\times10^{4}\ \mathrm{m^2}"),
    (r"\frac{6\ \mathrm{hPa}}{1.25\ \mathrm{kg\,m^{-3}} \times 10^{-4}\ \mathrm{s^{-1}} \times 500\ \mathrm{km}}",
     r"9.6\ \mathrm{m\,s^{-1}}"),
])
def test_meteorological_pressures_and_hectares_convert(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"850\ \mathrm{hPa}", r"8.5\times10^{3}\ \mathrm{Pa}"),  # a power of ten lost
    (r"1\,\mathrm{hPa}", r"10\,\mathrm{Pa}"),
])
def test_a_wrong_pressure_conversion_is_not_verified(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is not Status.VERIFIED


def test_a_slip_between_pressures_in_hectopascals_is_refuted() -> None:
    assert check_step(r"1020\ \mathrm{hPa} - 985\ \mathrm{hPa}", r"45\ \mathrm{hPa}", "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\mathrm{d}}{\mathrm{d}T}\left(\frac{1}{T_0} - \frac{1}{T}\right)", r"\frac{1}{T^2}"),
    (r"\frac{\mathrm{d}}{\mathrm{d}T}\, A\exp\left[b\left(\frac{1}{T_0} - \frac{1}{T}\right)\right]",
     r"\frac{Ab}{T^2}\exp\left[b\left(\frac{1}{T_0} - \frac{1}{T}\right)\right]"),
    (r"\frac{\partial}{\partial z}\left(\frac{c}{\kappa}\ln\frac{z}{z_0}\right)", r"\frac{c}{\kappa z}"),
    (r"\frac{\mathrm{d}}{\mathrm{d}h}\,\frac{(h - h_0)^3}{3}", r"(h - h_0)^2"),
])
def test_a_reference_value_with_subscript_zero_is_a_constant_of_the_derivative(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\mathrm{d}}{\mathrm{d}T}\left(\frac{1}{T_0} - \frac{1}{T}\right)", r"\frac{1}{T^2} - \frac{1}{T_0^2}"),
    (r"\frac{\partial}{\partial z}\left(\frac{c}{\kappa}\ln\frac{z}{z_0}\right)", r"\frac{c z_0}{\kappa z}"),
])
def test_a_slip_beside_a_reference_value_is_refuted(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\partial}{\partial x}\left(x_0 x + x_1 x^2\right)", r"x_0 + 2x_1 x"),  # entries of x, not references
    (r"\frac{\mathrm{d}}{\mathrm{d}y}\sum_k y_k^2", r"2y"),
])
def test_other_entries_beside_the_letter_stay_undecided(lhs: str, rhs: str) -> None:
    assert check_step(lhs, rhs, "=").status is Status.UNVERIFIED


VAPOUR = "Let $e$ denote the partial pressure of water vapour and $p$ the total pressure.\n"


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{0.62 e}{p - e + 0.62 e}", r"\frac{0.62 e}{p + e - 0.62 e}"),  # two signs swapped
    (r"\frac{p}{T}\left[1 - \frac{e}{p} + \frac{0.62 e}{p}\right]", r"\frac{p}{T}\left[1 - \frac{e}{p}(1.62)\right]"),
    (r"\frac{e}{p - e}", r"\frac{e}{p}"),  # the vapour's own pressure dropped
])
def test_a_slip_with_the_vapour_pressure_letter_is_refuted(lhs: str, rhs: str) -> None:
    assert _statuses(VAPOUR + _aligned(lhs, rhs)) == ["refuted"]


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{0.62 e/(p - e)}{(p - 0.38 e)/(p - e)}", r"\frac{0.62 e}{p - 0.38 e}"),
    (r"(p - e)e^{-z/H}", r"pe^{-z/H} - e\,e^{-z/H}"),
])
def test_correct_steps_with_the_vapour_pressure_letter_are_verified(lhs: str, rhs: str) -> None:
    assert _statuses(VAPOUR + _aligned(lhs, rhs)) == ["verified"]


@pytest.mark.parametrize("lhs, rhs", [
    (r"e^{2}", r"7.39"),          # Euler's e squared, or the vapour pressure's square: which, the prose says
    (r"e\, e^{z}", r"e^{z + 1}"),  # holds with Euler's number throughout
    (r"\ln e", r"1"),
])
def test_a_step_that_holds_in_one_reading_of_e_is_never_an_error(lhs: str, rhs: str) -> None:
    assert _statuses(VAPOUR + _aligned(lhs, rhs)) != ["refuted"]


def test_a_macro_that_writes_e_keeps_the_step_undecided() -> None:
    body = "\\newcommand{\\ev}{e}\n" + VAPOUR + _aligned(r"\frac{\ev}{p - \ev}", r"\frac{\ev}{p}")
    assert _statuses(body) != ["refuted"]
