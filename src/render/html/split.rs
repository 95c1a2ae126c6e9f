//! Cutting a text at every span boundary, so that overlapping and nested highlights become
//! properly nested elements.

use crate::document::Span;

/// A run of text that no span boundary or line break cuts, with the spans that cover it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// First byte.
    pub start: usize,
    /// Byte after the last; equal to `start` for an empty span's point.
    pub end: usize,
    /// Indices (into the spans given to [`split`]) of the spans covering this run, outer first.
    pub spans: Vec<usize>,
}

/// Whether `span` can be used on `source`: in order, in bounds and on character boundaries.
pub fn usable(source: &str, span: &Span) -> bool {
    span.start <= span.end
        && span.end <= source.len()
        && source.is_char_boundary(span.start)
        && source.is_char_boundary(span.end)
}

/// Cut `source` into pieces at every boundary of the usable spans and after every line break.
///
/// The pieces cover the whole text in order. A span that is not [`usable`] is left out; an empty
/// span gives an empty piece at its place, before the text that starts there.
pub fn split(source: &str, spans: &[Span]) -> Vec<Piece> {
    let ok: Vec<usize> = (0..spans.len())
        .filter(|&i| usable(source, &spans[i]))
        .collect();
    let mut cuts: Vec<usize> = vec![0, source.len()];
    cuts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
    for &i in &ok {
        cuts.push(spans[i].start);
        cuts.push(spans[i].end);
    }
    cuts.sort_unstable();
    cuts.dedup();

    // Outer spans first, so that a span's elements nest the same way in every piece.
    let mut order = ok.clone();
    order.sort_by_key(|&i| (spans[i].start, std::cmp::Reverse(spans[i].end), i));
    let mut points: Vec<usize> = ok
        .iter()
        .copied()
        .filter(|&i| spans[i].is_empty())
        .collect();
    points.sort_by_key(|&i| (spans[i].start, i));

    let mut pieces = Vec::new();
    let mut next_point = 0;
    // A sweep: the spans that have started and not yet ended, kept in `order`'s order.
    let mut next_span = 0;
    let mut active: Vec<usize> = Vec::new();
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        while next_point < points.len() && spans[points[next_point]].start <= a {
            let i = points[next_point];
            pieces.push(Piece {
                start: spans[i].start,
                end: spans[i].start,
                spans: vec![i],
            });
            next_point += 1;
        }
        if a == b {
            continue;
        }
        while next_span < order.len() && spans[order[next_span]].start <= a {
            if !spans[order[next_span]].is_empty() {
                active.push(order[next_span]);
            }
            next_span += 1;
        }
        active.retain(|&i| spans[i].end >= b);
        pieces.push(Piece {
            start: a,
            end: b,
            spans: active.clone(),
        });
    }
    for &i in &points[next_point..] {
        pieces.push(Piece {
            start: spans[i].start,
            end: spans[i].start,
            spans: vec![i],
        });
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(source: &'a str, pieces: &[Piece]) -> Vec<(&'a str, Vec<usize>)> {
        pieces
            .iter()
            .map(|p| (&source[p.start..p.end], p.spans.clone()))
            .collect()
    }

    #[test]
    fn overlapping_spans_cut_at_each_boundary() {
        let s = "共5个问题完成率90%";
        let a = s.find('5').unwrap()..s.find('题').unwrap() + '题'.len_utf8();
        let b = s.find('问').unwrap()..s.len();
        let pieces = split(s, &[a, b]);
        assert_eq!(
            texts(s, &pieces),
            vec![
                ("共", vec![]),
                ("5个", vec![0]),
                ("问题", vec![0, 1]),
                ("完成率90%", vec![1])
            ]
        );
    }

    #[test]
    fn unusable_spans_are_left_out() {
        let s = "巡察\n整改";
        // 1 is inside "巡"; 99 is past the end; 5..2 is reversed.
        #[allow(clippy::reversed_empty_ranges)]
        let spans = [1..3, 0..99, 5..2];
        let pieces = split(s, &spans);
        assert_eq!(
            texts(s, &pieces),
            vec![("巡察\n", vec![]), ("整改", vec![])]
        );
    }

    #[test]
    fn empty_spans_are_points_and_lines_are_cut() {
        let s = "甲乙\n丙";
        let pieces = split(s, &[3..3, 0..s.len(), 10..10]);
        assert_eq!(
            texts(s, &pieces),
            vec![
                ("甲", vec![1]),
                ("", vec![0]),
                ("乙\n", vec![1]),
                ("丙", vec![1]),
                ("", vec![2]),
            ]
        );
    }
}
