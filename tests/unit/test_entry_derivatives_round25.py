"""Derivatives by an entry of a vector (\\frac{\\partial}{\\partial w_j} of an expression in w^\\top x), and
the entries of samples (x_{ij} beside the sample vector x_i, x_j^{(i)} beside x^{(i)}), as machine-learning
notes write a gradient one coordinate at a time."""
from __future__ import annotations

import pytest

from lintmath.check import check_step
from lintmath.model import Status


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\partial}{\partial w_k} w^\top z", "z_k"),
    (r"\frac{\partial}{\partial w_k} (t - w^\top z)^2", r"-2(t - w^\top z)z_k"),
    (r"\frac{\partial}{\partial w_k} \frac{\lambda}{2}\|w\|^2", r"\lambda w_k"),
    (r"\frac{\partial}{\partial w_k} \log\sigma(w^\top z)", r"(1-\sigma(w^\top z))z_k"),
    (r"\frac{\partial}{\partial \beta_k} \sum_{n=1}^{N} (t_n - \beta^\top z_n)^2", r"-2\sum_{n=1}^{N}(t_n - \beta^\top z_n)z_{nk}"),
    (r"\frac{\partial}{\partial \beta_k} \sum_{n} (t_n - \beta^\top z_n)^2", r"-2\sum_{n}(t_n - \beta^\top z_n)z_{n,k}"),
    (r"\frac{\partial}{\partial \theta_k} \frac{1}{2N}\sum_{n=1}^N (\theta^T z^{(n)} - t^{(n)})^2",
     r"\frac{1}{N}\sum_{n=1}^N (\theta^T z^{(n)} - t^{(n)})z_k^{(n)}"),
    (r"\frac{\partial}{\partial w_k} \sum_{n=1}^N w^\top z_n", r"\sum_{n=1}^N z_{nk}"),
])
def test_derivatives_by_an_entry_verify(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\frac{\partial}{\partial w_k} (t - w^\top z)^2", r"2(t - w^\top z)z_k"),
    (r"\frac{\partial}{\partial w_k} \frac{\lambda}{2}\|w\|^2", r"2\lambda w_k"),
    (r"\frac{\partial}{\partial \theta_k} \frac{1}{2N}\sum_{n=1}^N (\theta^T z^{(n)} - t^{(n)})^2",
     r"\frac{1}{N}\sum_{n=1}^N (\theta^T z^{(n)} + t^{(n)})z_k^{(n)}"),
])
def test_slips_in_a_derivative_by_an_entry_are_refuted(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.REFUTED


@pytest.mark.parametrize("lhs, rhs", [
    (r"\sum_n (t_n - w^\top z_n)z_{nk}", r"\sum_n z_{nk}(t_n - w^\top z_n)"),
    (r"\sum_n z_{nk} w^\top z_n", r"\sum_n w^\top z_n z_{nk}"),
    (r"\langle \mathbf{v}_a, \mathbf{v}_b \rangle", r"\sum_{l=1}^{d} \mathbf{v}_{a,l}\mathbf{v}_{b,l}"),
])
def test_sample_entries_are_numbers(lhs, rhs):
    assert check_step(lhs, rhs, "=").status is Status.VERIFIED


def test_a_derivative_of_a_bare_name_by_an_entry_stays_opaque():
    assert check_step(r"\frac{\partial J}{\partial w_k}", r"\sum_n z_{nk}", "=").status is Status.UNVERIFIED


def test_entries_of_indexed_vectors_are_not_read_in_the_orthogonal_reading():
    # taken orthonormal, v_a and v_b would make both sides 0 and verify a factor slip
    lhs = r"\langle \mathbf{v}_a, \mathbf{v}_b \rangle"
    assert check_step(lhs, r"2\sum_{l=1}^{d} \mathbf{v}_{a,l}\mathbf{v}_{b,l}", "=").status is Status.REFUTED
    assert check_step(lhs, r"\sum_{l=1}^{k} \mathbf{v}_{a,l}\mathbf{v}_{b,l}", "=").status is Status.VERIFIED


SOFTMAX_RULE = (r"\frac{\frac{\partial}{\partial a_{q}}\left(\exp\left(a_{p}\right)\right)}{\sum_{c=1}^{K}\exp\left(a_{c}\right)}"
                r"-\frac{\exp\left(a_{p}\right)\frac{\partial}{\partial a_{q}}\left(\sum_{c=1}^{K}\exp\left(a_{c}\right)\right)}"
                r"{\left[\sum_{c=1}^{K}\exp\left(a_{c}\right)\right]^{2}}")


def test_a_derivative_by_an_entry_is_tried_at_equal_indices():
    # the slip changes only the term that is 0 unless p = q: indices drawn apart would miss it
    lhs = r"\frac{\partial\sigma(a)_{p}}{\partial a_{q}}"
    assert check_step(lhs, SOFTMAX_RULE, "=").status is Status.VERIFIED
    assert check_step(lhs, "-" + SOFTMAX_RULE, "=").status is Status.REFUTED
