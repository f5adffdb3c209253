using SalesHub.Core.Errors;

namespace SalesHub.Tests.Core.Contracts;

public sealed class ContractAttachmentsTests : IDisposable
{
    private readonly ContractCompany _company = new();

    [Fact]
    public async Task TheSignedScanIsKeptWithTheContractAndOpensWithTheSameBytes()
    {
        var id = await _company.AddSignedAsync();
        var bytes = "%PDF-1.7 signed"u8.ToArray();

        var attachmentId = await _company.Attachments.UploadAsync(_company.Rita, id, "合同扫描件.pdf", "application/octet-stream", new MemoryStream(bytes));

        var row = Assert.Single(await _company.Attachments.ListAsync(_company.Martin, id));
        Assert.Equal((attachmentId, "合同扫描件.pdf", "application/pdf", true), (row.Id, row.FileName, row.ContentType, row.CanDelete));
        var download = await _company.Attachments.OpenAsync(_company.Rita, id, attachmentId);
        await using var content = download.Content;
        using var copy = new MemoryStream();
        await content.CopyToAsync(copy);
        Assert.Equal(bytes, copy.ToArray());
    }

    [Fact]
    public async Task ProgramsAndTooLargeFilesAreRefusedLikeCustomerFiles()
    {
        var id = await _company.AddSignedAsync();

        var program = await Assert.ThrowsAsync<DomainException>(() => _company.Attachments.UploadAsync(_company.Rita, id, "scan.pdf", null, new MemoryStream("MZ\x90\0"u8.ToArray())));
        var large = await Assert.ThrowsAsync<DomainException>(() => _company.Attachments.UploadAsync(_company.Rita, id, "scan.pdf", null, new MemoryStream(new byte[5000])));

        Assert.Equal(("Attachments.Executable", "file"), (program.Code, program.Field));
        Assert.Equal(("Attachments.TooLarge", "file"), (large.Code, large.Field));
        Assert.Empty(await _company.Attachments.ListAsync(_company.Rita, id));
    }

    [Fact]
    public async Task AnotherRepNeitherSeesNorAddsAContractsFiles()
    {
        var id = await _company.AddSignedAsync();
        var attachmentId = await _company.Attachments.UploadAsync(_company.Rita, id, "scan.pdf", null, new MemoryStream("%PDF"u8.ToArray()));

        await Assert.ThrowsAsync<RecordNotFoundException>(() => _company.Attachments.ListAsync(_company.Sam, id));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => _company.Attachments.OpenAsync(_company.Sam, id, attachmentId));
        await Assert.ThrowsAsync<RecordNotFoundException>(() => _company.Attachments.UploadAsync(_company.Sam, id, "x.pdf", null, new MemoryStream("%PDF"u8.ToArray())));
        await _company.Attachments.DeleteAsync(_company.Rita, id, attachmentId);
        Assert.Empty(await _company.Attachments.ListAsync(_company.Rita, id));
    }

    public void Dispose() => _company.Dispose();
}
