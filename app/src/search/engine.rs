//! The search index: a tantivy index on local disk over the searchable products and exhibitors
//! of every expo, in every language their texts are written in.
//!
//! Text is cut by one tokenizer for all scripts: runs of Chinese, Japanese or Korean characters
//! become overlapping pairs of characters (bigrams, as Lucene's CJK analyzer does: no dictionary
//! to download, every CJK language handled alike), other words stay whole, are lower-cased and
//! stemmed (English, Russian, Arabic). Fields are weighted name > category > company >
//! description. Filters are facets (kind, hall, country, certification, price band).
//!
//! Invariant: the index only follows the database (see `follower`); losing it loses nothing, a
//! rebuild makes it again. The commit payload holds how far it has followed the change notes.

use domain::search::{
    price_band, FacetCount, Facets, HitKind, PriceFilter, SearchRequest, SortOrder,
};
use domain::text::LocalizedText;
use domain::Locale;
use std::path::Path;
use std::sync::{Arc, Mutex};
use tantivy::collector::{Count, FacetCollector, MultiCollector, TopDocs};
use tantivy::directory::MmapDirectory;
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, RegexQuery, TermQuery};
use tantivy::schema::{
    Facet, FacetOptions, Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing,
    TextOptions, Value, STORED, STRING,
};
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
};
use tantivy::{
    DocAddress, Index, IndexReader, IndexWriter, Order, ReloadPolicy, TantivyDocument, Term,
};

/// Bumped whenever the schema or the tokenizer changes: an index of another version is rebuilt.
const SCHEMA_VERSION: u32 = 1;
/// Memory the writer may buffer before it writes a segment.
const WRITER_HEAP: usize = 64 * 1024 * 1024;
/// Tokens longer than this (in bytes) are dropped (base64 junk, long ids).
const MAX_TOKEN_BYTES: usize = 60;

/// An error of the index (disk, a damaged index, a lock held by another process).
#[derive(Debug, thiserror::Error)]
pub enum SearchError {
    /// From tantivy.
    #[error("search index: {0}")]
    Index(#[from] tantivy::TantivyError),
    /// Opening the folder.
    #[error("search index folder: {0}")]
    Folder(String),
}

type Result<T> = std::result::Result<T, SearchError>;

/// True for characters of Chinese, Japanese and Korean scripts.
fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F // Han
        | 0x3040..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F // kana
        | 0x1100..=0x11FF | 0x3130..=0x318F | 0xAC00..=0xD7AF) // Hangul
}

/// Cuts text into words (non-CJK) and character bigrams (CJK runs; a lone character stays one).
#[derive(Clone, Default)]
pub struct ExpoTokenizer {
    tokens: Vec<Token>,
}

/// The tokens of one text.
pub struct ExpoTokenStream<'a> {
    tokens: &'a mut Vec<Token>,
    next: usize,
}

impl Tokenizer for ExpoTokenizer {
    type TokenStream<'a> = ExpoTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ExpoTokenStream<'a> {
        self.tokens.clear();
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let end_of = |i: usize| chars.get(i).map_or(text.len(), |(o, _)| *o);
        let mut position = 0usize;
        let mut push = |tokens: &mut Vec<Token>, from: usize, to: usize| {
            tokens.push(Token {
                offset_from: from,
                offset_to: to,
                position,
                text: text[from..to].to_owned(),
                position_length: 1,
            });
            position += 1;
        };
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i].1;
            if is_cjk(c) {
                let start = i;
                while i < chars.len() && is_cjk(chars[i].1) {
                    i += 1;
                }
                if i - start == 1 {
                    push(&mut self.tokens, chars[start].0, end_of(start + 1));
                } else {
                    for (k, (offset, _)) in chars.iter().enumerate().take(i - 1).skip(start) {
                        push(&mut self.tokens, *offset, end_of(k + 2));
                    }
                }
            } else if c.is_alphanumeric() {
                let start = i;
                while i < chars.len() && chars[i].1.is_alphanumeric() && !is_cjk(chars[i].1) {
                    i += 1;
                }
                push(&mut self.tokens, chars[start].0, end_of(i));
            } else {
                i += 1;
            }
        }
        ExpoTokenStream {
            tokens: &mut self.tokens,
            next: 0,
        }
    }
}

