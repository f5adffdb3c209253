using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Api;

public sealed class ProductApiTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task AManagerCreatesReadsUpdatesAndDeletesAProduct()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);
        var sku = UniqueSku();

        var created = await client.PostAsJsonAsync("/api/v1/products", new { sku = sku.ToLowerInvariant() + " ", nameEn = "Gear pump", nameZh = "齿轮泵", category = "Pumps", unit = "台", listPrice = 1999.90m, cost = 1200m });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var product = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = product.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/products/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal((sku, 1999.90m, 1200m, 13m, true), (product.GetProperty("sku").GetString(), product.GetProperty("listPrice").GetDecimal(),
            product.GetProperty("cost").GetDecimal(), product.GetProperty("taxRate").GetDecimal(), product.GetProperty("isActive").GetBoolean()));

        var version = product.GetProperty("version").GetInt64();
        var updated = await client.PutAsJsonAsync($"/api/v1/products/{id}", new { sku, nameEn = "Gear pump", unit = "台", listPrice = 2100m, cost = 1200m, taxRate = 9m, isActive = false, version });
        var afterUpdate = await updated.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((HttpStatusCode.OK, 2100m, 9m, false), (updated.StatusCode, afterUpdate.GetProperty("listPrice").GetDecimal(), afterUpdate.GetProperty("taxRate").GetDecimal(), afterUpdate.GetProperty("isActive").GetBoolean()));

        var stale = await ApiProblem.AssertAsync(
            await client.PutAsJsonAsync($"/api/v1/products/{id}", new { sku, nameEn = "Stale", unit = "台", listPrice = 1m, version }), HttpStatusCode.Conflict);
        Assert.Equal("Errors.Conflict", stale.GetProperty("code").GetString());

        var deleted = await client.DeleteAsync($"/api/v1/products/{id}?version={afterUpdate.GetProperty("version").GetInt64()}");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await ApiProblem.AssertAsync(await client.GetAsync($"/api/v1/products/{id}"), HttpStatusCode.NotFound);
        var bin = await client.GetFromJsonAsync<JsonElement>("/api/v1/products/deleted?pageSize=200");
        Assert.Contains(bin.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetInt32() == id);

        var restored = await client.PostAsync($"/api/v1/products/{id}/restore", null);
        Assert.Equal(HttpStatusCode.OK, restored.StatusCode);
        Assert.Equal(sku, (await client.GetFromJsonAsync<JsonElement>($"/api/v1/products/{id}")).GetProperty("sku").GetString());
    }

    [Fact]
    public async Task ARepReadsProductsWithoutCostAndMayNotEditThem()
    {
        var manager = await app.CreateSignedInApiClientAsync(DemoCompany.ManagerEmail);
        var rep = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var sku = UniqueSku();
        var id = await CreateAsync(manager, sku, "Valves");

        var single = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/products/{id}");
        var list = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/products?search={sku}");

        Assert.False(single.TryGetProperty("cost", out _));
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal((sku, false), (row.GetProperty("sku").GetString(), row.TryGetProperty("cost", out _)));
        Assert.True((await manager.GetFromJsonAsync<JsonElement>($"/api/v1/products/{id}")).TryGetProperty("cost", out _));

        await ApiProblem.AssertAsync(await rep.PostAsJsonAsync("/api/v1/products", new { sku = UniqueSku(), nameEn = "Mine", unit = "件", listPrice = 1m }), HttpStatusCode.Forbidden);
        await ApiProblem.AssertAsync(await rep.PutAsJsonAsync($"/api/v1/products/{id}", new { sku, nameEn = "Mine", unit = "件", listPrice = 1m, version = 1 }), HttpStatusCode.Forbidden);
        await ApiProblem.AssertAsync(await rep.DeleteAsync($"/api/v1/products/{id}?version=1"), HttpStatusCode.Forbidden);
        await ApiProblem.AssertAsync(await rep.GetAsync("/api/v1/products/deleted"), HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("{\"sku\":\"\",\"nameEn\":\"A\",\"unit\":\"件\",\"listPrice\":1}", "sku", "Products.SkuRequired")]
    [InlineData("{\"sku\":\"X-BAD-1\",\"unit\":\"件\",\"listPrice\":1}", "nameEn", "Products.NameRequired")]
    [InlineData("{\"sku\":\"X-BAD-2\",\"nameEn\":\"A\",\"unit\":\"件\"}", "listPrice", "Errors.Required")]
    [InlineData("{\"sku\":\"X-BAD-3\",\"nameEn\":\"A\",\"unit\":\"件\",\"listPrice\":1.005}", "listPrice", "Errors.TooManyDecimals")]
    [InlineData("{\"sku\":\"X-BAD-4\",\"nameEn\":\"A\",\"unit\":\"件\",\"listPrice\":-1}", "listPrice", "Errors.NegativeAmount")]
    public async Task BadInputAnswersAProblemNamingTheField(string body, string field, string code)
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.AdminEmail);

        var problem = await ApiProblem.AssertAsync(
            await client.PostAsync("/api/v1/products", new StringContent(body, System.Text.Encoding.UTF8, "application/json")), HttpStatusCode.BadRequest);

        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task TheListFiltersByCategoryAndActiveAndSorts()
    {
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.AdminEmail);
        var category = "Cat" + Guid.NewGuid().ToString("N")[..8];
        var a = await CreateAsync(client, UniqueSku(), category, listPrice: 30m);
        var b = await CreateAsync(client, UniqueSku(), category, listPrice: 10m);
        await CreateAsync(client, UniqueSku(), category, listPrice: 20m, isActive: false);

        var active = await client.GetFromJsonAsync<JsonElement>($"/api/v1/products?category={category}&active=true&sort=-listPrice&pageSize=1");

        Assert.Equal(2, active.GetProperty("total").GetInt32());
        Assert.Equal([a], active.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));
        var cheapest = await client.GetFromJsonAsync<JsonElement>($"/api/v1/products?category={category}&active=true&sort=listPrice&pageSize=1");
        Assert.Equal([b], cheapest.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()));
        Assert.Contains(category, await client.GetFromJsonAsync<string[]>("/api/v1/products/categories") ?? []);
    }

    internal static async Task<int> CreateAsync(HttpClient client, string sku, string category, decimal listPrice = 100m, bool isActive = true, bool tracksStock = true)
    {
        var response = await client.PostAsJsonAsync("/api/v1/products", new { sku, nameEn = "Product " + sku, nameZh = "产品 " + sku, category, unit = "件", listPrice, cost = 50m, isActive, tracksStock });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    internal static string UniqueSku() => "T-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
}
