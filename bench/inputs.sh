#!/usr/bin/env bash
# Time zglint on a report saved as other editors save it: one report repeated N times (default
# 100) as GB18030 text, as a GB18030 web page with site chrome, and as a .docx whose headings
# are numbered by Word. Prints, for each and for the UTF-8 text, the median wall time and peak
# memory of 5 runs of reading alone (`examples/read_input.rs`) and of
# `zglint check --format json`.
# Usage: bench/inputs.sh [REPORT] [N]   (default: the first seed report in ../shared/seeds, 100)
set -euo pipefail
cd "$(dirname "$0")/.."
report=${1:-$(ls ../shared/seeds/*.txt | head -n 1)}
n=${2:-100}
cargo build --release --quiet --bins --examples
bin=target/release/zglint
reader=target/release/examples/read_input
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$report" "$n" "$work" <<'EOF'
import html, re, sys, zipfile
report, n, work = sys.argv[1], int(sys.argv[2]), sys.argv[3]
text = open(report, encoding="utf-8").read()
if not text.endswith("\n"):
    text += "\n"
lines = (text * n).split("\n")
open(f"{work}/report.txt", "w", encoding="utf-8").write(text * n)
open(f"{work}/report-gb.txt", "w", encoding="gb18030").write(text * n)
body = "".join(f"<p>{html.escape(l)}</p>\n" for l in lines if l.strip())
page = (
    '<html><head><meta charset="gb18030"><title>通知公告</title>'
    '<script>var x = "<p>菜单</p>";</script></head><body>'
    '<nav><a href="/">网站首页</a></nav><div>当前位置：首页 &gt; 通知公告</div>'
    f'<div class="article">{body}</div>'
    '<div>【打印本页】【关闭窗口】</div><div>主办单位：示例县人民政府办公室</div></body></html>'
)
open(f"{work}/report.html", "w", encoding="gb18030").write(page)
# Headings "一、" and "（一）" become Word numbering; other lines are plain paragraphs.
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
heading = re.compile(r"^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")
paras = []
for l in lines:
    m = heading.match(l)
    t = html.escape(l[m.end():] if m else l)
    ppr = ""
    if m:
        ilvl = 0 if m.group(1).endswith("、") else 1
        ppr = f'<w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="1"/></w:numPr></w:pPr>'
    paras.append(f'<w:p>{ppr}<w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>')
document = f'<w:document xmlns:w="{W}"><w:body>{"".join(paras)}</w:body></w:document>'
numbering = (
    f'<w:numbering xmlns:w="{W}"><w:abstractNum w:abstractNumId="0">'
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>'
    '</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>'
)
with zipfile.ZipFile(f"{work}/report.docx", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/document.xml", document)
    z.writestr("word/numbering.xml", numbering)
EOF
median() {  # median "secs KB" of 5 runs of the command given
  for _ in 1 2 3 4 5; do
    /usr/bin/time -f "%e %M" -o "$work/t" "$@" > /dev/null 2>&1 || true
    tail -n 1 "$work/t"
  done | sort -n | sed -n 3p
}
for f in report.txt report-gb.txt report.html report.docx; do
  bytes=$(wc -c < "$work/$f")
  read -r rs rkb < <(median "$reader" "$work/$f")
  read -r cs ckb < <(median "$bin" check --format json "$work/$f")
  echo "${n}x $f  ${bytes} bytes  read: median ${rs} s, peak ${rkb} KB  check: median ${cs} s, peak ${ckb} KB"
done
