#!/usr/bin/env python3
"""Builds data/sample.json, the bundled sample directory (format "convene/1").

The 75 network cities come from the shared reference CSV; everything else that is
sourced is written out below from FACTS.md. Records invented for illustration
(most delegates, their organisations and the Hanoi agenda) are marked
`"illustrative": true`. The output is deterministic: same input, same bytes.

Usage: scripts/make-sample.py [--csv PATH] [--out PATH]
Then run scripts/embed-sample so the binary carries the new sample.
"""
import argparse
import csv
import datetime
import json
import os
import re
import sys
import unicodedata
import zoneinfo

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CSV = os.path.join(ROOT, "..", "shared", "reference", "uccn-asean-plus3.csv")
DEFAULT_OUT = os.path.join(ROOT, "data", "sample.json")
COORDINATES = os.path.join(ROOT, "data", "city-coordinates.csv")
SCHEMA = os.path.join(ROOT, "data", "convene.schema.json")

# --- Countries -------------------------------------------------------------

# ISO 3166-1 short names (FACTS.md); only ASEAN+3 and countries an event references.
COUNTRIES = [
    ("BN", "Brunei Darussalam", "ASEAN"),
    ("KH", "Cambodia", "ASEAN"),
    ("ID", "Indonesia", "ASEAN"),
    ("LA", "Lao People's Democratic Republic", "ASEAN"),
    ("MY", "Malaysia", "ASEAN"),
    ("MM", "Myanmar", "ASEAN"),
    ("PH", "Philippines", "ASEAN"),
    ("SG", "Singapore", "ASEAN"),
    ("TH", "Thailand", "ASEAN"),
    ("VN", "Viet Nam", "ASEAN"),
    ("CN", "China", "East Asia"),
    ("JP", "Japan", "East Asia"),
    ("KR", "Korea, Republic of", "East Asia"),
    ("MO", "Macao", "East Asia"),
    ("SE", "Sweden", "Europe"),
    ("FR", "France", "Europe"),
    ("PL", "Poland", "Europe"),
    ("IT", "Italy", "Europe"),
    ("PT", "Portugal", "Europe"),
    ("BR", "Brazil", "South America"),
]

# IANA zone by country (FACTS.md); a few cities differ from their country's zone.
ZONE_BY_COUNTRY = {
    "BN": "Asia/Brunei", "KH": "Asia/Phnom_Penh", "ID": "Asia/Jakarta",
    "LA": "Asia/Vientiane", "MY": "Asia/Kuala_Lumpur", "MM": "Asia/Yangon",
    "PH": "Asia/Manila", "SG": "Asia/Singapore", "TH": "Asia/Bangkok",
    "VN": "Asia/Ho_Chi_Minh", "CN": "Asia/Shanghai", "MO": "Asia/Macau",
    "JP": "Asia/Tokyo", "KR": "Asia/Seoul", "SE": "Europe/Stockholm",
    "FR": "Europe/Paris", "PL": "Europe/Warsaw", "IT": "Europe/Rome",
    "PT": "Europe/Lisbon", "BR": "America/Sao_Paulo",
}
ZONE_BY_CITY = {"Ambon": "Asia/Jayapura", "Kuching": "Asia/Kuching"}

# Cities that are not in the ASEAN+3 CSV: hosts of sourced events and Hue, home
# of a few illustrative delegates. A city record is a geographic fact, not
# illustrative. The six host cities outside ASEAN+3 are network members; their
# field and year of designation are cited in data/SOURCES.md ("Host cities outside
# ASEAN+3"). Taguig, Katowice and Hue carry no field: their membership is not
# recorded (which is not the same as "not a member").
EXTRA_CITIES = [
    ("Taguig", "PH", None, None),
    ("Östersund", "SE", "Gastronomy", 2010),
    ("Enghien-les-Bains", "FR", "Media Arts", 2013),
    ("Kraków", "PL", "Literature", 2013),
    ("Katowice", "PL", None, None),
    ("Fabriano", "IT", "Crafts and Folk Art", 2013),
    ("Santos", "BR", "Film", 2015),
    ("Braga", "PT", "Media Arts", 2017),
    ("Hue", "VN", None, None),
]


