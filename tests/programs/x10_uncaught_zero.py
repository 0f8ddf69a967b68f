def divide(a, b):
    return a / b
def run():
    print("before")
    return divide(1, 0)
run()
print("never")
