-- GET with the session cookie given in the COOKIE environment variable. Anything but a 200
-- (a redirect to the login page, say) is reported on stderr and counted as an error.
wrk.headers["Cookie"] = os.getenv("COOKIE") or ""

function response(status, headers, body)
  if status ~= 200 then
    io.stderr:write("unexpected status " .. status .. "\n")
  end
end
