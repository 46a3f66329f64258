//! `expo-server search bench`: builds a search index of generated products (names and
//! descriptions mixing Chinese, English and Korean) on disk, then times a fixed set of queries.
//! Prints `RESULT` lines for `cargo xtask bench search`.

use app::search::engine::{Doc, SearchIndex};
use domain::search::{SearchRequest, SortOrder};
use std::path::Path;
use std::time::Instant;

const EXPO: &str = "bench-expo";
const HALLS: [&str; 6] = [
    "marine",
    "food",
    "textiles",
    "medical",
    "auto",
    "electronics",
];
const COUNTRIES: [&str; 8] = ["CN", "KR", "JP", "DE", "US", "BR", "IN", "RU"];
const CERTS: [&str; 5] = ["CE", "ISO 9001", "FDA", "RoHS", "CCS"];
/// (Chinese, English, Korean) product words.
const NOUNS: [(&str, &str, &str); 16] = [
    ("发动机", "engine", "엔진"),
    ("水泵", "pump", "펌프"),
    ("阀门", "valve", "밸브"),
    ("轮胎", "tire", "타이어"),
    ("传感器", "sensor", "센서"),
    ("面料", "fabric", "원단"),
    ("监护仪", "monitor", "모니터"),
    ("电池", "battery", "배터리"),
    ("螺旋桨", "propeller", "프로펠러"),
    ("海参", "sea cucumber", "해삼"),
    ("夹克", "jacket", "재킷"),
    ("刹车片", "brake pad", "브레이크 패드"),
    ("显示屏", "display", "디스플레이"),
    ("导航仪", "navigator", "내비게이션"),
    ("绳索", "rope", "로프"),
    ("注射器", "syringe", "주사기"),
];
const ADJECTIVES: [(&str, &str, &str); 12] = [
    ("船用", "marine", "선박용"),
    ("柴油", "diesel", "디젤"),
    ("不锈钢", "stainless steel", "스테인리스"),
    ("智能", "smart", "스마트"),
    ("高压", "high pressure", "고압"),
    ("防水", "waterproof", "방수"),
    ("医用", "medical", "의료용"),
    ("有机", "organic", "유기농"),
    ("轻量", "lightweight", "경량"),
    ("工业", "industrial", "산업용"),
    ("电动", "electric", "전동"),
    ("便携", "portable", "휴대용"),
];

/// The queries timed: (words, hall filter, order).
const QUERIES: [(&str, Option<&str>, SortOrder); 10] = [
    ("marine engine", None, SortOrder::Relevance),
    ("船用发动机", None, SortOrder::Relevance),
    ("선박용 엔진", None, SortOrder::Relevance),
    ("stainless valve", Some("marine"), SortOrder::Relevance),
    ("不锈钢 阀门", None, SortOrder::PriceAsc),
    ("smart sensor", None, SortOrder::Newest),
    ("pump", Some("food"), SortOrder::Relevance),
    ("有机 海参", None, SortOrder::Relevance),
    ("portable monitor medical", None, SortOrder::PriceDesc),
    ("배터리", None, SortOrder::Relevance),
];

/// A small deterministic generator (no dependency needed for made-up data).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[usize::try_from(self.next()).unwrap_or(0) % items.len()]
    }
}

fn text(zh: &str, en: &str, ko: &str) -> String {
    domain::text::LocalizedText::new(domain::Locale::ZhCn, zh)
        .with(domain::Locale::En, en)
        .with(domain::Locale::Ko, ko)
        .to_json()
}

