# 명부와 내보내기
directory-exhibitors = 출품사 명부
directory-people = 참가자 명부
directory-total = { $count }건
directory-export = 표시된 내용 내려받기:
directory-search = 회사 또는 웹사이트
directory-search-people = 이름, 이메일 또는 회사
directory-products = 제품
directory-team = 팀
directory-name = 이름
directory-language = 언어
directory-roles = 역할
directory-registered = 가입일
directory-id = ID
dash-exhibitors-body = 모든 출품사와 부스, 팀; CSV와 XLSX.
dash-people-body = 가입한 모든 사람과 역할; CSV와 XLSX.
