"""Catalog data: textiles and garments, shoes, cases and bags."""

from __future__ import annotations

from server.demo.model import KG, METERS, PAIRS, SETS, C, M, P, S, X, Z

TEXTILES = C("textiles-garments", "Textiles & Garments|纺织服装", (90, 110, 170), [
    S("apparel", "Apparel|服装", "shirt",
      industry="Garments|服饰; Apparel|服装; Clothing|制衣; Knitting|针织",
      certs="BSCI; OEKO-TEX; GOTS; WRAP; Sedex; GRS", lead=(25, 50),
      colours="White; Black; Navy Blue; Grey; Olive Green; Beige; Red; Sky Blue",
      cities="ningbo; shaoxing; hangzhou; huzhou; quanzhou; guangzhou; dongguan; qingdao",
      feats="Pre-shrunk fabric that keeps its fit.|面料经预缩处理，不易变形。;"
            "Reactive dyeing with good colour fastness.|活性印染，色牢度好。;"
            "Sizes XS to 5XL, EU and US size charts.|尺码XS至5XL，可按欧码或美码生产。;"
            "Private label, woven labels and hang tags.|可做自有品牌、织唛和吊牌。;"
            "AQL 2.5 inspection on every order.|每单按AQL 2.5标准检验。",
      specs=(X("Sizes|尺码", "S-XL; XS-XXL; M-4XL"),),
      types=[
          P("Cotton T-shirt|纯棉T恤", "shirt", 1.5, 6, M("-", "Crew Neck|圆领; V-neck|V领; Oversized|宽松"),
            X("Fabric Weight|克重", "160 gsm; 180 gsm; 220 gsm; 250 gsm"), kw="tee; t shirt; blank t-shirt|短袖"),
          P("Polo Shirt|POLO衫", "shirt", 3, 10, M("Fabric|面料", "Pique Cotton|珠地棉; Dry Fit|速干"), kw="polo; golf shirt|翻领T恤"),
          P("Hoodie|连帽卫衣", "shirt", 6, 18, M("-", "Pullover|套头; Zip-up|拉链"), X("Fabric Weight|克重", "280 gsm; 320 gsm; 400 gsm"),
            kw="hooded sweatshirt; sweatshirt|卫衣"),
          P("Denim Jeans|牛仔裤", "pants", 6, 20, M("Fit|版型", "Slim Fit|修身; Straight|直筒; Wide Leg|阔腿"), kw="jeans; denim pants|牛仔长裤"),
          P("Down Jacket|羽绒服", "shirt", 18, 60, M("Filling|填充", "Duck Down|鸭绒; Goose Down|鹅绒"), M("-", "Hooded|连帽; Lightweight|轻薄; -"),
            kw="puffer jacket; winter coat|棉服"),
          P("Women's Dress|女士连衣裙", "shirt", 6, 25, M("Fabric|面料", "Chiffon|雪纺; Linen|亚麻; Knitted|针织"),
            M("-", "Midi|中长款; Maxi|长款; Mini|短款"), kw="dress; summer dress|裙子"),
          P("Yoga Leggings|瑜伽裤", "pants", 3.5, 10, M("-", "High Waist|高腰; Seamless|无缝"), kw="leggings; gym pants|健身裤"),
          P("Work Uniform|工作服", "shirt", 5, 20, M("-", "Reflective|反光; Flame Retardant|阻燃; Coverall|连体"), kw="workwear; overalls|工装"),
      ]),
    S("home-textiles", "Home Textiles|家用纺织品", "fabric",
      industry="Home Textiles|家纺; Textiles|纺织; Textile Technology|纺织科技",
      certs="OEKO-TEX; BSCI; GOTS; GRS; Sedex", lead=(25, 45),
      colours="White; Grey; Beige; Navy Blue; Pink; Mint Green; Sky Blue",
      cities="nantong; shaoxing; hangzhou; ningbo; qingdao; suzhou",
      feats="Soft, breathable and easy to care for.|柔软透气，易于打理。;"
            "OEKO-TEX Standard 100 certified fabric.|面料通过OEKO-TEX Standard 100认证。;"
            "Sizes for EU, UK and US beds.|可按欧规、英规及美规床型尺寸生产。;"
            "Zipper or envelope closures on request.|可按要求做拉链或信封口。;"
            "PVC bag with insert card or gift box.|PVC袋配插卡或礼盒包装。",
      types=[
          P("Duvet Cover Set|被套套装", "bed", 6, 30, M("Fabric|面料", "Cotton Sateen|全棉贡缎; Microfiber|超细纤维; Linen|亚麻"),
            Z("Size|尺寸", "Single|单人; Double|双人; King|特大"), unit=SETS, kw="bedding set; quilt cover|四件套"),
          P("Bath Towel|浴巾", "fabric", 1.5, 8, M("Material|材质", "Cotton|纯棉; Bamboo Fibre|竹纤维"), Z("Size|尺寸", "70x140cm; 80x160cm; 90x180cm"),
            X("Weight|克重", "450 gsm; 500 gsm; 600 gsm"), kw="towel; beach towel|毛巾"),
          P("Blackout Curtain|遮光窗帘", "fabric", 3, 15, M("-", "Thermal|隔热; Linen Look|仿麻; Velvet|丝绒"),
            Z("Size|尺寸", "140x160cm; 140x245cm; 280x245cm"), kw="curtains; drapes|窗帘布"),
          P("Flannel Fleece Blanket|法兰绒毛毯", "fabric", 2.5, 12, M("-", "Sherpa|羊羔绒; Printed|印花; Weighted|重力"),
            Z("Size|尺寸", "127x152cm; 150x200cm; 200x230cm"), kw="throw blanket; fleece|毯子"),
          P("Memory Foam Pillow|记忆棉枕头", "bed", 4, 15, M("-", "Contour|波浪; Cooling Gel|凝胶降温"), kw="pillow; bed pillow|枕芯"),
          P("Tablecloth|桌布", "fabric", 1.5, 8, M("Material|材质", "Polyester|涤纶; Cotton Linen|棉麻; PVC|PVC"), kw="table cover|台布"),
      ]),
    S("fabrics-yarns", "Fabrics & Yarns|面料及纱线", "fabric",
      industry="Textiles|纺织; Textile|纺织品; Fabric|面料; Chemical Fibre|化纤",
      certs="OEKO-TEX; GRS; GOTS; BCI; ISO 9001", lead=(15, 40),
      colours="White; Black; Navy Blue; Grey; Khaki; Red",
      cities="shaoxing; suzhou; wuxi; huzhou; jiaxing; changzhou; nantong",
      feats="Greige or dyed, with lab dips in 5 days.|可供坯布或色布，5天内出色样。;"
            "Width and weight made to order.|门幅和克重可按要求定制。;"
            "Colour fastness grade 4 or better.|色牢度4级以上。;"
            "Stock colours for fast delivery.|常用色有现货，交期快。;"
            "Rolls wrapped in plastic and woven bags.|成卷塑料膜加编织袋包装。",
      types=[
          P("Polyester Fabric|涤纶面料", "fabric", 0.5, 2.5, M("Weave|组织", "Oxford|牛津布; Taffeta|塔夫绸; Pongee|春亚纺"),
            X("Width|门幅", "150cm; 160cm"), unit=METERS, kw="polyester; woven fabric|化纤布"),
          P("Cotton Poplin|纯棉府绸", "fabric", 1.2, 4, M("-", "Printed|印花; Dyed|染色; Organic|有机"), X("Width|门幅", "145cm; 150cm"),
            unit=METERS, kw="cotton fabric; shirting|衬衫面料"),
          P("Knitted Jersey Fabric|针织汗布", "fabric", 3, 9, M("Material|材质", "Cotton Spandex|棉氨纶; Modal|莫代尔; Bamboo|竹纤维"),
            X("Weight|克重", "160 gsm; 200 gsm; 240 gsm"), unit=KG, kw="jersey; knit fabric|针织布"),
          P("Denim Fabric|牛仔面料", "fabric", 1.8, 5, M("-", "Stretch|弹力; Rigid|无弹"), X("Weight|克重", "8 oz; 10 oz; 12 oz; 14 oz"),
            unit=METERS, kw="denim; jeans fabric|牛仔布"),
          P("Polyester Yarn|涤纶纱线", "fabric", 1.2, 3.5, M("Type|类型", "DTY; FDY; Recycled|再生"),
            X("Count|规格", "75D/36F; 150D/48F; 300D/96F"), unit=KG, kw="yarn; filament|涤纶丝"),
      ]),
])

