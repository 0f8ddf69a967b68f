import html
import html.entities as entities
import random

print(html.__all__, entities.__all__)
print(html.escape('<a href="x">\'&\'</a>'), html.escape('<"\'>', quote=False), html.escape(''))
print(html.unescape('&lt;p&gt; &amp;amp; &quot;q&quot; &#39; &#x27; &#X41;&#66 &copy2023 &notit; &notin; &nosuch;'))
print(ascii(html.unescape('&#0; &#128; &#x80; &#x9f; &#1; &#xD800; &#x110000; &#65534; &#13; &#129;')))
print(html.unescape('no refs'), html.unescape('& alone &; &# &#x; &#xg;'))
print(len(entities.html5), len(entities.name2codepoint), len(entities.codepoint2name), len(entities.entitydefs))
print(entities.name2codepoint['amp'], entities.codepoint2name[0x3c], entities.entitydefs['nbsp'] == '\xa0')
print(ascii(entities.html5['amp']), ascii(entities.html5['NotNestedGreaterGreater;']), 'amp' in entities.html5,
      'zwnj;' in entities.html5, 'zwnj' in entities.html5)
print(sorted(entities.html5)[:8], sorted(entities.name2codepoint)[-5:])

rng = random.Random(7)
parts = ['&', '#', 'x', 'X', ';', 'amp', 'lt', 'notin', 'not', 'Aacute', 'aacute', '1', '9', '0', 'f',
         'F', 'D800', '128', '150', '65535', '1114112', ' ', '\n', '<', 'z', 'é', 'quot',
         'abcdefghijklmnopqrstuvwxyz', 'AMP', 'nbsp', 'copy']
for i in range(300):
    s = ''.join(rng.choice(parts) for _ in range(rng.randint(0, 8)))
    print(ascii(s), ascii(html.unescape(s)))
