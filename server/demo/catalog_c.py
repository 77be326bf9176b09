"""Catalog data: home decorations, gifts, toys."""

from __future__ import annotations

from server.demo.model import SETS, C, M, P, S, Z

HOME = C("home-decorations", "Home Decorations|家居装饰", (176, 120, 150), [
    S("furniture", "Furniture|家具", "sofa",
      industry="Furniture|家具; Home Furnishing|家居; Furniture Manufacturing|家具制造",
      certs="BSCI; FSC; CARB P2; EN 12520; ANSI/BIFMA; ISO 9001", lead=(30, 55),
      colours="Grey; Beige; Navy Blue; Olive Green; Natural Wood; Walnut; Black",
      cities="foshan; dongguan; huzhou; shenzhen; qingdao",
      feats="Sturdy frames tested for stability.|框架结实，经稳定性测试。;"
            "Designs for European and American homes.|款式适合欧美家庭。;"
            "Flat-pack design saves up to 60% of freight.|平板包装设计，可节省高达60%的运费。;"
            "Materials tested to EN and BIFMA standards.|材料按EN及BIFMA标准测试。;"
            "Easy assembly with all hardware included.|安装简便，配齐全部五金件。",
      types=[
          P("Fabric Sofa|布艺沙发", "sofa", 120, 480, M("-", "Modular|模块化; Sectional|转角; Sofa Bed|沙发床"),
            Z("Seats|座位", "2-seater|双人位; 3-seater|三人位"), unit=SETS, moq=(10, 20, 30, 50),
            kw="couch; living room sofa|客厅沙发"),
          P("Dining Chair|餐椅", "chair", 12, 60, M("Material|材质", "Velvet|丝绒; PU Leather|PU皮; Solid Wood|实木; Rattan|藤编"),
            moq=(50, 100, 200, 300), kw="chair; kitchen chair|椅子"),
          P("Office Chair|办公椅", "chair", 25, 120, M("-", "Ergonomic|人体工学; Mesh|网布; Executive|大班"),
            moq=(50, 100, 200), kw="desk chair; swivel chair|转椅"),
          P("Coffee Table|茶几", "sofa", 25, 130, M("Top|台面", "Tempered Glass|钢化玻璃; Marble|大理石; Solid Wood|实木; Sintered Stone|岩板"),
            moq=(20, 50, 100), kw="tea table; living room table|客厅茶几"),
          P("Bookshelf|书架", "door", 20, 90, M("Material|材质", "MDF|中纤板; Bamboo|竹; Metal|金属"),
            Z("Tiers|层数", "3-tier|三层; 5-tier|五层"), moq=(50, 100, 200), kw="bookcase; shelf|置物架"),
          P("Bed Frame|床架", "bed", 60, 300, M("-", "Upholstered|软包; Metal|铁艺; Storage|储物"),
            Z("Size|尺寸", "Queen; King; Double"), unit=SETS, moq=(10, 20, 50), kw="bed; bedroom furniture|双人床"),
      ]),
    S("home-decor", "Home Décor|家居饰品", "vase",
      industry="Home Decor|家居饰品; Crafts|工艺品; Home Furnishing|家居用品",
      certs="BSCI; Sedex; FSC; LFGB; ISO 9001", lead=(25, 45),
      colours="White; Black; Gold; Beige; Sky Blue; Olive Green; Natural Wood",
      cities="yiwu; xiamen; dehua; quanzhou; jingdezhen; guangzhou; ningbo",
      feats="Hand-finished, each piece slightly unique.|手工修饰，每件略有不同。;"
            "Nordic and modern styles for retail chains.|北欧及现代风格，适合连锁零售。;"
            "Drop-tested gift-box packaging.|礼盒包装，经跌落测试。;"
            "New collections every season.|每季推出新品系列。;"
            "Mixed assortments in one carton possible.|可一箱混装多款。",
      types=[
          P("Ceramic Vase|陶瓷花瓶", "vase", 1.5, 15, M("-", "Matte|哑光; Glazed|釉面; Handmade|手工"),
            Z("Height|高度", "15cm; 20cm; 30cm; 40cm"), kw="flower vase; table vase|花器"),
          P("Photo Frame|相框", "frame", 0.8, 8, M("Material|材质", "Wooden|木质; Metal|金属; Acrylic|亚克力"),
            Z("Size|尺寸", "4x6 inch; 5x7 inch; 8x10 inch; A4"), kw="picture frame|照片框"),
          P("Wall Clock|挂钟", "clock", 2.5, 18, M("-", "Silent|静音; Modern|现代; Wooden|木质"),
            Z("Diameter|直径", "25cm; 30cm; 40cm"), kw="clock; kitchen clock|时钟"),
          P("Scented Candle|香薰蜡烛", "jar", 0.8, 8, M("Wax|蜡", "Soy Wax|大豆蜡; Paraffin|石蜡; Coconut Wax|椰子蜡"),
            Z("Weight|重量", "100g; 200g; 300g"), kw="candle; aroma candle|香氛蜡烛"),
          P("Artificial Flower|仿真花", "vase", 0.3, 5, M("Flower|花型", "Rose|玫瑰; Peony|牡丹; Eucalyptus|尤加利; Tulip|郁金香"),
            kw="fake flowers; silk flower|假花"),
          P("Wall Mirror|装饰镜", "frame", 8, 50, M("Frame|边框", "Metal Frame|金属框; Frameless|无框; Rattan|藤编"),
            Z("Size|尺寸", "50cm; 60cm; 80cm"), kw="mirror; decorative mirror|挂镜"),
          P("Cushion Cover|抱枕套", "fabric", 0.6, 4, M("Material|材质", "Velvet|丝绒; Linen|亚麻; Cotton|棉"),
            Z("Size|尺寸", "45x45cm; 50x50cm; 30x50cm"), kw="pillow case; throw pillow|靠垫套"),
      ]),
    S("kitchenware", "Kitchenware & Tableware|餐厨用品", "cup",
      industry="Kitchenware|厨具; Housewares|日用品; Ceramics|陶瓷; Household Products|家居用品",
      certs="LFGB; FDA; BSCI; SGS; ISO 9001", lead=(20, 45),
      colours="Black; White; Silver; Red; Sky Blue; Mint Green; Pink",
      cities="yongkang; chaozhou; dehua; yangjiang; ningbo; yiwu",
      feats="Food-safe materials, LFGB and FDA tested.|食品级材料，通过LFGB及FDA检测。;"
            "Dishwasher safe.|可用洗碗机清洗。;"
            "BPA-free.|不含双酚A。;"
            "Custom logo by laser engraving or printing.|可激光雕刻或印刷定制logo。;"
            "Gift box or colour sleeve packing.|可选礼盒或彩套包装。",
      types=[
          P("Insulated Cup|保温杯", "cup", 1.8, 9, M("Material|材质", "Stainless Steel|不锈钢; Titanium|钛"),
            M("-", "Double Wall|双层; Vacuum|真空; -"), Z("Capacity|容量", "350ml; 500ml; 750ml; 1L"),
            kw="thermos; tumbler; vacuum flask|真空杯; 水杯", ft="Keeps drinks hot for 12 hours and cold for 24.|保温12小时，保冷24小时。"),
          P("Ceramic Mug|陶瓷马克杯", "cup", 0.5, 3, M("-", "Glazed|釉面; Matte|哑光; Sublimation|热转印"),
            Z("Capacity|容量", "300ml; 350ml; 450ml"), kw="coffee mug; cup|咖啡杯"),
          P("Non-stick Frying Pan|不粘煎锅", "plate", 4, 18, M("Coating|涂层", "Granite|麦饭石; Ceramic|陶瓷; PTFE|特氟龙"),
            Z("Diameter|直径", "20cm; 24cm; 28cm; 30cm"), kw="frying pan; skillet|平底锅"),
          P("Cookware Set|锅具套装", "pot", 20, 85, M("Material|材质", "Stainless Steel|不锈钢; Aluminium|铝; Cast Iron|铸铁"),
            Z("Pieces|件数", "5 pcs; 8 pcs; 10 pcs; 12 pcs"), unit=SETS, kw="pots and pans; cooking set|厨房锅具"),
          P("Porcelain Dinner Set|陶瓷餐具套装", "plate", 10, 60, M("-", "Bone China|骨瓷; Stoneware|炻瓷; Gold Rim|金边"),
            Z("Pieces|件数", "16 pcs; 20 pcs; 30 pcs"), unit=SETS, kw="dinnerware; plates and bowls|碗盘"),
          P("Kitchen Knife Set|厨房刀具套装", "knife", 6, 45, M("Steel|钢材", "German Stainless Steel|德国不锈钢; Damascus|大马士革钢; Ceramic|陶瓷"),
            Z("Pieces|件数", "5 pcs; 6 pcs; 8 pcs"), unit=SETS, kw="chef knife; knife block|菜刀"),
          P("Glass Food Container|玻璃保鲜盒", "jar", 1, 6, M("-", "Borosilicate|高硼硅; Microwave Safe|可微波"),
            Z("Capacity|容量", "370ml; 640ml; 1040ml"), kw="meal prep container; lunch box|饭盒"),
      ]),
])

