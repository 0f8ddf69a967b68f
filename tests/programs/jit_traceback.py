# An exception raised inside a traced loop shows the same traceback, line and caret as tier 1.


def divide_all(values, d):
    out = 0.0
    for i in range(len(values)):
        out += values[i] / d[i]
    return out


def main():
    values = [float(i) for i in range(500)]
    d = [1.0] * 500
    d[400] = 0.0
    print(divide_all(values, d[:300] + [2.0] * 200))
    divide_all(values, d)


main()