def slug(name):
    """An ASCII id from a name: "Kraków" -> "krakow", "Huai'an" -> "huai-an"."""
    ascii_name = unicodedata.normalize("NFKD", name.replace("Đ", "D").replace("đ", "d"))
    ascii_name = "".join(c for c in ascii_name if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def load_cities(csv_path):
    cities, seen = [], set()
    with open(csv_path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        code = row["country_iso2"]
        city = {
            "id": slug(row["city"]),
            "name": row["city"],
            "country": code,
            "timeZone": ZONE_BY_CITY.get(row["city"], ZONE_BY_COUNTRY[code]),
            "creativeField": row["field"],
            "memberSince": int(row["year"]),
        }
        cities.append(city)
        seen.add(city["id"])
    for name, code, field, year in EXTRA_CITIES:
        if slug(name) in seen:
            continue  # a host city in the CSV keeps its field and year
        city = {"id": slug(name), "name": name, "country": code, "timeZone": ZONE_BY_COUNTRY[code]}
        if field:
            city["creativeField"] = field
            city["memberSince"] = year
        cities.append(city)
    add_coordinates(cities)
    return cities, rows


def add_coordinates(cities):
    """Latitude and longitude from GeoNames (data/city-coordinates.csv, written by
    scripts/city-coordinates.py); a city it did not find stays without them."""
    if not os.path.exists(COORDINATES):
        return
    with open(COORDINATES, newline="", encoding="utf-8") as f:
        rows = {r["id"]: r for r in csv.DictReader(line for line in f if not line.startswith("#"))}
    for i, city in enumerate(cities):
        row = rows.get(city["id"])
        if not row or not row["latitude"]:
            continue
        # Keep the encoder's key order: after memberSince, before illustrative.
        items = list(city.items())
        items.append(("latitude", float(row["latitude"])))
        items.append(("longitude", float(row["longitude"])))
        cities[i] = dict(sorted(items, key=lambda kv: kv[0] == "illustrative"))


# --- Times -----------------------------------------------------------------

def stamp(zone, year, month, day, hour=0, minute=0):
    """ISO 8601 with the offset the zone had at that local time."""
    t = datetime.datetime(year, month, day, hour, minute, tzinfo=zoneinfo.ZoneInfo(zone))
    return t.isoformat(timespec="seconds")


def whole_days(zone, first, last):
    """Events whose times of day are not sourced run 00:00 to 23:59 local."""
    return stamp(zone, *first, 0, 0), stamp(zone, *last, 23, 59)


# --- Organisations ---------------------------------------------------------

SOURCED_ORGS = [
    ("hanoi-dcs", "Hanoi Department of Culture and Sports", "government", "hanoi"),
    ("unesco-hanoi", "UNESCO Office in Hanoi", "un-agency", "hanoi"),
    ("un-habitat", "UN-Habitat", "un-agency", None),
    ("hanoi-peoples-committee", "Hanoi People's Committee", "government", "hanoi"),
]

# Invented for the illustrative delegates. Generic names; any that could be read
# as a real public body carries "(illustrative)" in its name.
ILLUSTRATIVE_ORGS = [
    ("hn-design-institute", "Hanoi Institute of Creative Design (illustrative)", "university", "hanoi"),
    ("hn-urban-lab", "Old Quarter Urban Lab", "ngo", "hanoi"),
    ("hn-song-hong-studio", "Sông Hồng Design Studio", "company", "hanoi"),
    ("hn-lotus-architects", "Lotus Courtyard Architects", "company", "hanoi"),
    ("hn-heritage-volunteers", "Hanoi Heritage Volunteers Network", "ngo", "hanoi"),
    ("hn-culture-weekly", "Hanoi Culture Weekly (illustrative)", "media", "hanoi"),
    ("hn-long-bien-hub", "Long Biên Creative Hub", "company", "hanoi"),
    ("hn-district-culture", "District Culture Office, Hanoi (illustrative)", "government", "hanoi"),
    ("hn-craft-villages", "Red River Craft Villages Association", "ngo", "hanoi"),
    ("hn-young-designers", "Hanoi Young Designers Collective", "ngo", "hanoi"),
    ("hn-urban-planning", "Hanoi Urban Planning Research Centre (illustrative)", "government", "hanoi"),
    ("hn-media-arts-school", "Hanoi School of Media Arts (illustrative)", "university", "hanoi"),
    ("hoi-an-lanterns", "Hội An Lantern Makers' Cooperative", "ngo", "hoi-an"),
    ("hoi-an-culture", "Hội An City Culture Office (illustrative)", "government", "hoi-an"),
    ("da-lat-music", "Đà Lạt Highland Music Collective", "ngo", "da-lat"),
    ("hcmc-film-studio", "Saigon Riverside Film Studio", "company", "ho-chi-minh-city"),
    ("hcmc-urban-institute", "Southern Institute for Urban Studies (illustrative)", "university", "ho-chi-minh-city"),
    ("hue-heritage-studio", "Perfume River Heritage Studio", "company", "hue"),
    ("bkk-creative-office", "Bangkok Creative City Office (illustrative)", "government", "bangkok"),
    ("bkk-chao-phraya-studio", "Chao Phraya Design Studio", "company", "bangkok"),
    ("cnx-lanna-craft-lab", "Lanna Craft Lab", "ngo", "chiang-mai"),
    ("sukhothai-crafts-office", "Sukhothai Crafts Office (illustrative)", "government", "sukhothai"),
    ("chiang-rai-design-school", "Chiang Rai School of Design (illustrative)", "university", "chiang-rai"),
    ("bdg-design-collective", "Bandung Design Collective", "ngo", "bandung"),
    ("pekalongan-batik", "Pekalongan Batik Workshop", "company", "pekalongan"),
    ("ambon-music-house", "Ambon Music House", "ngo", "ambon"),
    ("cebu-design-studio", "Cebu Design Studio", "company", "cebu-city"),
    ("baguio-weavers", "Baguio Weavers Guild", "ngo", "baguio-city"),
    ("iloilo-food-heritage", "Iloilo Food Heritage Project", "ngo", "iloilo-city"),
    ("kuching-food-studio", "Sarawak Food Heritage Studio", "company", "kuching"),
    ("ipoh-music-society", "Ipoh Music Society (illustrative)", "ngo", "ipoh"),
    ("sg-tropical-cities", "Institute for Tropical Cities (illustrative)", "university", "singapore"),
    ("sg-marina-design-lab", "Marina Design Lab", "company", "singapore"),
    ("battambang-kitchen", "Battambang Culinary Workshop", "ngo", "battambang"),
    ("kanazawa-crafts-studio", "Kanazawa Crafts Studio", "company", "kanazawa"),
    ("kobe-design-office", "Kobe Design City Office (illustrative)", "government", "kobe"),
    ("nagoya-design-school", "Nagoya School of Design (illustrative)", "university", "nagoya"),
]


# --- Delegates -------------------------------------------------------------

# The three people named in the sources, as themselves.
SOURCED_DELEGATES = [
    ("pham-thi-thanh-huong", "Phạm Thị Thanh Hương",
     "Head of the Culture Division, UNESCO Office in Hanoi", "unesco-hanoi"),
    ("vu-thu-ha", "Vũ Thu Hà", "Vice Chairwoman, Hanoi People's Committee", "hanoi-peoples-committee"),
    ("do-dinh-hong", "Đỗ Đình Hồng", "Director, Hanoi Department of Culture and Sports", "hanoi-dcs"),
]

# Invented people. Hanoi names are paired with (role, organisation) in turn.
HANOI_NAMES = """
Nguyễn Thị Lan Anh; Trần Minh Đức; Lê Thu Hương; Phạm Quốc Bảo; Hoàng Thị Mai;
Đặng Văn Khôi; Bùi Ngọc Hân; Đỗ Thanh Tùng; Vũ Thị Hồng Nhung; Ngô Gia Huy;
Nguyễn Hữu Thịnh; Trần Thị Ngọc Ánh; Lê Hoàng Nam; Phan Thị Diệu Linh; Đinh Công Hậu;
Dương Thùy Trang; Lý Minh Khang; Nguyễn Đức Anh; Trương Thị Bích Ngọc; Hồ Văn Lợi;
Mai Thanh Thảo; Cao Xuân Trường; Tạ Thị Hương Ly; Lương Văn Hiếu; Kiều Thị Minh Nguyệt;
Đặng Thị Thu Hương; Nguyễn Văn Tuấn; Phạm Thị Thu Trang; Vũ Đức Thịnh; Trịnh Hải Yến;
Lã Văn Quang; Đoàn Thị Kim Oanh; Nguyễn Mạnh Cường; Lê Thị Phương; Hà Quang Vinh;
Tô Thị Thanh Tâm; Phùng Văn Hải; Nguyễn Thị Quỳnh Hương; Bùi Đức Long; Chu Thị Hạnh;
Vương Tuấn Kiệt; Lê Minh Châu; Trần Đăng Quân; Nguyễn Thị Thanh Huyền; Đỗ Hoàng Việt;
Hoàng Thị Thúy Hằng; Phạm Văn Hưng; Nghiêm Thị Loan; Khuất Duy Tùng; Ngô Thị Lệ Thu;
Nguyễn Tiến Phát; Trần Thị Hương Thảo; Lưu Bảo Ngọc; Đàm Văn Toàn; Quách Thị Hoài;
Võ Minh Tâm; Lâm Thị Mỹ Duyên; Nguyễn Khánh Ngân; Hoàng Văn Đức; Phó Thị Ngân;
Triệu Quốc Khánh; Đặng Minh Hoàng; Nguyễn Thị Thu Hiền; Lê Văn Sang; Trần Phương Nhi;
Vũ Hải Đăng; Nguyễn Thùy Dung; Phạm Gia Bảo; Đỗ Thị Hà My; Bạch Văn Thành;
Ninh Thị Hồng Vân; Nguyễn Trung Kiên; Lê Thị Ánh Tuyết; Tăng Quốc Trung; Hoàng Mai Hương;
Trần Văn Phúc; Nguyễn Ngọc Diệp; Mạc Đăng Khoa; Vi Thị Hoa; Nông Văn Thái;
Lê Quang Huy
"""

HANOI_ROLES = [
    ("Lecturer in product design", "hn-design-institute"),
    ("Urban researcher", "hn-urban-lab"),
    ("Graphic designer", "hn-song-hong-studio"),
    ("Architect", "hn-lotus-architects"),
    ("Heritage volunteer coordinator", "hn-heritage-volunteers"),
    ("Culture journalist", "hn-culture-weekly"),
    ("Creative hub manager", "hn-long-bien-hub"),
    ("City culture official", "hn-district-culture"),
    ("Craft village representative", "hn-craft-villages"),
    ("Fashion designer", "hn-young-designers"),
    ("Urban planner", "hn-urban-planning"),
    ("Media artist", "hn-media-arts-school"),
    ("Interior architect", "hn-lotus-architects"),
    ("Design student", "hn-design-institute"),
    ("Programme officer", "hn-district-culture"),
    ("Landscape architect", "hn-urban-planning"),
    ("Curator", "hn-long-bien-hub"),
    ("Photographer", "hn-culture-weekly"),
    ("Researcher in cultural policy", "hn-urban-lab"),
    ("Lacquer artist", "hn-craft-villages"),
    ("Industrial designer", "hn-song-hong-studio"),
    ("Event producer", "hn-young-designers"),
    ("Lecturer in animation", "hn-media-arts-school"),
]

# (name, city id, role, organisation id or None)
OTHER_VN = [
    ("Huỳnh Thị Thu Ba", "hoi-an", "Lantern maker", "hoi-an-lanterns"),
    ("Phan Văn Lộc", "hoi-an", "City culture official", "hoi-an-culture"),
    ("Lê Thị Kim Liên", "hoi-an", "Tailor and textile designer", None),
    ("Trần Quang Nhật", "hoi-an", "Heritage conservation officer", "hoi-an-culture"),
    ("Võ Thị Ngọc Hương", "hoi-an", "Ceramic artist", "hoi-an-lanterns"),
    ("Nguyễn Hoàng Phúc", "da-lat", "Composer", "da-lat-music"),
    ("Đặng Thị Tuyết Mai", "da-lat", "Music teacher", "da-lat-music"),
    ("Lê Văn Khánh", "da-lat", "Festival organiser", None),
    ("Phạm Nhật Minh", "da-lat", "Sound engineer", "da-lat-music"),
    ("Huỳnh Minh Trí", "ho-chi-minh-city", "Film producer", "hcmc-film-studio"),
    ("Nguyễn Thị Bảo Trâm", "ho-chi-minh-city", "Urban researcher", "hcmc-urban-institute"),
    ("Lâm Quốc Thiện", "ho-chi-minh-city", "Architect", None),
    ("Trần Thị Mỹ Ngân", "ho-chi-minh-city", "Screenwriter", "hcmc-film-studio"),
    ("Châu Gia Vĩ", "ho-chi-minh-city", "Lecturer in urban design", "hcmc-urban-institute"),
    ("Tôn Nữ Minh Châu", "hue", "Heritage architect", "hue-heritage-studio"),
    ("Hồ Đắc Thuận", "hue", "Craft researcher", "hue-heritage-studio"),
]

FOREIGN = [
    ("ณัฐพล ศรีสุข", "bangkok", "Urban designer", "bkk-creative-office"),
    ("Kanokwan Rattanapong", "bangkok", "Design strategist", "bkk-chao-phraya-studio"),
    ("พิมพ์ชนก แก้วมณี", "chiang-mai", "Craft researcher", "cnx-lanna-craft-lab"),
    ("Anucha Thongdee", "sukhothai", "City culture official", "sukhothai-crafts-office"),
    ("Siriporn Chaiyawat", "chiang-rai", "Lecturer in design", "chiang-rai-design-school"),
    ("Dimas Prasetyo", "bandung", "Architect", "bdg-design-collective"),
    ("Rina Kusumawati", "bandung", "Urban planner", "bdg-design-collective"),
    ("Siti Rahmawati", "pekalongan", "Batik designer", "pekalongan-batik"),
    ("Maria Pattiasina", "ambon", "Music programme manager", "ambon-music-house"),
    ("Paolo Dela Cruz", "cebu-city", "Furniture designer", "cebu-design-studio"),
    ("Grace Bayangan", "baguio-city", "Weaver and curator", "baguio-weavers"),
    ("Kristine Sarmiento", "iloilo-city", "Food heritage researcher", "iloilo-food-heritage"),
    ("Nur Aisyah Rahman", "kuching", "Chef and food writer", "kuching-food-studio"),
    ("Mohd Hafiz bin Kamarudin", "ipoh", "Music promoter", "ipoh-music-society"),
    ("陈慧玲", "singapore", "Researcher in urban climate", "sg-tropical-cities"),
    ("Priya Raman", "singapore", "Service designer", "sg-marina-design-lab"),
    ("Chan Sophea", "battambang", "Culinary educator", "battambang-kitchen"),
    ("田中 美咲", "kanazawa", "Crafts curator", "kanazawa-crafts-studio"),
    ("Kenji Morimoto", "kobe", "City design official", "kobe-design-office"),
    ("中村 陽子", "nagoya", "Professor of design", "nagoya-design-school"),
]


# Illustrative delegates marked as having asked not to be named ("listed": false), so the
# browser and the commands show how an unlisted person is counted but never named. Only
# invented people: a sourced person's consent is theirs to give. One of them speaks at the
# Hanoi conference, to show that a speaker's name on their session stays public by role.
UNLISTED = {"Mohd Hafiz bin Kamarudin", "Kiều Thị Minh Nguyệt", "Phan Văn Lộc"}


def make_delegates(cities_by_id):
    delegates = []
    for did, name, role, org in SOURCED_DELEGATES:
        delegates.append({"id": did, "name": name, "role": role, "organization": org,
                          "city": "hanoi", "country": "VN", "events": ["hanoi-2023"]})
    invented = []
    names = [n.strip() for n in HANOI_NAMES.replace("\n", " ").split(";") if n.strip()]
    for i, name in enumerate(names):
        role, org = HANOI_ROLES[i % len(HANOI_ROLES)]
        invented.append((name, "hanoi", role, org))
    invented += OTHER_VN + FOREIGN
    for n, (name, city, role, org) in enumerate(invented, start=1):
        events = ["hanoi-2023"]
        # Some also visit the design festival the conference was part of.
        if n % 4 == 0 or city in ("bangkok", "singapore", "kanazawa"):
            events.append("hanoi-design-festival-2023")
        d = {"id": f"d{n:03d}", "name": name, "role": role}
        if org:
            d["organization"] = org
        d.update({"city": city, "country": cities_by_id[city]["country"],
                  "events": events, "illustrative": True})
        if name in UNLISTED:
            d["listed"] = False
        delegates.append(d)
    return delegates


def by_name(delegates, name):
    return next(d["id"] for d in delegates if d["name"] == name)


# --- Events ----------------------------------------------------------------

HANOI_THEMES = [
    "Urban regeneration and sustainable development",
    "Culture and creativity for urban development and quality of life in ASEAN",
    "Solutions for ASEAN Plus 3 member cities facing rapid urbanisation and climate change",
    "City-level cooperation",
    "Hanoi's new development direction and cooperation opportunities in design",
]

HANOI_SOURCES = [
    "Seed article on the conference: \u201cmore than 120 delegates, including 20 from ASEAN member "
    "cities and Asian cities cooperating with Hanoi\u201d",
    "VNA (Vietnam News Agency): over 100 Vietnamese and 20 foreign delegates",
    "Nhân Dân (nhandan.vn), post 783273: forum title \u201cTái tạo đô thị và phát triển bền vững\u201d; "
    "more than 100 Vietnamese and more than 20 foreign delegates",
    "qdnd.vn and kinhtedothi.vn: part of the Hanoi Creative Design Festival 2023",
]


def hanoi_sessions(delegates):
    z = "Asia/Ho_Chi_Minh"
    t = lambda h, m: stamp(z, 2023, 11, 18, h, m)
    ids = lambda *names: [by_name(delegates, n) for n in names]
    invented = "The time, room and speakers are illustrative."
    rows = [
        ("Registration and welcome coffee", (8, 0), (8, 30), "Lobby", "General", [],
         "Illustrative: the conference's reported venue is the Hanoi Museum; this slot is invented."),
        ("Opening speech", (8, 30), (8, 50), "Main hall", "Plenary", ["vu-thu-ha"],
         "Sourced: Vũ Thu Hà, Vice Chairwoman of the Hanoi People's Committee, gave the opening "
         "speech. Illustrative: the time, length and room."),
        ("Remarks from the UNESCO Office in Hanoi", (8, 50), (9, 10), "Main hall", "Plenary",
         ["pham-thi-thanh-huong"],
         "Sourced: Phạm Thị Thanh Hương, Head of the Culture Division, UNESCO Office in Hanoi, "
         "spoke at the conference. Illustrative: the time, length and room."),
        ("Panel: Urban regeneration and sustainable development", (9, 10), (10, 30), "Main hall",
         "Plenary", ids("Lê Hoàng Nam", "Rina Kusumawati", "Nguyễn Thị Bảo Trâm", "陈慧玲"),
         "Sourced: the forum's theme (nhandan.vn). " + invented),
        ("Coffee break", (10, 30), (10, 45), "Lobby", "General", [],
         "Illustrative: an invented break."),
        ("Panel: Culture and creativity for urban development and quality of life in ASEAN",
         (10, 45), (12, 0), "Main hall", "Plenary",
         ids("Kanokwan Rattanapong", "Đặng Văn Khôi", "Grace Bayangan", "Lê Thu Hương"),
         "Sourced: one of the conference's reported focus themes. " + invented),
        ("Lunch", (12, 0), (13, 30), "Museum courtyard", "General", [],
         "Illustrative: an invented break."),
        ("Panel: ASEAN Plus 3 cities facing rapid urbanisation and climate change",
         (13, 30), (14, 45), "Main hall", "Climate and cities",
         ids("Dimas Prasetyo", "Kenji Morimoto", "Phan Thị Diệu Linh", "Nur Aisyah Rahman"),
         "Sourced: one of the conference's reported focus themes. " + invented),
        ("Workshop: City-level cooperation between creative cities", (13, 30), (14, 45), "Room 2",
         "Cooperation", ids("ณัฐพล ศรีสุข", "Anucha Thongdee", "Phan Văn Lộc", "Hà Quang Vinh"),
         "Sourced: city-level cooperation was a reported focus. " + invented),
        ("Hanoi's new development direction and cooperation opportunities in design",
         (15, 0), (16, 15), "Main hall", "Design",
         ids("Trần Minh Đức", "田中 美咲", "Paolo Dela Cruz", "Nguyễn Thị Quỳnh Hương"),
         "Sourced: one of the conference's reported focus themes. " + invented),
        ("Roundtable: Crafts, design and the creative economy", (15, 0), (16, 15), "Room 2",
         "Cooperation", ids("พิมพ์ชนก แก้วมณี", "Siti Rahmawati", "Huỳnh Thị Thu Ba", "Đặng Thị Thu Hương"),
         "Illustrative: an invented session; the speakers are illustrative delegates."),
        ("Closing and summary", (16, 30), (17, 0), "Main hall", "Plenary",
         ids("Nguyễn Thị Lan Anh"),
         "Illustrative: an invented closing session."),
    ]
    sessions = []
    for n, (title, a, b, room, track, speakers, desc) in enumerate(rows, start=1):
        sessions.append({"id": f"hanoi-2023-s{n:02d}", "title": title, "start": t(*a), "end": t(*b),
                         "room": room, "track": track, "speakers": speakers, "description": desc,
                         "illustrative": True})
    return sessions


def annual(number, year, city, zone, first, last, source, theme=None, venue="Venue not recorded"):
    start, end = whole_days(zone, first, last)
    return {
        "id": f"uccn-{year}-{city}", "title": f"UCCN Annual Conference {number}", "kind": "conference",
        "city": city, "venue": venue, "start": start, "end": end, "timeZone": zone,
        "organizers": [], "themes": [theme] if theme else [], "sources": [source], "sessions": [],
    }


def make_events(delegates):
    hanoi = {
        "id": "hanoi-2023",
        "title": "UNESCO ASEAN Creative Cities Network conference",
        "localTitle": "Tái tạo đô thị và phát triển bền vững",
        "kind": "conference",
        "city": "hanoi",
        "venue": "Hanoi Museum",
        "start": stamp("Asia/Ho_Chi_Minh", 2023, 11, 18, 8, 0),
        "end": stamp("Asia/Ho_Chi_Minh", 2023, 11, 18, 17, 30),
        "timeZone": "Asia/Ho_Chi_Minh",
        "organizers": ["hanoi-dcs", "unesco-hanoi", "un-habitat"],
        "themes": HANOI_THEMES,
        "reportedDelegates": 120,
        "sources": HANOI_SOURCES,
        "sessions": hanoi_sessions(delegates),
    }
    fs, fe = whole_days("Asia/Ho_Chi_Minh", (2023, 11, 17), (2023, 11, 28))
    festival = {
        "id": "hanoi-design-festival-2023",
        "title": "Hanoi Creative Design Festival 2023",
        "kind": "festival",
        "city": "hanoi",
        "venue": "Gia Lâm Train Factory",
        "start": fs, "end": fe,
        "timeZone": "Asia/Ho_Chi_Minh",
        "organizers": [],
        "themes": ["Dòng chảy (Flow)"],
        "sources": ["qdnd.vn: opened the evening of 17 Nov 2023 at the Gia Lâm Train Factory, "
                    "theme \u201cDòng chảy\u201d",
                    "kinhtedothi.vn: planned for 17–26 Nov 2023, extended to 28 Nov"],
        "sessions": [],
    }
    events = [hanoi, festival]
    events += [
        annual("VIII", 2014, "chengdu", "Asia/Shanghai", (2014, 9, 26), (2014, 9, 29),
               "Shanghai Daily, 9 Sep 2014"),
        annual("IX", 2015, "kanazawa", "Asia/Tokyo", (2015, 5, 25), (2015, 5, 28), "creativekanazawa.jp"),
        annual("X", 2016, "ostersund", "Europe/Stockholm", (2016, 9, 14), (2016, 9, 16), "en.unesco.org"),
        annual("XI", 2017, "enghien-les-bains", "Europe/Paris", (2017, 6, 30), (2017, 7, 2),
               "UNESCO archive"),
        annual("XII", 2018, "krakow", "Europe/Warsaw", (2018, 6, 12), (2018, 6, 15),
               "UNESCO press release", venue="Kraków and Katowice (venues not recorded)"),
        annual("XIII", 2019, "fabriano", "Europe/Rome", (2019, 6, 10), (2019, 6, 15),
               "unescofabriano2019.it"),
        annual("XIV", 2022, "santos", "America/Sao_Paulo", (2022, 7, 18), (2022, 7, 22),
               "turismosantos.com.br"),
        annual("XVI", 2024, "braga", "Europe/Lisbon", (2024, 7, 1), (2024, 7, 5), "forumbraga.com",
               theme="Bringing youth to the table for the next decade"),
        annual("XVII", 2025, "enghien-les-bains", "Europe/Paris", (2025, 6, 23), (2025, 6, 24),
               "targatocn.it", theme="Culture and Artificial Intelligence"),
    ]

    def regional(eid, title, kind, city, zone, first, last, sources, venue="Venue not recorded"):
        start, end = whole_days(zone, first, last)
        return {"id": eid, "title": title, "kind": kind, "city": city, "venue": venue,
                "start": start, "end": end, "timeZone": zone, "organizers": [], "themes": [],
                "sources": sources, "sessions": []}

    events += [
        regional("asean-creative-cities-forum-2017", "ASEAN Creative Cities Forum and Exhibition", "forum",
                 "taguig", "Asia/Manila", (2017, 4, 24), (2017, 4, 27),
                 ["britishcouncil.ph: exhibition 24–27 Apr 2017, forum 26–27 Apr 2017"]),
        regional("bangkok-creative-city-dialogue-2023", "Bangkok Creative City Dialogue", "meeting",
                 "bangkok", "Asia/Bangkok", (2023, 2, 10), (2023, 2, 10),
                 ["cea.or.th: 10 UCCN cities took part"]),
        regional("kuching-creative-cities-forum-2024", "Kuching Creative Cities Forum", "forum",
                 "kuching", "Asia/Kuching", (2024, 9, 14), (2024, 9, 14),
                 ["dayakdaily.com: 12 Asia-Pacific UCCN cities took part"]),
        regional("seacn-mou-renewal-2025", "Southeast Asian Creative Cities Network MoU renewal", "meeting",
                 "kuala-lumpur", "Asia/Kuala_Lumpur", (2025, 11, 15), (2025, 11, 15),
                 ["thinkcity.com.my"]),
    ]
    return events


NOTICE = (
    "Sample data. Records marked illustrative \u2014 most delegates, the organisations they belong to "
    "and the Hanoi conference agenda (its sessions, times, rooms and speakers) \u2014 are invented for "
    "illustration. The rest (cities, network fields and years, events, dates, venues, organisers, "
    "themes, reported attendance and the three named officials) is sourced: see data/SOURCES.md."
)


def build(csv_path):
    cities, _ = load_cities(csv_path)
    cities_by_id = {c["id"]: c for c in cities}
    orgs = []
    for oid, name, kind, city in SOURCED_ORGS:
        o = {"id": oid, "name": name, "kind": kind}
        if city:
            o["city"] = city
        orgs.append(o)
    for oid, name, kind, city in ILLUSTRATIVE_ORGS:
        orgs.append({"id": oid, "name": name, "kind": kind, "city": city, "illustrative": True})
    delegates = make_delegates(cities_by_id)
    return {
        "format": "convene/1",
        "title": "UNESCO Creative Cities \u2014 ASEAN+3 directory (sample)",
        "notice": NOTICE,
        "countries": [{"code": c, "name": n, "region": r} for c, n, r in COUNTRIES],
        "cities": cities,
        "organizations": orgs,
        "events": make_events(delegates),
        "delegates": delegates,
    }


# --- Checks ----------------------------------------------------------------

def parse(ts):
    return datetime.datetime.fromisoformat(ts)


def check(doc):
    """The loader's rules, so a broken sample never gets written."""
    problems = []
    idre = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
    countries = {c["code"] for c in doc["countries"]}
    for kind in ("cities", "organizations", "events", "delegates"):
        ids = [r["id"] for r in doc[kind]]
        dup = {i for i in ids if ids.count(i) > 1}
        if dup:
            problems.append(f"duplicate {kind} ids: {sorted(dup)}")
        problems += [f"bad {kind} id {i!r}" for i in ids if not idre.match(i)]
    if len({c["code"] for c in doc["countries"]}) != len(doc["countries"]):
        problems.append("duplicate country codes")
    cities = {c["id"]: c for c in doc["cities"]}
    orgs = {o["id"] for o in doc["organizations"]}
    events = {e["id"]: e for e in doc["events"]}
    delegates = {d["id"]: d for d in doc["delegates"]}
    for c in doc["cities"]:
        if c["country"] not in countries:
            problems.append(f"city {c['id']}: unknown country {c['country']}")
        zoneinfo.ZoneInfo(c["timeZone"])
    for o in doc["organizations"]:
        if "city" in o and o["city"] not in cities:
            problems.append(f"organization {o['id']}: unknown city")
    session_ids = []
    for e in doc["events"]:
        zoneinfo.ZoneInfo(e["timeZone"])
        if e["city"] not in cities:
            problems.append(f"event {e['id']}: unknown city")
        elif cities[e["city"]]["timeZone"] != e["timeZone"]:
            problems.append(f"event {e['id']}: zone differs from its city's")
        if not e["venue"]:
            problems.append(f"event {e['id']}: empty venue")
        problems += [f"event {e['id']}: unknown organizer {o}" for o in e["organizers"] if o not in orgs]
        s, t = parse(e["start"]), parse(e["end"])
        if not t > s:
            problems.append(f"event {e['id']}: end not after start")
        for x in (e["start"], e["end"]):
            if parse(x).utcoffset() != parse(x).astimezone(zoneinfo.ZoneInfo(e["timeZone"])).utcoffset():
                problems.append(f"event {e['id']}: offset of {x} is not the zone's")
        for ss in e["sessions"]:
            session_ids.append(ss["id"])
            a, b = parse(ss["start"]), parse(ss["end"])
            if not (s <= a < b <= t):
                problems.append(f"session {ss['id']}: not within its event or end not after start")
            for sp in ss["speakers"]:
                if sp not in delegates:
                    problems.append(f"session {ss['id']}: unknown speaker {sp}")
                elif e["id"] not in delegates[sp]["events"]:
                    problems.append(f"session {ss['id']}: speaker {sp} does not attend {e['id']}")
    if len(set(session_ids)) != len(session_ids):
        problems.append("duplicate session ids")
    for d in doc["delegates"]:
        city = cities.get(d["city"])
        if city is None:
            problems.append(f"delegate {d['id']}: unknown city")
        elif city["country"] != d["country"]:
            problems.append(f"delegate {d['id']}: country {d['country']} is not its city's")
        if d.get("organization") and d["organization"] not in orgs:
            problems.append(f"delegate {d['id']}: unknown organization")
        problems += [f"delegate {d['id']}: unknown event {x}" for x in d["events"] if x not in events]
    listed = sum("hanoi-2023" in d["events"] for d in doc["delegates"])
    if listed != 120:
        problems.append(f"hanoi-2023 lists {listed} delegates, not 120")
    names = [d["name"] for d in doc["delegates"]]
    if len(set(names)) != len(names):
        problems.append("duplicate delegate names")
    if any(unicodedata.normalize("NFC", n) != n for n in names):
        problems.append("a delegate name is not NFC")
    if len(doc["cities"]) < 75 or sum("creativeField" in c for c in doc["cities"]) != 75 + 6:
        problems.append("expected 75 network cities of ASEAN+3 and 6 host cities outside it")
    try:
        import jsonschema
        with open(SCHEMA, encoding="utf-8") as f:
            schema = json.load(f)
        v = jsonschema.Draft202012Validator(schema)
        problems += [f"schema: {'/'.join(map(str, err.absolute_path))}: {err.message}"
                     for err in v.iter_errors(doc)]
    except ImportError:
        print("note: jsonschema not installed; schema not checked", file=sys.stderr)
    return problems


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--csv", default=DEFAULT_CSV)
    ap.add_argument("--out", default=DEFAULT_OUT)
    args = ap.parse_args()
    doc = build(args.csv)
    problems = check(doc)
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(args.out)}: {len(doc['cities'])} cities, "
          f"{len(doc['events'])} events, {len(doc['delegates'])} delegates")


if __name__ == "__main__":
    main()
