-- GET like get.lua, but every request with a query parameter of its own (`fresh=N`), so no
-- cached page can answer it: the cost of drawing the page from the database.
wrk.headers["Cookie"] = os.getenv("COOKIE") or ""
local counter = 0
local thread_id = 0
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  thread_id = id
end

function request()
  counter = counter + 1
  local separator = string.find(wrk.path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, wrk.path .. separator .. "fresh=" .. thread_id .. "-" .. counter)
end

function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end
