site-name = 云上展会
nav-skip-to-content = 跳到正文
nav-main-label = 主要栏目
nav-menu = 菜单
nav-halls = 展馆
nav-live = 直播
nav-matchmaking = 供采对接
nav-messages = 消息
nav-dashboard = 数据看板
nav-language-label = 语言
nav-theme-dark = 深色主题
nav-login = 登录
nav-register = 注册
nav-logout = 退出登录
nav-back-home = 返回展会首页
footer-standard = 依据《数字国际会展指导标准》建设。

coming-soon = 即将上线
coming-live = 观看展商直播、开幕式和主题论坛，现场提问，会后回放。
coming-matchmaking = 为您精准匹配采购商与展商，推荐理由一目了然，并可预约洽谈。
coming-messages = 与展商、采购商实时聊天，一对一或多方视频会谈。
coming-dashboard = 实时查看访客、线索、洽谈与询盘，并下载报告。

not-found-title = 页面不存在
not-found-body = 您访问的页面不存在或已移动。

error-page-title = 出错了
error-unexpected = 发生了意外错误，请重试。
error-unauthenticated = 请先登录。
error-forbidden = 您没有执行此操作的权限。
error-not-found = 未找到您要的内容。
error-validation = 请修改标出的字段。
error-conflict = 与现有数据冲突。
error-rate-limited = 尝试次数过多，请在 { $seconds } 秒后重试。
error-read-only = 平台正在维护，暂停修改。
error-internal = 服务器出现问题，事件编号 { $incident } 已记录。
error-transport = 无法连接服务器，请检查网络后重试。
error-request-malformed = 无法读取请求，请刷新页面后重试。
error-body-too-large = 请求内容过大。
error-cross-site = 该请求来自其他网站，已被拒绝。

content-original-language = 原文

date-long = { $year }年{ $monthNumber }月{ $day }日
month-1 = 一月
month-2 = 二月
month-3 = 三月
month-4 = 四月
month-5 = 五月
month-6 = 六月
month-7 = 七月
month-8 = 八月
month-9 = 九月
month-10 = 十月
month-11 = 十一月
month-12 = 十二月

error-media-type = 不支持此文件类型。请上传 JPEG、PNG 或 WebP 图片，MP4 或 WebM 视频，PDF 文档或 GLB 3D 模型。
error-media-svg = 不接受 SVG 文件（可能含有脚本），请改传 PNG 或 JPEG。
error-media-too-large = 文件超过了该类型允许的大小。
error-media-empty = 文件为空。
error-media-corrupt = 无法读取该图片，文件可能已损坏。
error-media-incomplete = 上传中断，请重试。
error-text-too-long = 文本过长（最多 4,000 个字符）。
