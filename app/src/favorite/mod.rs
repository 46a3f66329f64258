//! Favorites: the heart on booth and product pages and "My favorites".
//!
//! Invariant: only signed-in people keep favorites; each person sees only their own; the booth
//! team sees how many people keep its booth and products, never who.

pub mod api;
pub mod favorite_button;
pub mod favorites_page;
