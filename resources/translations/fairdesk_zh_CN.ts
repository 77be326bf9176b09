<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AuthorizationsPage</name>
        <message>
            <source>Authorizations</source>
            <translation>授权</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>Authorize</source>
            <translation>授权</translation>
        </message>
        <message>
            <source>Revoke</source>
            <translation>撤销</translation>
        </message>
        <message>
            <source>Write a message…</source>
            <translation>写消息…</translation>
        </message>
        <message>
            <source>Send our card</source>
            <translation>发送我们的名片</translation>
        </message>
        <message>
            <source>Exhibitors you authorized see your profile and may contact you.</source>
            <translation>您授权的展商可查看您的资料并与您联系。</translation>
        </message>
        <message>
            <source>Exhibitor</source>
            <translation>展商</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Authorized</source>
            <translation>已授权</translation>
        </message>
        <message>
            <source>Revoked</source>
            <translation>已撤销</translation>
        </message>
        <message>
            <source>Buyers who authorized your company or contacted it.</source>
            <translation>授权贵公司或与贵公司联系过的采购商。</translation>
        </message>
        <message>
            <source>Buyer</source>
            <translation>采购商</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>公司</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>国家</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>电子邮箱</translation>
        </message>
        <message>
            <source>Access</source>
            <translation>访问权限</translation>
        </message>
        <message>
            <source>Contacted only</source>
            <translation>仅联系过</translation>
        </message>
        <message>
            <source>Card not sent</source>
            <translation>名片未发送</translation>
        </message>
        <message>
            <source>Card sent</source>
            <translation>名片已发送</translation>
        </message>
        <message>
            <source>Your card is on its way to {name}.</source>
            <translation>您的名片正在发送给 {name}。</translation>
        </message>
    </context>
    <context>
        <name>BarChart</name>
        <message>
            <source>{caption}: {today} today, {total} in {n} days, at most {top} a day</source>
            <translation>{caption}：今天 {today}，{n} 天共 {total}，单日最多 {top}</translation>
        </message>
        <message>
            <source>today {today} · {n} days {total}</source>
            <translation>今天 {today} · {n} 天 {total}</translation>
        </message>
        <message>
            <source>No figures yet</source>
            <translation>暂无数据</translation>
        </message>
        <message>
            <source>{day}: {value}</source>
            <translation>{day}：{value}</translation>
        </message>
    </context>
    <context>
        <name>BoothEditorPage</name>
        <message>
            <source>Booth editor</source>
            <translation>展位编辑</translation>
        </message>
        <message>
            <source>Your booth</source>
            <translation>您的展位</translation>
        </message>
        <message>
            <source>What buyers see on your booth page. Changes are saved on this PC at once and reach the fair with the next sync.</source>
            <translation>采购商在您的展位页面上看到的内容。修改会立即保存在本机，并在下次同步时发送到展会。</translation>
        </message>
        <message>
            <source>Company name (English)</source>
            <translation>公司名称（英文）</translation>
        </message>
        <message>
            <source>Company name (Chinese)</source>
            <translation>公司名称（中文）</translation>
        </message>
        <message>
            <source>Country (two letters)</source>
            <translation>国家（两位字母代码）</translation>
        </message>
        <message>
            <source>City</source>
            <translation>城市</translation>
        </message>
        <message>
            <source>Founded</source>
            <translation>成立年份</translation>
        </message>
        <message>
            <source>not given</source>
            <translation>未填写</translation>
        </message>
        <message>
            <source>Employees</source>
            <translation>员工人数</translation>
        </message>
        <message>
            <source>Company profile (English)</source>
            <translation>公司简介（英文）</translation>
        </message>
        <message>
            <source>Company profile (Chinese)</source>
            <translation>公司简介（中文）</translation>
        </message>
        <message>
            <source>Name (English)</source>
            <translation>名称（英文）</translation>
        </message>
        <message>
            <source>Name (Chinese)</source>
            <translation>名称（中文）</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>国家</translation>
        </message>
        <message>
            <source>Profile (English)</source>
            <translation>简介（英文）</translation>
        </message>
        <message>
            <source>Profile (Chinese)</source>
            <translation>简介（中文）</translation>
        </message>
        <message>
            <source>Logo preview</source>
            <translation>标志预览</translation>
        </message>
        <message>
            <source>Banner preview</source>
            <translation>横幅预览</translation>
        </message>
        <message>
            <source>Choose logo…</source>
            <translation>选择标志…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Choose banner…</source>
            <translation>选择横幅…</translation>
        </message>
        <message>
            <source>Logo (square)</source>
            <translation>标志（正方形）</translation>
        </message>
        <message>
            <source>Banner (3 : 1, shown across the booth page)</source>
            <translation>横幅（3:1，显示在展位页面顶部）</translation>
        </message>
        <message>
            <source>Sections the booth belongs to</source>
            <translation>展位所属展区</translation>
        </message>
        <message>
            <source>A booth change of yours was not accepted. Nothing was overwritten: compare and decide…</source>
            <translation>您对展位的一项修改未被接受。没有任何内容被覆盖：请比较并选择…</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Undo changes</source>
            <translation>撤销修改</translation>
        </message>
        <message>
            <source>See it as a buyer</source>
            <translation>以采购商视角查看</translation>
        </message>
        <message>
            <source>Logo and banner</source>
            <translation>标志和横幅</translation>
        </message>
        <message>
            <source>Exhibition sections</source>
            <translation>展区</translation>
        </message>
        <message>
            <source>Your company's data has not arrived yet: it downloads with the next sync.</source>
            <translation>贵公司的数据尚未到达：将在下次同步时下载。</translation>
        </message>
        <message>
            <source>{n} of at most 5 chosen. Buyers find your booth in these sections.</source>
            <translation>已选 {n} 个（最多 5 个）。采购商会在这些展区中找到您的展位。</translation>
        </message>
        <message>
            <source>No banner</source>
            <translation>无横幅</translation>
        </message>
        <message>
            <source>Choose the logo</source>
            <translation>选择标志</translation>
        </message>
        <message>
            <source>Choose the banner</source>
            <translation>选择横幅</translation>
        </message>
        <message>
            <source>Images ({patterns})</source>
            <translation>图片 ({patterns})</translation>
        </message>
        <message>
            <source>{name} is not an image that can be used (JPEG, PNG or WebP).</source>
            <translation>{name} 不是可用的图片（JPEG、PNG 或 WebP）。</translation>
        </message>
        <message>
            <source>The English company name is required.</source>
            <translation>必须填写英文公司名称。</translation>
        </message>
        <message>
            <source>The country is a two-letter code such as CN or DE.</source>
            <translation>国家为两位字母代码，例如 CN 或 DE。</translation>
        </message>
        <message>
            <source>Choose between 1 and 5 exhibition sections.</source>
            <translation>请选择 1 至 5 个展区。</translation>
        </message>
        <message>
            <source>Booth not saved</source>
            <translation>展位未保存</translation>
        </message>
        <message>
            <source>Booth saved; it reaches the fair with the next sync.</source>
            <translation>展位已保存，将在下次同步时发送到展会。</translation>
        </message>
    </context>
    <context>
        <name>BoothPage</name>
        <message>
            <source>Booth</source>
            <translation>展位</translation>
        </message>
        <message>
            <source>Booth banner</source>
            <translation>展位横幅</translation>
        </message>
        <message>
            <source>Company logo</source>
            <translation>公司标志</translation>
        </message>
        <message>
            <source>Demo exhibitor</source>
            <translation>演示展商</translation>
        </message>
        <message>
            <source>Add booth to shortlist</source>
            <translation>将展位加入收藏</translation>
        </message>
        <message>
            <source>Add or remove this booth from the shortlist</source>
            <translation>将此展位加入或移出收藏</translation>
        </message>
        <message>
            <source>Authorize this exhibitor</source>
            <translation>授权此展商</translation>
        </message>
        <message>
            <source>An exhibitor you authorize sees your profile and may contact you</source>
            <translation>您授权的展商可以查看您的资料并联系您</translation>
        </message>
        <message>
            <source>Contact exhibitor</source>
            <translation>联系展商</translation>
        </message>
        <message>
            <source>Open or start the conversation with this exhibitor</source>
            <translation>打开或开始与该展商的对话</translation>
        </message>
        <message>
            <source>Booth no.</source>
            <translation>展位号</translation>
        </message>
        <message>
            <source>Country / city</source>
            <translation>国家 / 城市</translation>
        </message>
        <message>
            <source>Founded</source>
            <translation>成立年份</translation>
        </message>
        <message>
            <source>Employees</source>
            <translation>员工人数</translation>
        </message>
        <message>
            <source>Company profile</source>
            <translation>公司简介</translation>
        </message>
        <message>
            <source>Products</source>
            <translation>产品</translation>
        </message>
        <message>
            <source>Follow this section</source>
            <translation>关注此展区</translation>
        </message>
        <message>
            <source>Follow this booth's section</source>
            <translation>关注此展位所在展区</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <source>Product grid</source>
            <translation>产品网格</translation>
        </message>
        <message>
            <source>This booth is not in the offline cache.</source>
            <translation>此展位不在离线缓存中。</translation>
        </message>
        <message numerus="yes">
            <source>Products (%Ln available offline)</source>
            <translation>
                <numerusform>产品（%Ln 件可离线浏览）</numerusform>
            </translation>
        </message>
        <message>
            <source>This booth's products are not cached yet. Follow its exhibition section to download them and browse them offline.</source>
            <translation>此展位的产品尚未缓存。关注其所在展区即可下载，并离线浏览。</translation>
        </message>
        <message>
            <source>Remove booth from shortlist</source>
            <translation>将展位移出收藏</translation>
        </message>
        <message>
            <source>Revoke authorization</source>
            <translation>撤销授权</translation>
        </message>
        <message>
            <source>This exhibitor no longer sees your profile once revoked</source>
            <translation>撤销后此展商将无法再查看您的资料</translation>
        </message>
        <message>
            <source>Following the section: its products are downloading…</source>
            <translation>已关注该展区，正在下载产品…</translation>
        </message>
    </context>
    <context>
        <name>CardDialog</name>
        <message>
            <source>My card</source>
            <extracomment>The card editor's photo choice: unchanged, a new file (its path), or removed.</extracomment>
            <translation>我的名片</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>职位</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>公司</translation>
        </message>
        <message>
            <source>Country (two letters)</source>
            <translation>国家（两位字母代码）</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>电话</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>电子邮箱</translation>
        </message>
        <message>
            <source>Website</source>
            <translation>网站</translation>
        </message>
        <message>
            <source>WeChat</source>
            <translation>微信</translation>
        </message>
        <message>
            <source>WhatsApp</source>
            <translation>WhatsApp</translation>
        </message>
        <message>
            <source>Telegram</source>
            <translation>Telegram</translation>
        </message>
        <message>
            <source>Skype</source>
            <translation>Skype</translation>
        </message>
        <message>
            <source>Photo</source>
            <translation>照片</translation>
        </message>
        <message>
            <source>Choose photo or logo…</source>
            <translation>选择照片或标志…</translation>
        </message>
        <message>
            <source>Remove photo</source>
            <translation>移除照片</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Choose photo or logo</source>
            <translation>选择照片或标志</translation>
        </message>
        <message>
            <source>Images (*.jpg *.jpeg *.png *.webp)</source>
            <translation>图片 (*.jpg *.jpeg *.png *.webp)</translation>
        </message>
        <message>
            <source>This file cannot be your photo: {why}</source>
            <translation>此文件不能用作您的照片：{why}</translation>
        </message>
        <message>
            <source>the image cannot be read</source>
            <translation>无法读取该图片</translation>
        </message>
        <message>
            <source>The photo is sent when you save.</source>
            <translation>保存时发送照片。</translation>
        </message>
        <message>
            <source>The photo is removed when you save.</source>
            <translation>保存时移除照片。</translation>
        </message>
    </context>
    <context>
        <name>CardsPage</name>
        <message>
            <source>Cards</source>
            <translation>名片</translation>
        </message>
        <message>
            <source>My photo</source>
            <translation>我的照片</translation>
        </message>
        <message>
            <source>Edit my card…</source>
            <translation>编辑我的名片…</translation>
        </message>
        <message>
            <source>Show QR code…</source>
            <translation>显示二维码…</translation>
        </message>
        <message>
            <source>Search cards, tags and notes</source>
            <translation>搜索名片、标签和备注</translation>
        </message>
        <message>
            <source>Cards you hold</source>
            <translation>您收藏的名片</translation>
        </message>
        <message>
            <source>Photo of the selected card</source>
            <translation>所选名片的照片</translation>
        </message>
        <message>
            <source>Note and tags…</source>
            <translation>备注和标签…</translation>
        </message>
        <message>
            <source>Export vCard…</source>
            <translation>导出 vCard…</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Card requests</source>
            <translation>名片请求</translation>
        </message>
        <message>
            <source>Accept</source>
            <translation>接受</translation>
        </message>
        <message>
            <source>Decline</source>
            <translation>拒绝</translation>
        </message>
        <message>
            <source>Card holder</source>
            <translation>名片夹</translation>
        </message>
        <message>
            <source>Requests</source>
            <translation>请求</translation>
        </message>
        <message>
            <source>You have no card yet</source>
            <translation>您还没有名片</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>公司</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>职位</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>国家</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Met at</source>
            <translation>相识于</translation>
        </message>
        <message>
            <source>From</source>
            <translation>来自</translation>
        </message>
        <message>
            <source>Direction</source>
            <translation>方向</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Incoming</source>
            <translation>收到的</translation>
        </message>
        <message>
            <source>Outgoing</source>
            <translation>发出的</translation>
        </message>
        <message>
            <source>Booth</source>
            <translation>展位</translation>
        </message>
        <message>
            <source>Chat</source>
            <translation>聊天</translation>
        </message>
        <message>
            <source>Deal</source>
            <translation>交易</translation>
        </message>
        <message>
            <source>Pending</source>
            <translation>待处理</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>已接受</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>已拒绝</translation>
        </message>
        <message>
            <source>Card not saved</source>
            <translation>名片未保存</translation>
        </message>
        <message>
            <source>Export vCard</source>
            <translation>导出 vCard</translation>
        </message>
        <message>
            <source>vCard (*.vcf)</source>
            <translation>vCard (*.vcf)</translation>
        </message>
        <message>
            <source>Export CSV</source>
            <translation>导出 CSV</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message>
            <source>Card request</source>
            <translation>名片请求</translation>
        </message>
    </context>
    <context>
        <name>CatalogEditor</name>
        <message>
            <source>Hidden</source>
            <translation>已隐藏</translation>
        </message>
        <message>
            <source>Visible</source>
            <translation>可见</translation>
        </message>
        <message>
            <source>waiting to sync</source>
            <translation>等待同步</translation>
        </message>
        <message>
            <source>needs a decision</source>
            <translation>需要处理</translation>
        </message>
        <message>
            <source>Name (English)</source>
            <extracomment>the fields the conflict dialog compares, in the order of the product page the booth fields the conflict dialog compares (a rejected company.update)</extracomment>
            <translation>名称（英文）</translation>
        </message>
        <message>
            <source>Name (Chinese)</source>
            <translation>名称（中文）</translation>
        </message>
        <message>
            <source>Section</source>
            <translation>展区</translation>
        </message>
        <message>
            <source>Description (English)</source>
            <translation>描述（英文）</translation>
        </message>
        <message>
            <source>Description (Chinese)</source>
            <translation>描述（中文）</translation>
        </message>
        <message>
            <source>Specifications</source>
            <translation>规格参数</translation>
        </message>
        <message>
            <source>Price from</source>
            <translation>最低价</translation>
        </message>
        <message>
            <source>Price to</source>
            <translation>最高价</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>Minimum order</source>
            <translation>最小起订量</translation>
        </message>
        <message>
            <source>Unit (English)</source>
            <translation>单位（英文）</translation>
        </message>
        <message>
            <source>Unit (Chinese)</source>
            <translation>单位（中文）</translation>
        </message>
        <message>
            <source>Lead time</source>
            <translation>交货期</translation>
        </message>
        <message>
            <source>Certifications</source>
            <translation>认证</translation>
        </message>
        <message>
            <source>Keywords</source>
            <translation>关键词</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>图片</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>国家</translation>
        </message>
        <message>
            <source>City</source>
            <translation>城市</translation>
        </message>
        <message>
            <source>Founded</source>
            <translation>成立年份</translation>
        </message>
        <message>
            <source>Employees</source>
            <translation>员工人数</translation>
        </message>
        <message>
            <source>Profile (English)</source>
            <translation>简介（英文）</translation>
        </message>
        <message>
            <source>Profile (Chinese)</source>
            <translation>简介（中文）</translation>
        </message>
        <message>
            <source>Sections</source>
            <translation>展区</translation>
        </message>
        <message>
            <source>Yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>No</source>
            <translation>否</translation>
        </message>
    </context>
    <context>
        <name>CatalogEditorPage</name>
        <message>
            <source>Catalog</source>
            <translation>产品目录</translation>
        </message>
        <message>
            <source>Search your products (name, keywords)</source>
            <translation>搜索您的产品（名称、关键词）</translation>
        </message>
        <message>
            <source>Search your products</source>
            <translation>搜索您的产品</translation>
        </message>
        <message>
            <source>Compare and decide…</source>
            <translation>比较并选择…</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <source>Chinese name</source>
            <translation>中文名称</translation>
        </message>
        <message>
            <source>English name</source>
            <translation>英文名称</translation>
        </message>
        <message>
            <source>Section</source>
            <translation>展区</translation>
        </message>
        <message>
            <source>FOB price</source>
            <translation>FOB 价格</translation>
        </message>
        <message>
            <source>MOQ</source>
            <translation>起订量</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>图片</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>更新时间</translation>
        </message>
        <message>
            <source>Your products</source>
            <translation>您的产品</translation>
        </message>
        <message>
            <source>Add a product…</source>
            <translation>添加产品…</translation>
        </message>
        <message>
            <source>Edit…</source>
            <translation>编辑…</translation>
        </message>
        <message>
            <source>Hide</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <source>Delete…</source>
            <translation>删除…</translation>
        </message>
        <message>
            <source>Import a spreadsheet…</source>
            <translation>导入表格…</translation>
        </message>
        <message numerus="yes">
            <source>%Ln product(s), of which {hidden} hidden</source>
            <translation>
                <numerusform>%Ln 个产品，其中 {hidden} 个已隐藏</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln of your edits clashed with a change saved meanwhile on another PC. Nothing was overwritten.</source>
            <translation>
                <numerusform>您的 %Ln 项修改与另一台电脑同时保存的更改冲突。没有任何内容被覆盖。</numerusform>
            </translation>
        </message>
        <message>
            <source>Show to buyers</source>
            <translation>向采购商显示</translation>
        </message>
        <message>
            <source>Product not saved</source>
            <translation>产品未保存</translation>
        </message>
        <message>
            <source>Image {numbers} of this product is not available offline, so the new order of the images cannot be saved yet. Try again when connected.</source>
            <translation>此产品的第 {numbers} 张图片无法离线获取，因此暂时无法保存新的图片顺序。请在联网后重试。</translation>
        </message>
        <message>
            <source>Product not changed</source>
            <translation>产品未修改</translation>
        </message>
        <message>
            <source>Delete products</source>
            <translation>删除产品</translation>
        </message>
        <message>
            <source>… and {n} more</source>
            <translation>……另有 {n} 项</translation>
        </message>
        <message numerus="yes">
            <source>Delete %Ln product(s) from your catalog? Buyers will no longer see them. This cannot be undone; hiding a product keeps it.</source>
            <translation>
                <numerusform>要从产品目录中删除 %Ln 个产品吗？采购商将无法再看到它们。此操作无法撤销；隐藏产品则会保留它。</numerusform>
            </translation>
        </message>
        <message>
            <source>Delete</source>
            <translation>删除</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Product not deleted</source>
            <translation>产品未删除</translation>
        </message>
        <message>
            <source>Not resolved</source>
            <translation>未处理</translation>
        </message>
    </context>
    <context>
        <name>CheckPage</name>
        <message>
            <source>Check</source>
            <translation>检查</translation>
        </message>
        <message>
            <source>Nothing is imported yet. Every row is checked; fix the problems in your file, save it and check again.</source>
            <translation>尚未导入任何内容。每一行都会被检查；请在文件中修正问题，保存后再次检查。</translation>
        </message>
        <message>
            <source>Show only rows with problems</source>
            <translation>只显示有问题的行</translation>
        </message>
        <message>
            <source>Check the file again</source>
            <translation>重新检查文件</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>Problems found, by row</source>
            <translation>按行列出的问题</translation>
        </message>
    </context>
    <context>
        <name>ConflictDialog</name>
        <message>
            <source>Two versions of a product</source>
            <translation>产品的两个版本</translation>
        </message>
        <message>
            <source>“{name}” was changed on another PC while you were editing it. Nothing has been overwritten. Compare the two versions and choose the one to keep.</source>
            <translation>您编辑“{name}”时，另一台电脑修改了它。没有任何内容被覆盖。请比较两个版本并选择要保留的一个。</translation>
        </message>
        <message>
            <source>The fair did not accept your change to “{name}”. Nothing has been overwritten. Compare your version with the one saved at the fair and choose the one to keep.</source>
            <translation>展会未接受您对“{name}”的修改。没有任何内容被覆盖。请将您的版本与展会保存的版本比较，并选择要保留的一个。</translation>
        </message>
        <message>
            <source>The two versions, field by field</source>
            <translation>两个版本的逐项比较</translation>
        </message>
        <message>
            <source>Field</source>
            <translation>字段</translation>
        </message>
        <message>
            <source>Your version</source>
            <translation>您的版本</translation>
        </message>
        <message>
            <source>The version saved meanwhile on another PC</source>
            <translation>另一台电脑同时保存的版本</translation>
        </message>
        <message>
            <source>(deleted)</source>
            <translation>（已删除）</translation>
        </message>
        <message>
            <source>(not at the fair)</source>
            <translation>（展会上没有）</translation>
        </message>
        <message>
            <source>Highlighted rows differ. The server said: {reason}</source>
            <translation>高亮的行有差异。服务器说明：{reason}</translation>
        </message>
        <message>
            <source>Highlighted rows differ.</source>
            <translation>高亮的行有差异。</translation>
        </message>
        <message>
            <source>Keep mine</source>
            <translation>保留我的</translation>
        </message>
        <message>
            <source>Save your version on top of the other one</source>
            <translation>用您的版本覆盖另一个版本</translation>
        </message>
        <message>
            <source>Take theirs</source>
            <translation>采用对方的</translation>
        </message>
        <message>
            <source>Drop your edit and keep the version saved on the other PC</source>
            <translation>放弃您的修改，保留另一台电脑保存的版本</translation>
        </message>
        <message>
            <source>Decide later</source>
            <translation>稍后决定</translation>
        </message>
    </context>
    <context>
        <name>DealRoomPage</name>
        <message>
            <source>Deal</source>
            <translation>交易</translation>
        </message>
        <message>
            <source>Demo exhibitor</source>
            <translation>演示展商</translation>
        </message>
        <message>
            <source>Your change was not applied</source>
            <translation>您的操作未被执行</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Hide this message (the deal shows the current offer)</source>
            <translation>隐藏此消息（交易显示当前报价）</translation>
        </message>
        <message>
            <source>Current offer</source>
            <translation>当前报价</translation>
        </message>
        <message>
            <source>Your offer</source>
            <translation>您的报价</translation>
        </message>
        <message>
            <source>Start again from the current terms</source>
            <translation>从当前条款重新开始</translation>
        </message>
        <message>
            <source>Send offer</source>
            <translation>发送报价</translation>
        </message>
        <message>
            <source>Send these terms as your offer (it waits while offline)</source>
            <translation>以这些条款发出报价（离线时等待发送）</translation>
        </message>
        <message>
            <source>Send counter-offer</source>
            <translation>发送还价</translation>
        </message>
        <message>
            <source>Answer the current offer with these terms</source>
            <translation>以这些条款回应当前报价</translation>
        </message>
        <message>
            <source>Accept offer…</source>
            <translation>接受报价…</translation>
        </message>
        <message>
            <source>Decline…</source>
            <translation>拒绝…</translation>
        </message>
        <message>
            <source>Withdraw…</source>
            <translation>撤回…</translation>
        </message>
        <message>
            <source>Sign…</source>
            <translation>签署…</translation>
        </message>
        <message>
            <source>Sign the accepted terms with your key on this device</source>
            <translation>用本设备上您的密钥签署已接受的条款</translation>
        </message>
        <message>
            <source>Export contract PDF…</source>
            <translation>导出合同 PDF…</translation>
        </message>
        <message>
            <source>Verify a contract file…</source>
            <translation>验证合同文件…</translation>
        </message>
        <message>
            <source>History of the deal</source>
            <translation>交易历史</translation>
        </message>
        <message>
            <source>Signatures</source>
            <translation>签名</translation>
        </message>
        <message>
            <source>History</source>
            <translation>历史</translation>
        </message>
        <message>
            <source>Deal with {name}</source>
            <translation>与 {name} 的交易</translation>
        </message>
        <message>
            <source>This deal is not on this device yet: it arrives with the next sync.</source>
            <translation>此交易尚未同步到本设备，将在下次同步时到达。</translation>
        </message>
        <message>
            <source>Version {v}</source>
            <translation>版本 {v}</translation>
        </message>
        <message>
            <source>you</source>
            <translation>您</translation>
        </message>
        <message>
            <source>current offer by {who}</source>
            <translation>当前报价方：{who}</translation>
        </message>
        <message>
            <source>agreed terms offered by {who}</source>
            <translation>成交条款提出方：{who}</translation>
        </message>
        <message>
            <source>not yet confirmed by the server</source>
            <translation>服务器尚未确认</translation>
        </message>
        <message>
            <source>opened {time}</source>
            <translation>创建于 {time}</translation>
        </message>
        <message>
            <source>Your {command} waits for the server's answer; you can act on this deal again once it is here.</source>
            <translation>您的{command}正在等待服务器答复；答复到达后您可以继续处理此交易。</translation>
        </message>
        <message>
            <source>Your {command} was not applied</source>
            <translation>您的{command}未被执行</translation>
        </message>
        <message>
            <source>You made it on version {v}; the deal below is the current one.</source>
            <translation>您的操作基于版本 {v}；下方显示的是当前交易。</translation>
        </message>
        <message>
            <source>(and {n} earlier)</source>
            <translation>（以及更早的 {n} 条）</translation>
        </message>
        <message>
            <source>Waiting to send: {commands}. It is sent when the connection returns; the result shows here.</source>
            <translation>等待发送：{commands}。连接恢复后发送，结果将显示在这里。</translation>
        </message>
        <message>
            <source>Your counter-offer</source>
            <translation>您的还价</translation>
        </message>
        <message>
            <source>Start again</source>
            <translation>重新开始</translation>
        </message>
        <message>
            <source>The deal changed while you were editing (it is now version {v}): check the current offer above; your changes below are kept.</source>
            <translation>您编辑期间交易已变更（现为版本 {v}）：请查看上方的当前报价；您在下方所做的修改已保留。</translation>
        </message>
        <message>
            <source>Terms hash</source>
            <translation>条款哈希</translation>
        </message>
        <message>
            <source>History head</source>
            <translation>历史链头</translation>
        </message>
        <message>
            <source>A draft: write the terms below and send the first offer.</source>
            <translation>草稿：请在下方填写条款并发出首次报价。</translation>
        </message>
        <message>
            <source>Your offer is with {other}. You may withdraw it while they decide.</source>
            <translation>您的报价已发给 {other}。对方决定前您可以撤回。</translation>
        </message>
        <message>
            <source>The offer of {other} has expired: it can no longer be accepted, but you may counter it.</source>
            <translation>{other} 的报价已过期：不能再接受，但您可以还价。</translation>
        </message>
        <message>
            <source>{other} made an offer: accept it, decline it or answer with a counter-offer.</source>
            <translation>{other} 发来报价：您可以接受、拒绝或还价。</translation>
        </message>
        <message>
            <source>You signed. Waiting for the signature of {other}.</source>
            <translation>您已签署，等待 {other} 签署。</translation>
        </message>
        <message>
            <source>The offer was accepted. Both sides now sign the final terms.</source>
            <translation>报价已被接受。现在双方签署最终条款。</translation>
        </message>
        <message>
            <source>Signed by both sides: these terms are final. Export the contract as a PDF to keep it.</source>
            <translation>双方均已签署：条款已最终确定。请将合同导出为 PDF 保存。</translation>
        </message>
        <message>
            <source>The offer was declined: this deal is closed.</source>
            <translation>报价已被拒绝：此交易已关闭。</translation>
        </message>
        <message>
            <source>The offer was withdrawn: this deal is closed.</source>
            <translation>报价已被撤回：此交易已关闭。</translation>
        </message>
        <message>
            <source>Accept the offer</source>
            <translation>接受报价</translation>
        </message>
        <message>
            <source>Accept the offer of {other}?

