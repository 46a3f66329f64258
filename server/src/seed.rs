//! The demo expo: Weihai's industries as halls, sixty exhibitors with products in Chinese and
//! English, and one demo account per main role. Deterministic, so screenshots stay comparable.

use crate::media::Generated;
use crate::seed_assets::{self, Model};
use db::Db;
use domain::account::Role;
use domain::expo::ExpoSummary;
use domain::text::LocalizedText;
use domain::Locale;

/// Password of every demo account (printed at start; demo only).
pub const DEMO_PASSWORD: &str = "expo-demo-2026";

/// Demo accounts: (e-mail, display name, role).
pub const DEMO_ACCOUNTS: [(&str, &str, Role); 4] = [
    (
        "organizer@expo.example",
        "王组委 Wang (Organizer)",
        Role::Organizer,
    ),
    (
        "exhibitor@expo.example",
        "李展商 Li (Exhibitor)",
        Role::Exhibitor,
    ),
    ("buyer@expo.example", "Anna Petrova (Buyer)", Role::Buyer),
    (
        "visitor@expo.example",
        "Kim Minjun (Visitor)",
        Role::Visitor,
    ),
];

struct HallSeed {
    slug: &'static str,
    industry: &'static str,
    zh: &'static str,
    en: &'static str,
    company_words: [(&'static str, &'static str); 5],
    products: [(&'static str, &'static str); 8],
}

