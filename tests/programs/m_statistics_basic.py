# statistics: averages, spread, quantiles, two-variable functions and NormalDist over ints,
# floats, Fractions and Decimals, with CPython's exact results and error messages.
import statistics as st
from statistics import *
from fractions import Fraction as F
from decimal import Decimal as D, localcontext


def show(expr):
    try:
        r = eval(expr)
        print(expr, "->", repr(r))
    except Exception as e:
        print(expr, "!!", type(e).__name__, e)


DATA = {
    "ints": [1, 2, 3, 4, 4, 7, 9],
    "even": [2, 4, 6, 8],
    "floats": [2.5, 3.25, 5.5, 11.25, 0.1, 0.2],
    "fractions": [F(1, 2), F(3, 4), F(5, 6), F(1, 3)],
    "decimals": [D("0.5"), D("0.75"), D("1.25"), D("3.5"), D("0.1")],
    "mixed": [1, 2.5, F(1, 2)],
    "bools": [True, False, True],
    "big": [10**20, 10**20 + 1, 10**20 + 3],
    "one": [5],
    "empty": [],
    "inf": [1.0, float("inf"), 3.0],
    "nan": [1.0, float("nan")],
}
for name, data in DATA.items():
    print("==", name)
    for fn in ["mean", "fmean", "geometric_mean", "harmonic_mean", "median", "median_low", "median_high",
               "median_grouped", "mode", "multimode", "pvariance", "variance", "pstdev", "stdev"]:
        show("%s(DATA[%r])" % (fn, name))
    show("quantiles(DATA[%r])" % name)
    show("quantiles(DATA[%r], n=10, method='inclusive')" % name)

for expr in [
    "mean(iter([1, 2, 3]))", "mean(['a'])", "fmean([1, 2], weights=[3, 1])",
    "fmean([1, 2], weights=[1])", "fmean([1, 2], weights=[1, -1])", "fmean(iter([1.5, 2.5]))",
    "harmonic_mean([1, 0, 3])", "harmonic_mean([1, -1])", "harmonic_mean([40, 60], weights=[5, 30])",
    "harmonic_mean([1, 2], weights=[1])", "harmonic_mean(['x'])", "harmonic_mean([-1])",
    "geometric_mean([1, -2])", "median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5], interval=2)",
    "median_grouped([52, 52, 53, 54], 0.5)", "median_grouped(['a', 'b'])", "mode('aabbbcc')",
    "mode([1, 1, 2, 2])", "multimode('aabbbcccd')", "multimode([])", "mode([])",
    "variance([1, 2, 3, 4], xbar=2.5)", "pvariance([1, 2, 3, 4], mu=F(5, 2))", "stdev([D('1.5'), D('2.5'), D('2.5'), D('2.75')])",
    "pstdev([F(1, 3), F(2, 3)])", "variance([1])", "stdev([1])", "pvariance([])", "pstdev([])",
    "quantiles([1, 2, 3], n=0)", "quantiles([1])", "quantiles([1, 2], method='x')",
    "quantiles(range(1, 101), n=4)", "quantiles([105, 129, 87, 86, 111, 111, 89, 81, 108, 92], n=10)",
    "covariance([1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 1, 2, 3, 1, 2, 3])", "covariance([1], [2])",
    "covariance([1, 2], [2])", "correlation([1, 2, 3, 4, 5], [9, 8, 7, 6, 5])", "correlation([1, 1], [1, 2])",
    "correlation([1.5, 2.25, 3.0, 7.5], [2.0, 4.5, 5.0, 9.5])", "linear_regression([1, 2, 3, 4, 5], [3, 5, 7, 9, 11.5])",
    "linear_regression([1, 2, 3], [2, 4, 6.5], proportional=True)", "linear_regression([1, 1], [1, 2])",
    "linear_regression([1], [1])", "st.LinearRegression._fields",
    "issubclass(StatisticsError, ValueError)", "st.__all__",
]:
    show(expr)
with localcontext(prec=5):
    show("mean([D('1'), D('2'), D('2')])")
    show("stdev([D('1'), D('2'), D('4')])")

n = NormalDist(100, 15)
for expr in ["n", "n.mean", "n.median", "n.mode", "n.stdev", "n.variance", "n.pdf(110)", "n.cdf(110)",
             "n.inv_cdf(0.3)", "n.inv_cdf(0.999)", "n.inv_cdf(1e-10)", "n.inv_cdf(0.5)", "n.inv_cdf(0)",
             "n.quantiles()", "n.quantiles(10)", "n.zscore(130)", "n.overlap(NormalDist(110, 10))",
             "n.overlap(NormalDist(120, 15))", "n.overlap(1)", "n + 5", "5 + n", "n - 5", "5 - n", "n * 2", "2 * n",
             "n / 2", "-n", "+n", "n + NormalDist(1, 2)", "n - NormalDist(1, 2)", "n == NormalDist(100, 15)",
             "n == 3", "hash(n) == hash(NormalDist(100.0, 15.0))", "NormalDist(1, -1)", "NormalDist(1, 0).pdf(1)",
             "NormalDist(1, 0).cdf(1)", "NormalDist(1, 0).inv_cdf(0.5)", "NormalDist(1, 0).zscore(1)",
             "NormalDist.from_samples([2.5, 3.1, 2.1, 2.4, 2.7, 3.5])", "NormalDist().inv_cdf(0.975)",
             "[round(NormalDist().inv_cdf(p), 12) for p in (0.01, 0.1, 0.25, 0.4, 0.6, 0.9, 0.99, 1e-300)]",
             "len(NormalDist().samples(5, seed=1))", "n.__getstate__()"]:
    show(expr)

# Decimal with Fraction is refused; which of the two the message names first depends on the
# iteration order of a set of types (their ids), in CPython as here.
try:
    mean([D('1'), F(1, 2)])
except TypeError as e:
    print("mixed Decimal/Fraction:", type(e).__name__, sorted(str(e).replace(" and ", " ").split()[-2:]))
