using SalesHub.Web;
using SalesHub.Web.Bench;

if (args.FirstOrDefault() == "bench")
{
    return await BenchCommand.RunAsync(args[1..]);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddSalesHubWeb();

var app = builder.Build();
await app.UseSalesHubAsync();
await app.RunAsync();
return 0;

/// <summary>The entry point, visible to the integration tests' application factory.</summary>
public partial class Program;