impl TokenStream for ExpoTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

/// The analyzer of indexed text and of queries.
fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(ExpoTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::English))
        .filter(Stemmer::new(Language::Russian))
        .filter(Stemmer::new(Language::Arabic))
        .build()
}

/// The same cut without stemming (the unfinished last word of a suggestion query).
fn raw_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(ExpoTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .build()
}

fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

#[derive(Clone, Copy)]
struct Fields {
    id: Field,
    kind: Field,
    expo: Field,
    exhibitor: Field,
    name: Field,
    category: Field,
    company: Field,
    description: Field,
    f_kind: Field,
    f_hall: Field,
    f_country: Field,
    f_cert: Field,
    f_price: Field,
}

const PRICE_ASC: &str = "price_asc";
const PRICE_DESC: &str = "price_desc";
const CREATED: &str = "created";

fn schema() -> (Schema, Fields) {
    let mut b = Schema::builder();
    let text = TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer("expo")
            .set_index_option(IndexRecordOption::WithFreqsAndPositions),
    );
    let facet = FacetOptions::default();
    let fields = Fields {
        id: b.add_text_field("id", STRING | STORED),
        kind: b.add_text_field("kind", STRING | STORED),
        expo: b.add_text_field("expo", STRING),
        exhibitor: b.add_text_field("exhibitor", STRING),
        name: b.add_text_field("name", text.clone()),
        category: b.add_text_field("category", text.clone()),
        company: b.add_text_field("company", text.clone()),
        description: b.add_text_field("description", text),
        f_kind: b.add_facet_field("f_kind", facet.clone()),
        f_hall: b.add_facet_field("f_hall", facet.clone()),
        f_country: b.add_facet_field("f_country", facet.clone()),
        f_cert: b.add_facet_field("f_cert", facet.clone()),
        f_price: b.add_facet_field("f_price", facet),
    };
    b.add_u64_field(PRICE_ASC, NumericOptions::default().set_fast());
    b.add_u64_field(PRICE_DESC, NumericOptions::default().set_fast());
    b.add_i64_field(CREATED, NumericOptions::default().set_fast());
    (b.build(), fields)
}

/// How far the index has followed the change notes, kept in its commit payload.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Watermark {
    /// Every change note up to this id is in the index.
    pub change_id: i64,
    /// When that was committed (ms).
    pub at: i64,
    /// The schema version the index was built with.
    pub version: u32,
}

struct Inner {
    index: Index,
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
    schema: Schema,
}

/// The search index. Cheap to clone.
#[derive(Clone)]
pub struct SearchIndex {
    inner: Arc<Inner>,
}

impl std::fmt::Debug for SearchIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SearchIndex").finish_non_exhaustive()
    }
}

/// A document to put in the index.
pub enum Doc {
    /// A product.
    Product(db::search::ProductDoc),
    /// An exhibitor.
    Exhibitor(db::search::ExhibitorDoc),
}

/// What a search found: kinds and ids in order, the total, the counts per filter value.
#[derive(Clone, Debug, Default)]
pub struct Found {
    /// Matching results in all.
    pub total: u64,
    /// This page, in order.
    pub hits: Vec<(HitKind, String)>,
    /// Counts per filter value.
    pub facets: Facets,
}

/// The labels of an industry key in every language (so `船舶设备` finds marine products).
fn industry_labels(key: &str) -> String {
    let id = format!("industry-{key}");
    let mut out = String::from(key);
    for locale in Locale::ALL {
        out.push(' ');
        out.push_str(&crate::shell::i18n::I18n { locale }.t(&id));
    }
    out
}

