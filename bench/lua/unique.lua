-- A value no other request of the run has: the wrk thread's number and a count within it.
-- Used by the scripts that must not repeat themselves (a fresh URL, a fresh idempotency
-- key). wrk runs each thread in a Lua state of its own; setup() numbers them.
local threads = {}
local thread_id = 0
local counter = 0

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  thread_id = id
end

return function()
  counter = counter + 1
  return thread_id .. "-" .. counter
end
