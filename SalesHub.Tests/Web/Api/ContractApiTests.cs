using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Api;

public sealed class ContractApiTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task ARepWritesAContractUploadsTheScanSignsAndTerminatesIt()
    {
        var (rep, customer) = await RepWithCustomerAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var created = await ReadAsync(await rep.PostAsJsonAsync("/api/v1/contracts", new
        {
            customerId = customer, title = "年度维保合同", startsOn = today, endsOn = today.AddYears(1), amount = 88_000.50m,
        }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(("draft", 30, 88_000.50m), (created.GetProperty("status").GetString(), created.GetProperty("renewalReminderDays").GetInt32(), created.GetProperty("amount").GetDecimal()));
        Assert.StartsWith("HT", created.GetProperty("number").GetString(), StringComparison.Ordinal);

        var updated = await ReadAsync(await rep.PutAsJsonAsync($"/api/v1/contracts/{id}?version=1", new
        {
            title = "年度维保合同", startsOn = today, endsOn = today.AddYears(1), amount = 90_000m, renewalReminderDays = 60,
        }), HttpStatusCode.OK);
        Assert.Equal((90_000m, 2L), (updated.GetProperty("amount").GetDecimal(), updated.GetProperty("version").GetInt64()));

        var file = new ByteArrayContent("%PDF-1.7 scan"u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        var scan = await ReadAsync(await rep.PostAsync($"/api/v1/contracts/{id}/attachments", new MultipartFormDataContent { { file, "file", "scan.pdf" } }), HttpStatusCode.Created);
        var download = await rep.GetAsync($"/api/v1/contracts/{id}/attachments/{scan.GetProperty("id").GetInt32()}");
        Assert.Equal("%PDF-1.7 scan", await download.Content.ReadAsStringAsync());

        var signed = await ReadAsync(await rep.PostAsJsonAsync($"/api/v1/contracts/{id}/sign", new { version = 2, signedOn = today }), HttpStatusCode.OK);
        Assert.Equal("active", signed.GetProperty("status").GetString());
        var listed = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/contracts?customerId={customer}&status=active&endingWithinDays=365");
        Assert.Equal([id], listed.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt32()));

        var terminated = await ReadAsync(await rep.PostAsJsonAsync($"/api/v1/contracts/{id}/terminate", new { version = 3, reason = "客户合并" }), HttpStatusCode.OK);
        Assert.Equal(("terminated", "客户合并"), (terminated.GetProperty("status").GetString(), terminated.GetProperty("terminationReason").GetString()));
    }

    [Fact]
    public async Task BadInputIsRefusedNamingTheField()
    {
        var (rep, customer) = await RepWithCustomerAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var backwards = await ApiProblem.AssertAsync(await rep.PostAsJsonAsync("/api/v1/contracts", new
        {
            customerId = customer, title = "Backwards", startsOn = today, endsOn = today.AddDays(-1), amount = 1m,
        }), HttpStatusCode.BadRequest);
        var noAmount = await ApiProblem.AssertAsync(await rep.PostAsJsonAsync("/api/v1/contracts", new
        {
            customerId = customer, title = "No amount", startsOn = today, endsOn = today,
        }), HttpStatusCode.BadRequest);
        var negative = await ApiProblem.AssertAsync(await rep.PostAsJsonAsync("/api/v1/contracts", new
        {
            customerId = customer, title = "Negative", startsOn = today, endsOn = today, amount = -5m,
        }), HttpStatusCode.BadRequest);
        var status = await ApiProblem.AssertAsync(await rep.GetAsync("/api/v1/contracts?status=won"), HttpStatusCode.BadRequest);

        Assert.True(backwards.GetProperty("errors").TryGetProperty("endsOn", out _), backwards.ToString());
        Assert.True(noAmount.GetProperty("errors").TryGetProperty("amount", out _), noAmount.ToString());
        Assert.True(negative.GetProperty("errors").TryGetProperty("amount", out _), negative.ToString());
        Assert.True(status.GetProperty("errors").TryGetProperty("status", out _), status.ToString());
        Assert.Equal(0, (await rep.GetFromJsonAsync<JsonElement>($"/api/v1/contracts?customerId={customer}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AnotherRepsContractIsNotFoundAndAStaleVersionConflicts()
    {
        var (rep, customer) = await RepWithCustomerAsync();
        var other = await app.CreateSignedInApiClientAsync(DemoCompany.Rep3Email);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var created = await ReadAsync(await rep.PostAsJsonAsync("/api/v1/contracts", new
        {
            customerId = customer, title = "Private", startsOn = today, endsOn = today.AddDays(90), amount = 10m,
        }), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetInt32();

        await ApiProblem.AssertAsync(await other.GetAsync($"/api/v1/contracts/{id}"), HttpStatusCode.NotFound);
        await ApiProblem.AssertAsync(await other.PostAsJsonAsync($"/api/v1/contracts/{id}/sign", new { version = 1, signedOn = today }), HttpStatusCode.NotFound);
        await ApiProblem.AssertAsync(await other.GetAsync($"/api/v1/contracts/{id}/attachments"), HttpStatusCode.NotFound);
        await ApiProblem.AssertAsync(await rep.PostAsJsonAsync($"/api/v1/contracts/{id}/sign", new { version = 7, signedOn = today }), HttpStatusCode.Conflict);

        var deleted = await rep.DeleteAsync($"/api/v1/contracts/{id}?version=1");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ApiProblem.AssertAsync(await rep.GetAsync($"/api/v1/contracts/{id}"), HttpStatusCode.NotFound);
        var restored = await ReadAsync(await rep.PostAsJsonAsync($"/api/v1/contracts/{id}/restore", new { }), HttpStatusCode.OK);
        Assert.Equal("draft", restored.GetProperty("status").GetString());
    }

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<(HttpClient Rep, int Customer)> RepWithCustomerAsync()
    {
        var rep = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var customer = await ReadAsync(await rep.PostAsJsonAsync("/api/v1/customers", new { name = "合同客户 " + Guid.NewGuid().ToString("N")[..8], status = "active" }), HttpStatusCode.Created);
        return (rep, customer.GetProperty("id").GetInt32());
    }
}
