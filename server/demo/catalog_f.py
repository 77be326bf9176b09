"""Catalog data: vehicles and parts, machinery, energy."""

from __future__ import annotations

from server.demo.model import METERS, SETS, UNITS, VEHICLES, C, M, P, S, X, Z

VEHICLES_CAT = C("vehicles-parts", "Vehicles & Parts|车辆及配件", (170, 60, 60), [
    S("auto-parts", "Auto Parts|汽车配件", "wheel",
      industry="Auto Parts|汽车配件; Auto Parts Manufacturing|汽配制造; Automotive Technology|汽车科技",
      certs="IATF 16949; ISO 9001; E-mark; DOT; ECE R90; CCC", lead=(20, 45), colours="",
      cities="wenzhou; taizhou; guangzhou; chongqing; qingdao",
      feats="OE-quality parts with exact fitment.|原厂品质，安装精准匹配。;"
            "Produced under IATF 16949.|按IATF 16949体系生产。;"
            "Catalogue covers European, Japanese and Korean cars.|产品目录覆盖欧系、日系及韩系车型。;"
            "Neutral or branded boxes.|可用中性包装或品牌包装。;"
            "One-year or 30,000 km warranty.|质保一年或三万公里。",
      types=[
          P("Ceramic Brake Pads|陶瓷刹车片", "tool", 4, 18, M("Position|位置", "Front|前轮; Rear|后轮"), unit=SETS, kw="brake pad; disc brake pads|刹车皮"),
          P("Brake Disc|刹车盘", "wheel", 8, 40, M("-", "Vented|通风; Drilled and Slotted|打孔划线"), kw="brake rotor|制动盘"),
          P("Oil Filter|机油滤清器", "canister", 0.8, 4, M("-", "Spin-on|旋装式; Cartridge|滤芯式"), kw="filter; engine oil filter|机滤"),
          P("LED Headlight Bulb|LED汽车大灯", "bulb", 4, 22, M("Socket|灯座", "H4; H7; H11; 9005"), Z("Power|功率", "40W; 60W; 90W"), unit=SETS, kw="car headlight; h7 led|汽车灯泡"),
          P("Shock Absorber|减震器", "canister", 10, 45, M("-", "Gas|充气; Oil|液压"), kw="damper; suspension strut|避震器"),
          P("Wiper Blade|雨刮片", "tool", 0.6, 4, M("-", "Frameless|无骨; Hybrid|三段式"), Z("Length|长度", "16 inch; 20 inch; 24 inch; 26 inch"), kw="windshield wiper|雨刷"),
          P("Passenger Car Tyre|乘用车轮胎", "wheel", 18, 80, Z("Size|规格", "185/65R15; 205/55R16; 225/45R17; 235/55R19"), kw="tire; radial tyre|轮胎"),
      ]),
    S("car-accessories", "Car Accessories & Electronics|汽车用品及电子", "car",
      industry="Auto Accessories|汽车用品; Electronics|电子; Auto Electronics|汽车电子",
      certs="CE; FCC; RoHS; E-mark; ISO 9001", lead=(15, 35),
      colours="Black; Grey; Beige; Red; Brown",
      cities="shenzhen; guangzhou; dongguan; ningbo; yiwu; taizhou",
      feats="Universal fit for most cars.|通用于大多数车型。;"
            "Installs in minutes without tools.|免工具几分钟即可安装。;"
            "Wide working temperature of -20 to 70 °C.|工作温度范围-20至70 °C。;"
            "Retail packaging with multilingual labels.|零售包装，多语言标签。",
      types=[
          P("Dash Cam|行车记录仪", "camera", 8, 45, M("-", "Front and Rear|前后双录; 4K|4K; Mirror|流媒体后视镜"), kw="dashboard camera; car dvr|记录仪"),
          P("Car Seat Cover Set|汽车座套", "sofa", 10, 45, M("Material|材质", "PU Leather|PU皮; Fabric|布艺; Linen|亚麻"), unit=SETS, kw="seat covers|座椅套"),
          P("Car Phone Holder|车载手机支架", "phone", 0.8, 6, M("-", "Magnetic|磁吸; Air Vent|出风口; Wireless Charging|无线充电"), kw="car mount; phone mount|手机架"),
          P("Portable Tyre Inflator|便携式充气泵", "box", 8, 30, M("-", "Cordless|无线; Digital|数显"), kw="air compressor; tire pump|打气泵"),
          P("Jump Starter|汽车应急启动电源", "battery", 15, 60, Z("Peak Current|峰值电流", "1000A; 2000A; 3000A"), kw="jump starter; battery booster|搭电宝"),
          P("Car Floor Mats|汽车脚垫", "tile", 6, 30, M("Material|材质", "TPE|TPE; Rubber|橡胶; PVC Coil|丝圈"), unit=SETS, kw="floor liners|地垫"),
      ]),
    S("bicycles-motorcycles", "Bicycles, E-bikes & Motorcycles|自行车、电动车及摩托车", "bike",
      industry="Vehicle|车业; Bicycle|自行车; Motorcycle|摩托车; Electric Vehicle|电动车",
      certs="CE; EN 15194; EN 14764; EEC; DOT; CCC; ISO 9001", lead=(30, 60),
      colours="Black; White; Red; Blue; Grey; Green",
      cities="tianjin; wuxi; changzhou; chongqing; jinhua; taizhou; guangzhou",
      feats="Frames welded and painted in our own plant.|车架在自有工厂焊接和喷涂。;"
            "Quality components from known brands.|选用知名品牌零部件。;"
            "Test-ridden before packing.|包装前经过试骑。;"
            "85% pre-assembled in the carton.|85%预装后装箱。;"
            "Spare parts supply for five years.|配件供应五年。",
      types=[
          P("Electric Bicycle|电动自行车", "bike", 220, 700, M("-", "City|城市; Folding|折叠; Mountain|山地; Fat Tyre|宽胎"),
            Z("Motor|电机功率", "250W; 350W; 500W; 750W"), X("Battery|电池", "36V 10Ah; 48V 13Ah; 48V 17.5Ah"), unit=VEHICLES, kw="e-bike; ebike; pedelec|电助力车"),
          P("Mountain Bike|山地自行车", "bike", 60, 260, M("Frame|车架", "Steel|高碳钢; Aluminium|铝合金; Carbon|碳纤维"), Z("Wheel Size|轮径", "26 inch; 27.5 inch; 29 inch"), unit=VEHICLES, kw="mtb; bicycle|单车"),
          P("Electric Scooter|电动滑板车", "bike", 120, 420, M("-", "Foldable|折叠; Off-road|越野"), Z("Motor|电机功率", "350W; 500W; 1000W"), unit=VEHICLES, kw="e-scooter|电滑板车"),
          P("Motorcycle|摩托车", "bike", 450, 1600, M("-", "Street|街车; Off-road|越野; Scooter|踏板"), Z("Displacement|排量", "125cc; 150cc; 200cc; 250cc"), unit=VEHICLES, moq=(10, 20, 30, 50), kw="motorbike|两轮摩托"),
          P("Kids Bicycle|儿童自行车", "bike", 25, 80, Z("Wheel Size|轮径", "12 inch; 14 inch; 16 inch; 20 inch"), unit=VEHICLES, kw="children bike; balance bike|童车"),
      ]),
])

