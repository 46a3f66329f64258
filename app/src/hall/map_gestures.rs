//! The hall map's touch and pointer gestures, apart from the browser: one finger (or the mouse)
//! pans, two fingers pinch to zoom and pan by their midpoint. Positions are screen pixels; the
//! map turns the result into plan units with the size the plan is drawn at, so a dragged plan
//! follows the finger exactly at every screen width.

/// What a pointer move asks of the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gesture {
    /// How far the plan's content should move, in screen pixels.
    pub dx: f64,
    /// Vertical movement, in screen pixels.
    pub dy: f64,
    /// The zoom factor to apply (1.0: none).
    pub zoom: f64,
}

/// The pointers down on the map (at most two count).
#[derive(Clone, Debug, Default)]
pub struct Gestures {
    pointers: Vec<(i32, f64, f64)>,
}

impl Gestures {
    /// A pointer went down.
    pub fn down(&mut self, id: i32, x: f64, y: f64) {
        self.pointers.retain(|p| p.0 != id);
        if self.pointers.len() < 2 {
            self.pointers.push((id, x, y));
        }
    }

    /// A pointer went up, left or was cancelled.
    pub fn up(&mut self, id: i32) {
        self.pointers.retain(|p| p.0 != id);
    }

    /// Whether any pointer is down.
    pub fn active(&self) -> bool {
        !self.pointers.is_empty()
    }

    /// A pointer moved: the pan (and, with two fingers, the zoom) it asks for.
    pub fn moved(&mut self, id: i32, x: f64, y: f64) -> Option<Gesture> {
        let i = self.pointers.iter().position(|p| p.0 == id)?;
        let before = self.pointers.clone();
        self.pointers[i] = (id, x, y);
        match before.as_slice() {
            [(_, x0, y0)] => Some(Gesture {
                dx: x - x0,
                dy: y - y0,
                zoom: 1.0,
            }),
            [a, b] => {
                let after = &self.pointers;
                let mid =
                    |p: &[(i32, f64, f64)]| ((p[0].1 + p[1].1) / 2.0, (p[0].2 + p[1].2) / 2.0);
                let dist = |p: &[(i32, f64, f64)]| (p[0].1 - p[1].1).hypot(p[0].2 - p[1].2);
                let (m0, m1) = (mid(&[*a, *b]), mid(after));
                let (d0, d1) = (dist(&[*a, *b]), dist(after));
                let zoom = if d0 > 1.0 && d1 > 1.0 { d1 / d0 } else { 1.0 };
                Some(Gesture {
                    dx: m1.0 - m0.0,
                    dy: m1.1 - m0.1,
                    zoom,
                })
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_finger_pans_by_what_it_moved() {
        let mut g = Gestures::default();
        g.down(1, 100.0, 100.0);
        assert_eq!(
            g.moved(1, 130.0, 90.0),
            Some(Gesture {
                dx: 30.0,
                dy: -10.0,
                zoom: 1.0
            })
        );
        assert_eq!(g.moved(2, 0.0, 0.0), None, "a pointer that is not down");
        g.up(1);
        assert!(!g.active());
    }

    #[test]
    fn two_fingers_pinch_to_zoom() {
        let mut g = Gestures::default();
        g.down(1, 100.0, 100.0);
        g.down(2, 200.0, 100.0);
        // Spread to twice the distance around the same midpoint.
        let a = g.moved(1, 50.0, 100.0).expect("move");
        let b = g.moved(2, 250.0, 100.0).expect("move");
        let total = a.zoom * b.zoom;
        assert!((total - 2.0).abs() < 1e-9, "{total}");
        assert!((a.dx + b.dx).abs() < 1e-9, "the midpoint stays");
        // A third finger does not count.
        g.down(3, 0.0, 0.0);
        assert_eq!(g.moved(3, 10.0, 10.0), None);
    }
}
