//! Demo 3D models (binary glTF) and 360° panoramas, generated so the demo expo has them without
//! shipping binary files: a model is a few coloured boxes and cylinders in one mesh with vertex
//! colours; a panorama is an equirectangular view from inside a booth.

use serde_json::json;

/// Which model to build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Model {
    /// An engine block with cylinders and a flywheel (machinery products).
    Engine,
    /// A cabinet device with a screen and buttons (electronics, medical and the rest).
    Device,
    /// A booth stand: floor, walls, counter and a sign.
    Stand,
}

#[derive(Default)]
struct Mesh {
    positions: Vec<[f32; 3]>,
    normals: Vec<[f32; 3]>,
    colors: Vec<[f32; 3]>,
    indices: Vec<u32>,
}

impl Mesh {
    fn vertex(&mut self, p: [f32; 3], n: [f32; 3], c: [f32; 3]) -> u32 {
        self.positions.push(p);
        self.normals.push(n);
        self.colors.push(c);
        u32::try_from(self.positions.len() - 1).unwrap_or(u32::MAX)
    }

    /// An axis-aligned box centred at `c` with full sizes `s`.
    fn cuboid(&mut self, c: [f32; 3], s: [f32; 3], color: [f32; 3]) {
        let h = [s[0] / 2.0, s[1] / 2.0, s[2] / 2.0];
        // Each face: its normal axis and sign; corners in counter-clockwise order seen from outside.
        for axis in 0..3 {
            for sign in [-1.0f32, 1.0] {
                let (u, v) = ((axis + 1) % 3, (axis + 2) % 3);
                let mut n = [0.0; 3];
                n[axis] = sign;
                let corners = [(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)];
                let mut ids = [0u32; 4];
                for (k, (a, b)) in corners.into_iter().enumerate() {
                    let mut p = c;
                    p[axis] += sign * h[axis];
                    p[u] += a * h[u];
                    p[v] += b * h[v];
                    ids[k] = self.vertex(p, n, color);
                }
                if sign > 0.0 {
                    self.indices
                        .extend([ids[0], ids[1], ids[2], ids[0], ids[2], ids[3]]);
                } else {
                    self.indices
                        .extend([ids[0], ids[2], ids[1], ids[0], ids[3], ids[2]]);
                }
            }
        }
    }

    /// A cylinder along `axis` (0 = x, 1 = y, 2 = z) centred at `c`.
    fn cylinder(&mut self, c: [f32; 3], radius: f32, length: f32, axis: usize, color: [f32; 3]) {
        const SEGMENTS: usize = 24;
        let (u, v) = ((axis + 1) % 3, (axis + 2) % 3);
        let at = |angle: f32, along: f32| {
            let mut p = c;
            p[axis] += along;
            p[u] += radius * angle.cos();
            p[v] += radius * angle.sin();
            p
        };
        let radial = |angle: f32| {
            let mut n = [0.0; 3];
            n[u] = angle.cos();
            n[v] = angle.sin();
            n
        };
        let step = std::f32::consts::TAU / SEGMENTS as f32;
        let base = u32::try_from(self.positions.len()).unwrap_or(u32::MAX);
        for i in 0..=SEGMENTS {
            let a = i as f32 * step;
            self.vertex(at(a, -length / 2.0), radial(a), color);
            self.vertex(at(a, length / 2.0), radial(a), color);
        }
        for i in 0..SEGMENTS as u32 {
            let (b0, t0, b1, t1) = (
                base + 2 * i,
                base + 2 * i + 1,
                base + 2 * i + 2,
                base + 2 * i + 3,
            );
            self.indices.extend([b0, b1, t1, b0, t1, t0]);
        }
        for sign in [-1.0f32, 1.0] {
            let mut n = [0.0; 3];
            n[axis] = sign;
            let mut centre = c;
            centre[axis] += sign * length / 2.0;
            let mid = self.vertex(centre, n, color);
            let first = u32::try_from(self.positions.len()).unwrap_or(u32::MAX);
            for i in 0..=SEGMENTS {
                self.vertex(at(i as f32 * step, sign * length / 2.0), n, color);
            }
            for i in 0..SEGMENTS as u32 {
                if sign > 0.0 {
                    self.indices.extend([mid, first + i, first + i + 1]);
                } else {
                    self.indices.extend([mid, first + i + 1, first + i]);
                }
            }
        }
    }
}

