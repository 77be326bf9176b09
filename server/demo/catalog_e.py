"""Catalog data: office supplies, food, health products."""

from __future__ import annotations

from server.demo.model import (
    BOXES,
    CTNS,
    KG,
    SETS,
    TONS,
    UNITS,
    C,
    M,
    P,
    S,
    Z,
)

OFFICE = C("office-supplies", "Office Supplies|办公用品", (60, 140, 170), [
    S("stationery", "Stationery|文具", "pen",
      industry="Stationery|文具; Stationery & Gifts|文化用品; Pen Industry|制笔",
      certs="EN 71; ASTM D-4236; FSC; BSCI; REACH", lead=(20, 40),
      colours="Black; Blue; Red; Pink; Green; Yellow; White",
      cities="ningbo; wenzhou; yiwu; shanghai; shantou",
      feats="Smooth, quick-drying ink.|书写顺滑，快干墨水。;"
            "Acid-free paper that does not bleed.|无酸纸张，不洇墨。;"
            "Retail packs and school sets for supermarkets.|可做超市零售装及学生套装。;"
            "Back-to-school orders shipped from April.|开学季订单4月起出货。;"
            "Non-toxic, safe for children.|无毒，儿童使用安全。",
      types=[
          P("Gel Pen|中性笔", "pen", 0.05, 0.4, M("-", "Retractable|按动; Erasable|可擦; Quick-dry|速干"), Z("Tip Size|笔尖", "0.38mm; 0.5mm; 0.7mm"), unit=BOXES, kw="gel ink pen; rollerball|签字笔"),
          P("Spiral Notebook|线圈笔记本", "notebook", 0.3, 2.5, M("Cover|封面", "PP Cover|PP封面; Kraft Cover|牛皮纸封面; Hardcover|硬壳"), Z("Size|尺寸", "A5; B5; A4"), kw="notebook; exercise book|笔记本"),
          P("Highlighter Set|荧光笔套装", "pen", 0.3, 2, M("-", "Pastel|马卡龙色; Neon|荧光; Double Tip|双头"), Z("Pieces|支数", "4 pcs; 6 pcs; 12 pcs"), unit=SETS, kw="highlighter; marker pen|记号笔"),
          P("Watercolour Paint Set|水彩颜料套装", "box", 1.5, 10, M("-", "Solid|固体; Tube|管装"), Z("Colours|色数", "12 colours; 24 colours; 36 colours"), unit=SETS, kw="paint set; art supplies|水彩"),
          P("Sticky Notes|便利贴", "notebook", 0.1, 0.8, M("-", "Transparent|透明; Neon|荧光; Printed|印花"), Z("Size|尺寸", "76x76mm; 76x127mm"), kw="post-it; memo pad|便签纸"),
          P("Pencil Case|笔袋", "bag", 0.5, 4, M("Material|材质", "Canvas|帆布; PU Leather|PU皮; Silicone|硅胶"), kw="pencil pouch; stationery bag|文具袋"),
      ]),
    S("office-equipment", "Office Equipment|办公设备", "box",
      industry="Office Equipment|办公设备; Office Supplies|办公用品; Electronic Technology|电子科技",
      certs="CE; FCC; RoHS; GS; UL; ISO 9001", lead=(20, 40), colours="Black; White; Grey; Silver",
      cities="ningbo; shenzhen; xiamen; suzhou; shanghai",
      feats="Quiet operation for the office.|运行安静，适合办公室。;"
            "Safety lock and overheat protection.|带安全锁和过热保护。;"
            "Two-year warranty and spare parts supply.|两年质保，长期供应配件。;"
            "Colour box with manuals in five languages.|彩盒包装，附五种语言说明书。",
      types=[
          P("Paper Shredder|碎纸机", "box", 18, 90, M("Cut|切割方式", "Cross Cut|段状; Micro Cut|粒状; Strip Cut|条状"), Z("Sheets|碎纸张数", "6 sheets; 10 sheets; 15 sheets"), kw="shredder|文件粉碎机"),
          P("Laminator|塑封机", "box", 8, 40, M("-", "A4; A3"), kw="laminating machine|过塑机"),
          P("Electronic Calculator|电子计算器", "phone", 0.8, 6, M("-", "Desktop|桌面; Scientific|科学; Solar|太阳能"), Z("Digits|位数", "12 digits; 14 digits"), kw="calculator|计算机"),
          P("Label Printer|标签打印机", "box", 18, 80, M("-", "Thermal|热敏; Bluetooth|蓝牙"), kw="label maker; barcode printer|条码打印机"),
          P("Heavy Duty Stapler|重型订书机", "tool", 1.5, 12, M("-", "Effortless|省力; Long Reach|长臂"), Z("Capacity|订书张数", "25 sheets; 50 sheets; 100 sheets"), kw="stapler|订书器"),
      ]),
    S("paper-packaging", "Paper & Packaging|纸品及包装", "carton",
      industry="Paper|纸业; Packaging|包装; Printing & Packaging|印刷包装; Paper Products|纸制品",
      certs="FSC; ISO 9001; ISO 14001; BRC; SGS", lead=(15, 35), colours="",
      cities="dongguan; shenzhen; xiamen; wenzhou; yiwu; qingdao",
      feats="FSC-certified paper on request.|可按要求使用FSC认证纸张。;"
            "Offset and flexo printing in up to 6 colours.|可胶印及柔印，最多6色。;"
            "Free structural design and samples.|免费提供结构设计和样品。;"
            "Recyclable and plastic-free options.|提供可回收、无塑料的方案。",
      types=[
          P("A4 Copy Paper|A4复印纸", "carton", 1.8, 3.5, Z("Weight|克重", "70 gsm; 75 gsm; 80 gsm"), unit=CTNS, moq=(500, 1000, 2000), kw="printing paper; office paper|打印纸"),
          P("Corrugated Shipping Box|瓦楞纸箱", "carton", 0.1, 1.5, M("Flute|楞型", "3-ply|三层; 5-ply|五层; 7-ply|七层"), kw="carton box; mailer box|快递纸箱"),
          P("Kraft Paper Bag|牛皮纸袋", "bag", 0.03, 0.3, M("-", "Twisted Handle|纸绳手提; Flat Handle|扁绳; Food Grade|食品级"), kw="paper bag; shopping bag|纸袋"),
          P("Rigid Gift Box|精装礼盒", "gift", 0.3, 3, M("-", "Magnetic|磁吸; Drawer|抽屉式; Lid and Base|天地盖"), kw="gift packaging; luxury box|礼品盒"),
          P("Shipping Labels|物流标签", "notebook", 2, 8, M("-", "Thermal|热敏; Fanfold|折叠"), Z("Size|尺寸", "100x100mm; 100x150mm"), unit=BOXES, kw="thermal labels; sticker|不干胶标签"),
      ]),
])