const HALLS: [HallSeed; 6] = [
    HallSeed {
        slug: "marine",
        industry: "marine",
        zh: "海洋装备馆",
        en: "Marine Equipment Hall",
        company_words: [
            ("海洋动力", "Ocean Power"),
            ("船舶机械", "Ship Machinery"),
            ("港机", "Port Cranes"),
            ("远洋渔具", "Deep-Sea Gear"),
            ("海工", "Offshore Engineering"),
        ],
        products: [
            ("船用发动机", "Marine engine"),
            ("船用柴油发动机", "Marine diesel engine"),
            ("船用螺旋桨", "Marine propeller"),
            ("锚绞机", "Anchor windlass"),
            ("救生筏", "Life raft"),
            ("船用发电机组", "Marine generator set"),
            ("液压舵机", "Hydraulic steering gear"),
            ("渔船声呐", "Fishing sonar"),
        ],
    },
    HallSeed {
        slug: "food",
        industry: "food",
        zh: "食品农业馆",
        en: "Food & Agriculture Hall",
        company_words: [
            ("海珍品", "Sea Treasures"),
            ("绿色农业", "Green Agriculture"),
            ("果业", "Orchards"),
            ("水产", "Aquatic Foods"),
            ("花生油", "Peanut Oil"),
        ],
        products: [
            ("即食海参", "Ready-to-eat sea cucumber"),
            ("冷冻扇贝柱", "Frozen scallop meat"),
            ("无花果干", "Dried figs"),
            ("压榨花生油", "Pressed peanut oil"),
            ("烟台苹果", "Yantai apples"),
            ("海带丝", "Shredded kelp"),
            ("西洋参茶", "American ginseng tea"),
            ("蓝莓果酱", "Blueberry jam"),
        ],
    },
    HallSeed {
        slug: "textiles",
        industry: "textiles",
        zh: "纺织服装馆",
        en: "Textiles & Apparel Hall",
        company_words: [
            ("纺织", "Textiles"),
            ("服饰", "Apparel"),
            ("家纺", "Home Textiles"),
            ("针织", "Knitwear"),
            ("户外用品", "Outdoor Gear"),
        ],
        products: [
            ("纯棉衬衫", "Cotton shirt"),
            ("羊毛针织衫", "Wool knit sweater"),
            ("户外冲锋衣", "Outdoor shell jacket"),
            ("真丝围巾", "Silk scarf"),
            ("床上四件套", "Four-piece bedding set"),
            ("功能运动袜", "Performance sports socks"),
            ("渔具包", "Fishing tackle bag"),
            ("工装裤", "Work trousers"),
        ],
    },
    HallSeed {
        slug: "medical",
        industry: "medical",
        zh: "医疗器械馆",
        en: "Medical Devices Hall",
        company_words: [
            ("医疗器械", "Medical Devices"),
            ("生物材料", "Biomaterials"),
            ("康复设备", "Rehab Equipment"),
            ("医用耗材", "Medical Supplies"),
            ("诊断", "Diagnostics"),
        ],
        products: [
            ("一次性输液器", "Disposable infusion set"),
            ("血液透析器", "Hemodialyzer"),
            ("医用防护口罩", "Medical protective mask"),
            ("电动护理床", "Electric nursing bed"),
            ("血糖仪", "Blood glucose meter"),
            ("骨科植入物", "Orthopedic implant"),
            ("超声诊断仪", "Ultrasound scanner"),
            ("留置针", "IV cannula"),
        ],
    },
    HallSeed {
        slug: "auto",
        industry: "auto",
        zh: "轮胎汽配馆",
        en: "Tires & Auto Parts Hall",
        company_words: [
            ("轮胎", "Tires"),
            ("汽车配件", "Auto Parts"),
            ("刹车系统", "Brake Systems"),
            ("橡胶", "Rubber"),
            ("车轮", "Wheels"),
        ],
        products: [
            ("全钢子午线轮胎", "All-steel radial tire"),
            ("半钢乘用车轮胎", "Passenger car tire"),
            ("刹车片", "Brake pads"),
            ("铝合金轮毂", "Alloy wheel"),
            ("减震器", "Shock absorber"),
            ("汽车滤清器", "Auto filter"),
            ("工程机械轮胎", "OTR tire"),
            ("橡胶密封件", "Rubber seals"),
        ],
    },
    HallSeed {
        slug: "electronics",
        industry: "electronics",
        zh: "电子信息馆",
        en: "Electronics Hall",
        company_words: [
            ("电子", "Electronics"),
            ("智能科技", "Smart Tech"),
            ("光电", "Optoelectronics"),
            ("打印设备", "Printing Devices"),
            ("通信", "Communications"),
        ],
        products: [
            ("激光打印机", "Laser printer"),
            ("工业传感器", "Industrial sensor"),
            ("LED 显示屏", "LED display"),
            ("锂电池模组", "Lithium battery module"),
            ("智能电表", "Smart meter"),
            ("无人机", "Drone"),
            ("车载导航", "Car navigation unit"),
            ("光纤收发器", "Fiber transceiver"),
        ],
    },
];

