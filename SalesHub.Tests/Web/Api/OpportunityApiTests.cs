using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Api;

public sealed class OpportunityApiTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task ADealIsCreatedMovedAndItsStageHistoryRead()
    {
        var (rep, customer) = await RepWithCustomerAsync(DemoCompany.Rep1Email);
        var stages = await StagesAsync(rep);

        var created = await rep.PostAsJsonAsync("/api/v1/opportunities", new
        {
            customerId = customer, name = "Cooling pumps", amount = 120_000m, expectedCloseDate = Today.AddDays(40), stageId = stages["Demo"], competitor = "Grundfos",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var deal = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = deal.GetProperty("id").GetInt32();
        Assert.Equal((40, 48_000m), (deal.GetProperty("probability").GetInt32(), deal.GetProperty("weightedAmount").GetDecimal()));

        var moved = await rep.PostAsJsonAsync($"/api/v1/opportunities/{id}/move", new { stageId = stages["Lost"], lostReason = "Price", version = 1 });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        var lost = await moved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("lost", "Price", 0), (lost.GetProperty("stageKind").GetString(), lost.GetProperty("lostReason").GetString(), lost.GetProperty("probability").GetInt32()));

        var history = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/opportunities/{id}/history");
        Assert.Equal([stages["Demo"], stages["Lost"]], history.EnumerateArray().Select(h => h.GetProperty("toStageId").GetInt32()));
        var listed = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/opportunities?open=false&customerId={customer}");
        Assert.Equal([id], listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task AnotherRepsDealIsNotFound()
    {
        var (rep, customer) = await RepWithCustomerAsync(DemoCompany.Rep1Email);
        var id = await CreateAsync(rep, customer, (await StagesAsync(rep))["Initial contact"]);
        var other = await app.CreateSignedInApiClientAsync(DemoCompany.Rep3Email);

        await ApiProblem.AssertAsync(await other.GetAsync($"/api/v1/opportunities/{id}"), HttpStatusCode.NotFound);
        await ApiProblem.AssertAsync(await other.GetAsync($"/api/v1/opportunities/{id}/history"), HttpStatusCode.NotFound);
        await ApiProblem.AssertAsync(await other.PostAsJsonAsync($"/api/v1/opportunities/{id}/move", new { stageId = 1, version = 1 }), HttpStatusCode.NotFound);
        var manager = await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync($"/api/v1/opportunities/{id}")).StatusCode);
    }

    [Fact]
    public async Task BadInputNamesTheFieldAndAStaleVersionIsAConflict()
    {
        var (rep, customer) = await RepWithCustomerAsync(DemoCompany.Rep1Email);
        var stages = await StagesAsync(rep);
        var id = await CreateAsync(rep, customer, stages["Initial contact"]);

        var negative = await ApiProblem.AssertAsync(await rep.PostAsJsonAsync("/api/v1/opportunities", new
        {
            customerId = customer, name = "Bad", amount = -5m, expectedCloseDate = Today, stageId = stages["Demo"],
        }), HttpStatusCode.BadRequest);
        var old = await ApiProblem.AssertAsync(await rep.PostAsJsonAsync("/api/v1/opportunities", new
        {
            customerId = customer, name = "Old", amount = 5m, expectedCloseDate = Today.AddYears(-2), stageId = stages["Demo"],
        }), HttpStatusCode.BadRequest);
        var reason = await ApiProblem.AssertAsync(await rep.PostAsJsonAsync($"/api/v1/opportunities/{id}/move", new { stageId = stages["Lost"], version = 1 }), HttpStatusCode.BadRequest);
        var won = await rep.PostAsJsonAsync($"/api/v1/opportunities/{id}/move", new { stageId = stages["Won"], version = 1 });
        Assert.Equal(HttpStatusCode.OK, won.StatusCode);
        var wonDeal = await won.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("won", 2L), (wonDeal.GetProperty("stageKind").GetString(), wonDeal.GetProperty("version").GetInt64()));
        var reopen = await ApiProblem.AssertAsync(await rep.PostAsJsonAsync($"/api/v1/opportunities/{id}/move", new { stageId = stages["Demo"], version = 2 }), HttpStatusCode.BadRequest);
        var stale = await ApiProblem.AssertAsync(await rep.PostAsJsonAsync($"/api/v1/opportunities/{id}/move", new { stageId = stages["Demo"], reopen = true, version = 1 }), HttpStatusCode.Conflict);

        Assert.True(negative.GetProperty("errors").TryGetProperty("amount", out _));
        Assert.True(old.GetProperty("errors").TryGetProperty("expectedCloseDate", out _));
        Assert.True(reason.GetProperty("errors").TryGetProperty("lostReason", out _));
        Assert.Equal("Opportunities.ReopenRequired", reopen.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (HttpStatusCode)stale.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("minAmount=5000&maxAmount=1000", "Opportunities.InvalidAmountRange", "maxAmount")]
    [InlineData("closeFrom=2026-12-31&closeTo=2026-12-01", "Opportunities.InvalidClosePeriod", "closeTo")]
    public async Task AnEmptyFilterRangeIsABadRequestNamingTheField(string filter, string code, string field)
    {
        var rep = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);

        var problem = await ApiProblem.AssertAsync(await rep.GetAsync($"/api/v1/opportunities?{filter}"), HttpStatusCode.BadRequest);

        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task OnlyAdministratorsChangeStages()
    {
        var rep = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var admin = await app.CreateSignedInApiClientAsync(DemoCompany.AdminEmail);
        var stage = new { nameEn = "Trial " + Guid.NewGuid().ToString("N")[..6], nameZh = "试用", defaultProbability = 50, kind = "open", staleAfterDays = 5 };

        await ApiProblem.AssertAsync(await rep.PostAsJsonAsync("/api/v1/pipeline/stages", stage), HttpStatusCode.Forbidden);
        var created = await admin.PostAsJsonAsync("/api/v1/pipeline/stages", stage);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var inUse = await ApiProblem.AssertAsync(await admin.DeleteAsync($"/api/v1/pipeline/stages/{(await StagesAsync(rep))["Initial contact"]}?version=1"), HttpStatusCode.BadRequest);
        Assert.Equal("PipelineStages.InUse", inUse.GetProperty("code").GetString());
        var counted = (await admin.GetFromJsonAsync<JsonElement>("/api/v1/pipeline/stages")).EnumerateArray().ToList();
        Assert.All(counted, s => Assert.Equal(JsonValueKind.Number, s.GetProperty("opportunityCount").ValueKind));
        var named = (await rep.GetFromJsonAsync<JsonElement>("/api/v1/pipeline/stages")).EnumerateArray().ToList();
        Assert.All(named, s => Assert.Equal(JsonValueKind.Null, s.GetProperty("opportunityCount").ValueKind));
        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/pipeline/stages/{id}?version=1")).StatusCode);
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private static async Task<Dictionary<string, int>> StagesAsync(HttpClient client) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/v1/pipeline/stages")).EnumerateArray()
            .ToDictionary(s => s.GetProperty("nameEn").GetString()!, s => s.GetProperty("id").GetInt32());

    private static async Task<int> CreateAsync(HttpClient rep, int customer, int stageId)
    {
        var created = await rep.PostAsJsonAsync("/api/v1/opportunities", new { customerId = customer, name = "Valves", amount = 1_000m, expectedCloseDate = Today.AddDays(10), stageId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private async Task<(HttpClient Rep, int Customer)> RepWithCustomerAsync(string email)
    {
        var rep = await app.CreateSignedInApiClientAsync(email);
        var response = await rep.PostAsJsonAsync("/api/v1/customers", new { name = "商机客户 " + Guid.NewGuid().ToString("N")[..8], status = "active" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (rep, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32());
    }
}
