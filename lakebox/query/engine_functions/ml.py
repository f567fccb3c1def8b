"""Trino's machine-learning functions (trino_ml.py): libsvm's training and prediction as
Trino's ml plugin runs them (libsvm 3.18's Java port), in plain Python.

Trino trains a C-SVC classifier or a nu-SVR regressor on the feature vectors scaled to [0, 1]
(each feature by the least and greatest value it had in the training rows; a feature that was
constant, or is unknown to the model, scales to 0), with its own defaults: a linear kernel,
C = 1, nu = 0.5, eps = 0.1, gamma = 0, shrinking. Here libsvm's solver is followed step by
step: the same working-set selection (ties included), the same updates, the kernel matrix
rounded to single precision as libsvm caches it, the same shrinking and the same order of the
classes (first seen first; -1 after +1 when those are the two). A model is lakebox's own bytes
(a JSON text of what libsvm's model file holds, every number exact), not Trino's.

Copyright of the algorithm followed here: (c) 2000-2014 Chih-Chung Chang and Chih-Jen Lin
(libsvm, BSD licence).
"""

from __future__ import annotations

import math
from typing import Any

_MAGIC = b"lakebox-ml-1\n"
_INF = math.inf
_INT_MIN, _INT_MAX = -(2**31), 2**31 - 1
_KERNELS = ("linear", "poly", "rbf", "sigmoid")


class MLError(ValueError):
    """A failure of one of the functions, with Trino's message where Trino has one."""


# -- Java's arithmetic ----------------------------------------------------------------------


def _java_int(x: float) -> int:
    """Java's (int) of a double: truncated, NaN 0, saturated at the int range."""
    if math.isnan(x):
        return 0
    if x >= _INT_MAX:
        return _INT_MAX
    if x <= _INT_MIN:
        return _INT_MIN
    return int(x)


def _wrap_int(k: int) -> int:
    """Java's (int) of a long: its low 32 bits, signed."""
    return ((k + 2**31) % 2**32) - 2**31


def _f32(x: float) -> float:
    """A double rounded to a float (libsvm's cache holds floats), back as a double."""
    import ctypes

    return float(ctypes.c_float(x).value)


def _jmin(a: float, b: float) -> float:
    """Java's Math.min: NaN if either is."""
    if math.isnan(a) or math.isnan(b):
        return math.nan
    return a if a <= b else b


def _jmax(a: float, b: float) -> float:
    if math.isnan(a) or math.isnan(b):
        return math.nan
    return a if a >= b else b


# -- parameters (Trino's LibSvmUtils.parseParameters) ---------------------------------------


def _java_trim(s: str) -> str:
    start, end = 0, len(s)
    while start < end and s[start] <= " ":
        start += 1
    while end > start and s[end - 1] <= " ":
        end -= 1
    return s[start:end]


def _java_double(text: str) -> float:
    """Java's Double.parseDouble: decimal or hexadecimal (an optional f/d suffix), NaN or
    Infinity, with Java's messages."""
    import re

    s = _java_trim(text)
    if not s:
        raise MLError("empty String")
    if re.fullmatch(r"[+-]?(NaN|Infinity)", s):
        return float(s.replace("Infinity", "inf"))
    body = s[:-1] if s[-1] in "fFdD" else s
    if re.fullmatch(r"[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?", body, re.ASCII):
        return float(body)
    if re.fullmatch(
        r"[+-]?0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)[pP][+-]?\d+", body, re.ASCII
    ):
        return float.fromhex(body)
    raise MLError(f'For input string: "{text}"')


def _java_int_text(text: str) -> int:
    import re

    if not re.fullmatch(r"[+-]?[0-9]+", text, re.ASCII):
        raise MLError(f'For input string: "{text}"')
    value = int(text)
    if not _INT_MIN <= value <= _INT_MAX:
        raise MLError(f'For input string: "{text}"')
    return value


