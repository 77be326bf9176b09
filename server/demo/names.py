"""Names for the demo fair's exhibitors: manufacturing cities, brand words, foreign
exhibitors. Text is ``"English|中文"`` (see :mod:`server.demo.model`)."""

from __future__ import annotations

from server.demo.model import Pair, pair, pairs

# Chinese manufacturing cities: key -> (English, Chinese, province English, province Chinese)
CITIES: dict[str, tuple[str, str, str, str]] = {
    "ningbo": ("Ningbo", "宁波", "Zhejiang", "浙江"),
    "yiwu": ("Yiwu", "义乌", "Zhejiang", "浙江"),
    "wenzhou": ("Wenzhou", "温州", "Zhejiang", "浙江"),
    "taizhou": ("Taizhou", "台州", "Zhejiang", "浙江"),
    "yongkang": ("Yongkang", "永康", "Zhejiang", "浙江"),
    "hangzhou": ("Hangzhou", "杭州", "Zhejiang", "浙江"),
    "shaoxing": ("Shaoxing", "绍兴", "Zhejiang", "浙江"),
    "jiaxing": ("Jiaxing", "嘉兴", "Zhejiang", "浙江"),
    "huzhou": ("Huzhou", "湖州", "Zhejiang", "浙江"),
    "jinhua": ("Jinhua", "金华", "Zhejiang", "浙江"),
    "cixi": ("Cixi", "慈溪", "Zhejiang", "浙江"),
    "shenzhen": ("Shenzhen", "深圳", "Guangdong", "广东"),
    "guangzhou": ("Guangzhou", "广州", "Guangdong", "广东"),
    "dongguan": ("Dongguan", "东莞", "Guangdong", "广东"),
    "foshan": ("Foshan", "佛山", "Guangdong", "广东"),
    "zhongshan": ("Zhongshan", "中山", "Guangdong", "广东"),
    "jiangmen": ("Jiangmen", "江门", "Guangdong", "广东"),
    "huizhou": ("Huizhou", "惠州", "Guangdong", "广东"),
    "shantou": ("Shantou", "汕头", "Guangdong", "广东"),
    "chaozhou": ("Chaozhou", "潮州", "Guangdong", "广东"),
    "yangjiang": ("Yangjiang", "阳江", "Guangdong", "广东"),
    "xiamen": ("Xiamen", "厦门", "Fujian", "福建"),
    "quanzhou": ("Quanzhou", "泉州", "Fujian", "福建"),
    "jinjiang": ("Jinjiang", "晋江", "Fujian", "福建"),
    "putian": ("Putian", "莆田", "Fujian", "福建"),
    "fuzhou": ("Fuzhou", "福州", "Fujian", "福建"),
    "dehua": ("Dehua", "德化", "Fujian", "福建"),
    "suzhou": ("Suzhou", "苏州", "Jiangsu", "江苏"),
    "wuxi": ("Wuxi", "无锡", "Jiangsu", "江苏"),
    "changzhou": ("Changzhou", "常州", "Jiangsu", "江苏"),
    "nantong": ("Nantong", "南通", "Jiangsu", "江苏"),
    "danyang": ("Danyang", "丹阳", "Jiangsu", "江苏"),
    "yangzhou": ("Yangzhou", "扬州", "Jiangsu", "江苏"),
    "qingdao": ("Qingdao", "青岛", "Shandong", "山东"),
    "linyi": ("Linyi", "临沂", "Shandong", "山东"),
    "weifang": ("Weifang", "潍坊", "Shandong", "山东"),
    "zibo": ("Zibo", "淄博", "Shandong", "山东"),
    "jinan": ("Jinan", "济南", "Shandong", "山东"),
    "yantai": ("Yantai", "烟台", "Shandong", "山东"),
    "shanghai": ("Shanghai", "上海", "Shanghai", "上海"),
    "tianjin": ("Tianjin", "天津", "Tianjin", "天津"),
    "beijing": ("Beijing", "北京", "Beijing", "北京"),
    "baoding": ("Baoding", "保定", "Hebei", "河北"),
    "shijiazhuang": ("Shijiazhuang", "石家庄", "Hebei", "河北"),
    "zhengzhou": ("Zhengzhou", "郑州", "Henan", "河南"),
    "wuhan": ("Wuhan", "武汉", "Hubei", "湖北"),
    "changsha": ("Changsha", "长沙", "Hunan", "湖南"),
    "hefei": ("Hefei", "合肥", "Anhui", "安徽"),
    "chengdu": ("Chengdu", "成都", "Sichuan", "四川"),
    "chongqing": ("Chongqing", "重庆", "Chongqing", "重庆"),
    "jingdezhen": ("Jingdezhen", "景德镇", "Jiangxi", "江西"),
    "kunming": ("Kunming", "昆明", "Yunnan", "云南"),
    "harbin": ("Harbin", "哈尔滨", "Heilongjiang", "黑龙江"),
    "shenyang": ("Shenyang", "沈阳", "Liaoning", "辽宁"),
    "dalian": ("Dalian", "大连", "Liaoning", "辽宁"),
}

