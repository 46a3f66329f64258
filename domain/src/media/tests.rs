use super::*;

fn check(format: Format, bytes: &[u8], chunk: usize) -> Result<(), &'static str> {
    let mut c = StructureCheck::new(format);
    for part in bytes.chunks(chunk.max(1)) {
        c.feed(part);
    }
    c.finish()
}

fn mp4_box(kind: &[u8; 4], body: &[u8]) -> Vec<u8> {
    let mut v = ((body.len() + 8) as u32).to_be_bytes().to_vec();
    v.extend_from_slice(kind);
    v.extend_from_slice(body);
    v
}

fn mp4() -> Vec<u8> {
    let mut v = mp4_box(b"ftyp", b"isom\0\0\x02\0isomiso2");
    v.extend(mp4_box(b"moov", &[7u8; 300]));
    v.extend(mp4_box(b"mdat", &[1u8; 5000]));
    v
}

fn ebml(id: &[u8], body: &[u8]) -> Vec<u8> {
    let mut v = id.to_vec();
    // An 8-byte size.
    v.push(0x01);
    v.extend_from_slice(&(body.len() as u64).to_be_bytes()[1..]);
    v.extend_from_slice(body);
    v
}

fn webm(unknown_segment: bool) -> Vec<u8> {
    let mut v = ebml(&[0x1A, 0x45, 0xDF, 0xA3], &ebml(&[0x42, 0x82], b"webm"));
    let mut segment_body = ebml(&[0x15, 0x49, 0xA9, 0x66], &[0u8; 40]);
    segment_body.extend(ebml(&[0x1F, 0x43, 0xB6, 0x75], &[3u8; 2000]));
    if unknown_segment {
        v.extend_from_slice(&[
            0x18, 0x53, 0x80, 0x67, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        ]);
        v.extend(segment_body);
    } else {
        v.extend(ebml(&[0x18, 0x53, 0x80, 0x67], &segment_body));
    }
    v
}

fn glb() -> Vec<u8> {
    let json = br#"{"asset":{"version":"2.0"}}  "#;
    let mut v = b"glTF".to_vec();
    v.extend_from_slice(&2u32.to_le_bytes());
    v.extend_from_slice(&((12 + 8 + json.len()) as u32).to_le_bytes());
    v.extend_from_slice(&(json.len() as u32).to_le_bytes());
    v.extend_from_slice(b"JSON");
    v.extend_from_slice(json);
    v
}

#[test]
fn whole_files_pass_in_any_chunking() {
    let pdf = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\nstartxref\n0\n%%EOF\n".to_vec();
    for chunk in [1, 7, 64, 100_000] {
        assert_eq!(check(Format::Pdf, &pdf, chunk), Ok(()));
        assert_eq!(check(Format::Mp4, &mp4(), chunk), Ok(()), "mp4 by {chunk}");
        assert_eq!(
            check(Format::Webm, &webm(false), chunk),
            Ok(()),
            "webm by {chunk}"
        );
        assert_eq!(
            check(Format::Webm, &webm(true), chunk),
            Ok(()),
            "live webm by {chunk}"
        );
        assert_eq!(check(Format::Glb, &glb(), chunk), Ok(()), "glb by {chunk}");
    }
}

#[test]
fn truncated_files_are_refused() {
    let pdf = b"%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\nstartxref\n0\n%%EOF\n".to_vec();
    assert_eq!(
        check(Format::Pdf, &pdf[..pdf.len() - 8], 64),
        Err(TRUNCATED)
    );
    for cut in [1, 100, 1000] {
        let m = mp4();
        assert_eq!(
            check(Format::Mp4, &m[..m.len() - cut], 64),
            Err(TRUNCATED),
            "mp4 -{cut}"
        );
        let w = webm(false);
        assert_eq!(
            check(Format::Webm, &w[..w.len() - cut], 64),
            Err(TRUNCATED),
            "webm -{cut}"
        );
        let w = webm(true);
        assert_eq!(
            check(Format::Webm, &w[..w.len() - cut], 64),
            Err(TRUNCATED),
            "live -{cut}"
        );
    }
    let g = glb();
    assert_eq!(check(Format::Glb, &g[..g.len() - 3], 64), Err(TRUNCATED));
    // An MP4 without its movie box is no video.
    let mut no_moov = mp4_box(b"ftyp", b"isom\0\0\x02\0isomiso2");
    no_moov.extend(mp4_box(b"mdat", &[1u8; 100]));
    assert_eq!(check(Format::Mp4, &no_moov, 64), Err(TRUNCATED));
}

#[test]
fn text_gltf_is_recognised() {
    assert!(is_text_gltf(
        br#"  {"asset": {"version": "2.0"}, "buffers": []}"#
    ));
    assert!(!is_text_gltf(b"{\"name\": \"not a model\"}"));
    assert!(!is_text_gltf(b"glTF\x02\0\0\0"));
}
