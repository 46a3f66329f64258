account-email-label = 电子邮箱
account-password-label = 密码
account-menu-label = 账户

login-title = 登录
login-lead = 欢迎回来。登录后即可聊天、洽谈并收藏展位。
login-submit = 登录
login-no-account = 还没有账户？
login-register-link = 立即注册

register-title = 注册账户
register-lead = 一次注册，即可参观所有展馆、与展商交流并预约洽谈。
register-password-hint = 至少 { $min } 个字符。
register-display-name-label = 姓名
register-company-label = 公司（选填）
register-country-label = 国家或地区
register-country-choose = 请选择…
register-language-label = 首选语言
register-submit = 注册
register-have-account = 已有账户？
register-login-link = 登录

error-email-required = 请输入电子邮箱。
error-email-invalid = 请输入有效的电子邮箱，例如 name@example.com。
error-email-taken = 该邮箱已注册，请直接登录。
error-password-too-short = 密码太短。
error-password-too-long = 密码太长（最多 128 个字符）。
error-password-is-email = 密码不能与邮箱相同。
error-display-name-required = 请输入姓名。
error-display-name-invalid = 姓名过长或包含无效字符。
error-company-invalid = 公司名称过长或包含无效字符。
error-country-required = 请选择国家或地区。
error-country-invalid = 请从列表中选择国家或地区。
error-language-invalid = 请从列表中选择语言。
error-login-failed = 邮箱或密码错误。

role-organizer = 主办方
role-exhibitor = 展商
role-buyer = 采购商
role-visitor = 观众
role-consultant = 法律顾问
role-interpreter = 翻译
role-operator = 技术保障