Total: {total}
{where}, delivery {date}

Both sides then sign these terms.</source>
            <translation>接受 {other} 的报价吗？

总额：{total}
{where}，交货日期 {date}

之后双方将签署这些条款。</translation>
        </message>
        <message>
            <source>Accept offer</source>
            <translation>接受报价</translation>
        </message>
        <message>
            <source>Decline the offer</source>
            <translation>拒绝报价</translation>
        </message>
        <message>
            <source>Decline the offer of {other} (total {total})? The deal ends and cannot be reopened.</source>
            <translation>拒绝 {other} 的报价（总额 {total}）吗？交易将结束且无法重新开启。</translation>
        </message>
        <message>
            <source>Decline</source>
            <translation>拒绝</translation>
        </message>
        <message>
            <source>Withdraw</source>
            <translation>撤回</translation>
        </message>
        <message>
            <source>Withdraw your offer (total {total})? The deal ends and cannot be reopened.</source>
            <translation>撤回您的报价（总额 {total}）吗？交易将结束且无法重新开启。</translation>
        </message>
        <message>
            <source>Withdraw this draft? The deal ends.</source>
            <translation>撤回此草稿吗？交易将结束。</translation>
        </message>
        <message>
            <source>Sign the accepted terms</source>
            <translation>签署已接受的条款</translation>
        </message>
        <message>
            <source>Sign the accepted terms with {other}?

