-- Drives a real Neovim (0.7+, headless) as a KeyFence user would: the language server started as
-- extension/server/README.md says, a file with a key opened, its diagnostic waited for, the
-- "Move key to .env" code action applied and every buffer written. Results go to the JSON file
-- named by KEYFENCE_NVIM_OUT for test/e2e/neovim.test.ts to check. Uses only APIs Neovim 0.7 has
-- (vim.lsp.start_client), so Debian 12's neovim runs it.
local out = {}
local function finish()
  local file = io.open(os.getenv("KEYFENCE_NVIM_OUT"), "w")
  file:write(vim.fn.json_encode(out))
  file:close()
  vim.cmd("qall!")
end
local ok, err = pcall(function()
  local root = os.getenv("KEYFENCE_PROJECT")
  vim.cmd("edit " .. vim.fn.fnameescape(root .. "/src/ai.ts"))
  local buf = vim.api.nvim_get_current_buf()
  local started = vim.loop.hrtime()
  local id = vim.lsp.start_client({
    name = "keyfence",
    cmd = { os.getenv("KEYFENCE_NODE"), os.getenv("KEYFENCE_SERVER"), "--stdio" },
    root_dir = root,
    init_options = { settings = { debounceMs = 50 } },
  })
  vim.lsp.buf_attach_client(buf, id)
  vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
  out.firstDiagnosticsMs = (vim.loop.hrtime() - started) / 1e6
  out.diagnostics = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(out.diagnostics, { line = d.lnum, col = d.col, source = d.source, code = d.user_data and d.user_data.lsp and d.user_data.lsp.code, message = d.message })
  end
  if #out.diagnostics == 0 then return end

  -- The code actions on the key's line, as `vim.lsp.buf.code_action()` asks for them.
  local d = vim.diagnostic.get(buf)[1]
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    range = { start = { line = d.lnum, character = d.col }, ["end"] = { line = d.end_lnum, character = d.end_col } },
    context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, d.lnum) },
  }
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/codeAction", params, 10000) or {}
  out.actions = {}
  local move
  for _, response in pairs(responses) do
    for _, action in ipairs(response.result or {}) do
      table.insert(out.actions, action.title)
      if action.title:match("^Move key to %.env") then move = action end
    end
  end
  if not move then return end
  out.moveHasEdit = move.edit ~= nil
  if not move.edit then return end
  vim.lsp.util.apply_workspace_edit(move.edit, "utf-16")
  vim.cmd("silent! wall")
  out.applied = move.title

  -- After the fix the file's next analysis (Neovim sends the edit as didChange) has no finding.
  vim.wait(10000, function() return #vim.diagnostic.get(buf) == 0 end, 50)
  out.diagnosticsAfterFix = #vim.diagnostic.get(buf)
end)
if not ok then out.error = tostring(err) end
finish()