GIFTS = C("gifts", "Gifts & Premiums|礼品及赠品", (200, 60, 90), [
    S("promotional-gifts", "Promotional Gifts|促销礼品", "gift",
      industry="Gifts|礼品; Crafts & Gifts|工艺礼品; Promotional Products|促销品",
      certs="BSCI; Sedex; REACH; CE; RoHS", lead=(10, 25),
      colours="Red; Blue; Black; White; Green; Yellow; Orange",
      cities="yiwu; shenzhen; xiamen; wenzhou; guangzhou; dongguan",
      feats="Custom logo by printing, engraving or embroidery.|可印刷、雕刻或刺绣定制logo。;"
            "Low MOQ for logo orders.|logo定制起订量低。;"
            "Free artwork proof within 24 hours.|24小时内免费出设计稿。;"
            "Rush orders shipped in 7 days.|加急订单7天出货。;"
            "Individual polybag packing.|独立OPP袋包装。",
      types=[
          P("Custom Keychain|定制钥匙扣", "lock", 0.1, 1, M("Material|材质", "Metal|金属; PVC|软胶; Acrylic|亚克力; Leather|皮革"), kw="key ring; key chain|钥匙圈"),
          P("Lanyard|挂绳", "cable", 0.08, 0.8, M("Material|材质", "Polyester|涤纶; Nylon|尼龙"), Z("Width|宽度", "15mm; 20mm; 25mm"), kw="neck strap; badge lanyard|证件挂绳"),
          P("Promotional Pen|广告笔", "pen", 0.05, 0.8, M("Material|材质", "Plastic|塑料; Metal|金属; Bamboo|竹"), kw="ballpoint pen; logo pen|圆珠笔"),
          P("Golf Umbrella|高尔夫伞", "umbrella", 2.5, 9, M("-", "Windproof|防风; Auto Open|自动开"), Z("Size|尺寸", "27 inch; 30 inch"), kw="umbrella; rain umbrella|雨伞"),
          P("Non-woven Tote Bag|无纺布手提袋", "bag", 0.15, 1, M("Material|材质", "Non-woven|无纺布; Cotton|棉布; RPET|再生涤纶"), kw="shopping bag; tote|环保袋"),
          P("USB Flash Drive|U盘", "plug", 1.2, 8, M("-", "Swivel|旋转; Card|卡片式; Metal|金属"), Z("Capacity|容量", "8GB; 16GB; 32GB; 64GB"), kw="usb stick; pen drive|优盘"),
      ]),
    S("festive-party", "Festive & Party Supplies|节日及派对用品", "star",
      industry="Crafts|工艺品; Festival Products|节日用品; Party Supplies|派对用品",
      certs="BSCI; EN 71; CE; REACH; ASTM F963", lead=(15, 40),
      colours="Red; Gold; Silver; Green; White; Pink; Blue",
      cities="yiwu; jinhua; shantou; ningbo; hangzhou",
      feats="Safe, non-toxic materials tested to EN 71.|材料安全无毒，通过EN 71检测。;"
            "Order early: Christmas goods ship from May.|请尽早下单：圣诞商品5月起出货。;"
            "Display boxes for supermarket shelves.|展示盒包装，适合超市货架。;"
            "Themes designed for Europe and North America.|款式面向欧美市场设计。",
      types=[
          P("Artificial Christmas Tree|人造圣诞树", "star", 8, 120, M("Material|材质", "PVC|PVC; PE|PE; PE & PVC|PE和PVC混合"),
            M("-", "Pre-lit|带灯; Snow Flocked|植绒; -"), Z("Height|高度", "150cm; 180cm; 210cm; 240cm"), col="Green; White",
            kw="christmas tree; xmas tree|圣诞树"),
          P("Christmas Ornament Set|圣诞挂饰套装", "star", 1.5, 10, M("Material|材质", "Glass|玻璃; Shatterproof|防碎塑料"),
            Z("Pieces|件数", "12 pcs; 24 pcs; 36 pcs"), unit=SETS, kw="christmas balls; baubles|圣诞球"),
          P("Latex Balloon|乳胶气球", "ball", 0.01, 0.06, M("-", "Metallic|金属色; Pastel|马卡龙色; Printed|印花"),
            Z("Size|尺寸", "10 inch; 12 inch; 18 inch"), kw="party balloons; balloon|派对气球"),
          P("Party Decoration Set|派对装饰套装", "gift", 1, 8, M("Theme|主题", "Birthday|生日; Wedding|婚礼; Baby Shower|宝宝派对"),
            unit=SETS, kw="party supplies; banner|派对用品"),
          P("Halloween Costume|万圣节服装", "shirt", 2, 12, M("-", "Kids|儿童; Adult|成人"), kw="costume; cosplay|化妆舞会服装"),
      ]),
    S("arts-crafts", "Arts & Crafts|工艺品", "vase",
      industry="Arts & Crafts|工艺品; Crafts|工艺; Handicrafts|手工艺品",
      certs="BSCI; Sedex; FSC; ISO 9001", lead=(25, 45),
      colours="White; Gold; Natural Wood; Brown; Black; Beige",
      cities="xiamen; quanzhou; dehua; putian; yiwu; jingdezhen",
      feats="Hand-painted by skilled artisans.|由熟练工匠手工彩绘。;"
            "Designs protected; exclusive models for key accounts.|设计受保护，可为大客户开发独家款。;"
            "Sturdy packing for fragile items.|易碎品加固包装。;"
            "Made in the traditional craft centre of China.|产自中国传统工艺之乡。",
      types=[
          P("Resin Figurine|树脂摆件", "vase", 1.5, 15, M("Theme|题材", "Animal|动物; Angel|天使; Buddha|佛像; Garden Gnome|花园小矮人"),
            Z("Height|高度", "10cm; 15cm; 25cm; 40cm"), kw="resin statue; ornament|树脂工艺品"),
          P("Porcelain Figurine|陶瓷人物摆件", "vase", 3, 40, M("-", "Blanc de Chine|德化白瓷; Hand-painted|手绘"), kw="porcelain statue|瓷器摆件"),
          P("Wooden Carving|木雕", "vase", 3, 60, M("Wood|木材", "Camphor|樟木; Rosewood|红木; Olive Wood|橄榄木"), kw="wood carving; wood craft|木雕工艺品"),
          P("Bamboo Storage Basket|竹编收纳篮", "bag", 1.5, 9, M("-", "Handwoven|手工编织; With Lid|带盖"), Z("Size|尺寸", "S; M; L"), kw="bamboo basket; storage|收纳筐"),
          P("Glass Paperweight|玻璃镇纸", "ball", 1, 8, M("-", "Crystal|水晶; Murano Style|威尼斯风格"), kw="crystal craft; paperweight|水晶工艺品"),
      ]),
])