# General manufacturing cities used when a section names no preferred cities.
GENERAL_CITIES: tuple[str, ...] = (
    "ningbo", "shenzhen", "guangzhou", "dongguan", "yiwu", "suzhou", "xiamen", "qingdao",
    "hangzhou", "foshan", "wenzhou", "taizhou", "changzhou", "wuxi", "tianjin", "shanghai",
)

# Brand words of Chinese company names: pinyin and characters.
BRANDS: tuple[Pair, ...] = pairs(
    "Hengda|恒达; Xinyuan|鑫源; Jiale|佳乐; Huamei|华美; Tianyi|天翼; Ruifeng|瑞丰;"
    "Hongxing|宏兴; Jinsheng|金盛; Baoli|宝利; Yongxin|永信; Dingsheng|鼎盛; Haoyu|浩宇;"
    "Mingyang|明阳; Xinhua|新华; Zhongxing|中兴; Kaida|凯达; Lianhe|联合; Huaxin|华鑫;"
    "Shengda|盛达; Jiahe|嘉禾; Fuda|富达; Weixing|伟星; Aoxiang|奥翔; Boyuan|博远;"
    "Chuangyi|创意; Deli|德力; Fengyuan|丰源; Guanghua|光华; Haida|海达; Jinlong|金龙;"
    "Kangtai|康泰; Longsheng|隆盛; Meixin|美鑫; Nuoya|诺亚; Oupai|欧派; Pengcheng|鹏程;"
    "Qiangsheng|强盛; Ruixiang|瑞祥; Sanhe|三和; Taida|泰达; Wanjia|万家; Xingda|兴达;"
    "Yida|亿达; Zhengtai|正泰; Anke|安科; Baisheng|百盛; Changhong|长鸿; Dahua|大华;"
    "Everwin|永胜; Fulai|富莱; Goldsun|金阳; Huayang|华阳; Jiarun|嘉润; Kelong|科隆;"
    "Lida|力达; Minghui|明辉; Nanfang|南方; Puhui|普惠; Qianxi|千禧; Rongsheng|荣盛;"
    "Shunfa|顺发; Tengfei|腾飞; Wantong|万通; Xinda|信达; Yuanda|远大; Zhongda|中达;"
    "Aolin|奥林; Bofeng|博丰; Chenguang|晨光; Dongsheng|东升; Fuxing|复兴; Guotai|国泰;"
    "Hongda|宏达; Jiayi|佳艺; Kaiyuan|开元; Lianfa|联发; Meida|美达; Ningtai|宁泰;"
    "Qixing|七星; Ruida|锐达; Shenghua|盛华; Tianhe|天禾; Weida|维达; Xiangyu|翔宇;"
    "Yuxin|裕鑫; Zhiyuan|致远; Aida|爱达; Baixin|百鑫; Chunhui|春晖; Dali|大力;"
    "Fenghua|丰华; Haoyun|好运; Huarui|华瑞; Jiecheng|杰诚; Kunpeng|鲲鹏; Lixin|立信;"
    "Mingda|明达; Ouya|欧雅; Qiaosheng|侨盛; Runfeng|润丰; Shengtai|圣泰; Tongda|通达;"
    "Wanli|万利; Xinyi|信义; Yongsheng|永盛; Zhongheng|中恒; Anda|安达; Bihai|碧海;"
    "Chuangxin|创新; Donghai|东海; Fangyuan|方圆; Guangda|广达; Hexing|和兴; Jinyu|金宇;"
    "Kaixuan|凯旋; Longteng|龙腾; Meiya|美雅; Nanhai|南海; Qunying|群英; Rongda|荣达;"
    "Shuangxing|双星; Tianrun|天润; Wenda|文达; Xiangtai|祥泰; Yifeng|益丰; Zhongyi|中艺;"
    "Aokai|奥凯; Baide|百德; Chengxin|诚信; Dingli|鼎力; Fulin|富林; Haixin|海鑫;"
    "Huiyuan|汇源; Jinhui|金辉; Kexin|科信; Lvyuan|绿源; Mingzhu|明珠; Penghui|鹏辉;"
    "Qiming|启明; Ruitai|瑞泰; Sunrise|日升; Tianli|天力; Wanfu|万福; Xinguang|新光;"
    "Yihe|怡和; Zhicheng|志诚; Jingyi|精艺; Hualong|华龙; Xinfeng|新丰; Yinhe|银河"
)

