"""Price an ICE EUA Dec-26 call by Monte Carlo over gRPC, with its delta (the README's quick start).

Stubs beside this script, from the repository root:
  G=~/.nuget/packages/google.api.commonprotos/2.17.0/content/protos
  protoc -I protos -I $G --python_out=examples/python --grpc_out=examples/python \
         --plugin=protoc-gen-grpc=/usr/bin/grpc_python_plugin protos/carbon/v1/*.proto \
         $G/google/api/annotations.proto $G/google/api/http.proto
Run: python3 examples/python/price_option.py [HOST:PORT]   (default localhost:5080)
tests/Api/PythonClientTests.cs runs this file against a real server and checks what it prints.
"""
import sys

import grpc
from carbon.v1 import pricing_service_pb2 as pricing, pricing_service_pb2_grpc as pricing_grpc
from carbon.v1 import instruments_pb2 as inst, market_pb2 as market, models_pb2 as models

address = sys.argv[1] if len(sys.argv) > 1 else "localhost:5080"
client = pricing_grpc.PricingServiceStub(grpc.insecure_channel(address))
reply = client.Price(pricing.PriceRequest(
    request_id="py-1",
    instrument=inst.Instrument(futures_option=inst.FuturesOption(
        underlying="EUA", right=inst.OPTION_RIGHT_CALL, strike=75, expiry="2026-12-16",
        futures_delivery="2026-12-21", lot_size=1000, currency="EUR")),
    market=market.MarketSource(snapshot_id="default"),
    method=models.PRICING_METHOD_MONTE_CARLO,
    monte_carlo=models.MonteCarloSettings(paths=200_000, seed=7, antithetic=True),
    greeks=True), timeout=30)
delta = reply.greeks.delta
print(f"{reply.value:.2f} ± {reply.standard_error:.2f} {reply.currency} ({reply.method}), "
      f"delta {delta.value:.1f} ± {delta.standard_error:.1f} ({delta.method})")
