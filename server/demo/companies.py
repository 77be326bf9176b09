"""The demo fair's exhibitors: names, profiles, booths, and each one's product plan."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from server.demo import names, texts
from server.demo.model import Pair, SectionData
from server.demo.tree import Section, join_zh, rng_for

_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_ROWS = "ABCDEFGHJKLMN"
_EURO = {"Germany", "Italy", "Spain", "Poland"}
FOREIGN_SHARE = 0.08


@dataclass
class Plan:
    """What the product stream needs to know about one exhibitor."""

    company_id: int
    product_count: int = 0
    choices: list[tuple[Section, int]] = field(default_factory=list)  # (section, type index)
    cum_weights: list[float] = field(default_factory=list)
    currency: str = "USD"
    port: tuple[str, str] = texts.DEFAULT_PORT
    model_prefix: str = "XX"
    price_factor: float = 1.0
    certs: dict[int, list[list[str]]] = field(default_factory=dict)  # section id -> choices


def lower_words(text: str) -> str:
    """"Decorative & LED Strip Lighting" -> "decorative & LED strip lighting"."""
    return " ".join(w if w.isupper() or any(c.isdigit() for c in w) else w.lower() for w in text.split())


def list_en(items: list[str]) -> str:
    if not items:
        return ""
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def list_zh(items: list[str]) -> str:
    return "、".join(items)


# ---------------------------------------------------------------- fixed exhibitors

COMPANY1_PROFILE = (
    "Founded in 2006 in Guzhen, Zhongshan, China's lighting capital, Huaguang Lighting designs "
    "and manufactures LED ceiling lamps, panel lights, downlights and decorative pendants for "
    "retailers and lighting projects in more than 60 countries. Our 28,000 m² factory runs 12 SMT "
    "and assembly lines with 420 employees and an in-house photometric lab. Products are certified "
    "to CE, RoHS, ERP, UKCA and SAA, and our quality system to ISO 9001. We offer OEM/ODM with "
    "custom housings, colour temperatures and packaging, and ship samples within 7 days.",
    "中山华光照明科技有限公司成立于2006年，位于“中国灯饰之都”中山古镇，专业设计和生产LED吸顶灯、"
    "面板灯、筒灯及装饰吊灯，产品供应60多个国家的零售商和照明工程。公司拥有28000平方米的厂房、"
    "12条SMT及组装生产线、420名员工和自有光学检测实验室。产品通过CE、RoHS、ERP、UKCA及SAA认证，"
    "并通过ISO 9001质量管理体系认证。我们提供OEM/ODM服务，可定制灯体、色温和包装，7天内可寄送样品。",
)

# slug of the main section, extra section slugs, name, city, founded, employees
_FIXED: tuple[tuple[str, tuple[str, ...], Pair, str, int, int], ...] = (
    ("indoor-lighting", ("decorative-lighting",),
     ("Zhongshan Huaguang Lighting Technology Co., Ltd.", "中山华光照明科技有限公司"), "zhongshan", 2006, 420),
    ("kitchen-appliances", ("home-appliances",),
     ("Ningbo Hengda Electrical Appliance Co., Ltd.", "宁波恒达电器有限公司"), "ningbo", 1998, 650),
)


def _employees(rng: random.Random) -> int:
    r = rng.random()
    if r < 0.35:
        return rng.randrange(20, 100)
    if r < 0.8:
        return rng.randrange(100, 500, 10)
    return rng.randrange(500, 3000, 50)


def _profile(
    rng: random.Random, name: Pair, place: Pair, year: int, employees: int,
    sec: SectionData, products: list[Pair], certs: list[str], booth: str, foreign: bool,
) -> Pair:
    industry, industry_zh = lower_words(sec.name[0]), sec.name[1]
    markets = rng.sample(names.MARKETS, rng.randint(2, 3))
    output = max(1000, employees * rng.randrange(100, 600) // 1000 * 1000)
    area = max(1000, employees * rng.randrange(25, 70) // 500 * 500)
    fields: dict[str, Any] = {
        "name": name[0], "year": year, "place": place[0], "industry": industry,
        "employees": employees, "lines": max(2, employees // 45), "area": f"{area:,}",
        "rd": max(3, employees // 25), "new": rng.randrange(30, 300, 10),
        "output": f"{output:,}",
        "products": list_en([p[0] for p in products]), "certs": list_en(certs),
        "markets": list_en([m[0] for m in markets]),
        "booth": booth,
    }
    zh = {**fields, "name": name[1], "place_zh": place[1], "industry_zh": industry_zh,
          "area": str(area), "output": str(output),
          "products": list_zh([p[1] for p in products]), "certs": list_zh(certs),
          "markets": list_zh([m[1] for m in markets])}
    parts = [
        rng.choice(texts.FOREIGN_INTRO if foreign else texts.PROFILE_INTRO),
        rng.choice(texts.PROFILE_SCALE),
        rng.choice(texts.PROFILE_PRODUCTS),
        rng.choice(texts.PROFILE_QUALITY),
        rng.choice(texts.PROFILE_CLOSING),
    ]
    en = " ".join(p[0].format(**fields) for p in parts)
    return en, "".join(p[1].format(**zh) for p in parts)


def _name(
    rng: random.Random, sd: SectionData, foreign: bool, used: set[str]
) -> tuple[Pair, Pair, Pair, str, str, Pair]:
    """A new exhibitor name -> (name, country, place, city, brand word, industry)."""
    if foreign:
        country, cities, suffix, words = rng.choice(names.FOREIGN)
        city_en = rng.choice(cities)
        for _ in range(30):
            word = rng.choice(words)
            industry = rng.choice(sd.industry)
            name = (f"{word[0]} {industry[0]} {suffix}", f"{country[1]}{word[1]}{industry[1]}有限公司")
            if name[0] not in used and name[1] not in used:
                return name, country, (f"{city_en}, {country[0]}", country[1]), city_en, word[0], industry
    # a Chinese manufacturer (also when the foreign names of this kind are used up)
    city_keys = sd.cities if sd.cities and rng.random() < 0.8 else names.GENERAL_CITIES
    for attempt in range(100_000):
        if attempt >= 20:
            city_keys = names.GENERAL_CITIES + tuple(names.CITIES)
        city = names.CITIES[rng.choice(city_keys)]
        brand = rng.choice(names.BRANDS)
        industry = rng.choice(sd.industry)
        sfx_en, sfx_zh, with_industry = rng.choice(names.SUFFIXES)
        if sfx_en.startswith("Manufacturing") and industry[1].endswith(("科技", "技术")):
            sfx_en, sfx_zh = "Co., Ltd.", "有限公司"
        if with_industry:
            name = (f"{city[0]} {brand[0]} {industry[0]} {sfx_en}",
                    join_zh([city[1], brand[1], industry[1], sfx_zh]))
        else:
            name = (f"{city[0]} {brand[0]} {sfx_en}", join_zh([city[1], brand[1], sfx_zh]))
        if name[0] not in used and name[1] not in used:
            same = city[2] == city[0]
            place = (f"{city[0]}, China" if same else f"{city[0]}, {city[2]}, China",
                     city[1] if same else f"{city[3]}{city[1]}")
            return name, ("China", "中国"), place, city[0], brand[0], industry
    raise RuntimeError("ran out of exhibitor names")  # pragma: no cover - 10^5 tries


def make_companies(
    seed: int, secs: list[Section], n_booths: int, n_products: int
) -> tuple[list[dict[str, Any]], list[Plan]]:
    """The exhibitors (wire dicts, ids 1..n_booths) and their product plans."""
    rng = rng_for(seed, "companies", n_booths)
    by_slug = {s.data.slug: s for s in secs}
    by_cat: dict[int, list[Section]] = {}
    for s in secs:
        by_cat.setdefault(s.category_id, []).append(s)

    # main sections: spread evenly, then shuffled
    fixed_mains = {f[0] for f in _FIXED}
    order = [s for s in secs if s.data.slug not in fixed_mains]
    rng.shuffle(order)
    order += [s for s in secs if s.data.slug in fixed_mains]  # they have an exhibitor already
    mains = [order[i % len(order)] for i in range(max(0, n_booths - len(_FIXED)))]
    rng.shuffle(mains)

    # product counts
    weights = [rng.lognormvariate(0.0, 0.45) for _ in range(n_booths)]
    if n_booths >= 1:
        weights[0] = 1.6
    total_w = sum(weights)
    counts = [max(1, int(n_products * w / total_w)) for w in weights]
    diff = n_products - sum(counts)
    i = 0
    while diff != 0:
        j = i % n_booths
        if diff > 0:
            counts[j] += 1
            diff -= 1
        elif counts[j] > 1:
            counts[j] -= 1
            diff += 1
        i += 1

    booth_next: dict[int, int] = {s.id: rng.randrange(0, 60) for s in secs}
    used_names: set[str] = set()
    used_codes: set[str] = set()
    companies: list[dict[str, Any]] = []
    plans: list[Plan] = []
    for idx in range(n_booths):
        cid = idx + 1
        crng = rng_for(seed, "company", cid)
        fixed = _FIXED[idx] if idx < len(_FIXED) else None
        if fixed is not None:
            main = by_slug[fixed[0]]
            extra = [by_slug[x] for x in fixed[1]]
        else:
            main = mains[idx - len(_FIXED)]
            others = [s for s in by_cat[main.category_id] if s.id != main.id]
            r = crng.random()
            n_extra = 2 if r < 0.1 else 1 if r < 0.4 else 0
            extra = crng.sample(others, min(n_extra, len(others)))
        sd = main.data
        foreign = fixed is None and crng.random() < FOREIGN_SHARE

        # name, place
        if fixed is not None:
            name: Pair = fixed[2]
            city = names.CITIES[fixed[3]]
            country: Pair = ("China", "中国")
            place: Pair = (f"{city[0]}, {city[2]}, China", f"{city[3]}{city[1]}")
            city_en = city[0]
            brand_en = name[0].split()[1]
            industry = sd.industry[0]
        else:
            name, country, place, city_en, brand_en, industry = _name(crng, sd, foreign, used_names)
            foreign = country[0] != "China"
        used_names.update(name)

        # booth
        k = booth_next[main.id]
        booth_next[main.id] = k + 1
        booth = f"{main.hall} {_ROWS[(k // 40) % len(_ROWS)]}{k % 40 + 1:02d}"

        # join code
        while True:
            raw = "".join(crng.choice(_CODE_ALPHABET) for _ in range(10))
            code = f"{raw[:5]}-{raw[5:]}"
            if code not in used_codes:
                used_codes.add(code)
                break

        # product plan
        plan = Plan(company_id=cid, product_count=counts[idx])
        cum = 0.0
        for j, s in enumerate([main, *extra]):
            n_types = len(s.data.types)
            if fixed is not None:
                tis = list(range(n_types))
            else:
                tis = sorted(crng.sample(range(n_types), min(n_types, crng.randint(3, 6))))
            share = (3.0 if j == 0 else 1.0) / len(tis)
            for ti in tis:
                cum += share
                plan.choices.append((s, ti))
                plan.cum_weights.append(cum)
            pool = list(s.data.certs)
            picked = set(crng.sample(pool, min(len(pool), crng.randint(2, 4))))
            chosen = [c for c in pool if c in picked]
            plan.certs[s.id] = [chosen, chosen[:-1] or chosen, chosen[:1]]
        if foreign:
            plan.currency = "EUR" if country[0] in _EURO else "USD"
            plan.price_factor = crng.uniform(1.3, 1.9)
        else:
            plan.currency = "CNY" if crng.random() < 0.1 and fixed is None else "USD"
            plan.price_factor = crng.uniform(0.85, 1.15)
            province = next((c[2] for c in names.CITIES.values() if c[0] == city_en), "")
            plan.port = texts.PORTS.get(province, texts.DEFAULT_PORT)
        plan.model_prefix = (brand_en[0] + industry[0][0]).upper()
        plans.append(plan)

        # profile
        year = fixed[4] if fixed is not None else crng.randint(1988, 2021)
        employees = fixed[5] if fixed is not None else _employees(crng)
        seen: list[Pair] = []
        for s, ti in sorted(plan.choices, key=lambda c: c[0].id != main.id):
            tn = s.data.types[ti].name
            if tn not in seen:
                seen.append(tn)
        products = seen[:3] if len(seen) <= 3 else crng.sample(seen, 3)
        certs = plan.certs[main.id][0]
        if fixed is not None and idx == 0:
            profile = COMPANY1_PROFILE
        else:
            profile = _profile(crng, name, place, year, employees, sd, products, certs, booth, foreign)
        companies.append({
            "id": cid,
            "name_en": name[0],
            "name_zh": name[1],
            "country": country[0],
            "city": city_en,
            "founded": year,
            "employees": employees,
            "profile_en": profile[0],
            "profile_zh": profile[1],
            "booth_no": booth,
            "main_section_id": main.id,
            "section_ids": [main.id, *(s.id for s in extra)],
            "has_logo": fixed is not None or crng.random() < 0.9,
            "has_banner": fixed is not None or crng.random() < 0.6,
            "is_demo": True,
            "join_code": code,
        })
    return companies, plans

