import io
import random
import shlex

print(shlex.split('ls -l "my file" \'x y\' a\\ b # not a comment'))
print(shlex.split('a # comment\nb', comments=True))
print(shlex.split('a "b c" d\\"e', posix=False))
print(shlex.split(''), shlex.split('   '), shlex.split('""'), shlex.split("''"))
for bad in ['"abc', "'abc", 'abc\\', '"a\\']:
    try:
        shlex.split(bad)
    except ValueError as e:
        print(repr(bad), 'ValueError', e)
print(shlex.split(r'"a\"b" "a\\b" "a\b" \'x\' \a'))
print(shlex.quote(''), shlex.quote('abc'), shlex.quote('a b'), shlex.quote("it's"), shlex.quote('é'),
      shlex.quote('a@b%c+d=e:f,g./-_'))
print(shlex.join(['echo', 'a b', "c'd", '']))
for bad in [1, b'a']:
    try:
        shlex.quote(bad)
    except TypeError as e:
        print('TypeError', e)

lex = shlex.shlex('first second\n"third fourth" fifth;sixth')
print(lex.posix, repr(lex.eof), repr(lex.wordchars), lex.whitespace_split, repr(lex.whitespace))
print(repr(lex.commenters), repr(lex.quotes), repr(lex.escape), repr(lex.escapedquotes), lex.lineno)
print(lex.get_token(), lex.lineno)
lex.push_token('pushed')
print(lex.get_token(), lex.get_token(), lex.get_token(), lex.lineno)
print(lex.error_leader(), lex.error_leader('file.txt', 10))
print(list(lex), repr(lex.get_token()))

p = shlex.shlex('a', posix=True)
print(repr(p.eof), repr(p.wordchars))
pc = shlex.shlex('a&&b||c; (d) > e.txt ~/x', punctuation_chars=True)
print(repr(pc.punctuation_chars), repr(pc.wordchars), list(pc))
try:
    pc.punctuation_chars = 'x'
except AttributeError as e:
    print('AttributeError', e)
pw = shlex.shlex('a&&b c;d', posix=True, punctuation_chars='&;')
pw.whitespace_split = True
print(list(pw))
s = shlex.shlex(io.StringIO('x y\n# note\nz'), infile='input.txt', posix=True)
print(s.infile, s.get_token(), s.get_token(), s.get_token(), s.lineno, s.get_token(), s.error_leader())
s = shlex.shlex('one')
s.push_source('two three', 'inner')
print(s.infile, list(s), s.infile)
c = shlex.shlex('key=value, other=1', posix=True)
c.wordchars += '=,'
c.whitespace = ' '
print(list(c))
c = shlex.shlex('a:b:c')
c.whitespace = ':'
c.whitespace_split = True
print(list(c))

rng = random.Random(5)
alpha = 'ab1 \t\n"\'\\#;|&()<>-.~=éß*?$'


def run(s, posix, ws=False, punctuation_chars=False):
    out = []
    try:
        lex = shlex.shlex(s, posix=posix, punctuation_chars=punctuation_chars)
        lex.whitespace_split = ws
        for tok in lex:
            out.append(tok)
        return out, lex.lineno
    except ValueError as e:
        return out, 'ValueError: %s' % e


for i in range(150):
    s = ''.join(rng.choice(alpha) for _ in range(rng.randint(0, 14)))
    print(repr(s), run(s, True), run(s, False), run(s, True, True), run(s, False, True),
          run(s, True, False, True), run(s, False, True, '|;'))
