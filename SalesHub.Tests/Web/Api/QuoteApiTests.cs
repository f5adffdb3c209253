using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesHub.Core.Quoting;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Api;

public sealed class QuoteApiTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task ACreatedQuoteAnswersTheEnginesTotalsAndIsFoundByItsCustomersName()
    {
        var (rep, customer, name) = await RepWithCustomerAsync();
        var (pump, valve) = await ProductsAsync();

        var created = await rep.PostAsJsonAsync("/api/v1/quotes", new
        {
            customerId = customer, language = "en", discountPercent = 2.5m, notes = "Delivery in May",
            lines = new object[] { new { productId = pump, quantity = 3m, discountPercent = 5m }, new { productId = valve, quantity = 7.5m, unitPrice = 19.99m } },
        });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var quote = await created.Content.ReadFromJsonAsync<JsonElement>();
        var expected = QuotePricing.Calculate(new PricingInput([new PricingLine(3m, 1000m, 13m) { DiscountPercent = 5m }, new PricingLine(7.5m, 19.99m, 13m)]) { DiscountPercent = 2.5m });
        var totals = quote.GetProperty("totals");
        Assert.Equal((expected.Subtotal, expected.Discount, expected.Untaxed, expected.Tax, expected.Total),
            (totals.GetProperty("subtotal").GetDecimal(), totals.GetProperty("lineDiscounts").GetDecimal() + totals.GetProperty("quoteDiscount").GetDecimal(),
             totals.GetProperty("untaxed").GetDecimal(), totals.GetProperty("tax").GetDecimal(), totals.GetProperty("total").GetDecimal()));
        Assert.Equal(expected.Lines.Select(l => l.Total), quote.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("total").GetDecimal()));
        Assert.Equal(("draft", name, 1000m), (quote.GetProperty("status").GetString(), quote.GetProperty("customerName").GetString(),
            quote.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal()));

        var found = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/quotes?search={Uri.EscapeDataString(name)}&status=Draft");
        var row = Assert.Single(found.GetProperty("items").EnumerateArray());
        Assert.Equal((quote.GetProperty("id").GetInt32(), expected.Total), (row.GetProperty("id").GetInt32(), row.GetProperty("total").GetDecimal()));
    }

    [Fact]
    public async Task ASentQuoteIsRevisedInsteadOfChangedAndItsCustomerAcceptsTheRevision()
    {
        var (rep, customer, _) = await RepWithCustomerAsync();
        var (pump, _) = await ProductsAsync();
        var quote = await CreateAsync(rep, customer, pump, quantity: 1m);
        var id = quote.GetProperty("id").GetInt32();

        var updated = await rep.PutAsJsonAsync($"/api/v1/quotes/{id}", new { customerId = customer, language = "zh-CN", lines = new[] { new { productId = pump, quantity = 2m } }, version = 1 });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        var sent = await StepAsync(rep, id, "send", 2);
        Assert.Equal("sent", sent.GetProperty("status").GetString());

        var inPlace = await ApiProblem.AssertAsync(
            await rep.PutAsJsonAsync($"/api/v1/quotes/{id}", new { customerId = customer, language = "zh-CN", lines = new[] { new { productId = pump, quantity = 3m } }, version = 3 }),
            HttpStatusCode.BadRequest);
        Assert.Equal("Quotes.SentIsReadOnly", inPlace.GetProperty("code").GetString());

        var revised = await rep.PostAsJsonAsync($"/api/v1/quotes/{id}/revise", new { version = 3 });
        Assert.Equal(HttpStatusCode.Created, revised.StatusCode);
        var revision = await revised.Content.ReadFromJsonAsync<JsonElement>();
        var revisionId = revision.GetProperty("id").GetInt32();
        Assert.Equal((2, id, quote.GetProperty("number").GetString()),
            (revision.GetProperty("revision").GetInt32(), revision.GetProperty("previousRevisionId").GetInt32(), revision.GetProperty("number").GetString()));
        Assert.Equal("superseded", (await rep.GetFromJsonAsync<JsonElement>($"/api/v1/quotes/{id}")).GetProperty("status").GetString());

        await StepAsync(rep, revisionId, "send", 1);
        var accepted = await StepAsync(rep, revisionId, "accept", 2);
        Assert.Equal("accepted", accepted.GetProperty("status").GetString());
        await ApiProblem.AssertAsync(await rep.PostAsJsonAsync($"/api/v1/quotes/{revisionId}/reject", new { version = 3 }), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ADiscountAboveTheRepsLimitWaitsForTheManagersApprovalWithAComment()
    {
        var (rep, customer, _) = await RepWithCustomerAsync();
        var manager = await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);
        var (pump, _) = await ProductsAsync();
        var id = (await CreateAsync(rep, customer, pump, quantity: 1m, discountPercent: 25m)).GetProperty("id").GetInt32();

        var pending = await StepAsync(rep, id, "send", 1);
        Assert.Equal(("pendingApproval", 25m), (pending.GetProperty("status").GetString(), pending.GetProperty("approval").GetProperty("discountPercent").GetDecimal()));
        var own = await ApiProblem.AssertAsync(await rep.PostAsJsonAsync($"/api/v1/quotes/{id}/approve", new { version = 2, comment = "Fine by me" }), HttpStatusCode.BadRequest);
        Assert.Equal("Quotes.OwnApproval", own.GetProperty("code").GetString());
        var noComment = await ApiProblem.AssertAsync(await manager.PostAsJsonAsync($"/api/v1/quotes/{id}/approve", new { version = 2 }), HttpStatusCode.BadRequest);
        Assert.True(noComment.GetProperty("errors").TryGetProperty("comment", out _));

        var approved = await StepAsync(manager, id, "approve", 2, "Strategic account");

        Assert.Equal(("sent", "Strategic account"), (approved.GetProperty("status").GetString(), approved.GetProperty("approval").GetProperty("comment").GetString()));
    }

    [Theory]
    [InlineData("{\"language\":\"en\",\"lines\":[{\"productId\":PUMP,\"quantity\":-1}]}", "lines[0].quantity")]
    [InlineData("{\"language\":\"en\",\"lines\":[{\"productId\":PUMP,\"quantity\":1,\"unitPrice\":-5}]}", "lines[0].unitPrice")]
    [InlineData("{\"language\":\"en\",\"lines\":[{\"productId\":PUMP,\"quantity\":1,\"discountPercent\":120}]}", "lines[0].discountPercent")]
    [InlineData("{\"language\":\"en\",\"discountPercent\":101,\"lines\":[{\"productId\":PUMP,\"quantity\":1}]}", "discountPercent")]
    [InlineData("{\"language\":\"en\",\"lines\":[{\"productId\":INACTIVE,\"quantity\":1}]}", "lines[0].productId")]
    [InlineData("{\"language\":\"en\",\"lines\":[{\"quantity\":1}]}", "lines[0].productId")]
    [InlineData("{\"language\":\"en\",\"lines\":[null]}", "lines[0]")]
    [InlineData("{\"language\":\"fr\",\"lines\":[{\"productId\":PUMP,\"quantity\":1}]}", "language")]
    [InlineData("{\"language\":\"en\",\"validUntil\":\"2001-01-01\",\"lines\":[{\"productId\":PUMP,\"quantity\":1}]}", "validUntil")]
    public async Task BadInputIsRefusedNamingTheFieldAndSavesNothing(string body, string field)
    {
        var (rep, customer, _) = await RepWithCustomerAsync();
        var manager = await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);
        var pump = await ProductApiTests.CreateAsync(manager, ProductApiTests.UniqueSku(), "Pumps");
        var inactive = await ProductApiTests.CreateAsync(manager, ProductApiTests.UniqueSku(), "Pumps", isActive: false);
        var json = body.Replace("PUMP", pump.ToString(), StringComparison.Ordinal).Replace("INACTIVE", inactive.ToString(), StringComparison.Ordinal)
            .Replace("{\"language\"", $"{{\"customerId\":{customer},\"language\"", StringComparison.Ordinal);

        var problem = await ApiProblem.AssertAsync(
            await rep.PostAsync("/api/v1/quotes", new StringContent(json, System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, (await rep.GetFromJsonAsync<JsonElement>($"/api/v1/quotes?customerId={customer}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task AnotherRepsCustomerAndQuoteAreNotFound()
    {
        var (rep, customer, _) = await RepWithCustomerAsync();
        var other = await app.CreateSignedInApiClientAsync(DemoCompany.Rep2Email);
        var (pump, _) = await ProductsAsync();
        var id = (await CreateAsync(rep, customer, pump, quantity: 1m)).GetProperty("id").GetInt32();

        await ApiProblem.AssertAsync(
            await other.PostAsJsonAsync("/api/v1/quotes", new { customerId = customer, language = "en", lines = new[] { new { productId = pump, quantity = 1m } } }),
            HttpStatusCode.NotFound);
        await ApiProblem.AssertAsync(await other.GetAsync($"/api/v1/quotes/{id}"), HttpStatusCode.NotFound);
        await ApiProblem.AssertAsync(await other.PostAsJsonAsync($"/api/v1/quotes/{id}/send", new { version = 1 }), HttpStatusCode.NotFound);
        Assert.DoesNotContain(
            (await other.GetFromJsonAsync<JsonElement>("/api/v1/quotes?pageSize=200")).GetProperty("items").EnumerateArray(),
            q => q.GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task AStaleVersionAMissingVersionAndAnUnknownStatusAreRefused()
    {
        var (rep, customer, _) = await RepWithCustomerAsync();
        var (pump, _) = await ProductsAsync();
        var id = (await CreateAsync(rep, customer, pump, quantity: 1m)).GetProperty("id").GetInt32();

        await ApiProblem.AssertAsync(await rep.PostAsJsonAsync($"/api/v1/quotes/{id}/send", new { version = 7 }), HttpStatusCode.Conflict);
        var missing = await ApiProblem.AssertAsync(await rep.PostAsJsonAsync($"/api/v1/quotes/{id}/send", new { }), HttpStatusCode.BadRequest);
        var status = await ApiProblem.AssertAsync(await rep.GetAsync("/api/v1/quotes?status=signed"), HttpStatusCode.BadRequest);

        Assert.True(missing.GetProperty("errors").TryGetProperty("version", out _));
        Assert.True(status.GetProperty("errors").TryGetProperty("status", out _));
        Assert.Equal("draft", (await rep.GetFromJsonAsync<JsonElement>($"/api/v1/quotes/{id}")).GetProperty("status").GetString());
    }

    private static async Task<JsonElement> CreateAsync(HttpClient client, int customer, int product, decimal quantity, decimal discountPercent = 0m)
    {
        var response = await client.PostAsJsonAsync("/api/v1/quotes", new { customerId = customer, language = "zh-CN", discountPercent, lines = new[] { new { productId = product, quantity } } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> StepAsync(HttpClient client, int id, string step, long version, string? comment = null)
    {
        var response = await client.PostAsJsonAsync($"/api/v1/quotes/{id}/{step}", new { version, comment });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task AQuoteNamesOnlyADealOfItsOwnCustomer()
    {
        var (rep, customer, _) = await RepWithCustomerAsync();
        var (_, other, _) = await RepWithCustomerAsync();
        var (pump, _) = await ProductsAsync();
        var stage = (await rep.GetFromJsonAsync<JsonElement>("/api/v1/pipeline/stages"))[0].GetProperty("id").GetInt32();
        var deal = await rep.PostAsJsonAsync("/api/v1/opportunities", new { customerId = other, name = "Pumps", amount = 10m, expectedCloseDate = DateTime.UtcNow.AddDays(5).ToString("yyyy-MM-dd"), stageId = stage });
        var dealId = (await deal.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();

        var refused = await ApiProblem.AssertAsync(
            await rep.PostAsJsonAsync("/api/v1/quotes", new { customerId = customer, language = "en", opportunityId = dealId, lines = new[] { new { productId = pump, quantity = 1m } } }),
            HttpStatusCode.BadRequest);
        var created = await rep.PostAsJsonAsync("/api/v1/quotes", new { customerId = other, language = "en", opportunityId = dealId, lines = new[] { new { productId = pump, quantity = 1m } } });

        Assert.True(refused.GetProperty("errors").TryGetProperty("opportunityId", out _));
        var quote = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(dealId, quote.GetProperty("opportunityId").GetInt32());
        var dealsQuotes = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/quotes?opportunityId={dealId}");
        Assert.Equal([quote.GetProperty("id").GetInt32()], dealsQuotes.GetProperty("items").EnumerateArray().Select(q => q.GetProperty("id").GetInt32()));
    }

    private async Task<(HttpClient Rep, int Customer, string Name)> RepWithCustomerAsync()
    {
        var rep = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var name = "报价客户 " + Guid.NewGuid().ToString("N")[..8];
        var response = await rep.PostAsJsonAsync("/api/v1/customers", new { name, status = "active" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (rep, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32(), name);
    }

    private async Task<(int Pump, int Valve)> ProductsAsync()
    {
        var manager = await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);
        return (await ProductApiTests.CreateAsync(manager, ProductApiTests.UniqueSku(), "Pumps", listPrice: 1000m),
            await ProductApiTests.CreateAsync(manager, ProductApiTests.UniqueSku(), "Valves", listPrice: 25m));
    }
}