SHOES = C("shoes", "Shoes|鞋类", (130, 90, 70), [
    S("sports-shoes", "Sports & Casual Shoes|运动休闲鞋", "shoe",
      industry="Shoes|鞋业; Footwear|鞋业; Sporting Goods|体育用品",
      certs="BSCI; REACH; ISO 9001; Sedex; SATRA", lead=(30, 55),
      colours="White; Black; Grey; Navy Blue; Red; Beige; Pink",
      cities="jinjiang; putian; quanzhou; wenzhou; dongguan",
      feats="Breathable mesh upper.|透气网面鞋面。;"
            "Lightweight EVA midsole with good cushioning.|轻量EVA中底，缓震性能好。;"
            "Anti-slip rubber outsole.|防滑橡胶大底。;"
            "Sizes EU 36-46, half sizes on request.|尺码EU 36-46，可按要求做半码。;"
            "Own lasts and development team.|拥有自己的楦头和开发团队。",
      types=[
          P("Running Shoes|跑步鞋", "shoe", 7, 25, M("-", "Men's|男款; Women's|女款; Kids'|童款"), M("-", "Knit|飞织; Air Cushion|气垫; -"),
            unit=PAIRS, kw="sneakers; running sneakers|运动鞋"),
          P("Canvas Shoes|帆布鞋", "shoe", 3, 9, M("-", "Low-top|低帮; High-top|高帮; Slip-on|一脚蹬"), unit=PAIRS, kw="canvas sneakers|板鞋"),
          P("Basketball Shoes|篮球鞋", "shoe", 12, 35, M("-", "Men's|男款; Youth|青少年"), unit=PAIRS, kw="basketball sneakers|球鞋"),
          P("Hiking Shoes|登山鞋", "shoe", 12, 38, M("-", "Waterproof|防水; Mid-cut|中帮"), unit=PAIRS, kw="trekking shoes; outdoor shoes|徒步鞋"),
          P("Chunky Sneakers|老爹鞋", "shoe", 8, 25, M("-", "Women's|女款; Unisex|男女同款"), unit=PAIRS, kw="dad shoes; fashion sneakers|厚底鞋"),
      ]),
    S("leather-shoes", "Leather Shoes & Boots|皮鞋及靴子", "shoe",
      industry="Shoes|鞋业; Leather Shoes|皮鞋; Footwear|鞋业",
      certs="BSCI; REACH; ISO 9001; EN ISO 20345; LWG", lead=(30, 55),
      colours="Black; Brown; Khaki; Walnut; White",
      cities="wenzhou; guangzhou; chengdu; dongguan; taizhou",
      feats="Full-grain leather upper from LWG tanneries.|采用LWG认证皮厂的头层皮鞋面。;"
            "Goodyear-welted or cemented construction.|固特异工艺或胶粘工艺。;"
            "Breathable leather lining.|透气真皮内里。;"
            "Wide range of lasts for EU and US feet.|楦型丰富，适合欧美脚型。",
      types=[
          P("Men's Oxford Shoes|男士牛津鞋", "shoe", 14, 45, M("Leather|皮料", "Cowhide|牛皮; Patent Leather|漆皮; Suede|反绒皮"), unit=PAIRS, kw="dress shoes; formal shoes|正装皮鞋"),
          P("Chelsea Boots|切尔西靴", "shoe", 16, 50, M("-", "Men's|男款; Women's|女款"), unit=PAIRS, kw="ankle boots|短靴"),
          P("Safety Shoes|劳保鞋", "shoe", 8, 28, M("Toe Cap|鞋头", "Steel Toe|钢头; Composite Toe|复合头"), X("Protection|防护等级", "S1P; S3; SB"),
            unit=PAIRS, kw="work shoes; steel toe boots|安全鞋"),
          P("Women's Pumps|女士高跟鞋", "shoe", 8, 30, M("-", "Pointed Toe|尖头; Block Heel|粗跟"), Z("Heel Height|跟高", "5cm; 7cm; 9cm"), unit=PAIRS, kw="high heels|单鞋"),
          P("Loafers|乐福鞋", "shoe", 10, 35, M("-", "Penny|便士; Tassel|流苏"), unit=PAIRS, kw="slip-on shoes; moccasins|豆豆鞋"),
      ]),
    S("slippers-sandals", "Slippers & Sandals|拖鞋及凉鞋", "shoe",
      industry="Shoes|鞋业; Plastic Shoes|塑料鞋业; Footwear|鞋业",
      certs="BSCI; REACH; ISO 9001; Sedex", lead=(20, 45),
      colours="Black; White; Pink; Sky Blue; Beige; Green; Yellow",
      cities="jinjiang; wenzhou; yangjiang; putian; yiwu",
      feats="Light and comfortable for all-day wear.|轻便舒适，适合全天穿着。;"
            "Anti-slip textured sole.|防滑纹理鞋底。;"
            "Logo by embossing or printing.|可压印或印刷logo。;"
            "Assorted sizes packed per carton.|每箱可混码装。",
      types=[
          P("EVA Slides|EVA拖鞋", "shoe", 0.8, 3.5, M("-", "Cloud|云朵; Bathroom|浴室; Sports|运动"), unit=PAIRS, kw="slippers; slides|凉拖"),
          P("Flip Flops|人字拖", "shoe", 0.5, 2.5, M("Material|材质", "Rubber|橡胶; PVC|PVC; EVA|EVA"), unit=PAIRS, kw="thongs; beach slippers|沙滩拖鞋"),
          P("Plush House Slippers|毛绒家居拖鞋", "shoe", 1.2, 5, M("-", "Memory Foam|记忆棉; Cartoon|卡通"), unit=PAIRS, kw="indoor slippers; winter slippers|棉拖鞋"),
          P("Garden Clogs|洞洞鞋", "shoe", 1.5, 5, M("-", "Kids'|童款; Adults'|成人款"), unit=PAIRS, kw="clogs; beach clogs|花园鞋"),
          P("Leather Sandals|真皮凉鞋", "shoe", 6, 22, M("-", "Men's|男款; Women's|女款"), unit=PAIRS, kw="sandals; summer shoes|凉鞋"),
      ]),
])

