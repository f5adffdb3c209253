using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SalesHub.Core.Customers;
using SalesHub.Core.Seeding;
using SalesHub.Tests.Infrastructure;

namespace SalesHub.Tests.Web.Api;

public sealed class AttachmentApiTests(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task ARepUploadsAFileAndDownloadsTheSameBytesUnderItsName()
    {
        var customerId = await AddCustomerAsync(DemoCompany.Rep1Email);
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var bytes = "%PDF-1.7 报价单"u8.ToArray();

        var upload = await client.PostAsync($"/api/v1/customers/{customerId}/attachments", FileForm("报价单 Q-17.pdf", bytes));

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var created = await upload.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt32();
        Assert.Equal(("报价单 Q-17.pdf", bytes.Length, "Rita Rep"), (created.GetProperty("fileName").GetString(), created.GetProperty("size").GetInt32(), created.GetProperty("uploadedByName").GetString()));
        Assert.Equal($"/api/v1/attachments/{id}", upload.Headers.Location?.OriginalString);

        var download = await client.GetAsync($"/api/v1/attachments/{id}");

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("报价单 Q-17.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal(["nosniff"], download.Headers.GetValues("X-Content-Type-Options"));
        var list = await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/attachments");
        Assert.Equal([id], list.EnumerateArray().Select(a => a.GetProperty("id").GetInt32()));
    }

    [Fact]
    public async Task ARepOfAnotherTeamGets404ForTheFileAndTheCustomer()
    {
        var customerId = await AddCustomerAsync(DemoCompany.Rep1Email);
        var id = await UploadAsync(await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email), customerId, "contract.pdf", "secret"u8.ToArray());
        var stranger = await app.CreateSignedInApiClientAsync(DemoCompany.Rep3Email);

        var download = await stranger.GetAsync($"/api/v1/attachments/{id}");

        Assert.Equal(HttpStatusCode.NotFound, download.StatusCode);
        Assert.Equal("application/problem+json", download.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("secret", await download.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/customers/{customerId}/attachments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.DeleteAsync($"/api/v1/attachments/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.PostAsync($"/api/v1/customers/{customerId}/attachments", FileForm("x.pdf", "x"u8.ToArray()))).StatusCode);
    }

    [Fact]
    public async Task AFileOverTheLimitGets400NamingTheFieldAndIsNotKept()
    {
        var customerId = await AddCustomerAsync(DemoCompany.Rep1Email);
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var maxBytes = app.Services.GetRequiredService<IOptions<AttachmentOptions>>().Value.MaxBytes;

        var response = await client.PostAsync($"/api/v1/customers/{customerId}/attachments", FileForm("scan.pdf", new byte[maxBytes + 1]));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Attachments.TooLarge", problem.GetProperty("code").GetString());
        Assert.Equal("The file is larger than 20 MB.", problem.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>($"/api/v1/customers/{customerId}/attachments")).EnumerateArray());
    }

    [Fact]
    public async Task AProgramNamedLikeADocumentGets400()
    {
        var customerId = await AddCustomerAsync(DemoCompany.Rep1Email);
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);

        var response = await client.PostAsync($"/api/v1/customers/{customerId}/attachments", FileForm("invoice.pdf", [(byte)'M', (byte)'Z', 0x90, 0, 3, 0]));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("Attachments.Executable", problem.GetProperty("code").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("file", out _));
    }

    [Fact]
    public async Task TheUploaderDeletesTheirFile()
    {
        var customerId = await AddCustomerAsync(DemoCompany.Rep1Email);
        var client = await app.CreateSignedInApiClientAsync(DemoCompany.Rep1Email);
        var id = await UploadAsync(client, customerId, "old.txt", "old"u8.ToArray());

        var response = await client.DeleteAsync($"/api/v1/attachments/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/attachments/{id}")).StatusCode);
    }

    [Fact]
    public async Task TheAppDownloadAddressSendsAnonymousVisitorsToSignIn()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

        var response = await client.GetAsync("/customers/attachments/1");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Account/Login", response.Headers.Location?.AbsolutePath);
    }

    private async Task<int> AddCustomerAsync(string ownerEmail)
    {
        var details = new CustomerDetails($"Attachment Test {Guid.NewGuid():N}", CustomerKind.Company, null, null, null, null, null, null, CustomerStatus.Prospect, null);
        return await app.Services.GetRequiredService<CustomerDirectory>()
            .CreateAsync(await app.ActorForAsync(ownerEmail), new NewCustomer(details, IgnoreDuplicates: true));
    }

    private static async Task<int> UploadAsync(HttpClient client, int customerId, string fileName, byte[] bytes)
    {
        var response = await client.PostAsync($"/api/v1/customers/{customerId}/attachments", FileForm(fileName, bytes));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
    }

    private static MultipartFormDataContent FileForm(string fileName, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
