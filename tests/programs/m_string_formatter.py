import string

f = string.Formatter()
print(f.format('{} and {}', 'a', 'b'))
print(f.format('{0}{1}{0}', 'x', 'y'))
print(f.format('{name}: {value:>8.3f}', name='pi', value=3.14159))
print(f.format('{0.real} {0.imag} {1[2]} {2[k]}', 3 + 4j, [1, 2, 3], {'k': 'v'}))
print(f.format('{!r} {!s} {!a}', 'x', 'y', 'é'))
print(f.format('{:{}}|', 'ab', 5))
print(f.format('{0:{1}{2}}|', 'ab', '>', 6))
print(f.format('{{literal}} {}', 1))
print(f.vformat('{a}-{0}', (1,), {'a': 2}))
print(list(f.parse('a{0!r:>5}b{{c')))
print(f.get_field('0.real', [5], {}))
print(f.get_field('k[1]', [], {'k': 'xyz'}))
print(f.get_value(0, ['a'], {}), f.get_value('k', [], {'k': 'v'}))
print(f.convert_field(1, 'r'), f.convert_field('é', 'a'), f.convert_field(3, None))
print(f.format_field(3.5, '08.2f'))
print(f.check_unused_args({0}, (1, 2), {}))
for t in ['{}{}', '{0}{}', '{}{0}', '{0}{1}', '{1}{}', '{}{}{0}']:
    for fn in (f.format, t.format):
        try:
            print(t, fn(t, 'a', 'b') if fn is f.format else fn('a', 'b'))
        except Exception as e:
            print(t, type(e).__name__, e)
for bad in ['{0!x}', '{', '}', '{a:{b:{c}}}', '{0[}', '{5}', '{missing}', '{0.nope}']:
    try:
        print(f.format(bad, 1, a=1, b=2, c=3))
    except Exception as e:
        print(bad, type(e).__name__, e)


class Strict(string.Formatter):
    def check_unused_args(self, used_args, args, kwargs):
        unused = set(range(len(args))) | set(kwargs)
        unused -= used_args
        if unused:
            raise ValueError('unused: %s' % sorted(unused, key=str))

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return '<%s>' % key
        return super().get_value(key, args, kwargs)

    def format_field(self, value, spec):
        return '[' + super().format_field(value, spec) + ']'

    def convert_field(self, value, conversion):
        if conversion == 'u':
            return str(value).upper()
        return super().convert_field(value, conversion)


s = Strict()
print(s.format('{0} {x} {y!u}', 1, x=2))
try:
    s.format('{0}', 1, 2, z=3)
except ValueError as e:
    print('ValueError', e)
try:
    s.format('{:>{}}', 'a', 3)
except ValueError as e:
    print('ValueError', e)
