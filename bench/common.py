"""Shared helpers for the benchmarks: a budget table and a bilingual catalog generator.

The generator is a fallback used when ``server.demo.generator`` is not available; it
produces protocol-shaped products (docs/protocol.md, "Entities on the wire") with a
vocabulary similar to the demo fair's: bilingual product names built from attributes
and product kinds, templated descriptions, specs, prices, MOQs and certifications.
It is deterministic for a seed and streams (never holding all products at once).
"""

from __future__ import annotations

import os
import platform
import random
import statistics
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

# (English, Chinese) product kinds per category
KINDS: dict[str, list[tuple[str, str]]] = {
    "household": [
        ("Insulated Cup", "保温杯"), ("Thermos Flask", "保温瓶"), ("Electric Kettle", "电水壶"),
        ("Rice Cooker", "电饭煲"), ("Air Fryer", "空气炸锅"), ("Blender", "搅拌机"),
        ("Coffee Maker", "咖啡机"), ("Toaster", "烤面包机"), ("Microwave Oven", "微波炉"),
        ("Vacuum Cleaner", "吸尘器"), ("Electric Fan", "电风扇"), ("Humidifier", "加湿器"),
    ],
    "lighting": [
        ("LED Ceiling Lamp", "LED吸顶灯"), ("Desk Lamp", "台灯"), ("Floor Lamp", "落地灯"),
        ("LED Strip Light", "LED灯带"), ("Solar Garden Light", "太阳能庭院灯"),
        ("Flood Light", "泛光灯"), ("Pendant Light", "吊灯"), ("Wall Lamp", "壁灯"),
        ("LED Bulb", "LED灯泡"), ("Street Light", "路灯"),
    ],
    "hardware": [
        ("Cordless Drill", "无绳电钻"), ("Angle Grinder", "角磨机"), ("Socket Wrench Set", "套筒扳手套装"),
        ("Screwdriver Set", "螺丝刀套装"), ("Hammer", "锤子"), ("Tape Measure", "卷尺"),
        ("Padlock", "挂锁"), ("Door Hinge", "门铰链"), ("Welding Machine", "电焊机"),
    ],
    "textiles": [
        ("Cotton T-Shirt", "纯棉T恤"), ("Silk Scarf", "真丝围巾"), ("Down Jacket", "羽绒服"),
        ("Denim Jeans", "牛仔裤"), ("Bath Towel", "浴巾"), ("Bed Sheet Set", "床单套件"),
        ("Wool Sweater", "羊毛衫"), ("Yoga Pants", "瑜伽裤"),
    ],
    "toys": [
        ("Building Blocks", "积木"), ("Plush Toy", "毛绒玩具"), ("Remote Control Car", "遥控车"),
        ("Puzzle", "拼图"), ("Doll House", "娃娃屋"), ("Kite", "风筝"),
    ],
    "bags": [
        ("Backpack", "双肩包"), ("Suitcase", "行李箱"), ("Handbag", "手提包"),
        ("Wallet", "钱包"), ("Laptop Bag", "电脑包"), ("Tote Bag", "帆布袋"),
    ],
    "energy": [
        ("Solar Panel", "太阳能电池板"), ("Lithium Battery", "锂电池"), ("Power Inverter", "逆变器"),
        ("Portable Power Station", "便携式储能电源"), ("Wind Turbine", "风力发电机"),
    ],
    "machinery": [
        ("Injection Molding Machine", "注塑机"), ("CNC Lathe", "数控车床"), ("Air Compressor", "空气压缩机"),
        ("Water Pump", "水泵"), ("Diesel Generator", "柴油发电机"), ("Packing Machine", "包装机"),
    ],
}
MATERIALS = [
    ("Stainless Steel", "不锈钢"), ("Aluminium", "铝合金"), ("Plastic", "塑料"), ("Bamboo", "竹制"),
    ("Ceramic", "陶瓷"), ("Glass", "玻璃"), ("Wooden", "木质"), ("Copper", "铜质"),
    ("Silicone", "硅胶"), ("Leather", "皮革"), ("Nylon", "尼龙"), ("Carbon Fibre", "碳纤维"),
]
COLOURS = [
    ("Black", "黑色"), ("White", "白色"), ("Red", "红色"), ("Blue", "蓝色"), ("Green", "绿色"),
    ("Silver", "银色"), ("Gold", "金色"), ("Pink", "粉色"), ("Grey", "灰色"), ("Yellow", "黄色"),
]
QUALITIES = [
    ("Portable", "便携式"), ("Smart", "智能"), ("Eco-Friendly", "环保"), ("Heavy Duty", "重型"),
    ("Mini", "迷你"), ("Waterproof", "防水"), ("Foldable", "折叠"), ("Premium", "高端"),
    ("Rechargeable", "充电式"), ("Energy Saving", "节能"), ("Wireless", "无线"), ("Vintage", "复古"),
]
SIZES = ["350ml", "500ml", "1L", "1.5L", "2L", "5W", "12W", "36W", "100W", "1500W", "10cm",
         "30cm", "60cm", "1.2m", "20V", "12V", "XL", "M", "24 inch", "3kg"]