FOOD = C("food", "Food|食品", (190, 140, 60), [
    S("snacks-confectionery", "Snacks & Confectionery|休闲食品及糖果", "snack",
      industry="Food|食品; Foodstuff|食品; Food Technology|食品科技",
      certs="HACCP; ISO 22000; BRC; IFS; FDA; Halal; Kosher", lead=(15, 35), colours="",
      cities="shantou; xiamen; quanzhou; jinjiang; fuzhou; hangzhou; qingdao",
      feats="Produced in a HACCP-certified plant.|在通过HACCP认证的工厂生产。;"
            "Shelf life of 12 months.|保质期12个月。;"
            "Private label packaging with your design.|可按您的设计做自有品牌包装。;"
            "Halal-certified recipes available.|提供清真认证配方。;"
            "Mixed container loads accepted.|可接受混装货柜。",
      types=[
          P("Gummy Candy|软糖", "snack", 0.15, 1, M("Flavour|口味", "Fruit|水果; Sour|酸味; Vitamin C|维C"), Z("Net Weight|净含量", "50g; 100g; 500g"), unit=CTNS, kw="gummies; jelly candy|橡皮糖"),
          P("Dried Fruit|果干", "snack", 0.4, 2.5, M("Fruit|水果", "Mango|芒果; Strawberry|草莓; Kiwi|猕猴桃"), Z("Net Weight|净含量", "100g; 250g; 1kg"), unit=CTNS, kw="dried mango; dehydrated fruit|水果干"),
          P("Roasted Nuts|烘焙坚果", "snack", 0.8, 4, M("Nut|坚果", "Cashew|腰果; Almond|巴旦木; Pecan|碧根果; Mixed|混合"), Z("Net Weight|净含量", "150g; 500g; 1kg"), unit=CTNS, kw="nuts; mixed nuts|坚果"),
          P("Rice Crackers|米饼", "snack", 0.2, 1.2, M("Flavour|口味", "Seaweed|海苔; Cheese|芝士; Original|原味"), unit=CTNS, kw="rice cake; snack|仙贝"),
          P("Instant Noodles|方便面", "snack", 0.12, 0.8, M("Flavour|口味", "Beef|牛肉; Chicken|鸡肉; Spicy|香辣"), unit=CTNS, kw="ramen; noodles|泡面"),
      ]),
    S("tea-beverages", "Tea & Beverages|茶叶及饮料", "tea",
      industry="Tea|茶业; Tea Industry|茶叶; Beverage|饮品; Food|食品",
      certs="ISO 22000; HACCP; EU Organic; USDA Organic; Rainforest Alliance; FDA", lead=(10, 30), colours="",
      cities="hangzhou; fuzhou; quanzhou; kunming; changsha; chengdu",
      feats="Own production base with strict raw-material control.|自有生产基地，原料严格把控。;"
            "Pesticide residues tested to EU limits.|农残按欧盟标准检测。;"
            "Retail tins, pouches or bulk packing.|可选零售罐装、袋装或散装。;"
            "Carefully processed for a rich aroma.|精心加工，香气浓郁。",
      types=[
          P("Green Tea|绿茶", "tea", 3, 40, M("Tea|茶品", "Longjing|龙井; Gunpowder|珠茶; Chunmee|眉茶; Sencha|蒸青"), Z("Packing|包装规格", "100g; 250g; 1kg"), unit=KG, kw="chinese tea; loose leaf tea|茶叶"),
          P("Black Tea|红茶", "tea", 3, 30, M("Tea|茶品", "Keemun|祁门红茶; Dianhong|滇红; Lapsang Souchong|正山小种"), unit=KG, kw="black tea; red tea|红茶"),
          P("Oolong Tea|乌龙茶", "tea", 5, 50, M("Tea|茶品", "Tieguanyin|铁观音; Da Hong Pao|大红袍"), unit=KG, kw="oolong; wulong|青茶"),
          P("Pu'er Tea Cake|普洱茶饼", "plate", 4, 60, M("-", "Raw|生茶; Ripe|熟茶"), Z("Weight|重量", "100g; 357g"), kw="puer; pu-erh|普洱"),
          P("Fruit Juice Drink|果汁饮料", "bottle", 0.2, 0.8, M("Flavour|口味", "Orange|橙子; Apple|苹果; Mango|芒果"), Z("Volume|容量", "250ml; 500ml; 1L"), unit=CTNS, kw="juice; soft drink|饮料"),
          P("Instant Coffee|速溶咖啡", "jar", 2, 12, M("-", "3-in-1|三合一; Freeze-dried|冻干"), unit=CTNS, kw="coffee powder|咖啡"),
      ]),
    S("grain-oil-condiments", "Grain, Oil & Condiments|粮油调味品", "jar",
      industry="Food|食品; Foodstuff|食品; Agricultural Products|农产品",
      certs="ISO 22000; HACCP; BRC; FDA; Halal; Kosher", lead=(15, 35), colours="",
      cities="qingdao; harbin; yantai; jinan; zhengzhou; foshan; chengdu",
      feats="Non-GMO raw materials.|非转基因原料。;"
            "Authentic Chinese taste.|正宗中国风味。;"
            "Full traceability from farm to table.|从农田到餐桌全程可追溯。;"
            "Retail and catering packs.|提供零售装及餐饮装。",
      types=[
          P("Soy Sauce|酱油", "bottle", 0.4, 2.5, M("-", "Light|生抽; Dark|老抽; Low Sodium|低盐"), Z("Volume|容量", "150ml; 500ml; 1.9L"), unit=CTNS, kw="soya sauce; seasoning|调味品"),
          P("Jasmine Rice|茉莉香米", "snack", 0.6, 1.4, Z("Bag Size|包装", "5kg; 10kg; 25kg"), unit=TONS, kw="rice; long grain rice|大米"),
          P("Peanut Oil|花生油", "bottle", 1.5, 4, M("-", "Pressed|压榨; Refined|精炼"), Z("Volume|容量", "1L; 5L; 20L"), unit=CTNS, kw="cooking oil; groundnut oil|食用油"),
          P("Canned Sweet Corn|甜玉米罐头", "jar", 0.3, 0.8, Z("Net Weight|净含量", "340g; 425g; 2.5kg"), unit=CTNS, kw="canned food; corn kernels|罐头"),
          P("Chili Sauce|辣椒酱", "jar", 0.4, 2, M("-", "Garlic|蒜蓉; Sichuan Style|川味; Sweet|甜辣"), Z("Net Weight|净含量", "200g; 500g"), unit=CTNS, kw="hot sauce; chilli paste|辣酱"),
      ]),
])

