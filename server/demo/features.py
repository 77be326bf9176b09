"""Selling points of particular product types (by English type name), used in product
descriptions next to the section's general ones. Text is ``"English|中文"``."""

from __future__ import annotations

from server.demo.model import Pair, pairs

_RAW: dict[str, str] = {
    # electronics
    "Electric Kettle": "Auto shut-off and boil-dry protection.|自动断电及防干烧保护。;"
                       "Strix-type controller for long life.|采用Strix同类温控器，寿命长。",
    "Air Fryer": "Cooks with up to 85% less oil.|烹饪用油最多减少85%。;Non-stick basket, dishwasher safe.|不粘炸篮，可用洗碗机清洗。",
    "Rice Cooker": "Keeps rice warm for 12 hours.|可保温12小时。;Non-stick inner pot with a thick base.|厚釜不粘内胆。",
    "Blender": "Stainless steel blades crush ice in seconds.|不锈钢刀头，数秒即可碎冰。;BPA-free jar.|杯体不含双酚A。",
    "Coffee Machine": "Milk frother for cappuccino and latte.|配奶泡器，可制作卡布奇诺和拿铁。;Heats up in 30 seconds.|30秒快速预热。",
    "Stand Fan": "Copper motor for long life and quiet running.|纯铜电机，寿命长，运行安静。;Three speeds, timer and oscillation.|三档风速，带定时和摇头功能。",
    "Tower Fan": "Remote control and 8-hour timer.|配遥控器及8小时定时。;Slim design for small rooms.|纤薄设计，适合小房间。",
    "Ceramic Heater": "Tip-over and overheat protection.|具有防倾倒及过热保护功能。;Heats a room within minutes.|几分钟即可让房间变暖。",
    "Cordless Vacuum Cleaner": "Washable HEPA filter.|可水洗HEPA滤网。;Converts to a handheld in one click.|一键切换为手持式。",
    "Robot Vacuum Cleaner": "App control and scheduled cleaning.|支持App控制和预约清扫。;Self-charging when the battery runs low.|电量不足时自动回充。",
    "Hair Dryer": "Negative ions for smooth, shiny hair.|负离子护发，头发顺滑有光泽。;Cool shot button and two nozzles.|冷风键，配两个风嘴。",
    "True Wireless Earbuds": "Bluetooth 5.3 chipset for a stable connection.|采用蓝牙5.3芯片，连接稳定。;Touch control and voice assistant.|触控操作，支持语音助手。",
    "Bluetooth Speaker": "Rich bass from a passive radiator.|被动振膜，低音浑厚。;TWS pairing for stereo sound.|支持TWS对箱立体声。",
    "Power Bank": "Protection against short circuit, overcharge and overheating.|具备短路、过充及过热保护。;Airline-safe capacity.|容量符合航空运输要求。",
    "USB-C Charger": "PD and QC fast charging.|支持PD及QC快充。;Foldable plug for travel.|折叠插脚，便于出行。",
    "Smart Watch": "Heart rate, SpO2 and sleep tracking.|支持心率、血氧及睡眠监测。;IP68 water resistance.|IP68级防水。",
    "Wi-Fi Security Camera": "Night vision up to 10 m.|夜视距离可达10米。;Motion alerts sent to your phone.|移动侦测，手机实时提醒。",
    # lighting
    "LED Ceiling Lamp": "Easy installation with a quick-mount plate.|快装底盘，安装简便。;Soft, glare-free light from an opal diffuser.|乳白灯罩，光线柔和不刺眼。",
    "LED Panel Light": "Uniform light with UGR below 19.|出光均匀，UGR小于19。;Surface, recessed or suspended mounting.|可明装、嵌入或吊装。",
    "Pendant Lamp": "Adjustable cable length up to 1.5 m.|吊线长度可调至1.5米。;Takes standard E27 bulbs.|适配标准E27灯泡。",
    "LED Bulb": "Replaces a 60 W incandescent bulb.|可替代60W白炽灯。;Instant start, no warm-up.|即开即亮，无需预热。",
    "LED Strip Light": "Cuttable every 3 LEDs.|每3颗灯珠可剪断。;Strong 3M adhesive backing.|背面采用3M强力背胶。",
    "Fairy String Lights": "Eight lighting modes with a timer.|八种灯光模式，带定时功能。;Waterproof for garden and patio.|防水设计，可用于花园和露台。",
    "LED Street Light": "Tool-free opening for maintenance.|免工具开盖，便于维护。;Photocell and dimming options.|可选光控及调光功能。",
    "Solar Wall Light": "Charges by day, lights up at dusk.|白天充电，天黑自动亮灯。;No wiring needed.|无需布线。",
    # hardware and building
    "Combination Wrench Set": "Drop-forged chrome vanadium steel.|铬钒钢模锻成型。;Rolling storage rack included.|附收纳架。",
    "Cordless Drill": "Brushless motor for longer run time.|无刷电机，续航更长。;Two-speed gearbox and 21 torque settings.|双速齿轮箱，21档扭力调节。",
    "Angle Grinder": "Anti-restart protection and soft start.|防重启保护及软启动。;Side handle fits left or right.|辅助手柄可左右安装。",
    "Basin Faucet": "Ceramic cartridge tested for 500,000 cycles.|陶瓷阀芯经50万次寿命测试。;Lead-free brass body.|无铅黄铜主体。",
    "Kitchen Faucet": "360° swivel spout.|出水嘴360°旋转。;Two spray modes.|两种出水模式。",
    "Shower Set": "Anti-limescale silicone nozzles.|硅胶出水孔，防水垢。;Thermostatic valve keeps the water at 38 °C.|恒温阀芯，水温稳定在38 °C。",
    "Ceramic Toilet": "Glazed trapway against blockages.|全釉面管道，不易堵塞。;Soft-close seat cover.|缓降盖板。",
    "Porcelain Floor Tile": "Water absorption below 0.5%.|吸水率低于0.5%。;Digital inkjet printing with natural textures.|数码喷墨印刷，纹理自然。",
    "Marble Slab": "Cut to size for projects.|工程项目可按尺寸切割。;Each slab photographed before shipping.|每块大板发货前拍照确认。",
    # home
    "Fabric Sofa": "High-resilience foam that keeps its shape.|高回弹海绵，久坐不变形。;Removable, washable covers.|外套可拆洗。",
    "Office Chair": "Adjustable lumbar support and armrests.|腰托和扶手可调节。;Class 4 gas lift, tested to BIFMA.|4级气压棒，通过BIFMA测试。",
    "Dining Chair": "Kiln-dried solid wood frame.|采用窑干实木框架。;Stackable for easy storage.|可叠放，方便收纳。",
    "Scented Candle": "Up to 40 hours of burning time.|燃烧时间长达40小时。;Lead-free cotton wick.|无铅棉芯。",
    "Ceramic Mug": "Microwave and dishwasher safe.|可用微波炉和洗碗机。;Full-colour logo printing.|可全彩印刷logo。",
    "Non-stick Frying Pan": "Works on gas, electric and induction.|适用于燃气灶、电炉及电磁炉。;Stay-cool handle.|防烫手柄。",
    "Kitchen Knife Set": "Hand-sharpened 15° edge.|15°手工开刃。;Full-tang, balanced handles.|全龙骨设计，手感平衡。",
    # toys, gifts
    "Building Blocks Set": "Compatible with major building-block brands.|兼容主流积木品牌。;Step-by-step instruction booklet.|附分步拼装说明书。",
    "RC Car": "2.4 GHz remote for racing without interference.|2.4GHz遥控，多车同玩不干扰。;Rechargeable battery with USB cable.|可充电电池，配USB充电线。",
    "Mini Drone": "Altitude hold and one-key take-off.|定高飞行，一键起飞。;Propeller guards for safe flying.|配桨叶保护罩，飞行安全。",
    "Teddy Bear": "Embroidered eyes and nose.|刺绣眼睛和鼻子。;Personalised T-shirt or ribbon on request.|可定制T恤或丝带。",
    "Artificial Christmas Tree": "Hinged branches for quick set-up.|挂钩式枝条，快速安装。;Sturdy metal stand.|坚固金属底座。",
    # textiles, shoes, bags
    "Cotton T-shirt": "100% combed cotton.|100%精梳棉。;Screen printing, embroidery or DTG.|可丝印、刺绣或数码直喷。",
    "Down Jacket": "RDS-certified down.|采用RDS认证羽绒。;Water-repellent shell fabric.|面料防泼水。",
    "Bath Towel": "Highly absorbent and quick-drying.|吸水性强，速干。;Jacquard border with your logo.|可提花定制logo边。",
    "Running Shoes": "Breathable knit upper.|透气飞织鞋面。;Rebound foam midsole.|回弹中底。",
    "Safety Shoes": "Steel toe tested to 200 J impact.|钢头防砸，经200焦耳冲击测试。;Anti-puncture midsole.|防刺穿中底。",
    "Hardshell Suitcase": "360° silent spinner wheels.|360°静音万向轮。;TSA-approved combination lock.|配TSA海关锁。",
    "Laptop Backpack": "Padded laptop sleeve up to 15.6 inches.|加厚电脑隔层，适合15.6英寸笔记本。;Hidden anti-theft pocket.|隐藏式防盗口袋。",
    "Cooler Bag": "Keeps drinks cold for 8 hours.|饮料可保冷8小时。;Leak-proof liner, easy to wipe clean.|防漏内衬，易于擦洗。",
    # food, health
    "Green Tea": "From our own tea gardens.|来自自有茶园。;Spring harvest, carefully processed.|春季采摘，精心加工。",
    "Oolong Tea": "Traditional charcoal roasting.|传统炭焙工艺。;Vacuum-packed in 7 g bags.|7克小包真空包装。",
    "Soy Sauce": "Naturally brewed for 180 days.|自然酿造180天。;No added preservatives.|不添加防腐剂。",
    "Jasmine Rice": "New crop with a fragrant aroma.|当季新米，香味浓郁。;Cleaned and colour-sorted.|经清理和色选。",
    "Gummy Candy": "Real fruit juice.|采用真实果汁。;Gelatin-free, vegan recipes available.|可提供不含明胶的素食配方。",
    "Blood Pressure Monitor": "Stores readings for two users.|可存储两人测量数据。;Irregular heartbeat detection.|可检测心律不齐。",
    "Disposable Face Mask": "Bacterial filtration above 98%.|细菌过滤效率大于98%。;Soft elastic ear loops.|柔软弹性耳带。",
    "Nitrile Gloves": "Latex-free, no allergy risk.|不含乳胶，无过敏风险。;Textured fingertips for a good grip.|指尖麻面，抓握牢固。",
    "Massage Gun": "Quiet brushless motor with 6 speeds.|静音无刷电机，6档调速。;Rechargeable with USB-C.|USB-C充电。",
    "Yoga Mat": "Non-slip on both sides.|双面防滑。;Free of latex and PVC.|不含乳胶和PVC。",
    # vehicles, machinery, energy
    "Electric Bicycle": "Removable lithium battery, charges in 5 hours.|可拆卸锂电池，5小时充满。;Hydraulic disc brakes.|液压碟刹。",
    "Mountain Bike": "Shimano drivetrain.|配Shimano传动系统。;Front suspension fork with lockout.|前叉减震，可锁死。",
    "Dash Cam": "Loop recording and G-sensor.|循环录影及重力感应。;Wide 170° viewing angle.|170°超广角。",
    "Fiber Laser Cutting Machine": "Raytools cutting head.|采用Raytools切割头。;Exchange table for continuous work.|交换工作台，可连续作业。",
    "Mini Excavator": "Kubota or Yanmar engine.|配久保田或洋马发动机。;Swing boom and rubber tracks.|偏摆动臂，橡胶履带。",
    "Monocrystalline Solar Panel": "Module efficiency up to 22.5%.|组件效率高达22.5%。;Withstands 5400 Pa snow load.|可承受5400帕雪载。",
    "LiFePO4 Battery Pack": "6000 cycles at 80% depth of discharge.|80%放电深度下循环6000次。;Smart BMS with Bluetooth monitoring.|智能BMS，支持蓝牙监控。",
    "Home Energy Storage System": "Works with major hybrid inverters.|兼容主流混合逆变器。;Expandable up to 30 kWh.|可扩容至30千瓦时。",
    "Miniature Circuit Breaker": "Breaking capacity 6 kA.|分断能力6kA。;DIN-rail mounting.|导轨安装。",
}

TYPE_FEATURES: dict[str, tuple[Pair, ...]] = {k: pairs(v) for k, v in _RAW.items()}