fn product(rng: &mut Lcg, i: usize) -> db::search::ProductDoc {
    let (az, ae, ak) = rng.pick(&ADJECTIVES);
    let (nz, ne, nk) = rng.pick(&NOUNS);
    let (bz, be, bk) = rng.pick(&ADJECTIVES);
    let hall = rng.pick(&HALLS);
    let exhibitor = i / 40;
    let price = i64::try_from(rng.next() % 5_000_000).unwrap_or(0) + 100;
    db::search::ProductDoc {
        id: format!("p{i:08}"),
        expo_id: EXPO.to_owned(),
        exhibitor_id: format!("e{exhibitor:07}"),
        name: text(
            &format!("{az}{nz} {i}"),
            &format!("{ae} {ne} {i}"),
            &format!("{ak} {nk} {i}"),
        ),
        description: text(
            &format!("{bz}{nz}，适用于{hall}行业，出口品质。"),
            &format!("A {be} {ne} for the {hall} trade, export quality, model {i}."),
            &format!("{bk} {nk}, 수출 품질."),
        ),
        category: hall.to_owned(),
        certifications: rng.pick(&CERTS).to_owned(),
        price_min: (!rng.next().is_multiple_of(10)).then_some(price),
        currency: "USD".to_owned(),
        created_at: i64::try_from(i).unwrap_or(0),
        company: text(
            &format!("威海公司{exhibitor}"),
            &format!("Weihai Company {exhibitor}"),
            &format!("웨이하이 {exhibitor}"),
        ),
        country: rng.pick(&COUNTRIES).to_owned(),
        hall: hall.to_owned(),
    }
}

fn folder_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = ((p / 100.0) * (sorted.len() - 1) as f64).round() as usize;
    sorted[rank.min(sorted.len() - 1)]
}

/// Builds the index and times the queries.
pub fn run(products: usize, dir: &Path) -> anyhow::Result<()> {
    let _ = std::fs::remove_dir_all(dir);
    let index = SearchIndex::open(dir)?;
    let mut rng = Lcg(42);
    let started = Instant::now();
    let batch = 10_000;
    let mut i = 0;
    while i < products {
        let docs: Vec<Doc> = (i..(i + batch).min(products))
            .map(|n| Doc::Product(product(&mut rng, n)))
            .collect();
        index.stage(&[], &[], &docs)?;
        i += batch;
    }
    index.commit(0, 0)?;
    let build = started.elapsed().as_secs_f64();
    println!("RESULT documents {}", index.len());
    println!("RESULT build_secs {build:.1}");
    println!(
        "RESULT index_mib {:.1}",
        folder_bytes(dir) as f64 / 1_048_576.0
    );

    let requests: Vec<SearchRequest> = QUERIES
        .iter()
        .map(|(q, hall, sort)| SearchRequest {
            text: (*q).to_owned(),
            hall: hall.map(str::to_owned),
            sort: *sort,
            page: 1,
            ..SearchRequest::default()
        })
        .collect();
    // One untimed pass warms the page cache, as a running server's would be, and checks that
    // every query finds something (timing empty results would measure nothing).
    for r in &requests {
        let found = index.search(EXPO, r)?;
        anyhow::ensure!(found.total > 0, "the query {:?} found nothing", r.text);
    }
    let mut times = Vec::new();
    let mut hits = 0u64;
    for _round in 0..20 {
        for r in &requests {
            let t = Instant::now();
            let found = index.search(EXPO, r)?;
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            hits += found.total;
        }
    }
    let mut suggest_times = Vec::new();
    for _round in 0..20 {
        for prefix in ["mar", "船用发", "smart sen", "엔"] {
            let t = Instant::now();
            index.suggest(EXPO, prefix, domain::search::SUGGESTIONS)?;
            suggest_times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    times.sort_by(f64::total_cmp);
    suggest_times.sort_by(f64::total_cmp);
    println!("RESULT queries {}", times.len());
    println!(
        "RESULT matches_per_query {}",
        hits / times.len().max(1) as u64
    );
    println!("RESULT query_p50_ms {:.2}", percentile(&times, 50.0));
    println!("RESULT query_p99_ms {:.2}", percentile(&times, 99.0));
    println!(
        "RESULT suggest_p50_ms {:.2}",
        percentile(&suggest_times, 50.0)
    );
    println!(
        "RESULT suggest_p99_ms {:.2}",
        percentile(&suggest_times, 99.0)
    );
    let _ = std::fs::remove_dir_all(dir);
    Ok(())
}