MACHINERY = C("machinery", "Machinery|机械设备", (90, 100, 120), [
    S("processing-machinery", "Processing Machinery|加工机械", "machine",
      industry="Machinery|机械; Machine Tools|机床; Intelligent Equipment|智能装备; CNC Technology|数控科技",
      certs="CE; ISO 9001; UL; SGS", lead=(30, 60), colours="White; Grey; Blue; Green",
      cities="jinan; suzhou; wuxi; ningbo; dalian; shenyang; taizhou; dongguan",
      feats="Heavy cast-iron bed for stability.|铸铁床身，稳定性好。;"
            "Siemens, Fanuc or GSK controller.|可选西门子、发那科或广数系统。;"
            "Installation, training and video support.|提供安装、培训及视频技术支持。;"
            "One-year warranty, lifetime service.|整机质保一年，终身维护。;"
            "Seaworthy wooden case packing.|出口木箱包装。",
      types=[
          P("Fiber Laser Cutting Machine|光纤激光切割机", "machine", 12000, 85000, Z("Laser Power|激光功率", "1.5kW; 3kW; 6kW; 12kW"), X("Working Area|工作台", "1500x3000mm; 2000x4000mm"), unit=UNITS, kw="laser cutter; metal cutting|激光切割"),
          P("CNC Lathe|数控车床", "machine", 8000, 60000, M("-", "Slant Bed|斜床身; Flat Bed|平床身"), unit=UNITS, kw="cnc turning; lathe machine|车床"),
          P("Vertical Machining Center|立式加工中心", "machine", 25000, 120000, Z("Table|工作台", "800x500mm; 1000x500mm; 1300x600mm"), unit=UNITS, kw="vmc; cnc milling|加工中心"),
          P("Press Brake|折弯机", "machine", 6000, 45000, M("-", "CNC|数控; Hydraulic|液压"), Z("Capacity|公称压力", "63T; 100T; 160T; 250T"), unit=UNITS, kw="bending machine|剪板折弯"),
          P("Laser Welding Machine|激光焊接机", "machine", 3500, 15000, M("-", "Handheld|手持式; Automatic|自动"), Z("Laser Power|激光功率", "1kW; 1.5kW; 2kW"), unit=UNITS, kw="laser welder|焊接机"),
          P("Air Compressor|空气压缩机", "machine", 600, 8000, M("-", "Screw|螺杆式; Piston|活塞式"), Z("Power|功率", "7.5kW; 15kW; 37kW"), unit=UNITS, kw="compressor|空压机"),
      ]),
    S("packaging-food-machinery", "Packaging & Food Machinery|包装及食品机械", "machine",
      industry="Machinery|机械; Packaging Machinery|包装机械; Food Machinery|食品机械",
      certs="CE; ISO 9001; UL; FDA", lead=(30, 60), colours="Silver; White; Grey",
      cities="wenzhou; shanghai; guangzhou; zhengzhou; qingdao; changzhou",
      feats="Food-contact parts in SUS304 stainless steel.|与食品接触部件采用SUS304不锈钢。;"
            "PLC control with a touch screen.|PLC控制，触摸屏操作。;"
            "Made to your product and bag size.|可按产品及袋型定制。;"
            "Engineers available for overseas installation.|可派工程师海外安装。",
      types=[
          P("Vertical Packing Machine|立式包装机", "machine", 3000, 25000, M("-", "Granule|颗粒; Powder|粉末; Liquid|液体"), unit=UNITS, kw="vffs; packaging machine|自动包装机"),
          P("Bottle Filling Machine|灌装机", "machine", 2500, 40000, M("-", "Water|水; Oil|油; Sauce|酱料"), unit=UNITS, kw="filling line|灌装线"),
          P("Vacuum Sealer|真空封口机", "box", 25, 2500, M("-", "Chamber|腔式; External|外抽式"), unit=UNITS, kw="vacuum packing machine|真空包装机"),
          P("Bakery Oven|烘焙烤箱", "box", 800, 9000, M("-", "Deck|层炉; Rotary|旋转炉; Convection|热风炉"), unit=UNITS, kw="bread oven|面包烤炉"),
          P("Shrink Wrap Machine|热收缩包装机", "machine", 1200, 12000, M("-", "Automatic|全自动; Semi-automatic|半自动"), unit=UNITS, kw="shrink wrapping|收缩机"),
      ]),
    S("agri-construction-machinery", "Agricultural & Construction Machinery|农业及工程机械", "car",
      industry="Machinery|机械; Heavy Industry|重工; Agricultural Machinery|农业机械; Construction Machinery|工程机械",
      certs="CE; EPA; ISO 9001; EAC", lead=(30, 60), colours="Yellow; Orange; Red; Green; Blue",
      cities="weifang; jinan; changzhou; zhengzhou; changsha",
      feats="Euro V or EPA Tier 4 engines.|配欧五或EPA Tier 4发动机。;"
            "Reinforced structure for hard work.|加强型结构，适应重负荷作业。;"
            "Spare parts shipped within 48 hours.|配件48小时内发出。;"
            "Training for operators and mechanics.|为操作员及维修人员提供培训。",
      types=[
          P("Mini Excavator|小型挖掘机", "car", 6000, 30000, Z("Operating Weight|工作重量", "1t; 1.8t; 2.5t; 3.5t"), unit=UNITS, kw="digger; excavator|挖机"),
          P("Wheel Loader|轮式装载机", "car", 9000, 60000, Z("Rated Load|额定载荷", "1t; 2t; 3t; 5t"), unit=UNITS, kw="front loader|铲车"),
          P("Farm Tractor|农用拖拉机", "car", 4000, 35000, Z("Power|功率", "25HP; 50HP; 90HP; 120HP"), M("-", "4WD|四驱; 2WD|两驱"), unit=UNITS, kw="tractor|拖拉机"),
          P("Diesel Generator Set|柴油发电机组", "machine", 2000, 40000, M("-", "Silent|静音; Open|开架"), Z("Output|功率", "20kVA; 50kVA; 100kVA; 500kVA"), unit=UNITS, kw="genset; generator|发电机"),
          P("Agricultural Drone|植保无人机", "gear", 3500, 15000, Z("Tank|药箱容量", "16L; 30L; 40L"), unit=UNITS, kw="spraying drone|农业无人机"),
      ]),
])