fn build(model: Model, accent: [f32; 3]) -> Mesh {
    let mut m = Mesh::default();
    let steel = [0.55, 0.58, 0.62];
    let dark = [0.12, 0.13, 0.15];
    let light = [0.92, 0.92, 0.9];
    match model {
        Model::Engine => {
            m.cuboid([0.0, 0.35, 0.0], [1.2, 0.5, 0.6], accent);
            m.cuboid([0.0, 0.05, 0.0], [1.4, 0.1, 0.8], dark);
            for i in 0..6 {
                let x = -0.5 + i as f32 * 0.2;
                m.cylinder([x, 0.7, 0.0], 0.07, 0.2, 1, steel);
            }
            m.cylinder([0.75, 0.35, 0.0], 0.28, 0.08, 0, steel);
            m.cylinder([-0.2, 0.75, 0.25], 0.04, 1.0, 0, dark);
        }
        Model::Device => {
            m.cuboid([0.0, 0.5, 0.0], [0.8, 1.0, 0.5], light);
            m.cuboid([0.0, 0.7, 0.251], [0.6, 0.35, 0.01], dark);
            m.cuboid([0.0, 0.7, 0.257], [0.56, 0.31, 0.005], accent);
            for i in 0..4 {
                let x = -0.24 + i as f32 * 0.16;
                m.cylinder([x, 0.35, 0.27], 0.04, 0.04, 2, accent);
            }
            m.cuboid([0.0, 0.02, 0.0], [0.9, 0.04, 0.6], dark);
        }
        Model::Stand => {
            m.cuboid([0.0, 0.025, 0.0], [3.0, 0.05, 2.0], [0.8, 0.8, 0.78]);
            m.cuboid([0.0, 1.25, -0.98], [3.0, 2.4, 0.05], light);
            m.cuboid([-1.48, 1.25, 0.0], [0.05, 2.4, 2.0], light);
            m.cuboid([0.0, 2.3, -0.94], [2.0, 0.3, 0.03], accent);
            m.cuboid([0.6, 0.5, 0.4], [1.2, 0.9, 0.5], accent);
            m.cuboid([0.6, 0.97, 0.4], [1.25, 0.04, 0.55], light);
            m.cylinder([-0.8, 0.5, 0.3], 0.25, 0.9, 1, steel);
            m.cuboid([-0.6, 1.3, -0.93], [0.9, 0.6, 0.02], dark);
        }
    }
    m
}

fn pad(bytes: &mut Vec<u8>, with: u8) {
    while !bytes.len().is_multiple_of(4) {
        bytes.push(with);
    }
}

/// A binary glTF 2.0 file of `model` in the `accent` colour (linear RGB, 0–1).
pub fn glb(model: Model, accent: [f32; 3]) -> Vec<u8> {
    let mesh = build(model, accent);
    let mut bin: Vec<u8> = Vec::new();
    let mut views = Vec::new();
    let mut put = |data: Vec<u8>, target: u32| {
        let offset = bin.len();
        let len = data.len();
        bin.extend(data);
        pad(&mut bin, 0);
        views.push(json!({"buffer": 0, "byteOffset": offset, "byteLength": len, "target": target}));
    };
    let floats = |v: &[[f32; 3]]| -> Vec<u8> {
        v.iter()
            .flat_map(|p| p.iter().flat_map(|f| f.to_le_bytes()))
            .collect()
    };
    put(floats(&mesh.positions), 34962);
    put(floats(&mesh.normals), 34962);
    put(floats(&mesh.colors), 34962);
    put(
        mesh.indices.iter().flat_map(|i| i.to_le_bytes()).collect(),
        34963,
    );
    let mut min = [f32::MAX; 3];
    let mut max = [f32::MIN; 3];
    for p in &mesh.positions {
        for k in 0..3 {
            min[k] = min[k].min(p[k]);
            max[k] = max[k].max(p[k]);
        }
    }
    let count = mesh.positions.len();
    let doc = json!({
        "asset": {"version": "2.0", "generator": "expo demo seed"},
        "scene": 0,
        "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0}],
        "meshes": [{"primitives": [{
            "attributes": {"POSITION": 0, "NORMAL": 1, "COLOR_0": 2},
            "indices": 3,
            "material": 0
        }]}],
        "materials": [{"pbrMetallicRoughness": {
            "baseColorFactor": [1.0, 1.0, 1.0, 1.0],
            "metallicFactor": 0.2,
            "roughnessFactor": 0.55
        }}],
        "buffers": [{"byteLength": bin.len()}],
        "bufferViews": views,
        "accessors": [
            {"bufferView": 0, "componentType": 5126, "count": count, "type": "VEC3", "min": min, "max": max},
            {"bufferView": 1, "componentType": 5126, "count": count, "type": "VEC3"},
            {"bufferView": 2, "componentType": 5126, "count": count, "type": "VEC3"},
            {"bufferView": 3, "componentType": 5125, "count": mesh.indices.len(), "type": "SCALAR"}
        ]
    });
    let mut json_chunk = doc.to_string().into_bytes();
    pad(&mut json_chunk, b' ');
    let total = 12 + 8 + json_chunk.len() + 8 + bin.len();
    let le = |n: usize| u32::try_from(n).unwrap_or(u32::MAX).to_le_bytes();
    let mut out = Vec::with_capacity(total);
    out.extend(b"glTF");
    out.extend(2u32.to_le_bytes());
    out.extend(le(total));
    out.extend(le(json_chunk.len()));
    out.extend(b"JSON");
    out.extend(json_chunk);
    out.extend(le(bin.len()));
    out.extend(b"BIN\0");
    out.extend(bin);
    out
}