HEALTH = C("health", "Health Products|医药保健", (60, 160, 130), [
    S("medical-consumables", "Medical Consumables|医用耗材", "medical",
      industry="Medical|医疗; Medical Supplies|医疗用品; Medical Technology|医疗科技; Health Products|卫生用品",
      certs="CE; FDA 510(k); ISO 13485; EN 14683; EN 455; TGA", lead=(10, 30), colours="",
      cities="shijiazhuang; wuhan; nantong; changzhou; zhengzhou",
      feats="Made in a Class 100,000 clean room.|在十万级洁净车间生产。;"
            "EO sterilised, individually packed.|环氧乙烷灭菌，独立包装。;"
            "Latex-free options for allergy patients.|可选无乳胶款，适合过敏人群。;"
            "Free sale certificate and full documents.|可提供自由销售证书及全套文件。",
      types=[
          P("Disposable Face Mask|一次性口罩", "mask", 0.8, 3, M("-", "3-ply|三层; Surgical|医用外科; KN95|KN95"), unit=BOXES, kw="face mask; surgical mask|口罩"),
          P("Nitrile Gloves|丁腈手套", "glove", 2, 6, M("-", "Powder-free|无粉; Exam|检查; Extended Cuff|加长"), Z("Size|尺码", "S; M; L; XL"), unit=BOXES, kw="examination gloves; disposable gloves|检查手套"),
          P("Disposable Syringe|一次性注射器", "pen", 0.01, 0.08, M("-", "Luer Lock|螺口; Luer Slip|插口"), Z("Volume|容量", "1ml; 3ml; 5ml; 10ml"), kw="syringe; injection|针筒"),
          P("Elastic Bandage|弹性绷带", "fabric", 0.05, 0.5, Z("Width|宽度", "5cm; 7.5cm; 10cm; 15cm"), kw="bandage; crepe bandage|绷带"),
          P("First Aid Kit|急救包", "firstaid", 2.5, 15, M("-", "Car|车载; Home|家用; Outdoor|户外"), Z("Items|件数", "50 pcs; 100 pcs; 200 pcs"), unit=SETS, kw="first aid; emergency kit|急救箱"),
      ]),
    S("medical-devices", "Medical Devices|医疗器械", "box",
      industry="Medical Equipment|医疗器械; Medical Technology|医疗科技; Healthcare|医疗健康",
      certs="CE MDR; FDA 510(k); ISO 13485; CFDA", lead=(15, 40), colours="White; Grey; Sky Blue",
      cities="shenzhen; xiamen; suzhou; beijing; shanghai; danyang",
      feats="Made under ISO 13485.|按ISO 13485体系生产。;"
            "Clear markings and manuals in several languages.|标识清晰，附多语种说明书。;"
            "Easy to use at home and in clinics.|家庭及诊所使用均方便。;"
            "Two-year warranty and service support.|两年质保，提供售后支持。",
      types=[
          P("Blood Pressure Monitor|电子血压计", "box", 6, 25, M("-", "Upper Arm|上臂式; Wrist|腕式"), kw="bp monitor; sphygmomanometer|血压计"),
          P("Infrared Thermometer|红外体温计", "drill", 3, 12, M("-", "Forehead|额温; Ear|耳温"), kw="thermometer; non-contact thermometer|额温枪"),
          P("Pulse Oximeter|指夹式血氧仪", "clock", 3, 12, M("-", "OLED|OLED; Paediatric|儿童"), kw="oximeter; spo2|血氧仪"),
          P("Nebulizer|雾化器", "box", 8, 30, M("-", "Compressor|压缩式; Mesh|网式"), kw="inhaler; nebuliser|雾化机"),
          P("Folding Wheelchair|折叠轮椅", "bike", 45, 220, M("Frame|车架", "Steel|钢; Aluminium|铝合金"), M("-", "Manual|手动; Electric|电动"), unit=UNITS, moq=(10, 20, 50), kw="wheelchair|轮椅车"),
      ]),
    S("personal-care-fitness", "Personal Care & Fitness|个人护理及健身", "dumbbell",
      industry="Health Technology|健康科技; Fitness Equipment|健身器材; Personal Care|个护电器",
      certs="CE; FCC; RoHS; FDA; ISO 9001; GS", lead=(15, 40),
      colours="Black; White; Pink; Grey; Purple; Mint Green",
      cities="ningbo; shenzhen; dongguan; xiamen; jinhua; nantong",
      feats="Designed for home workouts and daily care.|适合居家健身及日常护理。;"
            "Quality-tested for durability.|经耐用性品质测试。;"
            "Non-toxic, skin-friendly materials.|材料无毒亲肤。;"
            "Gift-box packing for retail.|礼盒包装，适合零售。",
      types=[
          P("Massage Gun|筋膜枪", "drill", 9, 45, M("-", "Mini|迷你; Heated|加热; Professional|专业"), kw="percussion massager|按摩枪"),
          P("Electric Toothbrush|电动牙刷", "pen", 3, 18, M("-", "Sonic|声波; Kids|儿童"), kw="sonic toothbrush|牙刷"),
          P("Yoga Mat|瑜伽垫", "fabric", 2.5, 15, M("Material|材质", "TPE|TPE; NBR|NBR; Natural Rubber|天然橡胶; Cork|软木"), Z("Thickness|厚度", "6mm; 8mm; 10mm"), kw="exercise mat; fitness mat|健身垫"),
          P("Adjustable Dumbbell|可调节哑铃", "dumbbell", 25, 120, Z("Max Weight|最大重量", "10kg; 20kg; 24kg; 40kg"), unit=SETS, kw="dumbbells; weights|哑铃"),
          P("Resistance Bands Set|弹力带套装", "cable", 1.5, 8, M("Material|材质", "Latex|乳胶; Fabric|布艺"), Z("Pieces|件数", "5 pcs; 11 pcs"), unit=SETS, kw="exercise bands|拉力带"),
          P("Smart Body Scale|智能体脂秤", "panel", 4, 15, M("-", "Bluetooth|蓝牙; Wi-Fi|Wi-Fi"), kw="bathroom scale; body fat scale|体重秤"),
      ]),
])

CATEGORIES = [OFFICE, FOOD, HEALTH]
