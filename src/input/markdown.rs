//! Markdown reports: the text a reader of the rendered page sees, at the offsets of the file as
//! written.
//!
//! Markdown's marks are blanked out: each byte of a mark becomes an ASCII space (the marks are
//! ASCII, so the text stays UTF-8 and every offset, line and column is that of the file). What
//! is blanked:
//!
//! - ATX heading marks (`#` to `######` and a closing run of `#`), setext underlines (`===`,
//!   `---` under a line of text) and thematic breaks (`***`, `- - -`, `___`);
//! - blockquote marks (`>`) and list bullets (`-`, `*`, `+` before a space); ordered list
//!   numbers (`1.`) stay, as they are the report's own numbering;
//! - emphasis and strikethrough marks around text (`**…**`, `*…*`, `__…__`, `_…_`, `~~…~~`),
//!   backticks around inline code, the backslash of an escape (`\*`) or a hard line break;
//! - a link's brackets and destination (`[text](url)` keeps `text`); an image (`![alt](src)`)
//!   whole, which the page shows as a picture;
//! - the pipes of a table and its delimiter row (`|---|---|`), so a row reads as its cells;
//! - fenced code blocks (```` ``` ```` or `~~~`) whole, fences included, and YAML front matter
//!   (`---` … `---` at the very top): neither is report text.
//!
//! HTML comments are left alone, marks inside them included: suppression comments
//! (`<!-- zglint-disable … -->`) live in them and are read later, as in plain text. Other
//! inline HTML is left as it is. Indented code blocks are not recognised: reports indent
//! paragraphs.

use std::borrow::Cow;

/// The text of a Markdown report as the rendered page shows it, with every mark blanked out
/// (see the module's documentation). Borrowed when there is nothing to blank.
pub fn rendered(text: &str) -> Cow<'_, str> {
    let mut out = text.as_bytes().to_vec();
    let comments = crate::text::comments(text);
    let lines = lines(text);
    let mut blank = Blanker {
        out: &mut out,
        comments: &comments,
    };
    let mut i = 0;
    if let Some(end) = front_matter(text, &lines) {
        for l in &lines[..end] {
            blank.range(l.clone());
        }
        i = end;
    }
    // The previous line was paragraph text (for setext underlines), and the table being read.
    let mut after_text = false;
    let mut in_table = false;
    let mut fence: Option<(u8, usize)> = None;
    while i < lines.len() {
        let line = lines[i].clone();
        let s = &text[line.clone()];
        if blank.commented(line.start) {
            // A line that starts inside a comment is the comment's; what follows the comment
            // on it is read as text.
            blank.inline(line.start, s, 0);
            after_text = false;
            i += 1;
            continue;
        }
        if let Some((mark, len)) = fence {
            if closes_fence(s, mark, len) {
                fence = None;
            }
            blank.range(line);
            i += 1;
            continue;
        }
        if let Some(open) = opens_fence(s) {
            fence = Some(open);
            blank.range(line);
            after_text = false;
            i += 1;
            continue;
        }
        if s.trim().is_empty() {
            after_text = false;
            in_table = false;
            i += 1;
            continue;
        }
        if after_text && is_setext_underline(s) || is_thematic_break(s) {
            blank.range(line);
            after_text = false;
            i += 1;
            continue;
        }
        if !in_table
            && s.contains('|')
            && lines.get(i + 1).is_some_and(|next| {
                let n = &text[next.clone()];
                is_delimiter_row(n) && !blank.commented(next.start)
            })
        {
            in_table = true;
            blank.pipes(line.start, s);
            blank.range(lines[i + 1].clone());
            after_text = false;
            i += 2;
            continue;
        }
        if in_table {
            blank.pipes(line.start, s);
            i += 1;
            continue;
        }
        let body = blank.containers(line.start, s);
        let body = blank.heading(line.start, s, body);
        blank.inline(line.start, s, body);
        after_text = true;
        i += 1;
    }
    if out == text.as_bytes() {
        return Cow::Borrowed(text);
    }
    // Whole characters were replaced by spaces; the error arm is not reached.
    String::from_utf8(out).map_or(Cow::Borrowed(text), Cow::Owned)
}

