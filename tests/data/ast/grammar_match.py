# Structural pattern matching: every pattern kind.
match command.split():
    case [action]:
        pass
    case [action, obj]:
        pass
    case [Point(x=0, y=0)]:
        pass
    case Point(x, y) if x == y:
        pass
    case Point(1, 2, z=3):
        pass
    case {"x": x, "y": y, **rest}:
        pass
    case {1: _, "a": [1, 2]}:
        pass
    case {}:
        pass
    case []:
        pass
    case ():
        pass
    case (a, b, *rest):
        pass
    case [a, *_, b]:
        pass
    case (1 | 2 | 3) as n:
        pass
    case 1 | 2:
        pass
    case -1:
        pass
    case 1.5 | -2.5:
        pass
    case 1 + 2j | 1 - 2j | -1 - 2j:
        pass
    case "a" "b" | b"c":
        pass
    case None | True | False:
        pass
    case Color.RED | mod.Color.GREEN:
        pass
    case a.b.c():
        pass
    case str() | bytes():
        pass
    case [int(x), *others] if others:
        pass
    case (x):
        pass
    case (x,):
        pass
    case _:
        pass
match x,:
    case _: pass
match x, y:
    case a, b: pass
    case a, *b: pass
    case *a, b: pass
match -x:
    case {**rest}: pass
match (x):
    case [1, [2, [3]]]: pass
match [x]:
    case y if (y := 1): pass
