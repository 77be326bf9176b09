"""Catalog data: hardware and tools, building materials, home decorations."""

from __future__ import annotations

from server.demo.model import BOXES, KG, SETS, SQM, C, M, P, S, X, Z

HARDWARE = C("hardware-tools", "Hardware & Tools|五金工具", (120, 128, 140), [
    S("hand-tools", "Hand Tools|手动工具", "tool",
      industry="Tools|工具; Hardware Tools|五金工具; Hardware|五金",
      certs="GS; CE; TÜV; ANSI; DIN; ISO 9001", lead=(20, 45),
      colours="Red; Yellow; Blue; Black; Orange; Green",
      cities="yongkang; jinhua; hangzhou; danyang; shanghai; linyi; ningbo",
      feats="Heat-treated steel for strength and durability.|钢材经热处理，强度高，经久耐用。;"
            "Ergonomic two-component handle with a non-slip grip.|人体工学双色手柄，握持防滑。;"
            "Rust-resistant finish.|表面防锈处理。;"
            "Tested to DIN and ANSI standards.|按DIN及ANSI标准检测。;"
            "Blister card, double blister or tool-box packing.|可选吸塑卡、双泡壳或工具箱包装。",
      types=[
          P("Combination Wrench Set|组合扳手套装", "tool", 4, 28, M("Material|材质", "Chrome Vanadium|铬钒钢; Carbon Steel|碳钢"),
            Z("Pieces|件数", "8 pcs; 12 pcs; 14 pcs; 22 pcs"), unit=SETS, kw="spanner set; wrench|扳手"),
          P("Claw Hammer|羊角锤", "hammer", 1.5, 8, M("Handle|手柄", "Fiberglass Handle|纤维柄; Wooden Handle|木柄; Steel Handle|钢柄"),
            Z("Head Weight|锤头重量", "8 oz; 16 oz; 20 oz"), kw="hammer; nail hammer|锤子"),
          P("Screwdriver Set|螺丝刀套装", "pen", 2, 18, M("-", "Precision|精密; Magnetic|磁性; Ratchet|棘轮"),
            Z("Pieces|件数", "6 pcs; 24 pcs; 32 pcs; 115 pcs"), unit=SETS, kw="screwdriver; bits set|起子"),
          P("Combination Pliers|钢丝钳", "pliers", 1.2, 6, M("-", "Insulated VDE|VDE绝缘; Heavy Duty|重型"),
            Z("Size|规格", "6 inch; 7 inch; 8 inch"), kw="pliers; cutting pliers|老虎钳"),
          P("Socket Wrench Set|套筒扳手套装", "suitcase", 8, 60, M("Drive|驱动尺寸", "1/4 inch; 3/8 inch; 1/2 inch"),
            Z("Pieces|件数", "40 pcs; 46 pcs; 94 pcs; 216 pcs"), unit=SETS, kw="socket set; ratchet|套筒工具"),
          P("Tape Measure|卷尺", "clock", 0.6, 4, M("-", "Magnetic Hook|磁性挂钩; Auto Lock|自锁"),
            Z("Length|长度", "3m; 5m; 7.5m; 10m"), kw="measuring tape|钢卷尺"),
          P("Utility Knife|美工刀", "knife", 0.3, 3, M("Body|刀身", "Aluminium|铝合金; Plastic|塑料"),
            Z("Blade Width|刀片宽度", "9mm; 18mm; 25mm"), kw="cutter; box cutter|壁纸刀"),
      ]),
    S("power-tools", "Power Tools|电动工具", "drill",
      industry="Power Tools|电动工具; Tool Manufacturing|工具制造; Tools|工具",
      certs="GS; CE; EMC; UL; ETL; CCC; ISO 9001", lead=(25, 45),
      colours="Yellow; Orange; Green; Blue; Red; Black",
      cities="yongkang; jinhua; suzhou; nantong; ningbo; shanghai",
      feats="Powerful motor with overload protection.|电机强劲，具备过载保护。;"
            "One battery platform fits the whole range.|同一电池平台通用全系列工具。;"
            "Ergonomic soft-grip handle.|人体工学软胶手柄。;"
            "Supplied bare or in a kit with batteries and charger.|可单机供货，也可配电池和充电器套装。;"
            "Full safety testing before shipment.|出货前经过全面安全测试。",
      types=[
          P("Cordless Drill|锂电钻", "drill", 14, 70, M("-", "Brushless|无刷; Impact|冲击; Compact|紧凑型"),
            Z("Voltage|电压", "12V; 18V; 20V"), X("Max Torque|最大扭矩", "35 N·m; 50 N·m; 65 N·m"),
            kw="drill driver; battery drill|充电钻"),
          P("Angle Grinder|角磨机", "drill", 12, 55, M("-", "Brushless|无刷; Variable Speed|调速"),
            Z("Disc Diameter|砂轮直径", "100mm; 115mm; 125mm; 180mm"), X("Power|功率", "750W; 900W; 1200W; 2000W"),
            kw="grinder; disc grinder|磨光机"),
          P("Rotary Hammer|电锤", "drill", 22, 85, M("Chuck|夹头", "SDS-plus; SDS-max"),
            Z("Power|功率", "800W; 1050W; 1500W"), kw="hammer drill; sds drill|冲击钻"),
          P("Circular Saw|电圆锯", "gear", 25, 90, M("-", "Cordless|锂电; Corded|插电"),
            Z("Blade Diameter|锯片直径", "165mm; 185mm; 210mm"), kw="circular saw; wood saw|木工圆锯"),
          P("Impact Wrench|电动扳手", "drill", 25, 95, M("-", "Brushless|无刷; Cordless|锂电"),
            X("Max Torque|最大扭矩", "300 N·m; 500 N·m; 800 N·m"), kw="impact driver; electric wrench|冲击扳手"),
          P("Electric Screwdriver|电动螺丝刀", "pen", 5, 25, M("-", "Rechargeable|充电; Precision|精密"),
            Z("Voltage|电压", "3.6V; 4V; 8V"), kw="power screwdriver|电批"),
          P("Heat Gun|热风枪", "drill", 7, 30, M("-", "Digital Display|数显; Dual Temperature|双温"),
            Z("Power|功率", "1800W; 2000W"), kw="hot air gun|热风机"),
      ]),
    S("hardware-fittings", "Hardware & Fasteners|五金配件及紧固件", "screw",
      industry="Hardware|五金; Hardware Products|五金制品; Fasteners|紧固件; Metal Products|金属制品",
      certs="ISO 9001; CE; DIN; ANSI; RoHS; EN 1906", lead=(20, 40), colours="",
      cities="yongkang; wenzhou; ningbo; jiaxing; foshan; jiangmen",
      feats="Zinc-plated, black oxide or stainless finishes.|可选镀锌、发黑或不锈钢表面处理。;"
            "Made to DIN, ISO and ANSI dimensions.|按DIN、ISO及ANSI标准尺寸生产。;"
            "Salt-spray tested for 48 to 96 hours.|经48至96小时盐雾测试。;"
            "Bulk in cartons or retail packs on request.|可散装入箱，也可按要求做零售包装。;"
            "Free samples for testing.|可提供免费样品测试。",
      types=[
          P("Hex Bolt|六角螺栓", "screw", 0.01, 0.3, M("Material|材质", "Carbon Steel|碳钢; Stainless Steel 304|304不锈钢; Grade 8.8|8.8级"),
            Z("Size|规格", "M6x20; M8x30; M10x50; M12x60; M16x80"), unit=KG, kw="bolt; hexagon bolt|外六角螺栓"),
          P("Self-tapping Screw|自攻螺丝", "screw", 0.004, 0.05, M("Head|头型", "Pan Head|盘头; Countersunk|沉头; Hex Washer Head|六角法兰头"),
            Z("Size|规格", "ST3.5x16; ST4.2x25; ST4.8x38"), unit=BOXES, kw="tapping screw; wood screw|自攻钉"),
          P("Door Hinge|门合页", "door", 0.3, 4, M("Material|材质", "Stainless Steel|不锈钢; Iron|铁; Brass|黄铜"),
            Z("Size|尺寸", "3 inch; 4 inch; 5 inch"), kw="hinge; butt hinge|合页"),
          P("Mortise Door Lock|插芯门锁", "lock", 4, 30, M("-", "Lever Handle|执手; Smart|智能"),
            M("Material|材质", "Zinc Alloy|锌合金; Stainless Steel|不锈钢"), kw="door lock; lockset|房门锁"),
          P("Cabinet Handle|柜门拉手", "handle", 0.2, 3, M("Material|材质", "Aluminium|铝合金; Zinc Alloy|锌合金; Brass|黄铜"),
            Z("Hole Distance|孔距", "96mm; 128mm; 160mm; 192mm"), col="Matte Black; Gold; Brushed Nickel; Chrome",
            kw="drawer pull; furniture handle|抽屉拉手"),
          P("Drawer Slide|抽屉滑轨", "handle", 0.8, 6, M("-", "Soft Close|阻尼; Push to Open|按压反弹; Heavy Duty|重型"),
            Z("Length|长度", "300mm; 400mm; 500mm"), unit=SETS, kw="ball bearing slide; drawer runner|三节滑轨"),
          P("Padlock|挂锁", "lock", 0.8, 8, M("Material|材质", "Brass|黄铜; Iron|铁; Laminated Steel|叠片钢"),
            Z("Width|锁体宽度", "30mm; 40mm; 50mm; 60mm"), kw="lock; security padlock|锁头"),
      ]),
])

