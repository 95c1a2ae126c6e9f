//! Interval arithmetic on written figures (DOMAIN.md, Rounding): a figure stands for every value
//! that rounds to it, and a relation holds when the intervals can meet. No fixed epsilon.

/// A closed interval of real values; bounds may be infinite.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// Lower bound.
    pub lo: f64,
    /// Upper bound.
    pub hi: f64,
}

/// Slack for binary floating point only (not a tolerance on the figures): 1e-9 relative.
fn slack(x: f64) -> f64 {
    x.abs().max(1.0) * 1e-9
}

impl std::ops::Add for Interval {
    type Output = Interval;

    /// The sum of two intervals.
    fn add(self, other: Interval) -> Interval {
        Interval {
            lo: self.lo + other.lo,
            hi: self.hi + other.hi,
        }
    }
}

impl Interval {
    /// An exact value.
    pub fn exact(v: f64) -> Self {
        Interval { lo: v, hi: v }
    }

    /// The values that round to `v` written with `decimals` decimals, times `scale`.
    pub fn rounded(v: f64, decimals: u8, scale: f64) -> Self {
        let half = 0.5 * 10f64.powi(-i32::from(decimals));
        Interval {
            lo: (v - half) * scale,
            hi: (v + half) * scale,
        }
    }

    /// `100 · self / base`, for a base whose interval is positive.
    pub fn percent_of(self, base: Interval) -> Option<Self> {
        if base.lo <= 0.0 {
            return None;
        }
        Some(Interval {
            lo: 100.0 * self.lo / base.hi,
            hi: 100.0 * self.hi / base.lo,
        })
    }

    /// True when the two intervals share a value.
    pub fn meets(self, other: Interval) -> bool {
        self.lo <= other.hi + slack(other.hi) && other.lo <= self.hi + slack(self.hi)
    }

    /// The middle, for messages.
    pub fn mid(self) -> f64 {
        (self.lo + self.hi) / 2.0
    }
}

/// A figure for a message: at most `decimals` decimals, trailing zeros dropped.
pub fn show(v: f64, decimals: usize) -> String {
    let s = format!("{v:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn domain_examples() {
        // 148 / 151 = 98.013% holds for "98.01%".
        let p = Interval::exact(148.0)
            .percent_of(Interval::exact(151.0))
            .unwrap();
        assert!(p.meets(Interval::rounded(98.01, 2, 1.0)));
        // 282 / 310 = 90.97% does not hold for "93.5%".
        let p = Interval::exact(282.0)
            .percent_of(Interval::exact(310.0))
            .unwrap();
        assert!(!p.meets(Interval::rounded(93.5, 1, 1.0)));
        // 16.25 + 15.98 against 32.24: each can be off by 0.005.
        let sum = Interval::rounded(16.25, 2, 1.0) + Interval::rounded(15.98, 2, 1.0);
        assert!(sum.meets(Interval::rounded(32.24, 2, 1.0)));
        // 99/101 = 98.0198% does not round to 98.01%.
        let p = Interval::exact(99.0)
            .percent_of(Interval::exact(101.0))
            .unwrap();
        assert!(!p.meets(Interval::rounded(98.01, 2, 1.0)));
        assert_eq!(show(90.967_741, 2), "90.97");
        assert_eq!(show(96.0, 2), "96");
    }
}