def parse_parameters(text: str) -> dict[str, Any]:
    """Trino's defaults, then ``key=value`` pairs separated by commas (kernel, degree, gamma,
    coef0, C, nu, eps), with Trino's errors."""
    params: dict[str, Any] = {
        "kernel": "linear", "degree": 3, "gamma": 0.0, "coef0": 0.0, "nu": 0.5,
        "C": 1.0, "eps": 0.1,
    }  # fmt: skip
    for part in (p for p in text.split(",") if p):
        pair = part.split("=")
        while pair and pair[-1] == "":  # Java's split drops trailing empty strings
            pair.pop()
        if len(pair) != 2:
            raise MLError("Invalid hyperparameters string for libsvm")
        key, value = _java_trim(pair[0]), _java_trim(pair[1])
        if key == "kernel":
            if value.lower() not in _KERNELS:
                raise MLError(f"Unknown kernel type {value}")
            params["kernel"] = value.lower()
        elif key == "degree":
            params["degree"] = _java_int_text(value)
        elif key in ("gamma", "coef0", "C", "nu", "eps"):
            params[key] = _java_double(value)
        else:
            raise MLError(f"Unknown parameter {pair[0]}")
    return params


def _check_parameters(params: dict[str, Any], regressor: bool) -> None:
    """Values libsvm's own check (which Trino does not call) refuses: what libsvm does with
    them is no answer lakebox vouches for."""
    for key in ("gamma", "coef0", "C", "nu", "eps"):
        if not math.isfinite(params[key]):
            raise MLError(f"libsvm parameter {key}={params[key]} is not supported by lakebox")
    if params["C"] <= 0:
        raise MLError("libsvm parameter C <= 0 is not supported by lakebox")
    if params["eps"] <= 0:
        raise MLError("libsvm parameter eps <= 0 is not supported by lakebox")
    if params["gamma"] < 0:
        raise MLError("libsvm parameter gamma < 0 is not supported by lakebox")
    if params["kernel"] == "poly" and params["degree"] < 0:
        raise MLError("libsvm parameter degree < 0 is not supported by lakebox")
    if regressor and not 0 < params["nu"] <= 1:
        raise MLError("libsvm parameter nu <= 0 or nu > 1 is not supported by lakebox")


# -- feature vectors and Trino's scaling (FeatureUnitNormalizer) -----------------------------

Vector = list[tuple[int, float]]  # (index, value), by index


def _vector(entries: list[tuple[int, float | None]]) -> Vector:
    """A map(bigint, double) as Trino's FeatureVector: keys as Java ints, by key."""
    features: dict[int, float] = {}
    for key, value in entries:
        if value is None:
            raise MLError("a NULL feature value is not supported by lakebox")
        features[_wrap_int(key)] = float(value)
    return sorted(features.items())


def _train_scaling(vectors: list[Vector]) -> dict[int, tuple[float, float]]:
    mins: dict[int, float] = {}
    maxs: dict[int, float] = {}
    for vector in vectors:
        for key, value in vector:
            if value < mins.get(key, _INF):
                mins[key] = value
            if value > maxs.get(key, -_INF):
                maxs[key] = value
    return {k: (lo, maxs.get(k, -_INF)) for k, lo in mins.items() if lo != maxs.get(k, -_INF)}


def _scaled(vector: Vector, scaling: dict[int, tuple[float, float]]) -> Vector:
    out = []
    for key, value in vector:
        bounds = scaling.get(key)
        v = 0.0 if bounds is None else (value - bounds[0]) / (bounds[1] - bounds[0])
        if not math.isnan(v):
            v = min(1.0, max(0.0, v))
        out.append((key, v))
    return out


# -- kernels ----------------------------------------------------------------------------------


def _dot(x: Vector, y: Vector) -> float:
    total = 0.0
    i = j = 0
    while i < len(x) and j < len(y):
        if x[i][0] == y[j][0]:
            total += x[i][1] * y[j][1]
            i += 1
            j += 1
        elif x[i][0] > y[j][0]:
            j += 1
        else:
            i += 1
    return total


def _powi(base: float, times: int) -> float:
    tmp, ret = base, 1.0
    t = times
    while t > 0:
        if t % 2 == 1:
            ret *= tmp
        tmp = tmp * tmp
        t //= 2
    return ret


def _exp(x: float) -> float:
    try:
        return math.exp(x)
    except OverflowError:
        return _INF