/// An equirectangular 360° view (2:1, `width` wide) from the middle of a booth whose walls are
/// in `accent` (sRGB) with posters, a tiled floor and a ceiling with light panels.
pub fn panorama(width: u32, accent: [u8; 3], n: u32) -> image::RgbImage {
    let height = width / 2;
    let (half, eye, ceiling) = (4.5f32, 1.6f32, 2.4f32);
    let mix = |a: [u8; 3], b: [u8; 3], t: f32| -> [u8; 3] {
        let mut o = [0u8; 3];
        for i in 0..3 {
            o[i] = (f32::from(a[i]) * (1.0 - t) + f32::from(b[i]) * t) as u8;
        }
        o
    };
    let wall = mix(accent, [245, 245, 240], 0.72);
    let poster = mix(accent, [20, 20, 30], 0.25);
    image::RgbImage::from_fn(width, height, |x, y| {
        let lon = (x as f32 + 0.5) / width as f32 * std::f32::consts::TAU;
        let lat = (0.5 - (y as f32 + 0.5) / height as f32) * std::f32::consts::PI;
        let d = [lat.cos() * lon.sin(), lat.sin(), lat.cos() * lon.cos()];
        let tx = half / d[0].abs().max(1e-6);
        let tz = half / d[2].abs().max(1e-6);
        let ty = if d[1] < 0.0 { eye } else { ceiling } / d[1].abs().max(1e-6);
        let t = tx.min(ty).min(tz);
        let p = [d[0] * t, d[1] * t, d[2] * t];
        let px = if t == ty && d[1] < 0.0 {
            // Floor tiles, darker further away.
            let tile = (p[0].floor() as i64 + p[2].floor() as i64).rem_euclid(2) == 0;
            let base = if tile {
                [200, 198, 192]
            } else {
                [170, 168, 162]
            };
            mix(base, [90, 90, 90], (t / 12.0).min(0.6))
        } else if t == ty {
            let lit = p[0].rem_euclid(3.0) > 1.0
                && p[0].rem_euclid(3.0) < 2.0
                && p[2].rem_euclid(3.0) > 1.0
                && p[2].rem_euclid(3.0) < 2.0;
            if lit {
                [255, 255, 250]
            } else {
                [225, 225, 222]
            }
        } else {
            // A wall: `u` runs along it, `h` is the height above the floor.
            let u = if t == tx { p[2] } else { p[0] }
                * if t == tx {
                    d[0].signum()
                } else {
                    -d[2].signum()
                };
            let h = p[1] + eye;
            let face =
                if t == tx { 0 } else { 2 } + u32::from(if t == tx { d[0] } else { d[2] } > 0.0);
            if h < 0.15 {
                [60, 60, 66]
            } else if face == (n % 4) && u.abs() < 3.5 && h > 2.4 && h < 3.0 {
                // The company banner.
                if (u * 4.0).rem_euclid(1.0) < 0.5 && h > 2.6 && h < 2.8 {
                    [250, 250, 250]
                } else {
                    accent
                }
            } else if (u + 4.5).rem_euclid(3.0) < 1.6 && h > 0.9 && h < 2.1 {
                // Posters with lines of "text".
                let row = ((h - 0.9) * 10.0).rem_euclid(1.0);
                if h < 1.4 && row < 0.35 && (u + 4.5).rem_euclid(3.0) > 0.2 {
                    [235, 235, 235]
                } else {
                    poster
                }
            } else if face == (n + 2) % 4 && u.abs() < 2.0 && h < 1.0 {
                // The counter.
                mix(accent, [30, 30, 30], 0.4)
            } else {
                wall
            }
        };
        image::Rgb(px)
    })
}

