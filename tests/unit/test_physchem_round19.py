"""Red team of round 19 on physical chemistry notes (kinetics, equilibria, electrochemistry):
correct steps that were refuted (\\log with its 2.303 as base 10, \\ln k_1/k_2 as the log of the
ratio), one wrong step verified by a prose condition ("at equilibrium $Q = K$"), and notation left
unread (k[A]_0, \\Delta H^\\ddagger, E^\\ominus), with slips beside them that must stay refuted."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.config import Config
from lintmath.extract import extract_text
from lintmath.pipeline import check_documents

V, R, U = "verified", "refuted", "unverified"


def status(lhs: str, rhs: str) -> str:
    return check_step(lhs, rhs, "=").status.value


# 2.303 is ln 10 rounded: beside it \log is the common logarithm, as in chemistry's Nernst equation
@pytest.mark.parametrize("lhs, rhs", [
    (r"-RT\ln K_{eq}", r"-2.303RT\log K_{eq}"),
    (r"E^\circ - \frac{RT}{nF}\ln Q", r"E^\circ - \frac{2.303RT}{nF}\log Q"),
    (r"\ln c", r"2.30\log c"),
])
def test_ln_ten_factor_reads_log_in_base_ten(lhs, rhs):
    assert status(lhs, rhs) == U


@pytest.mark.parametrize("lhs, rhs", [
    (r"\ln c", r"2.403\log c"),  # not ln 10
    (r"-RT\ln K_{eq}", r"2.303RT\log K_{eq}"),  # a sign, wrong in either base
])
def test_ln_ten_factor_slips_stay_refuted(lhs, rhs):
    assert status(lhs, rhs) == R


def test_ln_ten_factor_with_log10_still_verifies():
    assert status(r"\ln c", r"2.303\log_{10} c") == V


# \ln k_1/k_2: the log of the ratio as often as the log divided
@pytest.mark.parametrize("lhs, rhs", [
    (r"\ln r_2/r_1", r"\ln r_2 - \ln r_1"),
    (r"\ln [B]_0/[B]", r"\ln [B]_0 - \ln [B]"),
])
def test_slash_after_log_may_divide_its_argument(lhs, rhs):
    assert status(lhs, rhs) == U


def test_slash_after_log_slips_stay_refuted():
    assert status(r"\ln r_2/r_1", r"2\ln r_2 - \ln r_1") == R
    assert status(r"\ln 2/\lambda", r"\frac{0.793}{\lambda}") == R


def test_slash_after_log_default_reading_verifies():
    assert status(r"\ln 2/\lambda", r"\frac{0.693}{\lambda}") == V


# k[A]_0: a rate constant times the initial concentration, also squared
@pytest.mark.parametrize("lhs, rhs, expected", [
    (r"\frac{d}{dt}\left([B]_0 e^{-\kappa t}\right)", r"-\kappa[B]_0 e^{-\kappa t}", V),
    (r"\frac{d}{dt}\left([B]_0 e^{-\kappa t}\right)", r"\kappa[B]_0 e^{-\kappa t}", R),
    (r"\frac{1}{[B]_0} + \kappa s", r"\frac{1 + \kappa s[B]_0}{[B]_0}", V),
    (r"\frac{d}{ds}\frac{[B]_0}{1 + \kappa[B]_0 s}", r"-\frac{\kappa[B]_0^2}{(1 + \kappa[B]_0 s)^2}", V),
    (r"\frac{d}{ds}\frac{[B]_0}{1 + \kappa[B]_0 s}", r"-\frac{\kappa[B]_0^3}{(1 + \kappa[B]_0 s)^2}", R),
    (r"\frac{1}{\kappa([B]_0/2)}", r"\frac{2}{\kappa[B]_0}", V),
])
def test_rate_constant_times_initial_concentration(lhs, rhs, expected):
    assert status(lhs, rhs) == expected


# \ddagger (transition state) and \ominus (standard state) are labels, as \circ is
def test_transition_and_standard_state_labels():
    assert status(r"RT^2\left(\frac{1}{T} + \frac{\Delta H^\ddagger}{RT^2}\right)", r"RT + \Delta H^\ddagger") == V
    assert status(r"RT^2\left(\frac{1}{T} + \frac{\Delta H^\ddagger}{RT^2}\right)", r"RT - \Delta H^\ddagger") == R
    assert status(r"-nFE^\ominus + nFE^\ominus", r"0") == V


def _statuses(body: str) -> list[str]:
    doc = "\\documentclass{article}\n\\begin{document}\n" + body + "\n\\end{document}\n"
    result = check_documents([extract_text(doc, "t.tex")], ["t.tex"], Config(jobs=0, budget=4.0, seed=0))[0]
    return [s.verdict.status.value for s in result.steps]


# "at equilibrium $Q = K$" is a condition of one case: a general step that holds only there is not verified
def test_prose_condition_between_letters_does_not_verify():
    body = (
        "When the reaction is at equilibrium we have $Q = K$.\n"
        "\\begin{align*}\nG_r &= RT\\ln Q - RT\\ln K \\\\\n&= RT\\ln\\frac{K}{Q}\n\\end{align*}\n"
    )
    assert _statuses(body)[-1] == U


def test_prose_condition_beside_a_displayed_definition_does_not_verify():
    body = (
        "\\begin{equation*}\nK = e^{-(G_0/(RT))}\n\\end{equation*}\n"
        "When the reaction is at equilibrium we have $Q = K$.\n"
        "\\begin{align*}\nG_r &= RT\\ln Q - RT\\ln K \\\\\n&= RT\\ln\\frac{K}{Q}\n\\end{align*}\n"
    )
    assert _statuses(body)[-1] == U


def test_correct_step_beside_the_prose_condition_still_verifies():
    body = (
        "When the reaction is at equilibrium we have $Q = K$.\n"
        "\\begin{align*}\nG_r &= RT\\ln Q - RT\\ln K \\\\\n&= RT\\ln\\frac{Q}{K}\n\\end{align*}\n"
    )
    assert _statuses(body)[-1] == V