ENERGY = C("energy", "Energy|新能源", (60, 150, 70), [
    S("solar", "Solar Energy|太阳能", "solar",
      industry="New Energy|新能源; Solar Technology|太阳能科技; Photovoltaic|光伏",
      certs="TÜV; IEC 61215; IEC 61730; UL 1703; CE; MCS; ISO 9001", lead=(15, 40), colours="",
      cities="wuxi; changzhou; suzhou; hefei; ningbo; xiamen; yangzhou",
      feats="Tier 1 cells with 25-year linear power warranty.|采用一线电池片，25年线性功率质保。;"
            "Anti-PID and salt-mist resistant.|抗PID，耐盐雾。;"
            "Ships in full containers from Shanghai or Ningbo.|从上海或宁波整柜发货。;"
            "Grid-tied and off-grid system design.|提供并网及离网系统设计。",
      types=[
          P("Monocrystalline Solar Panel|单晶硅太阳能板", "solar", 30, 160, M("-", "Half-cell|半片; Bifacial|双面; N-type TOPCon|N型TOPCon"), Z("Power|功率", "410W; 450W; 550W; 600W"), kw="solar module; pv panel|光伏组件"),
          P("Hybrid Solar Inverter|混合逆变器", "box", 250, 1800, M("Phase|相数", "Single Phase|单相; Three Phase|三相"), Z("Power|功率", "3kW; 5kW; 8kW; 10kW"), unit=UNITS, kw="inverter; hybrid inverter|储能逆变器"),
          P("MPPT Charge Controller|MPPT控制器", "box", 15, 120, Z("Current|电流", "20A; 40A; 60A; 100A"), kw="solar controller|太阳能控制器"),
          P("Solar Street Light|太阳能路灯", "streetlight", 25, 180, M("-", "All-in-one|一体化; Split|分体式"), Z("Power|功率", "30W; 60W; 100W"), kw="solar led street light|太阳能灯"),
          P("Portable Solar Generator|便携式太阳能发电机", "battery", 120, 900, Z("Capacity|容量", "300Wh; 600Wh; 1200Wh; 2000Wh"), unit=UNITS, kw="power station; portable power|户外电源"),
      ]),
    S("batteries-storage", "Batteries & Energy Storage|电池及储能", "battery",
      industry="New Energy|新能源; Battery|电池; Energy Technology|能源科技; Power Technology|电源科技",
      certs="UN38.3; MSDS; IEC 62619; UL 1973; CE; ISO 9001", lead=(20, 45), colours="",
      cities="shenzhen; huizhou; dongguan; ningbo; changzhou; hefei",
      feats="Grade A cells with consistent capacity.|采用A级电芯，容量一致性好。;"
            "Full safety tests: short circuit, overcharge, puncture.|全面安全测试：短路、过充、针刺。;"
            "Long cycle life and low self-discharge.|循环寿命长，自放电低。;"
            "UN38.3 certified for sea and air shipping.|通过UN38.3认证，可海运及空运。",
      types=[
          P("LiFePO4 Battery Pack|磷酸铁锂电池组", "battery", 90, 900, Z("Capacity|容量", "12V 100Ah; 24V 100Ah; 48V 100Ah; 51.2V 200Ah"), kw="lithium battery; lfp battery|锂电池"),
          P("Home Energy Storage System|家用储能系统", "battery", 900, 4500, Z("Capacity|容量", "5kWh; 10kWh; 15kWh"), M("-", "Wall-mounted|壁挂式; Stackable|堆叠式"), unit=UNITS, kw="powerwall; ess|储能电池"),
          P("18650 Lithium Cell|18650锂电芯", "battery", 0.8, 3, Z("Capacity|容量", "2200mAh; 2600mAh; 3000mAh; 3500mAh"), kw="18650 battery; li-ion cell|锂电芯"),
          P("Lead-acid Battery|铅酸蓄电池", "battery", 15, 200, M("-", "AGM|AGM; Gel|胶体"), Z("Capacity|容量", "12V 7Ah; 12V 100Ah; 12V 200Ah"), kw="vrla battery; ups battery|蓄电池"),
          P("Alkaline Battery|碱性电池", "battery", 0.08, 0.4, Z("Size|型号", "AA; AAA; C; D; 9V"), kw="dry battery; batteries|干电池"),
      ]),
    S("electrical-equipment", "Electrical Equipment|电工电气", "plug",
      industry="Electric|电气; Electrical Equipment|电气设备; Electric Appliance|电器; Cable|电缆",
      certs="CE; CB; IEC; UL; TÜV; CCC; ISO 9001", lead=(15, 40), colours="White; Black; Grey",
      cities="wenzhou; ningbo; hangzhou; cixi; guangzhou",
      feats="Flame-retardant PC housing.|阻燃PC外壳。;"
            "Silver alloy contacts for long life.|银合金触点，寿命长。;"
            "Made to IEC standards with CB reports.|按IEC标准生产，附CB报告。;"
            "OEM for distributors in 60 countries.|为60多个国家的经销商做OEM。",
      types=[
          P("Miniature Circuit Breaker|小型断路器", "plug", 0.8, 5, M("Poles|极数", "1P; 2P; 3P; 4P"), Z("Rated Current|额定电流", "6A; 16A; 32A; 63A"), kw="mcb; breaker|空气开关"),
          P("Wall Switch|墙壁开关", "panel", 0.4, 4, M("-", "1-Gang|一开; 2-Gang|二开; 3-Gang|三开"), col="White; Black; Grey", kw="light switch|面板开关"),
          P("Wall Socket|墙壁插座", "plug", 0.4, 4, M("Standard|标准", "Schuko|德标; UK|英标; US|美标"), M("-", "With USB|带USB; -"), kw="power outlet; socket outlet|插座"),
          P("Power Cable|电力电缆", "cable", 0.3, 12, M("Insulation|绝缘", "PVC|PVC; XLPE|XLPE"), Z("Cross Section|截面积", "1.5mm²; 2.5mm²; 4mm²; 10mm²; 35mm²"), unit=METERS, kw="electric wire; copper cable|电线"),
          P("Extension Socket|排插", "plug", 1.5, 9, M("-", "Surge Protected|防雷; With USB|带USB"), Z("Outlets|插位", "3 outlets; 4 outlets; 6 outlets"), kw="power strip; extension lead|拖线板"),
          P("Distribution Box|配电箱", "door", 4, 60, M("Material|材质", "Metal|金属; Plastic|塑料"), Z("Ways|回路数", "4 ways; 8 ways; 12 ways; 18 ways"), unit=SETS, kw="consumer unit; db box|电箱"),
      ]),
])

CATEGORIES = [VEHICLES_CAT, MACHINERY, ENERGY]
