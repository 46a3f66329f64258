landing-empty-title = Выставок пока нет
landing-empty-body = Организатор ещё не открыл выставку. Загляните чуть позже.
landing-dates = { $start } – { $end }
landing-stat-halls = Павильоны
landing-stat-exhibitors = Экспоненты
landing-stat-products = Товары
landing-cta-enter = Перейти в павильоны
landing-cta-register = Зарегистрироваться на выставку
landing-halls-heading = Отраслевые павильоны
landing-featured-heading = Рекомендуемые экспоненты
landing-hall-counts = { $exhibitors ->
    [one] { $exhibitors } экспонент
    [few] { $exhibitors } экспонента
    [many] { $exhibitors } экспонентов
   *[other] { $exhibitors } экспонента
} · { $products ->
    [one] { $products } товар
    [few] { $products } товара
    [many] { $products } товаров
   *[other] { $products } товара
}
landing-exhibitor-products = { $count ->
    [one] { $count } товар
    [few] { $count } товара
    [many] { $count } товаров
   *[other] { $count } товара
}

industry-marine = Морское оборудование
industry-food = Продукты питания и сельское хозяйство
industry-textiles = Текстиль и одежда
industry-medical = Медицинские изделия
industry-auto = Шины и автозапчасти
industry-electronics = Электроника