fn all_values(json: &str) -> String {
    LocalizedText::from_json(json)
        .values
        .into_values()
        .collect::<Vec<_>>()
        .join("\n")
}

impl SearchIndex {
    /// Opens the index in `dir` (created when missing; rebuilt from scratch when it is damaged
    /// or of another schema version — the follower then fills it).
    pub fn open(dir: &Path) -> Result<SearchIndex> {
        std::fs::create_dir_all(dir).map_err(|e| SearchError::Folder(e.to_string()))?;
        let (schema, fields) = schema();
        let open = |dir: &Path| -> Result<Index> {
            let mmap = MmapDirectory::open(dir).map_err(|e| SearchError::Folder(e.to_string()))?;
            Ok(Index::open_or_create(mmap, schema.clone())?)
        };
        let index = match open(dir) {
            Ok(index) => index,
            Err(e) => {
                tracing::warn!(error = %e, "search index unusable: starting a new one");
                std::fs::remove_dir_all(dir).map_err(|e| SearchError::Folder(e.to_string()))?;
                std::fs::create_dir_all(dir).map_err(|e| SearchError::Folder(e.to_string()))?;
                open(dir)?
            }
        };
        Self::around(index, schema, fields)
    }

    /// An index in memory (benchmarks and unit tests).
    pub fn in_memory() -> Result<SearchIndex> {
        let (schema, fields) = schema();
        Self::around(Index::create_in_ram(schema.clone()), schema, fields)
    }

    fn around(index: Index, schema: Schema, fields: Fields) -> Result<SearchIndex> {
        index.tokenizers().register("expo", analyzer());
        let writer = index.writer_with_num_threads(1, WRITER_HEAP)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(SearchIndex {
            inner: Arc::new(Inner {
                index,
                reader,
                writer: Mutex::new(writer),
                fields,
                schema,
            }),
        })
    }

    /// How far the index has followed, if it was ever committed with this schema version.
    pub fn watermark(&self) -> Option<Watermark> {
        let metas = self.inner.index.load_metas().ok()?;
        let w: Watermark = serde_json::from_str(metas.payload.as_deref()?).ok()?;
        (w.version == SCHEMA_VERSION).then_some(w)
    }

    fn writer(&self) -> std::sync::MutexGuard<'_, IndexWriter> {
        // A panic while holding the writer leaves nothing half-done in tantivy's terms (the
        // uncommitted batch is simply not visible), so a poisoned lock is still usable.
        self.inner.writer.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn document(&self, doc: &Doc) -> TantivyDocument {
        let f = &self.inner.fields;
        let mut d = TantivyDocument::default();
        match doc {
            Doc::Product(p) => {
                d.add_text(f.id, &p.id);
                d.add_text(f.kind, HitKind::Product.as_str());
                d.add_text(f.expo, &p.expo_id);
                d.add_text(f.exhibitor, &p.exhibitor_id);
                d.add_text(f.name, all_values(&p.name));
                d.add_text(f.category, industry_labels(&p.category));
                d.add_text(f.company, all_values(&p.company));
                d.add_text(f.description, all_values(&p.description));
                d.add_facet(f.f_kind, Facet::from_path([HitKind::Product.as_str()]));
                d.add_facet(f.f_hall, Facet::from_path([p.hall.as_str()]));
                d.add_facet(f.f_country, Facet::from_path([p.country.as_str()]));
                for cert in domain::product::split_certifications(&p.certifications) {
                    d.add_facet(f.f_cert, Facet::from_path([cert.as_str()]));
                }
                let schema = &self.inner.schema;
                let field = |name: &str| schema.get_field(name).ok();
                match p.price_min {
                    Some(min) => {
                        let band = PriceFilter {
                            currency: p.currency.clone(),
                            band: price_band(min),
                        };
                        d.add_facet(f.f_price, Facet::from_path([band.key()]));
                        let min = u64::try_from(min).unwrap_or(0);
                        if let (Some(a), Some(b)) = (field(PRICE_ASC), field(PRICE_DESC)) {
                            d.add_u64(a, min);
                            d.add_u64(b, min);
                        }
                    }
                    None => {
                        if let (Some(a), Some(b)) = (field(PRICE_ASC), field(PRICE_DESC)) {
                            d.add_u64(a, u64::MAX);
                            d.add_u64(b, 0);
                        }
                    }
                }
                if let Some(c) = field(CREATED) {
                    d.add_i64(c, p.created_at);
                }
            }
            Doc::Exhibitor(e) => {
                d.add_text(f.id, &e.id);
                d.add_text(f.kind, HitKind::Exhibitor.as_str());
                d.add_text(f.expo, &e.expo_id);
                d.add_text(f.exhibitor, &e.id);
                d.add_text(f.name, format!("{}\n{}", all_values(&e.name), e.booth_code));
                d.add_text(f.category, industry_labels(&e.industry));
                d.add_text(f.description, all_values(&e.about));
                d.add_facet(f.f_kind, Facet::from_path([HitKind::Exhibitor.as_str()]));
                d.add_facet(f.f_hall, Facet::from_path([e.hall.as_str()]));
                d.add_facet(f.f_country, Facet::from_path([e.country.as_str()]));
                let schema = &self.inner.schema;
                if let (Ok(a), Ok(b), Ok(c)) = (
                    schema.get_field(PRICE_ASC),
                    schema.get_field(PRICE_DESC),
                    schema.get_field(CREATED),
                ) {
                    d.add_u64(a, u64::MAX);
                    d.add_u64(b, 0);
                    d.add_i64(c, e.created_at);
                }
            }
        }
        d
    }

