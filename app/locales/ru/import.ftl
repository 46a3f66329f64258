# Массовый импорт
import-title = Импорт из таблицы
import-lead = Загрузите экспонентов, товары или покупателей в формате CSV или XLSX (не более { $max } строк). Ничего не будет записано, пока вы не посмотрите результаты проверки и не решите импортировать.
import-kind = Что в файле
import-kind-exhibitors = Экспоненты и стенды
import-kind-products = Товары
import-kind-buyers = Покупатели
import-language = Язык текстов
import-language-hint = Названия и описания сохраняются на этом языке.
import-file = Файл
import-file-hint = CSV (UTF-8; разделитель — запятая, точка с запятой или табуляция) или XLSX; в первой строке — названия столбцов; не более 5 MB.
import-check = Проверить файл
import-columns = Столбцы
import-template = Шаблон
import-template-csv = Пустой шаблон CSV
import-required = (обязательно)
import-columns-hint = Столбцы, отмеченные *, обязательны. Заголовки можно писать в любом регистре и в любом порядке. Стенды сопоставляются по павильону и номеру стенда, товары — по стенду и названию, покупатели — по электронной почте: при повторном импорте файла эти строки обновляются, а не добавляются второй раз.
import-recent = Последние импорты
import-none = Импортов пока не было.
import-when = Загружен
import-valid = Корректные строки
import-refused = Строки с ошибками
import-state = Состояние
import-state-imported = Импортирован
import-state-preview = Проверен, не импортирован
import-preview = Проверка импорта
import-count-total = { $count ->
    [one] В файле { $count } строка
    [few] В файле { $count } строки
    [many] В файле { $count } строк
   *[other] В файле { $count } строки
}
import-count-valid = { $count ->
    [one] { $count } корректная строка
    [few] { $count } корректные строки
    [many] { $count } корректных строк
   *[other] { $count } корректной строки
}
import-count-refused = { $count ->
    [one] { $count } строка с ошибками (не будет импортирована)
    [few] { $count } строки с ошибками (не будут импортированы)
    [many] { $count } строк с ошибками (не будут импортированы)
   *[other] { $count } строки с ошибками (не будут импортированы)
}
import-count-will-create = Новых: { $count }
import-count-will-update = Уже есть, будут обновлены: { $count }
import-count-created = Создано: { $count }
import-count-updated = Обновлено: { $count }
import-commit = { $count ->
    [one] Импортировать { $count } корректную строку
    [few] Импортировать { $count } корректные строки
    [many] Импортировать { $count } корректных строк
   *[other] Импортировать { $count } корректной строки
}
import-commit-hint = Все корректные строки импортируются вместе — или ни одна, если за это время что-то изменилось.
import-errors = Найденные ошибки
import-error-report = Скачать отчёт об ошибках (CSV)
import-errors-more = Всего ошибок: { $count }; в отчёте перечислены все.
import-line = Строка
import-column = Столбец
import-value = Значение
import-problem = Ошибка
import-sample = Первые корректные строки
import-missing-columns = Не хватает столбцов:
import-unknown-columns = Столбцы, не предусмотренные для этого типа:
dash-import-body = Экспоненты, товары и покупатели из CSV или XLSX с предварительной проверкой.
import-error-empty = Файл пуст.
import-error-too-large = Файл больше 5 MB. Разделите его на файлы поменьше.
import-error-too-many-rows = В файле слишком много строк. Разделите его на файлы не более чем по 10 000 строк.
import-error-encoding = Файл не в кодировке UTF-8. Сохраните его в табличном редакторе как «CSV UTF-8» или XLSX.
import-error-unreadable = Это не файл CSV или XLSX, либо он повреждён.
import-error-columns = Столбцы не подходят для этого типа импорта. Возьмите за основу шаблон.
import-error-formula = Формулы не импортируются. Вставьте вместо них значения.
import-error-cell-too-long = Слишком длинное содержимое ячейки (не более 4000 символов).
import-error-characters = В ячейке есть управляющие символы.
import-error-extra-cells = В этой строке больше ячеек, чем столбцов в заголовке.
import-error-required = Эту ячейку нужно заполнить.
import-error-company = Название компании должно быть одной строкой не длиннее 200 символов.
import-error-hall = Павильона с таким кодом нет. Используйте краткое название павильона из настроек выставки.
import-error-booth-unknown = Стенда с таким номером нет.
import-error-booth-ambiguous = Стенд с таким номером есть в нескольких павильонах. Добавьте столбец hall.
import-error-duplicate = Эта строка повторяет одну из предыдущих строк файла.
import-error-yes-no = Напишите yes или no (да или нет).
import-error-kind = Выберите, что содержится в файле.
import-error-done = Этот файл уже импортирован.
import-error-changed = После проверки выставка изменилась (добавлен или удалён стенд либо учётная запись). Загрузите файл ещё раз для новой проверки; ничего не импортировано.