TOYS = C("toys", "Toys|玩具", (240, 130, 40), [
    S("plush-dolls", "Plush Toys & Dolls|毛绒玩具及娃娃", "teddy",
      industry="Toys|玩具; Plush Toys|毛绒玩具; Toy Industry|玩具实业",
      certs="EN 71; ASTM F963; CE; CPC; BSCI; ISO 9001", lead=(25, 45),
      colours="Brown; Beige; Pink; White; Grey; Sky Blue",
      cities="yangzhou; shantou; dongguan; yiwu; ningbo",
      feats="Super-soft short plush, safe for babies.|超柔短毛绒，婴儿可用。;"
            "Embroidered eyes, no small parts.|刺绣眼睛，无小零件。;"
            "Filled with PP cotton, machine washable.|PP棉填充，可机洗。;"
            "Tested to EN 71 and ASTM F963.|通过EN 71及ASTM F963检测。;"
            "Custom mascots from your drawing.|可根据图纸定制吉祥物。",
      types=[
          P("Teddy Bear|泰迪熊", "teddy", 1.5, 18, M("-", "Classic|经典; With Bow|蝴蝶结; Giant|巨型"), Z("Height|高度", "25cm; 40cm; 60cm; 100cm"), kw="plush bear; stuffed bear|毛绒熊"),
          P("Stuffed Animal|毛绒动物", "teddy", 1.2, 12, M("Animal|动物", "Bunny|兔子; Dinosaur|恐龙; Unicorn|独角兽; Panda|熊猫"), Z("Height|高度", "20cm; 30cm; 45cm"), kw="plush toy; soft toy|公仔"),
          P("Fashion Doll|时尚娃娃", "teddy", 1.5, 10, M("-", "With Accessories|带配件; Dress-up|换装"), Z("Height|高度", "30cm; 45cm"), kw="doll; girl doll|芭比娃娃"),
          P("Baby Comforter|安抚巾", "fabric", 1, 6, M("Animal|动物", "Bunny|兔子; Elephant|大象; Bear|小熊"), kw="baby blanket; lovey|安抚玩偶"),
          P("Plush Backpack|毛绒背包", "backpack", 2, 9, M("-", "Animal|动物造型; Cartoon|卡通"), kw="kids backpack; plush bag|儿童背包"),
      ]),
    S("educational-toys", "Educational Toys|益智玩具", "blocks",
      industry="Toys|玩具; Educational Toys|益智玩具; Wooden Toys|木制玩具",
      certs="EN 71; ASTM F963; CE; CPC; FSC; BSCI", lead=(25, 45),
      colours="", cities="shantou; ningbo; dongguan; shenzhen",
      feats="Develops fine motor skills and creativity.|锻炼精细动作能力和创造力。;"
            "Water-based, non-toxic paint.|水性无毒油漆。;"
            "Rounded edges and smooth surfaces.|边角圆润，表面光滑。;"
            "STEM designs developed with teachers.|与教师共同开发的STEM设计。;"
            "Colour box with age grading and warnings.|彩盒包装，标注适用年龄及警示语。",
      types=[
          P("Building Blocks Set|积木套装", "blocks", 3, 40, M("-", "City|城市; Technic|机械; Classic|经典"), Z("Pieces|颗粒数", "300 pcs; 500 pcs; 1000 pcs; 2000 pcs"), unit=SETS, kw="bricks; building toy|拼插积木"),
          P("Wooden Puzzle|木制拼图", "blocks", 1, 6, M("-", "Jigsaw|拼图; Shape Sorter|形状配对; 3D|立体"), kw="puzzle; montessori toy|益智拼图"),
          P("STEM Robot Kit|STEM机器人套件", "machine", 8, 45, M("-", "Programmable|可编程; Solar|太阳能"), unit=SETS, kw="robot toy; coding robot|编程机器人"),
          P("Magnetic Tiles|磁力片", "blocks", 6, 35, M("-", "Clear|透明; Rainbow|彩虹"), Z("Pieces|片数", "32 pcs; 60 pcs; 100 pcs"), unit=SETS, kw="magnet blocks; magna tiles|磁力积木"),
          P("Kids Drawing Tablet|儿童手写板", "phone", 1.5, 6, M("-", "LCD|液晶; Colourful|彩色"), Z("Size|尺寸", "8.5 inch; 10 inch; 12 inch"), kw="lcd writing tablet|液晶画板"),
      ]),
    S("rc-outdoor-toys", "Electronic & Outdoor Toys|电动及户外玩具", "car",
      industry="Toys|玩具; Electronic Toys|电子玩具; Model Toys|模型玩具",
      certs="EN 71; EN 62115; ASTM F963; FCC; CE; CPC", lead=(25, 45),
      colours="Red; Blue; Green; Yellow; Black; Orange",
      cities="shantou; dongguan; shenzhen; ningbo; yiwu",
      feats="Bright colours and sturdy construction.|色彩鲜艳，结构坚固。;"
            "Tested to EN 71 and EN 62115.|通过EN 71及EN 62115检测。;"
            "Durable build for rough play.|结构耐用，经得起玩耍。;"
            "Safe for outdoor play.|适合户外安全玩耍。",
      types=[
          P("RC Car|遥控车", "car", 5, 45, M("-", "Off-road|越野; Stunt|特技; Drift|漂移"), Z("Scale|比例", "1:12; 1:16; 1:24"), kw="remote control car; rc truck|遥控汽车"),
          P("Mini Drone|迷你无人机", "gear", 8, 60, M("-", "Foldable|折叠; With Camera|带摄像头"), kw="quadcopter; toy drone|四轴飞行器"),
          P("Kids Scooter|儿童滑板车", "bike", 8, 30, M("-", "3-wheel|三轮; Foldable|折叠; LED Wheels|闪光轮"), kw="kick scooter|儿童滑板车"),
          P("Water Gun|水枪", "drill", 0.8, 8, M("-", "Electric|电动; Pump Action|推拉式"), kw="water blaster; squirt gun|玩具水枪"),
          P("Ride-on Car|儿童电动车", "car", 35, 160, M("-", "12V|12V; 24V|24V; Licensed|授权款"), kw="kids electric car; ride on toy|童车"),
      ]),
])

CATEGORIES = [HOME, GIFTS, TOYS]
