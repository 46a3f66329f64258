//! Live WebM: normalizing a broadcaster's `MediaRecorder` stream, and turning the recording into a
//! seekable file.
//!
//! **Ingest.** A browser's `MediaRecorder` emits a "live" WebM: an EBML header, a Segment of
//! unknown size, Info, Tracks, then Clusters of unknown size. It arrives in chunks cut at arbitrary
//! bytes. [`Ingest`] parses it incrementally and re-emits a normalized stream:
//!
//! * the stream header (EBML header, Segment header of unknown size, Info, Tracks) once, from the
//!   first session; a reconnecting session's header is checked against it and dropped;
//! * every Cluster as `ID + 8-byte unknown size + Timecode (E7 88 + 8-byte value)`, followed by its
//!   blocks (SimpleBlock, BlockGroup), each written only once it is complete, so the output always
//!   ends on an element boundary;
//! * cluster timecodes shifted so that a reconnecting session continues the stream's timeline,
//!   and its blocks renumbered to the stream's tracks (Chromium numbers tracks in the order their
//!   first frames arrive, so a new recorder may swap audio and video);
//! * join points: clusters where a late viewer can start (the cluster's first video block is a
//!   keyframe, or every cluster when the stream has no video). Chromium's muxer starts a cluster
//!   at each video keyframe but often puts the audio block just before it first, so the decision
//!   waits for the first video block: a cluster's output is held back until then (or until the
//!   cluster ends, or holds more than a second or a MiB without video).
//!
//! The output of a chunked stream does not depend on where the chunks were cut.
//!
//! **Replay.** When the stream ends, [`Scanner`] reads the recording (the concatenation of all
//! [`Pushed::bytes`]) piece by piece and produces a [`Layout`]: the parts of a seekable WebM
//! (Segment and Clusters of known size, SeekHead, Info with a Duration, Cues), mostly as byte
//! ranges of the recording so that nothing large is held in memory.
//!
//! Everything here is pure: no I/O, and no input can make it panic.

use std::ops::Range;

/// Largest single element (a block) accepted.
pub const MAX_ELEMENT: usize = 8 << 20;
/// Largest gap between join points (bytes since the last keyframe cluster) before the stream is
/// refused.
pub const MAX_GOP: usize = 16 << 20;

const ID_EBML: u32 = 0x1A45_DFA3;
const ID_DOCTYPE: u32 = 0x4282;
const ID_SEGMENT: u32 = 0x1853_8067;
const ID_SEEKHEAD: u32 = 0x114D_9B74;
const ID_SEEK: u32 = 0x4DBB;
const ID_SEEKID: u32 = 0x53AB;
const ID_SEEKPOSITION: u32 = 0x53AC;
const ID_INFO: u32 = 0x1549_A966;
const ID_TIMECODESCALE: u32 = 0x2A_D7B1;
const ID_DURATION: u32 = 0x4489;
const ID_TRACKS: u32 = 0x1654_AE6B;
const ID_TRACKENTRY: u32 = 0xAE;
const ID_TRACKNUMBER: u32 = 0xD7;
const ID_TRACKTYPE: u32 = 0x83;
const ID_CODECID: u32 = 0x86;
const ID_CODECPRIVATE: u32 = 0x63A2;
const ID_CLUSTER: u32 = 0x1F43_B675;
const ID_TIMECODE: u32 = 0xE7;
const ID_SIMPLEBLOCK: u32 = 0xA3;
const ID_BLOCKGROUP: u32 = 0xA0;
const ID_BLOCK: u32 = 0xA1;
const ID_REFERENCEBLOCK: u32 = 0xFB;
const ID_CUES: u32 = 0x1C53_BB6B;
const ID_CUEPOINT: u32 = 0xBB;
const ID_CUETIME: u32 = 0xB3;
const ID_CUETRACKPOSITIONS: u32 = 0xB7;
const ID_CUETRACK: u32 = 0xF7;
const ID_CUECLUSTERPOSITION: u32 = 0xF1;
const ID_TAGS: u32 = 0x1254_C367;
const ID_CHAPTERS: u32 = 0x1043_A770;
const ID_ATTACHMENTS: u32 = 0x1941_A469;
const ID_VOID: u32 = 0xEC;
const ID_CRC32: u32 = 0xBF;

/// The first bytes of every EBML document (the EBML header's ID).
const EBML_MAGIC: [u8; 4] = [0x1A, 0x45, 0xDF, 0xA3];
/// An 8-byte size vint with all value bits set: "unknown size".
const UNKNOWN_SIZE: [u8; 8] = [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];
/// Largest part of a cluster held back while waiting for its first video block.
const MAX_HOLD_BYTES: usize = 1 << 20;
/// Longest stretch of a cluster (in nanoseconds from its timecode) held back while waiting for
/// its first video block.
const MAX_HOLD_NS: u64 = 1_000_000_000;
/// Largest EBML header accepted (real ones are about 40 bytes).
const MAX_EBML_HEADER: u64 = 4096;
/// Matroska's default tick: one millisecond.
const DEFAULT_TIMECODE_SCALE: u64 = 1_000_000;
/// The gap left between sessions and added to the last block for the duration: one frame at
/// about 30 fps.
const FRAME_NS: u64 = 33_000_000;
/// Track type of video tracks.
const TRACK_VIDEO: u64 = 1;
/// Bytes of a SimpleBlock needed to know its track, timecode and flags (8-byte track vint at most).
const BLOCK_HEAD: u64 = 11;
/// Length of a Seek entry as written by [`Layout`].
const SEEK_LEN: u64 = 21;
/// Length of a CuePoint as written by [`Layout`].
const CUE_POINT_LEN: u64 = 34;
/// Length of a master element's header as written here: 4-byte ID + 8-byte size.
const MASTER_HEAD_LEN: u64 = 12;
/// Length of the Duration element as written by [`Layout`].
const DURATION_LEN: u64 = 11;

/// Why a live stream (or a recording) was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WebmError {
    /// The first bytes of a session are not an EBML header with DocType "webm".
    #[error("not a WebM stream")]
    NotWebm,
    /// Broken structure: a bad vint, a size larger than its parent, an unknown size where it is
    /// not allowed, a block without a cluster timecode, etc.
    #[error("malformed WebM stream")]
    Malformed,
    /// An element larger than [`MAX_ELEMENT`].
    #[error("WebM element too large")]
    TooLarge,
    /// A reconnecting session's tracks (their types, codecs and codec private data) or tick
    /// length differ from the stream's. (Track numbers may differ: blocks are renumbered.)
    #[error("the tracks of the stream changed")]
    TracksChanged,
    /// More than [`MAX_GOP`] bytes without a join point.
    #[error("no keyframes in the stream")]
    NoKeyframes,
    /// The header ended (first Cluster) without a Tracks element or without any track.
    #[error("the stream has no tracks")]
    NoTracks,
}

impl WebmError {
    /// The Fluent message id explaining this error to the broadcaster.
    pub fn message_id(&self) -> &'static str {
        match self {
            WebmError::NotWebm => "live-error-not-webm",
            WebmError::Malformed => "live-error-malformed",
            WebmError::TooLarge => "live-error-too-large",
            WebmError::TracksChanged => "live-error-tracks-changed",
            WebmError::NoKeyframes => "live-error-no-keyframes",
            WebmError::NoTracks => "live-error-no-tracks",
        }
    }
}

/// A place in the output stream where a viewer can start: a cluster whose first video block is a
/// keyframe (for audio-only streams: every cluster).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JoinPoint {
    /// Output offset of the Cluster's ID.
    pub offset: u64,
    /// The cluster's timecode in TimecodeScale ticks, after shifting.
    pub timecode: u64,
}

/// What one [`Ingest::push`] produced.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Pushed {
    /// Normalized bytes to append to the stream (whole elements only).
    pub bytes: Vec<u8>,
    /// The join points among `bytes`, in order (offsets are stream offsets, not offsets in `bytes`).
    pub join_points: Vec<JoinPoint>,
}

// ---------------------------------------------------------------------------------------------
// EBML primitives
// ---------------------------------------------------------------------------------------------

/// An element's header: its ID (marker kept), its size (`None`: unknown) and the header's length.
#[derive(Debug, Clone, Copy)]
struct Head {
    id: u32,
    size: Option<u64>,
    len: usize,
}

/// Reads a vint with its marker removed. `Ok(None)`: more bytes are needed.
fn read_vint(b: &[u8]) -> Result<Option<(u64, usize)>, WebmError> {
    let Some(&first) = b.first() else {
        return Ok(None);
    };
    if first == 0 {
        return Err(WebmError::Malformed);
    }
    let len = first.leading_zeros() as usize + 1;
    let Some(bytes) = b.get(..len) else {
        return Ok(None);
    };
    let mut value = u64::from(first) & (0xFF_u64 >> len);
    for &x in bytes.iter().skip(1) {
        value = (value << 8) | u64::from(x);
    }
    Ok(Some((value, len)))
}

/// Reads an element header at the start of `b`. `Ok(None)`: more bytes are needed.
fn read_head(b: &[u8]) -> Result<Option<Head>, WebmError> {
    let Some(&first) = b.first() else {
        return Ok(None);
    };
    let id_len = match first {
        0x80..=0xFF => 1,
        0x40..=0x7F => 2,
        0x20..=0x3F => 3,
        0x10..=0x1F => 4,
        _ => return Err(WebmError::Malformed),
    };
    let Some(id_bytes) = b.get(..id_len) else {
        return Ok(None);
    };
    let id = id_bytes
        .iter()
        .fold(0_u32, |acc, &x| (acc << 8) | u32::from(x));
    // IDs with all value bits set are reserved.
    if matches!(id, 0xFF | 0x7FFF | 0x3F_FFFF | 0x1FFF_FFFF) {
        return Err(WebmError::Malformed);
    }
    let rest = b.get(id_len..).unwrap_or_default();
    let Some((value, size_len)) = read_vint(rest)? else {
        return Ok(None);
    };
    let unknown = value == (1_u64 << (7 * size_len)) - 1;
    Ok(Some(Head {
        id,
        size: if unknown { None } else { Some(value) },
        len: id_len + size_len,
    }))
}

/// The whole element and its body, if `avail` holds all of it (`size` must fit in memory: the
/// caller has checked it against a limit).
fn whole(avail: &[u8], head: Head, size: u64) -> Option<(&[u8], &[u8])> {
    let size = usize::try_from(size).ok()?;
    let total = head.len.checked_add(size)?;
    let elem = avail.get(..total)?;
    let body = elem.get(head.len..)?;
    Some((elem, body))
}

/// Checks that an element starting at `at` fits in its parent ending at `parent_end`; returns
/// the element's end.
fn fits(parent_end: Option<u64>, at: u64, head: Head, size: u64) -> Result<u64, WebmError> {
    let end = at
        .checked_add(head.len as u64)
        .and_then(|x| x.checked_add(size))
        .ok_or(WebmError::Malformed)?;
    match parent_end {
        Some(p) if end > p => Err(WebmError::Malformed),
        _ => Ok(end),
    }
}

/// An unsigned integer element's value.
fn uint(body: &[u8]) -> Result<u64, WebmError> {
    if body.len() > 8 {
        return Err(WebmError::Malformed);
    }
    Ok(body.iter().fold(0_u64, |acc, &x| (acc << 8) | u64::from(x)))
}

/// A string element's value (trailing NULs removed).
fn string(body: &[u8]) -> String {
    let end = body.iter().rposition(|&x| x != 0).map_or(0, |p| p + 1);
    String::from_utf8_lossy(body.get(..end).unwrap_or_default()).into_owned()
}

/// Splits the first child off a complete master body: (id, whole element, body, rest).
type Split<'a> = (u32, &'a [u8], &'a [u8], &'a [u8]);

fn split_child(b: &[u8]) -> Result<Split<'_>, WebmError> {
    let head = read_head(b)?.ok_or(WebmError::Malformed)?;
    let size = head.size.ok_or(WebmError::Malformed)?;
    let (elem, body) = whole(b, head, size).ok_or(WebmError::Malformed)?;
    let rest = b.get(elem.len()..).unwrap_or_default();
    Ok((head.id, elem, body, rest))
}

/// The children of a complete master element's body: `(id, whole element, body)`.
struct Children<'a> {
    rest: &'a [u8],
}

fn children(body: &[u8]) -> Children<'_> {
    Children { rest: body }
}

impl<'a> Iterator for Children<'a> {
    type Item = Result<(u32, &'a [u8], &'a [u8]), WebmError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.rest.is_empty() {
            return None;
        }
        match split_child(self.rest) {
            Ok((id, elem, body, rest)) => {
                self.rest = rest;
                Some(Ok((id, elem, body)))
            }
            Err(e) => {
                self.rest = &[];
                Some(Err(e))
            }
        }
    }
}

/// The ID's bytes as written in a stream.
fn id_bytes(id: u32) -> Vec<u8> {
    id.to_be_bytes()
        .into_iter()
        .skip_while(|&b| b == 0)
        .collect()
}

/// An 8-byte size vint for a known size.
fn size8(n: u64) -> [u8; 8] {
    let value = n.min((1_u64 << 56) - 2);
    let mut b = value.to_be_bytes();
    b[0] = 0x01;
    b
}

/// True for the IDs that live directly in a Segment (they end a cluster of unknown size).
fn is_top_level(id: u32) -> bool {
    matches!(
        id,
        ID_CLUSTER
            | ID_CUES
            | ID_TAGS
            | ID_INFO
            | ID_TRACKS
            | ID_SEEKHEAD
            | ID_CHAPTERS
            | ID_ATTACHMENTS
    )
}

/// One track of the stream, as far as compatibility between sessions goes.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Track {
    number: u64,
    kind: u64,
    codec: String,
    /// CodecPrivate (for Opus: the OpusHead, with the channel count).
    private: Vec<u8>,
}

/// True when the EBML header's body declares DocType "webm".
fn doc_type_is_webm(body: &[u8]) -> Result<bool, WebmError> {
    for child in children(body) {
        let (id, _, value) = child?;
        if id == ID_DOCTYPE {
            return Ok(string(value) == "webm");
        }
    }
    // The default DocType is "matroska".
    Ok(false)
}

