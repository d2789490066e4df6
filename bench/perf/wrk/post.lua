-- wrk script: POST the benchmark's RPC proxy request with the proxy secret; counts answers that are
-- not HTTP 200 with the expected reply (bench/run fails the run when there are any).
--
-- wrk runs request() and response() in one Lua state per thread, and setup() and done() in the main
-- state: a counter that response() increments is the thread's own, and done() would always read 0 in
-- its own state. So each thread counts in its state, setup() keeps the thread objects, and done()
-- sums what each thread counted with thread:get().
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Centrifugo-Proxy-Secret"] = os.getenv("BENCH_SECRET")

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

-- Per thread (a global of the thread's state, so that thread:get can read it).
wrong = 0
local expected = os.getenv("BENCH_REPLY")

function response(status, headers, body)
  if status ~= 200 or body ~= expected then
    wrong = wrong + 1
  end
end

function done(summary, latency, requests)
  local wrong_in_all = 0
  for _, thread in ipairs(threads) do
    wrong_in_all = wrong_in_all + thread:get("wrong")
  end
  -- Errors wrk saw itself (connect, read, write, timeout) are wrong answers too; a non-2xx/3xx status
  -- is counted by response() already.
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d wrong=%d errors=%d threads=%d seconds=%.3f rate=%.1f\n",
    summary.requests, wrong_in_all, errors, #threads, seconds, summary.requests / seconds))
end
