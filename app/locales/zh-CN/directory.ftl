# 名录与导出
directory-exhibitors = 展商名录
directory-people = 人员名录
directory-total = 共 { $count } 条
directory-export = 下载当前结果：
directory-search = 公司或网站
directory-search-people = 姓名、邮箱或公司
directory-products = 产品数
directory-team = 团队
directory-name = 姓名
directory-language = 语言
directory-roles = 角色
directory-registered = 注册时间
directory-id = 编号
dash-exhibitors-body = 全部展商及其展位和团队；可导出 CSV 和 XLSX。
dash-people-body = 全部注册人员及其角色；可导出 CSV 和 XLSX。
