-- Drives `zglint lsp` through Neovim's built-in LSP client (Neovim 0.7 or later): opens the
-- report $ZGLINT_REPORT, waits for its diagnostics, writes what it sees to $ZGLINT_LOG, applies
-- the heading's quick fix, waits for the report to be checked again, writes the buffer and quits.
-- tests/lsp.rs runs it and checks the log and the file.
local bin = os.getenv("ZGLINT_BIN")
local file = os.getenv("ZGLINT_REPORT")
local log = assert(io.open(os.getenv("ZGLINT_LOG"), "w"))

local function say(line)
  log:write(line, "\n")
  log:flush()
end

local function fail(why)
  say("FAIL " .. why)
  log:close()
  vim.cmd("cquit 3")
end

vim.cmd("edit " .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local config = {
  name = "zglint",
  cmd = { bin, "lsp" },
  root_dir = vim.fn.fnamemodify(file, ":h"),
  init_options = { debounceMs = 50 },
}
-- vim.lsp.start (0.8 and later) starts and attaches; 0.7 has start_client and buf_attach_client.
local client_id
if vim.lsp.start then
  client_id = vim.lsp.start(config, { bufnr = buf })
else
  client_id = vim.lsp.start_client(config)
  if client_id then
    vim.lsp.buf_attach_client(buf, client_id)
  end
end
if not client_id then
  fail("the client did not start")
end

if not vim.wait(30000, function() return #vim.diagnostic.get(buf) >= 2 end, 20) then
  fail("no diagnostics")
end
local found = vim.diagnostic.get(buf)
table.sort(found, function(a, b) return a.lnum < b.lnum end)
-- Neovim turns the server's UTF-16 columns into byte columns of its buffer.
for _, d in ipairs(found) do
  say(string.format("diagnostic %s %d:%d-%d:%d severity=%d", d.code or d.user_data.lsp.code,
    d.lnum, d.col, d.end_lnum, d.end_col, d.severity))
end

local client = vim.lsp.get_client_by_id(client_id)
local hover = vim.lsp.buf_request_sync(buf, "textDocument/hover", {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  position = { line = found[1].lnum, character = 20 },
}, 10000)
for _, answer in pairs(hover or {}) do
  if answer.result then
    say("hover " .. answer.result.contents.value:gsub("\n.*", ""))
  end
end

local answers = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", {
  textDocument = { uri = vim.uri_from_bufnr(buf) },
  range = { start = { line = 3, character = 0 }, ["end"] = { line = 3, character = 0 } },
  context = { diagnostics = {}, only = { "quickfix" } },
}, 10000)
local applied = false
for _, answer in pairs(answers or {}) do
  for _, action in ipairs(answer.result or {}) do
    if not applied and action.edit then
      say("action " .. action.title)
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
      applied = true
    end
  end
end
if not applied then
  fail("no code action")
end

-- Checked again after the edit: only the rate is left.
if not vim.wait(30000, function() return #vim.diagnostic.get(buf) == 1 end, 20) then
  fail("the fixed report was not checked again")
end
say("after fix " .. #vim.diagnostic.get(buf))
vim.cmd("write")
say("done")
log:close()
vim.cmd("qall!")
