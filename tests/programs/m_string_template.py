import string
from string import Template

print(repr(string.whitespace), repr(string.printable), repr(string.punctuation))
print(string.ascii_letters, string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(sorted(string.__all__))
print(string.capwords('  hello   world  '), string.capwords('a-b-c', '-'), repr(string.capwords('')))
print(string.capwords('hELLO wORLD', None), string.capwords('x--y', '-'), string.capwords('\tab\ncd'))

t = Template('$who likes $what, ${who}s ok, $$5 and $')
print(t.template)
print(t.safe_substitute(who='tim'))
print(t.safe_substitute({'who': 'tim', 'what': 'ham'}))
try:
    print(t.substitute(who='tim', what='ham'))
except Exception as e:
    print(type(e).__name__, e)
print(Template('$who likes $what').substitute({'who': 'a', 'what': 'b'}, what='c'))
print(Template('${x}y $x_1 $1 ${1}').safe_substitute(x=1, x_1=[2]))
for text in ['$', 'abc $', 'line1\nline2 $ foo', 'a\n\nb ${', '${x', '$ {x}', 'ab\r\ncd$!', '$$$', '${}']:
    tt = Template(text)
    try:
        print(repr(tt.substitute(x='X')))
    except Exception as e:
        print(type(e).__name__, e)
    print(repr(tt.safe_substitute()), tt.is_valid(), tt.get_identifiers())
try:
    Template('$missing').substitute()
except KeyError as e:
    print('KeyError', e)
try:
    Template('${missing}').substitute({}, other=1)
except KeyError as e:
    print('KeyError', e)
print(Template('$a $b $a ${c} $$d $D').get_identifiers())
print(Template('$Ab_9z9 $_ $é').safe_substitute(Ab_9z9='ok', _='u'))
print(Template('$a$b${a}').substitute(a=1, b=2.5))
print(Template(' $x ').substitute(x=(1, 2)))


class Percent(Template):
    delimiter = '%'


print(Percent('%x %% %{x} $x %').safe_substitute(x=5))
print(Percent('%who').substitute(who='me'))
try:
    Percent('100%').substitute()
except ValueError as e:
    print('ValueError', e)


class Long(Template):
    delimiter = '<<'


print(Long('<<a <<<<b <<{a}>> <<').safe_substitute(a='A'))
print(Long('x<<a').is_valid(), Long('x<<').is_valid(), Long('<<a <<b').get_identifiers())

print(Template.delimiter, Template.idpattern, Template.braceidpattern)
print(Template('x').template, type(Template('x')).__name__)
try:
    Template('$a').substitute({'a': 1}, {'b': 2})
except TypeError as e:
    print('TypeError', e)
try:
    Template()
except TypeError as e:
    print('TypeError', e)
