"""More product types for some sections (merged into the sections by ``catalog``)."""

from __future__ import annotations

from server.demo.model import BOXES, CTNS, KG, PAIRS, SETS, UNITS, VEHICLES, M, P, PType, X, Z

EXTRA_TYPES: dict[str, list[PType]] = {
    "promotional-gifts": [
        P("Stainless Steel Water Bottle|不锈钢水瓶", "bottle", 1.5, 6, M("-", "Sports|运动; Vacuum|真空; -"),
          Z("Capacity|容量", "500ml; 750ml; 1L"), kw="water bottle; drink bottle|运动水壶"),
        P("Printed Cap|印花帽", "cap", 0.8, 3.5, M("Style|款式", "Baseball Cap|棒球帽; Bucket Hat|渔夫帽; Trucker Cap|网帽"),
          kw="hat; logo cap|广告帽"),
        P("Custom Mouse Pad|定制鼠标垫", "panel", 0.3, 2.5, M("-", "Wrist Rest|护腕; Extended|加长"), kw="mouse mat|鼠标垫"),
    ],
    "festive-party": [
        P("LED Christmas Lights|LED圣诞灯串", "strip", 1.2, 9, M("-", "Icicle|冰条; Net|网灯; Curtain|窗帘灯"),
          Z("Length|长度", "5m; 10m; 20m"), kw="christmas lights; holiday lights|圣诞彩灯"),
        P("Christmas Stocking|圣诞袜", "shoe", 0.5, 3, M("Material|材质", "Felt|毛毡; Knitted|针织; Velvet|丝绒"), kw="xmas stocking|圣诞礼物袜"),
    ],
    "plush-dolls": [
        P("Plush Keychain|毛绒钥匙扣", "teddy", 0.3, 1.5, M("Animal|动物", "Bear|小熊; Bunny|兔子; Cat|小猫"), kw="mini plush; bag charm|毛绒挂件"),
        P("Weighted Plush Toy|重力毛绒玩具", "teddy", 4, 15, M("Animal|动物", "Dinosaur|恐龙; Sloth|树懒; Axolotl|六角恐龙"),
          Z("Weight|重量", "1kg; 1.5kg; 2kg"), kw="weighted stuffed animal|减压公仔"),
    ],
    "educational-toys": [
        P("Wooden Train Set|木制火车套装", "car", 6, 30, M("-", "Magnetic|磁性; With Tracks|带轨道"), unit=SETS, kw="toy train; railway set|小火车"),
        P("Play Dough Set|彩泥套装", "jar", 1, 6, Z("Colours|色数", "12 colours; 24 colours; 36 colours"), unit=SETS, kw="modelling clay; play clay|橡皮泥"),
        P("Science Experiment Kit|科学实验套装", "bottle", 3, 15, M("Theme|主题", "Chemistry|化学; Crystal Growing|水晶培育; Volcano|火山"),
          unit=SETS, kw="stem kit; science toy|科教玩具"),
    ],
    "rc-outdoor-toys": [
        P("Bubble Machine|泡泡机", "box", 2, 10, M("-", "Automatic|全自动; Handheld|手持"), kw="bubble maker; bubble gun|泡泡枪"),
        P("Kids Trampoline|儿童蹦床", "wheel", 25, 90, Z("Diameter|直径", "1m; 1.4m; 1.8m"), M("-", "With Net|带护网; -"),
          unit=SETS, kw="trampoline; jumping bed|跳跳床"),
    ],
    "sports-shoes": [
        P("Kids Light-up Sneakers|儿童发光鞋", "shoe", 4, 12, M("-", "USB Rechargeable|USB充电; Velcro|魔术贴"), unit=PAIRS, kw="led shoes; kids sneakers|灯鞋"),
        P("Football Boots|足球鞋", "shoe", 8, 28, M("Studs|鞋钉", "FG|FG长钉; TF|TF碎钉; AG|AG短钉"), unit=PAIRS, kw="soccer cleats|足球钉鞋"),
    ],
    "slippers-sandals": [
        P("Hotel Slippers|酒店拖鞋", "shoe", 0.15, 0.8, M("Material|材质", "Terry|毛圈; Waffle|华夫格; Non-woven|无纺布"),
          unit=PAIRS, moq=(1000, 2000, 5000, 10000), kw="disposable slippers|一次性拖鞋"),
    ],
    "luggage": [
        P("Kids Ride-on Suitcase|儿童骑行箱", "suitcase", 12, 35, M("-", "Animal|动物; Cartoon|卡通"), kw="kids luggage|儿童拉杆箱"),
        P("Luggage Tag|行李牌", "lock", 0.2, 1.5, M("Material|材质", "PU Leather|PU皮; Silicone|硅胶; Aluminium|铝合金"), kw="baggage tag|行李吊牌"),
    ],
    "handbags-wallets": [
        P("Straw Beach Bag|草编沙滩包", "bag", 3, 12, M("Material|材质", "Paper Straw|纸草; Raffia|拉菲草; Seagrass|水草"), kw="beach tote; summer bag|草编包"),
        P("Cosmetic Bag|化妆包", "bag", 0.8, 5, M("Material|材质", "PU Leather|PU皮; Nylon|尼龙; Transparent PVC|透明PVC"), kw="makeup bag; toiletry bag|洗漱包"),
    ],
    "snacks-confectionery": [
        P("Chocolate Bar|巧克力", "snack", 0.3, 2, M("-", "Milk|牛奶; Dark|黑; Hazelnut|榛子"), Z("Net Weight|净含量", "40g; 100g"), unit=CTNS, kw="chocolate; candy bar|巧克力棒"),
        P("Seaweed Snack|海苔零食", "snack", 0.2, 1, M("Flavour|口味", "Original|原味; Wasabi|芥末; Spicy|香辣"), unit=CTNS, kw="roasted seaweed; nori|海苔"),
    ],
    "grain-oil-condiments": [
        P("Dried Shiitake Mushroom|干香菇", "snack", 6, 20, M("Grade|等级", "Flower Mushroom|花菇; Smooth|光面菇"), unit=KG, kw="shiitake; dried mushroom|香菇"),
        P("Rice Vinegar|米醋", "bottle", 0.4, 2, Z("Volume|容量", "500ml; 1L"), unit=CTNS, kw="vinegar|醋"),
        P("Frozen Dumplings|速冻水饺", "snack", 1.5, 5, M("Filling|馅料", "Pork and Cabbage|猪肉白菜; Vegetable|素三鲜; Shrimp|虾仁"),
          Z("Net Weight|净含量", "400g; 1kg"), unit=CTNS, kw="jiaozi; frozen food|饺子"),
    ],
    "medical-consumables": [
        P("Medical Gauze Swab|医用纱布块", "fabric", 0.5, 3, Z("Size|规格", "5x5cm; 7.5x7.5cm; 10x10cm"), M("-", "Sterile|无菌; Non-sterile|非无菌"),
          unit=BOXES, kw="gauze pad; wound dressing|纱布片"),
        P("Disposable Isolation Gown|一次性隔离衣", "shirt", 0.4, 2.5, M("Material|材质", "PP|PP; SMS|SMS; PE Coated|覆膜"),
          kw="protective gown; isolation gown|防护服"),
    ],
    "medical-devices": [
        P("Hearing Aid|助听器", "headphones", 8, 60, M("-", "Rechargeable|充电式; In-ear|耳内式; BTE|耳背式"), kw="hearing amplifier|助听设备"),
        P("Walking Stick|手杖", "stickvac", 2, 12, M("-", "Folding|折叠; Quad Base|四脚"), kw="cane; walking aid|拐杖"),
    ],
    "bicycles-motorcycles": [
        P("Electric Tricycle|电动三轮车", "bike", 300, 900, M("-", "Cargo|货运; Passenger|载客; Elderly|老年代步"),
          Z("Motor|电机功率", "500W; 800W; 1000W"), unit=VEHICLES, kw="e-trike; electric trike|电三轮"),
        P("Bicycle Helmet|自行车头盔", "cap", 4, 20, M("-", "Road|公路; MTB|山地; Kids|儿童"), kw="cycling helmet|骑行头盔"),
    ],
    "car-accessories": [
        P("Car Vacuum Cleaner|车载吸尘器", "drill", 5, 25, M("-", "Cordless|无线; 12V Plug|12V插头"), kw="handheld car vacuum|汽车吸尘器"),
    ],
    "packaging-food-machinery": [
        P("Noodle Making Machine|面条机", "machine", 600, 8000, M("-", "Automatic|全自动; Fresh Noodle|鲜面条"), unit=UNITS, kw="noodle machine|压面机"),
        P("Carton Sealing Machine|封箱机", "machine", 400, 3000, M("-", "Automatic|全自动; Side Belt|两侧驱动"), unit=UNITS, kw="case sealer; box taping|胶带封箱机"),
    ],
    "agri-construction-machinery": [
        P("Rotary Tiller|旋耕机", "machine", 350, 3500, Z("Working Width|耕幅", "1.2m; 1.6m; 2.0m"), unit=UNITS, kw="rotavator; tiller|旋耕机具"),
    ],
    "solar": [
        P("Solar Mounting Bracket|光伏支架", "solar", 15, 60, M("Roof|安装方式", "Tile Roof|瓦屋面; Flat Roof|平屋顶; Ground|地面"),
          unit=SETS, kw="solar racking; pv mounting|太阳能支架"),
        P("Solar Water Pump|太阳能水泵", "machine", 120, 900, Z("Power|功率", "400W; 750W; 1500W"), unit=UNITS, kw="solar pump; dc pump|光伏水泵"),
    ],
    "batteries-storage": [
        P("E-bike Battery|电动车锂电池", "battery", 80, 260, Z("Capacity|容量", "36V 10Ah; 48V 13Ah; 48V 20Ah"), kw="ebike battery; lithium pack|电动车电池"),
        P("Portable Power Station|户外移动电源", "battery", 150, 900, Z("Capacity|容量", "500Wh; 1000Wh; 2000Wh"), unit=UNITS,
          kw="power station; camping power|户外电源"),
    ],
    "electrical-equipment": [
        P("Residual Current Breaker|漏电保护器", "plug", 3, 15, M("Poles|极数", "2P; 4P"), X("Sensitivity|动作电流", "30mA; 100mA; 300mA"),
          kw="rcd; rcbo|漏保"),
        P("EV Charger|电动汽车充电桩", "plug", 150, 900, Z("Power|功率", "7kW; 11kW; 22kW"), M("-", "Wall Box|壁挂式; Portable|便携式"),
          unit=UNITS, kw="ev charging station; wallbox|新能源充电桩"),
    ],
}
