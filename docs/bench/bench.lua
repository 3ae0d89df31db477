-- bench.lua - harness/lua/bench.lua plus public_auth (GET /users/id/{id} with a token, as the contract now requires) and search_email.
--   wrk -t1 -c16 -d10s -s lua/bench.lua BASE_URL -- ENDPOINT TOKENS_FILE TARGETS_FILE NAMES_FILE
-- ENDPOINT:     ping | me | public | public_auth | friends | mutual_count | search_name | search_email | requests | check
-- TOKENS_FILE:  "user_id<TAB>token" lines; each request picks one at random (the caller)
-- TARGETS_FILE: one user id per line; {id} in the paths is drawn from it
-- NAMES_FILE:   one first name per line; search_name uses its first 3 letters
-- Prints one machine-readable line at the end:
--   RESULT <endpoint> <req/s> <p50 ms> <p99 ms> <non-2xx> <socket errors> <requests> <wrk status errors>
-- non-2xx is counted here (status < 200 or > 299); wrk's own "status errors" only counts > 399.

local threads = {}
local counter = 0

function setup(thread)
   counter = counter + 1
   thread:set("thread_no", counter)
   table.insert(threads, thread)
end

local function read_lines(path)
   local out = {}
   local f = assert(io.open(path, "r"), "cannot open " .. tostring(path))
   for line in f:lines() do
      line = line:gsub("\r$", "")
      if line ~= "" then table.insert(out, line) end
   end
   f:close()
   return out
end

local paths = {
   ping         = function(t, p) return "/ping", false end,
   me           = function(t, p) return "/users/me", true end,
   public       = function(t, p) return "/users/id/" .. t, false end,
   public_auth  = function(t, p) return "/users/id/" .. t, true end,
   search_email = function(t, p) return "/users/search/email/" .. p .. "?limit=15", true end,
   friends      = function(t, p) return "/users/id/" .. t .. "/friends?limit=15", true end,
   mutual_count = function(t, p) return "/users/id/" .. t .. "/mutual-friends/count", true end,
   search_name  = function(t, p) return "/users/search/name/" .. p .. "?limit=15", true end,
   requests     = function(t, p) return "/friendship/requests", true end,
   check        = function(t, p) return "/friendship/check/" .. t, true end,
}

local make_path
local tokens, targets, prefixes = {}, {}, {}
endpoint = nil  -- globals, read back from the threads in done()
non2xx = 0

function init(args)
   endpoint = args[1]
   make_path = paths[endpoint]
   assert(make_path, "unknown endpoint " .. tostring(endpoint))
   for _, line in ipairs(read_lines(args[2])) do
      local tok = line:match("^[^\t]+\t(.+)$")
      if tok then table.insert(tokens, tok) end
   end
   assert(#tokens > 0, "no tokens in " .. args[2])
   targets = read_lines(args[3])
   assert(#targets > 0, "no target ids in " .. args[3])
   for _, name in ipairs(read_lines(args[4])) do
      table.insert(prefixes, name:sub(1, 3))
   end
   assert(#prefixes > 0, "no names in " .. args[4])
   math.randomseed(20240 + (thread_no or 1))
   non2xx = 0
end

function request()
   local path, auth = make_path(targets[math.random(#targets)],
                                prefixes[math.random(#prefixes)])
   local headers = {}
   if auth then
      headers["Authorization"] = "Bearer " .. tokens[math.random(#tokens)]
   end
   return wrk.format("GET", path, headers)
end

function response(status, headers, body)
   if status < 200 or status > 299 then
      non2xx = non2xx + 1
   end
end

function done(summary, latency, requests)
   local bad, name = 0, "?"
   for _, t in ipairs(threads) do
      bad = bad + (tonumber(t:get("non2xx")) or 0)
      name = t:get("endpoint") or name
   end
   local e = summary.errors
   local sock = e.connect + e.read + e.write + e.timeout
   local secs = summary.duration / 1e6
   local p50, p99 = 0, 0
   if summary.requests > 0 then
      p50 = latency:percentile(50) / 1000
      p99 = latency:percentile(99) / 1000
   end
   io.write(string.format("RESULT %s %.1f %.2f %.2f %d %d %d %d\n",
      name, summary.requests / secs, p50, p99, bad, sock,
      summary.requests, e.status))
end
