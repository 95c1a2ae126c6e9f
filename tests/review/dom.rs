// A small reader for the DOM that Chromium's `--dump-dom` prints, enough to check the review
// page: elements with their attributes and text, void elements, raw script and style text.

/// A node of the page.
pub enum Node {
    Element(Element),
    Text(String),
}

/// An element, its attributes (names lower case, values decoded) and children.
pub struct Element {
    pub name: String,
    pub attrs: Vec<(String, String)>,
    pub children: Vec<Node>,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

impl Element {
    /// The value of an attribute.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether the element has `class` among its classes.
    pub fn has_class(&self, class: &str) -> bool {
        self.attr("class")
            .is_some_and(|c| c.split_whitespace().any(|c| c == class))
    }

    /// All its text, in order.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for child in &self.children {
            match child {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) => out.push_str(&e.text()),
            }
        }
        out
    }

    /// This element and every element inside it, in document order.
    pub fn all(&self) -> Vec<&Element> {
        let mut out = vec![self];
        for child in &self.children {
            if let Node::Element(e) = child {
                out.extend(e.all());
            }
        }
        out
    }
}

/// Read serialized HTML into a tree under a root named "#document".
pub fn parse(html: &str) -> Element {
    let mut stack = vec![Element {
        name: "#document".into(),
        attrs: vec![],
        children: vec![],
    }];
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
        } else if rest.starts_with("<!") {
            rest = rest.find('>').map_or("", |i| &rest[i + 1..]);
        } else if let Some(after) = rest.strip_prefix("</") {
            let end = after.find('>').unwrap_or(after.len());
            let name = after[..end].trim().to_ascii_lowercase();
            rest = after.get(end + 1..).unwrap_or("");
            if stack.iter().skip(1).any(|e| e.name == name) {
                while let Some(e) = stack.pop() {
                    let done = e.name == name;
                    stack.last_mut().unwrap().children.push(Node::Element(e));
                    if done {
                        break;
                    }
                }
            }
        } else if rest.starts_with('<') && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic())
        {
            let (element, after, self_closing) = open_tag(&rest[1..]);
            rest = after;
            if element.name == "script" || element.name == "style" {
                let close = format!("</{}", element.name);
                let end = rest.find(&close).unwrap_or(rest.len());
                let mut element = element;
                element.children.push(Node::Text(rest[..end].to_string()));
                rest = rest[end..].find('>').map_or("", |i| &rest[end + i + 1..]);
                stack
                    .last_mut()
                    .unwrap()
                    .children
                    .push(Node::Element(element));
            } else if self_closing || VOID.contains(&element.name.as_str()) {
                stack
                    .last_mut()
                    .unwrap()
                    .children
                    .push(Node::Element(element));
            } else {
                stack.push(element);
            }
        } else {
            let first = rest.chars().next().map_or(1, char::len_utf8);
            let end = rest[first..].find('<').map_or(rest.len(), |i| i + first);
            let text = decode(&rest[..end]);
            stack.last_mut().unwrap().children.push(Node::Text(text));
            rest = &rest[end..];
        }
    }
    while stack.len() > 1 {
        let e = stack.pop().unwrap();
        stack.last_mut().unwrap().children.push(Node::Element(e));
    }
    stack.pop().unwrap()
}

/// An opening tag (after its "<"): the element, the text after it, whether it ended in "/>".
fn open_tag(s: &str) -> (Element, &str, bool) {
    let name_end = s
        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
        .unwrap_or(s.len());
    let mut element = Element {
        name: s[..name_end].to_ascii_lowercase(),
        attrs: vec![],
        children: vec![],
    };
    let mut rest = &s[name_end..];
    loop {
        rest = rest.trim_start();
        if let Some(after) = rest.strip_prefix("/>") {
            return (element, after, true);
        }
        if let Some(after) = rest.strip_prefix('>') {
            return (element, after, false);
        }
        if rest.is_empty() {
            return (element, rest, false);
        }
        if let Some(after) = rest.strip_prefix('/') {
            rest = after;
            continue;
        }
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '=' || c == '>' || c == '/')
            .unwrap_or(rest.len())
            .max(1);
        let name = rest[..end].to_ascii_lowercase();
        rest = &rest[end..];
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let (raw, after) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let body = &after[1..];
                    let end = body.find(q).unwrap_or(body.len());
                    (&body[..end], body.get(end + 1..).unwrap_or(""))
                }
                _ => {
                    let end = after
                        .find(|c: char| c.is_whitespace() || c == '>')
                        .unwrap_or(after.len());
                    (&after[..end], &after[end..])
                }
            };
            value = decode(raw);
            rest = after;
        }
        element.attrs.push((name, value));
    }
}

/// Decode the character references the serializer writes.
pub fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}