/// Every line's span, without its line end (`\n` or `\r\n`).
fn lines(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, b) in text.bytes().enumerate() {
        if b == b'\n' {
            let end = if i > start && text.as_bytes()[i - 1] == b'\r' {
                i - 1
            } else {
                i
            };
            out.push(start..end);
            start = i + 1;
        }
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

/// The number of lines of YAML front matter: a first line `---` and the next `---` or `...`.
fn front_matter(text: &str, lines: &[std::ops::Range<usize>]) -> Option<usize> {
    let first = lines.first()?;
    if text[first.clone()].trim_end() != "---" {
        return None;
    }
    let close = lines[1..]
        .iter()
        .position(|l| matches!(text[l.clone()].trim_end(), "---" | "..."))?;
    Some(close + 2)
}

/// Up to three spaces of indentation, then the rest.
fn unindented(s: &str) -> Option<&str> {
    let rest = s.trim_start_matches(' ');
    (s.len() - rest.len() <= 3).then_some(rest)
}

/// A code fence's mark and length, if `s` opens one.
fn opens_fence(s: &str) -> Option<(u8, usize)> {
    let rest = unindented(s)?;
    let mark = *rest.as_bytes().first()?;
    if mark != b'`' && mark != b'~' {
        return None;
    }
    let len = rest.bytes().take_while(|&b| b == mark).count();
    // A backtick fence's info string holds no backtick.
    let ok = len >= 3 && (mark == b'~' || !rest[len..].contains('`'));
    ok.then_some((mark, len))
}

/// Whether `s` closes a fence opened with `len` of `mark`.
fn closes_fence(s: &str, mark: u8, len: usize) -> bool {
    let Some(rest) = unindented(s) else {
        return false;
    };
    let run = rest.bytes().take_while(|&b| b == mark).count();
    run >= len && rest[run..].trim().is_empty()
}

/// `***`, `---`, `___`, spaces allowed between.
fn is_thematic_break(s: &str) -> bool {
    let Some(rest) = unindented(s) else {
        return false;
    };
    let Some(mark) = rest
        .bytes()
        .next()
        .filter(|b| matches!(b, b'-' | b'*' | b'_'))
    else {
        return false;
    };
    let mut count = 0;
    for b in rest.bytes() {
        match b {
            b' ' | b'\t' => {}
            b if b == mark => count += 1,
            _ => return false,
        }
    }
    count >= 3
}

/// `===` or `---` alone on a line (under a line of text: a setext heading).
fn is_setext_underline(s: &str) -> bool {
    let Some(rest) = unindented(s) else {
        return false;
    };
    let rest = rest.trim_end();
    let Some(mark) = rest.bytes().next().filter(|b| matches!(b, b'=' | b'-')) else {
        return false;
    };
    rest.bytes().all(|b| b == mark)
}

/// A table's delimiter row: cells of `-` with optional `:`, separated by `|`.
fn is_delimiter_row(s: &str) -> bool {
    let t = s.trim();
    if !t.contains('-') {
        return false;
    }
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    let cells: Vec<&str> = t.split('|').map(str::trim).collect();
    (t.contains('|') || s.trim().starts_with('|'))
        && cells.iter().all(|c| {
            let c = c.strip_prefix(':').unwrap_or(c);
            let c = c.strip_suffix(':').unwrap_or(c);
            !c.is_empty() && c.bytes().all(|b| b == b'-')
        })
}

/// Turns bytes of the output into spaces, never inside a comment.
struct Blanker<'a> {
    out: &'a mut Vec<u8>,
    comments: &'a [std::ops::Range<usize>],
}

