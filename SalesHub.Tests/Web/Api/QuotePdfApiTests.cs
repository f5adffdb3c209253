using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;
using SalesHub.Tests.Web.Documents;

namespace SalesHub.Tests.Web.Api;

public sealed class QuotePdfApiTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task TheOwnerDownloadsTheQuoteAsAPdfNamedAfterItsNumberAndRevision()
    {
        var (id, number) = await CreateQuoteAsync();
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);

        var response = await client.GetAsync($"/api/v1/quotes/{id}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{number}-v1.pdf", response.Content.Headers.ContentDisposition?.FileName);
        var pdf = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.Contains("北京星河贸易有限公司", string.Concat(await PdfText.PagesAsync(pdf)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherTeamsRepGetsNotFound()
    {
        var (id, _) = await CreateQuoteAsync();
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep3Email);

        await ApiProblem.AssertAsync(await client.GetAsync($"/api/v1/quotes/{id}/pdf"), HttpStatusCode.NotFound);
        await ApiProblem.AssertAsync(await client.GetAsync("/api/v1/quotes/999999/pdf"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task WithoutChromiumTheAnswerIs503SayingHowToInstallIt()
    {
        var (id, _) = await CreateQuoteAsync();
        await using var withoutChromium = app.WithWebHostBuilder(b => b.UseSetting("Pdf:ChromiumPath", "/nonexistent/chromium"));
        var client = withoutChromium.CreateClient();
        var token = await client.PostAsJsonAsync("/api/v1/auth/token", new { email = DemoCompany.Rep1Email, password = DemoCompany.Password });
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("token").GetString());

        var problem = await ApiProblem.AssertAsync(await client.GetAsync($"/api/v1/quotes/{id}/pdf"), HttpStatusCode.ServiceUnavailable);

        Assert.Equal("Pdf.ChromiumMissing", problem.GetProperty("code").GetString());
        Assert.Contains("apt-get install chromium fonts-wqy-microhei fonts-noto-cjk", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    private async Task<(int Id, string Number)> CreateQuoteAsync()
    {
        var quote = (await AppQuotes.CreateAsync(app.Services, DemoCompany.Rep1Email, "北京星河贸易有限公司", "zh-CN")).Quote;
        return (quote.Id, quote.Number);
    }
}
