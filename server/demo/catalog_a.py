"""Catalog data: electronics and household appliances, lighting."""

from __future__ import annotations

from server.demo.model import CTNS, SETS, UNITS, C, M, P, S, X, Z

ELECTRONICS = C("electronics", "Electronics & Household Appliances|电子及家电", (52, 110, 200), [
    S("kitchen-appliances", "Kitchen Appliances|厨房电器", "kettle",
      industry="Electrical Appliance|电器; Kitchen Appliance|厨房电器; Home Appliance Technology|家电科技",
      certs="CE; GS; CB; LFGB; RoHS; UL; ETL; CCC; ISO 9001", lead=(25, 45),
      colours="White; Black; Silver; Red; Mint Green; Beige",
      cities="ningbo; cixi; foshan; zhongshan; shenzhen; jiangmen; changsha",
      feats="Food-grade materials wherever the product touches food.|与食物接触部分均采用食品级材料。;"
            "Overheat protection and safety switch.|具有过热保护及安全开关。;"
            "Easy-clean surfaces and detachable parts.|表面易清洁，部件可拆卸。;"
            "Plugs for EU, UK, US and AU markets.|可配欧规、英规、美规及澳规插头。;"
            "Low noise and low standby power.|运行噪音低，待机功耗低。;"
            "Colour box with multilingual manual.|彩盒包装，附多语种说明书。",
      specs=(X("Voltage|电压", "220-240V~ 50/60Hz; 110-120V~ 60Hz"),),
      types=[
          P("Electric Kettle|电热水壶", "kettle", 6.5, 18,
            M("Material|材质", "Stainless Steel|不锈钢; Glass|玻璃; Double Wall|双层防烫"),
            Z("Capacity|容量", "1.0L; 1.5L; 1.7L; 1.8L"), X("Power|功率", "1500W; 1800W; 2200W"),
            kw="kettle; water boiler|烧水壶; cordless kettle|无线水壶"),
          P("Air Fryer|空气炸锅", "box", 18, 55,
            M("-", "Digital|数显; Mechanical|机械; Visible Window|可视"),
            Z("Capacity|容量", "3.5L; 4.5L; 5.5L; 6.5L; 8L"), X("Power|功率", "1300W; 1500W; 1700W"),
            kw="air fryer; oil-free fryer|无油炸锅"),
          P("Rice Cooker|电饭煲", "pot", 9, 35,
            M("-", "Smart|智能; Mini|迷你; Ceramic Inner Pot|陶瓷内胆"),
            Z("Capacity|容量", "1.2L; 1.8L; 3L; 5L"), X("Power|功率", "400W; 500W; 700W; 860W"),
            kw="rice cooker; 饭煲"),
          P("Blender|搅拌机", "bottle", 8, 40,
            M("-", "High Speed|高速; Portable|便携; Personal|单人"),
            Z("Jar Capacity|杯体容量", "0.6L; 1.5L; 2L"), X("Power|功率", "300W; 800W; 1200W; 2000W"),
            kw="blender; juicer|榨汁机; smoothie maker|料理机"),
          P("Induction Cooker|电磁炉", "cooktop", 14, 48,
            M("-", "Touch Control|触控; Single Burner|单头; Double Burner|双头"),
            Z("Power|功率", "2000W; 2200W; 3500W"), kw="induction hob; cooktop|电陶炉"),
          P("Electric Pressure Cooker|电压力锅", "pot", 22, 60,
            M("-", "Multi-function|多功能; Smart|智能"), Z("Capacity|容量", "4L; 5L; 6L; 8L"),
            kw="pressure cooker; instant pot|高压锅"),
          P("Toaster|多士炉", "box", 7, 22,
            M("-", "2-Slice|两片式; 4-Slice|四片式"),
            M("Material|材质", "Stainless Steel|不锈钢; Plastic|塑料"), kw="toaster; bread toaster|烤面包机"),
          P("Coffee Machine|咖啡机", "box", 25, 160,
            M("-", "Espresso|意式; Drip|滴漏式; Capsule|胶囊"), X("Pump Pressure|泵压", "15 bar; 19 bar; 20 bar"),
            kw="coffee maker; espresso machine|意式咖啡机"),
      ]),
    S("home-appliances", "Home Appliances|生活电器", "fan",
      industry="Electrical Appliance|电器; Home Appliance|家电; Electric Appliance Technology|电器科技",
      certs="CE; GS; CB; RoHS; UL; ETL; ERP; CCC; ISO 9001", lead=(25, 45),
      colours="White; Black; Grey; Silver; Beige",
      cities="ningbo; cixi; zhongshan; foshan; suzhou; shenzhen; taizhou",
      feats="Quality components for a long service life.|选用优质元器件，使用寿命长。;"
            "Simple controls with clear indicators.|操作简单，指示清晰。;"
            "Overheat protection for safe use.|具有过热保护，使用安全。;"
            "Energy-saving design meets ERP requirements.|节能设计，符合ERP能效要求。;"
            "Compact size, easy to store and move.|体积小巧，便于收纳和移动。;"
            "Two-year warranty for distributors.|为经销商提供两年质保。",
      specs=(X("Voltage|电压", "220-240V~ 50Hz; 110-120V~ 60Hz"),),
      types=[
          P("Stand Fan|落地扇", "fan", 9, 35, M("-", "Remote Control|遥控; Mechanical|机械; DC Inverter|直流变频"),
            Z("Blade Diameter|扇叶直径", "16 inch; 18 inch"), X("Power|功率", "45W; 55W; 60W"),
            kw="pedestal fan; electric fan|电风扇"),
          P("Tower Fan|塔扇", "fan", 16, 48, M("-", "Bladeless|无叶; Smart|智能"),
            Z("Height|高度", "80cm; 95cm; 105cm"), kw="tower fan; column fan|立式塔扇"),
          P("Ceramic Heater|陶瓷暖风机", "box", 10, 38, M("-", "Oscillating|摇头; Wall-mounted|壁挂式"),
            Z("Power|功率", "1500W; 2000W"), kw="space heater; PTC heater|取暖器"),
          P("Ultrasonic Humidifier|超声波加湿器", "bottle", 7, 30, M("-", "Cool Mist|冷雾; Top Fill|上加水"),
            Z("Tank Capacity|水箱容量", "2.5L; 4L; 6L"), kw="humidifier; mist maker|加湿器"),
          P("Cordless Vacuum Cleaner|无线吸尘器", "stickvac", 35, 110, M("-", "Handheld|手持; Stick|立式"),
            X("Suction|吸力", "12kPa; 18kPa; 25kPa"), X("Run Time|续航", "30 min; 40 min; 60 min"),
            kw="stick vacuum; cordless vacuum|吸尘器"),
          P("Robot Vacuum Cleaner|扫地机器人", "disc", 60, 220, M("-", "Laser Navigation|激光导航; Mop|扫拖一体"),
            X("Suction|吸力", "2700Pa; 4000Pa; 6000Pa"), kw="robot vacuum; robotic cleaner|扫拖机器人"),
          P("Steam Iron|蒸汽电熨斗", "iron", 5, 20, M("Soleplate|底板", "Ceramic|陶瓷; Stainless Steel|不锈钢"),
            Z("Power|功率", "1200W; 2000W; 2400W"), kw="iron; steam iron|熨斗"),
          P("Garment Steamer|挂烫机", "stickvac", 12, 45, M("-", "Handheld|手持; Standing|立式"),
            Z("Power|功率", "1000W; 1500W; 1800W"), kw="clothes steamer|蒸汽挂烫机"),
          P("Hair Dryer|吹风机", "hairdryer", 5, 40, M("-", "Ionic|负离子; High Speed|高速; Foldable|折叠"),
            Z("Power|功率", "1200W; 1800W; 2200W"), kw="blow dryer|电吹风"),
      ]),
    S("consumer-electronics", "Consumer Electronics|消费电子", "phone",
      industry="Electronics|电子; Electronic Technology|电子科技; Digital Technology|数码科技",
      certs="CE; FCC; RoHS; UKCA; UL; PSE; KC; REACH; ISO 9001", lead=(15, 35),
      colours="Black; White; Blue; Pink; Grey; Green",
      cities="shenzhen; dongguan; huizhou; guangzhou; xiamen; suzhou",
      feats="Stable quality with full function testing.|品质稳定，经全功能测试。;"
            "Samples ready within 3 days.|3天内可出样品。;"
            "Aging-tested for 8 hours before shipment.|出货前经过8小时老化测试。;"
            "Retail-ready packaging with barcode.|零售包装，附条形码。;"
            "Logo and packaging customised for brand owners.|可为品牌客户定制logo和包装。;"
            "12-month warranty.|提供12个月质保。",
      types=[
          P("True Wireless Earbuds|真无线蓝牙耳机", "headphones", 4, 28, M("-", "ANC|主动降噪; Sports|运动; Open-ear|开放式"),
            X("Bluetooth|蓝牙版本", "5.3; 5.4"), X("Playtime|续航", "5h (25h with case); 6h (30h with case)"),
            kw="earbuds; TWS; bluetooth earphones|蓝牙耳机"),
          P("Bluetooth Speaker|蓝牙音箱", "speaker", 6, 45, M("-", "Waterproof|防水; Portable|便携; RGB|炫彩"),
            Z("Output Power|输出功率", "5W; 10W; 20W; 40W"), kw="portable speaker; wireless speaker|无线音箱"),
          P("Power Bank|移动电源", "battery", 4, 25, M("-", "Magnetic|磁吸; Slim|超薄; Fast Charging|快充"),
            Z("Capacity|容量", "5000mAh; 10000mAh; 20000mAh"), kw="powerbank; portable charger|充电宝"),
          P("USB-C Charger|USB-C充电器", "plug", 2, 14, M("-", "GaN|氮化镓; Dual Port|双口"),
            Z("Output|输出功率", "20W; 35W; 65W; 100W"), kw="wall charger; fast charger|快充充电头"),
          P("Charging Cable|数据线", "cable", 0.4, 3.5, M("Type|接口", "USB-C to USB-C|双Type-C; USB-A to Lightning|USB-A转Lightning; 3-in-1|三合一"),
            Z("Length|长度", "1m; 1.5m; 2m"), kw="usb cable; data cable|充电线"),
          P("Smart Watch|智能手表", "clock", 12, 60, M("-", "AMOLED|AMOLED屏; Sports|运动; Kids|儿童"),
            X("Battery Life|续航", "5 days; 7 days; 14 days"), kw="smartwatch; fitness tracker|运动手表"),
          P("Phone Case|手机壳", "phone", 0.5, 4, M("Material|材质", "Silicone|硅胶; TPU|TPU; Leather|皮革; Clear|透明"),
            kw="mobile phone cover; case|手机保护套"),
          P("Wireless Charger|无线充电器", "panel", 3, 18, M("-", "3-in-1|三合一; Magnetic|磁吸; Foldable|折叠"),
            Z("Output|输出功率", "10W; 15W"), kw="qi charger; charging pad|无线充"),
      ]),
    S("smart-home", "Smart Home & Security|智能家居及安防", "camera",
      industry="Intelligent Technology|智能科技; Security Technology|安防科技; Electronics|电子",
      certs="CE; FCC; RoHS; UKCA; IC; ISO 9001", lead=(15, 35), colours="White; Black; Grey",
      cities="shenzhen; hangzhou; dongguan; xiamen; guangzhou",
      feats="Works with Tuya, Alexa and Google Home.|支持涂鸦、Alexa及Google Home。;"
            "Easy set-up in the app within two minutes.|通过App两分钟即可完成设置。;"
            "Encrypted cloud and local SD-card storage.|支持加密云存储及本地SD卡存储。;"
            "Stable 2.4 GHz Wi-Fi connection.|2.4GHz Wi-Fi连接稳定。;"
            "White-label app available for distributors.|可为经销商提供贴牌App。",
      types=[
          P("Wi-Fi Security Camera|Wi-Fi监控摄像头", "camera", 8, 45, M("-", "Indoor|室内; Outdoor|户外; PTZ|云台; Solar|太阳能"),
            Z("Resolution|分辨率", "2MP; 3MP; 4MP; 5MP"), kw="ip camera; cctv; surveillance|网络摄像机"),
          P("Video Doorbell|可视门铃", "phone", 12, 40, M("-", "Wireless|无线; Battery|电池供电"),
            X("Resolution|分辨率", "1080P; 2K"), kw="doorbell camera|智能门铃"),
          P("Smart Plug|智能插座", "plug", 2.5, 8, M("Plug Type|插头类型", "EU|欧规; UK|英规; US|美规"),
            X("Rated Current|额定电流", "10A; 16A"), kw="wifi socket; smart outlet|智能插头"),
          P("Smart Door Lock|智能门锁", "lock", 35, 140, M("-", "Fingerprint|指纹; Face Recognition|人脸识别"),
            X("Unlock Methods|开锁方式", "Fingerprint, password, card, key; Face, fingerprint, app"),
            kw="fingerprint lock; digital lock|电子锁"),
          P("Smart Light Switch|智能开关", "panel", 3, 12, M("-", "Touch|触摸; Zigbee|Zigbee"),
            M("Gangs|位数", "1-Gang|一位; 2-Gang|二位; 3-Gang|三位"), kw="wifi switch; wall switch|墙壁开关"),
          P("Motion Sensor|人体感应器", "box", 3, 10, M("-", "Zigbee|Zigbee; Wi-Fi|Wi-Fi"),
            kw="pir sensor; motion detector|红外感应器"),
      ]),
])

