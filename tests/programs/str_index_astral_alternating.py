# Indexing strings with and without characters beyond the BMP (surrogate pairs inside pyjit), in
# turn: the answer kept for one string must never be used for another.
plain = "abcdefghijklmnopqrstuvwxyz0123456789"          # 36 characters, none astral
astral = "abc\U0001F600defghijklmnopqrstuvwxyz012345678"  # 36 characters, one astral
same_len_other = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
long_plain = "x" * 5000 + "END"
long_astral = "y" * 5000 + "\U0001F680" + "END"
out = []
for i in range(40):
    k = i % 36
    out.append(plain[k] + astral[k] + same_len_other[k] + plain[-1 - k] + astral[-1 - k])
    out.append(long_plain[5000 + i % 3] + long_astral[5000 + i % 4] + astral[3])
print(len(out), "".join(out[:20]))
print(out[-6:])
print(len(plain), len(astral), len(long_astral), astral[3] == "\U0001F600", long_astral[5000] == "\U0001F680")
print(astral[2:6], long_astral[4998:5004], astral.find("d"), long_astral.index("END"))
for s in (plain, astral):
    try:
        s[36]
    except IndexError as e:
        print("IndexError", e)