/// The TimecodeScale of an Info body.
fn parse_info(body: &[u8]) -> Result<u64, WebmError> {
    let mut scale = DEFAULT_TIMECODE_SCALE;
    for child in children(body) {
        let (id, _, value) = child?;
        if id == ID_TIMECODESCALE {
            scale = uint(value)?;
        }
    }
    if scale == 0 {
        return Err(WebmError::Malformed);
    }
    Ok(scale)
}

/// The tracks of a Tracks body.
fn parse_tracks(body: &[u8]) -> Result<Vec<Track>, WebmError> {
    let mut tracks: Vec<Track> = Vec::new();
    for child in children(body) {
        let (id, _, entry) = child?;
        if id != ID_TRACKENTRY {
            continue;
        }
        let mut number = None;
        let mut kind = 0;
        let mut codec = String::new();
        let mut private = Vec::new();
        for field in children(entry) {
            let (id, _, value) = field?;
            match id {
                ID_TRACKNUMBER => number = Some(uint(value)?),
                ID_TRACKTYPE => kind = uint(value)?,
                ID_CODECID => codec = string(value),
                ID_CODECPRIVATE => private = value.to_vec(),
                _ => {}
            }
        }
        let number = number.filter(|&n| n > 0).ok_or(WebmError::Malformed)?;
        if tracks.iter().any(|t| t.number == number) {
            return Err(WebmError::Malformed);
        }
        tracks.push(Track {
            number,
            kind,
            codec,
            private,
        });
    }
    Ok(tracks)
}

/// The track used for join points and cues: the first video track.
fn video_track(tracks: &[Track]) -> Option<u64> {
    tracks
        .iter()
        .find(|t| t.kind == TRACK_VIDEO)
        .map(|t| t.number)
}

/// One frame (33 ms) in ticks, at least one tick.
fn frame_ticks(timecode_scale: u64) -> u64 {
    (FRAME_NS / timecode_scale.max(1)).max(1)
}

/// What a block says about itself.
#[derive(Debug, Clone, Copy)]
struct BlockInfo {
    track: u64,
    /// Where the track number's vint is in the element's body, and its length.
    track_at: usize,
    track_len: usize,
    relative: i16,
    keyframe: bool,
}

/// Reads the start of a Block / SimpleBlock body: track vint, int16 timecode, flags.
fn block_head(body: &[u8]) -> Result<(u64, usize, i16, u8), WebmError> {
    let (track, n) = read_vint(body)?.ok_or(WebmError::Malformed)?;
    let t0 = *body.get(n).ok_or(WebmError::Malformed)?;
    let t1 = *body.get(n + 1).ok_or(WebmError::Malformed)?;
    let flags = *body.get(n + 2).ok_or(WebmError::Malformed)?;
    Ok((track, n, i16::from_be_bytes([t0, t1]), flags))
}

/// Parses a SimpleBlock (at least its first bytes) or a whole BlockGroup body.
fn parse_block(id: u32, body: &[u8]) -> Result<BlockInfo, WebmError> {
    if id == ID_SIMPLEBLOCK {
        let (track, track_len, relative, flags) = block_head(body)?;
        return Ok(BlockInfo {
            track,
            track_at: 0,
            track_len,
            relative,
            keyframe: flags & 0x80 != 0,
        });
    }
    let mut block = None;
    let mut referenced = false;
    let mut rest = body;
    let mut offset = 0_usize;
    while !rest.is_empty() {
        let (id, elem, value, next) = split_child(rest)?;
        match id {
            ID_BLOCK => {
                if block.is_some() {
                    return Err(WebmError::Malformed);
                }
                let (track, track_len, relative, _) = block_head(value)?;
                let track_at = offset + (elem.len() - value.len());
                block = Some((track, track_at, track_len, relative));
            }
            ID_REFERENCEBLOCK => referenced = true,
            _ => {}
        }
        offset += elem.len();
        rest = next;
    }
    let (track, track_at, track_len, relative) = block.ok_or(WebmError::Malformed)?;
    Ok(BlockInfo {
        track,
        track_at,
        track_len,
        relative,
        keyframe: !referenced,
    })
}

/// A copy of a block element with its track number replaced by `track`, written in the same
/// number of bytes (so the element keeps its size).
fn retrack(elem: &[u8], body: &[u8], info: &BlockInfo, track: u64) -> Result<Vec<u8>, WebmError> {
    let len = info.track_len;
    if len == 0 || len > 8 || track >= (1_u64 << (7 * len)) - 1 {
        return Err(WebmError::TracksChanged);
    }
    let mut vint = track.to_be_bytes();
    let start = vint.len() - len;
    let field = vint.get_mut(start..).ok_or(WebmError::Malformed)?;
    if let Some(first) = field.first_mut() {
        *first |= 0x80 >> (len - 1);
    }
    let at = (elem.len() - body.len()) + info.track_at;
    let mut copy = elem.to_vec();
    copy.get_mut(at..at + len)
        .ok_or(WebmError::Malformed)?
        .copy_from_slice(field);
    Ok(copy)
}

/// Pairs a session's tracks with the stream's: same type, codec and codec private data, in
/// order. Returns (session number, stream number) pairs, or `None` when they do not match.
fn match_tracks(stream: &[Track], session: &[Track]) -> Option<Vec<(u64, u64)>> {
    if stream.len() != session.len() {
        return None;
    }
    let mut used = vec![false; stream.len()];
    let mut map = Vec::with_capacity(session.len());
    for t in session {
        let (taken, s) = used.iter_mut().zip(stream).find(|(taken, s)| {
            !**taken && s.kind == t.kind && s.codec == t.codec && s.private == t.private
        })?;
        *taken = true;
        map.push((t.number, s.number));
    }
    Some(map)
}

/// A block's absolute timecode, clamped to the u64 range.
fn absolute(cluster: u64, relative: i16) -> u64 {
    let t = i128::from(cluster) + i128::from(relative);
    u64::try_from(t.max(0)).unwrap_or(u64::MAX)
}

/// Where a parser is in a WebM document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Expecting the EBML header.
    Ebml,
    /// Expecting the Segment.
    Segment,
    /// Inside the Segment, between its children.
    Body,
    /// Inside a Cluster.
    Cluster,
    /// After the end of a Segment of known size.
    Ended,
}

/// Reads the EBML header at the start of `avail`: `Ok(None)` until it is complete, else the whole
/// element. Any defect is `NotWebm`.
fn ebml_header(avail: &[u8]) -> Result<Option<&[u8]>, WebmError> {
    let n = avail.len().min(EBML_MAGIC.len());
    if avail.get(..n) != EBML_MAGIC.get(..n) {
        return Err(WebmError::NotWebm);
    }
    let Some(head) = read_head(avail).map_err(|_| WebmError::NotWebm)? else {
        return Ok(None);
    };
    let size = head.size.ok_or(WebmError::NotWebm)?;
    if size > MAX_EBML_HEADER {
        return Err(WebmError::NotWebm);
    }
    let Some((elem, body)) = whole(avail, head, size) else {
        return Ok(None);
    };
    if !doc_type_is_webm(body).map_err(|_| WebmError::NotWebm)? {
        return Err(WebmError::NotWebm);
    }
    Ok(Some(elem))
}

// ---------------------------------------------------------------------------------------------
// Ingest
// ---------------------------------------------------------------------------------------------

/// What stays across sessions (restored as a whole when a push fails).
#[derive(Debug, Clone)]
struct Stream {
    header: Option<Vec<u8>>,
    tracks: Vec<Track>,
    video: Option<u64>,
    timecode_scale: u64,
    written: u64,
    last_timecode: Option<u64>,
    /// Offset of the last join point, or the end of the header before the first one.
    gop_start: u64,
}

/// The cluster being read.
#[derive(Debug, Default, Clone)]
struct ClusterState {
    /// Session input offset of its end, when its size is known.
    end: Option<u64>,
    /// Its timecode as received.
    timecode: Option<u64>,
    /// Its timecode after shifting, once its first block came (`held` then starts with the
    /// cluster's header).
    shifted: Option<u64>,
    /// Whether it is known to be a join point or not; until then its output is held back.
    decided: bool,
    /// Output held back until the cluster's first video block tells whether it is a join point.
    held: Vec<u8>,
    /// The largest absolute timecode among the held blocks.
    held_last: Option<u64>,
}

/// One broadcaster session's parsing state.
#[derive(Debug)]
struct Session {
    /// Received bytes not consumed yet (an unfinished element).
    buf: Vec<u8>,
    /// Session input offset of `buf[0]`.
    pos: u64,
    phase: Phase,
    failed: Option<WebmError>,
    /// The header as it would be output (EBML header, Segment header, Info, Tracks).
    header: Vec<u8>,
    info_seen: bool,
    tracks: Option<Vec<Track>>,
    timecode_scale: u64,
    header_done: bool,
    segment_end: Option<u64>,
    cluster: ClusterState,
    /// Added to this session's cluster timecodes, fixed at its first block.
    shift: Option<i128>,
    /// This session's track numbers and the stream's (Chromium numbers tracks in the order
    /// their first frames arrive, so a reconnect may swap them).
    track_map: Vec<(u64, u64)>,
}

impl Session {
    fn new() -> Self {
        Session {
            buf: Vec::new(),
            pos: 0,
            phase: Phase::Ebml,
            failed: None,
            header: Vec::new(),
            info_seen: false,
            tracks: None,
            timecode_scale: DEFAULT_TIMECODE_SCALE,
            header_done: false,
            segment_end: None,
            cluster: ClusterState::default(),
            shift: None,
            track_map: Vec::new(),
        }
    }
}

/// One live stream's ingest, across broadcaster sessions (reconnects).
#[derive(Debug)]
pub struct Ingest {
    stream: Stream,
    session: Session,
}

impl Default for Ingest {
    fn default() -> Self {
        Self::new()
    }
}

impl Ingest {
    /// A stream with nothing received yet; the first session begins right away.
    pub fn new() -> Self {
        Ingest {
            stream: Stream {
                header: None,
                tracks: Vec::new(),
                video: None,
                timecode_scale: DEFAULT_TIMECODE_SCALE,
                written: 0,
                last_timecode: None,
                gop_start: 0,
            },
            session: Session::new(),
        }
    }

    /// A new broadcaster session begins (new MediaRecorder / reconnect): its bytes must start with
    /// an EBML header. Anything buffered from an unfinished element of the previous session is
    /// dropped.
    pub fn new_session(&mut self) {
        self.session = Session::new();
    }

    /// Feeds a chunk; returns the normalized bytes to append to the stream and the join points
    /// among them.
    ///
    /// On error nothing of this chunk is output, the session is over (every later push returns
    /// the same error) and the stream stays as the previous calls left it: call
    /// [`Ingest::new_session`] for the next broadcaster session.
    pub fn push(&mut self, chunk: &[u8]) -> Result<Pushed, WebmError> {
        if let Some(e) = &self.session.failed {
            return Err(e.clone());
        }
        let snapshot = self.stream.clone();
        let mut buf = std::mem::take(&mut self.session.buf);
        buf.extend_from_slice(chunk);
        let mut out = Pushed::default();
        match self.run(&buf, &mut out) {
            Ok(used) => {
                let used = used.min(buf.len());
                buf.drain(..used);
                self.session.pos = self.session.pos.saturating_add(used as u64);
                self.session.buf = buf;
                Ok(out)
            }
            Err(e) => {
                self.stream = snapshot;
                self.session.failed = Some(e.clone());
                Err(e)
            }
        }
    }

    /// The broadcaster's recorder stopped (its last chunk has been pushed): outputs the part of
    /// the current cluster still held back waiting for a video block, as no join point. Without
    /// it, that part (audio of at most one cluster, at the very end of a session) is dropped by
    /// the next [`Ingest::new_session`]. Harmless at any time; errors like [`Ingest::push`].
    pub fn flush(&mut self) -> Result<Pushed, WebmError> {
        if let Some(e) = &self.session.failed {
            return Err(e.clone());
        }
        let snapshot = self.stream.clone();
        let mut out = Pushed::default();
        let cluster = &self.session.cluster;
        let result = if cluster.shifted.is_some() && !cluster.decided {
            self.release(false, &mut out)
        } else {
            Ok(())
        };
        match result {
            Ok(()) => Ok(out),
            Err(e) => {
                self.stream = snapshot;
                self.session.failed = Some(e.clone());
                Err(e)
            }
        }
    }

    /// The stream header (EBML header + Segment header of unknown size + Info + Tracks), once the
    /// first session's header is complete.
    pub fn header(&self) -> Option<&[u8]> {
        self.stream.header.as_deref()
    }

    /// Bytes output so far (the spool file's length).
    pub fn written(&self) -> u64 {
        self.stream.written
    }

    /// Timecode (ticks) of the last block output, absolute (cluster + block relative), after
    /// shifting; the largest one when blocks are not in timecode order.
    pub fn last_timecode(&self) -> Option<u64> {
        self.stream.last_timecode
    }

    /// Tick length in nanoseconds (TimecodeScale; default 1_000_000).
    pub fn timecode_scale(&self) -> u64 {
        self.stream.timecode_scale
    }

    /// Parses as much of `buf` as possible; returns how many bytes were consumed.
    fn run(&mut self, buf: &[u8], out: &mut Pushed) -> Result<usize, WebmError> {
        let mut c = 0_usize;
        loop {
            let avail = buf.get(c..).unwrap_or_default();
            let at = self.session.pos.saturating_add(c as u64);
            let step = match self.session.phase {
                Phase::Ebml => self.step_ebml(avail)?,
                Phase::Segment => self.step_segment(avail, at)?,
                Phase::Body => self.step_body(avail, at, out)?,
                Phase::Cluster => self.step_cluster(avail, at, out)?,
                Phase::Ended if avail.is_empty() => None,
                Phase::Ended => return Err(WebmError::Malformed),
            };
            match step {
                Some(n) => c += n,
                None => return Ok(c),
            }
        }
    }

