using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using SalesHub.Core.Security;

namespace SalesHub.Tests.Infrastructure;

/// <summary>
/// The real app on a real Kestrel port on 127.0.0.1, with its own temporary SQLite database and the
/// demo company. Sessions are re-validated every second so that revocation shows quickly.
/// </summary>
public sealed class TestApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "saleshub-tests", Guid.NewGuid().ToString("N"));

    public TestApp() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    public Uri BaseAddress { get; private set; } = default!;

    public Task InitializeAsync()
    {
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        return Task.CompletedTask;
    }

    public HttpClient CreateApiClient() => new() { BaseAddress = BaseAddress };

    public async Task<HttpClient> CreateSignedInApiClientAsync(string email)
    {
        var client = CreateApiClient();
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { email, password = SalesHub.Core.Seeding.DemoCompany.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<TokenBody>())!.Token;
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        return client;
    }

    public Task<Actor> ActorForAsync(string email) => Services.ActorForAsync(email);

    public Task<AppUser> UserAsync(string email) => Services.UserAsync(email);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:DataDirectory", _dataDirectory);
        builder.UseSetting("Security:SessionRevalidationInterval", "00:00:01");
        // Tests that print start Chromium when they print; the others need no browser started for them.
        builder.UseSetting("Pdf:WarmUpAtStart", "false");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private sealed record TokenBody(string Token, DateTimeOffset ExpiresAt);
}
