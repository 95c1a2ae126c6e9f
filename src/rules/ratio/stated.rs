//! The ratio relations of the report's quantity statements (`facts::statement`): shares of a
//! total stated earlier, table rows, and completion rates above 100%.

use crate::document::Span;
use crate::facts::Figure;
use crate::facts::arith::{Interval, show};
use crate::facts::statement::{Relation, Statement, approx_percent, exact};
use crate::rules::Hit;

/// A figure's interval, if exact.
fn iv(f: &Figure) -> Option<Interval> {
    exact(f).map(|(lo, hi)| Interval { lo, hi })
}

/// The figures' digits joined by " + ", with each one's scale and unit when it differs from
/// `like`'s.
fn digits(source: &str, figures: &[Figure], ids: &[usize], like: &Figure) -> String {
    ids.iter()
        .map(|&i| {
            let q = &figures[i].quantity;
            if q.scale == like.quantity.scale {
                source[q.num_span.clone()].to_string()
            } else {
                source[q.num_span.start..q.span.end].to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" + ")
}

/// A share statement that none of its readings meets: a hit and whether it is sure (a value
/// right only if the author truncated is not). `None` when it holds or cannot be weighed.
pub(super) fn share(source: &str, figures: &[Figure], st: &Statement) -> Option<(Hit, bool)> {
    let Relation::Share {
        numerators,
        base,
        percent,
    } = &st.relation
    else {
        return None;
    };
    let pf = &figures[*percent];
    let bf = &figures[*base.first()?];
    // An approximate percentage (`近60%`, `超91%`) is weighed by its qualifier's reach
    // (`approx_percent`), never surely.
    let approx = iv(pf).is_none();
    let stated =
        iv(pf).or_else(|| approx_percent(source, pf).map(|(lo, hi)| Interval { lo, hi }))?;
    let b = base
        .iter()
        .try_fold(Interval::exact(0.0), |acc, &i| Some(acc + iv(&figures[i])?))?;
    let mut computed = Vec::new();
    for num in numerators {
        let n = num
            .iter()
            .try_fold(Interval::exact(0.0), |acc, &i| Some(acc + iv(&figures[i])?))?;
        let c = n.percent_of(b)?;
        if c.meets(stated) {
            return None;
        }
        computed.push((num, c));
    }
    let (first, c) = *computed.first()?;
    let q = &pf.quantity;
    let step = 10f64.powi(-i32::from(q.decimals));
    let cut = Interval {
        lo: q.written,
        hi: q.written + step * 0.999,
    };
    let decimals = usize::from(q.decimals).max(1) + 1;
    let truncated = computed.iter().any(|(_, c)| c.meets(cut));
    let shown = show(c.mid(), decimals);
    let note = if approx {
        format!("；文中为约数，按其限定词的范围核对（{}）", reach(stated))
    } else if truncated {
        format!("；若作者是舍去尾数而非四舍五入，可得文中数字，但按四舍五入应为 {shown}%")
    } else {
        String::new()
    };
    let part = digits(source, figures, first, bf);
    let whole = digits(source, figures, base, &figures[first[0]]);
    let whole = if base.len() > 1 {
        format!("({whole})")
    } else {
        whole
    };
    let mut text = format!("{part} / {whole} = {shown}%");
    for (num, c) in computed.iter().skip(1) {
        let p = digits(source, figures, num, bf);
        text.push_str(&format!("; {p} / {whole} = {}%", show(c.mid(), decimals)));
    }
    let span: Span = q.span.clone();
    let mut hit = Hit::at(span.clone())
        .value("stated", &source[span])
        .value("computed", text)
        .value("part", part)
        .value("base", whole)
        .value("note", note);
    for &i in first {
        hit = hit.label(figures[i].quantity.span.clone(), "部分");
    }
    for &i in base {
        if !first.contains(&i) {
            hit = hit.label(figures[i].quantity.span.clone(), "基数");
        }
    }
    Some((hit, st.sure && !truncated && !approx))
}

/// An approximate percentage's reach, for the help: `[57.5%, 60.5%]`, `≥ 90.5%`.
fn reach(v: Interval) -> String {
    match (v.lo.is_finite(), v.hi.is_finite()) {
        (true, true) => format!("{}% 至 {}%", show(v.lo, 2), show(v.hi, 2)),
        (true, false) => format!("不低于 {}%", show(v.lo, 2)),
        (false, _) => format!("不高于 {}%", show(v.hi, 2)),
    }
}

/// A completion rate above 100%.
pub(super) fn over_whole(source: &str, figures: &[Figure], st: &Statement) -> Option<Hit> {
    let Relation::AtMostWhole { percent } = &st.relation else {
        return None;
    };
    let q = &figures[*percent].quantity;
    let (lo, _) = q.interval()?;
    if lo <= 100.0 {
        return None;
    }
    let span = q.span.clone();
    Some(
        Hit::at(span.clone())
            .value("stated", &source[span])
            .value("computed", "100%")
            .value("part", "")
            .value("base", "")
            .value("note", ""),
    )
}

/// A growth rate that the figure and its change do not give: 100 · change / (figure ∓ change)
/// does not meet the stated rate. A rate right only if the author truncated is not sure.
pub(super) fn growth(source: &str, figures: &[Figure], st: &Statement) -> Option<(Hit, bool)> {
    let Relation::Growth {
        value,
        change,
        percent,
        fall,
    } = &st.relation
    else {
        return None;
    };
    let (vf, cf, pf) = (&figures[*value], &figures[*change], &figures[*percent]);
    let (v, c, stated) = (iv(vf)?, iv(cf)?, iv(pf)?);
    // The earlier period's figure, with the bounds that make it widest.
    let earlier = if *fall {
        Interval {
            lo: v.lo + c.lo,
            hi: v.hi + c.hi,
        }
    } else {
        Interval {
            lo: v.lo - c.hi,
            hi: v.hi - c.lo,
        }
    };
    if earlier.lo <= 0.0 {
        return None;
    }
    let computed = c.percent_of(earlier)?;
    if computed.meets(stated) {
        return None;
    }
    let q = &pf.quantity;
    let step = 10f64.powi(-i32::from(q.decimals));
    let cut = Interval {
        lo: q.written,
        hi: q.written + step * 0.999,
    };
    let truncated = computed.meets(cut);
    let decimals = usize::from(q.decimals).max(1) + 1;
    let shown = show(computed.mid(), decimals);
    let note = if truncated {
        format!("；若作者是舍去尾数而非四舍五入，可得文中数字，但按四舍五入应为 {shown}%")
    } else {
        String::new()
    };
    let part = digits(source, figures, &[*change], vf);
    let (vd, cd) = (
        digits(source, figures, &[*value], vf),
        digits(source, figures, &[*change], vf),
    );
    let base = format!("({vd} {} {cd})", if *fall { '+' } else { '-' });
    let span: Span = q.span.clone();
    let hit = Hit::at(span.clone())
        .value("stated", &source[span])
        .value("computed", format!("{part} / {base} = {shown}%"))
        .value("part", part)
        .value("base", base)
        .value("note", note)
        .label(cf.quantity.span.clone(), "增减量")
        .label(vf.quantity.span.clone(), "本期数");
    Some((hit, st.sure && !truncated))
}