    fn emit(&mut self, out: &mut Pushed, bytes: &[u8]) {
        out.bytes.extend_from_slice(bytes);
        self.stream.written = self.stream.written.saturating_add(bytes.len() as u64);
    }

    fn step_ebml(&mut self, avail: &[u8]) -> Result<Option<usize>, WebmError> {
        let Some(elem) = ebml_header(avail)? else {
            return Ok(None);
        };
        self.session.header.extend_from_slice(elem);
        self.session.phase = Phase::Segment;
        Ok(Some(elem.len()))
    }

    fn step_segment(&mut self, avail: &[u8], at: u64) -> Result<Option<usize>, WebmError> {
        let Some(head) = read_head(avail)? else {
            return Ok(None);
        };
        match head.id {
            ID_SEGMENT => {
                self.session.segment_end = match head.size {
                    Some(size) => Some(fits(None, at, head, size)?),
                    None => None,
                };
                self.session.header.extend_from_slice(&id_bytes(ID_SEGMENT));
                self.session.header.extend_from_slice(&UNKNOWN_SIZE);
                self.session.phase = Phase::Body;
                Ok(Some(head.len))
            }
            ID_VOID => {
                let size = head.size.ok_or(WebmError::Malformed)?;
                if size > MAX_ELEMENT as u64 {
                    return Err(WebmError::TooLarge);
                }
                Ok(whole(avail, head, size).map(|(elem, _)| elem.len()))
            }
            _ => Err(WebmError::Malformed),
        }
    }

    fn step_body(
        &mut self,
        avail: &[u8],
        at: u64,
        out: &mut Pushed,
    ) -> Result<Option<usize>, WebmError> {
        let segment_end = self.session.segment_end;
        if segment_end.is_some_and(|end| at >= end) {
            self.session.phase = Phase::Ended;
            return Ok(Some(0));
        }
        let Some(head) = read_head(avail)? else {
            return Ok(None);
        };
        if head.id == ID_CLUSTER {
            if !self.session.header_done {
                self.finish_header(out)?;
            }
            let end = match head.size {
                Some(size) => Some(fits(segment_end, at, head, size)?),
                None => None,
            };
            self.session.cluster = ClusterState {
                end,
                ..ClusterState::default()
            };
            self.session.phase = Phase::Cluster;
            return Ok(Some(head.len));
        }
        if head.id == ID_EBML {
            return Err(WebmError::Malformed);
        }
        let size = head.size.ok_or(WebmError::Malformed)?;
        fits(segment_end, at, head, size)?;
        if size > MAX_ELEMENT as u64 {
            return Err(WebmError::TooLarge);
        }
        let Some((elem, body)) = whole(avail, head, size) else {
            return Ok(None);
        };
        if !self.session.header_done {
            match head.id {
                ID_INFO => {
                    if self.session.info_seen {
                        return Err(WebmError::Malformed);
                    }
                    self.session.timecode_scale = parse_info(body)?;
                    self.session.info_seen = true;
                    self.session.header.extend_from_slice(elem);
                }
                ID_TRACKS => {
                    if self.session.tracks.is_some() {
                        return Err(WebmError::Malformed);
                    }
                    self.session.tracks = Some(parse_tracks(body)?);
                    self.session.header.extend_from_slice(elem);
                }
                // SeekHead, Void, Tags, Cues, Chapters...: dropped.
                _ => {}
            }
        }
        Ok(Some(elem.len()))
    }

    /// The session's header is complete (its first Cluster begins): the first session's header
    /// becomes the stream's; a later session's must match it.
    fn finish_header(&mut self, out: &mut Pushed) -> Result<(), WebmError> {
        let tracks = self.session.tracks.take().ok_or(WebmError::NoTracks)?;
        if tracks.is_empty() {
            return Err(WebmError::NoTracks);
        }
        let scale = self.session.timecode_scale;
        if self.stream.header.is_some() {
            if scale != self.stream.timecode_scale {
                return Err(WebmError::TracksChanged);
            }
            self.session.track_map =
                match_tracks(&self.stream.tracks, &tracks).ok_or(WebmError::TracksChanged)?;
        } else {
            self.session.track_map = tracks.iter().map(|t| (t.number, t.number)).collect();
            let header = std::mem::take(&mut self.session.header);
            self.emit(out, &header);
            self.stream.header = Some(header);
            self.stream.video = video_track(&tracks);
            self.stream.tracks = tracks;
            self.stream.timecode_scale = scale;
            self.stream.gop_start = self.stream.written;
        }
        self.session.header_done = true;
        Ok(())
    }

    fn step_cluster(
        &mut self,
        avail: &[u8],
        at: u64,
        out: &mut Pushed,
    ) -> Result<Option<usize>, WebmError> {
        let own_end = self.session.cluster.end;
        let parent_end = own_end.or(self.session.segment_end);
        if parent_end.is_some_and(|end| at >= end) {
            self.end_cluster(out)?;
            return Ok(Some(0));
        }
        let Some(head) = read_head(avail)? else {
            return Ok(None);
        };
        if is_top_level(head.id) {
            if own_end.is_some() {
                return Err(WebmError::Malformed);
            }
            self.end_cluster(out)?;
            return Ok(Some(0));
        }
        if head.id == ID_EBML {
            return Err(WebmError::Malformed);
        }
        let size = head.size.ok_or(WebmError::Malformed)?;
        fits(parent_end, at, head, size)?;
        if size > MAX_ELEMENT as u64 {
            return Err(WebmError::TooLarge);
        }
        let Some((elem, body)) = whole(avail, head, size) else {
            return Ok(None);
        };
        match head.id {
            ID_TIMECODE => {
                let cluster = &mut self.session.cluster;
                if cluster.timecode.is_some() || cluster.shifted.is_some() {
                    return Err(WebmError::Malformed);
                }
                cluster.timecode = Some(uint(body)?);
            }
            ID_SIMPLEBLOCK | ID_BLOCKGROUP => self.block(head.id, elem, body, out)?,
            // Position, PrevSize, Void, CRC-32...: dropped.
            _ => {}
        }
        Ok(Some(elem.len()))
    }

    /// The current cluster ends: what it still holds is output (not a join point: it has no
    /// video block).
    fn end_cluster(&mut self, out: &mut Pushed) -> Result<(), WebmError> {
        if self.session.cluster.shifted.is_some() && !self.session.cluster.decided {
            self.release(false, out)?;
        }
        self.session.cluster = ClusterState::default();
        self.session.phase = Phase::Body;
        Ok(())
    }

    /// Outputs the held part of the current cluster, a join point or not.
    fn release(&mut self, join: bool, out: &mut Pushed) -> Result<(), WebmError> {
        let held = std::mem::take(&mut self.session.cluster.held);
        let offset = self.stream.written;
        self.emit(out, &held);
        if join {
            out.join_points.push(JoinPoint {
                offset,
                timecode: self.session.cluster.shifted.unwrap_or(0),
            });
            self.stream.gop_start = offset;
        }
        self.session.cluster.decided = true;
        if let Some(at) = self.session.cluster.held_last.take() {
            self.output_timecode(at);
        }
        self.check_gop()
    }

    fn output_timecode(&mut self, at: u64) {
        self.stream.last_timecode = Some(self.stream.last_timecode.map_or(at, |l| l.max(at)));
    }

    fn check_gop(&self) -> Result<(), WebmError> {
        if self.stream.written.saturating_sub(self.stream.gop_start) > MAX_GOP as u64 {
            return Err(WebmError::NoKeyframes);
        }
        Ok(())
    }

