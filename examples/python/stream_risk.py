"""Stream a portfolio's Monte Carlo sensitivities over gRPC, reading the request as protobuf JSON (a CLI sample).

Stubs as for price_option.py. Run from the repository root:
  python3 examples/python/stream_risk.py [HOST:PORT] [REQUEST.json]
  (defaults localhost:5080 and cli/samples/risk-sensitivities-mc.json)
tests/Api/PythonClientTests.cs runs this file against a real server and checks what it prints.
"""
import sys

import grpc
from google.protobuf import json_format
from carbon.v1 import risk_service_pb2 as risk, risk_service_pb2_grpc as risk_grpc

address = sys.argv[1] if len(sys.argv) > 1 else "localhost:5080"
request_file = sys.argv[2] if len(sys.argv) > 2 else "cli/samples/risk-sensitivities-mc.json"
client = risk_grpc.RiskServiceStub(grpc.insecure_channel(address))
with open(request_file, encoding="utf-8") as file:
    request = json_format.Parse(file.read(), risk.SensitivitiesRequest())
for update in client.Sensitivities(request, timeout=60):
    if update.HasField("progress"):
        print(f"{update.progress.fraction:4.0%} {update.progress.stage}")
    else:
        t = update.result.total.measures
        print(f"total {t.price.value:,.0f} ± {t.price.standard_error:,.0f} EUR, "
              f"delta {t.delta.value:,.0f} ± {t.delta.standard_error:,.0f}, vega {t.vega.value:,.0f} ± {t.vega.standard_error:,.0f}")
