account-email-label = メールアドレス
account-password-label = パスワード
account-menu-label = アカウント

login-title = ログイン
login-lead = おかえりなさい。ログインすると、チャットや商談、お気に入りの保存ができます。
login-submit = ログイン
login-no-account = 初めてご利用の方
login-register-link = アカウントを作成

register-title = アカウント作成
register-lead = 一度登録するだけで、すべての展示ホールを見学し、出展者と話し、商談を予約できます。
register-password-hint = { $min }文字以上で入力してください。
register-display-name-label = 氏名
register-company-label = 会社名（任意）
register-country-label = 国・地域
register-country-choose = 選択してください…
register-language-label = 希望言語
register-submit = アカウントを作成
register-have-account = すでに登録済みの方
register-login-link = ログイン

error-email-required = メールアドレスを入力してください。
error-email-invalid = 有効なメールアドレスを入力してください（例：name@example.com）。
error-email-taken = このメールアドレスのアカウントはすでに存在します。ログインしてください。
error-password-too-short = パスワードが短すぎます。
error-password-too-long = パスワードが長すぎます（最大128文字）。
error-password-is-email = メールアドレスをパスワードとして使用することはできません。
error-display-name-required = 氏名を入力してください。
error-display-name-invalid = 氏名が長すぎるか、使用できない文字が含まれています。
error-company-invalid = 会社名が長すぎるか、使用できない文字が含まれています。
error-country-required = 国・地域を選択してください。
error-country-invalid = 一覧から国・地域を選択してください。
error-language-invalid = 一覧から言語を選択してください。
error-login-failed = メールアドレスまたはパスワードが正しくありません。

role-organizer = 主催者
role-exhibitor = 出展者
role-buyer = バイヤー
role-visitor = 来場者
role-consultant = 法律顧問
role-interpreter = 通訳者
role-operator = 技術サポート