    /// Replaces what the index holds: removes the products `products` and the exhibitors
    /// `exhibitors` with all their products, then adds `docs`. Not visible until [`commit`].
    pub fn stage(&self, products: &[String], exhibitors: &[String], docs: &[Doc]) -> Result<()> {
        let f = self.inner.fields;
        let writer = self.writer();
        for id in products {
            writer.delete_term(Term::from_field_text(f.id, id));
        }
        for id in exhibitors {
            writer.delete_term(Term::from_field_text(f.exhibitor, id));
        }
        for doc in docs {
            writer.add_document(self.document(doc))?;
        }
        Ok(())
    }

    /// Empties the index (a rebuild); not visible until [`commit`].
    pub fn stage_clear(&self) -> Result<()> {
        self.writer().delete_all_documents()?;
        Ok(())
    }

    /// Makes everything staged visible to searches, recording how far the index has followed.
    pub fn commit(&self, change_id: i64, now: i64) -> Result<()> {
        {
            let mut writer = self.writer();
            let mut prepared = writer.prepare_commit()?;
            let payload = serde_json::to_string(&Watermark {
                change_id,
                at: now,
                version: SCHEMA_VERSION,
            })
            .unwrap_or_default();
            prepared.set_payload(&payload);
            prepared.commit()?;
        }
        self.inner.reader.reload()?;
        Ok(())
    }

    /// Number of documents searchable now.
    pub fn len(&self) -> u64 {
        self.inner.reader.searcher().num_docs()
    }