/// A 256 × 256 emblem for a demo booth's logo: a ring in `accent` around a shape that varies
/// with `n` (a diamond, a square or a bar chart).
pub fn logo(accent: [u8; 3], n: u32) -> image::RgbImage {
    let size = 256u32;
    let c = size as f32 / 2.0;
    image::RgbImage::from_fn(size, size, |x, y| {
        let (dx, dy) = (x as f32 + 0.5 - c, y as f32 + 0.5 - c);
        let r = (dx * dx + dy * dy).sqrt();
        let inside = match n % 3 {
            0 => dx.abs() + dy.abs() < 70.0,
            1 => dx.abs() < 50.0 && dy.abs() < 50.0,
            _ => {
                let bar = ((dx + 60.0) / 30.0).floor();
                (0.0..4.0).contains(&bar)
                    && (dx + 60.0).rem_euclid(30.0) < 22.0
                    && dy < 55.0
                    && dy > 40.0 - 25.0 * bar
            }
        };
        if (100.0..118.0).contains(&r) || inside {
            image::Rgb(accent)
        } else {
            image::Rgb([255, 255, 255])
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glb_is_well_formed() {
        for model in [Model::Engine, Model::Device, Model::Stand] {
            let bytes = glb(model, [0.1, 0.4, 0.8]);
            assert_eq!(&bytes[0..4], b"glTF");
            let total = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]) as usize;
            assert_eq!(total, bytes.len());
            let json_len =
                u32::from_le_bytes([bytes[12], bytes[13], bytes[14], bytes[15]]) as usize;
            assert_eq!(json_len % 4, 0);
            let doc: serde_json::Value =
                serde_json::from_slice(&bytes[20..20 + json_len]).expect("json chunk");
            let bin_len = u32::from_le_bytes([
                bytes[20 + json_len],
                bytes[21 + json_len],
                bytes[22 + json_len],
                bytes[23 + json_len],
            ]) as usize;
            assert_eq!(
                doc["buffers"][0]["byteLength"].as_u64(),
                Some(bin_len as u64)
            );
            let vertices = doc["accessors"][0]["count"].as_u64().expect("count");
            assert!(vertices > 24);
            // Every index names a vertex.
            let view = &doc["bufferViews"][3];
            let start = 28 + json_len + view["byteOffset"].as_u64().expect("offset") as usize;
            let len = view["byteLength"].as_u64().expect("length") as usize;
            assert!(bytes[start..start + len]
                .chunks(4)
                .all(|c| u64::from(u32::from_le_bytes([c[0], c[1], c[2], c[3]])) < vertices));
            assert_eq!(crate::media::detect(&bytes).map(|d| d.kind), Ok("model"));
        }
    }

    #[test]
    fn logos_are_square_emblems() {
        for n in 0..3 {
            let img = logo([20, 70, 160], n);
            assert_eq!((img.width(), img.height()), (256, 256));
            assert_eq!(img.get_pixel(128, 128 - 109).0, [20, 70, 160], "ring");
            assert_eq!(img.get_pixel(2, 2).0, [255, 255, 255], "background");
        }
    }

    #[test]
    fn panorama_is_two_to_one() {
        let img = panorama(256, [20, 70, 160], 1);
        assert_eq!((img.width(), img.height()), (256, 128));
        // Floor at the bottom, ceiling at the top: they differ.
        assert_ne!(img.get_pixel(0, 127), img.get_pixel(0, 0));
    }
}
