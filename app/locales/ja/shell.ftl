site-name = クラウドエキスポ
nav-skip-to-content = 本文へスキップ
nav-main-label = メインメニュー
nav-menu = メニュー
nav-halls = 展示ホール
nav-live = ライブ配信
nav-matchmaking = ビジネスマッチング
nav-messages = メッセージ
nav-dashboard = ダッシュボード
nav-language-label = 言語
nav-theme-dark = ダークテーマ
nav-login = ログイン
nav-register = 新規登録
nav-logout = ログアウト
nav-back-home = 展示会トップへ戻る
footer-standard = 「デジタル国際展示会ガイダンス基準」に準拠して構築されています。

coming-soon = 近日公開
coming-live = 出展者のライブ配信、開会式、テーマ別フォーラムを視聴し、その場で質問したり、後から見逃し配信で視聴したりできます。
coming-matchmaking = 最適なバイヤーや出展者を、推薦理由とともにご紹介します。そのまま商談の予約も可能です。
coming-messages = 出展者やバイヤーとリアルタイムでチャットし、1対1またはグループでビデオ商談ができます。
coming-dashboard = 来場者、リード、商談、引き合いの状況をリアルタイムで確認し、レポートをダウンロードできます。

not-found-title = ページが見つかりません
not-found-body = お探しのページは存在しないか、移動した可能性があります。

error-page-title = エラーが発生しました
error-unexpected = 予期しないエラーが発生しました。もう一度お試しください。
error-unauthenticated = 続行するにはログインしてください。
error-forbidden = この操作を行う権限がありません。
error-not-found = お探しの内容が見つかりませんでした。
error-validation = 強調表示された項目を修正してください。
error-conflict = 既存のデータと競合しています。
error-rate-limited = 試行回数が多すぎます。{ $seconds }秒後にもう一度お試しください。
error-read-only = プラットフォームはメンテナンス中のため、変更を一時停止しています。
error-internal = サーバー側で問題が発生しました。インシデント番号 { $incident } として記録されています。
error-transport = サーバーに接続できませんでした。ネットワーク接続を確認して、もう一度お試しください。
error-request-malformed = リクエストを読み取れませんでした。ページを再読み込みして、もう一度お試しください。
error-body-too-large = リクエストのサイズが大きすぎます。
error-cross-site = 他のサイトから送信されたリクエストのため、拒否されました。

content-original-language = 原文

date-long = { $year }年{ $monthNumber }月{ $day }日
month-1 = 1月
month-2 = 2月
month-3 = 3月
month-4 = 4月
month-5 = 5月
month-6 = 6月
month-7 = 7月
month-8 = 8月
month-9 = 9月
month-10 = 10月
month-11 = 11月
month-12 = 12月

error-media-type = このファイル形式は受け付けていません。JPEG・PNG・WebP の画像、MP4・WebM の動画、PDF 文書、GLB の 3D モデルをアップロードしてください。
error-media-svg = SVG ファイルはスクリプトを含む可能性があるため受け付けていません。PNG または JPEG でアップロードしてください。
error-media-too-large = ファイルがこの形式の上限サイズを超えています。
error-media-empty = ファイルが空です。
error-media-corrupt = 画像を読み込めませんでした。ファイルが破損している可能性があります。
error-media-incomplete = アップロードが中断されました。もう一度お試しください。
error-text-too-long = テキストが長すぎます（最大 4,000 文字）。
