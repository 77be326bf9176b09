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
            <source>Save</source>
            <translation>保存</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>取消</translation>
        </message>
    </context>
    <context>
        <name>CardsPage</name>
        <message>
            <source>Cards</source>
            <translation>名片</translation>
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
        <name>MainWindow</name>
        <message>
            <source>FairDesk</source>
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
            <source>Messages ({n})</source>
            <translation>消息 ({n})</translation>
        </message>
        <message>
            <source>{n} unread messages</source>
            <translation>{n} 条未读消息</translation>
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
</TS>
