# sum() of ints whose total leaves the safe-integer range (partial sums folded into a big int), with
# floats, bools and big items mixed in, and a start value.
big = 2**53
print(sum([big, 1, 2, 3]), sum([big - 1, 1, 1, -5]), sum(x * x for x in range(10**5)) , sum([2**60, 2**60, -2**61, 5]))
print(sum([big, 1.5, 2]), sum([big, True, True]), sum([big * 3, -big * 3, 7]), sum([10**20, 10**15] * 1000))
print(sum(range(10**6), 2**70), sum([1, 2], 0.5), sum([-big, -big, 3]))
vals = [(i * 7919) % 10007 * 10**12 for i in range(3000)]
print(sum(vals), sum(vals, -sum(vals)))
