-- wrk script: POST the benchmark's RPC proxy request with the proxy secret; counts answers that are
-- not HTTP 200 with the expected reply (bench/run fails the run when there are any).
wrk.method = "POST"
wrk.body = os.getenv("BENCH_BODY")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Centrifugo-Proxy-Secret"] = os.getenv("BENCH_SECRET")

local expected = os.getenv("BENCH_REPLY")
local wrong = 0

function response(status, headers, body)
  if status ~= 200 or body ~= expected then
    wrong = wrong + 1
  end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  io.write(string.format("RESULT requests=%d wrong=%d seconds=%.3f rate=%.1f\n",
    summary.requests, wrong, seconds, summary.requests / seconds))
end
