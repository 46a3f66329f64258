//! Uploaded files checked for their structure, not only their first bytes: a PDF must end with
//! its trailer, an MP4's boxes and a WebM's elements must add up to the file, a GLB's declared
//! length must be the file's. The check is fed the bytes as they stream in, keeps a few bytes
//! of state, and never buffers the file, so a 500 MB video costs nothing extra.

/// Why a file's structure is refused: the Fluent id.
pub const TRUNCATED: &str = "error-media-truncated";

/// The formats whose structure is checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `application/pdf`.
    Pdf,
    /// `video/mp4`.
    Mp4,
    /// `video/webm`.
    Webm,
    /// `model/gltf-binary`.
    Glb,
}

impl Format {
    /// The format of a detected content type, for those that are checked.
    pub fn of(content_type: &str) -> Option<Format> {
        match content_type {
            "application/pdf" => Some(Format::Pdf),
            "video/mp4" => Some(Format::Mp4),
            "video/webm" => Some(Format::Webm),
            "model/gltf-binary" => Some(Format::Glb),
            _ => None,
        }
    }
}

/// How many trailing bytes of a PDF are kept to find `%%EOF`.
const PDF_TAIL: usize = 1024;

/// An incremental structure check.
#[derive(Clone, Debug)]
pub struct StructureCheck {
    format: Format,
    /// Bytes seen so far.
    seen: u64,
    /// The bytes of the header being read (an MP4 box or WebM element header, the GLB header),
    /// or a PDF's tail.
    buf: Vec<u8>,
    /// Where the next header starts (MP4 boxes, WebM elements).
    next_at: u64,
    /// The structure cannot be followed any further and is accepted (an MP4 box or a WebM
    /// element of unknown size runs to the end).
    open_ended: bool,
    /// An MP4 `moov` or `moof` box was seen (a playable file has one).
    movie: bool,
    /// WebM: inside the Segment (its children are walked), and where it ends if known.
    segment_end: Option<u64>,
    in_segment: bool,
    /// GLB: the length the header declares.
    glb_length: Option<u64>,
    /// A structural fault was found.
    broken: bool,
}

impl StructureCheck {
    /// A check for `format`.
    pub fn new(format: Format) -> StructureCheck {
        StructureCheck {
            format,
            seen: 0,
            buf: Vec::new(),
            next_at: 0,
            open_ended: false,
            movie: false,
            segment_end: None,
            in_segment: false,
            glb_length: None,
            broken: false,
        }
    }

    /// Takes the next bytes of the file.
    pub fn feed(&mut self, mut chunk: &[u8]) {
        if self.broken {
            return;
        }
        match self.format {
            Format::Pdf => {
                self.buf.extend_from_slice(chunk);
                if self.buf.len() > PDF_TAIL {
                    let cut = self.buf.len() - PDF_TAIL;
                    self.buf.drain(..cut);
                }
                self.seen += chunk.len() as u64;
            }
            Format::Glb => {
                if self.buf.len() < 20 {
                    let take = (20 - self.buf.len()).min(chunk.len());
                    self.buf.extend_from_slice(&chunk[..take]);
                    if self.buf.len() >= 12 && self.glb_length.is_none() {
                        let version = u32::from_le_bytes([
                            self.buf[4],
                            self.buf[5],
                            self.buf[6],
                            self.buf[7],
                        ]);
                        let length = u32::from_le_bytes([
                            self.buf[8],
                            self.buf[9],
                            self.buf[10],
                            self.buf[11],
                        ]);
                        if &self.buf[0..4] != b"glTF" || version != 2 {
                            self.broken = true;
                        }
                        self.glb_length = Some(u64::from(length));
                    }
                }
                self.seen += chunk.len() as u64;
            }
            Format::Mp4 | Format::Webm => {
                while !chunk.is_empty() && !self.open_ended && !self.broken {
                    if self.seen < self.next_at {
                        // Inside a box or element body: skip it.
                        let skip = (self.next_at - self.seen).min(chunk.len() as u64) as usize;
                        chunk = &chunk[skip..];
                        self.seen += skip as u64;
                        continue;
                    }
                    // At a header: collect it byte by byte until it is complete.
                    self.buf.push(chunk[0]);
                    chunk = &chunk[1..];
                    self.seen += 1;
                    match self.format {
                        Format::Mp4 => self.mp4_header(),
                        _ => self.webm_header(),
                    }
                }
                self.seen += chunk.len() as u64;
            }
        }
    }

