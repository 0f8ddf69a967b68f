# Float kernel: the spectral norm of an infinite matrix, by the power method (sqrt only).
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 440


def a(i, j):
    return 1.0 / ((i + j) * (i + j + 1) // 2 + i + 1)


def times(v, n):
    return [sum([a(i, j) * v[j] for j in range(n)]) for i in range(n)]


def times_transposed(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += a(j, i) * v[j]
        out.append(s)
    return out


def times_ata(v, n):
    return times_transposed(times(v, n), n)


def main(n):
    u = [1.0] * n
    v = u
    for _ in range(10):
        v = times_ata(u, n)
        u = times_ata(v, n)
    vbv = 0.0
    vv = 0.0
    for i in range(n):
        vbv += u[i] * v[i]
        vv += v[i] * v[i]
    print("n", n, "spectral norm %.9f" % (vbv / vv) ** 0.5)


main(N)