impl Blanker<'_> {
    /// Whether byte `at` lies in an HTML comment.
    fn commented(&self, at: usize) -> bool {
        let i = self.comments.partition_point(|c| c.end <= at);
        self.comments.get(i).is_some_and(|c| c.start <= at)
    }

    /// Blank `range` (whole characters: a character of several bytes becomes as many spaces),
    /// but for what lies in comments.
    fn range(&mut self, range: std::ops::Range<usize>) {
        for at in range {
            if !self.commented(at) && !matches!(self.out[at], b'\n' | b'\r') {
                self.out[at] = b' ';
            }
        }
    }

    /// Blank the unescaped pipes of a table row `s` starting at `base`.
    fn pipes(&mut self, base: usize, s: &str) {
        let bytes = s.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'|' && (i == 0 || bytes[i - 1] != b'\\') {
                self.range(base + i..base + i + 1);
            }
        }
    }

    /// Blank the blockquote marks and list bullets at the start of line `s` (at `base`);
    /// where the line's content starts.
    fn containers(&mut self, base: usize, s: &str) -> usize {
        let bytes = s.as_bytes();
        let mut at = 0;
        loop {
            while at < bytes.len() && matches!(bytes[at], b' ' | b'\t') {
                at += 1;
            }
            match bytes.get(at) {
                Some(b'>') => {
                    self.range(base + at..base + at + 1);
                    at += 1;
                }
                Some(b'-' | b'*' | b'+') if matches!(bytes.get(at + 1), Some(b' ' | b'\t')) => {
                    self.range(base + at..base + at + 1);
                    at += 2;
                }
                _ => return at,
            }
        }
    }

    /// Blank an ATX heading's marks in line `s` (at `base`), whose content starts at `body`;
    /// where the heading's text starts.
    fn heading(&mut self, base: usize, s: &str, body: usize) -> usize {
        let rest = &s[body..];
        let run = rest.bytes().take_while(|&b| b == b'#').count();
        if !(1..=6).contains(&run) || !matches!(rest.as_bytes().get(run), None | Some(b' ' | b'\t'))
        {
            return body;
        }
        self.range(base + body..base + body + run);
        // A closing run of `#`, after a space (or the whole heading), then only spaces.
        let text = rest[run..].trim_end_matches([' ', '\t']);
        let closing = text.trim_end_matches('#');
        if closing.len() < text.len() && (closing.is_empty() || closing.ends_with([' ', '\t'])) {
            let start = body + run + closing.len();
            self.range(base + start..base + body + run + text.len());
        }
        body + run
    }

    /// Blank the inline marks of `s[from..]` (the line at `base`).
    fn inline(&mut self, base: usize, s: &str, from: usize) {
        let b = s.as_bytes();
        let mut i = from;
        while i < b.len() {
            let at = base + i;
            if self.commented(at) {
                i += 1;
                continue;
            }
            match b[i] {
                b'\\' if i + 1 == b.len() => {
                    self.range(at..at + 1);
                    i += 1;
                }
                b'\\' if b[i + 1].is_ascii_punctuation() => {
                    self.range(at..at + 1);
                    i += 2;
                }
                b'`' => {
                    let run = run_at(b, i);
                    match find_run(b, i + run, b'`', run) {
                        Some(close) => {
                            self.range(at..at + run);
                            self.range(base + close..base + close + run);
                            i = close + run;
                        }
                        None => i += run,
                    }
                }
                b'!' if b.get(i + 1) == Some(&b'[') => match link(b, i + 1) {
                    Some((_, end)) => {
                        self.range(at..base + end);
                        i = end;
                    }
                    None => i += 1,
                },
                b'[' => match link(b, i) {
                    Some((close, end)) => {
                        self.range(at..at + 1);
                        self.range(base + close..base + end);
                        i += 1;
                    }
                    None => i += 1,
                },
                mark @ (b'*' | b'_' | b'~') => {
                    let run = run_at(b, i);
                    if let Some(close) = emphasis(b, i, mark, run) {
                        self.range(at..at + run);
                        self.range(base + close..base + close + run);
                    }
                    i += run;
                }
                _ => i += 1,
            }
        }
    }
}

/// The length of the run of the byte at `i`.
fn run_at(b: &[u8], i: usize) -> usize {
    b[i..].iter().take_while(|&&c| c == b[i]).count()
}

/// The start of the next run of exactly `len` of `mark` from `from`.
fn find_run(b: &[u8], from: usize, mark: u8, len: usize) -> Option<usize> {
    let mut j = from;
    while j < b.len() {
        if b[j] == mark {
            let run = run_at(b, j);
            if run == len {
                return Some(j);
            }
            j += run;
        } else {
            j += 1;
        }
    }
    None
}

/// The closing run of an emphasis (or `~~` strikethrough) opened by the `run` of `mark` at `i`:
/// the opener is followed by text, the closer (a run as long) follows text; `_` does not open or
/// close inside a word.
fn emphasis(b: &[u8], i: usize, mark: u8, run: usize) -> Option<usize> {
    let ok_len = if mark == b'~' { run == 2 } else { run <= 3 };
    let next = *b.get(i + run)?;
    if !ok_len || next.is_ascii_whitespace() {
        return None;
    }
    let word = |c: Option<&u8>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    if mark == b'_' && i > 0 && word(b.get(i - 1)) {
        return None;
    }
    let mut j = i + run;
    while let Some(close) = find_run(b, j, mark, run) {
        let space_before = b[close - 1].is_ascii_whitespace();
        let in_word = mark == b'_' && word(b.get(close + run));
        if !space_before && !in_word && close > i + run {
            return Some(close);
        }
        j = close + run;
    }
    None
}

/// A link `[text](destination)` opening at `i`: where `]` is and where the link ends.
fn link(b: &[u8], i: usize) -> Option<(usize, usize)> {
    let mut depth = 0usize;
    let mut close = None;
    for (j, &c) in b.iter().enumerate().skip(i) {
        match c {
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(j);
                    break;
                }
            }
            _ => {}
        }
    }
    let close = close?;
    if b.get(close + 1) != Some(&b'(') {
        return None;
    }
    let end = b[close + 2..].iter().position(|&c| c == b')')? + close + 3;
    let destination = &b[close + 2..end - 1];
    // A destination is ASCII without spaces (or a title in quotes after one).
    let plain = destination.iter().all(|c| c.is_ascii() && *c != b'\n');
    plain.then_some((close, end))
}

#[cfg(test)]
mod tests;
