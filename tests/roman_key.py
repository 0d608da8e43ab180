"""Roman numerals written out independently of docdiff (a key for the tests)."""


def to_roman(value: int) -> str:
    thousands, hundreds, tens, ones = value // 1000, value // 100 % 10, value // 10 % 10, value % 10
    return ("M" * thousands + ["", "C", "CC", "CCC", "CD", "D", "DC", "DCC", "DCCC", "CM"][hundreds]
            + ["", "X", "XX", "XXX", "XL", "L", "LX", "LXX", "LXXX", "XC"][tens]
            + ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"][ones])