Total: {total}
{where}, delivery {date}
Terms hash: {hash}

You sign with your own key on this device; a signature cannot be taken back.</source>
            <translation>与 {other} 签署已接受的条款吗？

总额：{total}
{where}，交货日期 {date}
条款哈希：{hash}

您将用本设备上自己的密钥签署；签名无法撤回。</translation>
        </message>
        <message>
            <source>Sign</source>
            <translation>签署</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Not sent</source>
            <translation>未发送</translation>
        </message>
        <message>
            <source>Your signing key</source>
            <translation>您的签名密钥</translation>
        </message>
        <message>
            <source>Export contract PDF</source>
            <translation>导出合同 PDF</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
        <message>
            <source>Contract not exported</source>
            <translation>合同未导出</translation>
        </message>
        <message>
            <source>Contract exported</source>
            <translation>合同已导出</translation>
        </message>
        <message>
            <source>The contract was saved to {path}</source>
            <translation>合同已保存到 {path}</translation>
        </message>
    </context>
    <context>
        <name>DealTerms</name>
        <message>
            <source>Line items</source>
            <extracomment>Offered first in the currency editor (any ISO 4217 code may be typed).</extracomment>
            <translation>明细行</translation>
        </message>
        <message>
            <source>Product / description</source>
            <translation>产品 / 描述</translation>
        </message>
        <message>
            <source>Specification notes</source>
            <translation>规格说明</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Unit</source>
            <translation>单位</translation>
        </message>
        <message>
            <source>Unit price</source>
            <translation>单价</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <source>Incoterm</source>
            <translation>贸易术语</translation>
        </message>
        <message>
            <source>Named place</source>
            <translation>指定地点</translation>
        </message>
        <message>
            <source>Delivery date</source>
            <translation>交货日期</translation>
        </message>
        <message>
            <source>Payment terms</source>
            <translation>付款条件</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Line {n}</source>
            <translation>第 {n} 行</translation>
        </message>
        <message>
            <source>{line}, {field}</source>
            <translation>{line}，{field}</translation>
        </message>
        <message>
            <source>Quantity × unit price, computed (never typed)</source>
            <translation>数量 × 单价，自动计算（无需输入）</translation>
        </message>
        <message>
            <source>Amount</source>
            <translation>金额</translation>
        </message>
        <message>
            <source>30% deposit, 70% against B/L copy</source>
            <translation>30% 定金，70% 见提单副本付款</translation>
        </message>
    </context>
    <context>
        <name>Deals</name>
        <message>
            <source>Draft</source>
            <translation>草稿</translation>
        </message>
        <message>
            <source>Offered</source>
            <translation>已报价</translation>
        </message>
        <message>
            <source>Countered</source>
            <translation>已还价</translation>
        </message>
        <message>
            <source>Accepted</source>
            <translation>已接受</translation>
        </message>
        <message>
            <source>Signed</source>
            <translation>已签署</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>已拒绝</translation>
        </message>
        <message>
            <source>Withdrawn</source>
            <translation>已撤回</translation>
        </message>
        <message>
            <source>Opened</source>
            <translation>已创建</translation>
        </message>
        <message>
            <source>Offer</source>
            <translation>报价</translation>
        </message>
        <message>
            <source>Counter-offer</source>
            <translation>还价</translation>
        </message>
        <message>
            <source>opening the deal</source>
            <translation>创建交易</translation>
        </message>
        <message>
            <source>offer</source>
            <translation>报价</translation>
        </message>
        <message>
            <source>counter-offer</source>
            <translation>还价</translation>
        </message>
        <message>
            <source>acceptance</source>
            <translation>接受</translation>
        </message>
        <message>
            <source>decline</source>
            <translation>拒绝</translation>
        </message>
        <message>
            <source>withdrawal</source>
            <translation>撤回</translation>
        </message>
        <message>
            <source>signature</source>
            <translation>签名</translation>
        </message>
        <message>
            <source>signing key</source>
            <translation>签名密钥</translation>
        </message>
        <message>
            <source>Buyer</source>
            <translation>采购商</translation>
        </message>
        <message>
            <source>Exhibitor</source>
            <translation>展商</translation>
        </message>
        <message>
            <source>the buyer</source>
            <translation>采购商</translation>
        </message>
        <message>
            <source>the exhibitor</source>
            <translation>展商</translation>
        </message>
        <message>
            <source>No terms yet</source>
            <translation>尚无条款</translation>
        </message>
        <message>
            <source>{first} and {n} more</source>
            <translation>{first} 等 {n} 项</translation>
        </message>
        <message>
            <source>piece</source>
            <translation>件</translation>
        </message>
        <message>
            <source>your turn</source>
            <translation>轮到您</translation>
        </message>
        <message>
            <source>waiting to send</source>
            <translation>等待发送</translation>
        </message>
        <message>
            <source>not applied</source>
            <translation>未执行</translation>
        </message>
        <message>
            <source>With</source>
            <translation>对方</translation>
        </message>
        <message>
            <source>Subject</source>
            <translation>内容</translation>
        </message>
        <message>
            <source>State</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>总额</translation>
        </message>
        <message>
            <source>Updated</source>
            <translation>更新时间</translation>
        </message>
        <message>
            <source>You</source>
            <translation>您</translation>
        </message>
        <message>
            <source>Waiting to send</source>
            <translation>等待发送</translation>
        </message>
        <message>
            <source>Queued on this device; sent when the connection returns</source>
            <translation>已在本设备排队；连接恢复后发送</translation>
        </message>
        <message>
            <source>Hash {hash}
Previous {prev}</source>
            <translation>哈希 {hash}
上一条 {prev}</translation>
        </message>
        <message>
            <source>Event</source>
            <translation>事件</translation>
        </message>
        <message>
            <source>By</source>
            <translation>操作人</translation>
        </message>
        <message>
            <source>Time</source>
            <translation>时间</translation>
        </message>
        <message>
            <source>Hash</source>
            <translation>哈希</translation>
        </message>
        <message>
            <source>Not signed yet</source>
            <translation>尚未签署</translation>
        </message>
        <message>
            <source>Key fingerprint {fp}
Signed terms hash {hash}</source>
            <translation>密钥指纹 {fp}