BAGS = C("cases-bags", "Cases & Bags|箱包", (70, 120, 110), [
    S("luggage", "Luggage & Travel Bags|旅行箱包", "suitcase",
      industry="Luggage|箱包; Leather Goods|皮具; Travel Goods|旅行用品",
      certs="BSCI; REACH; ISO 9001; SGS", lead=(25, 45),
      colours="Black; Navy Blue; Silver; Rose Gold; Grey; Green",
      cities="baoding; guangzhou; dongguan; quanzhou; xiamen",
      feats="Strong stitching and reinforced corners.|车线牢固，边角加固。;"
            "Lightweight yet tough materials.|材质轻便而坚韧。;"
            "Custom colours and logo.|可定制颜色和logo。;"
            "Tested for drops, zips and handles.|经过跌落、拉链及提手测试。",
      types=[
          P("Hardshell Suitcase|硬壳行李箱", "suitcase", 14, 60, M("Material|材质", "ABS|ABS; PC|PC; ABS+PC|ABS+PC; Aluminium|铝镁合金"),
            Z("Size|尺寸", "20 inch; 24 inch; 28 inch"), kw="trolley case; luggage; carry-on|拉杆箱"),
          P("Luggage Set|行李箱套装", "suitcase", 35, 120, M("Material|材质", "ABS|ABS; PC|PC"), Z("Pieces|件数", "3 pcs; 4 pcs"), unit=SETS, kw="suitcase set|箱包套装"),
          P("Duffel Bag|旅行袋", "bag", 4, 18, M("Material|材质", "Nylon|尼龙; Canvas|帆布; PU Leather|PU皮"), kw="travel bag; weekender|行李袋"),
          P("Packing Cubes|旅行收纳袋", "fabric", 2, 8, Z("Pieces|件数", "4 pcs; 6 pcs; 8 pcs"), unit=SETS, kw="travel organizer|收纳包"),
          P("Soft Trolley Bag|软布拉杆箱", "suitcase", 12, 45, M("Material|材质", "Oxford|牛津布; Nylon|尼龙"), Z("Size|尺寸", "20 inch; 24 inch; 28 inch"), kw="soft luggage|布箱"),
      ]),
    S("handbags-wallets", "Handbags & Wallets|手袋及钱包", "bag",
      industry="Leather Goods|皮具; Handbags|手袋; Bags|包袋",
      certs="BSCI; REACH; LWG; Sedex", lead=(25, 45),
      colours="Black; Brown; Beige; Khaki; Red; Pink; White",
      cities="guangzhou; baoding; dongguan; shenzhen; quanzhou",
      feats="Quality hardware that does not tarnish.|五金配件品质好，不易氧化。;"
            "Neat edge painting and stitching.|封边和车线工整。;"
            "New designs every month.|每月推出新款。;"
            "Small MOQ for private labels.|自有品牌起订量低。",
      types=[
          P("Women's Tote Bag|女士托特包", "bag", 6, 30, M("Material|材质", "Genuine Leather|真皮; PU Leather|PU皮; Canvas|帆布"), kw="handbag; shoulder bag|女包"),
          P("Crossbody Bag|斜挎包", "bag", 4, 22, M("Material|材质", "Genuine Leather|真皮; PU Leather|PU皮; Nylon|尼龙"), kw="sling bag; messenger bag|单肩包"),
          P("Men's Wallet|男士钱包", "notebook", 2, 12, M("-", "RFID Blocking|防盗刷; Bifold|对折; Slim|超薄"), M("Material|材质", "Cowhide|牛皮; PU Leather|PU皮"), kw="leather wallet|皮夹"),
          P("Card Holder|卡包", "notebook", 0.8, 5, M("Material|材质", "Genuine Leather|真皮; Aluminium|铝合金; PU Leather|PU皮"), kw="card case; cardholder|名片夹"),
          P("Clutch Bag|手拿包", "bag", 4, 20, M("-", "Evening|晚宴; Sequin|亮片; Straw|草编"), kw="evening bag; purse|晚宴包"),
      ]),
    S("backpacks-sports-bags", "Backpacks & Sports Bags|背包及运动包", "backpack",
      industry="Bags|包袋; Luggage|箱包; Outdoor Products|户外用品",
      certs="BSCI; REACH; GRS; Sedex", lead=(25, 45),
      colours="Black; Grey; Navy Blue; Olive Green; Red; Pink",
      cities="quanzhou; xiamen; guangzhou; baoding; dongguan; ningbo",
      feats="Water-repellent fabric and YKK-style zippers.|防泼水面料，配优质拉链。;"
            "Reinforced stitching at stress points.|受力部位加固车线。;"
            "Breathable back panel and ergonomic straps.|透气背板，人体工学肩带。;"
            "Recycled RPET fabric available.|可选再生RPET面料。",
      types=[
          P("Laptop Backpack|电脑背包", "backpack", 6, 28, M("-", "Anti-theft|防盗; USB Charging|USB充电; Business|商务"), Z("Capacity|容量", "20L; 25L; 30L; 35L"), kw="computer backpack|双肩包"),
          P("School Bag|书包", "backpack", 3, 15, M("-", "Primary|小学生; Teenager|中学生; Trolley|拉杆"), kw="school backpack; kids bag|学生书包"),
          P("Hiking Backpack|登山包", "backpack", 8, 40, M("-", "Waterproof|防水; Lightweight|轻量"), Z("Capacity|容量", "30L; 40L; 50L; 60L"), kw="trekking backpack; rucksack|户外背包"),
          P("Gym Bag|健身包", "bag", 3, 14, M("-", "With Shoe Compartment|带鞋仓; Dry and Wet|干湿分离"), kw="sports bag; duffle|运动包"),
          P("Cooler Bag|保温包", "bag", 2, 12, M("-", "Insulated|保温; Leak-proof|防漏"), Z("Capacity|容量", "10L; 20L; 30L"), kw="lunch bag; ice bag|冰包"),
      ]),
])

CATEGORIES = [TEXTILES, SHOES, BAGS]
