"""The words around a ward's name: what ends a name, what is never one.

Used by :mod:`.wards` to cut the name after a unit word (``xã Tân Phú Tổ chức…``):
capitalised words that are not part of a name, words that end one only before a
given word (``Thành ủy``, ``Thị xã``), predicates that follow a name, and the
unit words as written.
"""

from __future__ import annotations

# Capitalised words that follow a unit word but are not part of a name.
STOP_SYLLABLES = frozenset(
    w.lower()
    for w in (
        "Đảng UBND HĐND MTTQ Ủy Uỷ Ban Trong Tại Về Và Cùng Sáng Chiều Tối Ngày Tháng "
        "Hôm Quận Huyện Phường Xã Chủ Bí Phó Trưởng Các Những Với Theo"
    ).split()
)
# Words that end a name only when the next word makes them a title or an office
# (Thành ủy, Tỉnh ủy, Đồng chí), since they also begin names (Mỹ Thành, Đồng Tâm).
STOP_BEFORE = {
    "thành": ("ủy", "uỷ", "phố"),
    "tỉnh": ("ủy", "uỷ"),
    "đồng": ("chí",),
    # "Thị" ends a name before "xã", "trấn" or "ủy" (a town, its party committee) but
    # begins one elsewhere: "phường Thị Cầu".
    "thị": ("xã", "trấn", "ủy", "uỷ"),
}

# One-syllable "names" that are ordinary words when capitalised (Kinh tế - Xã Hội).
NOT_NAMES = frozenset({"hoi", "nong", "doi", "nhan", "dan", "moi"})

UNIT_WORDS = {
    "phường": "phường",
    "p.": "phường",
    "xã": "xã",
    "thị trấn": "thị trấn",
    "tt.": "thị trấn",
}
# Two words that begin a predicate, not a name: "xã Ngọc Trung Thực Hiện Tốt …".
VERB_PAIRS = frozenset(
    pair.strip()
    for pair in (
        "tổ chức, thực hiện, tổng kết, triển khai, ra quân, phát động, khai mạc, hoàn thành, "
        "chào mừng, nâng cao, xây dựng, tham gia, tiếp tục, đạt chuẩn, long trọng, "
        "tưng bừng, sơ kết, trao tặng, bàn giao, khánh thành, đón nhận, công bố, ra mắt, "
        "thăm hỏi, tặng quà, vận động, đẩy mạnh, quán triệt, kỷ niệm, phối hợp, "
        "tuyên truyền, hưởng ứng, chăm lo, ra sức"
    ).split(",")
)
NEEDS_FOLLOWING = frozenset(STOP_BEFORE) | {pair.split()[0] for pair in VERB_PAIRS}
