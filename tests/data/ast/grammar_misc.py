# Odd corners: comments, continuation lines, type comments, deep nesting, unicode names.
x = (1 +  # comment
     2)
y = 1 + \
    2
def typed(a,  # type: int
          b,
          ):
    # type: (...) -> None
    pass
def typed2(a, b):  # type: (int, str) -> None
    pass
z = []  # type: list[int]
for i in []:  # type: int
    pass
with f() as g:  # type: ignore
    pass
w = 1  # type: ignore[assignment]
café = 1
π = 3.14
名前 = "name"
print(café, π, 名前)
if True:
    if True:
        if True:
            deep = [[[[[[[[[[1]]]]]]]]]]
            deep2 = ((((((((((1))))))))))
            deep3 = -(-(-(-(-1))))
x = (
    1,
    2,
)
class Empty:

    pass



def after_blank(): ...
s = """
  multi
"""  # trailing comment
t = 'a' \
    'b'