LIGHTING = C("lighting", "Lighting|照明", (226, 164, 40), [
    S("indoor-lighting", "Indoor Lighting|室内照明", "lamp",
      industry="Lighting|照明; Lighting Technology|照明科技; Lighting Electrical|灯饰电器; Optoelectronics|光电",
      certs="CE; RoHS; ERP; UKCA; SAA; UL; ETL; CCC; ISO 9001", lead=(15, 35),
      colours="White; Black; Gold; Matte Black; Brushed Nickel; Natural Wood",
      cities="zhongshan; foshan; jiangmen; ningbo; huizhou; changzhou; xiamen",
      feats="High-efficiency SMD LEDs with CRI above 80.|采用高光效SMD灯珠，显色指数大于80。;"
            "Flicker-free isolated driver.|隔离驱动，无频闪。;"
            "Aluminium housing for good heat dissipation.|铝材灯体，散热良好。;"
            "Lifespan of 30,000 hours.|使用寿命长达30000小时。;"
            "Dimmable and CCT-selectable versions available.|可选调光及色温切换款。;"
            "Three-year warranty.|质保三年。",
      specs=(X("Colour Temperature|色温", "3000K; 4000K; 6500K; 3000K-6500K adjustable"),
             X("Input Voltage|输入电压", "AC 220-240V; AC 100-277V")),
      types=[
          P("LED Ceiling Lamp|LED吸顶灯", "lamp", 4, 30, M("-", "Round|圆形; Square|方形; Ultra-thin|超薄; Smart|智能"),
            Z("Power|功率", "12W; 18W; 24W; 36W; 48W"), kw="ceiling light; flush mount|吸顶灯"),
          P("LED Panel Light|LED面板灯", "panel", 3, 22, M("-", "Backlit|直下式; Edge-lit|侧发光; Recessed|嵌入式"),
            Z("Size|尺寸", "300x300mm; 600x600mm; 300x1200mm; 600x1200mm"), kw="panel light; troffer|平板灯"),
          P("LED Downlight|LED筒灯", "lamp", 1.2, 9, M("-", "Anti-glare|防眩; Slim|超薄; Adjustable|可调角度"),
            Z("Power|功率", "6W; 9W; 12W; 18W"), kw="recessed light; downlight|嵌入式筒灯"),
          P("Pendant Lamp|吊灯", "lamp", 8, 85, M("Material|材质", "Glass|玻璃; Rattan|藤编; Metal|金属; Fabric|布艺"),
            Z("Diameter|直径", "20cm; 30cm; 40cm; 60cm"), kw="pendant light; hanging lamp|餐厅吊灯"),
          P("LED Bulb|LED球泡灯", "bulb", 0.3, 3, M("-", "A60|A60; Filament|灯丝; Smart|智能; Candle|蜡烛形"),
            Z("Power|功率", "5W; 7W; 9W; 12W; 15W"), X("Base|灯头", "E27; E14; B22; GU10"), unit=CTNS,
            kw="light bulb; led lamp|灯泡"),
          P("Table Lamp|台灯", "desklamp", 5, 40, M("-", "Rechargeable|充电; Touch Dimmable|触摸调光; Ceramic|陶瓷"),
            kw="bedside lamp; desk lamp|床头灯"),
          P("Floor Lamp|落地灯", "desklamp", 12, 70, M("-", "Arc|弧形; Tripod|三脚; Minimalist|简约"),
            Z("Height|高度", "150cm; 160cm; 180cm"), kw="standing lamp|立灯"),
          P("LED Tube|LED灯管", "strip", 0.8, 5, M("-", "T8|T8; T5|T5; Integrated|一体化"),
            Z("Length|长度", "60cm; 120cm; 150cm"), unit=CTNS, kw="fluorescent replacement; tube light|日光灯管"),
          P("LED Track Light|LED轨道灯", "lamp", 4, 25, M("-", "2-wire|二线; 3-wire|三线; Magnetic|磁吸"),
            Z("Power|功率", "10W; 20W; 30W; 40W"), kw="track spotlight; shop lighting|射灯"),
      ]),
    S("outdoor-lighting", "Outdoor Lighting|户外照明", "lamp",
      industry="Lighting|照明; Lighting Technology|照明科技; Optoelectronic Technology|光电科技",
      certs="CE; RoHS; IP65; IP66; ENEC; UL; DLC; ISO 9001", lead=(20, 40),
      colours="Black; Grey; Silver; White",
      cities="zhongshan; yangzhou; jiangmen; shenzhen; changzhou; xiamen; ningbo",
      feats="Die-cast aluminium housing with powder coating.|压铸铝灯体，表面喷粉处理。;"
            "IP66 waterproof for all weather.|IP66防水，适应各种天气。;"
            "Surge protection up to 10 kV.|防浪涌保护高达10kV。;"
            "Tempered glass or PC lens options.|可选钢化玻璃或PC透镜。;"
            "Five-year warranty for projects.|工程项目质保五年。",
      specs=(X("Colour Temperature|色温", "3000K; 4000K; 5000K; 5700K"), X("IP Rating|防护等级", "IP65; IP66")),
      types=[
          P("LED Street Light|LED路灯", "streetlight", 25, 160, M("-", "Modular|模组; SMD|贴片; Smart|智能"),
            Z("Power|功率", "60W; 100W; 150W; 200W"), X("Luminous Efficacy|光效", "130 lm/W; 150 lm/W; 160 lm/W"),
            unit=UNITS, moq=(50, 100, 200), kw="road light; street lamp|道路照明"),
          P("LED Flood Light|LED投光灯", "panel", 4, 60, M("-", "Slim|超薄; Sensor|感应; RGB|七彩"),
            Z("Power|功率", "20W; 50W; 100W; 200W"), kw="floodlight; projector light|泛光灯"),
          P("Solar Wall Light|太阳能壁灯", "solar", 2.5, 14, M("-", "Motion Sensor|感应; Up and Down|上下发光"),
            Z("LEDs|灯珠数", "30 LEDs; 100 LEDs; 212 LEDs"), kw="solar light; garden wall lamp|太阳能灯"),
          P("Solar Garden Light|太阳能草坪灯", "lamp", 1.5, 9, M("-", "Pathway|路径; Stake|插地"),
            kw="lawn lamp; path light|庭院灯", unit=SETS),
          P("UFO High Bay Light|UFO工矿灯", "lamp", 18, 90, M("-", "Dimmable|可调光; Linear|线性"),
            Z("Power|功率", "100W; 150W; 200W; 240W"), kw="high bay; warehouse light|工厂灯"),
          P("Bollard Light|草坪柱灯", "streetlight", 15, 60, M("Material|材质", "Aluminium|铝; Stainless Steel|不锈钢"),
            Z("Height|高度", "45cm; 65cm; 80cm"), kw="garden bollard; pathway lighting|庭院柱灯"),
      ]),
    S("decorative-lighting", "Decorative & LED Strip Lighting|装饰照明及灯带", "strip",
      industry="Lighting|照明; Lighting Decoration|灯饰; Optoelectronics|光电",
      certs="CE; RoHS; GS; UL; SAA; ISO 9001", lead=(15, 30),
      cities="zhongshan; shenzhen; ningbo; yiwu; dongguan",
      feats="Low-voltage design, safe to touch.|低压设计，触摸安全。;"
            "Warm white and multicolour options.|可选暖白及多彩款。;"
            "Energy-saving LEDs with a long life.|节能LED，寿命长。;"
            "Gift-box packaging for retail.|礼盒包装，适合零售。;"
            "CE and RoHS compliant.|符合CE及RoHS标准。",
      types=[
          P("LED Strip Light|LED灯带", "strip", 1.5, 12, M("-", "RGB|RGB; COB|COB; Warm White|暖白; Smart|智能"),
            Z("Length|长度", "5m; 10m; 20m"), X("Voltage|电压", "DC 12V; DC 24V; USB 5V"),
            kw="led tape; light strip|软灯条"),
          P("Fairy String Lights|LED串灯", "strip", 0.8, 6, M("-", "Copper Wire|铜线; Battery|电池; Solar|太阳能"),
            Z("Length|长度", "3m; 5m; 10m; 20m"), kw="string lights; christmas lights|彩灯串"),
          P("Crystal Chandelier|水晶吊灯", "lamp", 35, 400, M("-", "Modern|现代; Classic|古典"),
            Z("Diameter|直径", "50cm; 60cm; 80cm; 100cm"), unit=SETS, kw="chandelier; crystal lamp|客厅吊灯"),
          P("LED Neon Sign|LED霓虹灯", "strip", 8, 60, M("-", "Custom|定制; Wall|壁挂"), kw="neon light; neon sign|霓虹灯牌"),
          P("Night Light|小夜灯", "bulb", 0.8, 6, M("-", "Plug-in|插电; Sensor|感应; Silicone|硅胶"),
            kw="kids night lamp; sleep light|床头小夜灯"),
          P("Moon Lamp|月球灯", "bulb", 3, 15, Z("Diameter|直径", "12cm; 15cm; 18cm"), kw="3d moon light|3D月亮灯"),
      ]),
])

CATEGORIES = [ELECTRONICS, LIGHTING]