/// Per-industry product facts: specification rows (zh, en, value pattern with `{n}`), base price
/// in US cents, certifications.
fn industry_facts(
    industry: &str,
) -> (
    [(&'static str, &'static str, &'static str); 3],
    i64,
    &'static str,
) {
    match industry {
        "marine" => (
            [
                ("额定功率", "Rated power", "{n}00 kW"),
                ("额定转速", "Rated speed", "1,{n}00 rpm"),
                ("船级社认证", "Class society", "CCS / DNV"),
            ],
            1_200_000,
            "CCS; DNV; CE",
        ),
        "food" => (
            [
                ("净含量", "Net weight", "{n}00 g"),
                ("保质期", "Shelf life", "{n} months"),
                ("储存条件", "Storage", "-18 °C"),
            ],
            1_500,
            "HACCP; ISO 22000",
        ),
        "textiles" => (
            [
                ("面料成分", "Fabric", "{n}0% cotton"),
                ("克重", "Weight", "{n}20 g/m²"),
                ("尺码", "Sizes", "S–XXL"),
            ],
            900,
            "OEKO-TEX; BSCI",
        ),
        "medical" => (
            [
                ("规格型号", "Model size", "{n} mm"),
                ("灭菌方式", "Sterilization", "EO"),
                ("有效期", "Validity", "{n} years"),
            ],
            2_000,
            "CE; ISO 13485; FDA",
        ),
        "auto" => (
            [
                ("规格", "Size", "{n}15/70R22.5"),
                ("负荷指数", "Load index", "15{n}"),
                ("速度级别", "Speed rating", "L"),
            ],
            18_000,
            "DOT; ECE; ISO/TS 16949",
        ),
        _ => (
            [
                ("额定电压", "Rated voltage", "{n}2 V"),
                ("功耗", "Power draw", "{n}5 W"),
                ("防护等级", "Protection", "IP6{n}"),
            ],
            6_000,
            "CE; FCC; RoHS",
        ),
    }
}

const CITIES: [(&str, &str); 10] = [
    ("威海", "Weihai"),
    ("荣成", "Rongcheng"),
    ("文登", "Wendeng"),
    ("乳山", "Rushan"),
    ("青岛", "Qingdao"),
    ("烟台", "Yantai"),
    ("大连", "Dalian"),
    ("宁波", "Ningbo"),
    ("釜山", "Busan"),
    ("仁川", "Incheon"),
];

/// Creates the demo expo when the database holds none. Returns `false` when it already had one.
pub async fn seed_demo(db: &Db) -> anyhow::Result<bool> {
    if db::expo::count_expos(db).await? > 0 {
        return Ok(false);
    }
    let now = db::now_millis();
    let expo = ExpoSummary {
        id: db::new_id(),
        slug: "weihai-2026".into(),
        name: LocalizedText::new(Locale::ZhCn, "2026 中国（威海）国际数字博览会")
            .with(Locale::En, "China (Weihai) International Digital Expo 2026")
            .with(Locale::Ko, "2026 중국(웨이하이) 국제 디지털 박람회")
            .with(
                Locale::Ru,
                "Международная цифровая выставка (Вэйхай, Китай) 2026",
            ),
        tagline: LocalizedText::new(Locale::ZhCn, "六大产业展馆，线上看展、直播洽谈、精准对接")
            .with(
                Locale::En,
                "Six industry halls: browse booths, watch live, meet buyers and close deals online",
            ),
        starts_on: "2026-12-08".into(),
        ends_on: "2026-12-14".into(),
        time_zone: "Asia/Shanghai".into(),
    };
    // One transaction: a failure part-way leaves no expo behind, so the next run seeds again.
    let mut tx = db.begin().await?;
    db::expo::insert_expo(&mut tx, &expo, now).await?;
    let mut first_exhibitor = None;
    let mut organizer = None;
    let mut serial: usize = 0;
    for (hall_index, hall) in HALLS.iter().enumerate() {
        let hall_id = db::new_id();
        let hall_name = LocalizedText::new(Locale::ZhCn, hall.zh).with(Locale::En, hall.en);
        db::expo::insert_hall(
            &mut tx,
            &hall_id,
            &expo.id,
            hall.slug,
            &hall_name,
            hall.industry,
            hall_index as i64,
        )
        .await?;
        let layout = domain::hall::grid_layout(10, 1200, 700);
        let (spec_rows, base_price, certifications) = industry_facts(hall.industry);
        for e in 0..10 {
            serial += 1;
            let (city_zh, city_en) = CITIES[(serial * 7) % CITIES.len()];
            let (word_zh, word_en) = hall.company_words[e % hall.company_words.len()];
            let suffix = if e >= hall.company_words.len() {
                " II"
            } else {
                ""
            };
            let name =
                LocalizedText::new(Locale::ZhCn, format!("{city_zh}{word_zh}有限公司{suffix}"))
                    .with(Locale::En, format!("{city_en} {word_en} Co., Ltd.{suffix}"));
            let country = match city_en {
                "Busan" | "Incheon" => "KR",
                _ => "CN",
            };
            let exhibitor_id = db::new_id();
            db::expo::insert_exhibitor(
                &mut tx,
                &exhibitor_id,
                &expo.id,
                Some(&hall_id),
                &name,
                country,
                now + serial as i64,
            )
            .await?;
            if first_exhibitor.is_none() {
                first_exhibitor = Some(exhibitor_id.clone());
            }
            let about = LocalizedText::new(
                Locale::ZhCn,
                format!("{}，专业从事{}领域研发、生产与出口，产品远销 30 多个国家和地区。", name.show(Locale::ZhCn).text, hall.zh.trim_end_matches('馆')),
            )
            .with(
                Locale::En,
                format!("{} designs, makes and exports {} products, sold in more than 30 countries and regions.", name.show(Locale::En).text, hall.en.trim_end_matches(" Hall").to_lowercase()),
            );
            db::expo::set_exhibitor_profile(
                &mut tx,
                &exhibitor_id,
                &about,
                &format!("https://example.com/{}-{serial}", hall.slug),
            )
            .await?;
            if let Some((rect, tier)) = layout.get(e) {
                let code = format!("{}-{:02}", &hall.slug[..1].to_ascii_uppercase(), e + 1);
                db::hall::insert_booth(
                    &mut tx,
                    &db::new_id(),
                    &hall_id,
                    &exhibitor_id,
                    &code,
                    *rect,
                    *tier,
                )
                .await?;
            }
            let count = 4 + (serial * 5) % 6;
            for p in 0..count {
                let (pz, pe) = hall.products[(e + p) % hall.products.len()];
                let model = format!("{}-{}{:02}", hall.slug.to_ascii_uppercase(), serial, p + 1);
                let product = LocalizedText::new(Locale::ZhCn, format!("{pz} {model}"))
                    .with(Locale::En, format!("{pe} {model}"));
                let description = LocalizedText::new(
                    Locale::ZhCn,
                    format!("{pz}（型号 {model}），按国际标准设计制造，支持定制与 OEM，质量稳定，交期可靠。"),
                )
                .with(
                    Locale::En,
                    format!("{pe} (model {model}), designed and built to international standards; custom and OEM orders welcome, with steady quality and reliable lead times."),
                );
                let n = ((serial + p) % 9 + 1).to_string();
                let specs: Vec<domain::product::SpecRow> = spec_rows
                    .iter()
                    .map(|(zh, en, value)| domain::product::SpecRow {
                        name: LocalizedText::new(Locale::ZhCn, *zh).with(Locale::En, *en),
                        value: value.replace("{n}", &n),
                    })
                    .collect();
                let low = base_price * (10 + ((serial + p) % 7) as i64) / 10;
                let price = domain::product::PriceRange::new(low, low * 3 / 2, "USD");
                db::expo::insert_product(
                    &mut tx,
                    &db::expo::NewProduct {
                        id: &db::new_id(),
                        exhibitor_id: &exhibitor_id,
                        name: &product,
                        description: &description,
                        category: hall.industry,
                        specs: &specs,
                        price: Some(&price),
                        min_order: Some(((p % 4) as i64 + 1) * 50),
                        lead_time_days: Some(15 + ((serial + p) % 4) as i64 * 5),
                        certifications,
                        origin: country,
                        created_at: now + p as i64,
                    },
                )
                .await?;
            }
        }
    }
    let hash = app::account::service::hash_password(DEMO_PASSWORD.to_owned())
        .await
        .map_err(|e| anyhow::anyhow!("hashing the demo password failed: {e}"))?;
    for (email, name, role) in DEMO_ACCOUNTS {
        let id = db::new_id();
        db::account::insert_user(
            &mut tx,
            &db::account::NewUser {
                id: &id,
                email,
                password_hash: &hash,
                display_name: name,
                company: None,
                country: if role == Role::Buyer { "RU" } else { "CN" },
                language: if role == Role::Buyer { "en" } else { "zh-CN" },
                created_at: now,
            },
        )
        .await?;
        let exhibitor = (role == Role::Exhibitor)
            .then(|| first_exhibitor.clone())
            .flatten();
        db::account::grant_role(&mut tx, &id, &expo.id, role, exhibitor.as_deref(), now).await?;
        if role == Role::Organizer {
            organizer = Some(id.clone());
        }
    }
    if let Some(organizer) = &organizer {
        seed_streams(
            &mut tx,
            &expo.id,
            organizer,
            first_exhibitor.as_deref(),
            now,
        )
        .await?;
    }
    db::commit(tx).await?;
    Ok(true)
}

/// The demo schedule: the opening ceremony, a forum in the marine hall and the first booth's
/// product launch, in the expo's first days (Shanghai time).
async fn seed_streams(
    tx: &mut db::Tx,
    expo_id: &str,
    organizer: &str,
    booth: Option<&str>,
    now: i64,
) -> anyhow::Result<()> {
    use domain::live::{StreamKind, StreamState};
    let marine = db::hall::hall_id_in(tx, expo_id, "marine").await?;
    // Kind, hall, booth, title and description (Chinese, English), start and end.
    type Slot<'a> = (
        StreamKind,
        Option<&'a str>,
        Option<&'a str>,
        (&'a str, &'a str),
        (&'a str, &'a str),
        i64,
        i64,
    );
    let slots: [Slot<'_>; 3] = [
        (
            StreamKind::Ceremony,
            None,
            None,
            ("开幕式", "Opening ceremony"),
            (
                "组委会致辞、六大展馆巡礼与首批签约仪式。",
                "Welcome from the organizers, a tour of the six halls and the first signings.",
            ),
            // 2026-12-08 09:30–10:30 in Shanghai.
            1_796_693_400,
            1_796_697_000,
        ),
        (
            StreamKind::Forum,
            marine.as_deref(),
            None,
            ("绿色航运与海工装备论坛", "Green shipping and marine equipment forum"),
            (
                "船东、船厂与设备商谈低碳动力、港口电气化与出口认证。",
                "Ship owners, yards and suppliers on low-carbon propulsion, shore power and export certification.",
            ),
            // 2026-12-09 14:00–16:00.
            1_796_796_000,
            1_796_803_200,
        ),
        (
            StreamKind::Booth,
            marine.as_deref(),
            booth,
            ("新品发布：船用柴油机", "Product launch: marine diesel engines"),
            (
                "工厂实景直播，现场答疑。",
                "Live from the factory floor, with questions answered on air.",
            ),
            // 2026-12-10 10:00–10:45.
            1_796_868_000,
            1_796_870_700,
        ),
    ];
    for (kind, hall, exhibitor, (title_zh, title_en), (about_zh, about_en), starts, ends) in slots {
        if kind == StreamKind::Booth && exhibitor.is_none() {
            continue;
        }
        let title = LocalizedText::new(Locale::ZhCn, title_zh).with(Locale::En, title_en);
        let description = LocalizedText::new(Locale::ZhCn, about_zh).with(Locale::En, about_en);
        let id = db::new_id();
        db::live::insert(
            tx,
            &db::live::NewStream {
                id: &id,
                expo_id,
                kind,
                hall_id: hall,
                exhibitor_id: exhibitor,
                title: &title,
                description: &description,
                starts_at: starts,
                ends_at: ends,
                state: StreamState::Scheduled,
                created_by: organizer,
                at: now,
            },
        )
        .await?;
        if kind == StreamKind::Forum {
            seed_programme(tx, &id, starts, now).await?;
        }
    }
    Ok(())
}

/// The marine forum's speakers and agenda (times from the forum's start).
async fn seed_programme(
    tx: &mut db::Tx,
    stream: &str,
    starts: i64,
    now: i64,
) -> anyhow::Result<()> {
    // Name, affiliation, bio (Chinese, English).
    let speakers = [
        (
            "林海涛",
            "宁波船舶设计研究院 · 总工程师",
            (
                "从事船舶动力设计二十年，主持多型 LNG 双燃料散货船研发。",
                "Twenty years in ship propulsion design; led several LNG dual-fuel bulk carrier programmes.",
            ),
        ),
        (
            "Maria Jensen",
            "Nordic Shore Power A/S · CEO",
            (
                "岸电系统专家，参与北欧三十余个港口的电气化项目。",
                "Shore-power specialist; electrified berths in more than thirty Nordic ports.",
            ),
        ),
    ];
    let mut ids = Vec::new();
    for (i, (name, affiliation, (bio_zh, bio_en))) in speakers.into_iter().enumerate() {
        let id = db::new_id();
        let bio = LocalizedText::new(Locale::ZhCn, bio_zh).with(Locale::En, bio_en);
        let speaker = (name.to_owned(), affiliation.to_owned(), bio);
        db::live::insert_speaker(tx, stream, &id, &speaker, now + i as i64).await?;
        ids.push(id);
    }
    // Minutes from the start, title (Chinese, English), speaker.
    let agenda = [
        (0, ("开场致辞", "Opening remarks"), None),
        (
            10,
            (
                "LNG 双燃料动力的经济性",
                "The economics of LNG dual-fuel propulsion",
            ),
            Some(0),
        ),
        (
            45,
            (
                "港口岸电：从试点到标配",
                "Shore power: from pilot to standard",
            ),
            Some(1),
        ),
        (80, ("圆桌讨论与问答", "Round table and questions"), None),
    ];
    for (minutes, (zh, en), speaker) in agenda {
        let title = LocalizedText::new(Locale::ZhCn, zh).with(Locale::En, en);
        let who = speaker.and_then(|i: usize| ids.get(i)).map(String::as_str);
        db::live::insert_agenda(
            tx,
            stream,
            &db::new_id(),
            starts + minutes * 60,
            &title,
            who,
        )
        .await?;
    }
    Ok(())
}

/// Draws a product picture for the demo: the industry's colours, a soft light and a shape that
/// varies with `n`, so every product card looks different.
pub fn product_picture(industry: &str, n: u32) -> Vec<u8> {
    let (a, b): ([f32; 3], [f32; 3]) = match industry {
        "marine" => ([20.0, 70.0, 160.0], [30.0, 170.0, 190.0]),
        "food" => ([46.0, 125.0, 50.0], [200.0, 220.0, 110.0]),
        "textiles" => ([142.0, 36.0, 170.0], [240.0, 98.0, 146.0]),
        "medical" => ([0.0, 131.0, 143.0], [120.0, 220.0, 230.0]),
        "auto" => ([55.0, 71.0, 79.0], [160.0, 175.0, 185.0]),
        _ => ([239.0, 108.0, 0.0], [255.0, 202.0, 40.0]),
    };
    let (w, h) = (640u32, 480u32);
    let cx = 200.0 + (n % 5) as f32 * 60.0;
    let cy = 180.0 + (n % 3) as f32 * 50.0;
    let r = 90.0 + (n % 4) as f32 * 20.0;
    let img = image::RgbImage::from_fn(w, h, |x, y| {
        let t = (x as f32 / w as f32 + y as f32 / h as f32) / 2.0;
        let mut px = [0u8; 3];
        for i in 0..3 {
            px[i] = (a[i] + (b[i] - a[i]) * t) as u8;
        }
        let d = ((x as f32 - cx).powi(2) + (y as f32 - cy).powi(2)).sqrt();
        if d < r {
            let shade = 0.75 + 0.25 * (1.0 - d / r);
            for p in &mut px {
                *p = (255.0 * shade) as u8 / 2 + *p / 2;
            }
        } else if (x + y + n * 7) % 97 < 2 {
            for p in &mut px {
                *p = p.saturating_add(40);
            }
        }
        image::Rgb(px)
    });
    let mut out = Vec::new();
    let _ = image::DynamicImage::ImageRgb8(img)
        .write_to(&mut std::io::Cursor::new(&mut out), image::ImageFormat::Png);
    out
}

/// Gives every demo product a generated picture (run after [`seed_demo`] seeded). Takes a few
/// seconds; tests that do not look at pictures skip it.
pub async fn seed_pictures(
    db: &Db,
    store: &dyn object_store::ObjectStore,
) -> anyhow::Result<usize> {
    let Some(expo) = db::expo::current_expo(db).await? else {
        return Ok(0);
    };
    let mut count = 0;
    for hall in db::hall::halls_of(db, &expo.id).await? {
        let Some(plan) = db::hall::hall_plan(db, &expo.id, &hall.slug).await? else {
            continue;
        };
        for (index, booth) in plan.booths.iter().enumerate() {
            let Some(detail) = db::hall::exhibitor_detail(db, &booth.exhibitor_id).await? else {
                continue;
            };
            for (i, product) in detail.products.iter().enumerate() {
                let png = product_picture(&hall.industry, (count + i) as u32);
                let name = product.name.show(Locale::En).text;
                let picture = Generated {
                    exhibitor_id: &detail.id,
                    product_id: Some(&product.id),
                    kind: "image",
                    name: &name,
                    bytes: png,
                };
                crate::media::store_generated(db, store, picture).await?;
            }
            // The second and third booths of every hall get a logo, a 360° view and a 3D model of
            // their first product; the second also a 3D model of its stand. (The first booth of the
            // marine hall is the demo exhibitor's, whose editor starts empty.)
            if index == 1 || index == 2 {
                seed_booth_extras(db, store, &hall.industry, &detail, index).await?;
            }
            count += detail.products.len();
        }
    }
    Ok(count)
}

/// The accent colour of an industry's demo assets (sRGB).
fn industry_accent(industry: &str) -> [u8; 3] {
    match industry {
        "marine" => [25, 90, 170],
        "food" => [56, 142, 60],
        "textiles" => [142, 36, 170],
        "medical" => [0, 131, 143],
        "auto" => [69, 90, 100],
        _ => [239, 108, 0],
    }
}

async fn seed_booth_extras(
    db: &Db,
    store: &dyn object_store::ObjectStore,
    industry: &str,
    detail: &domain::product::ExhibitorDetail,
    index: usize,
) -> anyhow::Result<()> {
    let accent = industry_accent(industry);
    let linear = accent.map(|c| (f32::from(c) / 255.0).powf(2.2));
    let company = detail.name.show(Locale::En).text;
    let n = u32::try_from(index).unwrap_or(0);
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(seed_assets::panorama(2048, accent, n))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)?;
    let name = format!("{company} 360°");
    let panorama = Generated {
        exhibitor_id: &detail.id,
        product_id: None,
        kind: "panorama",
        name: &name,
        bytes: png,
    };
    crate::media::store_generated(db, store, panorama).await?;
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(seed_assets::logo(accent, n))
        .write_to(&mut std::io::Cursor::new(&mut png), image::ImageFormat::Png)?;
    let name = format!("{company} logo");
    let logo = Generated {
        exhibitor_id: &detail.id,
        product_id: None,
        kind: "logo",
        name: &name,
        bytes: png,
    };
    crate::media::store_generated(db, store, logo).await?;
    if let Some(product) = detail.products.first() {
        let shape = match industry {
            "marine" | "auto" => Model::Engine,
            _ => Model::Device,
        };
        let name = format!("{}.glb", product.name.show(Locale::En).text);
        let model = Generated {
            exhibitor_id: &detail.id,
            product_id: Some(&product.id),
            kind: "model",
            name: &name,
            bytes: seed_assets::glb(shape, linear),
        };
        crate::media::store_generated(db, store, model).await?;
    }
    if index == 1 {
        let name = format!("{company} stand.glb");
        let stand = Generated {
            exhibitor_id: &detail.id,
            product_id: None,
            kind: "model",
            name: &name,
            bytes: seed_assets::glb(Model::Stand, linear),
        };
        crate::media::store_generated(db, store, stand).await?;
    }
    Ok(())
}
