//! Products: the product page with its specification table, price, terms and related products.
//!
//! Invariant: public; prices are shown in the viewer's number format, never converted.

pub mod api;
pub mod product_page;
pub mod product_pictures;