已签条款哈希 {hash}</translation>
        </message>
        <message>
            <source>Party</source>
            <translation>当事方</translation>
        </message>
        <message>
            <source>Signed by</source>
            <translation>签署人</translation>
        </message>
        <message>
            <source>Key fingerprint</source>
            <translation>密钥指纹</translation>
        </message>
        <message>
            <source>Signed at</source>
            <translation>签署时间</translation>
        </message>
        <message>
            <source>This contract file is valid: the terms, the history and both signatures verify.</source>
            <translation>此合同文件有效：条款、历史记录和双方签名均验证通过。</translation>
        </message>
        <message>
            <source>This contract file does NOT verify. Do not rely on it.</source>
            <translation>此合同文件验证未通过，请勿依赖。</translation>
        </message>
        <message>
            <source>Deal: {id}</source>
            <translation>交易：{id}</translation>
        </message>
        <message>
            <source>Terms hash: {hash}</source>
            <translation>条款哈希：{hash}</translation>
        </message>
        <message>
            <source>Problems:</source>
            <translation>问题：</translation>
        </message>
        <message>
            <source>Contract not verified</source>
            <translation>合同未能验证</translation>
        </message>
        <message>
            <source>The file could not be read as a FairDesk contract: {error}</source>
            <translation>无法将此文件读取为 FairDesk 合同：{error}</translation>
        </message>
        <message>
            <source>Contract verified</source>
            <translation>合同已验证</translation>
        </message>
        <message>
            <source>Contract NOT valid</source>
            <translation>合同无效</translation>
        </message>
        <message>
            <source>Verify a contract file</source>
            <translation>验证合同文件</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>PDF 文件 (*.pdf)</translation>
        </message>
    </context>
    <context>
        <name>DealsPage</name>
        <message>
            <source>Deals</source>
            <translation>交易</translation>
        </message>
        <message>
            <source>Search parties, products and places</source>
            <translation>搜索当事方、产品和地点</translation>
        </message>
        <message>
            <source>Search deals</source>
            <translation>搜索交易</translation>
        </message>
        <message>
            <source>Show deals in this state</source>
            <translation>显示此状态的交易</translation>
        </message>
        <message>
            <source>All states</source>
            <translation>全部状态</translation>
        </message>
        <message>
            <source>Open deal</source>
            <translation>打开交易</translation>
        </message>
        <message>
            <source>Verify a contract file…</source>
            <translation>验证合同文件…</translation>
        </message>
        <message>
            <source>Check an exported contract PDF offline: its terms, history and signatures</source>
            <translation>离线检查导出的合同 PDF：条款、历史记录和签名</translation>
        </message>
        <message>
            <source>No deals yet. Open a product, a conversation or your shortlist and choose “Negotiate” to start one.</source>
            <translation>还没有交易。打开产品、会话或收藏夹，选择“洽谈”即可开始。</translation>
        </message>
        <message numerus="yes">
            <source>%Ln deal(s)</source>
            <translation>
                <numerusform>%Ln 笔交易</numerusform>
            </translation>
        </message>
        <message>
            <source>{deals}, {n} waiting for you</source>
            <translation>{deals}，{n} 笔等待您处理</translation>
        </message>
    </context>
    <context>
        <name>FairDeskApp</name>
        <message>
            <source>You are signed in as {name}, a demo exhibitor.</source>
            <translation>您已作为演示展商 {name} 登录。</translation>
        </message>
        <message>
            <source>You are signed in as {name}, a demo buyer.</source>
            <translation>您已作为演示采购商 {name} 登录。</translation>
        </message>
        <message>
            <source>the demo user</source>
            <translation>演示用户</translation>
        </message>
        <message>
            <source>Welcome to the FairDesk demo fair.</source>
            <translation>欢迎来到 FairDesk 演示展会。</translation>
        </message>
        <message>
            <source>Keeping {names} (about {size}) offline for you; choose other sections any time.</source>
            <translation>已为您离线保存 {names}（约 {size}）；您可随时选择其他展区。</translation>
        </message>
        <message>
            <source>Connect to a fair</source>
            <translation>连接展会</translation>
        </message>
        <message>
            <source>Which fair?</source>
            <translation>选择展会</translation>
        </message>
        <message>
            <source>The offline cache was damaged and has been rebuilt. It downloads again from the fair; {n} unsent items were kept and will be sent.</source>
            <translation>离线缓存已损坏并已重建，将重新从展会下载数据；{n} 项未发送的内容已保留，稍后会发送。</translation>
        </message>
        <message>
            <source>The offline cache was made by a newer FairDesk and has been rebuilt. It downloads again from the fair; {n} unsent items were kept and will be sent.</source>
            <translation>离线缓存由更新版本的 FairDesk 创建，已重建，将重新从展会下载数据；{n} 项未发送的内容已保留，稍后会发送。</translation>
        </message>
        <message>
            <source>Offline cache rebuilt</source>
            <translation>离线缓存已重建</translation>
        </message>
    </context>
    <context>
        <name>FairPage</name>
        <message>
            <source>Fair</source>
            <translation>展会</translation>
        </message>
        <message>
            <source>Categories and exhibition sections</source>
            <translation>类别与展区</translation>
        </message>
        <message>
            <source>Choose an exhibition section</source>
            <translation>请选择展区</translation>
        </message>
        <message>
            <source>Follow section</source>
            <translation>关注展区</translation>
        </message>
        <message>
            <source>Follow or unfollow this section</source>
            <translation>关注或取消关注此展区</translation>
        </message>
        <message>
            <source>Filter booths by name…</source>
            <translation>按名称筛选展位…</translation>
        </message>
        <message>
            <source>Filter booths</source>
            <translation>筛选展位</translation>
        </message>
        <message>
            <source>Booths</source>
            <translation>展位</translation>
        </message>
        <message>
            <source>{booths} · {products} · about {size} to download</source>
            <translation>{booths} · {products} · 下载约 {size}</translation>
        </message>
        <message numerus="yes">
            <source>%Ln booth(s)</source>
            <translation>
                <numerusform>%Ln 个展位</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln product(s)</source>
            <translation>
                <numerusform>%Ln 件产品</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>followed: %Ln product(s) available offline</source>
            <translation>
                <numerusform>已关注：%Ln 件产品可离线浏览</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{shown} of %Ln booth(s)</source>
            <translation>
                <numerusform>已显示 {shown} / 共 %Ln 个展位</numerusform>
            </translation>
        </message>
        <message>
            <source>Unfollow section</source>
            <translation>取消关注展区</translation>
        </message>
    </context>
    <context>
        <name>FilePage</name>
        <message>
            <source>Choose a spreadsheet</source>
            <translation>选择表格文件</translation>
        </message>
        <message>
            <source>A CSV or Excel (.xlsx) file with one product per row and the column names in the first row. Not sure how to start? Save the template and fill it in.</source>
            <translation>CSV 或 Excel（.xlsx）文件，每行一个产品，第一行为列名。不知道如何开始？请保存模板并填写。</translation>
        </message>
        <message>
            <source>The chosen file</source>
            <translation>所选文件</translation>
        </message>
        <message>
            <source>No file chosen</source>
            <translation>未选择文件</translation>
        </message>
        <message>
            <source>Choose file…</source>
            <translation>选择文件…</translation>
        </message>
        <message>
            <source>Save the Excel template…</source>
            <translation>保存 Excel 模板…</translation>
        </message>
        <message>
            <source>Save the CSV template…</source>
            <translation>保存 CSV 模板…</translation>
        </message>
        <message>
            <source>Templates</source>
            <translation>模板</translation>
        </message>
        <message>
            <source>Spreadsheets ({patterns})</source>
            <translation>表格文件 ({patterns})</translation>
        </message>
        <message>
            <source>Excel workbook (*.xlsx)</source>
            <translation>Excel 工作簿 (*.xlsx)</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Save the template</source>
            <translation>保存模板</translation>
        </message>
    </context>
    <context>
        <name>FirstMessageDialog</name>
        <message>
            <source>Message to {name}</source>
            <translation>发消息给 {name}</translation>
        </message>
        <message>
            <source>Your message</source>
            <translation>您的消息</translation>
        </message>
        <message>
            <source>Write your message</source>
            <translation>请输入消息</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>发送</translation>
        </message>
        <message>
            <source>Message not sent</source>
            <translation>消息未发送</translation>
        </message>
    </context>
    <context>
        <name>FirstRun</name>
        <message>
            <source>FairDesk demo fair</source>
            <translation>FairDesk 演示展会</translation>
        </message>
    </context>
    <context>
        <name>FirstRunDialog</name>
        <message>
            <source>Welcome to FairDesk</source>
            <translation>欢迎使用 FairDesk</translation>
        </message>
        <message>
            <source>First run</source>
            <translation>首次运行</translation>
        </message>
        <message>
            <source>Explore the demo fair on this computer (recommended)</source>
            <translation>在本机体验演示展会（推荐）</translation>
        </message>
        <message>
            <source>Use the demo fair</source>
            <translation>使用演示展会</translation>
        </message>
        <message>
            <source>Connect to a fair server</source>
            <translation>连接展会服务器</translation>
        </message>
        <message>
            <source>Server address</source>
            <translation>服务器地址</translation>
        </message>
        <message>
            <source>Demo fair start progress</source>
            <translation>演示展会启动进度</translation>
        </message>
        <message>
            <source>Continue</source>
            <translation>继续</translation>
        </message>
        <message>
            <source>FairDesk keeps the trade fair on your computer: browse booths, search products and keep a shortlist, even when the connection drops.</source>
            <translation>FairDesk 把展会保存在您的电脑上：即使网络中断，也能浏览展位、搜索产品、管理收藏。</translation>
        </message>
        <message>
            <source>A generated fair with demo exhibitors, started in the background.</source>
            <translation>一个由演示展商组成的模拟展会，在后台启动。</translation>
        </message>
        <message>
            <source>Enter the address of the fair server.</source>
            <translation>请输入展会服务器地址。</translation>
        </message>
        <message>
            <source>Could not reach the fair: {error}</source>
            <translation>无法连接展会：{error}</translation>
        </message>
        <message>
            <source>The demo account is filled in. Just sign in.</source>
            <translation>已填入演示账号，直接登录即可。</translation>
        </message>
        <message>
            <source>Starting the demo fair: {stage}</source>
            <translation>正在启动演示展会：{stage}</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>电子邮箱</translation>
        </message>
        <message>
            <source>Password</source>
            <translation>密码</translation>
        </message>
        <message>
            <source>Two letters, e.g. DE</source>
            <translation>两个字母，例如 CN</translation>
        </message>
        <message>
            <source>Your name</source>
            <translation>您的姓名</translation>
        </message>
        <message>
            <source>Password (8 characters or more)</source>
            <translation>密码（至少 8 个字符）</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>公司</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>国家</translation>
        </message>
        <message>
            <source>Sign in</source>
            <translation>登录</translation>
        </message>
        <message>
            <source>Register as a buyer</source>
            <translation>注册为采购商</translation>
        </message>
        <message>
            <source>Register</source>
            <translation>注册</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>返回</translation>
        </message>
        <message>
            <source>Your account</source>
            <translation>您的账号</translation>
        </message>
        <message>
            <source>Enter your email and password.</source>
            <translation>请输入电子邮箱和密码。</translation>
        </message>
        <message>
            <source>Enter your name, email and a password of at least 8 characters.</source>
            <translation>请输入姓名、电子邮箱以及至少 8 个字符的密码。</translation>
        </message>
        <message>
            <source>Signing in failed: {error}</source>
            <translation>登录失败：{error}</translation>
        </message>
        <message numerus="yes">
            <source>{done} of %Ln product(s) downloaded</source>
            <translation>
                <numerusform>已下载 {done} / 共 %Ln 件产品</numerusform>
            </translation>
        </message>
        <message>
            <source>Download and start</source>
            <translation>下载并开始</translation>
        </message>
        <message>
            <source>Skip for now</source>
            <translation>暂时跳过</translation>
        </message>
        <message>
            <source>Sections to keep offline</source>
            <translation>离线保存的展区</translation>
        </message>
        <message>
            <source>The booth directory is always available. Choose the exhibition sections whose products you want on this computer, to browse and search them offline.</source>
            <translation>展位名录始终可用。请选择要保存到本机的展区产品，以便离线浏览和搜索。</translation>
        </message>
        <message>
            <source>The list of sections could not be loaded: {error}</source>
            <translation>无法加载展区列表：{error}</translation>
        </message>
        <message>
            <source>Download progress</source>
            <translation>下载进度</translation>
        </message>
        <message>
            <source>Preparing…</source>
            <translation>正在准备…</translation>
        </message>
        <message>
            <source>Cancel download</source>
            <translation>取消下载</translation>
        </message>
        <message>
            <source>Cancel the download; it resumes on the next start</source>
            <translation>取消下载；下次启动时继续</translation>
        </message>
        <message>
            <source>Continue in the background</source>
            <translation>在后台继续</translation>
        </message>
        <message>
            <source>Downloading the fair</source>
            <translation>正在下载展会数据</translation>
        </message>
        <message>
            <source>You can start browsing now; the download goes on in the background.</source>
            <translation>您现在就可以开始浏览，下载将在后台继续。</translation>
        </message>
        <message>
            <source>Following the sections failed: {error}</source>
            <translation>关注展区失败：{error}</translation>
        </message>
        <message>
            <source>{rate} products/s</source>
            <translation>{rate} 个产品/秒</translation>
        </message>
        <message>
            <source>about {eta} left</source>
            <translation>约剩 {eta}</translation>
        </message>
        <message>
            <source>Download complete: the sections are available offline.</source>
            <translation>下载完成：这些展区现可离线浏览。</translation>
        </message>
        <message>
            <source>Start browsing</source>
            <translation>开始浏览</translation>
        </message>
        <message>
            <source>Download paused. It resumes when FairDesk starts next time.</source>
            <translation>下载已暂停，下次启动 FairDesk 时将继续。</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>ImportWizard</name>
        <message>
            <source>Import products from a spreadsheet</source>
            <translation>从表格导入产品</translation>
        </message>
        <message>
            <source>Next</source>
            <translation>下一步</translation>
        </message>
        <message>
            <source>Back</source>
            <translation>返回</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>Updates product {id}: {name}</source>
            <translation>更新产品 {id}：{name}</translation>
        </message>
        <message>
            <source>New product: {name}</source>
            <translation>新产品：{name}</translation>
        </message>
        <message>
            <source>Reading {name}…</source>
            <translation>正在读取 {name}…</translation>
        </message>
        <message>
            <source>{rows} rows and {cols} columns read from {name}.</source>
            <translation>已从 {name} 读取 {rows} 行、{cols} 列。</translation>
        </message>
        <message>
            <source>Template saved as {path}. Fill it in, save it, then choose it here.</source>
            <translation>模板已保存为 {path}。填写并保存后，在此处选择它。</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>正在检查…</translation>
        </message>
        <message>
            <source>{errors} problems in {rows} rows. Nothing will be imported until they are fixed: correct the file, save it, then press “Check the file again”.</source>
            <translation>{rows} 行中有 {errors} 个问题。修正之前不会导入任何内容：请修改文件并保存，然后点击“重新检查文件”。</translation>
        </message>
        <message>
            <source>The file has no product rows.</source>
            <translation>文件中没有产品行。</translation>
        </message>
        <message>
            <source>No problems found: {created} new products and {updated} updates are ready to import.</source>
            <translation>未发现问题：{created} 个新产品和 {updated} 项更新可以导入。</translation>
        </message>
        <message>
            <source>Importing {n} products…</source>
            <translation>正在导入 {n} 个产品…</translation>
        </message>
        <message>
            <source>Sending {n} products to the fair…</source>
            <translation>正在将 {n} 个产品发送到展会…</translation>
        </message>
        <message>
            <source>The import is saved on this PC and is sent with the next sync: all {n} products together, or none.</source>
            <translation>导入已保存在本机，将在下次同步时发送：{n} 个产品一起导入，或者全部不导入。</translation>
        </message>
        <message>
            <source>Imported: {created} new products and {updated} updated are in your catalog.</source>
            <translation>已导入：{created} 个新产品和 {updated} 个更新的产品已在您的产品目录中。</translation>
        </message>
        <message>
            <source>The fair refused the import, so nothing was changed. {reason}</source>
            <translation>展会拒绝了此次导入，因此没有任何更改。{reason}</translation>
        </message>
    </context>
    <context>
        <name>Leads</name>
        <message>
            <source>Authorized</source>
            <translation>已授权</translation>
        </message>
        <message>
            <source>Messaged</source>
            <translation>发过消息</translation>
        </message>
        <message>
            <source>Deal</source>
            <translation>交易</translation>
        </message>
    </context>
    <context>
        <name>LeadsPage</name>
        <message>
            <source>Leads</source>
            <translation>潜在客户</translation>
        </message>
        <message>
            <source>Buyers who authorized your company, messaged it or have a deal with it. Contact details show only for buyers who authorized you.</source>
            <translation>授权了贵公司、给贵公司发过消息或与贵公司有交易的采购商。只有授权了您的采购商才会显示联系方式。</translation>
        </message>
        <message>
            <source>No leads yet. When a buyer authorizes your company, writes to you or opens a deal, they appear here.</source>
            <translation>暂无潜在客户。当采购商授权贵公司、给您发消息或发起交易时，会显示在这里。</translation>
        </message>
        <message>
            <source>Filter by name, company, country or email</source>
            <translation>按姓名、公司、国家或电子邮箱筛选</translation>
        </message>
        <message>
            <source>Filter leads</source>
            <translation>筛选潜在客户</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>All sources</source>
            <translation>所有来源</translation>
        </message>
        <message>
            <source>Buyer</source>
            <translation>采购商</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>公司</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>国家</translation>
        </message>
        <message>
            <source>Sources</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>消息</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>交易</translation>
        </message>
        <message>
            <source>First contact</source>
            <translation>首次联系</translation>
        </message>
        <message>
            <source>Last contact</source>
            <translation>最近联系</translation>
        </message>
        <message>
            <source>Email</source>
            <translation>电子邮箱</translation>
        </message>
        <message>
            <source>Write a message…</source>
            <translation>写消息…</translation>
        </message>
        <message>
            <source>Send our card</source>
            <translation>发送我们的名片</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <source>Export the selected leads, or all shown when none is selected</source>
            <translation>导出所选的潜在客户；未选择时导出显示的全部</translation>
        </message>
        <message numerus="yes">
            <source>%Ln lead(s)</source>
            <translation>
                <numerusform>%Ln 个潜在客户</numerusform>
            </translation>
        </message>
        <message>
            <source>{shown} of {total} shown</source>
            <translation>显示 {shown} / {total}</translation>
        </message>
        <message>
            <source>Card not sent</source>
            <translation>名片未发送</translation>
        </message>
        <message>
            <source>Card sent</source>
            <translation>名片已发送</translation>
        </message>
        <message>
            <source>Your card is on its way to {name}.</source>
            <translation>您的名片正在发送给 {name}。</translation>
        </message>
        <message>
            <source>Export leads</source>
            <translation>导出潜在客户</translation>
        </message>
        <message>
            <source>CSV (*.csv)</source>
            <translation>CSV (*.csv)</translation>
        </message>
        <message>
            <source>Export failed</source>
            <translation>导出失败</translation>
        </message>
        <message numerus="yes">
            <source>%Ln lead(s) exported to {path}</source>
            <translation>
                <numerusform>已导出 %Ln 个潜在客户到 {path}</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>FairDesk</source>
            <extracomment>pages with a splitter whose sizes are kept in the window state the exhibitor's workspace pages: in the navigation for exhibitor staff only</extracomment>
            <translation>FairDesk</translation>
        </message>
        <message>
            <source>FairDesk main window</source>
            <translation>FairDesk 主窗口</translation>
        </message>
        <message>
            <source>Navigation</source>
            <translation>导航</translation>
        </message>
        <message>
            <source>Fair</source>
            <translation>展会</translation>
        </message>
        <message>
            <source>Browse categories, sections and booths</source>
            <translation>浏览类别、展区和展位</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>Search products (Ctrl+F)</source>
            <translation>搜索产品（Ctrl+F）</translation>
        </message>
        <message>
            <source>Shortlist</source>
            <translation>收藏夹</translation>
        </message>
        <message>
            <source>Your favourite products and booths</source>
            <translation>您收藏的产品和展位</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>消息</translation>
        </message>
        <message>
            <source>Chat with exhibitors and buyers</source>
            <translation>与展商和采购商聊天</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>交易</translation>
        </message>
        <message>
            <source>Negotiate and sign orders</source>
            <translation>洽谈并签署订单</translation>
        </message>
        <message>
            <source>Cards</source>
            <translation>名片</translation>
        </message>
        <message>
            <source>Your card and the cards you hold</source>
            <translation>您的名片和收藏的名片</translation>
        </message>
        <message>
            <source>Authorizations</source>
            <translation>授权</translation>
        </message>
        <message>
            <source>Who may see your profile and contact you</source>
            <translation>谁可以查看您的资料并与您联系</translation>
        </message>
        <message>
            <source>Workspace</source>
            <translation>工作台</translation>
        </message>
        <message>
            <source>Your booth's figures, leads and edits</source>
            <translation>展位数据、潜在客户和修改</translation>
        </message>
        <message>
            <source>Catalog</source>
            <translation>产品目录</translation>
        </message>
        <message>
            <source>Add and edit your products</source>
            <translation>添加和编辑您的产品</translation>
        </message>
        <message>
            <source>Booth</source>
            <translation>展位</translation>
        </message>
        <message>
            <source>Edit your booth: profile, logo, sections</source>
            <translation>编辑展位：简介、标志、展区</translation>
        </message>
        <message>
            <source>Leads</source>
            <translation>潜在客户</translation>
        </message>
        <message>
            <source>Buyers who contacted or authorized you</source>
            <translation>联系过或授权了您的采购商</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Settings…</source>
            <translation>设置(&amp;S)…</translation>
        </message>
        <message>
            <source>Sync &amp;now</source>
            <translation>立即同步(&amp;N)</translation>
        </message>
        <message>
            <source>Sign &amp;out</source>
            <translation>退出登录(&amp;O)</translation>
        </message>
        <message>
            <source>&amp;Choose sections to keep offline…</source>
            <translation>选择离线展区(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Connect to a fair server…</source>
            <translation>连接展会服务器(&amp;C)…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>转到(&amp;G)</translation>
        </message>
        <message>
            <source>&amp;Back</source>
            <translation>后退(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Forward</source>
            <translation>前进(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;Search</source>
            <translation>搜索(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>Low-&amp;data mode</source>
            <translation>省流量模式(&amp;D)</translation>
        </message>
        <message>
            <source>Off: load every image</source>
            <translation>关闭：加载全部图片</translation>
        </message>
        <message>
            <source>Thumbnails only</source>
            <translation>仅缩略图</translation>
        </message>
        <message>
            <source>Text only: no images</source>
            <translation>仅文字：不加载图片</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message>
            <source>&amp;About FairDesk</source>
            <translation>关于 FairDesk(&amp;A)</translation>
        </message>
        <message>
            <source>About FairDesk</source>
            <translation>关于 FairDesk</translation>
        </message>
        <message>
            <source>FairDesk 0.1

The offline-first desktop client for online trade fairs: browse, search and shortlist with or without a connection.</source>
            <translation>FairDesk 0.1

面向线上展会的离线优先桌面客户端：无论是否联网，都能浏览、搜索和收藏。</translation>
        </message>
        <message>
            <source>Welcome</source>
            <translation>欢迎</translation>
        </message>
        <message>
            <source>Choose sections…</source>
            <translation>选择展区…</translation>
        </message>
        <message>
            <source>Choose sections to keep offline</source>
            <translation>选择离线保存的展区</translation>
        </message>
        <message>
            <source>Connect to a fair server…</source>
            <translation>连接展会服务器…</translation>
        </message>
        <message>
            <source>Dismiss</source>
            <translation>关闭</translation>
        </message>
        <message>
            <source>Dismiss the welcome message</source>
            <translation>关闭欢迎信息</translation>
        </message>
        <message>
            <source>{page} — FairDesk</source>
            <translation>{page} — FairDesk</translation>
        </message>
        <message>
            <source>Deals ({n})</source>
            <translation>交易 ({n})</translation>
        </message>
        <message numerus="yes">
            <source>%Ln deal(s) waiting for your answer or signature</source>
            <translation>
                <numerusform>%Ln 笔交易等待您答复或签署</numerusform>
            </translation>
        </message>
        <message>
            <source>Messages ({n})</source>
            <translation>消息 ({n})</translation>
        </message>
        <message>
            <source>{n} unread messages</source>
            <translation>{n} 条未读消息</translation>
        </message>
    </context>
    <context>
        <name>MappingPage</name>
        <message>
            <source>Match the columns</source>
            <translation>匹配列</translation>
        </message>
        <message>
            <source>Which column of your file holds each product field? The guesses come from the column names. New products need the English name (*); each column can be used once.</source>
            <translation>文件中的哪一列对应每个产品字段？系统已根据列名推测。新产品需要英文名称（*）；每列只能使用一次。</translation>
        </message>
        <message>
            <source>(not imported)</source>
            <translation>（不导入）</translation>
        </message>
        <message>
            <source>e.g. {value}</source>
            <translation>例如 {value}</translation>
        </message>
    </context>
    <context>
        <name>MessageNotifier</name>
        <message>
            <source>New message from {name}</source>
            <translation>{name} 发来新消息</translation>
        </message>
        <message>
            <source>A product or a file</source>
            <translation>一个产品或文件</translation>
        </message>
        <message>
            <source>{n} new messages</source>
            <translation>{n} 条新消息</translation>
        </message>
        <message>
            <source>FairDesk</source>
            <translation>FairDesk</translation>
        </message>
    </context>
    <context>
        <name>Messages</name>
        <message>
            <source>Product: {name}</source>
            <translation>产品：{name}</translation>
        </message>
        <message>
            <source>Attachment: {name}</source>
            <translation>附件：{name}</translation>
        </message>
        <message>
            <source>Waiting to send</source>
            <translation>等待发送</translation>
        </message>
        <message>
            <source>Not sent: {reason}</source>
            <translation>未发送：{reason}</translation>
        </message>
        <message>
            <source>{name} ({n} unread)</source>
            <translation>{name}（{n} 条未读）</translation>
        </message>
        <message>
            <source>You</source>
            <translation>您</translation>
        </message>
        <message>
            <source>Read</source>
            <translation>已读</translation>
        </message>
    </context>
    <context>
        <name>MessagesPage</name>
        <message>
            <source>Messages</source>
            <translation>消息</translation>
        </message>
        <message>
            <source>Search names and messages</source>
            <translation>搜索名称和消息</translation>
        </message>
        <message>
            <source>Conversations</source>
            <translation>会话</translation>
        </message>
        <message>
            <source>Message text</source>
            <translation>消息内容</translation>
        </message>
        <message>
            <source>Write a message</source>
            <translation>输入消息</translation>
        </message>
        <message>
            <source>Send</source>
            <translation>发送</translation>
        </message>
        <message>
            <source>Attach file…</source>
            <translation>添加附件…</translation>
        </message>
        <message>
            <source>Save attachment…</source>
            <translation>保存附件…</translation>
        </message>
        <message>
            <source>Open product</source>
            <translation>打开产品</translation>
        </message>
        <message>
            <source>Open a deal…</source>
            <translation>开启交易…</translation>
        </message>
        <message>
            <source>Negotiate an order with the other side of this conversation</source>
            <translation>与此会话的另一方洽谈订单</translation>
        </message>
        <message>
            <source>Quick replies</source>
            <translation>快捷回复</translation>
        </message>
        <message>
            <source>Insert one of your company's saved replies</source>
            <translation>插入贵公司保存的快捷回复</translation>
        </message>
        <message>
            <source>Send the message (it waits while offline)</source>
            <translation>发送消息（离线时将等待发送）</translation>
        </message>
        <message>
            <source>Send an image or a PDF (at most 10 MiB)</source>
            <translation>发送图片或 PDF（最大 10 MiB）</translation>
        </message>
        <message>
            <source>No conversation yet</source>
            <translation>暂无会话</translation>
        </message>
        <message>
            <source>No quick replies yet</source>
            <translation>还没有快捷回复</translation>
        </message>
        <message>
            <source>Save the message as a quick reply</source>
            <translation>将此消息保存为快捷回复</translation>
        </message>
        <message>
            <source>Quick reply not saved</source>
            <translation>快捷回复未保存</translation>
        </message>
        <message>
            <source>No deal opened</source>
            <translation>未开启交易</translation>
        </message>
        <message>
            <source>Message not sent</source>
            <translation>消息未发送</translation>
        </message>
        <message>
            <source>Attach a file</source>
            <translation>添加附件</translation>
        </message>
        <message>
            <source>Images and PDF (*.jpg *.jpeg *.png *.webp *.pdf)</source>
            <translation>图片和 PDF (*.jpg *.jpeg *.png *.webp *.pdf)</translation>
        </message>
        <message>
            <source>File not sent</source>
            <translation>文件未发送</translation>
        </message>
        <message>
            <source>Save attachment</source>
            <translation>保存附件</translation>
        </message>
        <message>
            <source>Attachment not saved</source>
            <translation>附件未保存</translation>
        </message>
    </context>
    <context>
        <name>Models</name>
        <message>
            <source>{booths} booths, {products} products</source>
            <translation>{booths} 个展位，{products} 个产品</translation>
        </message>
        <message>
            <source>Followed: available offline</source>
            <translation>已关注：可离线浏览</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <source>Booth</source>
            <translation>展位</translation>
        </message>
        <message>
            <source>FOB price</source>
            <translation>FOB 价格</translation>
        </message>
        <message>
            <source>MOQ</source>
            <translation>起订量</translation>
        </message>
        <message>
            <source>Certifications</source>
            <translation>认证</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Whole fair (online)</source>
            <translation>全展会（在线）</translation>
        </message>
        <message>
            <source>Offline cache</source>
            <translation>离线缓存</translation>
        </message>
        <message>
            <source>Booth no.</source>
            <translation>展位号</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>国家</translation>
        </message>
        <message>
            <source>City</source>
            <translation>城市</translation>
        </message>
    </context>
    <context>
        <name>NoteDialog</name>
        <message>
            <source>Note and tags</source>
            <translation>备注和标签</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>Comma-separated, e.g. samples, priority</source>
            <translation>用逗号分隔，例如：样品, 优先</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>Problems</name>
        <message>
            <source>{name} is not a file</source>
            <translation>{name} 不是文件</translation>
        </message>
        <message>
            <source>cannot read {name}: {error}</source>
            <translation>无法读取 {name}：{error}</translation>
        </message>
        <message>
            <source>{name} is empty</source>
            <translation>{name} 是空文件</translation>
        </message>
        <message>
            <source>{name} is an old-format Excel (.xls) or other Office file; save it as .xlsx or CSV</source>
            <translation>{name} 是旧版 Excel（.xls）或其他 Office 文件；请另存为 .xlsx 或 CSV</translation>
        </message>
        <message>
            <source>{name} is a PDF document, not a spreadsheet</source>
            <translation>{name} 是 PDF 文档，不是电子表格</translation>
        </message>
        <message>
            <source>{name} is a PNG image, not a spreadsheet</source>
            <translation>{name} 是 PNG 图片，不是电子表格</translation>
        </message>
        <message>
            <source>{name} is a JPEG image, not a spreadsheet</source>
            <translation>{name} 是 JPEG 图片，不是电子表格</translation>
        </message>
        <message>
            <source>{name} is a GIF image, not a spreadsheet</source>
            <translation>{name} 是 GIF 图片，不是电子表格</translation>
        </message>
        <message>
            <source>{name} is a gzip archive, not a spreadsheet</source>
            <translation>{name} 是 gzip 压缩包，不是电子表格</translation>
        </message>
        <message>
            <source>{name} is a RAR archive, not a spreadsheet</source>
            <translation>{name} 是 RAR 压缩包，不是电子表格</translation>
        </message>
        <message>
            <source>{name} is a 7-Zip archive, not a spreadsheet</source>
            <translation>{name} 是 7-Zip 压缩包，不是电子表格</translation>
        </message>
        <message>
            <source>{name} is not a valid Excel workbook (.xlsx): the file is damaged or of another type</source>
            <translation>{name} 不是有效的 Excel 工作簿（.xlsx）：文件已损坏或属于其他类型</translation>
        </message>
        <message>
            <source>{name} looks like UTF-16 text without a byte order mark; save it as 'CSV UTF-8' (or Unicode text with a BOM) and try again</source>
            <translation>{name} 似乎是没有字节顺序标记（BOM）的 UTF-16 文本；请另存为“CSV UTF-8”（或带 BOM 的 Unicode 文本）后重试</translation>
        </message>
        <message>
            <source>{name} is not a CSV or Excel file (it holds binary data)</source>
            <translation>{name} 不是 CSV 或 Excel 文件（含有二进制数据）</translation>
        </message>
        <message>
            <source>{name} is not UTF-8, UTF-16 or GB18030 (Chinese) text: byte {byte} at position {position} cannot be read. Save it as 'CSV UTF-8' from your spreadsheet program and try again</source>
            <translation>{name} 不是 UTF-8、UTF-16 或 GB18030（中文）文本：位置 {position} 处的字节 {byte} 无法读取。请在电子表格程序中另存为“CSV UTF-8”后重试</translation>
        </message>
        <message>
            <source>{name} starts like {encoding} text but is damaged at byte {position}</source>
            <translation>{name} 看起来是 {encoding} 文本，但在第 {position} 字节处已损坏</translation>
        </message>
        <message>
            <source>{name} is {size} MB; a catalog file is at most {max_mb} MB and {max_rows} products</source>
            <translation>{name} 大小为 {size} MB；产品目录文件最大 {max_mb} MB，最多 {max_rows} 个产品</translation>
        </message>
        <message>
            <source>{name} is not valid CSV near line {line}: {error}</source>
            <translation>{name} 在第 {line} 行附近不是有效的 CSV：{error}</translation>
        </message>
        <message>
            <source>reading .xlsx needs the openpyxl package</source>
            <translation>读取 .xlsx 需要 openpyxl 软件包</translation>
        </message>
        <message>
            <source>{name} is not a readable Excel workbook (.xlsx): {error}</source>
            <translation>{name} 不是可读取的 Excel 工作簿（.xlsx）：{error}</translation>
        </message>
        <message>
            <source>{name} unpacks to {size} MB; a catalog workbook is at most {max_mb} MB unpacked and {max_rows} products</source>
            <translation>{name} 解压后为 {size} MB；产品目录工作簿解压后最大 {max_mb} MB，最多 {max_rows} 个产品</translation>
        </message>
        <message>
            <source>{name} cannot be read as an Excel workbook: {error}</source>
            <translation>{name} 无法作为 Excel 工作簿读取：{error}</translation>
        </message>
        <message>
            <source>{name} has no worksheet</source>
            <translation>{name} 没有工作表</translation>
        </message>
        <message>
            <source>{name} is damaged: {error}</source>
            <translation>{name} 已损坏：{error}</translation>
        </message>
        <message>
            <source>{name} cannot be read: {error}</source>
            <translation>{name} 无法读取：{error}</translation>
        </message>
        <message>
            <source>{name} has more than {max_rows} product rows; import at most {max_rows} products per file (split it into several files)</source>
            <translation>{name} 的产品行超过 {max_rows} 行；每个文件最多导入 {max_rows} 个产品（请拆分为多个文件）</translation>
        </message>
        <message>
            <source>{name} has more than {scanned} rows; a catalog file holds at most {max_rows} products (delete the empty rows below your data, or split the file)</source>
            <translation>{name} 超过 {scanned} 行；产品目录文件最多包含 {max_rows} 个产品（请删除数据下方的空行，或拆分文件）</translation>
        </message>
        <message>
            <source>{name} has a header row but no product rows</source>
            <translation>{name} 只有表头行，没有产品行</translation>
        </message>
        <message>
            <source>cannot write {name}: {error}</source>
            <translation>无法写入 {name}：{error}</translation>
        </message>
        <message>
            <source>holds a formula ({formula}), not a value; paste the values instead</source>
            <translation>包含公式（{formula}）而不是数值；请改为粘贴数值</translation>
        </message>
        <message>
            <source>holds the error value {value}</source>
            <translation>包含错误值 {value}</translation>
        </message>
        <message>
            <source>MOQ must be a whole number</source>
            <translation>起订量必须是整数</translation>
        </message>
        <message>
            <source>MOQ must be a whole number, not {value}</source>
            <translation>起订量必须是整数，不能是 {value}</translation>
        </message>
        <message>
            <source>product ID must be a whole number</source>
            <translation>产品编号必须是整数</translation>
        </message>
        <message>
            <source>product ID must be a whole number, not {value}</source>
            <translation>产品编号必须是整数，不能是 {value}</translation>
        </message>
        <message>
            <source>product {id} is not one of your products</source>
            <translation>产品 {id} 不是贵公司的产品</translation>
        </message>
        <message>
            <source>product {id} is also updated by row {row}</source>
            <translation>第 {row} 行也在更新产品 {id}</translation>
        </message>
        <message>
            <source>price must be a price such as 1.20</source>
            <translation>价格必须是类似 1.20 的金额</translation>
        </message>
        <message>
            <source>price must be a price such as 1.20, not {value}</source>
            <translation>价格必须是类似 1.20 的金额，不能是 {value}</translation>
        </message>
        <message>
            <source>price must be a price of 0 or more</source>
            <translation>价格必须大于或等于 0</translation>
        </message>
        <message>
            <source>price has more than 2 decimals ({value})</source>
            <translation>价格的小数超过 2 位（{value}）</translation>
        </message>
        <message>
            <source>the maximum price is below the minimum price</source>
            <translation>最高价低于最低价</translation>
        </message>
        <message>
            <source>Hidden must be yes or no, not {value}</source>
            <translation>“隐藏”必须填写“是”或“否”，不能是 {value}</translation>
        </message>
        <message>
            <source>specification {spec} must be written name: value</source>
            <translation>规格 {spec} 必须写成“名称: 数值”</translation>
        </message>
        <message>
            <source>there is no section {id}</source>
            <translation>没有编号为 {id} 的展区</translation>
        </message>
        <message>
            <source>there is no section named {name}</source>
            <translation>没有名为 {name} 的展区</translation>
        </message>
        <message>
            <source>a new product needs a section</source>
            <translation>新产品需要指定展区</translation>
        </message>
        <message>
            <source>currency must be a 3-letter code such as USD, not {value}</source>
            <translation>币种必须是 USD 这样的三字母代码，不能是 {value}</translation>
        </message>
        <message>
            <source>lead time must be a number of days, not {value}</source>
            <translation>交货期必须是天数，不能是 {value}</translation>
        </message>
        <message>
            <source>the same product name is on row {row}</source>
            <translation>第 {row} 行有相同的产品名称</translation>
        </message>
        <message>
            <source>a new product needs an English name</source>
            <translation>新产品需要英文名称</translation>
        </message>
        <message>
            <source>unknown import field(s): {fields}</source>
            <translation>未知的导入字段：{fields}</translation>
        </message>
        <message>
            <source>column of {field} is not a column of the sheet</source>
            <translation>{field} 对应的列不在表格中</translation>
        </message>
        <message>
            <source>map a column to Name (English) (or Product ID)</source>
            <translation>请将一列对应到“英文名称”（或“产品编号”）</translation>
        </message>
        <message>
            <source>{label} {problem}</source>
            <translation>{label_zh}：{problem}</translation>
        </message>
        <message>
            <source>is not a product field</source>
            <translation>不是产品字段</translation>
        </message>
        <message>
            <source>is required</source>
            <translation>为必填项</translation>
        </message>
        <message>
            <source>an edit needs the product's id</source>
            <translation>修改产品需要产品编号</translation>
        </message>
        <message>
            <source>must be a positive whole number</source>
            <translation>必须是正整数</translation>
        </message>
        <message>
            <source>may not be empty (null)</source>
            <translation>不能为空（null）</translation>
        </message>
        <message>
            <source>must be text</source>
            <translation>必须是文本</translation>
        </message>
        <message>
            <source>is longer than {limit} characters</source>
            <translation>超过 {limit} 个字符</translation>
        </message>
        <message>
            <source>is not valid text (unpaired surrogate)</source>
            <translation>不是有效的文本（含不成对的代理字符）</translation>
        </message>
        <message>
            <source>contains a NUL character</source>
            <translation>包含 NUL 字符</translation>
        </message>
        <message>
            <source>may not be blank</source>
            <translation>不能为空白</translation>
        </message>
        <message>
            <source>must be a whole number of cents from 0 to 10^13</source>
            <translation>必须是 0 到 10^13 之间的整数（单位：分）</translation>
        </message>
        <message>
            <source>is below the minimum price</source>
            <translation>低于最低价</translation>
        </message>
        <message>
            <source>must be a 3-letter ISO 4217 code such as USD</source>
            <translation>必须是 USD 这样的三字母 ISO 4217 代码</translation>
        </message>
        <message>
            <source>must be a whole number from 1 to 1,000,000,000</source>
            <translation>必须是 1 到 1,000,000,000 之间的整数</translation>
        </message>
        <message>
            <source>must be a whole number of days from 0 to 3650</source>
            <translation>必须是 0 到 3650 之间的整天数</translation>
        </message>
        <message>
            <source>must be true or false</source>
            <translation>必须是“是”或“否”</translation>
        </message>
        <message>
            <source>must be a list of at most 50 names</source>
            <translation>必须是最多 50 个名称的列表</translation>
        </message>
        <message>
            <source>each certification is 1 to 50 characters</source>
            <translation>每项认证为 1 到 50 个字符</translation>
        </message>
        <message>
            <source>must be a list of at most 100 specifications</source>
            <translation>必须是最多 100 项规格参数的列表</translation>
        </message>
        <message>
            <source>must have name_en, name_zh and value only</source>
            <translation>只能包含 name_en、name_zh 和 value</translation>
        </message>
        <message>
            <source>is required (at most 200 characters)</source>
            <translation>为必填项（最多 200 个字符）</translation>
        </message>
        <message>
            <source>is at most 200 characters</source>
            <translation>最多 200 个字符</translation>
        </message>
        <message>
            <source>is required (at most 500 characters)</source>
            <translation>为必填项（最多 500 个字符）</translation>
        </message>
        <message>
            <source>a product has at most {max} images</source>
            <translation>每个产品最多 {max} 张图片</translation>
        </message>
        <message>
            <source>must be attachment UUIDs</source>
            <translation>必须是附件 UUID</translation>
        </message>
        <message>
            <source>must be an object</source>
            <translation>必须是对象</translation>
        </message>
        <message>
            <source>unknown field</source>
            <translation>未知字段</translation>
        </message>
        <message>
            <source>at least one line item</source>
            <translation>至少需要一个明细行</translation>
        </message>
        <message>
            <source>at most {max} line items</source>
            <translation>最多 {max} 个明细行</translation>
        </message>
        <message>
            <source>must be a product id or empty</source>
            <translation>必须是产品编号或留空</translation>
        </message>
        <message>
            <source>must not be empty</source>
            <translation>不能为空</translation>
        </message>
        <message>
            <source>at most {max} characters</source>
            <translation>最多 {max} 个字符</translation>
        </message>
        <message>
            <source>must not contain NUL characters</source>
            <translation>不能包含 NUL 字符</translation>
        </message>
        <message>
            <source>must not be blank</source>
            <translation>不能为空白</translation>
        </message>
        <message>
            <source>contains an unpaired surrogate</source>
            <translation>包含不成对的代理字符</translation>
        </message>
        <message>
            <source>{value} is not a decimal number (digits, at most 6 decimals, e.g. “1000” or “2.5”)</source>
            <translation>{value} 不是十进制数（只含数字，最多 6 位小数，例如“1000”或“2.5”）</translation>
        </message>
        <message>
            <source>must be positive</source>
            <translation>必须大于 0</translation>
        </message>
        <message>
            <source>{value} is not a decimal number (digits, at most 4 decimals, e.g. “12.50”)</source>
            <translation>{value} 不是十进制数（只含数字，最多 4 位小数，例如“12.50”）</translation>
        </message>
        <message>
            <source>{value} is not an ISO 4217 currency code</source>
            <translation>{value} 不是 ISO 4217 货币代码</translation>
        </message>
        <message>
            <source>{value} is not an Incoterm 2020 rule ({rules})</source>
            <translation>{value} 不是 2020 年国际贸易术语规则（{rules}）</translation>
        </message>
        <message>
            <source>must be a date YYYY-MM-DD</source>
            <translation>必须是 YYYY-MM-DD 格式的日期</translation>
        </message>
        <message>
            <source>{value} is not a valid date</source>
            <translation>{value} 不是有效日期</translation>
        </message>
        <message>
            <source>must be between 2000 and 2100</source>
            <translation>必须在 2000 年到 2100 年之间</translation>
        </message>
        <message>
            <source>{value} is in the past</source>
            <translation>{value} 已经过去</translation>
        </message>
        <message>
            <source>must be a UTC time YYYY-MM-DDTHH:MM:SSZ</source>
            <translation>必须是 YYYY-MM-DDTHH:MM:SSZ 格式的 UTC 时间</translation>
        </message>
        <message>
            <source>{value} is not a valid time</source>
            <translation>{value} 不是有效时间</translation>
        </message>
        <message>
            <source>{value} is already past; an offer must be valid for a while</source>
            <translation>{value} 已经过去；报价必须保留一段有效期</translation>
        </message>
        <message>
            <source>an offer may be valid for at most a year</source>
            <translation>报价的有效期最长为一年</translation>
        </message>
        <message>
            <source>base_version must be a deal version, got {value}</source>
            <translation>base_version 必须是交易版本号，而不是 {value}</translation>
        </message>
        <message>
            <source>There is no deal {id} on this device.</source>
            <translation>此设备上没有交易 {id}。</translation>
        </message>
        <message>
            <source>You are not a party to this deal.</source>
            <translation>您不是此交易的参与方。</translation>
        </message>
        <message>
            <source>The server did not open this deal: {reason}</source>
            <translation>服务器未开启此交易：{reason}</translation>
        </message>
        <message>
            <source>Your previous change to this deal is still waiting to be sent; wait for its result first.</source>
            <translation>您对此交易的上一次更改仍在等待发送；请先等待其结果。</translation>
        </message>
        <message>
            <source>The offer expired at {until}: it can no longer be accepted; counter it instead.</source>
            <translation>该报价已于 {until} 过期，无法再接受；请改为还价。</translation>
        </message>
        <message>
            <source>You cannot offer now: the deal is {state} (an offer is made on a draft; answer an open offer with a counter-offer).</source>
            <translation>现在不能报价：交易状态为 {state}（报价只能基于草稿提出；对进行中的报价请还价）。</translation>
        </message>
        <message>
            <source>You cannot counter now: the deal is {state} (only the side that did not make the current offer may counter it).</source>
            <translation>现在不能还价：交易状态为 {state}（只有未提出当前报价的一方可以还价）。</translation>
        </message>
        <message>
            <source>You cannot accept now: the deal is {state} (only the side that did not make the current offer may accept it, before it expires).</source>
            <translation>现在不能接受：交易状态为 {state}（只有未提出当前报价的一方可以在报价过期前接受）。</translation>
        </message>
        <message>
            <source>You cannot decline now: the deal is {state} (only the side that did not make the current offer may decline it).</source>
            <translation>现在不能拒绝：交易状态为 {state}（只有未提出当前报价的一方可以拒绝）。</translation>
        </message>
        <message>
            <source>You cannot withdraw now: the deal is {state} (only the side that made the current offer may withdraw it).</source>
            <translation>现在不能撤回：交易状态为 {state}（只有提出当前报价的一方可以撤回）。</translation>
        </message>
        <message>
            <source>You cannot sign now: the deal is {state} (only accepted terms are signed, once by each side).</source>
            <translation>现在不能签署：交易状态为 {state}（只有已接受的条款才能签署，每方签署一次）。</translation>
        </message>
        <message>
            <source>The deal changed meanwhile (it is now version {version}, you looked at version {seen}): look at it again.</source>
            <translation>交易在此期间已更改（现在是第 {version} 版，您查看的是第 {seen} 版）：请重新查看。</translation>
        </message>
        <message>
            <source>Signing is not available: no key store.</source>
            <translation>无法签署：没有密钥存储。</translation>
        </message>
        <message>
            <source>The deal has no accepted terms to sign.</source>
            <translation>此交易没有可签署的已接受条款。</translation>
        </message>
        <message>
            <source>The terms on this device do not match the accepted terms' hash: they will not be signed. Sync again and check the deal.</source>
            <translation>此设备上的条款与已接受条款的哈希值不一致，因此不会签署。请重新同步并检查此交易。</translation>
        </message>
        <message>
            <source>Your account is not synced yet.</source>
            <translation>您的账户尚未同步。</translation>
        </message>
        <message>
            <source>Not connected to a server.</source>
            <translation>未连接到服务器。</translation>
        </message>
        <message>
            <source>The server sent an unexpected reply.</source>
            <translation>服务器返回了意外的回复。</translation>
        </message>
        <message>
            <source>This deal has no terms yet: there is nothing to export.</source>
            <translation>此交易还没有条款，没有可导出的内容。</translation>
        </message>
        <message>
            <source>The deal's history is still downloading; try again after the next sync.</source>
            <translation>交易记录仍在下载中；请在下次同步后重试。</translation>
        </message>
        <message>
            <source>{name} is not a JPEG, PNG or WebP image</source>
            <translation>{name} 不是 JPEG、PNG 或 WebP 图片</translation>
        </message>
        <message>
            <source>{name} is {width}×{height} pixels; images are at most {max} megapixels</source>
            <translation>{name} 为 {width}×{height} 像素；图片最多 {max} 百万像素</translation>
        </message>
        <message>
            <source>{name} is too large in pixels: {error}</source>
            <translation>{name} 像素过大：{error}</translation>
        </message>
        <message>
            <source>{name} is a damaged or unsupported image: {error}</source>
            <translation>{name} 是已损坏或不支持的图片：{error}</translation>
        </message>
        <message>
            <source>cannot copy {name}: {error}</source>
            <translation>无法复制 {name}：{error}</translation>
        </message>
        <message>
            <source>only exhibitor staff have a workspace (no company in this profile)</source>
            <translation>只有展商员工才有工作台（此配置文件中没有公司）</translation>
        </message>
        <message>
            <source>figures cover 1 to 366 days</source>
            <translation>统计数据覆盖 1 到 366 天</translation>
        </message>
        <message>
            <source>only exhibitor staff import products</source>
            <translation>只有展商员工可以导入产品</translation>
        </message>
        <message>
            <source>{count} problem(s) in {name}: fix them first (row {row}: {first})</source>
            <translation>{name} 中有 {count} 个问题：请先修正（第 {row} 行：{first}）</translation>
        </message>
        <message>
            <source>{name} has no products to import</source>
            <translation>{name} 中没有可导入的产品</translation>
        </message>
        <message>
            <source>at most {max} products per import</source>
            <translation>每次导入最多 {max} 个产品</translation>
        </message>
        <message>
            <source>Product ID</source>
            <extracomment>codes whose ``items`` param lists (field or path, problem) pairs, one line each product fields (and the import's field names) as the user reads them</extracomment>
            <translation>产品编号</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>公司</translation>
        </message>
        <message>
            <source>Section</source>
            <translation>展区</translation>
        </message>
        <message>
            <source>Name (English)</source>
            <translation>英文名称</translation>
        </message>
        <message>
            <source>Name (Chinese)</source>
            <translation>中文名称</translation>
        </message>
        <message>
            <source>Description (English)</source>
            <translation>英文描述</translation>
        </message>
        <message>
            <source>Description (Chinese)</source>
            <translation>中文描述</translation>
        </message>
        <message>
            <source>Specifications</source>
            <translation>规格参数</translation>
        </message>
        <message>
            <source>Price min</source>
            <translation>最低价</translation>
        </message>
        <message>
            <source>Price max</source>
            <translation>最高价</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>MOQ</source>
            <translation>起订量</translation>
        </message>
        <message>
            <source>Unit (English)</source>
            <translation>单位（英文）</translation>
        </message>
        <message>
            <source>Unit (Chinese)</source>
            <translation>单位（中文）</translation>
        </message>
        <message>
            <source>Lead time (days)</source>
            <translation>交货期（天）</translation>
        </message>
        <message>
            <source>Certifications</source>
            <translation>认证</translation>
        </message>
        <message>
            <source>Keywords</source>
            <translation>关键词</translation>
        </message>
        <message>
            <source>Hidden</source>
            <translation>隐藏</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>图片</translation>
        </message>
        <message>
            <source>{field}: {problem}</source>
            <translation>{field}：{problem}</translation>
        </message>
        <message>
            <source>; </source>
            <translation>；</translation>
        </message>
    </context>
    <context>
        <name>ProductDialog</name>
        <message>
            <source>New product</source>
            <translation>新产品</translation>
        </message>
        <message>
            <source>Edit product</source>
            <translation>编辑产品</translation>
        </message>
        <message>
            <source>Name (English)</source>
            <translation>名称（英文）</translation>
        </message>
        <message>
            <source>Name (Chinese)</source>
            <translation>名称（中文）</translation>
        </message>
        <message>
            <source>Exhibition section</source>
            <translation>展区</translation>
        </message>
        <message>
            <source>Keywords</source>
            <translation>关键词</translation>
        </message>
        <message>
            <source>Words buyers search for, separated by commas</source>
            <translation>采购商会搜索的词，用逗号分隔</translation>
        </message>
        <message>
            <source>Certifications</source>
            <translation>认证</translation>
        </message>
        <message>
            <source>For example: CE, RoHS, ISO 9001</source>
            <translation>例如：CE, RoHS, ISO 9001</translation>
        </message>
        <message>
            <source>Hidden: buyers do not see this product</source>
            <translation>隐藏：采购商看不到此产品</translation>
        </message>
        <message>
            <source>Section</source>
            <translation>展区</translation>
        </message>
        <message>
            <source>Description (English)</source>
            <translation>描述（英文）</translation>
        </message>
        <message>
            <source>Description (Chinese)</source>
            <translation>描述（中文）</translation>
        </message>
        <message>
            <source>Price from</source>
            <translation>最低价</translation>
        </message>
        <message>
            <source>Price to</source>
            <translation>最高价</translation>
        </message>
        <message>
            <source>e.g. 12.50</source>
            <translation>例如 12.50</translation>
        </message>
        <message>
            <source>Currency</source>
            <translation>币种</translation>
        </message>
        <message>
            <source>Minimum order quantity</source>
            <translation>最小起订量</translation>
        </message>
        <message>
            <source>Unit (English)</source>
            <translation>单位（英文）</translation>
        </message>
        <message>
            <source>Unit (Chinese)</source>
            <translation>单位（中文）</translation>
        </message>
        <message>
            <source>Lead time in days</source>
            <translation>交货期（天）</translation>
        </message>
        <message>
            <source>not given</source>
            <translation>未填写</translation>
        </message>
        <message>
            <source> days</source>
            <translation> 天</translation>
        </message>
        <message>
            <source>FOB price</source>
            <translation>FOB 价格</translation>
        </message>
        <message>
            <source>Minimum order</source>
            <translation>最小起订量</translation>
        </message>
        <message>
            <source>Unit (English / Chinese)</source>
            <translation>单位（英文 / 中文）</translation>
        </message>
        <message>
            <source>Lead time</source>
            <translation>交货期</translation>
        </message>
        <message>
            <source>Specifications</source>
            <translation>规格参数</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>数值</translation>
        </message>
        <message>
            <source>Add a row</source>
            <translation>添加一行</translation>
        </message>
        <message>
            <source>Remove the row</source>
            <translation>删除此行</translation>
        </message>
        <message>
            <source>Product images</source>
            <translation>产品图片</translation>
        </message>
        <message>
            <source>Image {n}</source>
            <translation>图片 {n}</translation>
        </message>
        <message>
            <source>Add images…</source>
            <translation>添加图片…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Move left</source>
            <translation>左移</translation>
        </message>
        <message>
            <source>Move right</source>
            <translation>右移</translation>
        </message>
        <message>
            <source>Up to 8 images (JPEG, PNG or WebP). The first one is the product's picture in the catalog. Large photos are made smaller before they are sent.</source>
            <translation>最多 8 张图片（JPEG、PNG 或 WebP）。第一张是产品在目录中的主图。较大的照片会在发送前缩小。</translation>
        </message>
        <message>
            <source>General</source>
            <translation>常规</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>产品描述</translation>
        </message>
        <message>
            <source>Price and order</source>
            <translation>价格与订购</translation>
        </message>
        <message>
            <source>Images</source>
            <translation>图片</translation>
        </message>
        <message>
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>Choose product images</source>
            <translation>选择产品图片</translation>
        </message>
        <message>
            <source>Images ({patterns})</source>
            <translation>图片 ({patterns})</translation>
        </message>
        <message>
            <source>A product has at most 8 images.</source>
            <translation>每个产品最多 8 张图片。</translation>
        </message>
        <message>
            <source>Not an image that can be used: {names}</source>
            <translation>不是可用的图片：{names}</translation>
        </message>
        <message>
            <source>The English name is required.</source>
            <translation>必须填写英文名称。</translation>
        </message>
        <message>
            <source>Choose the exhibition section of the product.</source>
            <translation>请选择产品所属的展区。</translation>
        </message>
        <message>
            <source>A price is a number such as 12.50.</source>
            <translation>价格应为数字，例如 12.50。</translation>
        </message>
        <message>
            <source>The lowest price is higher than the highest price.</source>
            <translation>最低价高于最高价。</translation>
        </message>
        <message>
            <source>The currency is a three-letter code such as USD.</source>
            <translation>币种为三位字母代码，例如 USD。</translation>
        </message>
        <message>
            <source>Specification row {n} needs an English name and a value.</source>
            <translation>规格参数第 {n} 行需要英文名称和数值。</translation>
        </message>
        <message>
            <source>A certification name has at most 50 characters.</source>
            <translation>认证名称最多 50 个字符。</translation>
        </message>
    </context>
    <context>
        <name>ProductPage</name>
        <message>
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <source>Product image</source>
            <translation>产品图片</translation>
        </message>
        <message>
            <source>Image</source>
            <translation>图片</translation>
        </message>
        <message>
            <source>Image gallery</source>
            <translation>图片库</translation>
        </message>
        <message>
            <source>Not cached: shown from the server</source>
            <translation>未缓存：内容来自服务器</translation>
        </message>
        <message>
            <source>Open the exhibitor's booth</source>
            <translation>打开展商的展位</translation>
        </message>
        <message>
            <source>Add to shortlist</source>
            <translation>加入收藏</translation>
        </message>
        <message>
            <source>Add or remove this product from the shortlist</source>
            <translation>将此产品加入或移出收藏</translation>
        </message>
        <message>
            <source>Contact exhibitor</source>
            <translation>联系展商</translation>
        </message>
        <message>
            <source>Open the conversation with this exhibitor and share this product in it</source>
            <translation>打开与此展商的会话并分享此产品</translation>
        </message>
        <message>
            <source>Negotiate…</source>
            <translation>洽谈…</translation>
        </message>
        <message>
            <source>Open a deal with this exhibitor for this product: offer, counter-offer, sign</source>
            <translation>就此产品与该展商开启交易：报价、还价、签署</translation>
        </message>
        <message>
            <source>FOB price</source>
            <translation>FOB 价格</translation>
        </message>
        <message>
            <source>Minimum order</source>
            <translation>最小起订量</translation>
        </message>
        <message>
            <source>Lead time</source>
            <translation>交货期</translation>
        </message>
        <message>
            <source>Certifications</source>
            <translation>认证</translation>
        </message>
        <message>
            <source>Keywords</source>
            <translation>关键词</translation>
        </message>
        <message>
            <source>Product no.</source>
            <translation>产品编号</translation>
        </message>
        <message>
            <source>Description</source>
            <translation>产品描述</translation>
        </message>
        <message>
            <source>Specifications</source>
            <translation>规格参数</translation>
        </message>
        <message>
            <source>This product is not available offline.</source>
            <translation>此产品无法离线查看。</translation>
        </message>
        <message>
            <source>Booth: {name}</source>
            <translation>展位：{name}</translation>
        </message>
        <message numerus="yes">
            <source>%Ln day(s)</source>
            <translation>
                <numerusform>%Ln 天</numerusform>
            </translation>
        </message>
        <message>
            <source>Specification</source>
            <translation>规格</translation>
        </message>
        <message>
            <source>Value</source>
            <translation>数值</translation>
        </message>
        <message>
            <source>No deal opened</source>
            <translation>未开启交易</translation>
        </message>
        <message>
            <source>Message not sent</source>
            <translation>消息未发送</translation>
        </message>
        <message>
            <source>Remove from shortlist</source>
            <translation>移出收藏</translation>
        </message>
    </context>
    <context>
        <name>QrDialog</name>
        <message>
            <source>My card as a QR code</source>
            <translation>我的名片二维码</translation>
        </message>
        <message>
            <source>QR code of my card</source>
            <translation>我的名片二维码</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>关闭</translation>
        </message>
    </context>
    <context>
        <name>RunPage</name>
        <message>
            <source>Import</source>
            <translation>导入</translation>
        </message>
        <message>
            <source>All products are imported together, or none: if the fair refuses a row, nothing changes.</source>
            <translation>所有产品一起导入，或者全部不导入：如果展会拒绝任何一行，则不会有任何更改。</translation>
        </message>
        <message>
            <source>Row</source>
            <translation>行</translation>
        </message>
        <message>
            <source>Column</source>
            <translation>列</translation>
        </message>
        <message>
            <source>Problem</source>
            <translation>问题</translation>
        </message>
    </context>
    <context>
        <name>SearchPage</name>
        <message>
            <source>Search</source>
            <translation>搜索</translation>
        </message>
        <message>
            <source>Search products in English or Chinese…</source>
            <translation>用中文或英文搜索产品…</translation>
        </message>
        <message>
            <source>Search text</source>
            <translation>搜索内容</translation>
        </message>
        <message>
            <source>Section filter</source>
            <translation>展区筛选</translation>
        </message>
        <message>
            <source>Category filter</source>
            <translation>类别筛选</translation>
        </message>
        <message>
            <source>Minimum price</source>
            <translation>最低价格</translation>
        </message>
        <message>
            <source>Maximum price</source>
            <translation>最高价格</translation>
        </message>
        <message>
            <source>any</source>
            <translation>不限</translation>
        </message>
        <message>
            <source>Maximum MOQ</source>
            <translation>最大起订量</translation>
        </message>
        <message>
            <source>Sort order</source>
            <translation>排序方式</translation>
        </message>
        <message>
            <source>Best match</source>
            <translation>最佳匹配</translation>
        </message>
        <message>
            <source>Price: low to high</source>
            <translation>价格从低到高</translation>
        </message>
        <message>
            <source>Price: high to low</source>
            <translation>价格从高到低</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>Certification filter</source>
            <translation>认证筛选</translation>
        </message>
        <message>
            <source>Grid</source>
            <translation>网格</translation>
        </message>
        <message>
            <source>Show results as a grid</source>
            <translation>以网格显示结果</translation>
        </message>
        <message>
            <source>List</source>
            <translation>列表</translation>
        </message>
        <message>
            <source>Show results as a list</source>
            <translation>以列表显示结果</translation>
        </message>
        <message>
            <source>Search the whole fair</source>
            <translation>搜索全展会</translation>
        </message>
        <message>
            <source>Search the whole fair on the server, including sections not cached</source>
            <translation>在服务器上搜索全展会，包括未缓存的展区</translation>
        </message>
        <message>
            <source>Online</source>
            <translation>在线</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>搜索结果</translation>
        </message>
        <message>
            <source>Section</source>
            <translation>展区</translation>
        </message>
        <message>
            <source>Category</source>
            <translation>类别</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>价格</translation>
        </message>
        <message>
            <source>Max MOQ</source>
            <translation>最大起订量</translation>
        </message>
        <message>
            <source>Certification</source>
            <translation>认证</translation>
        </message>
        <message>
            <source>Sort</source>
            <translation>排序</translation>
        </message>
        <message>
            <source>All sections</source>
            <translation>全部展区</translation>
        </message>
        <message>
            <source>All categories</source>
            <translation>全部类别</translation>
        </message>
        <message>
            <source>Any certification</source>
            <translation>不限认证</translation>
        </message>
        <message>
            <source>Searching the whole fair…</source>
            <translation>正在搜索全展会…</translation>
        </message>
        <message>
            <source>The whole-fair search failed: {error}</source>
            <translation>全展会搜索失败：{error}</translation>
        </message>
        <message numerus="yes">
            <source>%Ln result(s) in the offline cache</source>
            <translation>
                <numerusform>离线缓存中有 %Ln 条结果</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>More than %Ln results in the offline cache</source>
            <translation>
                <numerusform>离线缓存中超过 %Ln 条结果</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln more from sections not cached (online)</source>
            <translation>
                <numerusform>另有 %Ln 条来自未缓存展区（在线）</numerusform>
            </translation>
        </message>
        <message>
            <source>no more in the sections not cached (online)</source>
            <translation>未缓存展区（在线）中没有更多结果</translation>
        </message>
        <message>
            <source>Available when FairDesk is online</source>
            <translation>FairDesk 联网后可用</translation>
        </message>
        <message>
            <source>From the whole fair (not cached)</source>
            <translation>来自全展会（未缓存）</translation>
        </message>
    </context>
    <context>
        <name>SectionPicker</name>
        <message numerus="yes">
            <source>%Ln product(s)</source>
            <translation>
                <numerusform>%Ln 件产品</numerusform>
            </translation>
        </message>
        <message>
            <source>{name} · {products} · about {size}</source>
            <translation>{name} · {products} · 约 {size}</translation>
        </message>
        <message>
            <source>Sections to follow</source>
            <translation>要关注的展区</translation>
        </message>
        <message>
            <source>{sections} selected: {products}, about {size} to download</source>
            <translation>已选 {sections}：{products}，下载约 {size}</translation>
        </message>
        <message numerus="yes">
            <source>%Ln section(s)</source>
            <translation>
                <numerusform>%Ln 个展区</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SectionsDialog</name>
        <message>
            <source>Sections to keep offline</source>
            <translation>离线保存的展区</translation>
        </message>
        <message>
            <source>Download selected</source>
            <translation>下载所选展区</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>The booth directory is always available. Choose the exhibition sections whose products you want on this computer, to browse and search them offline. Unchecked sections are removed from this computer.</source>
            <translation>展位名录始终可用。请选择要保存在本机的展区产品，以便离线浏览和搜索。取消勾选的展区将从本机移除。</translation>
        </message>
    </context>
    <context>
        <name>SettingsDialog</name>
        <message>
            <source>Settings</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>Time zone</source>
            <translation>时区</translation>
        </message>
        <message>
            <source>System time zone</source>
            <translation>系统时区</translation>
        </message>
        <message>
            <source>Low-data mode</source>
            <translation>省流量模式</translation>
        </message>
        <message>
            <source>Off: load every image</source>
            <translation>关闭：加载全部图片</translation>
        </message>
        <message>
            <source>Thumbnails only</source>
            <translation>仅缩略图</translation>
        </message>
        <message>
            <source>Text only: no images</source>
            <translation>仅文字：不加载图片</translation>
        </message>
        <message>
            <source>Image cache size limit</source>
            <translation>图片缓存上限</translation>
        </message>
        <message>
            <source>Cache location</source>
            <translation>缓存位置</translation>
        </message>
        <message>
            <source>Measuring…</source>
            <translation>正在统计…</translation>
        </message>
        <message>
            <source>Cache usage</source>
            <translation>缓存占用</translation>
        </message>
        <message>
            <source>Clear image cache</source>
            <translation>清除图片缓存</translation>
        </message>
        <message>
            <source>Delete every downloaded image</source>
            <translation>删除所有已下载的图片</translation>
        </message>
        <message>
            <source>Sign out</source>
            <translation>退出登录</translation>
        </message>
        <message>
            <source>Sign out and forget the saved password token</source>
            <translation>退出登录并删除已保存的登录凭据</translation>
        </message>
        <message>
            <source>Signed in as {name}</source>
            <translation>当前登录：{name}</translation>
        </message>
        <message>
            <source>Not signed in</source>
            <translation>未登录</translation>
        </message>
        <message>
            <source>General</source>
            <translation>常规</translation>
        </message>
        <message>
            <source>Offline cache</source>
            <translation>离线缓存</translation>
        </message>
        <message>
            <source>Location</source>
            <translation>位置</translation>
        </message>
        <message>
            <source>In use</source>
            <translation>已占用</translation>
        </message>
        <message>
            <source>Image cache limit</source>
            <translation>图片缓存上限</translation>
        </message>
        <message>
            <source>Account</source>
            <translation>账号</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>确定</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>{products}, {companies}: {db}; images: {img}</source>
            <translation>{products}，{companies}：{db}；图片：{img}</translation>
        </message>
        <message numerus="yes">
            <source>%Ln product(s)</source>
            <translation>
                <numerusform>%Ln 件产品</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln booth(s)</source>
            <translation>
                <numerusform>%Ln 个展位</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Shortlist</name>
        <message>
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <source>Booth</source>
            <translation>展位</translation>
        </message>
        <message>
            <source>FOB price</source>
            <translation>FOB 价格</translation>
        </message>
        <message>
            <source>Minimum order</source>
            <translation>最小起订量</translation>
        </message>
        <message>
            <source>Lead time (days)</source>
            <translation>交货期（天）</translation>
        </message>
        <message>
            <source>Certifications</source>
            <translation>认证</translation>
        </message>
    </context>
    <context>
        <name>ShortlistPage</name>
        <message>
            <source>Shortlist</source>
            <translation>收藏夹</translation>
        </message>
        <message>
            <source>Shortlisted products and booths</source>
            <translation>已收藏的产品和展位</translation>
        </message>
        <message>
            <source>Open</source>
            <translation>打开</translation>
        </message>
        <message>
            <source>Note and tags…</source>
            <translation>备注和标签…</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>移除</translation>
        </message>
        <message>
            <source>Compare selected</source>
            <translation>对比所选</translation>
        </message>
        <message>
            <source>Export CSV…</source>
            <translation>导出 CSV…</translation>
        </message>
        <message>
            <source>Negotiate…</source>
            <translation>洽谈…</translation>
        </message>
        <message>
            <source>Open a deal for the selected products (all of one exhibitor)</source>
            <translation>为所选产品开启交易（须属于同一展商）</translation>
        </message>
        <message>
            <source>Select two to four products to compare them side by side</source>
            <translation>选择二至四个产品进行并排对比</translation>
        </message>
        <message>
            <source>Open the selected entry</source>
            <translation>打开所选条目</translation>
        </message>
        <message>
            <source>Edit the note and tags of the selected entry</source>
            <translation>编辑所选条目的备注和标签</translation>
        </message>
        <message>
            <source>Remove the selected entries from the shortlist</source>
            <translation>将所选条目移出收藏</translation>
        </message>
        <message>
            <source>Compare the selected products</source>
            <translation>对比所选产品</translation>
        </message>
        <message>
            <source>Export the shortlist as a CSV file</source>
            <translation>将收藏导出为 CSV 文件</translation>
        </message>
        <message>
            <source>Your shortlist is empty. Open a product or a booth and choose “Add to shortlist” to keep it here with your notes.</source>
            <translation>收藏夹是空的。打开产品或展位并点击“加入收藏”，即可连同备注一起保存在这里。</translation>
        </message>
        <message>
            <source>Product comparison</source>
            <translation>产品对比</translation>
        </message>
        <message>
            <source>Comparison</source>
            <translation>对比</translation>
        </message>
        <message>
            <source>(not in the offline cache: #{id})</source>
            <translation>（不在离线缓存中：#{id}）</translation>
        </message>
        <message>
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <source>Booth</source>
            <translation>展位</translation>
        </message>
        <message>
            <source>Kind</source>
            <translation>类型</translation>
        </message>
        <message>
            <source>Name</source>
            <translation>名称</translation>
        </message>
        <message>
            <source>FOB price</source>
            <translation>FOB 价格</translation>
        </message>
        <message>
            <source>Note</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Tags</source>
            <translation>标签</translation>
        </message>
        <message>
            <source>{products} and {booths} on your shortlist</source>
            <translation>收藏夹中有 {products}和 {booths}</translation>
        </message>
        <message numerus="yes">
            <source>%Ln product(s)</source>
            <translation>
                <numerusform>%Ln 件产品</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln booth(s)</source>
            <translation>
                <numerusform>%Ln 个展位</numerusform>
            </translation>
        </message>
        <message>
            <source>No deal opened</source>
            <translation>未开启交易</translation>
        </message>
        <message numerus="yes">
            <source>Exported %Ln entr(y/ies) to {path}</source>
            <translation>
                <numerusform>已导出 %Ln 条记录到 {path}</numerusform>
            </translation>
        </message>
        <message>
            <source>Note and tags</source>
            <translation>备注和标签</translation>
        </message>
        <message>
            <source>Export shortlist</source>
            <translation>导出收藏</translation>
        </message>
        <message>
            <source>CSV files (*.csv)</source>
            <translation>CSV 文件 (*.csv)</translation>
        </message>
        <message>
            <source>The file could not be written: {error}</source>
            <translation>无法写入文件：{error}</translation>
        </message>
    </context>
    <context>
        <name>Smoke</name>
        <message>
            <source>Purchasing manager</source>
            <translation>采购经理</translation>
        </message>
        <message>
            <source>Hello, could you send me your price list and the minimum order quantity?</source>
            <translation>您好，能否发给我价格表和最小起订量？</translation>
        </message>
    </context>
    <context>
        <name>StartupSplash</name>
        <message>
            <source>Starting FairDesk</source>
            <translation>正在启动 FairDesk</translation>
        </message>
        <message>
            <source>FairDesk</source>
            <translation>FairDesk</translation>
        </message>
        <message>
            <source>Starting the demo fair…</source>
            <translation>正在启动演示展会…</translation>
        </message>
        <message>
            <source>Start progress</source>
            <translation>启动进度</translation>
        </message>
        <message>
            <source>Starting the demo fair: {stage}</source>
            <translation>正在启动演示展会：{stage}</translation>
        </message>
    </context>
    <context>
        <name>StatusBar</name>
        <message>
            <source>Connection state</source>
            <translation>连接状态</translation>
        </message>
        <message>
            <source>Sync progress</source>
            <translation>同步进度</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Pause the download; it resumes on the next start or with Sync now (F5)</source>
            <translation>暂停下载；下次启动或“立即同步”(F5) 时继续</translation>
        </message>
        <message>
            <source>Pause the download</source>
            <translation>暂停下载</translation>
        </message>
        <message>
            <source>Last synced</source>
            <translation>上次同步</translation>
        </message>
        <message>
            <source>Items waiting to send</source>
            <translation>待发送项目</translation>
        </message>
        <message>
            <source>Storage used</source>
            <translation>已用存储</translation>
        </message>
        <message>
            <source>Low-data mode</source>
            <translation>省流量模式</translation>
        </message>
        <message numerus="yes">
            <source>Downloading: %Ln item(s)</source>
            <translation>
                <numerusform>正在下载：%Ln 项</numerusform>
            </translation>
        </message>
        <message>
            <source>{rate}/s</source>
            <translation>{rate}/秒</translation>
        </message>
        <message>
            <source>⏸ Download paused</source>
            <translation>⏸ 下载已暂停</translation>
        </message>
        <message numerus="yes">
            <source>%Ln waiting to send</source>
            <translation>
                <numerusform>%Ln 项待发送</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%Ln min ago</source>
            <translation>
                <numerusform>%Ln 分钟前</numerusform>
            </translation>
        </message>
        <message>
            <source>{products} cached · {size}</source>
            <translation>已缓存 {products} · {size}</translation>
        </message>
        <message numerus="yes">
            <source>%Ln product(s)</source>
            <translation>
                <numerusform>%Ln 件产品</numerusform>
            </translation>
        </message>
        <message>
            <source>{eta} left</source>
            <translation>剩余 {eta}</translation>
        </message>
        <message>
            <source>Download paused: it resumes on the next start or with Sync now (F5).</source>
            <translation>下载已暂停：下次启动或“立即同步”(F5) 时继续。</translation>
        </message>
        <message>
            <source>● Online</source>
            <translation>● 在线</translation>
        </message>
        <message>
            <source>○ Offline: showing cached data</source>
            <translation>○ 离线：显示缓存数据</translation>
        </message>
        <message>
            <source>⟳ Syncing…</source>
            <translation>⟳ 正在同步…</translation>
        </message>
        <message>
            <source>⚠ Sync problem</source>
            <translation>⚠ 同步出现问题</translation>
        </message>
        <message>
            <source>Signed out</source>
            <translation>已退出登录</translation>
        </message>
        <message>
            <source>Last synced: {when}</source>
            <translation>上次同步：{when}</translation>
        </message>
        <message>
            <source>Not synced yet</source>
            <translation>尚未同步</translation>
        </message>
        <message>
            <source>just now</source>
            <translation>刚刚</translation>
        </message>
        <message>
            <source>Low data: thumbnails only</source>
            <translation>省流量：仅缩略图</translation>
        </message>
        <message>
            <source>Low data: text only</source>
            <translation>省流量：仅文字</translation>
        </message>
    </context>
    <context>
        <name>TermsEditor</name>
        <message>
            <source>Terms editor</source>
            <translation>条款编辑器</translation>
        </message>
        <message>
            <source>Line items</source>
            <translation>明细行</translation>
        </message>
        <message>
            <source>Add line</source>
            <translation>添加行</translation>
        </message>
        <message>
            <source>Add a line item</source>
            <translation>添加一行明细</translation>
        </message>
        <message>
            <source>Remove line</source>
            <translation>删除行</translation>
        </message>
        <message>
            <source>Remove the selected line item</source>
            <translation>删除所选明细行</translation>
        </message>
        <message>
            <source>Totals</source>
            <translation>合计</translation>
        </message>
        <message>
            <source>Incoterm</source>
            <translation>贸易术语</translation>
        </message>
        <message>
            <source>The Incoterms 2020 rule: who pays and bears the risk of transport up to which point</source>
            <translation>国际贸易术语 2020 规则：运输费用和风险由谁承担、承担到哪一点</translation>
        </message>
        <message>
            <source>Named place</source>
            <translation>指定地点</translation>
        </message>
        <message>
            <source>Named place, e.g. Ningbo port</source>
            <translation>指定地点，例如宁波港</translation>
        </message>
        <message>
            <source>Delivery date</source>
            <translation>交货日期</translation>
        </message>
        <message>
            <source>Payment terms</source>
            <translation>付款条件</translation>
        </message>
        <message>
            <source>e.g. 30% deposit, 70% against B/L copy</source>
            <translation>例如：30% 定金，70% 见提单副本付款</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <source>Until when the other side may accept this offer (your local time)</source>
            <translation>对方可接受此报价的截止时间（您的本地时间）</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Anything else both sides agree on (optional)</source>
            <translation>双方约定的其他事项（可选）</translation>
        </message>
        <message>
            <source>Problems with these terms</source>
            <translation>这些条款的问题</translation>
        </message>
        <message>
            <source>Incoterm and place</source>
            <translation>贸易术语和地点</translation>
        </message>
        <message>
            <source>Offer valid until</source>
            <translation>报价有效期至</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>总额</translation>
        </message>
        <message>
            <source>… and {n} more</source>
            <translation>……另有 {n} 项</translation>
        </message>
        <message>
            <source>Please correct these terms before sending:</source>
            <translation>发送前请更正以下条款：</translation>
        </message>
    </context>
    <context>
        <name>TermsSummary</name>
        <message>
            <source>Line items of the current offer</source>
            <translation>当前报价的明细行</translation>
        </message>
        <message>
            <source>Incoterm and place</source>
            <translation>贸易术语和地点</translation>
        </message>
        <message>
            <source>Delivery date</source>
            <translation>交货日期</translation>
        </message>
        <message>
            <source>Payment terms</source>
            <translation>付款条件</translation>
        </message>
        <message>
            <source>Valid until</source>
            <translation>有效期至</translation>
        </message>
        <message>
            <source>Notes</source>
            <translation>备注</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>总额</translation>
        </message>
        <message>
            <source>{time} (expired)</source>
            <translation>{time}（已过期）</translation>
        </message>
    </context>
    <context>
        <name>Workspace</name>
        <message>
            <source>Booth visits</source>
            <extracomment>the charted figures: (key, colour); the captions are translated in ``figure_caption`` the entity types of the company scope that change what the workspace shows</extracomment>
            <translation>展位访问</translation>
        </message>
        <message>
            <source>Product views</source>
            <translation>产品浏览</translation>
        </message>
        <message>
            <source>Inquiries</source>
            <translation>询盘</translation>
        </message>
        <message>
            <source>Deals</source>
            <translation>交易</translation>
        </message>
        <message>
            <source>Authorizations</source>
            <translation>授权</translation>
        </message>
        <message>
            <source>Card requests</source>
            <translation>名片请求</translation>
        </message>
    </context>
    <context>
        <name>WorkspacePage</name>
        <message>
            <source>Workspace</source>
            <translation>工作台</translation>
        </message>
        <message>
            <source>Review…</source>
            <translation>查看…</translation>
        </message>
        <message>
            <source>Edit catalog</source>
            <translation>编辑产品目录</translation>
        </message>
        <message>
            <source>Add a product…</source>
            <translation>添加产品…</translation>
        </message>
        <message>
            <source>Import a spreadsheet…</source>
            <translation>导入表格…</translation>
        </message>
        <message>
            <source>Edit booth</source>
            <translation>编辑展位</translation>
        </message>
        <message>
            <source>All leads</source>
            <translation>全部潜在客户</translation>
        </message>
        <message>
            <source>Messages</source>
            <translation>消息</translation>
        </message>
        <message>
            <source>Most viewed products</source>
            <translation>浏览最多的产品</translation>
        </message>
        <message>
            <source>Recent leads</source>
            <translation>最近的潜在客户</translation>
        </message>
        <message>
            <source>No product views in these 30 days yet.</source>
            <translation>最近 30 天还没有产品浏览。</translation>
        </message>
        <message>
            <source>No leads yet: buyers who authorize you, write to you or open a deal appear here.</source>
            <translation>暂无潜在客户：授权您、给您发消息或发起交易的采购商会显示在这里。</translation>
        </message>
        <message>
            <source>Most viewed products (30 days)</source>
            <translation>浏览最多的产品（30 天）</translation>
        </message>
        <message>
            <source>Figures by day</source>
            <translation>每日数据</translation>
        </message>
        <message>
            <source>The workspace is for exhibitor staff.</source>
            <translation>工作台仅供展商员工使用。</translation>
        </message>
        <message>
            <source>Your workspace · booth {booth}</source>
            <translation>您的工作台 · 展位 {booth}</translation>
        </message>
        <message>
            <source>Your workspace</source>
            <translation>您的工作台</translation>
        </message>
        <message>
            <source>colleagues join with the staff code {code}</source>
            <translation>同事可用员工代码 {code} 加入</translation>
        </message>
        <message>
            <source>Your company's data has not arrived yet: it downloads with the next sync.</source>
            <translation>贵公司的数据尚未到达：将在下次同步时下载。</translation>
        </message>
        <message>
            <source>{first} to {last} (UTC days)</source>
            <translation>{first} 至 {last}（UTC 日期）</translation>
        </message>
        <message>
            <source>Buyer</source>
            <translation>采购商</translation>
        </message>
        <message>
            <source>Company</source>
            <translation>公司</translation>
        </message>
        <message>
            <source>Country</source>
            <translation>国家</translation>
        </message>
        <message>
            <source>Last contact</source>
            <translation>最近联系</translation>
        </message>
        <message numerus="yes">
            <source>%Ln product edit(s) clashed with a change saved meanwhile on another PC. Nothing was overwritten: choose which version to keep.</source>
            <translation>
                <numerusform>%Ln 项产品修改与另一台电脑同时保存的更改冲突。没有任何内容被覆盖：请选择要保留的版本。</numerusform>
            </translation>
        </message>
        <message>
            <source>Product</source>
            <translation>产品</translation>
        </message>
        <message>
            <source>Views</source>
            <translation>浏览量</translation>
        </message>
        <message>
            <source>Product {id}</source>
            <translation>产品 {id}</translation>
        </message>
    </context>
</TS>
