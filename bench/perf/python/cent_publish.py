"""Publishes COUNT messages with the official Python client `cent`, one synchronous call at a time,
and prints the rate (publications per second) as the last line. Usage: API_URL API_KEY COUNT"""
import sys
import time

from cent import Client, PublishRequest

api_url, api_key, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
client = Client(api_url, api_key)
for i in range(min(200, count)):  # warm-up: the connection
    client.publish(PublishRequest(channel="bench", data={"text": "hello", "n": i}))
started = time.perf_counter()
for i in range(count):
    client.publish(PublishRequest(channel="bench", data={"text": "hello", "n": i}))
print(count / (time.perf_counter() - started))
