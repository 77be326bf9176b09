"""Sentence templates for company profiles and product descriptions (English, Chinese).

Each template is a pair ``(english, chinese)`` with ``str.format`` fields."""

from __future__ import annotations

T = tuple[str, str]

# ---------------------------------------------------------------- company profiles

PROFILE_INTRO: tuple[T, ...] = (
    ("Founded in {year}, {name} is a professional manufacturer of {industry} based in {place}.",
     "{name}成立于{year}年，是一家位于{place_zh}的专业{industry_zh}生产企业。"),
    ("{name} has specialised in {industry} since {year}, with its own factory in {place}.",
     "{name}自{year}年起专注于{industry_zh}领域，在{place_zh}拥有自己的工厂。"),
    ("Established in {year} in {place}, {name} integrates R&D, production and export of {industry}.",
     "{name}于{year}年在{place_zh}成立，是一家集研发、生产和出口于一体的{industry_zh}企业。"),
    ("{name} is a source factory for {industry} in {place}, exporting since {year}.",
     "{name}是{place_zh}的{industry_zh}源头工厂，自{year}年起从事出口业务。"),
)

PROFILE_SCALE: tuple[T, ...] = (
    ("The company employs {employees} people on {lines} production lines in a {area} m² plant.",
     "公司现有员工{employees}人，生产线{lines}条，厂房面积{area}平方米。"),
    ("With {employees} employees, including {rd} R&D engineers, we launch more than {new} new models a year.",
     "公司拥有员工{employees}人，其中研发工程师{rd}人，每年推出新品{new}余款。"),
    ("Our {area} m² factory and {employees} skilled workers turn out about {output} units a month.",
     "公司拥有{area}平方米的厂房和{employees}名熟练员工，月产量约{output}件。"),
)

PROFILE_PRODUCTS: tuple[T, ...] = (
    ("Main products: {products}.", "主要产品：{products}。"),
    ("Our range covers {products} and more.", "产品涵盖{products}等。"),
)

PROFILE_QUALITY: tuple[T, ...] = (
    ("Products are certified to {certs} and sold to {markets}.",
     "产品通过{certs}认证，远销{markets}等地区。"),
    ("We hold {certs} certificates; our main markets are {markets}.",
     "公司已获得{certs}认证，主要市场为{markets}。"),
    ("Quality is managed to {certs}, and our customers are in {markets}.",
     "公司按{certs}标准进行质量管理，客户遍及{markets}。"),
)

PROFILE_CLOSING: tuple[T, ...] = (
    ("OEM and ODM orders are welcome.", "欢迎OEM及ODM订单。"),
    ("Visit us at booth {booth} to see our latest collection.", "欢迎莅临{booth}展位参观我们的最新产品。"),
    ("We look forward to long-term cooperation with buyers worldwide.", "期待与全球客户建立长期合作关系。"),
    ("Samples are free of charge for serious buyers.", "诚意客户可免费索取样品。"),
)

FOREIGN_INTRO: tuple[T, ...] = (
    ("{name} is a family-owned manufacturer of {industry} from {place}, founded in {year}.",
     "{name}是来自{place_zh}的家族{industry_zh}制造商，成立于{year}年。"),
    ("Since {year}, {name} has designed and produced {industry} in {place}.",
     "自{year}年起，{name}在{place_zh}从事{industry_zh}的设计与生产。"),
)

# Ports of shipment by province (English, Chinese).
PORTS: dict[str, tuple[str, str]] = {
    "Zhejiang": ("Ningbo", "宁波"),
    "Guangdong": ("Shenzhen", "深圳"),
    "Fujian": ("Xiamen", "厦门"),
    "Jiangsu": ("Shanghai", "上海"),
    "Shanghai": ("Shanghai", "上海"),
    "Shandong": ("Qingdao", "青岛"),
    "Tianjin": ("Tianjin", "天津"),
    "Beijing": ("Tianjin", "天津"),
    "Hebei": ("Tianjin", "天津"),
    "Liaoning": ("Dalian", "大连"),
}
DEFAULT_PORT = ("Shanghai", "上海")

# ---------------------------------------------------------------- product descriptions

DESC_INTRO: tuple[T, ...] = (
    ("Our {name}: built for everyday use, with the same quality order after order.",
     "本款{name}品质稳定，经久耐用。"),
    ("{name}: one of our best-selling export models.",
     "{name}是我司畅销的出口款式之一。"),
    ("Made on our own production lines under strict quality control: {name}.",
     "{name}由自有生产线制造，品控严格。"),
    ("A proven {name}, popular with importers, wholesalers and retail chains.",
     "{name}款式成熟，深受进口商、批发商和连锁零售商欢迎。"),
    ("New this season: the {name}, designed by our in-house team.",
     "当季新品{name}，由我司设计团队自主开发。"),
    ("{name}, made to your specification with stable supply all year round.",
     "{name}可按客户要求定制，全年稳定供货。"),
    ("{name} with a clean design at a competitive factory price.",
     "{name}设计简洁，工厂直供，价格有竞争力。"),
    ("Supplied to supermarkets and online sellers worldwide: the {name}.",
     "{name}长期供应全球超市及电商卖家。"),
)

DESC_CLOSING: tuple[T, ...] = (
    ("OEM/ODM welcome; custom logo and packaging available.", "支持OEM/ODM，可定制logo和包装。"),
    ("Samples can be sent within 7 days.", "7天内可寄送样品。"),
    ("Every unit is inspected before packing.", "每件产品出厂前均经过检验。"),
    ("Export carton packing; mixed containers accepted.", "出口纸箱包装，可混柜。"),
    ("Third-party inspection (SGS, BV, TÜV) accepted.", "接受SGS、BV、TÜV等第三方验货。"),
    ("Private label service for retail chains.", "可为连锁零售商提供自有品牌服务。"),
    ("Payment by T/T or L/C, FOB {port}.", "接受T/T或信用证付款，{port_zh}港FOB报价。"),
    ("Colour and size can be customised for orders above the MOQ.", "达到起订量可定制颜色和尺寸。"),
)
