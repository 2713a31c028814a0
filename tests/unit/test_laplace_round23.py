"""Laplace transforms of functions written out, read as their one-sided integral (lintmath/transforms.py)."""
import pytest

from lintmath.check import check_step
from lintmath.model import Status


@pytest.mark.parametrize("lhs, rhs", [
    (r"\mathcal{L}\{1\}", r"\frac{1}{s}"),
    (r"\mathcal{L}\{t^2\}", r"\frac{2}{s^3}"),
    (r"\mathcal{L}\{e^{-3t}\}", r"\frac{1}{s+3}"),
    (r"\mathcal{L}\left\{t\,e^{-t}\right\}", r"\frac{1}{(s+1)^2}"),
    (r"\mathcal{L}\{e^{-2t}\cos 3t\}", r"\frac{s+2}{(s+2)^2+9}"),
    (r"\mathcal{L}\{\sin(\omega t)\}", r"\frac{\omega}{s^2+\omega^2}"),
    (r"\mathcal{L}\{\sin t\} + 2\,\mathcal{L}\{\cos t\}", r"\frac{1+2s}{s^2+1}"),
    # the point written after the transform, and a function of another single letter
    (r"\mathcal{L}\{4 - 2\tau\}(p)", r"\frac{4}{p} - \frac{2}{p^2}"),
    (r"\mathcal{L}\{e^{at}\}(s)", r"\int_0^\infty e^{at}e^{-st}\,dt"),
])
def test_transforms_of_written_functions_verify(lhs, rhs):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.VERIFIED, verdict.reason


@pytest.mark.parametrize("lhs, rhs, kind, suggestion", [
    (r"\mathcal{L}\{t^2\}", r"\frac{1}{s^3}", "arithmetic", r"\frac{2}{s^3}"),
    (r"\mathcal{L}\{e^{-2t}\}", r"\frac{1}{s-2}", "sign_flip", r"\frac{1}{s+2}"),
])
def test_wrong_transforms_are_refuted_and_explained(lhs, rhs, kind, suggestion):
    verdict = check_step(lhs, rhs, "=")
    assert verdict.status is Status.REFUTED
    assert verdict.diagnosis is not None and verdict.diagnosis.kind == kind
    assert verdict.diagnosis.suggestion == suggestion


@pytest.mark.parametrize("lhs, rhs", [
    # rests on what f is
    (r"\mathcal{L}\{f'(t)\}", r"sF(s) - f(0)"),
    # |t| and step functions: the two-sided transform of some signals courses may be meant
    (r"\mathcal{L}\{e^{-|t|}\}", r"\frac{2}{1-s^2}"),
    (r"\mathcal{L}\{u(t-2)\}", r"\frac{e^{-2s}}{s}"),
    # a function of two letters, neither of them t: which one is time is not written
    (r"\mathcal{L}\{e^{-ax}\}", r"\frac{1}{s+a}"),
    (r"\mathcal{L}\{a\}", r"\frac{a}{s}"),
])
def test_transforms_left_unread_are_never_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is not Status.REFUTED


def test_a_calligraphic_L_that_is_no_transform_is_left_alone():
    # a loss or a Lagrangian written with round brackets
    verdict = check_step(r"\mathcal{L}(\theta + 1)", r"\mathcal{L}(1 + \theta)", "=")
    assert verdict.status is Status.VERIFIED
    assert check_step(r"\mathcal{L}(2\theta)", r"2\mathcal{L}(\theta)", "=").status is not Status.REFUTED