CITIES = [("Ningbo", "宁波"), ("Shenzhen", "深圳"), ("Guangzhou", "广州"), ("Yiwu", "义乌"),
          ("Foshan", "佛山"), ("Dongguan", "东莞"), ("Xiamen", "厦门"), ("Suzhou", "苏州"),
          ("Wenzhou", "温州"), ("Zhongshan", "中山"), ("Qingdao", "青岛"), ("Hangzhou", "杭州")]
BRANDS = [("Hengda", "恒达"), ("Jinli", "金力"), ("Meida", "美达"), ("Huaxin", "华信"),
          ("Xinyuan", "鑫源"), ("Tianrun", "天润"), ("Hongfa", "宏发"), ("Kaiyue", "凯越"),
          ("Longsheng", "隆盛"), ("Ruifeng", "瑞丰"), ("Boyuan", "博源"), ("Jiahe", "嘉禾")]
TRADES = [("Electrical Appliance", "电器"), ("Lighting", "照明"), ("Hardware", "五金"),
          ("Textile", "纺织"), ("Toys", "玩具"), ("Industrial", "实业"), ("Technology", "科技")]
CERTS = ["CE", "RoHS", "FCC", "UL", "ISO 9001", "FDA", "LFGB", "GS", "CCC", "BSCI", "GOTS",
         "OEKO-TEX"]
UNITS = [("pieces", "件"), ("sets", "套"), ("cartons", "箱"), ("meters", "米"), ("kg", "千克")]
DESC_EN = [
    "Made of {mat} with a {qual} design, ideal for home, office and travel use.",
    "Our {kind} passes strict quality inspection before shipment; OEM and ODM welcome.",
    "Durable {mat} body, {colour} finish, available in custom colours and logo printing.",
    "Factory direct price, fast delivery, samples available within 7 days.",
]
DESC_ZH = [
    "采用优质{mat}材料，{qual}设计，适合家庭、办公和旅行使用。",
    "本公司{kind}出厂前经过严格质检，支持OEM和ODM定制。",
    "{mat}机身经久耐用，{colour}外观，可定制颜色和印刷标志。",
    "工厂直销价格，交货迅速，7天内可提供样品。",
]
SECTIONS_PER_CATEGORY = 3


def categories() -> list[dict[str, Any]]:
    return [
        {"id": i + 1, "slug": name, "name_en": name.title(), "name_zh": KINDS[name][0][1],
         "position": i}
        for i, name in enumerate(KINDS)
    ]


def sections() -> list[dict[str, Any]]:
    out = []
    for ci, name in enumerate(KINDS):
        for j in range(SECTIONS_PER_CATEGORY):
            sid = ci * SECTIONS_PER_CATEGORY + j + 1
            out.append({"id": sid, "category_id": ci + 1, "slug": f"{name}-{j + 1}",
                        "name_en": f"{name.title()} {j + 1}", "name_zh": f"{KINDS[name][j][1]}专区",
                        "position": sid, "booth_count": 0, "product_count": 0, "est_bytes": 0})
    return out


def companies(count: int, seed: int = 2026) -> list[dict[str, Any]]:
    rnd = random.Random(seed * 7 + 1)
    secs = sections()
    out = []
    for cid in range(1, count + 1):
        city = rnd.choice(CITIES)
        brand = rnd.choice(BRANDS)
        trade = rnd.choice(TRADES)
        sec = secs[(cid - 1) % len(secs)]
        out.append({
            "id": cid,
            "name_en": f"{city[0]} {brand[0]} {trade[0]} Co., Ltd. {cid}",
            "name_zh": f"{city[1]}{brand[1]}{trade[1]}有限公司{cid}",
            "country": "CN", "city": city[0], "founded": 1990 + cid % 30,
            "employees": 50 + cid % 900, "profile_en": "A manufacturer.", "profile_zh": "制造商。",
            "booth_no": f"{cid % 20}.{cid % 3 + 1} D{cid % 90}", "main_section_id": sec["id"],
            "section_ids": [sec["id"]], "has_logo": True, "has_banner": False, "is_demo": True,
            "version": 1, "updated_at": "2026-11-01T00:00:00Z",
        })
    return out


