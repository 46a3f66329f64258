account-email-label = 이메일
account-password-label = 비밀번호
account-menu-label = 계정

login-title = 로그인
login-lead = 다시 오신 것을 환영합니다. 로그인하고 채팅, 미팅, 관심 목록 저장 기능을 이용하세요.
login-submit = 로그인
login-no-account = 처음 방문하셨나요?
login-register-link = 계정 만들기

register-title = 계정 만들기
register-lead = 한 번만 가입하면 모든 전시관을 관람하고, 참가업체와 대화하고, 미팅을 예약할 수 있습니다.
register-password-hint = { $min }자 이상 입력하세요.
register-display-name-label = 이름
register-company-label = 회사명(선택)
register-country-label = 국가 또는 지역
register-country-choose = 선택하세요…
register-language-label = 선호 언어
register-submit = 계정 만들기
register-have-account = 이미 가입하셨나요?
register-login-link = 로그인

error-email-required = 이메일 주소를 입력하세요.
error-email-invalid = 올바른 이메일 주소를 입력하세요(예: name@example.com).
error-email-taken = 이 이메일로 가입된 계정이 이미 있습니다. 로그인해 주세요.
error-password-too-short = 비밀번호가 너무 짧습니다.
error-password-too-long = 비밀번호가 너무 깁니다(최대 128자).
error-password-is-email = 비밀번호는 이메일 주소와 같을 수 없습니다.
error-display-name-required = 이름을 입력하세요.
error-display-name-invalid = 이름이 너무 길거나 사용할 수 없는 문자가 포함되어 있습니다.
error-company-invalid = 회사명이 너무 길거나 사용할 수 없는 문자가 포함되어 있습니다.
error-country-required = 국가 또는 지역을 선택하세요.
error-country-invalid = 목록에서 국가 또는 지역을 선택하세요.
error-language-invalid = 목록에서 언어를 선택하세요.
error-login-failed = 이메일 또는 비밀번호가 올바르지 않습니다.

role-organizer = 주최자
role-exhibitor = 참가업체
role-buyer = 바이어
role-visitor = 관람객
role-consultant = 법률 자문
role-interpreter = 통역사
role-operator = 기술 지원
