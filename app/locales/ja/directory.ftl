# 名簿とエクスポート
directory-exhibitors = 出展者名簿
directory-people = 登録者名簿
directory-total = { $count } 件
directory-export = 表示中の内容をダウンロード：
directory-search = 会社名またはウェブサイト
directory-search-people = 氏名、メール、会社名
directory-products = 製品
directory-team = チーム
directory-name = 氏名
directory-language = 言語
directory-roles = 役割
directory-registered = 登録日時
directory-id = ID
dash-exhibitors-body = すべての出展者とブース、チーム。CSV と XLSX。
dash-people-body = すべての登録者と役割。CSV と XLSX。
