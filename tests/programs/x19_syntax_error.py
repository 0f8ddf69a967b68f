print("never runs")
def f():
    pass
return 5
