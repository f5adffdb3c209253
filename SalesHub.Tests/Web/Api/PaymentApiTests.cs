using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Api;

public sealed class PaymentApiTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task APlannedOrderIsPaidInPartsReversedOnceAndShowsInTheReceivables()
    {
        var (rep, customer, order, total) = await ConfirmedOrderAsync();
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);

        var plan = await SendAsync(rep, HttpMethod.Put, $"/api/v1/orders/{order}/payment-plan",
            new { instalments = new[] { new { dueDate = due.AddDays(30), amount = total - 500m, note = (string?)"rest" }, new { dueDate = due, amount = 500m, note = (string?)null } }, planVersion = 0 }, HttpStatusCode.OK);
        var first = await SendAsync(rep, HttpMethod.Post, "/api/v1/payments",
            new { orderId = order, receivedOn = due.AddDays(-30), amount = 300.45m, method = "weChatPay", reference = "WX-001" }, HttpStatusCode.Created);
        var cash = await SendAsync(rep, HttpMethod.Post, "/api/v1/payments",
            new { orderId = order, receivedOn = due.AddDays(-30), amount = 100m, method = "cash" }, HttpStatusCode.Created);
        var reversal = await SendAsync(rep, HttpMethod.Post, $"/api/v1/payments/{cash.GetProperty("id").GetInt32()}/reverse", new { reason = "counted twice" }, HttpStatusCode.Created);

        Assert.Equal([due, due.AddDays(30)], plan.GetProperty("plan").EnumerateArray().Select(i => DateOnly.Parse(i.GetProperty("dueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(("weChatPay", 300.45m), (first.GetProperty("method").GetString(), first.GetProperty("amount").GetDecimal()));
        Assert.Equal((-100m, "counted twice"), (reversal.GetProperty("amount").GetDecimal(), reversal.GetProperty("reversalReason").GetString()));
        var balance = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}/payment-plan");
        Assert.Equal((300.45m, total - 300.45m, due), (balance.GetProperty("paid").GetDecimal(), balance.GetProperty("outstanding").GetDecimal(),
            DateOnly.Parse(balance.GetProperty("nextDueDate").GetString()!, System.Globalization.CultureInfo.InvariantCulture)));
        var listed = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/payments?orderId={order}");
        Assert.Equal(3, listed.GetProperty("total").GetInt32());
        var weChat = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/payments?customerId={customer}&method=weChatPay&from={due.AddDays(-30):yyyy-MM-dd}&to={due.AddDays(-30):yyyy-MM-dd}");
        Assert.Equal([first.GetProperty("id").GetInt32()], weChat.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));
        var receivable = (await rep.GetFromJsonAsync<JsonElement>($"/api/v1/receivables?customerId={customer}")).GetProperty("items").EnumerateArray().Single();
        Assert.Equal((order, 300.45m, total - 300.45m), (receivable.GetProperty("orderId").GetInt32(), receivable.GetProperty("paid").GetDecimal(), receivable.GetProperty("outstanding").GetDecimal()));
        var byCustomer = await rep.GetFromJsonAsync<JsonElement>("/api/v1/receivables?groupBy=customer");
        Assert.Contains(byCustomer.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetInt32() == customer && t.GetProperty("outstanding").GetDecimal() == total - 300.45m);
    }

    [Fact]
    public async Task BadPaymentsAndPlansAreRefusedNamingTheFieldAndRecordNothing()
    {
        var (rep, _, order, total) = await ConfirmedOrderAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var over = await ProblemAsync(rep, HttpMethod.Post, "/api/v1/payments", new { orderId = order, receivedOn = today, amount = total + 0.01m, method = "bankTransfer" });
        var method = await ProblemAsync(rep, HttpMethod.Post, "/api/v1/payments", new { orderId = order, receivedOn = today, amount = 1m, method = "barter" });
        var date = await ProblemAsync(rep, HttpMethod.Post, "/api/v1/payments", new { orderId = order, amount = 1m, method = "cash" });
        var plan = await ProblemAsync(rep, HttpMethod.Put, $"/api/v1/orders/{order}/payment-plan", new { instalments = new[] { new { dueDate = today, amount = total + 1m } }, planVersion = 0 });
        var sort = await rep.GetAsync("/api/v1/receivables?groupBy=region");
        var credit = await SendAsync(rep, HttpMethod.Post, "/api/v1/payments",
            new { orderId = order, receivedOn = today, amount = total + 50m, method = "alipay", isPrepayment = true }, HttpStatusCode.Created);

        Assert.True(over.GetProperty("errors").TryGetProperty("amount", out _), over.ToString());
        Assert.True(method.GetProperty("errors").TryGetProperty("method", out _), method.ToString());
        Assert.True(date.GetProperty("errors").TryGetProperty("receivedOn", out _), date.ToString());
        Assert.True(plan.GetProperty("errors").TryGetProperty("instalments", out _), plan.ToString());
        Assert.True((await ApiProblem.AssertAsync(sort, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("groupBy", out _));
        Assert.True(credit.GetProperty("isPrepayment").GetBoolean());
        var balance = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}/payment-plan");
        Assert.Equal((0m, 50m), (balance.GetProperty("outstanding").GetDecimal(), balance.GetProperty("credit").GetDecimal()));
        Assert.Equal(1, (await rep.GetFromJsonAsync<JsonElement>($"/api/v1/payments?orderId={order}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task APlanBasedOnAnOlderPlanVersionIsAConflictAndAPlanWithoutOneIsRefused()
    {
        var (rep, _, order, total) = await ConfirmedOrderAsync();
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30);
        var seen = (await rep.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}/payment-plan")).GetProperty("planVersion").GetInt64();
        var manager = await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);

        var saved = await SendAsync(manager, HttpMethod.Put, $"/api/v1/orders/{order}/payment-plan", new { instalments = new[] { new { dueDate = due, amount = total } }, planVersion = seen }, HttpStatusCode.OK);
        var stale = await ProblemAsync(rep, HttpMethod.Put, $"/api/v1/orders/{order}/payment-plan", new { instalments = new[] { new { dueDate = due, amount = 1m } }, planVersion = seen }, HttpStatusCode.Conflict);
        var missing = await ProblemAsync(rep, HttpMethod.Put, $"/api/v1/orders/{order}/payment-plan", new { instalments = new[] { new { dueDate = due, amount = 1m } } });

        Assert.Equal(seen + 1, saved.GetProperty("planVersion").GetInt64());
        Assert.Equal("Errors.Conflict", stale.GetProperty("code").GetString());
        Assert.Contains("changed", stale.GetProperty("title").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(missing.GetProperty("errors").TryGetProperty("planVersion", out _), missing.ToString());
        var plan = (await rep.GetFromJsonAsync<JsonElement>($"/api/v1/orders/{order}/payment-plan")).GetProperty("plan");
        Assert.Equal([total], plan.EnumerateArray().Select(i => i.GetProperty("amount").GetDecimal()));
    }

    [Fact]
    public async Task AnotherTeamsRepGetsNotFoundForTheOrdersMoney()
    {
        var (rep, _, order, _) = await ConfirmedOrderAsync();
        var payment = await SendAsync(rep, HttpMethod.Post, "/api/v1/payments",
            new { orderId = order, receivedOn = DateOnly.FromDateTime(DateTime.UtcNow), amount = 10m, method = "card" }, HttpStatusCode.Created);
        var other = await app.CreateSignedInApiClientAsync(DemoCompany.Rep3Email);

        await ApiProblem.AssertAsync(await other.GetAsync($"/api/v1/orders/{order}/payment-plan"), HttpStatusCode.NotFound);
        await ApiProblem.AssertAsync(await other.GetAsync($"/api/v1/payments?orderId={order}"), HttpStatusCode.NotFound);
        await ProblemAsync(other, HttpMethod.Post, "/api/v1/payments", new { orderId = order, receivedOn = DateOnly.FromDateTime(DateTime.UtcNow), amount = 1m, method = "cash" }, HttpStatusCode.NotFound);
        await ProblemAsync(other, HttpMethod.Post, $"/api/v1/payments/{payment.GetProperty("id").GetInt32()}/reverse", new { reason = "mine now" }, HttpStatusCode.NotFound);

        var theirs = await other.GetFromJsonAsync<JsonElement>("/api/v1/receivables?outstandingOnly=false&pageSize=200");
        Assert.DoesNotContain(theirs.GetProperty("items").EnumerateArray(), r => r.GetProperty("orderId").GetInt32() == order);
        Assert.Equal(1, (await rep.GetFromJsonAsync<JsonElement>($"/api/v1/payments?orderId={order}")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task TheOpenApiDocumentListsThePaymentResources()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);

        var paths = (await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths");

        Assert.All(
            ["/api/v1/payments", "/api/v1/payments/{id}/reverse", "/api/v1/orders/{id}/payment-plan", "/api/v1/receivables"],
            path => Assert.True(paths.TryGetProperty(path, out _), path + " in " + string.Join(", ", paths.EnumerateObject().Select(p => p.Name))));
    }

    private static async Task<JsonElement> SendAsync(HttpClient client, HttpMethod method, string path, object body, HttpStatusCode expected)
    {
        var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) });
        Assert.True(response.StatusCode == expected, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<JsonElement> ProblemAsync(HttpClient client, HttpMethod method, string path, object body, HttpStatusCode expected = HttpStatusCode.BadRequest) =>
        await ApiProblem.AssertAsync(await client.SendAsync(new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) }), expected);

    /// <summary>A confirmed order of rep1's for a new customer of theirs: two pumps at 1,000 plus tax.</summary>
    private async Task<(HttpClient Rep, int Customer, int Order, decimal Total)> ConfirmedOrderAsync()
    {
        var rep = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var customer = (await SendAsync(rep, HttpMethod.Post, "/api/v1/customers", new { name = "回款客户 " + Guid.NewGuid().ToString("N")[..8], status = "active" }, HttpStatusCode.Created))
            .GetProperty("id").GetInt32();
        var pump = await ProductApiTests.CreateAsync(await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail), ProductApiTests.UniqueSku(), "Services", listPrice: 1000m, tracksStock: false);
        var order = await SendAsync(rep, HttpMethod.Post, "/api/v1/orders", new { customerId = customer, language = "en", lines = new[] { new { productId = pump, quantity = 2m } } }, HttpStatusCode.Created);
        var id = order.GetProperty("id").GetInt32();
        await SendAsync(rep, HttpMethod.Post, $"/api/v1/orders/{id}/confirm", new { version = 1 }, HttpStatusCode.OK);
        return (rep, customer, id, order.GetProperty("totals").GetProperty("total").GetDecimal());
    }
}
