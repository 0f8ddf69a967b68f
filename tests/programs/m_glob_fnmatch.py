# fnmatch (matching, filter, translate) and glob (patterns, recursion, hidden files, escape).
import fnmatch
import glob
import os
import tempfile

for p in ['*.txt', 'a*b*c', '?', '[abc]', '[!abc]', '[a-z]*', '*', '**', 'a**b', '[]]', '[!]]', '[', 'a[',
          '[a-', '[z-a]', '[a-c-e]', 'x y#~&', '[\\]', '[^a]', '[a&&b]', '*a*', 'ab*', '*ab', '[--0]',
          '[!-]', '[a--]', 'a[b-]c', '[!z-a]', '[ab-ac]', 'é*[é-ü]']:
    print(repr(p), repr(fnmatch.translate(p)))
names = ['a.txt', 'b.TXT', '.hidden', 'abc', 'abbc', 'ac', 'a-b', ']', '!x', 'x y#~&', 'aXbYc', 'ab', 'a/b', 'é1ü']
for p in ['*.txt', 'a*b*c', '?', '[abc]*', '[!abc]*', '*', 'a?c', '[]]', '[!]]', '[a-c-e]*', '[--0]*', 'a*',
          '*b', 'x y#~&', 'a[/]b', 'é?[é-ü]', '[z-a]', '[!z-a]', '*.[tT][xX][tT]']:
    print(p, fnmatch.filter(names, p))
print(fnmatch.fnmatch('A.TXT', '*.txt'), fnmatch.fnmatchcase(b'abc', b'a*'), fnmatch.filter([b'x', b'y'], b'x'))
for bad in (lambda: fnmatch.fnmatchcase('abc', b'a*'), lambda: fnmatch.fnmatchcase(b'abc', 'a*')):
    try:
        bad()
    except TypeError as e:
        print(type(e).__name__, e)

base = tempfile.mkdtemp()
home = os.getcwd()
os.chdir(base)
try:
    for d in ('sub/deep', '.hid'):
        os.makedirs(d)
    for f in ('a.txt', 'b.py', '.dot.txt', 'sub/c.txt', 'sub/deep/d.txt', '.hid/e.txt', 'x[1].txt'):
        with open(f, 'w'):
            pass
    os.symlink('sub', 'link')
    s = sorted
    print(s(glob.glob('*')))
    print(s(glob.glob('*', include_hidden=True)))
    print(s(glob.glob('**', recursive=True)))
    print(s(glob.glob('**/', recursive=True)))
    print(s(glob.glob('**/*.txt', recursive=True)))
    print(s(glob.glob('**/*.txt', recursive=True, include_hidden=True)))
    print(s(glob.glob('.*')), s(glob.glob('*/')), s(glob.glob('sub/*')), s(glob.glob('*/*.txt')))
    print(s(glob.glob('a.txt')), s(glob.glob('nope')), s(glob.glob('sub/')), s(glob.glob('a.txt/')))
    print(s(glob.glob('**', recursive=False)), s(glob.glob('s*/**', recursive=True)))
    print(s(glob.glob('*.txt', root_dir='sub')), s(glob.glob('**/d.txt', root_dir='sub', recursive=True)))
    print(glob.escape('a[b]*?.txt'), glob.has_magic('a*'), glob.has_magic('ab'), glob.has_magic(b'[x'))
    print(s(glob.glob(b'*.py')), s(glob.glob('')), s(glob.iglob('*.py')), type(glob.iglob('*')).__name__)
    print(s(glob.glob('./*.py')), s(glob.glob('x[1].txt')), s(glob.glob(glob.escape('x[1].txt'))))
    print(s(glob.glob('**/**/*.txt', recursive=True)))
    print(s(glob.glob(os.path.join(glob.escape(base), '*.py'))) == [os.path.join(base, 'b.py')])
finally:
    os.chdir(home)
    for root, dirs, files in os.walk(base, topdown=False):
        for name in files:
            os.remove(os.path.join(root, name))
        for name in dirs:
            full = os.path.join(root, name)
            os.remove(full) if os.path.islink(full) else os.rmdir(full)
    os.rmdir(base)
