site-name = 클라우드 엑스포
nav-skip-to-content = 본문으로 건너뛰기
nav-main-label = 주요 메뉴
nav-menu = 메뉴
nav-halls = 전시관
nav-live = 라이브
nav-matchmaking = 비즈니스 매칭
nav-messages = 메시지
nav-dashboard = 대시보드
nav-language-label = 언어
nav-theme-dark = 다크 테마
nav-login = 로그인
nav-register = 회원가입
nav-logout = 로그아웃
nav-back-home = 전시회 홈으로 돌아가기
footer-standard = 「디지털 국제 전시회 지침 표준」에 따라 구축되었습니다.

coming-soon = 오픈 예정
coming-live = 참가업체 라이브 방송, 개막식, 주제별 포럼을 시청하며 질문하고, 나중에 다시 볼 수 있습니다.
coming-matchmaking = 추천 이유와 함께 적합한 바이어와 참가업체를 연결해 드리며, 미팅도 바로 예약할 수 있습니다.
coming-messages = 참가업체 및 바이어와 실시간으로 채팅하고, 일대일 또는 그룹 화상 미팅을 진행하세요.
coming-dashboard = 방문자, 잠재 고객, 미팅, 문의 현황을 실시간으로 확인하고 보고서를 다운로드하세요.

not-found-title = 페이지를 찾을 수 없습니다
not-found-body = 요청하신 페이지가 존재하지 않거나 다른 곳으로 이동되었습니다.

error-page-title = 문제가 발생했습니다
error-unexpected = 예기치 않은 오류가 발생했습니다. 다시 시도해 주세요.
error-unauthenticated = 계속하려면 로그인해 주세요.
error-forbidden = 이 작업을 수행할 권한이 없습니다.
error-not-found = 요청하신 항목을 찾을 수 없습니다.
error-validation = 표시된 항목을 수정해 주세요.
error-conflict = 기존 데이터와 충돌합니다.
error-rate-limited = 시도 횟수가 너무 많습니다. { $seconds }초 후에 다시 시도해 주세요.
error-read-only = 플랫폼 점검 중입니다. 변경 작업이 일시 중지되었습니다.
error-internal = 서버에서 문제가 발생했습니다. 오류가 기록되었습니다(사건 번호: { $incident }).
error-transport = 서버에 연결할 수 없습니다. 네트워크 연결을 확인한 후 다시 시도해 주세요.
error-request-malformed = 요청을 읽을 수 없습니다. 페이지를 새로고침한 후 다시 시도해 주세요.
error-body-too-large = 요청 크기가 너무 큽니다.
error-cross-site = 다른 사이트에서 보낸 요청이므로 거부되었습니다.

content-original-language = 원문

date-long = { $year }년 { $monthNumber }월 { $day }일
month-1 = 1월
month-2 = 2월
month-3 = 3월
month-4 = 4월
month-5 = 5월
month-6 = 6월
month-7 = 7월
month-8 = 8월
month-9 = 9월
month-10 = 10월
month-11 = 11월
month-12 = 12월

error-media-type = 허용되지 않는 파일 형식입니다. JPEG, PNG, WebP 이미지, MP4 또는 WebM 동영상, PDF 문서, GLB 3D 모델을 업로드하세요.
error-media-svg = SVG 파일은 스크립트를 포함할 수 있어 허용되지 않습니다. PNG 또는 JPEG로 업로드하세요.
error-media-too-large = 파일이 해당 형식의 허용 크기를 초과합니다.
error-media-empty = 파일이 비어 있습니다.
error-media-corrupt = 이미지를 읽을 수 없습니다. 파일이 손상되었을 수 있습니다.
error-media-incomplete = 업로드가 중단되었습니다. 다시 시도하세요.
error-text-too-long = 텍스트가 너무 깁니다(최대 4,000자).
