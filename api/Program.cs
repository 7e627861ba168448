using CarbonDerivatives.Api.Hosting;

// The CarbonDerivatives gRPC service: `dotnet run --project api` (add `--urls http://0.0.0.0:5080` to change the address).
CarbonServer.Build(args).Run();