def products(count: int, n_companies: int, seed: int = 2026,
             batch: int = 2000) -> Iterator[list[dict[str, Any]]]:
    """Stream ``count`` products in batches, grouped by section like a section pull."""
    rnd = random.Random(seed)
    secs = sections()
    cats = list(KINDS)
    per_section = max(1, count // len(secs))
    pid = 0
    buf: list[dict[str, Any]] = []
    for sec in secs:
        n = per_section if sec is not secs[-1] else count - pid
        kinds = KINDS[cats[sec["category_id"] - 1]]
        sec_companies = [c for c in range(sec["id"], n_companies + 1, len(secs))] or [1]
        for _ in range(n):
            pid += 1
            kind = rnd.choice(kinds)
            mat = rnd.choice(MATERIALS)
            colour = rnd.choice(COLOURS)
            qual = rnd.choice(QUALITIES)
            size = rnd.choice(SIZES)
            pmin = rnd.randrange(50, 50000)
            d = rnd.randrange(4)
            buf.append({
                "id": pid, "company_id": rnd.choice(sec_companies), "section_id": sec["id"],
                "category_id": sec["category_id"],
                "name_en": f"{qual[0]} {mat[0]} {kind[0]} {size} {colour[0]}",
                "name_zh": f"{size}{colour[1]}{qual[1]}{mat[1]}{kind[1]}",
                "desc_en": DESC_EN[d].format(mat=mat[0].lower(), qual=qual[0].lower(),
                                             kind=kind[0].lower(), colour=colour[0].lower())
                + " " + DESC_EN[(d + 1) % 4].format(mat=mat[0].lower(), qual=qual[0].lower(),
                                                    kind=kind[0].lower(), colour=colour[0].lower()),
                "desc_zh": DESC_ZH[d].format(mat=mat[1], qual=qual[1], kind=kind[1], colour=colour[1])
                + DESC_ZH[(d + 1) % 4].format(mat=mat[1], qual=qual[1], kind=kind[1], colour=colour[1]),
                "specs": [{"name_en": "Material", "name_zh": "材质", "value": mat[0]},
                          {"name_en": "Size", "name_zh": "规格", "value": size}],
                "image_count": 1 + pid % 4,
                "price_min_cents": pmin, "price_max_cents": pmin + rnd.randrange(0, 20000),
                "currency": "USD" if pid % 10 else "EUR", "moq": rnd.choice([1, 10, 50, 100, 500, 1000]),
                "unit_en": UNITS[pid % 5][0], "unit_zh": UNITS[pid % 5][1],
                "lead_time_days": 7 + pid % 54,
                "certifications": rnd.sample(CERTS, rnd.randrange(0, 4)),
                "keywords": f"{kind[0].lower()} {mat[0].lower()} {kind[1]} {mat[1]}",
                "hidden": False, "version": 1, "updated_at": "2026-11-01T00:00:00Z",
            })
            if len(buf) >= batch:
                yield buf
                buf = []
    if buf:
        yield buf


@dataclass
class Row:
    name: str
    value: float
    unit: str
    budget: str = ""
    ok: bool | None = None


@dataclass
class Table:
    title: str
    rows: list[Row] = field(default_factory=list)

    def add(self, name: str, value: float, unit: str, budget: str = "",
            ok: bool | None = None) -> None:
        self.rows.append(Row(name, value, unit, budget, ok))

    def render(self) -> str:
        w = max([len(r.name) for r in self.rows] + [10])
        lines = [self.title, f"machine: {machine()}", ""]
        lines.append(f"{'measure'.ljust(w)}  {'value':>14}  {'budget':<22}  result")
        lines.append("-" * (w + 48))
        for r in self.rows:
            val = f"{r.value:,.1f} {r.unit}" if r.value < 1e5 else f"{r.value:,.0f} {r.unit}"
            res = "" if r.ok is None else ("PASS" if r.ok else "FAIL")
            lines.append(f"{r.name.ljust(w)}  {val:>14}  {r.budget:<22}  {res}")
        return "\n".join(lines)


def machine() -> str:
    import sqlite3

    return (f"{platform.machine()} {os.cpu_count()} cpus, {platform.system()} "
            f"{platform.release()}, Python {platform.python_version()}, "
            f"SQLite {sqlite3.sqlite_version}")


def percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    s = sorted(values)
    k = max(0, min(len(s) - 1, round(p / 100 * (len(s) - 1))))
    return s[k]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else 0.0