    /// An MP4 box header in `buf` (size, type, then the 64-bit size when the size is 1).
    fn mp4_header(&mut self) {
        if self.buf.len() < 8 {
            return;
        }
        let size = u64::from(u32::from_be_bytes([
            self.buf[0],
            self.buf[1],
            self.buf[2],
            self.buf[3],
        ]));
        let kind = [self.buf[4], self.buf[5], self.buf[6], self.buf[7]];
        let (size, header) = match size {
            0 => {
                // Runs to the end of the file.
                self.note_box(kind);
                self.open_ended = true;
                self.buf.clear();
                return;
            }
            1 => {
                if self.buf.len() < 16 {
                    return;
                }
                let mut large = [0u8; 8];
                large.copy_from_slice(&self.buf[8..16]);
                (u64::from_be_bytes(large), 16)
            }
            n => (n, 8),
        };
        if size < header {
            self.broken = true;
            return;
        }
        self.note_box(kind);
        let start = self.seen - self.buf.len() as u64;
        self.next_at = start + size;
        self.buf.clear();
    }

    fn note_box(&mut self, kind: [u8; 4]) {
        if &kind == b"moov" || &kind == b"moof" {
            self.movie = true;
        }
        if !kind.iter().all(|b| b.is_ascii_graphic() || *b == b' ') {
            self.broken = true;
        }
    }

    /// A WebM (EBML) element header in `buf`: its id, then its size, both variable-length.
    fn webm_header(&mut self) {
        let Some(id_len) = vint_length(self.buf[0]) else {
            self.broken = true;
            return;
        };
        if id_len > 4 {
            self.broken = true;
            return;
        }
        if self.buf.len() <= id_len {
            return;
        }
        let Some(size_len) = vint_length(self.buf[id_len]) else {
            self.broken = true;
            return;
        };
        if self.buf.len() < id_len + size_len {
            return;
        }
        let id = self.buf[..id_len]
            .iter()
            .fold(0u32, |acc, b| (acc << 8) | u32::from(*b));
        let size_bytes = &self.buf[id_len..id_len + size_len];
        // The value bits of the first byte (after its length marker); all ones: unknown size.
        let mask = 0xFFu8.checked_shr(size_len as u32).unwrap_or(0);
        let unknown = size_bytes[0] & mask == mask && size_bytes[1..].iter().all(|b| *b == 0xFF);
        let mut size = u64::from(size_bytes[0] & mask);
        for b in &size_bytes[1..] {
            size = (size << 8) | u64::from(*b);
        }
        let start = self.seen - self.buf.len() as u64;
        let body = self.seen;
        self.buf.clear();
        const SEGMENT: u32 = 0x1853_8067;
        const EBML: u32 = 0x1A45_DFA3;
        if start == 0 && id != EBML {
            self.broken = true;
            return;
        }
        if id == SEGMENT && !self.in_segment {
            // Walk the Segment's children.
            self.in_segment = true;
            self.segment_end = (!unknown).then_some(body + size);
            self.next_at = body;
            return;
        }
        if unknown {
            // A cluster of unknown size (a live recording): nothing more can be checked.
            self.open_ended = true;
            return;
        }
        self.next_at = body + size;
    }

    /// Checks the end: `Ok` when the structure adds up to the file's `seen` bytes, else the
    /// Fluent id of the refusal.
    pub fn finish(&self) -> Result<(), &'static str> {
        if self.broken {
            return Err(TRUNCATED);
        }
        let ok = match self.format {
            Format::Pdf => {
                let tail = String::from_utf8_lossy(&self.buf);
                tail.trim_end_matches(|c: char| c.is_ascii_whitespace() || c == '\0')
                    .ends_with("%%EOF")
            }
            Format::Glb => {
                self.buf.len() >= 20 && self.glb_length == Some(self.seen) && {
                    let chunk = u64::from(u32::from_le_bytes([
                        self.buf[12],
                        self.buf[13],
                        self.buf[14],
                        self.buf[15],
                    ]));
                    &self.buf[16..20] == b"JSON" && 20 + chunk <= self.seen
                }
            }
            Format::Mp4 => {
                self.movie && self.buf.is_empty() && (self.open_ended || self.next_at == self.seen)
            }
            Format::Webm => {
                self.in_segment
                    && self.buf.is_empty()
                    && (self.open_ended
                        || match self.segment_end {
                            Some(end) => end == self.seen && self.next_at == self.seen,
                            None => self.next_at == self.seen,
                        })
            }
        };
        if ok {
            Ok(())
        } else {
            Err(TRUNCATED)
        }
    }
}

/// The length of an EBML variable-length integer from its first byte (1 to 8), or `None` for
/// a zero byte.
fn vint_length(first: u8) -> Option<usize> {
    (first != 0).then(|| first.leading_zeros() as usize + 1)
}

/// Whether `head` is a text glTF (JSON with an `asset` object) rather than the binary GLB the
/// viewers take.
pub fn is_text_gltf(head: &[u8]) -> bool {
    let text = String::from_utf8_lossy(&head[..head.len().min(4096)]);
    let t = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    t.starts_with('{') && t.contains("\"asset\"")
}

#[cfg(test)]
mod tests;
