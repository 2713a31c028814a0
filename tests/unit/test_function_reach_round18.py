"""``\\log r(y)`` beside ``r(y)`` elsewhere in the step: read as written, the log ends at r and y
multiplies it; the author means the log of r(y). A step that holds with the log reaching over the
bracket is not refuted."""
from __future__ import annotations

from lintmath.check import check_step


def test_a_log_of_an_application_of_an_unnamed_function_is_no_error() -> None:
    verdict = check_step(r"\sum_y r(y)\log\frac{r(y)}{s(y)}",
                         r"\sum_y r(y)\log r(y) - \sum_y r(y)\log s(y)", "=")
    assert verdict.status.value != "refuted"


def test_a_sign_slip_beside_it_is_still_refuted() -> None:
    verdict = check_step(r"r(y)\log\frac{r(y)}{s(y)}", r"r(y)\log r(y) + r(y)\log s(y)", "=")
    assert verdict.status.value == "refuted"


def test_a_log_of_a_letter_before_a_sum_in_brackets_reads_as_written() -> None:
    assert check_step(r"\log x(1+x)", r"x\log x + \log x", "=").status.value == "verified"


def test_pi_before_a_bracketed_number_beside_pi_is_the_constant_times_it() -> None:
    assert check_step(r"\pi (3)^2", r"9\pi", "=").status.value == "verified"
    assert check_step(r"4\pi (5)^2 (2)", r"200\pi", "=").status.value == "verified"
    verdict = check_step(r"\pi (3)^2", r"6\pi", "=")
    assert verdict.status.value == "refuted"


def test_pi_applied_to_a_number_alone_may_be_a_prime_count() -> None:
    # \pi(10) = 4 counts primes; nothing else in the step says \pi is the constant
    assert check_step(r"\pi(10)", r"4", "=").status.value != "refuted"
