-- GET like get.lua, but every request with a query parameter of its own (`fresh=N`), so no
-- cached page can answer it: the cost of drawing the page from the database.
wrk.headers["Cookie"] = os.getenv("COOKIE") or ""
-- The scripts beside this one (unique.lua), wherever wrk is run from.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local unique = require("unique")

function request()
  local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. separator .. "fresh=" .. unique())
end

function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end