def _k_function(x: Vector, y: Vector, model: dict[str, Any]) -> float:
    """libsvm's kernel of a new vector and a support vector (svm.k_function)."""
    kernel = model["kernel"]
    if kernel == "linear":
        return _dot(x, y)
    if kernel == "poly":
        return _powi(model["gamma"] * _dot(x, y) + model["coef0"], model["degree"])
    if kernel == "sigmoid":
        return math.tanh(model["gamma"] * _dot(x, y) + model["coef0"])
    total = 0.0
    i = j = 0
    while i < len(x) and j < len(y):
        if x[i][0] == y[j][0]:
            d = x[i][1] - y[j][1]
            total += d * d
            i += 1
            j += 1
        elif x[i][0] > y[j][0]:
            total += y[j][1] * y[j][1]
            j += 1
        else:
            total += x[i][1] * x[i][1]
            i += 1
    while i < len(x):
        total += x[i][1] * x[i][1]
        i += 1
    while j < len(y):
        total += y[j][1] * y[j][1]
        j += 1
    return _exp(-model["gamma"] * total)


class _Kernel:
    """The kernel matrix of the training vectors as libsvm's training computes it
    (Kernel.kernel_function), each entry rounded to a float as its cache holds it; columns
    are computed once and kept while they fit in libsvm's 100 MB."""

    def __init__(self, x: list[Vector], params: dict[str, Any]) -> None:
        self.x = x
        self.params = params
        self.kernel = params["kernel"]
        self.x_square = [_dot(v, v) for v in x] if self.kernel == "rbf" else []
        self.columns: dict[int, list[float]] = {}
        self.budget = max(1, (100 << 20) // (4 * max(1, len(x))))

    def value(self, i: int, j: int) -> float:
        p, x = self.params, self.x
        if self.kernel == "linear":
            return _dot(x[i], x[j])
        if self.kernel == "poly":
            return _powi(p["gamma"] * _dot(x[i], x[j]) + p["coef0"], p["degree"])
        if self.kernel == "rbf":
            sq = self.x_square
            return _exp(-p["gamma"] * (sq[i] + sq[j] - 2 * _dot(x[i], x[j])))
        return math.tanh(p["gamma"] * _dot(x[i], x[j]) + p["coef0"])

    def column(self, i: int) -> list[float]:
        col = self.columns.get(i)
        if col is None:
            col = [_f32(self.value(i, j)) for j in range(len(self.x))]
            if len(self.columns) >= self.budget:
                self.columns.pop(next(iter(self.columns)))
            self.columns[i] = col
        return col


class _Q:
    """libsvm's Q matrix over the solver's variables: variable a is the data row index[a]
    with sign sign[a] (SVC_Q: the rows and their labels; SVR_Q: each row twice, +1 then -1)."""

    def __init__(self, kernel: _Kernel, index: list[int], sign: list[int]) -> None:
        self.kernel = kernel
        self.index = index
        self.sign = sign
        self.qd = [kernel.value(r, r) for r in index]

    def row(self, a: int, perm: list[int], length: int) -> list[float]:
        col = self.kernel.column(self.index[a])
        sa, sign, index = self.sign[a], self.sign, self.index
        return [sa * sign[b] * col[index[b]] for b in perm[:length]]


# -- libsvm's solver (Solver and Solver_NU) -------------------------------------------------

_LOWER, _UPPER, _FREE = 0, 1, 2


class _Solver:
    def __init__(self, nu: bool) -> None:
        self.nu = nu
        self.r = 0.0

    def get_c(self, i: int) -> float:
        return self.cp if self.y[i] > 0 else self.cn

    def update_status(self, i: int) -> None:
        if self.alpha[i] >= self.get_c(i):
            self.status[i] = _UPPER
        elif self.alpha[i] <= 0:
            self.status[i] = _LOWER
        else:
            self.status[i] = _FREE

    def q(self, i: int, length: int) -> list[float]:
        return self.Q.row(self.perm[i], self.perm, length)

    def qd(self, i: int) -> float:
        return self.Q.qd[self.perm[i]]

    def swap(self, i: int, j: int) -> None:
        arrays: list[list[Any]] = [
            self.y, self.G, self.status, self.alpha, self.p, self.perm, self.G_bar,
        ]  # fmt: skip
        for arr in arrays:
            arr[i], arr[j] = arr[j], arr[i]

    def reconstruct_gradient(self) -> None:
        active, n = self.active_size, self.l
        if active == n:
            return
        G, G_bar, p, alpha, status = self.G, self.G_bar, self.p, self.alpha, self.status
        for j in range(active, n):
            G[j] = G_bar[j] + p[j]
        nr_free = sum(1 for j in range(active) if status[j] == _FREE)
        if nr_free * n > 2 * active * (n - active):
            for i in range(active, n):
                q_i = self.q(i, active)
                for j in range(active):
                    if status[j] == _FREE:
                        G[i] += alpha[j] * q_i[j]
        else:
            for i in range(active):
                if status[i] == _FREE:
                    q_i = self.q(i, n)
                    alpha_i = alpha[i]
                    for j in range(active, n):
                        G[j] += alpha_i * q_i[j]

    def solve(
        self,
        Q: _Q,
        p: list[float],
        y: list[int],
        alpha: list[float],
        cp: float,
        cn: float,
        eps: float,
    ) -> tuple[list[float], float]:
        n = len(p)
        self.l, self.Q, self.p, self.y = n, Q, list(p), list(y)
        self.alpha, self.cp, self.cn, self.eps = list(alpha), cp, cn, eps
        self.unshrink = False
        self.status = [0] * n
        for i in range(n):
            self.update_status(i)
        self.perm = list(range(n))
        self.active_size = n
        self.G = list(self.p)
        self.G_bar = [0.0] * n
        G, G_bar = self.G, self.G_bar
        for i in range(n):
            if self.status[i] != _LOWER:
                q_i = self.q(i, n)
                alpha_i = self.alpha[i]
                for j in range(n):
                    G[j] += alpha_i * q_i[j]
                if self.status[i] == _UPPER:
                    c_i = self.get_c(i)
                    for j in range(n):
                        G_bar[j] += c_i * q_i[j]

        iteration = 0
        max_iter = max(10000000, _INT_MAX if n > _INT_MAX // 100 else 100 * n)
        counter = min(n, 1000) + 1
        while iteration < max_iter:
            counter -= 1
            if counter == 0:
                counter = min(n, 1000)
                self.do_shrinking()
            pair = self.select_working_set()
            if pair is None:
                self.reconstruct_gradient()
                self.active_size = n
                pair = self.select_working_set()
                if pair is None:
                    break
                counter = 1
            i, j = pair
            iteration += 1
            self.step(i, j)
        if iteration >= max_iter and self.active_size < n:
            self.reconstruct_gradient()
            self.active_size = n
        rho = self.calculate_rho()
        out = [0.0] * n
        for i in range(n):
            out[self.perm[i]] = self.alpha[i]
        return out, rho

    def step(self, i: int, j: int) -> None:
        active, alpha, G, y = self.active_size, self.alpha, self.G, self.y
        q_i = self.q(i, active)
        q_j = self.q(j, active)
        c_i, c_j = self.get_c(i), self.get_c(j)
        old_i, old_j = alpha[i], alpha[j]
        if y[i] != y[j]:
            quad = self.qd(i) + self.qd(j) + 2 * q_i[j]
            if quad <= 0:
                quad = 1e-12
            delta = (-G[i] - G[j]) / quad
            diff = alpha[i] - alpha[j]
            alpha[i] += delta
            alpha[j] += delta
            if diff > 0:
                if alpha[j] < 0:
                    alpha[j] = 0.0
                    alpha[i] = diff
            elif alpha[i] < 0:
                alpha[i] = 0.0
                alpha[j] = -diff
            if diff > c_i - c_j:
                if alpha[i] > c_i:
                    alpha[i] = c_i
                    alpha[j] = c_i - diff
            elif alpha[j] > c_j:
                alpha[j] = c_j
                alpha[i] = c_j + diff
        else:
            quad = self.qd(i) + self.qd(j) - 2 * q_i[j]
            if quad <= 0:
                quad = 1e-12
            delta = (G[i] - G[j]) / quad
            total = alpha[i] + alpha[j]
            alpha[i] -= delta
            alpha[j] += delta
            if total > c_i:
                if alpha[i] > c_i:
                    alpha[i] = c_i
                    alpha[j] = total - c_i
            elif alpha[j] < 0:
                alpha[j] = 0.0
                alpha[i] = total
            if total > c_j:
                if alpha[j] > c_j:
                    alpha[j] = c_j
                    alpha[i] = total - c_j
            elif alpha[i] < 0:
                alpha[i] = 0.0
                alpha[j] = total
        d_i, d_j = alpha[i] - old_i, alpha[j] - old_j
        for k in range(active):
            G[k] += q_i[k] * d_i + q_j[k] * d_j
        upper_i, upper_j = self.status[i] == _UPPER, self.status[j] == _UPPER
        self.update_status(i)
        self.update_status(j)
        n, G_bar = self.l, self.G_bar
        if upper_i != (self.status[i] == _UPPER):
            q_i = self.q(i, n)
            if upper_i:
                for k in range(n):
                    G_bar[k] -= c_i * q_i[k]
            else:
                for k in range(n):
                    G_bar[k] += c_i * q_i[k]
        if upper_j != (self.status[j] == _UPPER):
            q_j = self.q(j, n)
            if upper_j:
                for k in range(n):
                    G_bar[k] -= c_j * q_j[k]
            else:
                for k in range(n):
                    G_bar[k] += c_j * q_j[k]

    def select_working_set(self) -> tuple[int, int] | None:
        if self.nu:
            return self._select_nu()
        G, y, status, active = self.G, self.y, self.status, self.active_size
        gmax = gmax2 = -_INF
        gmax_idx = gmin_idx = -1
        obj_min = _INF
        for t in range(active):
            if y[t] == 1:
                if status[t] != _UPPER and -G[t] >= gmax:
                    gmax, gmax_idx = -G[t], t
            elif status[t] != _LOWER and G[t] >= gmax:
                gmax, gmax_idx = G[t], t
        i = gmax_idx
        q_i = self.q(i, active) if i != -1 else []
        qd_i = self.qd(i) if i != -1 else 0.0
        for j in range(active):
            if y[j] == 1:
                if status[j] != _LOWER:
                    grad_diff = gmax + G[j]
                    if G[j] >= gmax2:
                        gmax2 = G[j]
                    if grad_diff > 0:
                        quad = qd_i + self.qd(j) - 2.0 * y[i] * q_i[j]
                        obj = -(grad_diff * grad_diff) / (quad if quad > 0 else 1e-12)
                        if obj <= obj_min:
                            gmin_idx, obj_min = j, obj
            elif status[j] != _UPPER:
                grad_diff = gmax - G[j]
                if -G[j] >= gmax2:
                    gmax2 = -G[j]
                if grad_diff > 0:
                    quad = qd_i + self.qd(j) + 2.0 * y[i] * q_i[j]
                    obj = -(grad_diff * grad_diff) / (quad if quad > 0 else 1e-12)
                    if obj <= obj_min:
                        gmin_idx, obj_min = j, obj
        if gmax + gmax2 < self.eps:
            return None
        return gmax_idx, gmin_idx

    def _select_nu(self) -> tuple[int, int] | None:
        G, y, status, active = self.G, self.y, self.status, self.active_size
        gmaxp = gmaxp2 = gmaxn = gmaxn2 = -_INF
        ip = in_ = gmin_idx = -1
        obj_min = _INF
        for t in range(active):
            if y[t] == 1:
                if status[t] != _UPPER and -G[t] >= gmaxp:
                    gmaxp, ip = -G[t], t
            elif status[t] != _LOWER and G[t] >= gmaxn:
                gmaxn, in_ = G[t], t
        q_ip = self.q(ip, active) if ip != -1 else []
        q_in = self.q(in_, active) if in_ != -1 else []
        qd_ip = self.qd(ip) if ip != -1 else 0.0
        qd_in = self.qd(in_) if in_ != -1 else 0.0
        for j in range(active):
            if y[j] == 1:
                if status[j] != _LOWER:
                    grad_diff = gmaxp + G[j]
                    if G[j] >= gmaxp2:
                        gmaxp2 = G[j]
                    if grad_diff > 0:
                        quad = qd_ip + self.qd(j) - 2 * q_ip[j]
                        obj = -(grad_diff * grad_diff) / (quad if quad > 0 else 1e-12)
                        if obj <= obj_min:
                            gmin_idx, obj_min = j, obj
            elif status[j] != _UPPER:
                grad_diff = gmaxn - G[j]
                if -G[j] >= gmaxn2:
                    gmaxn2 = -G[j]
                if grad_diff > 0:
                    quad = qd_in + self.qd(j) - 2 * q_in[j]
                    obj = -(grad_diff * grad_diff) / (quad if quad > 0 else 1e-12)
                    if obj <= obj_min:
                        gmin_idx, obj_min = j, obj
        if _jmax(gmaxp + gmaxp2, gmaxn + gmaxn2) < self.eps:
            return None
        first = ip if y[gmin_idx] == 1 else in_
        return first, gmin_idx

    def _be_shrunk(self, i: int, g1: float, g2: float, g3: float, g4: float) -> bool:
        G, y, status = self.G, self.y, self.status
        if status[i] == _UPPER:
            return -G[i] > (g1 if y[i] == 1 else g4)
        if status[i] == _LOWER:
            return G[i] > (g2 if y[i] == 1 else g3)
        return False

    def do_shrinking(self) -> None:
        G, y, status = self.G, self.y, self.status
        g1 = g2 = g3 = g4 = -_INF
        if self.nu:
            for i in range(self.active_size):
                if status[i] != _UPPER:
                    if y[i] == 1:
                        if -G[i] > g1:
                            g1 = -G[i]
                    elif -G[i] > g4:
                        g4 = -G[i]
                if status[i] != _LOWER:
                    if y[i] == 1:
                        if G[i] > g2:
                            g2 = G[i]
                    elif G[i] > g3:
                        g3 = G[i]
            near = _jmax(g1 + g2, g3 + g4) <= self.eps * 10
        else:
            for i in range(self.active_size):
                if y[i] == 1:
                    if status[i] != _UPPER and -G[i] >= g1:
                        g1 = -G[i]
                    if status[i] != _LOWER and G[i] >= g2:
                        g2 = G[i]
                else:
                    if status[i] != _UPPER and -G[i] >= g2:
                        g2 = -G[i]
                    if status[i] != _LOWER and G[i] >= g1:
                        g1 = G[i]
            near = g1 + g2 <= self.eps * 10
            # Solver's be_shrunk: Gmax1 bounds the +1 upper and -1 lower, Gmax2 the others
            g3, g4 = g1, g2
        if not self.unshrink and near:
            self.unshrink = True
            self.reconstruct_gradient()
            self.active_size = self.l
        i = 0
        while i < self.active_size:
            if self._be_shrunk(i, g1, g2, g3, g4):
                self.active_size -= 1
                while self.active_size > i:
                    if not self._be_shrunk(self.active_size, g1, g2, g3, g4):
                        self.swap(i, self.active_size)
                        break
                    self.active_size -= 1
            i += 1

    def calculate_rho(self) -> float:
        G, y, status = self.G, self.y, self.status
        if self.nu:
            nr1 = nr2 = 0
            ub1 = ub2 = _INF
            lb1 = lb2 = -_INF
            sum1 = sum2 = 0.0
            for i in range(self.active_size):
                if y[i] == 1:
                    if status[i] == _LOWER:
                        ub1 = _jmin(ub1, G[i])
                    elif status[i] == _UPPER:
                        lb1 = _jmax(lb1, G[i])
                    else:
                        nr1 += 1
                        sum1 += G[i]
                elif status[i] == _LOWER:
                    ub2 = _jmin(ub2, G[i])
                elif status[i] == _UPPER:
                    lb2 = _jmax(lb2, G[i])
                else:
                    nr2 += 1
                    sum2 += G[i]
            r1 = sum1 / nr1 if nr1 > 0 else (ub1 + lb1) / 2
            r2 = sum2 / nr2 if nr2 > 0 else (ub2 + lb2) / 2
            self.r = (r1 + r2) / 2
            return (r1 - r2) / 2
        nr_free = 0
        ub, lb, sum_free = _INF, -_INF, 0.0
        for i in range(self.active_size):
            yg = y[i] * G[i]
            if status[i] == _LOWER:
                if y[i] > 0:
                    ub = _jmin(ub, yg)
                else:
                    lb = _jmax(lb, yg)
            elif status[i] == _UPPER:
                if y[i] < 0:
                    ub = _jmin(ub, yg)
                else:
                    lb = _jmax(lb, yg)
            else:
                nr_free += 1
                sum_free += yg
        return sum_free / nr_free if nr_free > 0 else (ub + lb) / 2


# -- training (svm_train) and prediction (svm_predict) --------------------------------------


def _train_classifier(
    classes: list[int], x: list[Vector], params: dict[str, Any]
) -> dict[str, Any]:
    labels: list[int] = []
    data_label: list[int] = []
    for c in classes:
        if c not in labels:
            labels.append(c)
        data_label.append(labels.index(c))
    if len(labels) == 2 and labels[0] == -1 and labels[1] == 1:
        labels.reverse()
        data_label = [1 - d for d in data_label]
    nr = len(labels)
    perm = sorted(range(len(classes)), key=lambda r: data_label[r])  # stable, as libsvm's
    count = [data_label.count(k) for k in range(nr)]
    start = [sum(count[:k]) for k in range(nr)]
    xs = [x[r] for r in perm]
    kernel = _Kernel(xs, params)
    nonzero = [False] * len(xs)
    decisions: list[tuple[list[float], float]] = []
    for i in range(nr):
        for j in range(i + 1, nr):
            rows = list(range(start[i], start[i] + count[i])) + list(
                range(start[j], start[j] + count[j])
            )
            y = [1] * count[i] + [-1] * count[j]
            q = _Q(kernel, rows, y)
            solver = _Solver(nu=False)
            alpha, rho = solver.solve(
                q, [-1.0] * len(rows), y, [0.0] * len(rows), params["C"], params["C"],
                params["eps"],
            )  # fmt: skip
            alpha = [a * s for a, s in zip(alpha, y, strict=True)]
            for k, r in enumerate(rows):
                if abs(alpha[k]) > 0:
                    nonzero[r] = True
            decisions.append((alpha, rho))
    n_sv = [sum(1 for r in range(start[k], start[k] + count[k]) if nonzero[r]) for k in range(nr)]
    sv = [xs[r] for r in range(len(xs)) if nonzero[r]]
    nz_start = [sum(n_sv[:k]) for k in range(nr)]
    sv_coef = [[0.0] * len(sv) for _ in range(nr - 1)]
    p = 0
    for i in range(nr):
        for j in range(i + 1, nr):
            alpha = decisions[p][0]
            q_ = nz_start[i]
            for k in range(count[i]):
                if nonzero[start[i] + k]:
                    sv_coef[j - 1][q_] = alpha[k]
                    q_ += 1
            q_ = nz_start[j]
            for k in range(count[j]):
                if nonzero[start[j] + k]:
                    sv_coef[i][q_] = alpha[count[i] + k]
                    q_ += 1
            p += 1
    first_rows = [data_label.index(k) + 1 for k in range(nr)]
    return {
        "labels": labels, "first_rows": first_rows, "nSV": n_sv,
        "rho": [d[1] for d in decisions], "sv_coef": sv_coef, "SV": sv,
    }  # fmt: skip


def _train_regressor(
    targets: list[float], x: list[Vector], params: dict[str, Any]
) -> dict[str, Any]:
    n = len(targets)
    c = params["C"]
    kernel = _Kernel(x, params)
    q = _Q(kernel, list(range(n)) * 2, [1] * n + [-1] * n)
    alpha2 = [0.0] * (2 * n)
    linear = [0.0] * (2 * n)
    total = c * params["nu"] * n / 2
    for i in range(n):
        alpha2[i] = alpha2[i + n] = _jmin(total, c)
        total -= alpha2[i]
        linear[i] = -targets[i]
        linear[i + n] = targets[i]
    solver = _Solver(nu=True)
    solved, rho = solver.solve(q, linear, [1] * n + [-1] * n, alpha2, c, c, params["eps"])
    alpha = [solved[i] - solved[i + n] for i in range(n)]
    keep = [i for i in range(n) if abs(alpha[i]) > 0]
    return {"rho": [rho], "sv_coef": [[alpha[i] for i in keep]], "SV": [x[i] for i in keep]}


def _predict(model: dict[str, Any], x: Vector) -> float | int:
    """svm_predict_values: a regressor's value, or the index of the class voted for."""
    sv = model["SV"]
    if model["kind"] == "regressor":
        coef = model["sv_coef"][0]
        total = 0.0
        for i in range(len(sv)):
            total += coef[i] * _k_function(x, sv[i], model)
        value: float = total - model["rho"][0]
        return value
    nr = len(model["labels"])
    kvalue = [_k_function(x, v, model) for v in sv]
    n_sv = model["nSV"]
    start = [sum(n_sv[:k]) for k in range(nr)]
    vote = [0] * nr
    p = 0
    for i in range(nr):
        for j in range(i + 1, nr):
            total = 0.0
            coef1, coef2 = model["sv_coef"][j - 1], model["sv_coef"][i]
            for k in range(n_sv[i]):
                total += coef1[start[i] + k] * kvalue[start[i] + k]
            for k in range(n_sv[j]):
                total += coef2[start[j] + k] * kvalue[start[j] + k]
            total -= model["rho"][p]
            if total > 0:
                vote[i] += 1
            else:
                vote[j] += 1
            p += 1
    best = 0
    for i in range(1, nr):
        if vote[i] > vote[best]:
            best = i
    return best


# -- the engine functions ---------------------------------------------------------------------


def _encode(model: dict[str, Any]) -> bytes:
    import json

    return _MAGIC + json.dumps(model, separators=(",", ":")).encode()


def _decode(blob: bytes) -> dict[str, Any]:
    import json

    if not blob.startswith(_MAGIC):
        raise MLError("not a lakebox model")
    model: dict[str, Any] = json.loads(blob[len(_MAGIC) :])
    model["SV"] = [[(int(k), float(v)) for k, v in s] for s in model["SV"]]
    model["scaling"] = {int(k): (lo, hi) for k, lo, hi in model["scaling"]}
    return model


def _learn(task: str, labels: list[str], features: list[Any], params_text: str) -> bytes:
    """Train on the rows (labels as text: a class's number or name, or a target), as Trino's
    learn_* aggregates. ``task``: classifier:BIGINT, classifier:VARCHAR or regressor."""
    name, _, label_type = task.partition(":")
    regressor = name == "regressor"
    params = parse_parameters(params_text)
    if not labels:
        raise MLError(f"learn_{name} over no rows is not supported by lakebox (Trino fails)")
    vectors = [_vector(f) for f in features]
    scaling = _train_scaling(vectors)
    x = [_scaled(v, scaling) for v in vectors]
    if any(math.isnan(value) for v in x for _, value in v):
        raise MLError(
            f"learn_{name} on features that scale to NaN (NaN or infinite values) is not "
            "supported by lakebox"
        )
    _check_parameters(params, regressor)
    if regressor:
        targets = [float(t) for t in labels]
        if not all(math.isfinite(t) for t in targets):
            raise MLError("learn_regressor on NaN or infinite targets is not supported by lakebox")
        model = _train_regressor(targets, x, params)
    elif label_type == "VARCHAR":
        names: dict[str, int] = {}
        classes = [names.setdefault(s, len(names)) for s in labels]
        model = _train_classifier(classes, x, params)
    else:
        model = _train_classifier([int(c) for c in labels], x, params)
    model.update(
        kind=name, kernel=params["kernel"], degree=params["degree"], gamma=params["gamma"],
        coef0=params["coef0"], scaling=[[k, lo, hi] for k, (lo, hi) in scaling.items()],
    )  # fmt: skip
    return _encode(model)


def _class_rows(blob: bytes) -> list[int]:
    """The first training row (1-based) of each of a classifier's classes, in libsvm's order."""
    rows: list[int] = _decode(blob)["first_rows"]
    return rows


def _classify(features: list[Any], blob: bytes) -> int:
    """The class (1-based, in libsvm's order) a classifier gives a feature vector."""
    model = _decode(blob)
    return int(_predict(model, _scaled(_vector(features), model["scaling"]))) + 1


def _regress(features: list[Any], blob: bytes) -> float:
    model = _decode(blob)
    return float(_predict(model, _scaled(_vector(features), model["scaling"])))


FUNCTIONS: list[tuple[str, Any, list[str], str]] = [
    (
        "lakebox_ml_learn",
        _learn,
        ["VARCHAR", "VARCHAR[]", "MAP(BIGINT, DOUBLE)[]", "VARCHAR"],
        "BLOB",
    ),
    ("lakebox_ml_class_rows", _class_rows, ["BLOB"], "INTEGER[]"),
    ("lakebox_ml_classify", _classify, ["MAP(BIGINT, DOUBLE)", "BLOB"], "INTEGER"),
    ("lakebox_ml_regress", _regress, ["MAP(BIGINT, DOUBLE)", "BLOB"], "DOUBLE"),
]  # fmt: skip

# Typed macros (kept in the engines' database file): Trino's coercions of the functions'
# arguments, by the argument's DuckDB type. A classifier's label is its class as Java's (int)
# of the double (Classifier(bigint)) or its name (Classifier(varchar)).
MACROS: list[str] = [
    "CREATE MACRO lakebox_ml_double(x DOUBLE) AS x",
    "CREATE MACRO lakebox_ml_class(x DOUBLE) AS CASE WHEN isnan(x) THEN 0::BIGINT "
    "WHEN x >= 2147483647 THEN 2147483647::BIGINT WHEN x <= -2147483648 "
    "THEN -2147483648::BIGINT ELSE CAST(trunc(x) AS BIGINT) END, (x VARCHAR) AS x",
]
