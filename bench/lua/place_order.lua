-- POST a 5-line staff order, each request with a fresh idempotency key.
-- Environment: COOKIE (sessionid and csrftoken), CSRF (the token), BODY (form without key).
-- The scripts beside this one (unique.lua), wherever wrk is run from.
package.path = debug.getinfo(1, "S").source:match("^@(.*/)") .. "?.lua;" .. package.path
local unique = require("unique")

function request()
  local body = os.getenv("BODY") .. "&idempotency_key=bench-" .. os.time() .. "-" .. unique()
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