BUILDING = C("building-materials", "Building Materials|建筑材料", (150, 120, 90), [
    S("tiles-stone", "Ceramic Tiles & Stone|瓷砖及石材", "tile",
      industry="Ceramics|陶瓷; Building Materials|建材; Stone|石业",
      certs="CE; ISO 9001; ISO 14001; ANSI A137.1; EN 14411", lead=(20, 40),
      colours="White; Grey; Beige; Black; Natural Wood",
      cities="foshan; zibo; jinjiang; xiamen; quanzhou",
      feats="Suitable for floors, walls and countertops.|适用于地面、墙面及台面。;"
            "Anti-slip surface rated R10 to R11.|防滑等级R10至R11。;"
            "Consistent colour within each batch.|同批次色差小。;"
            "Rectified edges for narrow grout lines.|精磨边处理，缝隙更窄。;"
            "Packed in strong cartons on fumigated pallets.|坚固纸箱包装，熏蒸托盘。",
      types=[
          P("Porcelain Floor Tile|瓷质地砖", "tile", 4, 16, M("Finish|表面", "Polished|抛光; Matt|哑光; Glazed|釉面"),
            Z("Size|尺寸", "600x600mm; 600x1200mm; 800x800mm; 750x1500mm"), unit=SQM, kw="floor tile; porcelain tile|地板砖"),
          P("Ceramic Wall Tile|陶瓷墙砖", "tile", 3, 10, M("Finish|表面", "Glossy|亮光; Matt|哑光"),
            Z("Size|尺寸", "300x600mm; 300x450mm; 250x400mm"), unit=SQM, kw="wall tile; bathroom tile|内墙砖"),
          P("Marble Slab|大理石板", "tile", 25, 120, M("Stone|石种", "Carrara White|卡拉拉白; Calacatta|卡拉卡塔; Black Marquina|黑白根"),
            Z("Thickness|厚度", "18mm; 20mm; 30mm"), unit=SQM, col="", kw="natural marble; stone slab|天然大理石"),
          P("Quartz Countertop|石英石台面", "tile", 40, 160, M("-", "Calacatta Look|仿卡拉卡塔; Pure White|纯白; Sparkle|闪晶"),
            Z("Thickness|厚度", "15mm; 20mm; 30mm"), unit=SQM, col="", kw="quartz stone; kitchen worktop|厨房台面"),
          P("Mosaic Tile|马赛克", "tile", 8, 40, M("Material|材质", "Glass|玻璃; Marble|大理石; Ceramic|陶瓷"),
            unit=SQM, kw="mosaic; backsplash|拼花瓷砖"),
          P("Granite Paving Stone|花岗岩路面石", "tile", 12, 45, M("Finish|表面", "Flamed|火烧面; Bush-hammered|荔枝面"),
            Z("Size|尺寸", "300x300mm; 600x300mm; 600x600mm"), unit=SQM, col="", kw="granite; paver|花岗岩石材"),
      ]),
    S("sanitary-ware", "Sanitary Ware & Bathroom|卫浴洁具", "faucet",
      industry="Sanitary Ware|卫浴; Kitchen & Bath|厨卫; Ceramics|陶瓷",
      certs="CE; CUPC; WRAS; Watermark; ACS; ISO 9001", lead=(25, 45),
      colours="Chrome; White; Matte Black; Brushed Nickel; Gold",
      cities="foshan; chaozhou; xiamen; taizhou; wenzhou; jiangmen",
      feats="Modern designs for hotels and homes.|现代设计，适合酒店及家居。;"
            "Every unit is water-tested before packing.|每件产品包装前均经过通水测试。;"
            "Water-saving design to WELS and WaterSense.|节水设计，符合WELS及WaterSense要求。;"
            "Installation accessories included.|附安装配件。;"
            "Five-layer carton and foam packing.|五层纸箱加泡沫包装。",
      types=[
          P("Basin Faucet|面盆龙头", "faucet", 8, 45, M("Material|材质", "Brass|黄铜; Stainless Steel|不锈钢"),
            M("-", "Single Handle|单把; Waterfall|瀑布"), kw="basin mixer; bathroom tap|洗脸盆龙头"),
          P("Kitchen Faucet|厨房龙头", "faucet", 12, 70, M("-", "Pull-out|抽拉式; Pull-down|下拉式; Sensor|感应"),
            M("Material|材质", "Brass|黄铜; Stainless Steel|不锈钢"), kw="kitchen mixer; sink tap|水槽龙头"),
          P("Shower Set|淋浴花洒套装", "faucet", 25, 150, M("-", "Thermostatic|恒温; Rain|顶喷; Concealed|入墙式"),
            Z("Head Size|顶喷尺寸", "8 inch; 10 inch; 12 inch"), unit=SETS, kw="shower system; rain shower|花洒"),
          P("Ceramic Toilet|陶瓷马桶", "toilet", 35, 160, M("-", "One-piece|连体; Wall-hung|壁挂; Smart|智能"),
            X("Flush|冲水方式", "Siphonic|虹吸式; Washdown|冲落式"), col="White", kw="toilet; water closet|坐便器"),
          P("Bathroom Vanity|浴室柜", "door", 60, 320, M("Material|材质", "Plywood|多层板; PVC|PVC; Solid Wood|实木"),
            Z("Width|宽度", "60cm; 80cm; 100cm; 120cm"), unit=SETS, kw="vanity cabinet; basin cabinet|洗手台柜"),
          P("Shower Enclosure|淋浴房", "door", 80, 300, M("-", "Sliding|推拉; Pivot|平开; Walk-in|开放式"),
            Z("Glass|玻璃厚度", "6mm; 8mm; 10mm"), unit=SETS, kw="shower cabin; glass enclosure|淋浴屏"),
      ]),
    S("doors-windows-flooring", "Doors, Windows & Flooring|门窗及地板", "door",
      industry="Doors & Windows|门窗; Building Materials|建材; Flooring|地板; Wood Industry|木业",
      certs="CE; ISO 9001; FSC; CARB P2; AS2047; NFRC", lead=(25, 50),
      colours="White; Walnut; Natural Wood; Grey; Black",
      cities="linyi; foshan; huzhou; changzhou; suzhou; beijing; shenyang",
      feats="Made to measure for residential and commercial projects.|可按住宅及商业项目尺寸定制。;"
            "Tested for durability, moisture and wear before shipment.|出货前经过耐久、防潮及耐磨测试。;"
            "Installation drawings and accessories supplied.|提供安装图纸及配件。;"
            "Export packing with corner protection.|出口包装，四角加护。;"
            "Project quotations within 48 hours.|48小时内提供工程报价。",
      types=[
          P("Aluminium Window|铝合金窗", "door", 60, 220, M("-", "Casement|平开; Sliding|推拉; Tilt and Turn|内开内倒"),
            M("Glass|玻璃", "Double Glazed|中空双玻; Triple Glazed|三玻; Low-E|Low-E"), unit=SQM, kw="window; aluminum window|门窗",
            ft="Thermal-break profiles for energy saving.|断桥型材，节能保温。;EPDM seals keep out wind and rain.|EPDM密封条，防风防雨。"),
          P("WPC Door|木塑门", "door", 40, 110, M("-", "Flush|平板; Grooved|刻线"), Z("Size|尺寸", "800x2100mm; 900x2100mm"),
            kw="interior door; wpc door|室内门"),
          P("Steel Security Door|钢制安全门", "door", 70, 250, M("-", "Fireproof|防火; Armoured|装甲"), kw="security door; entrance door|防盗门"),
          P("SPC Flooring|SPC石塑地板", "tile", 5, 14, M("-", "Click|锁扣; Herringbone|人字拼"), Z("Thickness|厚度", "4mm; 5mm; 6mm"),
            unit=SQM, kw="spc floor; rigid core vinyl|石塑地板",
            ft="100% waterproof, for kitchens and bathrooms.|百分百防水，适用于厨房和卫生间。"),
          P("Engineered Wood Flooring|多层实木复合地板", "tile", 15, 45, M("Wood|木种", "Oak|橡木; Walnut|胡桃木; Teak|柚木"),
            Z("Thickness|厚度", "12mm; 15mm; 20mm"), unit=SQM, kw="oak floor; wood flooring|实木地板",
            ft="E0 formaldehyde emission for healthy homes.|甲醛释放量达E0级，健康环保。;Kiln-dried to 8-12% moisture content.|窑干处理，含水率8%-12%。"),
          P("Laminate Flooring|强化复合地板", "tile", 3, 8, M("-", "AC3|AC3; AC4|AC4; Waterproof|防水"), Z("Thickness|厚度", "8mm; 10mm; 12mm"),
            unit=SQM, kw="laminate floor|复合地板"),
      ]),
])

CATEGORIES = [HARDWARE, BUILDING]
