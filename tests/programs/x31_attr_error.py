class Thing:
    pass
t = Thing()
t.x = 1
print(t.x)
print(t.y)