# Company name suffixes: (English, Chinese, with the industry word?)
SUFFIXES: tuple[tuple[str, str, bool], ...] = (
    ("Co., Ltd.", "有限公司", True),
    ("Co., Ltd.", "有限公司", True),
    ("Co., Ltd.", "有限公司", True),
    ("Co., Ltd.", "有限公司", True),
    ("Group Co., Ltd.", "集团有限公司", True),
    ("Industrial Co., Ltd.", "实业有限公司", False),
    ("Industry & Trade Co., Ltd.", "工贸有限公司", False),
    ("Import & Export Co., Ltd.", "进出口有限公司", False),
    ("Manufacturing Co., Ltd.", "制造有限公司", True),
)

# Foreign exhibitors: country (English, Chinese), cities, legal suffix, name words.
FOREIGN: tuple[tuple[Pair, tuple[str, ...], str, tuple[Pair, ...]], ...] = (
    (pair("Germany|德国"), ("Stuttgart", "Munich", "Hamburg", "Cologne"), "GmbH",
     pairs("Hoffmann|霍夫曼; Becker|贝克尔; Krause|克劳泽; Wagner|瓦格纳; Richter|里希特; Vogel|福格尔")),
    (pair("Italy|意大利"), ("Milan", "Bologna", "Treviso", "Florence"), "S.r.l.",
     pairs("Rossi|罗西; Bianchi|比安奇; Ferraro|费拉罗; Galli|加利; Conti|孔蒂; Moretti|莫雷蒂")),
    (pair("Turkey|土耳其"), ("Istanbul", "Bursa", "Izmir"), "Ltd. Şti.",
     pairs("Yıldız|耶尔德兹; Kaya|卡亚; Demir|德米尔; Aydın|艾登; Öztürk|厄兹蒂尔克")),
    (pair("India|印度"), ("Mumbai", "Ludhiana", "Tiruppur", "Moradabad"), "Pvt. Ltd.",
     pairs("Sharma|夏尔马; Kapoor|卡普尔; Mehta|梅塔; Patel|帕特尔; Agarwal|阿格瓦尔")),
    (pair("Vietnam|越南"), ("Ho Chi Minh City", "Hanoi", "Binh Duong"), "Co., Ltd.",
     pairs("Minh Phat|明发; Thanh Cong|成功; Phu Thai|富泰; Hoang Long|黄龙; An Phat|安发")),
    (pair("Thailand|泰国"), ("Bangkok", "Chonburi", "Chiang Mai"), "Co., Ltd.",
     pairs("Siam Star|暹罗之星; Chaiyo|猜耀; Rattana|拉塔纳; Sukjai|素宅")),
    (pair("South Korea|韩国"), ("Seoul", "Busan", "Incheon"), "Co., Ltd.",
     pairs("Hanil|韩一; Daesung|大成; Seojin|瑞进; Mirae|未来; Jinwoo|振宇")),
    (pair("Japan|日本"), ("Osaka", "Nagoya", "Tokyo"), "Co., Ltd.",
     pairs("Takumi|匠; Sakura|樱花; Yamato|大和; Fujimori|藤森")),
    (pair("Spain|西班牙"), ("Valencia", "Barcelona", "Castellón"), "S.L.",
     pairs("García|加西亚; Navarro|纳瓦罗; Ortega|奥尔特加; Vidal|维达尔")),
    (pair("Poland|波兰"), ("Poznań", "Łódź", "Wrocław"), "Sp. z o.o.",
     pairs("Nowak|诺瓦克; Kowalski|科瓦尔斯基; Wiśniewski|维希涅夫斯基")),
    (pair("Pakistan|巴基斯坦"), ("Sialkot", "Lahore", "Karachi"), "(Pvt.) Ltd.",
     pairs("Al-Noor|努尔; Crescent|新月; Hamza|哈姆扎; Zaman|扎曼")),
    (pair("Malaysia|马来西亚"), ("Kuala Lumpur", "Penang", "Johor Bahru"), "Sdn. Bhd.",
     pairs("Harmoni|和谐; Sinar|光辉; Mutiara|明珠; Cahaya|晨曦")),
    (pair("Brazil|巴西"), ("São Paulo", "Curitiba", "Porto Alegre"), "Ltda.",
     pairs("Oliveira|奥利维拉; Souza|索萨; Almeida|阿尔梅达; Costa|科斯塔")),
)

# Export markets named in company profiles.
MARKETS: tuple[Pair, ...] = pairs(
    "Europe|欧洲; North America|北美; South America|南美; the Middle East|中东;"
    "Southeast Asia|东南亚; Africa|非洲; Australia|澳大利亚; Japan and Korea|日韩;"
    "Russia and Central Asia|俄罗斯及中亚"
)
