# A first program: run it with `deno task pyjit examples/hello.py`.
def greet(name):
    return f"Hello, {name}!"

for who in ["world", "pyjit"]:
    print(greet(who))