    /// Takes a complete block. A cluster's output (its header, then its blocks) is held back
    /// until its first video block: a keyframe makes the cluster a join point. In a stream
    /// without video every cluster is one, decided at its first block. A cluster whose held part
    /// grows past [`MAX_HOLD_BYTES`] or [`MAX_HOLD_NS`] without a video block is output as no
    /// join point.
    fn block(
        &mut self,
        id: u32,
        elem: &[u8],
        body: &[u8],
        out: &mut Pushed,
    ) -> Result<(), WebmError> {
        let info = parse_block(id, body)?;
        let track = self
            .session
            .track_map
            .iter()
            .find(|(from, _)| *from == info.track)
            .map(|&(_, to)| to)
            .ok_or(WebmError::Malformed)?;
        let renumbered;
        let elem = if track == info.track {
            elem
        } else {
            renumbered = retrack(elem, body, &info, track)?;
            &renumbered[..]
        };
        let timecode = self.session.cluster.timecode.ok_or(WebmError::Malformed)?;
        let shifted = match self.session.cluster.shifted {
            Some(shifted) => shifted,
            None => {
                let shift = match self.session.shift {
                    Some(shift) => shift,
                    None => {
                        let shift = match self.stream.last_timecode {
                            None => 0,
                            Some(last) => {
                                i128::from(last)
                                    + i128::from(frame_ticks(self.stream.timecode_scale))
                                    - i128::from(timecode)
                            }
                        };
                        self.session.shift = Some(shift);
                        shift
                    }
                };
                let shifted = u64::try_from(i128::from(timecode) + shift)
                    .map_err(|_| WebmError::Malformed)?;
                let held = &mut self.session.cluster.held;
                held.clear();
                held.extend_from_slice(&id_bytes(ID_CLUSTER));
                held.extend_from_slice(&UNKNOWN_SIZE);
                held.extend_from_slice(&[0xE7, 0x88]);
                held.extend_from_slice(&shifted.to_be_bytes());
                self.session.cluster.shifted = Some(shifted);
                shifted
            }
        };
        let at = absolute(shifted, info.relative);
        if self.session.cluster.decided {
            self.emit(out, elem);
            self.output_timecode(at);
            return self.check_gop();
        }
        let cluster = &mut self.session.cluster;
        cluster.held.extend_from_slice(elem);
        cluster.held_last = Some(cluster.held_last.map_or(at, |l| l.max(at)));
        match self.stream.video {
            None => self.release(true, out),
            Some(video) if track == video => self.release(info.keyframe, out),
            Some(_) => {
                let hold_ticks = MAX_HOLD_NS / self.stream.timecode_scale.max(1);
                let late =
                    i64::from(info.relative) >= i64::try_from(hold_ticks).unwrap_or(i64::MAX);
                if cluster.held.len() > MAX_HOLD_BYTES || late {
                    self.release(false, out)
                } else {
                    Ok(())
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Replay: Scanner and Layout
// ---------------------------------------------------------------------------------------------

/// What to do once a skipped element has been passed entirely.
#[derive(Debug, Clone, Copy)]
enum AfterSkip {
    Nothing,
    Child { end: u64, block: Option<BlockInfo> },
}

/// The cluster being scanned.
#[derive(Debug, Clone)]
struct ScanCluster {
    body_start: u64,
    end: Option<u64>,
    /// End of its last complete child.
    whole_end: u64,
    timecode: Option<u64>,
    /// Whether it is a join point, once its first video block (or any block, without video) has
    /// been seen; with the time of that block.
    join: Option<(bool, u64)>,
    blocks: usize,
}

/// A complete cluster of the recording.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ClusterRec {
    /// Its children in the recording.
    body: Range<u64>,
    /// When it is a join point: the time of its first video block (the keyframe), or its
    /// timecode without video.
    cue: Option<u64>,
}

/// Index of a finished recording (a spool file made of [`Pushed::bytes`]), built by feeding it in
/// pieces.
#[derive(Debug)]
pub struct Scanner {
    buf: Vec<u8>,
    /// Recording offset of `buf[0]`.
    pos: u64,
    /// Bytes still to skip (the rest of an element we do not keep); `buf` is empty meanwhile.
    skip: u64,
    after_skip: AfterSkip,
    phase: Phase,
    failed: Option<WebmError>,
    ebml: Option<Range<u64>>,
    /// Info's children except Duration and CRC-32.
    info: Option<Vec<u8>>,
    timecode_scale: u64,
    tracks: Option<(Range<u64>, Vec<Track>)>,
    video: Option<u64>,
    segment_end: Option<u64>,
    cluster: Option<ScanCluster>,
    clusters: Vec<ClusterRec>,
    last_timecode: Option<u64>,
}

impl Default for Scanner {
    fn default() -> Self {
        Self::new()
    }
}

impl Scanner {
    /// A scanner at the start of a recording.
    pub fn new() -> Self {
        Scanner {
            buf: Vec::new(),
            pos: 0,
            skip: 0,
            after_skip: AfterSkip::Nothing,
            phase: Phase::Ebml,
            failed: None,
            ebml: None,
            info: None,
            timecode_scale: DEFAULT_TIMECODE_SCALE,
            tracks: None,
            video: None,
            segment_end: None,
            cluster: None,
            clusters: Vec::new(),
            last_timecode: None,
        }
    }

    /// Feeds the next piece of the recording (pieces in order, any sizes). Memory grows with the
    /// number of clusters, not with the recording's size. After an error, every later call
    /// returns it again.
    pub fn push(&mut self, piece: &[u8]) -> Result<(), WebmError> {
        if let Some(e) = &self.failed {
            return Err(e.clone());
        }
        let result = self.push_inner(piece);
        if let Err(e) = &result {
            self.failed = Some(e.clone());
            self.buf = Vec::new();
        }
        result
    }

    fn push_inner(&mut self, mut piece: &[u8]) -> Result<(), WebmError> {
        if self.skip > 0 {
            let n = usize::try_from(self.skip).map_or(piece.len(), |s| s.min(piece.len()));
            piece = piece.get(n..).unwrap_or_default();
            self.skip -= n as u64;
            self.pos = self.pos.saturating_add(n as u64);
            if self.skip > 0 {
                return Ok(());
            }
            let after = std::mem::replace(&mut self.after_skip, AfterSkip::Nothing);
            self.skipped(after)?;
        }
        if piece.is_empty() {
            return Ok(());
        }
        let mut buf = std::mem::take(&mut self.buf);
        buf.extend_from_slice(piece);
        let used = self.run(&buf)?.min(buf.len());
        buf.drain(..used);
        self.pos = self.pos.saturating_add(used as u64);
        self.buf = buf;
        Ok(())
    }

    /// Ends the scan. A truncated last element is left out: the layout stops at the last whole
    /// element (a cluster without any whole block is left out entirely).
    pub fn finish(mut self) -> Result<Layout, WebmError> {
        if let Some(e) = self.failed.take() {
            return Err(e);
        }
        let ebml = self.ebml.take().ok_or(WebmError::NotWebm)?;
        let (tracks_range, tracks) = self.tracks.take().ok_or(WebmError::NoTracks)?;
        if tracks.is_empty() {
            return Err(WebmError::NoTracks);
        }
        self.close_cluster();
        let cue_track = video_track(&tracks)
            .or_else(|| tracks.first().map(|t| t.number))
            .unwrap_or(1);
        let duration_ticks = self
            .last_timecode
            .map_or(0, |l| l.saturating_add(frame_ticks(self.timecode_scale)));
        Ok(Layout {
            ebml,
            info: self.info.take().unwrap_or_default(),
            tracks: tracks_range,
            clusters: self.clusters,
            cue_track,
            timecode_scale: self.timecode_scale,
            duration_ticks,
        })
    }

    fn run(&mut self, buf: &[u8]) -> Result<usize, WebmError> {
        let mut c = 0_usize;
        loop {
            if self.skip > 0 {
                return Ok(c);
            }
            let avail = buf.get(c..).unwrap_or_default();
            let at = self.pos.saturating_add(c as u64);
            let step = match self.phase {
                Phase::Ebml => {
                    let Some(elem) = ebml_header(avail)? else {
                        return Ok(c);
                    };
                    self.ebml = Some(at..at.saturating_add(elem.len() as u64));
                    self.phase = Phase::Segment;
                    Some(elem.len())
                }
                Phase::Segment => self.step_segment(avail, at)?,
                Phase::Body => self.step_body(avail, at)?,
                Phase::Cluster => self.step_cluster(avail, at)?,
                Phase::Ended if avail.is_empty() => None,
                Phase::Ended => return Err(WebmError::Malformed),
            };
            match step {
                Some(n) => c += n,
                None => return Ok(c),
            }
        }
    }

    /// Passes an element we do not keep: what `avail` holds of it now, the rest in later pieces.
    fn skip_element(
        &mut self,
        avail: usize,
        total: u64,
        after: AfterSkip,
    ) -> Result<usize, WebmError> {
        match usize::try_from(total) {
            Ok(t) if t <= avail => {
                self.skipped(after)?;
                Ok(t)
            }
            _ => {
                self.skip = total.saturating_sub(avail as u64);
                self.after_skip = after;
                Ok(avail)
            }
        }
    }

    fn skipped(&mut self, after: AfterSkip) -> Result<(), WebmError> {
        match after {
            AfterSkip::Nothing => Ok(()),
            AfterSkip::Child { end, block } => self.child_done(end, block),
        }
    }

    fn step_segment(&mut self, avail: &[u8], at: u64) -> Result<Option<usize>, WebmError> {
        let Some(head) = read_head(avail)? else {
            return Ok(None);
        };
        match head.id {
            ID_SEGMENT => {
                self.segment_end = match head.size {
                    Some(size) => Some(fits(None, at, head, size)?),
                    None => None,
                };
                self.phase = Phase::Body;
                Ok(Some(head.len))
            }
            ID_VOID => {
                let size = head.size.ok_or(WebmError::Malformed)?;
                let total = fits(None, at, head, size)? - at;
                self.skip_element(avail.len(), total, AfterSkip::Nothing)
                    .map(Some)
            }
            _ => Err(WebmError::Malformed),
        }
    }

    fn step_body(&mut self, avail: &[u8], at: u64) -> Result<Option<usize>, WebmError> {
        if self.segment_end.is_some_and(|end| at >= end) {
            self.phase = Phase::Ended;
            return Ok(Some(0));
        }
        let Some(head) = read_head(avail)? else {
            return Ok(None);
        };
        if head.id == ID_CLUSTER {
            if self.tracks.is_none() {
                return Err(WebmError::NoTracks);
            }
            let body_start = at.saturating_add(head.len as u64);
            let end = match head.size {
                Some(size) => Some(fits(self.segment_end, at, head, size)?),
                None => None,
            };
            self.cluster = Some(ScanCluster {
                body_start,
                end,
                whole_end: body_start,
                timecode: None,
                join: None,
                blocks: 0,
            });
            self.phase = Phase::Cluster;
            return Ok(Some(head.len));
        }
        if head.id == ID_EBML {
            return Err(WebmError::Malformed);
        }
        let size = head.size.ok_or(WebmError::Malformed)?;
        let end = fits(self.segment_end, at, head, size)?;
        let before_clusters = self.clusters.is_empty();
        let keep = before_clusters
            && ((head.id == ID_INFO && self.info.is_none())
                || (head.id == ID_TRACKS && self.tracks.is_none()));
        if !keep {
            return self
                .skip_element(avail.len(), end - at, AfterSkip::Nothing)
                .map(Some);
        }
        if size > MAX_ELEMENT as u64 {
            return Err(WebmError::TooLarge);
        }
        let Some((elem, body)) = whole(avail, head, size) else {
            return Ok(None);
        };
        if head.id == ID_INFO {
            self.timecode_scale = parse_info(body)?;
            let mut kept = Vec::new();
            for child in children(body) {
                let (id, child_elem, _) = child?;
                if id != ID_DURATION && id != ID_CRC32 {
                    kept.extend_from_slice(child_elem);
                }
            }
            self.info = Some(kept);
        } else {
            let tracks = parse_tracks(body)?;
            self.video = video_track(&tracks);
            self.tracks = Some((at..end, tracks));
        }
        Ok(Some(elem.len()))
    }

    fn step_cluster(&mut self, avail: &[u8], at: u64) -> Result<Option<usize>, WebmError> {
        let own_end = self.cluster.as_ref().and_then(|c| c.end);
        let parent_end = own_end.or(self.segment_end);
        if parent_end.is_some_and(|end| at >= end) {
            self.close_cluster();
            return Ok(Some(0));
        }
        let Some(head) = read_head(avail)? else {
            return Ok(None);
        };
        if is_top_level(head.id) {
            if own_end.is_some() {
                return Err(WebmError::Malformed);
            }
            self.close_cluster();
            return Ok(Some(0));
        }
        if head.id == ID_EBML {
            return Err(WebmError::Malformed);
        }
        let size = head.size.ok_or(WebmError::Malformed)?;
        let end = fits(parent_end, at, head, size)?;
        let total = end - at;
        match head.id {
            ID_TIMECODE => {
                if size > 8 {
                    return Err(WebmError::Malformed);
                }
                let Some((elem, body)) = whole(avail, head, size) else {
                    return Ok(None);
                };
                let cluster = self.cluster.as_mut().ok_or(WebmError::Malformed)?;
                if cluster.timecode.is_some() || cluster.blocks > 0 {
                    return Err(WebmError::Malformed);
                }
                cluster.timecode = Some(uint(body)?);
                self.child_done(end, None)?;
                Ok(Some(elem.len()))
            }
            ID_SIMPLEBLOCK => {
                if size > MAX_ELEMENT as u64 {
                    return Err(WebmError::TooLarge);
                }
                let need = head.len.saturating_add(size.min(BLOCK_HEAD) as usize);
                let Some(start) = avail.get(head.len..need) else {
                    return Ok(None);
                };
                let block = parse_block(ID_SIMPLEBLOCK, start)?;
                self.skip_element(
                    avail.len(),
                    total,
                    AfterSkip::Child {
                        end,
                        block: Some(block),
                    },
                )
                .map(Some)
            }
            ID_BLOCKGROUP => {
                if size > MAX_ELEMENT as u64 {
                    return Err(WebmError::TooLarge);
                }
                let Some((elem, body)) = whole(avail, head, size) else {
                    return Ok(None);
                };
                let block = parse_block(ID_BLOCKGROUP, body)?;
                self.child_done(end, Some(block))?;
                Ok(Some(elem.len()))
            }
            _ => self
                .skip_element(avail.len(), total, AfterSkip::Child { end, block: None })
                .map(Some),
        }
    }

    /// A child of the current cluster ending at `end` has been passed entirely.
    fn child_done(&mut self, end: u64, block: Option<BlockInfo>) -> Result<(), WebmError> {
        let video = self.video;
        let cluster = self.cluster.as_mut().ok_or(WebmError::Malformed)?;
        if let Some(block) = block {
            let timecode = cluster.timecode.ok_or(WebmError::Malformed)?;
            let at = absolute(timecode, block.relative);
            if cluster.join.is_none() {
                match video {
                    None => cluster.join = Some((true, timecode)),
                    Some(v) if block.track == v => cluster.join = Some((block.keyframe, at)),
                    Some(_) => {}
                }
            }
            cluster.blocks += 1;
            self.last_timecode = Some(self.last_timecode.map_or(at, |l| l.max(at)));
        }
        cluster.whole_end = end;
        Ok(())
    }

    fn close_cluster(&mut self) {
        if let Some(cluster) = self.cluster.take() {
            if cluster.blocks > 0 {
                self.clusters.push(ClusterRec {
                    body: cluster.body_start..cluster.whole_end,
                    cue: cluster.join.and_then(|(join, at)| join.then_some(at)),
                });
            }
        }
        self.phase = Phase::Body;
    }
}

/// One part of the seekable file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    /// Bytes to write as they are.
    Bytes(Vec<u8>),
    /// A byte range of the spool file (the recording) to copy.
    Copy(Range<u64>),
}

/// How to write the seekable file: the parts in order.
///
/// The file: the EBML header (copied), a Segment of known size holding a SeekHead (Info, Tracks,
/// Cues), Info with a Duration, Tracks (copied), every Cluster with its known size (contents
/// copied), then Cues with one CuePoint per join point (a cluster whose first video block is a
/// keyframe; every cluster without video), its CueTime being that keyframe's time.
#[derive(Debug, Clone)]
pub struct Layout {
    ebml: Range<u64>,
    info: Vec<u8>,
    tracks: Range<u64>,
    clusters: Vec<ClusterRec>,
    cue_track: u64,
    timecode_scale: u64,
    duration_ticks: u64,
}

fn range_len(r: &Range<u64>) -> u64 {
    r.end.saturating_sub(r.start)
}

fn put_master_head(out: &mut Vec<u8>, id: u32, size: u64) {
    out.extend_from_slice(&id_bytes(id));
    out.extend_from_slice(&size8(size));
}

/// An unsigned integer element with an 8-byte value (`id` of one or two bytes).
fn put_uint8(out: &mut Vec<u8>, id: u32, value: u64) {
    out.extend_from_slice(&id_bytes(id));
    out.push(0x88);
    out.extend_from_slice(&value.to_be_bytes());
}

impl Layout {
    fn cue_count(&self) -> u64 {
        self.clusters.iter().filter(|c| c.cue.is_some()).count() as u64
    }

    fn seek_count(&self) -> u64 {
        if self.cue_count() > 0 {
            3
        } else {
            2
        }
    }

    fn seekhead_len(&self) -> u64 {
        MASTER_HEAD_LEN + SEEK_LEN * self.seek_count()
    }

    fn info_len(&self) -> u64 {
        MASTER_HEAD_LEN + self.info.len() as u64 + DURATION_LEN
    }

    fn clusters_len(&self) -> u64 {
        self.clusters
            .iter()
            .map(|c| MASTER_HEAD_LEN + range_len(&c.body))
            .sum()
    }

    fn cues_len(&self) -> u64 {
        match self.cue_count() {
            0 => 0,
            n => MASTER_HEAD_LEN + CUE_POINT_LEN * n,
        }
    }

    /// Size of the Segment's data.
    fn segment_size(&self) -> u64 {
        self.seekhead_len()
            + self.info_len()
            + range_len(&self.tracks)
            + self.clusters_len()
            + self.cues_len()
    }

    /// The parts of the seekable file, in order.
    pub fn parts(&self) -> Vec<Part> {
        let info_pos = self.seekhead_len();
        let tracks_pos = info_pos + self.info_len();
        let clusters_pos = tracks_pos + range_len(&self.tracks);
        let cues_pos = clusters_pos + self.clusters_len();
        let has_cues = self.cue_count() > 0;

        let mut head = Vec::new();
        put_master_head(&mut head, ID_SEGMENT, self.segment_size());
        put_master_head(&mut head, ID_SEEKHEAD, SEEK_LEN * self.seek_count());
        let mut seeks = vec![(ID_INFO, info_pos), (ID_TRACKS, tracks_pos)];
        if has_cues {
            seeks.push((ID_CUES, cues_pos));
        }
        for (id, position) in seeks {
            head.extend_from_slice(&id_bytes(ID_SEEK));
            head.push(0x80 | (SEEK_LEN - 3) as u8);
            head.extend_from_slice(&id_bytes(ID_SEEKID));
            head.push(0x84);
            head.extend_from_slice(&id.to_be_bytes());
            put_uint8(&mut head, ID_SEEKPOSITION, position);
        }
        put_master_head(&mut head, ID_INFO, self.info.len() as u64 + DURATION_LEN);
        head.extend_from_slice(&self.info);
        head.extend_from_slice(&id_bytes(ID_DURATION));
        head.push(0x88);
        head.extend_from_slice(&(self.duration_ticks as f64).to_be_bytes());

        let mut parts = vec![
            Part::Copy(self.ebml.clone()),
            Part::Bytes(head),
            Part::Copy(self.tracks.clone()),
        ];
        let mut position = clusters_pos;
        let mut cues = Vec::new();
        for cluster in &self.clusters {
            let mut cluster_head = Vec::with_capacity(MASTER_HEAD_LEN as usize);
            put_master_head(&mut cluster_head, ID_CLUSTER, range_len(&cluster.body));
            parts.push(Part::Bytes(cluster_head));
            parts.push(Part::Copy(cluster.body.clone()));
            if let Some(time) = cluster.cue {
                cues.extend_from_slice(&id_bytes(ID_CUEPOINT));
                cues.push(0x80 | (CUE_POINT_LEN - 2) as u8);
                put_uint8(&mut cues, ID_CUETIME, time);
                cues.extend_from_slice(&id_bytes(ID_CUETRACKPOSITIONS));
                cues.push(0x80 | 20);
                put_uint8(&mut cues, ID_CUETRACK, self.cue_track);
                put_uint8(&mut cues, ID_CUECLUSTERPOSITION, position);
            }
            position += MASTER_HEAD_LEN + range_len(&cluster.body);
        }
        if has_cues {
            let mut element = Vec::with_capacity(cues.len() + MASTER_HEAD_LEN as usize);
            put_master_head(&mut element, ID_CUES, cues.len() as u64);
            element.extend_from_slice(&cues);
            parts.push(Part::Bytes(element));
        }
        parts
    }

    /// Total size of the seekable file.
    pub fn len(&self) -> u64 {
        range_len(&self.ebml) + MASTER_HEAD_LEN + self.segment_size()
    }

    /// Duration of the recording in milliseconds (last block + one frame; 0 when empty).
    pub fn duration_ms(&self) -> u64 {
        let ns = u128::from(self.duration_ticks) * u128::from(self.timecode_scale);
        u64::try_from(ns / 1_000_000).unwrap_or(u64::MAX)
    }

    /// True when the recording holds no cluster (nothing to play).
    pub fn is_empty(&self) -> bool {
        self.clusters.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // ---- A small EBML builder --------------------------------------------------------------

    const UNKNOWN: [u8; 8] = [0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF];

    fn vid(id: u32) -> Vec<u8> {
        id.to_be_bytes()
            .into_iter()
            .skip_while(|&b| b == 0)
            .collect()
    }

    fn vsize(n: u64) -> Vec<u8> {
        for len in 1..=8_u32 {
            if n < (1_u64 << (7 * len)) - 1 {
                let mut v: Vec<u8> = (0..len).rev().map(|i| (n >> (8 * i)) as u8).collect();
                v[0] |= 0x80 >> (len - 1);
                return v;
            }
        }
        panic!("size too large");
    }

    fn el(id: u32, body: &[u8]) -> Vec<u8> {
        let mut v = vid(id);
        v.extend(vsize(body.len() as u64));
        v.extend_from_slice(body);
        v
    }

    fn uint_el(id: u32, value: u64) -> Vec<u8> {
        let bytes = value.to_be_bytes();
        let first = bytes.iter().position(|&b| b != 0).unwrap_or(7);
        el(id, &bytes[first..])
    }

    fn str_el(id: u32, s: &str) -> Vec<u8> {
        el(id, s.as_bytes())
    }

    fn master(id: u32, kids: &[Vec<u8>]) -> Vec<u8> {
        el(id, &kids.concat())
    }

    fn ebml_el(doctype: &str) -> Vec<u8> {
        master(
            0x1A45_DFA3,
            &[
                uint_el(0x4286, 1),
                uint_el(0x42F7, 1),
                uint_el(0x42F2, 4),
                uint_el(0x42F3, 8),
                str_el(0x4282, doctype),
                uint_el(0x4287, 4),
                uint_el(0x4285, 2),
            ],
        )
    }

    fn info_el() -> Vec<u8> {
        master(
            0x1549_A966,
            &[
                uint_el(0x2A_D7B1, 1_000_000),
                str_el(0x4D80, "test-muxer"),
                str_el(0x5741, "test-app"),
            ],
        )
    }

    fn track_el(number: u64, kind: u64, codec: &str) -> Vec<u8> {
        let extra = if kind == 1 {
            master(0xE0, &[uint_el(0xB0, 640), uint_el(0xBA, 480)])
        } else {
            master(0xE1, &[uint_el(0x9F, 1)])
        };
        master(
            0xAE,
            &[
                uint_el(0xD7, number),
                uint_el(0x73C5, number * 1000 + 7),
                uint_el(0x83, kind),
                str_el(0x86, codec),
                extra,
            ],
        )
    }

    fn header_with(tracks: &[Vec<u8>]) -> Vec<u8> {
        let mut v = ebml_el("webm");
        v.extend([0x18, 0x53, 0x80, 0x67]);
        v.extend(UNKNOWN);
        v.extend(info_el());
        v.extend(master(0x1654_AE6B, tracks));
        v
    }

    fn av_header() -> Vec<u8> {
        header_with(&[track_el(1, 1, "V_VP8"), track_el(2, 2, "A_OPUS")])
    }

    fn audio_header() -> Vec<u8> {
        header_with(&[track_el(1, 2, "A_OPUS")])
    }

    fn sblock(track: u8, rel: i16, key: bool, len: usize) -> Vec<u8> {
        let mut b = vec![0x80 | track];
        b.extend(rel.to_be_bytes());
        b.push(if key { 0x80 } else { 0 });
        b.extend((0..len).map(|i| (i * 7 + usize::from(track)) as u8));
        el(0xA3, &b)
    }

    fn group(track: u8, rel: i16, referenced: bool, len: usize) -> Vec<u8> {
        let mut b = vec![0x80 | track];
        b.extend(rel.to_be_bytes());
        b.push(0);
        b.extend((0..len).map(|i| (i * 3) as u8));
        let mut kids = vec![el(0xA1, &b)];
        if referenced {
            kids.push(el(0xFB, &[0xDF]));
        }
        master(0xA0, &kids)
    }

    /// The blocks of a one-second cluster: video at 30 fps, audio every 20 ms.
    fn av_blocks(key: bool) -> Vec<Vec<u8>> {
        let mut blocks = vec![sblock(1, 0, key, 300)];
        for k in 0..6_i16 {
            blocks.push(sblock(2, k * 20, true, 40));
        }
        for k in 1..30_i16 {
            blocks.push(sblock(1, k * 33, false, 100 + k as usize));
            blocks.push(sblock(2, 100 + k * 20, true, 40));
        }
        blocks
    }

    /// A cluster as MediaRecorder-ish input: unknown size, Timecode, a Void, the blocks.
    fn in_cluster(tc: u64, blocks: &[Vec<u8>]) -> Vec<u8> {
        let mut v = vid(0x1F43_B675);
        v.extend(UNKNOWN);
        v.extend(uint_el(0xE7, tc));
        v.extend(el(0xEC, &[0; 3]));
        for b in blocks {
            v.extend_from_slice(b);
        }
        v
    }

    /// The same cluster as the normalized output writes it.
    fn out_cluster(tc: u64, blocks: &[Vec<u8>]) -> Vec<u8> {
        let mut v = vid(0x1F43_B675);
        v.extend(UNKNOWN);
        v.extend([0xE7, 0x88]);
        v.extend(tc.to_be_bytes());
        for b in blocks {
            v.extend_from_slice(b);
        }
        v
    }

    /// A stream with one-second clusters starting at `first_tc`; `keys[i]`: cluster i starts
    /// with a video keyframe. Returns (input, expected output without the header).
    fn av_stream(first_tc: u64, shifted_tc: u64, keys: &[bool]) -> (Vec<u8>, Vec<u8>) {
        let mut input = av_header();
        let mut output = Vec::new();
        for (i, &key) in keys.iter().enumerate() {
            let blocks = av_blocks(key);
            input.extend(in_cluster(first_tc + i as u64 * 1000, &blocks));
            output.extend(out_cluster(shifted_tc + i as u64 * 1000, &blocks));
        }
        (input, output)
    }

    // ---- A small, independent reader ---------------------------------------------------------

    fn rvint(b: &[u8], pos: usize) -> (u64, usize) {
        let first = b[pos];
        let len = first.leading_zeros() as usize + 1;
        assert!(len <= 8, "bad vint at {pos}");
        let mut v = u64::from(first) & (0xFF_u64 >> len);
        for i in 1..len {
            v = (v << 8) | u64::from(b[pos + i]);
        }
        (v, len)
    }

    /// (id, size or None when unknown, header length)
    fn rhead(b: &[u8], pos: usize) -> (u32, Option<u64>, usize) {
        let first = b[pos];
        let id_len = first.leading_zeros() as usize + 1;
        assert!(id_len <= 4, "bad id at {pos}");
        let id = b[pos..pos + id_len]
            .iter()
            .fold(0_u32, |a, &x| (a << 8) | u32::from(x));
        let (size, size_len) = rvint(b, pos + id_len);
        let unknown = size == (1_u64 << (7 * size_len)) - 1;
        (id, (!unknown).then_some(size), id_len + size_len)
    }

    fn ruint(b: &[u8]) -> u64 {
        b.iter().fold(0, |a, &x| (a << 8) | u64::from(x))
    }

    /// A parsed live stream: the header's end and every cluster (offset, timecode, blocks).
    #[derive(Debug, Default)]
    struct Live {
        header_end: usize,
        clusters: Vec<(usize, u64, Vec<Vec<u8>>)>,
    }

    const TOP: [u32; 8] = [
        0x1F43_B675,
        0x1C53_BB6B,
        0x1254_C367,
        0x1549_A966,
        0x1654_AE6B,
        0x114D_9B74,
        0x1043_A770,
        0x1941_A469,
    ];

    /// Reads a live stream; panics when an element is incomplete or the structure is wrong.
    fn read_live(b: &[u8]) -> Live {
        let mut live = Live::default();
        if b.is_empty() {
            return live;
        }
        let (id, size, hl) = rhead(b, 0);
        assert_eq!(id, 0x1A45_DFA3);
        let mut pos = hl + size.unwrap() as usize;
        assert!(pos <= b.len(), "incomplete EBML header");
        if pos == b.len() {
            return live;
        }
        let (id, _, hl) = rhead(b, pos);
        assert_eq!(id, 0x1853_8067);
        pos += hl;
        live.header_end = b.len();
        while pos < b.len() {
            let (id, size, hl) = rhead(b, pos);
            if id != 0x1F43_B675 {
                let end = pos + hl + size.unwrap() as usize;
                assert!(end <= b.len(), "incomplete element {id:x} at {pos}");
                pos = end;
                continue;
            }
            if live.clusters.is_empty() {
                live.header_end = pos;
            }
            let start = pos;
            let end = size.map(|s| pos + hl + s as usize);
            pos += hl;
            let mut tc = None;
            let mut blocks = Vec::new();
            while pos < b.len() && Some(pos) != end {
                let (cid, csize, chl) = rhead(b, pos);
                if TOP.contains(&cid) {
                    break;
                }
                let cend = pos + chl + csize.unwrap() as usize;
                assert!(cend <= b.len(), "incomplete element {cid:x} at {pos}");
                match cid {
                    0xE7 => tc = Some(ruint(&b[pos + chl..cend])),
                    0xA3 | 0xA0 => blocks.push(b[pos..cend].to_vec()),
                    _ => {}
                }
                pos = cend;
            }
            live.clusters.push((start, tc.unwrap(), blocks));
        }
        live
    }

    // ---- Helpers --------------------------------------------------------------------------

    /// A deterministic xorshift generator.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }
    }

    fn random_splits(data: &[u8], seed: u64, max: usize) -> Vec<&[u8]> {
        let mut rng = Rng(seed);
        let mut out = Vec::new();
        let mut pos = 0;
        while pos < data.len() {
            let n = (1 + rng.below(max)).min(data.len() - pos);
            out.push(&data[pos..pos + n]);
            pos += n;
        }
        out
    }

    /// Pushes every chunk; checks that the pieces add up and always end on element boundaries.
    fn feed(ingest: &mut Ingest, chunks: &[&[u8]]) -> (Vec<u8>, Vec<JoinPoint>) {
        let mut bytes = Vec::new();
        let mut joins = Vec::new();
        for chunk in chunks {
            let before = ingest.written();
            let pushed = ingest.push(chunk).unwrap();
            assert_eq!(ingest.written() - before, pushed.bytes.len() as u64);
            for jp in &pushed.join_points {
                assert!(jp.offset >= before && jp.offset < ingest.written());
            }
            bytes.extend(pushed.bytes);
            joins.extend(pushed.join_points);
        }
        (bytes, joins)
    }

    fn run_whole(data: &[u8]) -> (Vec<u8>, Vec<JoinPoint>) {
        feed(&mut Ingest::new(), &[data])
    }

    fn assemble(layout: &Layout, spool: &[u8]) -> Vec<u8> {
        let mut file = Vec::new();
        for part in layout.parts() {
            match part {
                Part::Bytes(b) => file.extend(b),
                Part::Copy(r) => file.extend_from_slice(&spool[r.start as usize..r.end as usize]),
            }
        }
        file
    }

    fn scan(spool: &[u8], piece: usize) -> Result<Layout, WebmError> {
        let mut scanner = Scanner::new();
        for p in spool.chunks(piece.max(1)) {
            scanner.push(p)?;
        }
        scanner.finish()
    }

    // ---- Ingest ----------------------------------------------------------------------------

    #[test]
    fn a_normal_stream_is_normalized() {
        let (input, clusters) = av_stream(0, 0, &[true, false, true]);
        let mut ingest = Ingest::new();
        assert_eq!(ingest.header(), None);
        let (out, joins) = feed(&mut ingest, &[&input]);
        let header = av_header();
        assert_eq!(ingest.header(), Some(&header[..]));
        assert_eq!(out, [header.clone(), clusters].concat());
        assert_eq!(ingest.written(), out.len() as u64);
        assert_eq!(ingest.timecode_scale(), 1_000_000);
        assert_eq!(ingest.last_timecode(), Some(2000 + 29 * 33));
        let live = read_live(&out);
        assert_eq!(live.header_end, header.len());
        assert_eq!(live.clusters.len(), 3);
        let expected: Vec<JoinPoint> = [0, 2]
            .iter()
            .map(|&i| JoinPoint {
                offset: live.clusters[i].0 as u64,
                timecode: live.clusters[i].1,
            })
            .collect();
        assert_eq!(joins, expected);
        assert_eq!(joins[1].timecode, 2000);
    }

    #[test]
    fn any_split_gives_the_same_output() {
        let (mut input, _) = av_stream(0, 0, &[true, false, false, true, false]);
        // A BlockGroup cluster and a few oddities: Position, PrevSize, CRC-32 inside clusters.
        let mut odd = vid(0x1F43_B675);
        odd.extend(UNKNOWN);
        odd.extend(uint_el(0xA7, 12345));
        odd.extend(uint_el(0xE7, 5000));
        odd.extend(uint_el(0xAB, 999));
        odd.extend(group(1, 0, false, 500));
        odd.extend(sblock(2, 5, true, 50));
        odd.extend(el(0xBF, &[1, 2, 3, 4]));
        odd.extend(group(1, 33, true, 200));
        input.extend(odd);
        input.extend(el(0x1254_C367, &[0xAA; 10])); // Tags between clusters: dropped
        input.extend(in_cluster(6000, &av_blocks(true)));

        let (whole, whole_joins) = run_whole(&input);
        assert_eq!(whole_joins.len(), 4);
        let one: Vec<&[u8]> = input.chunks(1).collect();
        assert_eq!(
            feed(&mut Ingest::new(), &one),
            (whole.clone(), whole_joins.clone())
        );
        for (seed, max) in [(1, 3), (2, 17), (3, 100), (4, 700), (5, 4000), (6, 40_000)] {
            let chunks = random_splits(&input, seed, max);
            let mut ingest = Ingest::new();
            let mut so_far = Vec::new();
            let mut joins = Vec::new();
            for chunk in &chunks {
                let pushed = ingest.push(chunk).unwrap();
                so_far.extend(pushed.bytes);
                joins.extend(pushed.join_points);
                // The output always ends on an element boundary.
                read_live(&so_far);
            }
            assert_eq!(so_far, whole, "seed {seed}");
            assert_eq!(joins, whole_joins, "seed {seed}");
        }
    }

    #[test]
    fn join_points_are_clusters_starting_with_a_video_keyframe() {
        let mut input = av_header();
        let audio_first = [vec![sblock(2, 0, true, 40)], av_blocks(true)].concat();
        let clusters: Vec<(Vec<Vec<u8>>, bool)> = vec![
            (av_blocks(true), true),
            (av_blocks(false), false),
            // As Chromium writes them: the audio block before the keyframe comes first.
            (audio_first, true),
            (vec![group(1, 0, false, 300), sblock(2, 0, true, 40)], true),
            (vec![group(1, 0, true, 300), sblock(2, 0, true, 40)], false),
            (av_blocks(true), true),
        ];
        for (i, (blocks, _)) in clusters.iter().enumerate() {
            input.extend(in_cluster(i as u64 * 1000, blocks));
        }
        let (out, joins) = run_whole(&input);
        let live = read_live(&out);
        let expected: Vec<u64> = live
            .clusters
            .iter()
            .zip(&clusters)
            .filter(|(_, (_, join))| *join)
            .map(|(c, _)| c.0 as u64)
            .collect();
        assert_eq!(joins.iter().map(|j| j.offset).collect::<Vec<_>>(), expected);
        assert_eq!(
            joins.iter().map(|j| j.timecode).collect::<Vec<_>>(),
            [0, 2000, 3000, 5000]
        );
    }

    #[test]
    fn a_cluster_is_held_until_its_first_video_block() {
        let mut ingest = Ingest::new();
        let header = av_header();
        assert_eq!(ingest.push(&header).unwrap(), Pushed::default());
        // Cluster header and audio blocks: nothing yet (the header waits for the first cluster,
        // the cluster for its first video block).
        let mut start = in_cluster(1000, &[sblock(2, 0, true, 40), sblock(2, 20, true, 40)]);
        let pushed = ingest.push(&start).unwrap();
        assert_eq!(pushed.bytes, header);
        assert!(pushed.join_points.is_empty());
        assert_eq!(ingest.last_timecode(), None);
        // The video keyframe releases the cluster as a join point.
        let key = sblock(1, 27, true, 300);
        let pushed = ingest.push(&key).unwrap();
        assert_eq!(
            pushed.join_points,
            [JoinPoint {
                offset: header.len() as u64,
                timecode: 1000
            }]
        );
        let expected = out_cluster(
            1000,
            &[sblock(2, 0, true, 40), sblock(2, 20, true, 40), key.clone()],
        );
        assert_eq!(pushed.bytes, expected);
        assert_eq!(ingest.last_timecode(), Some(1027));
        // Later blocks of the cluster go straight out.
        let audio = sblock(2, 40, true, 40);
        assert_eq!(ingest.push(&audio).unwrap().bytes, audio);

        // A cluster of audio only is output when the next one begins, as no join point.
        start = in_cluster(2000, &[sblock(2, 0, true, 40)]);
        let pushed = ingest.push(&start).unwrap();
        assert!(pushed.bytes.is_empty());
        let next = in_cluster(2040, &[sblock(1, 0, false, 100)]);
        let pushed = ingest.push(&next).unwrap();
        assert!(pushed.join_points.is_empty());
        assert_eq!(
            pushed.bytes,
            [
                out_cluster(2000, &[sblock(2, 0, true, 40)]),
                out_cluster(2040, &[sblock(1, 0, false, 100)])
            ]
            .concat()
        );

        // A cluster holding a second of audio without video is output, as no join point.
        let audio: Vec<Vec<u8>> = (0..50).map(|k| sblock(2, k * 20, true, 40)).collect();
        let pushed = ingest.push(&in_cluster(3000, &audio)).unwrap();
        assert!(pushed.bytes.is_empty());
        let late = sblock(2, 1000, true, 40);
        let pushed = ingest.push(&late).unwrap();
        assert_eq!(
            pushed.bytes,
            out_cluster(3000, &[audio, vec![late]].concat())
        );
        assert!(pushed.join_points.is_empty());
        let key = sblock(1, 1010, true, 100);
        let pushed = ingest.push(&key).unwrap();
        assert_eq!(pushed.bytes, key);
        assert!(pushed.join_points.is_empty());
        assert_eq!(ingest.last_timecode(), Some(4010));
    }

    #[test]
    fn a_session_ending_while_a_cluster_is_held_leaves_a_valid_stream() {
        let (first, _) = av_stream(0, 0, &[true]);
        let mut ingest = Ingest::new();
        let (mut out, _) = feed(&mut ingest, &[&first]);
        let last = ingest.last_timecode().unwrap();
        // An audio-only cluster begins, then the session dies: it is not output.
        let pushed = ingest
            .push(&in_cluster(1000, &[sblock(2, 0, true, 40)]))
            .unwrap();
        assert!(pushed.bytes.is_empty());
        assert_eq!(ingest.last_timecode(), Some(last));
        ingest.new_session();
        assert_eq!(ingest.flush().unwrap(), Pushed::default());
        let (second, _) = av_stream(0, 0, &[true]);
        let (more, joins) = feed(&mut ingest, &[&second]);
        assert_eq!(joins[0].timecode, last + 33);
        out.extend(more);
        assert_eq!(read_live(&out).clusters.len(), 2);

        // When the recorder stops cleanly, flush() outputs the held audio.
        let written = ingest.written();
        let held = [sblock(2, 0, true, 40), sblock(2, 20, true, 40)];
        assert!(ingest
            .push(&in_cluster(9000, &held))
            .unwrap()
            .bytes
            .is_empty());
        let flushed = ingest.flush().unwrap();
        let shifted = last + 33 + 9000;
        assert_eq!(flushed.bytes, out_cluster(shifted, &held));
        assert!(flushed.join_points.is_empty());
        assert_eq!(ingest.written(), written + flushed.bytes.len() as u64);
        assert_eq!(ingest.last_timecode(), Some(shifted + 20));
        assert_eq!(ingest.flush().unwrap(), Pushed::default());
        // The cluster goes on normally.
        let more = sblock(1, 40, false, 10);
        assert_eq!(ingest.push(&more).unwrap().bytes, more);
        out.extend(flushed.bytes);
        out.extend(more);
        assert_eq!(read_live(&out).clusters.len(), 3);
    }

    #[test]
    fn an_audio_only_stream_joins_at_every_cluster() {
        let mut input = audio_header();
        for i in 0..4 {
            let blocks: Vec<Vec<u8>> = (0..10).map(|k| sblock(1, k * 20, true, 30)).collect();
            input.extend(in_cluster(i * 200, &blocks));
        }
        let (out, joins) = run_whole(&input);
        assert_eq!(read_live(&out).clusters.len(), 4);
        assert_eq!(
            joins.iter().map(|j| j.timecode).collect::<Vec<_>>(),
            [0, 200, 400, 600]
        );
    }

    #[test]
    fn a_stream_that_is_not_webm_is_refused() {
        let mut ingest = Ingest::new();
        assert_eq!(ingest.push(b"G").unwrap_err(), WebmError::NotWebm);
        let mut ingest = Ingest::new();
        assert_eq!(
            ingest.push(b"GET / HTTP/1.1\r\n").unwrap_err(),
            WebmError::NotWebm
        );
        // A Matroska file is not WebM.
        let mut mkv = ebml_el("matroska");
        mkv.extend(&av_header()[ebml_el("webm").len()..]);
        let mut ingest = Ingest::new();
        assert_eq!(ingest.push(&mkv).unwrap_err(), WebmError::NotWebm);
        // Nor is an EBML header without a DocType (it defaults to "matroska").
        let mut ingest = Ingest::new();
        assert_eq!(
            ingest
                .push(&el(0x1A45_DFA3, &uint_el(0x4286, 1)))
                .unwrap_err(),
            WebmError::NotWebm
        );
        assert_eq!(ingest.written(), 0);
        assert_eq!(ingest.header(), None);
        // A new session can still start the stream.
        ingest.new_session();
        let (input, clusters) = av_stream(0, 0, &[true]);
        let (out, _) = feed(&mut ingest, &[&input]);
        assert_eq!(out, [av_header(), clusters].concat());
    }

    #[test]
    fn garbage_mid_stream_is_malformed_and_a_new_session_recovers() {
        let (input, _) = av_stream(0, 0, &[true, false]);
        let mut ingest = Ingest::new();
        let (mut out, _) = feed(&mut ingest, &[&input]);
        let written = ingest.written();
        // A few whole blocks followed by garbage: nothing of that chunk is output.
        let mut chunk = sblock(1, 900, false, 50);
        chunk.extend([0x00, 0x13, 0x37, 0x00]);
        assert_eq!(ingest.push(&chunk).unwrap_err(), WebmError::Malformed);
        assert_eq!(ingest.written(), written);
        // The session is over until a new one begins.
        assert_eq!(
            ingest.push(&sblock(1, 950, false, 10)).unwrap_err(),
            WebmError::Malformed
        );
        assert_eq!(ingest.written(), written);

        ingest.new_session();
        let (again, _) = av_stream(0, 0, &[true]);
        let (more, joins) = feed(&mut ingest, &[&again]);
        assert_eq!(joins.len(), 1);
        assert_eq!(joins[0].offset, written);
        out.extend(more);
        let live = read_live(&out);
        assert_eq!(live.clusters.len(), 3);
        assert_eq!(live.header_end, av_header().len());
        assert_eq!(ingest.written(), out.len() as u64);
    }

    #[test]
    fn a_failing_first_chunk_leaves_nothing_behind() {
        let (mut input, _) = av_stream(0, 0, &[true]);
        input.extend([0x01, 0x02]);
        let mut ingest = Ingest::new();
        assert_eq!(ingest.push(&input).unwrap_err(), WebmError::Malformed);
        assert_eq!(ingest.header(), None);
        assert_eq!(ingest.written(), 0);
        assert_eq!(ingest.last_timecode(), None);
        ingest.new_session();
        let (input, clusters) = av_stream(0, 0, &[true]);
        let (out, _) = feed(&mut ingest, &[&input]);
        assert_eq!(out, [av_header(), clusters].concat());
    }

    #[test]
    fn structural_errors_are_malformed() {
        let header = av_header();
        let cases: Vec<Vec<u8>> = vec![
            // A block before the cluster's Timecode.
            [vid(0x1F43_B675), UNKNOWN.to_vec(), sblock(1, 0, true, 10)].concat(),
            // A child larger than its cluster of known size.
            [
                vid(0x1F43_B675),
                vec![0x85],
                uint_el(0xE7, 0),
                sblock(1, 0, true, 10),
            ]
            .concat(),
            // Unknown size on a block.
            [
                vid(0x1F43_B675),
                UNKNOWN.to_vec(),
                uint_el(0xE7, 0),
                vec![0xA3, 0xFF],
            ]
            .concat(),
            // A block of a track that does not exist.
            [
                vid(0x1F43_B675),
                UNKNOWN.to_vec(),
                uint_el(0xE7, 0),
                sblock(5, 0, true, 10),
            ]
            .concat(),
            // A block too short to hold its header.
            [
                vid(0x1F43_B675),
                UNKNOWN.to_vec(),
                uint_el(0xE7, 0),
                el(0xA3, &[0x81, 0]),
            ]
            .concat(),
            // A size vint longer than 8 bytes.
            [vid(0x1F43_B675), UNKNOWN.to_vec(), vec![0xE7, 0x00]].concat(),
            // Two timecodes.
            [
                vid(0x1F43_B675),
                UNKNOWN.to_vec(),
                uint_el(0xE7, 0),
                uint_el(0xE7, 1),
            ]
            .concat(),
            // An EBML header inside the segment.
            ebml_el("webm"),
        ];
        for (i, case) in cases.iter().enumerate() {
            let data = [header.clone(), case.clone()].concat();
            for chunks in [vec![&data[..]], data.chunks(1).collect::<Vec<_>>()] {
                let mut ingest = Ingest::new();
                let err = chunks.iter().find_map(|c| ingest.push(c).err());
                assert_eq!(err, Some(WebmError::Malformed), "case {i}");
            }
        }
    }

    #[test]
    fn an_element_over_the_limit_is_too_large() {
        let mut data = av_header();
        data.extend(vid(0x1F43_B675));
        data.extend(UNKNOWN);
        data.extend(uint_el(0xE7, 0));
        data.push(0xA3);
        data.extend(vsize(MAX_ELEMENT as u64 + 1));
        let mut ingest = Ingest::new();
        assert_eq!(ingest.push(&data).unwrap_err(), WebmError::TooLarge);
        assert_eq!(WebmError::TooLarge.message_id(), "live-error-too-large");
    }

    #[test]
    fn no_tracks_is_refused() {
        let mut data = ebml_el("webm");
        data.extend([0x18, 0x53, 0x80, 0x67]);
        data.extend(UNKNOWN);
        data.extend(info_el());
        let cluster = in_cluster(0, &av_blocks(true));
        let mut ingest = Ingest::new();
        assert_eq!(
            ingest
                .push(&[data.clone(), cluster.clone()].concat())
                .unwrap_err(),
            WebmError::NoTracks
        );
        let empty = [header_with(&[]), cluster].concat();
        let mut ingest = Ingest::new();
        assert_eq!(ingest.push(&empty).unwrap_err(), WebmError::NoTracks);
    }

    #[test]
    fn known_sizes_are_accepted_and_normalized() {
        let (unknown_input, _) = av_stream(0, 0, &[true, false]);
        let (expected, expected_joins) = run_whole(&unknown_input);
        // The same stream with a Segment and Clusters of known size, a SeekHead and Cues.
        let mut body = master(
            0x114D_9B74,
            &[el(0x4DBB, &[0x53, 0xAB, 0x84, 0x15, 0x49, 0xA9, 0x66])],
        );
        body.extend(info_el());
        body.extend(master(
            0x1654_AE6B,
            &[track_el(1, 1, "V_VP8"), track_el(2, 2, "A_OPUS")],
        ));
        for (i, key) in [true, false].into_iter().enumerate() {
            let mut kids = vec![uint_el(0xE7, i as u64 * 1000)];
            kids.extend(av_blocks(key));
            body.extend(master(0x1F43_B675, &kids));
        }
        body.extend(master(0x1C53_BB6B, &[el(0xBB, &[0xB3, 0x81, 0x00])]));
        let input = [ebml_el("webm"), el(0x1853_8067, &body)].concat();
        let mut ingest = Ingest::new();
        let (out, joins) = feed(&mut ingest, &random_splits(&input, 9, 300));
        assert_eq!(out, expected);
        assert_eq!(joins, expected_joins);
        // Bytes after a Segment of known size are refused.
        assert_eq!(
            ingest.push(&[0xEC, 0x80]).unwrap_err(),
            WebmError::Malformed
        );
    }

    #[test]
    fn a_reconnect_continues_the_timeline_and_drops_its_header() {
        let (first, first_clusters) = av_stream(0, 0, &[true, false]);
        let mut ingest = Ingest::new();
        let (mut out, mut joins) = feed(&mut ingest, &[&first]);
        assert_eq!(ingest.last_timecode(), Some(1000 + 29 * 33));

        // The new MediaRecorder starts at 5: shift = 1957 + 33 - 5.
        ingest.new_session();
        let shifted = 1000 + 29 * 33 + 33;
        let (second, second_clusters) = av_stream(5, shifted, &[true, false, true]);
        let (more, more_joins) = feed(&mut ingest, &random_splits(&second, 11, 64));
        out.extend(more);
        joins.extend(more_joins);
        assert_eq!(out, [av_header(), first_clusters, second_clusters].concat());
        assert_eq!(
            joins.iter().map(|j| j.timecode).collect::<Vec<_>>(),
            [0, shifted, shifted + 2000]
        );
        assert_eq!(ingest.last_timecode(), Some(shifted + 2000 + 29 * 33));
        // Only one EBML header in the whole stream.
        assert_eq!(out.windows(4).filter(|w| *w == EBML_MAGIC).count(), 1);
        let live = read_live(&out);
        assert_eq!(live.clusters.len(), 5);
        assert_eq!(
            live.clusters.iter().map(|c| c.1).collect::<Vec<_>>(),
            [0, 1000, shifted, shifted + 1000, shifted + 2000]
        );
    }

    #[test]
    fn a_reconnect_with_other_tracks_is_refused() {
        let (first, _) = av_stream(0, 0, &[true]);
        let mut ingest = Ingest::new();
        feed(&mut ingest, &[&first]);
        let written = ingest.written();
        // Opus in stereo: another OpusHead in CodecPrivate.
        let stereo = master(
            0xAE,
            &[
                uint_el(0xD7, 2),
                uint_el(0x83, 2),
                str_el(0x86, "A_OPUS"),
                el(0x63A2, b"OpusHead\x01\x02"),
            ],
        );
        let others = [
            audio_header(),
            header_with(&[track_el(1, 1, "V_VP9"), track_el(2, 2, "A_OPUS")]),
            header_with(&[track_el(1, 1, "V_VP8"), track_el(2, 2, "A_VORBIS")]),
            header_with(&[track_el(1, 1, "V_VP8"), stereo]),
            header_with(&[track_el(1, 1, "V_VP8")]),
            header_with(&[
                track_el(1, 1, "V_VP8"),
                track_el(2, 2, "A_OPUS"),
                track_el(3, 2, "A_OPUS"),
            ]),
        ];
        for other in others {
            ingest.new_session();
            let data = [other, in_cluster(0, &av_blocks(true))].concat();
            assert_eq!(ingest.push(&data).unwrap_err(), WebmError::TracksChanged);
            assert_eq!(ingest.written(), written);
        }
        // The same tracks are fine afterwards.
        ingest.new_session();
        let (second, _) = av_stream(0, 0, &[true]);
        assert_eq!(ingest.push(&second).unwrap().join_points.len(), 1);
    }

    /// Where a test block's (1-byte) track number is.
    fn track_pos(block: &[u8]) -> usize {
        let (id, _, hl) = rhead(block, 0);
        if id == 0xA3 {
            hl
        } else {
            // BlockGroup: its first child is the Block.
            let (_, _, bhl) = rhead(block, hl);
            hl + bhl
        }
    }

    #[test]
    fn a_reconnect_with_swapped_track_numbers_is_renumbered() {
        let (first, first_out) = av_stream(0, 0, &[true]);
        let mut ingest = Ingest::new();
        let (mut out, _) = feed(&mut ingest, &[&first]);
        let last = ingest.last_timecode().unwrap();
        // The stream has video 1, audio 2; the new recorder numbered audio 1, video 2 (Chromium
        // numbers tracks in the order their first frames arrive).
        ingest.new_session();
        let header = header_with(&[track_el(1, 2, "A_OPUS"), track_el(2, 1, "V_VP8")]);
        let blocks = vec![
            sblock(1, 0, true, 40),
            sblock(2, 3, true, 300),
            sblock(1, 20, true, 40),
            group(2, 36, true, 100),
            sblock(2, 70, false, 120),
        ];
        let input = [header, in_cluster(0, &blocks)].concat();
        let (more, joins) = feed(&mut ingest, &random_splits(&input, 5, 50));
        let swapped: Vec<Vec<u8>> = blocks
            .iter()
            .map(|b| {
                let mut copy = b.clone();
                let at = track_pos(b);
                copy[at] = 0x80 | (3 - (b[at] & 0x7F));
                copy
            })
            .collect();
        assert_eq!(more, out_cluster(last + 33, &swapped));
        // The first video block (renumbered) is a keyframe: a join point.
        assert_eq!(
            joins,
            [JoinPoint {
                offset: (av_header().len() + first_out.len()) as u64,
                timecode: last + 33
            }]
        );
        assert_eq!(ingest.last_timecode(), Some(last + 33 + 70));
        out.extend(more);
        let live = read_live(&out);
        assert_eq!(live.clusters.len(), 2);
        // Video blocks (the big ones) are on the stream's video track 1, audio on 2.
        for block in &live.clusters[1].2 {
            let track = block[track_pos(block)] & 0x7F;
            assert_eq!(track, if block.len() > 100 { 1 } else { 2 });
        }
    }

    #[test]
    fn a_session_cut_anywhere_leaves_whole_elements() {
        let (input, _) = av_stream(0, 0, &[true, false]);
        let (full, _) = run_whole(&input);
        let (second, _) = av_stream(0, 0, &[true]);
        for cut in (0..input.len()).step_by(7) {
            let mut ingest = Ingest::new();
            let (mut out, _) = feed(
                &mut ingest,
                &random_splits(&input[..cut], cut as u64 + 1, 200),
            );
            assert!(full.starts_with(&out), "cut {cut}");
            read_live(&out);
            // The next session continues from a valid prefix.
            ingest.new_session();
            let (more, joins) = feed(&mut ingest, &[&second]);
            assert_eq!(joins.len(), 1);
            out.extend(more);
            let live = read_live(&out);
            assert_eq!(live.header_end, av_header().len());
        }
    }

    #[test]
    fn a_stream_without_keyframes_is_refused() {
        let big = |key: bool| vec![sblock(1, 0, key, 1 << 20), sblock(2, 0, true, 40)];
        // After a first keyframe.
        let mut ingest = Ingest::new();
        feed(&mut ingest, &[&av_header(), &in_cluster(0, &big(true))]);
        let mut err = None;
        for i in 1..40 {
            let before = ingest.written();
            match ingest.push(&in_cluster(i * 1000, &big(false))) {
                Ok(_) => {}
                Err(e) => {
                    assert_eq!(ingest.written(), before);
                    err = Some((i, e));
                    break;
                }
            }
        }
        let (i, e) = err.unwrap();
        assert_eq!(e, WebmError::NoKeyframes);
        // 1 + 15 clusters of a little over 1 MiB each pass 16 MiB since the join point.
        assert_eq!(i, 15);
        // A keyframe cluster in a new session is fine again.
        ingest.new_session();
        let (second, _) = av_stream(0, 0, &[true]);
        assert!(ingest.push(&second).is_ok());

        // Without any keyframe at all.
        let mut ingest = Ingest::new();
        let mut data = av_header();
        for i in 0..20 {
            data.extend(in_cluster(i * 1000, &big(false)));
        }
        assert_eq!(ingest.push(&data).unwrap_err(), WebmError::NoKeyframes);
        assert_eq!(ingest.written(), 0);
    }

    #[test]
    fn message_ids() {
        let all = [
            (WebmError::NotWebm, "live-error-not-webm"),
            (WebmError::Malformed, "live-error-malformed"),
            (WebmError::TooLarge, "live-error-too-large"),
            (WebmError::TracksChanged, "live-error-tracks-changed"),
            (WebmError::NoKeyframes, "live-error-no-keyframes"),
            (WebmError::NoTracks, "live-error-no-tracks"),
        ];
        for (e, id) in all {
            assert_eq!(e.message_id(), id);
        }
    }

    // ---- Scanner and Layout ---------------------------------------------------------------

    /// What the seekable file says about itself.
    #[derive(Debug)]
    struct Seekable {
        duration: f64,
        clusters: Vec<(usize, u64)>,
        cues: Vec<(u64, u64, u64)>,
    }

    /// Reads a seekable file and checks its structure.
    fn check_seekable(file: &[u8], spool: &[u8]) -> Seekable {
        let (id, size, hl) = rhead(file, 0);
        assert_eq!(id, 0x1A45_DFA3);
        let ebml_len = hl + size.unwrap() as usize;
        assert_eq!(file[..ebml_len], spool[..ebml_len]);
        let (id, size, hl) = rhead(file, ebml_len);
        assert_eq!(id, 0x1853_8067);
        let data = ebml_len + hl;
        assert_eq!(size, Some((file.len() - data) as u64), "segment size");

        // SeekHead first.
        let (id, size, hl) = rhead(file, data);
        assert_eq!(id, 0x114D_9B74);
        let mut pos = data + hl;
        let seek_end = pos + size.unwrap() as usize;
        let mut seeks = Vec::new();
        while pos < seek_end {
            let (id, size, hl) = rhead(file, pos);
            assert_eq!(id, 0x4DBB);
            let end = pos + hl + size.unwrap() as usize;
            let mut p = pos + hl;
            let (mut seek_id, mut seek_pos) = (None, None);
            while p < end {
                let (cid, csize, chl) = rhead(file, p);
                let value = &file[p + chl..p + chl + csize.unwrap() as usize];
                match cid {
                    0x53AB => seek_id = Some(ruint(value) as u32),
                    0x53AC => seek_pos = Some(ruint(value)),
                    other => panic!("unexpected {other:x} in Seek"),
                }
                p += chl + csize.unwrap() as usize;
            }
            seeks.push((seek_id.unwrap(), seek_pos.unwrap()));
            pos = end;
        }
        for &(id, position) in &seeks {
            let (found, _, _) = rhead(file, data + position as usize);
            assert_eq!(found, id, "SeekHead entry {id:x}");
        }
        let seek_of = |id: u32| {
            seeks
                .iter()
                .find(|s| s.0 == id)
                .map(|s| data + s.1 as usize)
        };

        // Info: Duration, and the other children kept.
        let info = seek_of(0x1549_A966).unwrap();
        let (_, size, hl) = rhead(file, info);
        let mut p = info + hl;
        let info_end = p + size.unwrap() as usize;
        let mut duration = None;
        let mut kids = Vec::new();
        while p < info_end {
            let (cid, csize, chl) = rhead(file, p);
            let value = &file[p + chl..p + chl + csize.unwrap() as usize];
            kids.push(cid);
            if cid == 0x4489 {
                assert!(duration.is_none(), "one Duration");
                duration = Some(f64::from_be_bytes(value.try_into().unwrap()));
            }
            if cid == 0x2A_D7B1 {
                assert_eq!(ruint(value), 1_000_000);
            }
            p += chl + csize.unwrap() as usize;
        }
        assert!(kids.contains(&0x4D80) && kids.contains(&0x5741));
        assert!(seek_of(0x1654_AE6B).is_some());

        // Clusters of known size, one after the other, then Cues (if any).
        let mut pos = info_end;
        let (id, size, hl) = rhead(file, pos);
        assert_eq!(id, 0x1654_AE6B);
        pos += hl + size.unwrap() as usize;
        let mut clusters = Vec::new();
        while pos < file.len() {
            let (id, size, hl) = rhead(file, pos);
            let size = size.expect("known size") as usize;
            if id == 0x1C53_BB6B {
                assert_eq!(pos + hl + size, file.len());
                assert_eq!(seek_of(0x1C53_BB6B), Some(pos));
                break;
            }
            assert_eq!(id, 0x1F43_B675);
            assert_eq!(hl, 12);
            // Children fill the cluster exactly, Timecode first.
            let mut p = pos + hl;
            let mut tc = None;
            while p < pos + hl + size {
                let (cid, csize, chl) = rhead(file, p);
                if cid == 0xE7 {
                    tc = Some(ruint(&file[p + chl..p + chl + csize.unwrap() as usize]));
                }
                p += chl + csize.unwrap() as usize;
            }
            assert_eq!(p, pos + hl + size, "cluster size");
            clusters.push((pos, tc.unwrap()));
            pos += hl + size;
        }
        let mut cues = Vec::new();
        if let Some(cues_at) = seek_of(0x1C53_BB6B) {
            let (_, size, hl) = rhead(file, cues_at);
            let mut p = cues_at + hl;
            while p < cues_at + hl + size.unwrap() as usize {
                let (id, size, hl) = rhead(file, p);
                assert_eq!(id, 0xBB);
                let end = p + hl + size.unwrap() as usize;
                let mut q = p + hl;
                let (mut time, mut track, mut position) = (None, None, None);
                while q < end {
                    let (cid, csize, chl) = rhead(file, q);
                    let cend = q + chl + csize.unwrap() as usize;
                    if cid == 0xB3 {
                        time = Some(ruint(&file[q + chl..cend]));
                    } else if cid == 0xB7 {
                        let mut r = q + chl;
                        while r < cend {
                            let (tid, tsize, thl) = rhead(file, r);
                            let value = ruint(&file[r + thl..r + thl + tsize.unwrap() as usize]);
                            match tid {
                                0xF7 => track = Some(value),
                                0xF1 => position = Some(value),
                                _ => {}
                            }
                            r += thl + tsize.unwrap() as usize;
                        }
                    }
                    q = cend;
                }
                let (time, track, position) = (time.unwrap(), track.unwrap(), position.unwrap());
                let at = data + position as usize;
                let cluster = clusters
                    .iter()
                    .find(|c| c.0 == at)
                    .expect("cue at a cluster");
                assert!(cluster.1 <= time, "CueTime is in the cluster");
                cues.push((time, track, position));
                p = end;
            }
        }
        Seekable {
            duration: duration.unwrap(),
            clusters,
            cues,
        }
    }

    #[test]
    fn the_seekable_file_is_consistent() {
        let (first, _) = av_stream(0, 0, &[true, false, true]);
        let mut ingest = Ingest::new();
        let (mut spool, mut joins) = feed(&mut ingest, &[&first]);
        ingest.new_session();
        let (second, _) = av_stream(0, 0, &[true, false]);
        let (more, more_joins) = feed(&mut ingest, &[&second]);
        spool.extend(more);
        joins.extend(more_joins);
        let last = ingest.last_timecode().unwrap();

        let layout = scan(&spool, spool.len()).unwrap();
        for piece in [1, 7, 1000, 4096] {
            assert_eq!(
                scan(&spool, piece).unwrap().parts(),
                layout.parts(),
                "piece {piece}"
            );
        }
        let file = assemble(&layout, &spool);
        assert_eq!(layout.len(), file.len() as u64);
        assert!(!layout.is_empty());
        assert_eq!(layout.duration_ms(), last + 33);
        let seekable = check_seekable(&file, &spool);
        assert_eq!(seekable.duration, (last + 33) as f64);
        assert_eq!(seekable.clusters.len(), 5);
        assert_eq!(
            seekable.cues.iter().map(|c| c.0).collect::<Vec<_>>(),
            joins.iter().map(|j| j.timecode).collect::<Vec<_>>()
        );
        assert!(seekable.cues.iter().all(|c| c.1 == 1));
        // The clusters hold the spool's blocks, byte for byte.
        let live = read_live(&spool);
        let mut copied = Vec::new();
        for part in layout.parts() {
            if let Part::Copy(r) = part {
                copied.push(r);
            }
        }
        assert_eq!(copied.len(), 2 + live.clusters.len());
        let file_live_blocks: Vec<Vec<Vec<u8>>> = seekable
            .clusters
            .iter()
            .map(|&(pos, _)| {
                let (_, size, hl) = rhead(&file, pos);
                let mut kids = Vec::new();
                let mut p = pos + hl;
                while p < pos + hl + size.unwrap() as usize {
                    let (cid, csize, chl) = rhead(&file, p);
                    let end = p + chl + csize.unwrap() as usize;
                    if cid == 0xA3 || cid == 0xA0 {
                        kids.push(file[p..end].to_vec());
                    }
                    p = end;
                }
                kids
            })
            .collect();
        let spool_blocks: Vec<Vec<Vec<u8>>> = live.clusters.into_iter().map(|c| c.2).collect();
        assert_eq!(file_live_blocks, spool_blocks);
    }

    #[test]
    fn a_truncated_recording_stops_at_the_last_whole_element() {
        let (input, _) = av_stream(0, 0, &[true, false, true]);
        let (spool, _) = run_whole(&input);
        let live = read_live(&spool);
        let third = live.clusters[2].0;
        // Cut inside the third cluster's last video block (the audio block after it is lost
        // too): keep two whole clusters and the whole blocks of the third.
        let blocks = &live.clusters[2].2;
        let tail = blocks[blocks.len() - 1].len() + blocks[blocks.len() - 2].len() / 2;
        let cut = spool.len() - tail;
        let layout = scan(&spool[..cut], 100).unwrap();
        let file = assemble(&layout, &spool);
        let seekable = check_seekable(&file, &spool);
        assert_eq!(seekable.clusters.len(), 3);
        // The last whole video block is at 2000 + 28 * 33 (the audio ones end earlier).
        assert_eq!(seekable.duration, (2000 + 28 * 33 + 33) as f64);
        assert_eq!(layout.duration_ms(), 2000 + 28 * 33 + 33);
        assert_eq!(seekable.cues.len(), 2);

        // Cut right after the third cluster's header and Timecode: it is left out.
        let layout = scan(&spool[..third + 12 + 10], 100).unwrap();
        let file = assemble(&layout, &spool);
        let seekable = check_seekable(&file, &spool);
        assert_eq!(seekable.clusters.len(), 2);
        assert_eq!(seekable.cues.len(), 1);
        assert_eq!(layout.duration_ms(), 1000 + 29 * 33 + 33);
    }

    #[test]
    fn a_recording_without_clusters_is_empty() {
        let (spool, _) = run_whole(&[av_header(), in_cluster(0, &[])].concat());
        assert_eq!(spool, av_header());
        let layout = scan(&spool, 10).unwrap();
        assert!(layout.is_empty());
        assert_eq!(layout.duration_ms(), 0);
        let file = assemble(&layout, &spool);
        assert_eq!(layout.len(), file.len() as u64);
        let seekable = check_seekable(&file, &spool);
        assert!(seekable.clusters.is_empty() && seekable.cues.is_empty());
        assert_eq!(seekable.duration, 0.0);
    }

    #[test]
    fn the_scanner_refuses_what_is_not_a_recording() {
        assert_eq!(scan(&[], 10).unwrap_err(), WebmError::NotWebm);
        assert_eq!(scan(b"hello world", 3).unwrap_err(), WebmError::NotWebm);
        let header = ebml_el("webm");
        assert_eq!(scan(&header, 3).unwrap_err(), WebmError::NoTracks);
        let mut bad = av_header();
        bad.extend([0x1F, 0x43, 0xB6, 0x75, 0x00]);
        assert_eq!(scan(&bad, 5).unwrap_err(), WebmError::Malformed);
        let mut scanner = Scanner::new();
        assert!(scanner.push(&bad).is_err());
        assert_eq!(scanner.push(&[]).unwrap_err(), WebmError::Malformed);
        assert_eq!(scanner.finish().unwrap_err(), WebmError::Malformed);
    }

    #[test]
    fn audio_only_cues_use_the_first_track() {
        let mut input = audio_header();
        for i in 0..3 {
            let blocks: Vec<Vec<u8>> = (0..10).map(|k| sblock(1, k * 20, true, 30)).collect();
            input.extend(in_cluster(i * 200, &blocks));
        }
        let (spool, _) = run_whole(&input);
        let layout = scan(&spool, 33).unwrap();
        let file = assemble(&layout, &spool);
        let seekable = check_seekable(&file, &spool);
        assert_eq!(seekable.cues.len(), 3);
        assert!(seekable.cues.iter().all(|c| c.1 == 1));
        assert_eq!(layout.duration_ms(), 400 + 9 * 20 + 33);
    }

    // ---- Robustness ------------------------------------------------------------------------

    #[test]
    fn mutated_streams_never_panic() {
        let (base, _) = av_stream(0, 0, &[true, false, true]);
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for round in 0..400 {
            let mut data = base.clone();
            for _ in 0..1 + rng.below(6) {
                match rng.below(5) {
                    0 => {
                        let i = rng.below(data.len());
                        data[i] = rng.next() as u8;
                    }
                    1 => {
                        let i = rng.below(data.len());
                        data[i] = [0x00, 0xFF, 0x01, 0x80][rng.below(4)];
                    }
                    2 => {
                        let i = rng.below(data.len());
                        data.insert(i, rng.next() as u8);
                    }
                    3 => {
                        let i = rng.below(data.len());
                        data.remove(i);
                    }
                    _ => {
                        let cut = rng.below(data.len());
                        data.truncate(cut.max(1));
                    }
                }
            }
            let mut ingest = Ingest::new();
            let mut spool = Vec::new();
            for (k, chunk) in random_splits(&data, round + 1, 300).into_iter().enumerate() {
                if k % 5 == 4 && rng.below(4) == 0 {
                    ingest.new_session();
                    if let Ok(p) = ingest.push(&data) {
                        spool.extend(p.bytes);
                    }
                }
                if let Ok(p) = ingest.push(chunk) {
                    spool.extend(p.bytes);
                }
            }
            assert_eq!(ingest.written(), spool.len() as u64);
            if let Some(header) = ingest.header() {
                assert!(spool.starts_with(header));
            }
            for source in [&spool, &data] {
                if let Ok(layout) = scan(source, 1 + rng.below(500)) {
                    let file = assemble(&layout, source);
                    assert_eq!(file.len() as u64, layout.len());
                }
            }
        }
    }

    // ---- Real recordings -------------------------------------------------------------------

    /// Feeds the chunks of a real MediaRecorder recording (files `chunk-*.bin` in
    /// `WEBM_CHUNKS_DIR`; `chunk-<session>-<n>.bin` for several sessions) through [`Ingest`] and [`Scanner`], writing `spool.webm`, `late.webm`
    /// (header + everything from the second join point) and `out.webm` (seekable) next to them.
    #[test]
    #[ignore = "needs WEBM_CHUNKS_DIR with real MediaRecorder chunks"]
    fn real_media_recorder_chunks() {
        let dir = std::path::PathBuf::from(std::env::var("WEBM_CHUNKS_DIR").unwrap());
        let mut names: Vec<_> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .filter(|n| n.starts_with("chunk-") && n.ends_with(".bin"))
            .collect();
        names.sort();
        let mut ingest = Ingest::new();
        let mut spool = Vec::new();
        let mut joins = Vec::new();
        let mut input_len = 0;
        // `chunk-<n>.bin`: one session; `chunk-<session>-<n>.bin`: a new session (a reconnect)
        // whenever <session> changes.
        let mut session = None;
        for name in &names {
            let stem = &name["chunk-".len()..name.len() - ".bin".len()];
            let this = stem.split_once('-').map(|(s, _)| s.to_owned());
            if session.is_some() && this != session {
                spool.extend(ingest.flush().unwrap().bytes);
                ingest.new_session();
                println!(
                    "new session at {} bytes, last timecode {:?}",
                    spool.len(),
                    ingest.last_timecode()
                );
            }
            session = this;
            let chunk = std::fs::read(dir.join(name)).unwrap();
            input_len += chunk.len();
            let pushed = ingest
                .push(&chunk)
                .unwrap_or_else(|e| panic!("{name}: {e:?}"));
            spool.extend(pushed.bytes);
            joins.extend(pushed.join_points);
        }
        spool.extend(ingest.flush().unwrap().bytes);
        let live = read_live(&spool);
        println!(
            "chunks: {}, input {} bytes, spool {} bytes, header {} bytes, timecode scale {}",
            names.len(),
            input_len,
            spool.len(),
            ingest.header().unwrap().len(),
            ingest.timecode_scale()
        );
        println!("tracks: {:?}", ingest.stream.tracks);
        let video_track = ingest.stream.video;
        for (offset, tc, blocks) in &live.clusters {
            // (track, relative timecode, keyframe) of every block.
            let info: Vec<(u64, i16, bool)> = blocks
                .iter()
                .map(|b| {
                    let (id, _, hl) = rhead(b, 0);
                    assert_eq!(id, 0xA3, "only SimpleBlocks expected");
                    let (track, n) = rvint(b, hl);
                    let rel = i16::from_be_bytes([b[hl + n], b[hl + n + 1]]);
                    (track, rel, b[hl + n + 2] & 0x80 != 0)
                })
                .collect();
            let video: Vec<(i16, bool)> = info
                .iter()
                .filter(|b| Some(b.0) == video_track)
                .map(|b| (b.1, b.2))
                .collect();
            println!(
                "cluster at {offset}: tc {tc}, {} blocks, first {:?}, video (rel, key) {video:?}, join {}",
                blocks.len(),
                info[0],
                joins.iter().any(|j| j.offset == *offset as u64)
            );
        }
        println!(
            "join points: {joins:?}, last timecode {:?}",
            ingest.last_timecode()
        );
        std::fs::write(dir.join("spool.webm"), &spool).unwrap();
        if let Some(second) = joins.get(1) {
            let late = [ingest.header().unwrap(), &spool[second.offset as usize..]].concat();
            std::fs::write(dir.join("late.webm"), late).unwrap();
        }
        let layout = scan(&spool, 65536).unwrap();
        let file = assemble(&layout, &spool);
        let seekable = check_seekable(&file, &spool);
        println!(
            "seekable: {} bytes, duration {} ms, {} clusters, {} cues",
            file.len(),
            layout.duration_ms(),
            seekable.clusters.len(),
            seekable.cues.len()
        );
        std::fs::write(dir.join("out.webm"), file).unwrap();
    }
}
