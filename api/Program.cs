using CarbonDerivatives.Api.Hosting;

// The CarbonDerivatives service: `dotnet run --project api` serves gRPC on http://localhost:5080 (h2c; `--urls` changes it)
// and the spec-lab page with the JSON API on http://localhost:5081 (HTTP/1.1; `--Carbon:WebUrls` changes it).
try
{
    CarbonServer.Build(args).Run();
}
catch (CarbonDerivatives.Api.Security.UnsafeBindingException refused)
{
    Console.Error.WriteLine(refused.Message);
    Environment.ExitCode = 2;
}
