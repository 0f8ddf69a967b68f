# A tokenizer and a recursive-descent evaluator for arithmetic expressions with variables.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 33000

DIGITS = "0123456789"
LETTERS = "abcdefghijklmnopqrstuvwxyz"


class Token:
    def __init__(self, kind, text):
        self.kind = kind
        self.text = text


def tokenize(src):
    tokens = []
    i = 0
    n = len(src)
    while i < n:
        ch = src[i]
        if ch == " ":
            i += 1
        elif ch in DIGITS:
            j = i
            while j < n and src[j] in DIGITS:
                j += 1
            tokens.append(Token("num", src[i:j]))
            i = j
        elif ch in LETTERS:
            j = i
            while j < n and src[j] in LETTERS:
                j += 1
            tokens.append(Token("name", src[i:j]))
            i = j
        elif ch in "+-*/%()":
            tokens.append(Token("op", ch))
            i += 1
        else:
            raise ValueError("bad character %r" % ch)
    tokens.append(Token("end", ""))
    return tokens


class Parser:
    def __init__(self, tokens, env):
        self.tokens = tokens
        self.pos = 0
        self.env = env

    def peek(self):
        return self.tokens[self.pos]

    def take(self):
        tok = self.tokens[self.pos]
        self.pos += 1
        return tok

    def expr(self):
        value = self.term()
        while self.peek().text in ("+", "-"):
            if self.take().text == "+":
                value = value + self.term()
            else:
                value = value - self.term()
        return value

    def term(self):
        value = self.factor()
        while self.peek().text in ("*", "/", "%"):
            op = self.take().text
            rhs = self.factor()
            if op == "*":
                value = value * rhs
            elif rhs == 0:
                value = 0
            elif op == "/":
                value = value // rhs
            else:
                value = value % rhs
        return value

    def factor(self):
        tok = self.take()
        if tok.kind == "num":
            return int(tok.text)
        if tok.kind == "name":
            return self.env[tok.text]
        if tok.text == "-":
            return -self.factor()
        if tok.text == "(":
            value = self.expr()
            self.take()
            return value
        raise SyntaxError("unexpected " + tok.text)


def make_expr(seed, depth):
    seed = (seed * 69069 + 1) % 4294967296
    if depth == 0 or seed % 7 == 0:
        if seed % 3 == 0:
            return "xyz"[(seed >> 5) % 3], seed
        return str(seed % 1000), seed
    left, seed = make_expr(seed, depth - 1)
    right, seed = make_expr(seed, depth - 1)
    op = "+-*/%"[(seed >> 3) % 5]
    if seed % 4 == 0:
        return "(" + left + " " + op + " " + right + ")", seed
    return left + " " + op + " " + right, seed


def main(n):
    env = {"x": 7, "y": -3, "z": 12}
    total = 0
    ntokens = 0
    seed = 1
    for i in range(n):
        src, seed = make_expr(seed, 5)
        tokens = tokenize(src)
        ntokens += len(tokens)
        value = Parser(tokens, env).expr()
        total = (total + value) % 1000000007
        env["x"] = i % 17
    print("expressions", n, "tokens", ntokens, "checksum", total)


main(N)