    /// True when nothing is searchable.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The query for the words of `text`: every word must match in some field. With `prefix`,
    /// the last word may be unfinished (suggestions while typing).
    fn text_clauses(&self, text: &str, prefix: bool) -> Vec<Box<dyn Query>> {
        let f = self.inner.fields;
        let weighted = [
            (f.name, 3.0),
            (f.category, 2.0),
            (f.company, 1.5),
            (f.description, 1.0),
        ];
        // Boolean operators typed out of habit join words; every word must match anyway.
        let text = text
            .split_whitespace()
            .filter(|w| !matches!(*w, "AND" | "OR" | "NOT"))
            .collect::<Vec<_>>()
            .join(" ");
        let mut stemmed = tokens(&mut analyzer(), &text);
        let mut raw = tokens(&mut raw_analyzer(), &text);
        stemmed.truncate(domain::search::MAX_QUERY_TERMS);
        raw.truncate(domain::search::MAX_QUERY_TERMS);
        let last = stemmed.len().saturating_sub(1);
        let mut seen = std::collections::HashSet::new();
        let mut clauses: Vec<Box<dyn Query>> = Vec::new();
        for (i, term) in stemmed.iter().enumerate() {
            if !seen.insert(term.clone()) {
                continue;
            }
            let lone_cjk = term.chars().count() == 1 && term.chars().all(is_cjk);
            let unfinished = prefix && i == last && !term.chars().any(is_cjk);
            let mut options: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            for (field, boost) in weighted {
                if !lone_cjk {
                    let q = TermQuery::new(
                        Term::from_field_text(field, term),
                        IndexRecordOption::WithFreqs,
                    );
                    options.push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), boost))));
                }
                // A lone CJK character matches the pairs it starts; an unfinished word the
                // words it starts (by their unstemmed beginning).
                let start = if lone_cjk {
                    Some(term.as_str())
                } else if unfinished {
                    raw.get(i).map(String::as_str)
                } else {
                    None
                };
                if let Some(start) = start.filter(|s| s.chars().all(char::is_alphanumeric)) {
                    if let Ok(q) = RegexQuery::from_pattern(&format!("{start}.*"), field) {
                        options.push((
                            Occur::Should,
                            Box::new(BoostQuery::new(Box::new(q), boost * 0.8)),
                        ));
                    }
                }
            }
            clauses.push(Box::new(BooleanQuery::new(options)));
        }
        clauses
    }

    fn facet_term(field: Field, value: &str) -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_facet(field, &Facet::from_path([value])),
            IndexRecordOption::Basic,
        ))
    }

    /// The query with the filters, leaving out the filter of `except` (for that facet's counts).
    fn query(
        &self,
        expo_id: &str,
        text: &[Box<dyn Query>],
        req: &SearchRequest,
        except: Option<Field>,
    ) -> BooleanQuery {
        let f = self.inner.fields;
        let mut must: Vec<(Occur, Box<dyn Query>)> = vec![(
            Occur::Must,
            Box::new(TermQuery::new(
                Term::from_field_text(f.expo, expo_id),
                IndexRecordOption::Basic,
            )),
        )];
        must.extend(text.iter().map(|q| (Occur::Must, q.box_clone())));
        let filters = [
            (f.f_kind, req.kind.map(|k| k.as_str().to_owned())),
            (f.f_hall, req.hall.clone()),
            (f.f_country, req.country.clone()),
            (f.f_cert, req.certification.clone()),
            (f.f_price, req.price.as_ref().map(PriceFilter::key)),
        ];
        for (field, value) in filters {
            if Some(field) == except {
                continue;
            }
            if let Some(v) = value {
                must.push((Occur::Must, Self::facet_term(field, &v)));
            }
        }
        BooleanQuery::new(must)
    }

    /// Searches one expo: a page of results in the requested order, the total, and the counts
    /// per filter value (each facet counted with the other filters applied).
    pub fn search(&self, expo_id: &str, req: &SearchRequest) -> Result<Found> {
        let f = self.inner.fields;
        let searcher = self.inner.reader.searcher();
        let text = self.text_clauses(&req.text, false);
        let main = self.query(expo_id, &text, req, None);
        let facet_fields = [f.f_kind, f.f_hall, f.f_country, f.f_cert, f.f_price];
        let is_set = |field: Field| match field {
            x if x == f.f_kind => req.kind.is_some(),
            x if x == f.f_hall => req.hall.is_some(),
            x if x == f.f_country => req.country.is_some(),
            x if x == f.f_cert => req.certification.is_some(),
            _ => req.price.is_some(),
        };
        // Facets without a filter of their own are counted in the main pass.
        let mut multi = MultiCollector::new();
        let count_handle = multi.add_collector(Count);
        let mut facet_handles = Vec::new();
        for field in facet_fields.iter().copied().filter(|x| !is_set(*x)) {
            let mut c = FacetCollector::for_field(self.inner.schema.get_field_name(field));
            c.add_facet(Facet::root());
            facet_handles.push((field, multi.add_collector(c)));
        }
        let offset = (req.page.max(1) - 1) * domain::search::PAGE_SIZE;
        let top = TopDocs::with_limit(domain::search::PAGE_SIZE).and_offset(offset);
        let (addresses, mut fruits): (Vec<DocAddress>, _) = match req.sort {
            SortOrder::Relevance => {
                let (top, fruits) = searcher.search(&main, &(top.order_by_score(), multi))?;
                (top.into_iter().map(|(_, a)| a).collect(), fruits)
            }
            SortOrder::PriceAsc | SortOrder::PriceDesc => {
                let (field, order) = if req.sort == SortOrder::PriceAsc {
                    (PRICE_ASC, Order::Asc)
                } else {
                    (PRICE_DESC, Order::Desc)
                };
                let (top, fruits) = searcher.search(
                    &main,
                    &(top.order_by_fast_field::<u64>(field, order), multi),
                )?;
                (top.into_iter().map(|(_, a)| a).collect(), fruits)
            }
            SortOrder::Newest => {
                let (top, fruits) = searcher.search(
                    &main,
                    &(top.order_by_fast_field::<i64>(CREATED, Order::Desc), multi),
                )?;
                (top.into_iter().map(|(_, a)| a).collect(), fruits)
            }
        };
        let total = count_handle.extract(&mut fruits) as u64;
        let mut facets = Facets::default();
        let mut put = |field: Field, counts: tantivy::collector::FacetCounts| {
            let list: Vec<FacetCount> = counts
                .get(Facet::root())
                .map(|(facet, count)| FacetCount {
                    value: facet
                        .to_path()
                        .last()
                        .map(|s| (*s).to_owned())
                        .unwrap_or_default(),
                    count,
                })
                .collect();
            let target = match field {
                x if x == f.f_kind => &mut facets.kind,
                x if x == f.f_hall => &mut facets.hall,
                x if x == f.f_country => &mut facets.country,
                x if x == f.f_cert => &mut facets.certification,
                _ => &mut facets.price,
            };
            *target = list;
        };
        for (field, handle) in facet_handles {
            put(field, handle.extract(&mut fruits));
        }
        for field in facet_fields.iter().copied().filter(|x| is_set(*x)) {
            let q = self.query(expo_id, &text, req, Some(field));
            let mut c = FacetCollector::for_field(self.inner.schema.get_field_name(field));
            c.add_facet(Facet::root());
            put(field, searcher.search(&q, &c)?);
        }
        for list in [
            &mut facets.kind,
            &mut facets.hall,
            &mut facets.country,
            &mut facets.certification,
            &mut facets.price,
        ] {
            list.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.value.cmp(&b.value)));
        }
        let hits = self.identify(&searcher, &addresses);
        Ok(Found {
            total,
            hits,
            facets,
        })
    }

    /// The best few matches of an unfinished query, for the suggestions under the search box.
    pub fn suggest(
        &self,
        expo_id: &str,
        text: &str,
        limit: usize,
    ) -> Result<Vec<(HitKind, String)>> {
        let text_clauses = self.text_clauses(text, true);
        if text_clauses.is_empty() {
            return Ok(Vec::new());
        }
        let searcher = self.inner.reader.searcher();
        let q = self.query(expo_id, &text_clauses, &SearchRequest::default(), None);
        let top = searcher.search(&q, &TopDocs::with_limit(limit).order_by_score())?;
        let addresses: Vec<DocAddress> = top.into_iter().map(|(_, a)| a).collect();
        Ok(self.identify(&searcher, &addresses))
    }

    fn identify(
        &self,
        searcher: &tantivy::Searcher,
        addresses: &[DocAddress],
    ) -> Vec<(HitKind, String)> {
        let f = self.inner.fields;
        addresses
            .iter()
            .filter_map(|a| {
                let doc: TantivyDocument = searcher.doc(*a).ok()?;
                let id = doc.get_first(f.id)?.as_str()?.to_owned();
                let kind = HitKind::parse(doc.get_first(f.kind)?.as_str()?)?;
                Some((kind, id))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> Vec<String> {
        tokens(&mut analyzer(), text)
    }

    #[test]
    fn cjk_runs_become_bigrams_and_words_are_stemmed() {
        assert_eq!(cut("船用发动机"), ["船用", "用发", "发动", "动机"]);
        assert_eq!(cut("Marine Engines"), ["marin", "engin"]);
        assert_eq!(cut("船 engine"), ["船", "engin"]);
        assert_eq!(cut("선박 엔진"), ["선박", "엔진"]);
        assert_eq!(
            cut("マリンエンジン"),
            ["マリ", "リン", "ンエ", "エン", "ンジ", "ジン"]
        );
        assert_eq!(cut("судовые двигатели"), ["судов", "двигател"]);
        assert_eq!(
            cut("a+b -c \"d\" AND (e)"),
            ["a", "b", "c", "d", "and", "e"]
        );
        assert!(cut("").is_empty());
    }

    fn product(id: &str, zh: &str, en: &str, price: Option<i64>) -> Doc {
        let text = |zh: &str, en: &str| {
            LocalizedText::new(Locale::ZhCn, zh)
                .with(Locale::En, en)
                .to_json()
        };
        Doc::Product(db::search::ProductDoc {
            id: id.into(),
            expo_id: "x".into(),
            exhibitor_id: format!("e-{id}"),
            name: text(zh, en),
            description: text("出口品质", "Export quality"),
            category: "marine".into(),
            certifications: "CE; ISO 9001".into(),
            price_min: price,
            currency: "USD".into(),
            created_at: 1,
            company: text("威海公司", "Weihai Company"),
            country: "CN".into(),
            hall: "marine".into(),
        })
    }

    #[test]
    fn searches_in_any_language_with_facets_and_prefixes() {
        let index = SearchIndex::in_memory().expect("index");
        index
            .stage(
                &[],
                &[],
                &[
                    product("p1", "船用发动机", "Marine engine", Some(1_200_000)),
                    product("p2", "救生筏", "Life raft", None),
                ],
            )
            .expect("stage");
        index.commit(7, 0).expect("commit");
        let req = |text: &str| SearchRequest {
            text: text.into(),
            page: 1,
            ..SearchRequest::default()
        };
        let ids = |text: &str| -> Vec<String> {
            index
                .search("x", &req(text))
                .expect("search")
                .hits
                .into_iter()
                .map(|(_, id)| id)
                .collect()
        };
        assert_eq!(ids("船用发动机"), ["p1"]);
        assert_eq!(ids("marine engines"), ["p1"]);
        // The industry's label in any language finds its products.
        assert_eq!(ids("海洋装备").len(), 2);
        assert_eq!(ids("raft"), ["p2"]);
        assert!(ids("zebra").is_empty());
        assert!(index
            .search("other expo", &req("raft"))
            .expect("search")
            .hits
            .is_empty());
        let found = index.search("x", &req("")).expect("search");
        assert_eq!(found.total, 2);
        assert_eq!(
            found.facets.price,
            vec![FacetCount {
                value: "USD-4".into(),
                count: 1
            }]
        );
        assert_eq!(found.facets.certification.len(), 2);
        let sugg = index.suggest("x", "mari", 8).expect("suggest");
        assert_eq!(sugg[0].1, "p1");
        assert_eq!(index.suggest("x", "船", 8).expect("suggest")[0].1, "p1");
        assert_eq!(index.watermark().map(|w| w.change_id), Some(7));
        // Staging a removal hides the product after the next commit.
        index.stage(&["p1".into()], &[], &[]).expect("stage");
        index.commit(8, 0).expect("commit");
        assert!(ids("engine").is_empty());
    }
}
