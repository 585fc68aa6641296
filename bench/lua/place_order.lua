-- POST a 5-line staff order, each request with a fresh idempotency key.
-- Environment: COOKIE (sessionid and csrftoken), CSRF (the token), BODY (form without key).
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
  local body = os.getenv("BODY") .. "&idempotency_key=bench-" .. os.time() .. "-" .. thread_id .. "-" .. counter
  local headers = {}
  headers["Cookie"] = os.getenv("COOKIE")
  headers["X-CSRFToken"] = os.getenv("CSRF")
  headers["Referer"] = os.getenv("REFERER")
  headers["Content-Type"] = "application/x-www-form-urlencoded"
  return wrk.format("POST", nil, headers, body)
end

function response(status, headers, body)
  if status ~= 302 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end
