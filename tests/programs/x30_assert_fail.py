def check(v):
    assert v == 2, f"expected 2, got {v}"
check(2)
print("first ok")
check(3)
