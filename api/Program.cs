using CarbonDerivatives.Api.Hosting;

// The CarbonDerivatives gRPC service: `dotnet run --project api` (add `--urls http://0.0.0.0:5080` to change the address).
try
{
    CarbonServer.Build(args).Run();
}
catch (CarbonDerivatives.Api.Security.UnsafeBindingException refused)
{
    Console.Error.WriteLine(refused.Message);
    Environment.ExitCode = 2;
}
