from html.parser import HTMLParser
class P(HTMLParser):
    def handle_starttag(self, tag, attrs): print('start', tag, attrs, self.getpos(), repr(self.get_starttag_text()))
    def handle_endtag(self, tag): print('end', tag, self.getpos())
    def handle_startendtag(self, tag, attrs): print('startend', tag, attrs, self.getpos())
    def handle_data(self, data): print('data', repr(data), self.getpos())
    def handle_entityref(self, name): print('entityref', name, self.getpos())
    def handle_charref(self, name): print('charref', name, self.getpos())
    def handle_comment(self, data): print('comment', repr(data), self.getpos())
    def handle_decl(self, decl): print('decl', repr(decl), self.getpos())
    def handle_pi(self, data): print('pi', repr(data), self.getpos())
    def unknown_decl(self, data): print('unknown_decl', repr(data), self.getpos())
docs = [
 '<script>a</b>c<!-- x --></script >d</SCRIPT>e',
 '<style>a &amp; </style><p>&amp; &#65;</p>',
 '<!DOCTYPE html>\n<html lang="en"><head><meta charset=utf-8><title>T &amp; t</title></head>\n<body class="a b" id=\'x\' hidden>\n<p>Hello<br/>world<br />!</p><img src="a.png" alt="A &lt; B"/></body></html>',
 '<?xml version="1.0"?><!-- comment --><![CDATA[raw <data>]]><!bogus><!>',
 '<a href=x?a=1&b=2 title="q&quot;" data-x = "y" ZZ>link</A>',
 'text & more &amp &amp; &#38; &#x26; &#xZZ; &nosuch; & < > <3 a<b',
 '<p>unclosed <b>bold',
 '</>',  '</ p>', '</p foo="bar">', '</3>', '<a/b>', '<a b/>', '<a b=/>', '<a b="c"d>', '<a b=c/>',
 '<a\nb\n=\n"c\nd"\n>', '<div a=1 a=2 B=3>', "<x y='it''s'>", '<x =y>', '<x y==z>',
 '<!-- a -- b --   >', '<!---->', '<!-- unterminated', '<!DOCTYPE', '<![if IE]>x<![endif]>', '<![CDATA[x]  ]  >',
 '<script>if (a < b && c > d) {}</script>', '<script>no end', '<style>x</stylex>y</style>',
 '<textarea>&amp;<b></textarea>', '<p>&#1234567890; &#x110000; &#0;</p>', 'a &copy b &notin c &noti d',
 '<', 'x<', '&', 'a&', '&#', '&#1', '&#x', '&a', '&a-b', '&ab;c', '<?php echo 1 ?>', '<a b="c', '<a b', '<a',
 '<br/', '<p title="a>b">x</p>', '<p>a\nb\r\nc</p>\n\n<q>\n</q>', '<p \x00>', '<a\tb\tc>', '<A HREF="X">',
]
for d in docs:
    for cc in (True, False):
        print('---', repr(d), cc)
        p = P(convert_charrefs=cc)
        try:
            p.feed(d); p.close()
        except Exception as e:
            print(type(e).__name__, e)
        # and fed one character at a time
        print('-- chars')
        p = P(convert_charrefs=cc)
        try:
            for ch in d: p.feed(ch)
            p.close()
        except Exception as e:
            print(type(e).__name__, e)

# Attributes of the base class, and the default handlers (which do nothing).
base = HTMLParser()
print(base.convert_charrefs, base.CDATA_CONTENT_ELEMENTS, base.getpos(), base.get_starttag_text(), base.lasttag)
base.feed('<p class=x>text</p>&amp;<br/><!--c--><!DOCTYPE x><?pi>')
base.close()
print(base.getpos(), base.get_starttag_text(), base.lasttag, repr(base.rawdata))
base.reset()
print(base.getpos(), repr(base.rawdata))
try:
    HTMLParser(False)
except TypeError as e:
    print('TypeError', e)


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == 'a':
            self.links.append(dict(attrs).get('href'))


links = Links()
links.feed('<ul><li><a href="/one">1</a><li><A HREF=/two?x=1&amp;y=2>2</A><a name=x>no</a></ul>')
print(links.links)
try:
    P().feed('<![bogus[x]]>')
except AssertionError as e:
    print('AssertionError', e)
